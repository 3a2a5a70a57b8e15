// Typed calls for services, staff availability, staff slots and calendar feeds (docs/API.md,
// "Booking"). Editing services is for owners; availability for owners or the member themself.

import { apiGet, apiSend, type RequestOptions } from './client';
import type {
  Availability,
  AvailabilityRequest,
  CalendarFeed,
  CalendarFeedsResponse,
  Service,
  ServiceRequest,
  ServicesResponse,
  SlotsResponse,
} from './booking_types';
import { workspacePath } from './workspaces';

const servicePath = (id: number, serviceId: number, rest = '') =>
  workspacePath(id, `/services/${encodeURIComponent(String(serviceId))}${rest}`);

/** By name; archived ones too with `includeArchived`. */
export function listServices(
  id: number,
  includeArchived: boolean,
  options: RequestOptions = {},
): Promise<ServicesResponse> {
  return apiGet(
    workspacePath(id, `/services${includeArchived ? '?include_archived=1' : ''}`),
    options,
  );
}

export function createService(id: number, service: ServiceRequest): Promise<Service> {
  return apiSend('POST', workspacePath(id, '/services'), service);
}

export function updateService(
  id: number,
  serviceId: number,
  service: ServiceRequest,
): Promise<Service> {
  return apiSend('PATCH', servicePath(id, serviceId), service);
}

/** A service with bookings is archived, else deleted. */
export function archiveService(id: number, serviceId: number): Promise<void> {
  return apiSend('DELETE', servicePath(id, serviceId));
}

const staffPath = (id: number, memberId: number) =>
  workspacePath(id, `/staff/${encodeURIComponent(String(memberId))}/availability`);

export function getAvailability(
  id: number,
  memberId: number,
  options: RequestOptions = {},
): Promise<Availability> {
  return apiGet(staffPath(id, memberId), options);
}

/** Replaces weekly hours and overrides in one go. */
export function saveAvailability(
  id: number,
  memberId: number,
  availability: AvailabilityRequest,
): Promise<Availability> {
  return apiSend('PUT', staffPath(id, memberId), availability);
}

/** `from`, `to`: dates in `tz` (to exclusive); no minimum notice for staff. */
export function staffSlots(
  id: number,
  serviceId: number,
  range: { from: string; to: string; tz: string },
  options: RequestOptions = {},
): Promise<SlotsResponse> {
  const query = new URLSearchParams(range).toString();
  return apiGet(servicePath(id, serviceId, `/slots?${query}`), options);
}

/** The caller's feed, and the workspace's for owners. */
export function listCalendarFeeds(
  id: number,
  options: RequestOptions = {},
): Promise<CalendarFeedsResponse> {
  return apiGet(workspacePath(id, '/calendar-feeds'), options);
}

/** A new secret URL; the old one stops working. */
export function rotateCalendarFeed(
  id: number,
  scope: CalendarFeed['scope'],
): Promise<CalendarFeed> {
  return apiSend('POST', workspacePath(id, '/calendar-feeds/rotate'), { scope });
}
