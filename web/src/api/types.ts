// Shapes of the JSON the careops server sends. Times are UTC milliseconds since the epoch.

/** Body of every non-2xx API response. `field` names the offending input, when there is one. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    field?: string;
  };
}

export type DatabaseDialect = 'sqlite' | 'postgres';
export type SmsProvider = 'console' | 'twilio' | 'none';
export type EmailProvider = 'console' | 'smtp' | 'none';

/** GET /api/status */
export interface StatusResponse {
  name: string;
  /** Semantic version of the binary, e.g. "0.1.0". */
  version: string;
  started_at: number;
  uptime_seconds: number;
  server_time: number;
  database: {
    dialect: DatabaseDialect;
    /** Where the data lives; the server must have removed any password from it. */
    location: string;
    reachable: boolean;
  };
  migrations: {
    /** Highest migration applied to the database. */
    current: number;
    /** Highest migration this binary knows. */
    latest: number;
    up_to_date: boolean;
  };
  providers: {
    sms: SmsProvider;
    email: EmailProvider;
  };
}
