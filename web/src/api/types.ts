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

/** A user, as GET /api/auth/me and several account endpoints answer. */
export interface User {
  id: number;
  email: string;
  full_name: string;
  /** E.164 (+14155552671), or null when the account has no phone. */
  phone_number: string | null;
  is_phone_verified: boolean;
  is_active: boolean;
  two_factor_enabled: boolean;
  created_at: number;
}

/** A code that was just sent. `to` is masked ("+1•••••••71"); times are server UTC ms. */
export interface Verification {
  channel: 'sms' | 'email';
  to: string;
  expires_at: number;
  resend_after: number;
}

/** POST /api/auth/register */
export interface RegisterRequest {
  email: string;
  password: string;
  full_name: string;
  phone_number?: string;
}

export interface RegisterResponse extends User {
  /** Present when a phone number was given: the code sent to it. */
  verification?: Verification;
}

/** POST /api/auth/verify-sms */
export interface StatusMessage {
  status: 'success';
  message: string;
}

/** POST /api/auth/resend-sms */
export interface ResendResponse extends StatusMessage {
  expires_at: number;
  resend_after: number;
}

/** A finished sign-in. The web app ignores the token: the session cookie carries it. */
export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
}

/** Sign-in that needs its second step (POST /api/auth/login/verify). */
export interface MfaChallenge {
  mfa_required: true;
  /** Identifies the half-finished sign-in; kept in memory only, never in a URL. */
  mfa_token: string;
  verification?: Verification;
}

/** POST /api/auth/login */
export type LoginResponse = TokenResponse | MfaChallenge;

export interface Session {
  id: number | string;
  created_at: number;
  last_seen_at: number;
  ip: string;
  user_agent: string;
  /** The session this browser is using. */
  current: boolean;
}

/** GET /api/auth/sessions */
export interface SessionsResponse {
  sessions: Session[];
}

export type AuditEventType =
  | 'login_ok'
  | 'login_failed'
  | 'code_sent'
  | 'code_not_sent'
  | 'code_verified'
  | 'code_failed'
  | 'password_changed'
  | 'password_reset'
  | 'phone_changed'
  | 'two_factor_enabled'
  | 'two_factor_disabled'
  | 'session_revoked';

export interface AuditEvent {
  id: number;
  /** One of AuditEventType; newer servers may send others. */
  type: string;
  created_at: number;
  ip: string | null;
  detail: string | null;
}

/** GET /api/auth/audit (newest first) */
export interface AuditResponse {
  events: AuditEvent[];
}

/** POST /api/auth/phone */
export interface PhoneChangeResponse {
  verification: Verification;
}

/** POST /api/auth/2fa: shown once, never retrievable again. */
export interface RecoveryCodesResponse {
  recovery_codes: string[];
}

export type MessageChannel = 'sms' | 'email';

export interface MessageAttempt {
  attempt: number;
  started_at: number;
  finished_at: number | null;
  outcome: string;
  error_code: string | null;
  error_message: string | null;
}

/** GET /api/messages/{id} */
export interface Message {
  id: number;
  channel: MessageChannel;
  kind: string;
  to: string;
  subject: string | null;
  /** Null for sensitive messages (codes). */
  body: string | null;
  status: string;
  attempts: MessageAttempt[];
  events: { status: string; error_code: string | null; received_at: number }[];
  error_code: string | null;
  error_message: string | null;
  created_at: number;
  sent_at: number | null;
  delivered_at: number | null;
}

export interface OutboxMessage {
  id: number | string;
  channel: MessageChannel;
  to: string;
  subject: string | null;
  body: string;
  created_at: number;
}

/** GET /api/dev/outbox (newest first; only while a console provider is active) */
export interface OutboxResponse {
  messages: OutboxMessage[];
}
