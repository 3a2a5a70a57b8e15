// Words and small rules shared by the forms pages (builder, requests, booking and contact
// sections, the public form), so every page says the same thing.

import type { FormAnswer, FormFieldType, FormRequestStatus } from './api/form_types';
import { formatMinutes } from './booking_text';

export const kFieldTypes: readonly FormFieldType[] = [
  'text',
  'long_text',
  'email',
  'phone',
  'number',
  'date',
  'checkbox',
  'select',
  'consent',
];

export const kFieldTypeLabels: Record<FormFieldType, string> = {
  text: 'Short text',
  long_text: 'Long text',
  email: 'Email address',
  phone: 'Phone number',
  number: 'Number',
  date: 'Date',
  checkbox: 'Checkbox',
  select: 'Choice from a list',
  consent: 'Consent',
};

export const kRequestStatuses: readonly FormRequestStatus[] = [
  'pending',
  'overdue',
  'completed',
  'cancelled',
];

export const kRequestStatusLabels: Record<FormRequestStatus, string> = {
  pending: 'Waiting',
  overdue: 'Overdue',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export function requestStatusLabel(status: string): string {
  return (kRequestStatusLabels as Record<string, string>)[status] ?? status;
}

/** The badge class of a request status. */
export function requestStatusClass(status: string): string {
  if (status === 'completed') return 'badge badge--ok';
  if (status === 'overdue') return 'badge badge--bad';
  return 'badge';
}

/** A field key from its label: "Date of birth" → "date_of_birth" (at most 40 characters). */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/g, '');
  return key;
}

/** An answer's value in words: ticked boxes "Yes", empty ones "—". */
export function answerText(answer: FormAnswer): string {
  const { value } = answer;
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') {
    if (answer.type === 'consent') return value ? 'Given' : 'Not given';
    return value ? 'Yes' : 'No';
  }
  return String(value);
}

/** "at the start", "2 h after the start", "1 day before the start". */
export function dueOffsetLabel(minutes: number): string {
  if (minutes === 0) return 'at the start of the booking';
  const words = formatMinutes(Math.abs(minutes));
  return minutes < 0 ? `${words} before the start` : `${words} after the start`;
}
