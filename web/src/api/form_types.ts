// Shapes of the forms endpoints (docs/API.md, "Forms"): intake forms, the requests sent for
// bookings, and the public fill-in routes (the token travels only in JSON bodies).

import type { Instant } from '../time_zone';

export type FormFieldType =
  'text' | 'long_text' | 'email' | 'phone' | 'number' | 'date' | 'checkbox' | 'select' | 'consent';

/** One question of a form. `key` is [a-z0-9_]{1,40}, unique in the form. */
export interface FormField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  /** 1–50 texts, for `select` only. */
  options: string[];
  help: string;
}

export interface Form {
  id: number;
  name: string;
  description: string;
  fields: FormField[];
  service_ids: number[];
  /** Due at the booking's start plus this (−43,200…43,200). */
  due_offset_minutes: number;
  /** One reminder this long before the due time; null: none. */
  reminder_minutes_before_due: number | null;
  is_active: boolean;
  created_at: Instant;
  updated_at: Instant;
}

/** POST …/forms (name and fields required), PATCH (any of them). */
export type FormRequestBody = Partial<Omit<Form, 'id' | 'created_at' | 'updated_at'>>;

export interface FormsResponse {
  forms: Form[];
}

export type FormRequestStatus = 'pending' | 'overdue' | 'completed' | 'cancelled';

/** One stored answer: `value` normalised by the server; null for an unanswered field. */
export interface FormAnswer {
  key: string;
  label: string;
  type: FormFieldType | string;
  value: string | number | boolean | null;
}

/** A form sent for one booking. */
export interface FormRequestRecord {
  id: number;
  form: { id: number; name: string };
  booking_id: number;
  contact: { id: number; name: string };
  status: FormRequestStatus;
  due_at: Instant;
  sent_at: Instant | null;
  reminded_at: Instant | null;
  completed_at: Instant | null;
  answers: FormAnswer[] | null;
}

export interface FormRequestQuery {
  status?: FormRequestStatus;
  booking_id?: number;
  contact_id?: number;
  cursor?: string;
  limit?: number;
}

export interface FormRequestsResponse {
  requests: FormRequestRecord[];
  next_cursor: string | null;
}

/** POST /api/public/forms/open */
export interface OpenedForm {
  request: {
    id: number;
    status: FormRequestStatus;
    due_at: Instant;
    completed_at: Instant | null;
  };
  form: { name: string; description: string; fields: FormField[] };
  workspace: { name: string; slug: string; timezone: string };
  booking: { start: Instant; service: string | { id?: number; name: string } };
}

/** What a customer sends: checkbox and consent as booleans, everything else as text. */
export type AnswerValues = Record<string, string | boolean>;
