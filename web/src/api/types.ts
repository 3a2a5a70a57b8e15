// Shapes of the JSON the careops server sends. Times are UTC milliseconds since the epoch.

/** Body of every non-2xx API response. `field` names the offending input, when there is one. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    field?: string;
    /** A refusal with several reasons (e.g. 409 on activation): one per missing thing. */
    problems?: Problem[];
  };
}

/** One reason of a refusal: `field` names what is missing (an onboarding step key). */
export interface Problem {
  field: string;
  message: string;
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

// ---- Workspaces (docs/API.md, "Workspaces") ----

export type WorkspaceRole = 'owner' | 'manager' | 'staff';

/**
 * The editable details of a business; PATCH keeps absent fields. `timezone` is an IANA zone;
 * `default_region` two upper-case letters.
 */
export interface WorkspaceDetails {
  name: string;
  slug: string;
  address: string;
  timezone: string;
  contact_email: string;
  contact_phone: string;
  default_region: string;
}

/** A business: its details, and what the server keeps about it. */
export interface Workspace extends WorkspaceDetails {
  id: number;
  /** False until the owner activates it; its public pages say "not open yet" until then. */
  is_active: boolean;
  created_at: number;
  updated_at: number;
}

/** A workspace the signed-in user is an active member of, with their role in it. */
export interface MyWorkspace extends Workspace {
  role: WorkspaceRole;
}

/** GET /api/workspaces (oldest first) */
export interface WorkspacesResponse {
  workspaces: MyWorkspace[];
}

/** POST /api/workspaces: name and slug are required, the rest default on the server. */
export type CreateWorkspaceRequest = Pick<WorkspaceDetails, 'name' | 'slug'> &
  Partial<WorkspaceDetails>;

/** What a member may work on besides what the role allows. Owners hold every flag. */
export interface Permissions {
  inbox: boolean;
  bookings: boolean;
  forms: boolean;
  inventory: boolean;
}

export type PermissionFlag = keyof Permissions;

export type MemberStatus = 'active' | 'suspended';

export interface Member {
  /** Also the `member_id` of the member routes. */
  user_id: number;
  email: string;
  full_name: string;
  role: WorkspaceRole;
  permissions: Permissions;
  status: MemberStatus;
  created_at: number;
}

/** GET /api/workspaces/{id}/members (oldest first) */
export interface MembersResponse {
  members: Member[];
}

/** PATCH /api/workspaces/{id}/members/{member_id}: absent fields are kept. */
export interface MemberUpdate {
  role?: WorkspaceRole;
  permissions?: Partial<Permissions>;
  status?: MemberStatus;
}

// ---- Invitations ----

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export interface Invitation {
  id: number;
  channel: MessageChannel;
  /** The email address or phone number it was sent to. */
  recipient: string;
  role: WorkspaceRole;
  permissions: Permissions;
  status: InvitationStatus;
  invited_by: { user_id: number; full_name: string } | null;
  message_id: number | null;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
}

/** POST /api/workspaces/{id}/invitations: an email or a phone, never both. */
export type InvitationRequest = ({ email: string } | { phone: string }) & {
  role?: WorkspaceRole;
  permissions?: Partial<Permissions>;
};

/** GET /api/workspaces/{id}/invitations (newest first) */
export interface InvitationsResponse {
  invitations: Invitation[];
}

/** POST /api/invitations/preview: what the link offers, before anyone signs in. */
export interface InvitationPreview {
  workspace: { name: string; slug: string };
  role: WorkspaceRole;
  /** The inviter's full name. */
  invited_by: string | null;
  /** Masked: "a•••@example.com", "+1•••••••67". */
  recipient: string;
  expires_at: number;
}

/** POST /api/invitations/accept */
export interface AcceptInvitationResponse {
  workspace: MyWorkspace;
}

// ---- Channels ----

export type ChannelMode = 'server' | 'own';
export type StartTls = 'auto' | 'always' | 'never';

/** Stored SMS settings as the server shows them: the SID and the token masked. */
export interface SmsSettings {
  account_sid: string;
  auth_token: string;
  phone_number: string | null;
  messaging_service_sid: string | null;
}

/** Stored SMTP settings as the server shows them: the password masked ("" when none). */
export interface EmailSettings {
  host: string;
  port: number;
  user: string;
  password: string;
  starttls: StartTls;
  from: string;
}

/** The latest test message of a channel; `status` as in GET /api/messages/{id}. */
export interface ChannelTest {
  message_id: number;
  to: string;
  status: string;
  error_code: string | null;
  error_message: string | null;
  created_at: number;
  sent_at: number | null;
  delivered_at: number | null;
}

export interface Channel<S> {
  channel: MessageChannel;
  mode: ChannelMode;
  /** What "the server's defaults" means on this server. */
  server_provider: SmsProvider | EmailProvider;
  /** Present in mode "own". */
  settings: S | null;
  /** Cleared by every change of the channel. */
  test: ChannelTest | null;
  /** The latest test since the last change was accepted by the provider or delivered. */
  works: boolean;
  updated_at: number;
}

export type SmsChannel = Channel<SmsSettings>;
export type EmailChannel = Channel<EmailSettings>;

/** GET /api/workspaces/{id}/channels */
export interface ChannelsResponse {
  sms: SmsChannel;
  email: EmailChannel;
}

/** PUT …/channels/sms. An omitted `auth_token` keeps the stored one. */
export type SmsChannelRequest =
  | { mode: 'server' }
  | {
      mode: 'own';
      account_sid: string;
      auth_token?: string;
      phone_number?: string;
      messaging_service_sid?: string;
    };

/** PUT …/channels/email. An omitted `password` keeps the stored one. */
export type EmailChannelRequest =
  | { mode: 'server' }
  | {
      mode: 'own';
      host: string;
      port?: number;
      user?: string;
      password?: string;
      starttls?: StartTls;
      from: string;
    };

// ---- Onboarding, activation, audit, public page ----

export interface OnboardingStep {
  key: string;
  title: string;
  done: boolean;
  required: boolean;
  /** False when this version of CareOps does not have the step's feature yet. */
  available: boolean;
  /** What is still to do, in words. */
  missing: string[];
}

/** GET /api/workspaces/{id}/onboarding, computed afresh on every request. */
export interface Onboarding {
  steps: OnboardingStep[];
  ready_to_activate: boolean;
  is_active: boolean;
}

export interface WorkspaceAuditEvent {
  id: number;
  /** e.g. role_changed, member_invited, channel_tested, login_ok; newer servers may add more. */
  type: string;
  user_id: number | null;
  user_name: string | null;
  ip: string | null;
  detail: string | null;
  created_at: number;
}

/** GET /api/workspaces/{id}/audit (newest first); `next_before` pages further back. */
export interface WorkspaceAuditResponse {
  events: WorkspaceAuditEvent[];
  next_before: number | null;
}

/** GET /api/public/{slug}: what anyone may see of a business. */
export type PublicWorkspace =
  | {
      name: string;
      slug: string;
      open: true;
      timezone: string;
      address: string;
      contact_email: string;
      contact_phone: string;
    }
  | { name: string; slug: string; open: false; message: string };
