// Typed calls for bookings: the staff's (permission `bookings`) and the public booking and
// manage-link routes (no sign-in; the manage token travels only in JSON bodies).

import { ApiError, apiGet, apiSend, type RequestOptions } from './client';
import type {
  BookingDetail,
  BookingQuery,
  BookingUpdate,
  BookingsResponse,
  ManagedBooking,
  NewBookingRequest,
  PublicBooking,
  PublicBookingRequest,
  PublicBookingResponse,
  PublicServicesResponse,
  Slot,
  SlotsResponse,
} from './booking_types';
import { workspacePath } from './workspaces';

const bookingPath = (id: number, bookingId: number) =>
  workspacePath(id, `/bookings/${encodeURIComponent(String(bookingId))}`);

/** By start then id. */
export function listBookings(
  id: number,
  query: BookingQuery,
  options: RequestOptions = {},
): Promise<BookingsResponse> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return apiGet(workspacePath(id, `/bookings${search ? `?${search}` : ''}`), options);
}

export function getBooking(
  id: number,
  bookingId: number,
  options: RequestOptions = {},
): Promise<BookingDetail> {
  return apiGet(bookingPath(id, bookingId), options);
}

/** 409 (field `start`) with fresh slots when the time was taken: see freshSlots(). */
export function createBooking(id: number, request: NewBookingRequest): Promise<BookingDetail> {
  return apiSend('POST', workspacePath(id, '/bookings'), request);
}

export function updateBooking(
  id: number,
  bookingId: number,
  update: BookingUpdate,
): Promise<BookingDetail> {
  return apiSend('PATCH', bookingPath(id, bookingId), update);
}

/** The fresh `slots` a 409 about a taken time carries; empty for any other error. */
export function freshSlots(error: ApiError | null): Slot[] {
  if (!error || error.status !== 409) return [];
  const body = error.body as { slots?: unknown } | undefined;
  return Array.isArray(body?.slots) ? (body.slots as Slot[]) : [];
}

// ---- Public, no sign-in ----

const publicPath = (slug: string, rest: string) => `/api/public/${encodeURIComponent(slug)}${rest}`;

/** 404 unknown slug; 409 not open yet. */
export function publicServices(
  slug: string,
  options: RequestOptions = {},
): Promise<PublicServicesResponse> {
  return apiGet(publicPath(slug, '/services'), options);
}

export function publicSlots(
  slug: string,
  serviceId: number,
  range: { from: string; to: string; tz: string },
  options: RequestOptions = {},
): Promise<SlotsResponse> {
  const query = new URLSearchParams(range).toString();
  return apiGet(
    publicPath(slug, `/services/${encodeURIComponent(String(serviceId))}/slots?${query}`),
    options,
  );
}

/** 409 with the day's fresh slots when the time is no longer free. */
export function bookPublic(
  slug: string,
  request: PublicBookingRequest,
): Promise<PublicBookingResponse> {
  return apiSend('POST', publicPath(slug, '/bookings'), request);
}

/** 404 unknown or forged token, 410 expired. */
export function manageBooking(
  token: string,
  options: RequestOptions = {},
): Promise<ManagedBooking> {
  return apiSend('POST', '/api/public/bookings/manage', { token }, options);
}

export function cancelPublicBooking(token: string): Promise<PublicBooking> {
  return apiSend('POST', '/api/public/bookings/cancel', { token });
}

export function confirmPublicBooking(token: string): Promise<PublicBooking> {
  return apiSend('POST', '/api/public/bookings/confirm', { token });
}

/** 409 with fresh slots when taken. */
export function reschedulePublicBooking(token: string, start: string): Promise<PublicBooking> {
  return apiSend('POST', '/api/public/bookings/reschedule', { token, start });
}
