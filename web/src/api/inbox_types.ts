// Shapes of the contacts, inbox and contact-form endpoints (docs/API.md, "Contacts" and
// "Public contact form and inbox"). Times are server UTC milliseconds.

import type { MessageChannel } from './types';

// ---- Contacts ----

export type ContactSource = 'manual' | 'import' | 'contact_form' | 'inbound_sms';

/** A customer of the workspace. At least one of `email` and `phone` is set. */
export interface Contact {
  id: number;
  name: string;
  /** Trimmed and lower case; null when none. */
  email: string | null;
  /** E.164; null when none. */
  phone: string | null;
  /** Lower case, 1–40 of a-z 0-9 - _ each, at most 20. */
  tags: string[];
  notes: string;
  sms_opted_out: boolean;
  email_opted_out: boolean;
  /** One of ContactSource; newer servers may send others. */
  source: string;
  conversation_id: number | null;
  created_at: number;
  updated_at: number;
}

/** GET …/contacts, by name then id; `next_cursor` asks for the next page. */
export interface ContactsResponse {
  contacts: Contact[];
  next_cursor: string | null;
}

export interface ContactQuery {
  /** Matches the start of the name, email or phone (case-insensitive). */
  q?: string;
  tag?: string;
  cursor?: string;
  limit?: number;
}

/** POST …/contacts, PATCH …/contacts/{id}: absent fields are kept by PATCH. */
export interface ContactRequest {
  name?: string;
  email?: string;
  phone?: string;
  tags?: string[];
  notes?: string;
}

/** POST …/contacts/import: one entry in `rejected` per bad line (1 = the header). */
export interface ImportResult {
  imported: number;
  updated: number;
  rejected: { line: number; reason: string }[];
  total: number;
}

// ---- Conversations ----

export type ConversationStatus = 'open' | 'pending' | 'closed';

export interface ConversationContact {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  sms_opted_out: boolean;
}

/** One conversation per contact, as the list answers it. */
export interface Conversation {
  id: number;
  contact: ConversationContact;
  status: ConversationStatus;
  assignee_id: number | null;
  last_activity_at: number;
  unread_count: number;
  /** The customer wrote last and nobody on the staff has answered yet. */
  waiting_for_reply: boolean;
  /** Automatic messages to the contact are held (a staff reply pauses them). */
  automation_paused: boolean;
  /** What needs a person's eye, e.g. "replied CANCEL: …"; "" when nothing. */
  flag: string;
  /** The latest message's text, shortened by the server. */
  preview: string;
}

/** GET …/conversations, newest activity first. */
export interface ConversationsResponse {
  conversations: Conversation[];
  next_cursor: string | null;
}

export interface ConversationFilter {
  status?: ConversationStatus;
  unread?: boolean;
  waiting?: boolean;
  /** Only the caller's conversations. */
  mine?: boolean;
  cursor?: string;
}

/**
 * A message of a conversation. `status`: inbound ones `received`; outbound ones `queued`,
 * `sending`, `retrying`, `sent`, `delivered`, `undelivered`, `failed`, `skipped` or `refused`
 * (e.g. error_code `opted_out`).
 */
export interface ConversationMessage {
  id: number;
  direction: 'inbound' | 'outbound';
  channel: MessageChannel;
  /** e.g. contact_form, sms, welcome, reply; newer servers may add more. */
  kind: string;
  /** Null for sensitive messages (codes). */
  body: string | null;
  subject: string;
  status: string;
  error_code: string | null;
  error_message: string | null;
  /** The staff member who wrote it; null for the customer's and automatic messages. */
  author_id: number | null;
  created_at: number;
  sent_at: number | null;
  delivered_at: number | null;
}

/** Something that happened in a conversation besides a message: a booking made, moved… */
export interface ConversationEvent {
  id: number;
  /** e.g. booking_created, booking_moved, booking_cancelled; newer servers may add more. */
  kind: string;
  /** The sentence staff read. */
  body: string;
  booking_id: number | null;
  /** The staff member who did it; null for the customer or the system. */
  author_id: number | null;
  created_at: number | string;
}

/**
 * GET …/conversations/{id}: messages oldest first, and events to merge with them by time.
 * Reading it marks it read.
 */
export interface Thread extends Conversation {
  messages: ConversationMessage[];
  /** Absent from servers older than bookings. */
  events?: ConversationEvent[];
}

/** PATCH …/conversations/{id}: absent fields are kept; closing resumes automation. */
export interface ConversationUpdate {
  status?: ConversationStatus;
  /** null: nobody. */
  assignee_id?: number | null;
  automation_paused?: boolean;
}

export interface ReplyRequest {
  channel: MessageChannel;
  body: string;
  subject?: string;
}

// ---- Templates and the public contact form ----

export type TemplateKey = 'welcome_sms' | 'welcome_email';

/** `{business}` and `{name}` in the subject and body are replaced when sent. */
export interface MessageTemplate {
  key: TemplateKey;
  /** "" for SMS. */
  subject: string;
  body: string;
  /** True while the workspace uses CareOps' own text. */
  is_default: boolean;
  updated_at: number;
}

/** POST /api/public/{slug}/contact. `website` is the honeypot: people leave it empty. */
export interface ContactFormRequest {
  name: string;
  email?: string;
  phone?: string;
  message: string;
  website?: string;
}
