// Words of the dashboard and automation pages, and the small conversions they share.

import { formatDay } from './time_zone';

/** "1 booking", "3 bookings". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** The forecast of a low item: "Runs out in 3 days (12 Mar)", "Runs out today". */
export function runsOutText(days: number | null, on: string | null): string {
  if (days === null || on === null) return 'Upcoming bookings are covered by the stock on hand';
  const when = formatDay(on);
  if (days <= 0) return `Runs out today (${when})`;
  if (days === 1) return `Runs out tomorrow (${when})`;
  return `Runs out in ${days} days (${when})`;
}

/** "87 %" of `part` in `whole`, or "–" when there is nothing to divide. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return '–';
  return `${Math.round((part / whole) * 100)} %`;
}

export const kChannelLabels: Record<string, string> = { sms: 'SMS', email: 'Email' };

export function channelLabel(channel: string): string {
  return kChannelLabels[channel] ?? channel;
}

/** Message statuses in words (docs/API.md, "Messages"). */
const kMessageStatusLabels: Record<string, string> = {
  queued: 'Queued',
  sending: 'Sending',
  retrying: 'Retrying',
  sent: 'Sent',
  delivered: 'Delivered',
  undelivered: 'Not delivered',
  failed: 'Failed',
  skipped: 'Not sent (no provider)',
};

export function messageStatusLabel(status: string): string {
  return kMessageStatusLabels[status] ?? status;
}

/** What an automatic message was, by its kind. */
const kMessageKindLabels: Record<string, string> = {
  welcome: 'Welcome',
  booking_confirmation: 'Booking confirmation',
  booking_pending: 'Booking request received',
  booking_reply_answer: 'Answer to a C or X reply',
  booking_moved: 'Booking moved',
  booking_cancelled: 'Booking cancelled',
  booking_reminder: 'Reminder',
  form_request: 'Form link',
  form_reminder: 'Form reminder',
  low_stock_alert: 'Low-stock alert',
  reply: 'Reply',
  invitation: 'Invitation',
  test: 'Test message',
};

export function messageKindLabel(kind: string): string {
  return kMessageKindLabels[kind] ?? kind.replace(/_/g, ' ');
}

export const kDashboardText = {
  title: 'Dashboard',
  alertsTitle: 'Needs attention',
  allClear: 'Nothing needs attention right now.',
  liveOn: 'Live: the figures update by themselves.',
  liveConnecting: 'Connecting for live updates…',
  liveOff: 'Live updates interrupted; reconnecting (meanwhile every minute)…',
  setupLink: 'Set-up steps',
  bookingsTitle: 'Bookings',
  todayTitle: 'Today',
  unconfirmedTitle: 'Awaiting your approval',
  noUnconfirmed: 'No booking awaits approval.',
  perDayTitle: 'Bookings per day, last 30 days',
  inboxTitle: 'Inbox',
  waitingTitle: 'Waiting for a reply',
  noWaiting: 'Every conversation has its answer.',
  formsTitle: 'Forms',
  overdueTitle: 'Overdue forms',
  noOverdue: 'No form is overdue.',
  stockTitle: 'Low stock',
  noLowStock: 'No item is low on stock.',
  messagesTitle: 'Messages',
  failedTitle: 'Failed or not delivered (last 7 days)',
  noFailed: 'Every message of the last 7 days went out.',
  deliveryTitle: 'Delivery rate, last 30 days',
} as const;

export const kAutomationText = {
  title: 'Automation',
  lead:
    'Every message CareOps sends by itself belongs to one of these rules. Switch a rule off and ' +
    'it sends nothing until you switch it on again; messages already sent stay in its log.',
  sentLast30: (n: number) => `${plural(n, 'message')} sent in the last 30 days`,
  noTemplates: 'This rule sends no message of its own.',
  templates: (n: number) => `What it sends: ${plural(n, 'message')}`,
  welcomeEdit: 'Edit the welcome messages in Settings',
  showLog: 'Show what it sent',
  hideLog: 'Hide what it sent',
  emptyLog: 'Nothing sent yet.',
  moreLog: 'Load older messages',
  on: 'On',
  off: 'Off',
} as const;
