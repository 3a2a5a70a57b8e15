// Shapes of the dashboard and automation endpoints (docs/API.md, "Dashboard" and
// "Automation"). A section the caller's permissions do not allow is absent from the answer.
// Instants may come as UTC milliseconds or RFC 3339 strings (time_zone.ts reads both).

import type { Booking } from './booking_types';
import type { Instant } from '../time_zone';
import type { MessageChannel } from './types';


/** One day's count of a 30-day series; `date` is "YYYY-MM-DD" in the workspace's zone. */
export interface DayCount {
  date: string;
  count: number;
}

export interface DashboardBookings {
  today: {
    total: number;
    pending: number;
    confirmed: number;
    completed: number;
    no_show: number;
    cancelled: number;
  };
  upcoming: { next_7_days: number };
  unconfirmed: { count: number; items: (Booking & { link?: string })[] };
  last_30_days: { completed: number; no_show: number };
  per_day: DayCount[];
}

/** A conversation waiting for a reply, as the dashboard lists it. */
export interface DashboardConversation {
  id: number;
  contact: { id: number; name: string };
  status: string;
  last_activity_at: Instant;
  unread_count: number;
  preview: string;
  link?: string;
}

export interface DashboardInbox {
  new_inquiries_today: number;
  waiting_for_reply: { count: number; items: DashboardConversation[] };
}

/** A form request as the dashboard lists it (docs/API.md, "Forms"). */
export interface DashboardFormRequest {
  id: number;
  form: { id: number; name: string };
  booking_id: number | null;
  contact: { id: number; name: string };
  status: string;
  due_at: Instant;
  link?: string;
}

export interface DashboardForms {
  pending: number;
  overdue: number;
  completed_last_30_days: number;
  overdue_items: DashboardFormRequest[];
}

/** An inventory item that is low, with its forecast (docs/API.md, "Inventory"). */
export interface DashboardStockItem {
  id: number;
  name: string;
  unit: string;
  on_hand: number;
  available: number;
  low_stock_threshold: number;
  forecast: { runs_out_on: string | null; days: number | null };
  link?: string;
}

/** A message that failed or was not delivered in the last 7 days. */
export interface DashboardMessage {
  id: number;
  channel: MessageChannel;
  kind: string;
  to: string;
  status: string;
  error_code?: string | number | null;
  error_message?: string | null;
  created_at: Instant;
  conversation_id?: number | null;
  link?: string;
}

export interface DeliveryDay {
  date: string;
  sent: number;
  delivered: number;
  failed: number;
}

export interface DashboardMessages {
  failed: { count: number; items: DashboardMessage[] };
  delivery: DeliveryDay[];
}

/** Something that needs a person, with the app path where it is handled. */
export interface DashboardAlert {
  kind: string;
  title: string;
  count: number;
  link: string;
}

export interface Dashboard {
  timezone: string;
  today: string;
  generated_at: Instant;
  bookings?: DashboardBookings;
  inbox?: DashboardInbox;
  forms?: DashboardForms;
  inventory?: { low: DashboardStockItem[] };
  messages?: DashboardMessages;
  alerts: DashboardAlert[];
}

// ---- Automation ----

export interface RuleTemplate {
  /** The message kind it is sent as ("welcome", "booking_reminder"…). */
  kind?: string;
  channel: MessageChannel;
  subject: string;
  body: string;
  /** Set when the owner may edit this text (e.g. "welcome_sms", edited in Settings). */
  template_key?: string | null;
}

export interface AutomationRule {
  key: string;
  title: string;
  description: string;
  enabled: boolean;
  templates: RuleTemplate[];
  sent_last_30_days: number;
}

export interface AutomationRulesResponse {
  rules: AutomationRule[];
}

/** One message a rule sent. */
export interface RuleLogEntry {
  id: number;
  channel: MessageChannel;
  kind: string;
  to: string;
  status: string;
  created_at: Instant;
  conversation_id: number | null;
}

export interface RuleLogResponse {
  messages: RuleLogEntry[];
  next_cursor: string | null;
}
