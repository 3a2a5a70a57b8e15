// Words shared by the booking pages (services, calendar, booking detail, public booking), so
// every page says the same thing.

import type { BookingStatus, LocationKind } from './api/booking_types';

export const kBookingStatuses: readonly BookingStatus[] = [
  'pending',
  'confirmed',
  'completed',
  'no_show',
  'cancelled',
];

export const kBookingStatusLabels: Record<BookingStatus, string> = {
  pending: 'Awaiting approval',
  confirmed: 'Confirmed',
  completed: 'Completed',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

export function bookingStatusLabel(status: string): string {
  return (kBookingStatusLabels as Record<string, string>)[status] ?? status;
}

export const kLocationLabels: Record<LocationKind, string> = {
  in_person: 'In person',
  online: 'Online',
};

/** "45 min", "1 h", "1 h 30 min", "2 days". */
export function formatMinutes(total: number): string {
  if (total % 1440 === 0 && total >= 2880) {
    const days = total / 1440;
    return `${days} days`;
  }
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "€40.00" in the browser's locale; "" without a price. */
export function formatPrice(cents: number | null, currency: string): string {
  if (cents === null) return '';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** A reminder offset in words: "24 h before", "2 days before". */
export function reminderLabel(offsetMinutes: number): string {
  return `${formatMinutes(offsetMinutes)} before`;
}
