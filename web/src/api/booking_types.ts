// Shapes of the booking endpoints (docs/API.md, "Booking"). Unlike the older routes, instants
// are RFC 3339 UTC strings ("2026-03-30T08:00:00Z"); local wall times are "HH:MM" in the
// workspace's time zone ("24:00" as an end); dates "YYYY-MM-DD". A staff member is a workspace
// member, named by the member's user id.

export type LocationKind = 'in_person' | 'online';

/** A booking type of the workspace. */
export interface Service {
  id: number;
  name: string;
  description: string;
  duration_minutes: number;
  /** null: no price shown. */
  price_cents: number | null;
  /** Three letters A–Z when there is a price; "" otherwise. */
  currency: string;
  location_kind: LocationKind;
  /** An address, or an https:// link when online. */
  location: string;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  min_notice_minutes: number;
  horizon_days: number;
  slot_interval_minutes: number;
  requires_approval: boolean;
  /** Minutes before the start; at most 5, distinct. */
  reminder_offsets_minutes: number[];
  member_ids: number[];
  /** False once archived: no longer bookable. */
  is_active: boolean;
  created_at: number | string;
  updated_at: number | string;
}

/** POST …/services (name and duration required), PATCH (any field; `is_active` restores). */
export type ServiceRequest = Partial<Omit<Service, 'id' | 'created_at' | 'updated_at'>>;

export interface ServicesResponse {
  services: Service[];
}

export interface Interval {
  /** "HH:MM", local. */
  start: string;
  /** "HH:MM", local; "24:00" for midnight at the end of the day. */
  end: string;
}

export interface WeeklyInterval extends Interval {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

export interface DateOverride {
  date: string;
  closed: boolean;
  intervals: Interval[];
  note: string;
}

/** GET/PUT …/staff/{member_id}/availability (PUT without member_id and timezone). */
export interface Availability {
  member_id: number;
  timezone: string;
  weekly: WeeklyInterval[];
  overrides: DateOverride[];
}

export type AvailabilityRequest = Pick<Availability, 'weekly' | 'overrides'>;

export interface SlotStaff {
  id: number;
  name: string;
}

/** A free start time; `staff` are the members free then. */
export interface Slot {
  start: string;
  end: string;
  staff: SlotStaff[];
}

export interface SlotsResponse {
  timezone: string;
  slots: Slot[];
}

export type BookingStatus = 'pending' | 'confirmed' | 'completed' | 'no_show' | 'cancelled';

export interface Booking {
  id: number;
  status: BookingStatus;
  start: string;
  end: string;
  service: { id: number; name: string; duration_minutes: number };
  member: { id: number; name: string };
  contact: { id: number; name: string; phone: string | null; email: string | null };
  conversation_id: number | null;
  notes: string;
  source: 'public' | 'staff';
  customer_confirmed_at: number | string | null;
  cancelled_at: number | string | null;
  cancelled_by: 'customer' | 'staff' | null;
  created_at: number | string;
  updated_at: number | string;
}

export interface Reminder {
  due_at: number | string;
  status: 'pending' | 'done' | 'skipped' | 'cancelled' | 'failed';
  result: string;
}

export interface BookingDetail extends Booking {
  reminders: Reminder[];
}

export interface BookingsResponse {
  bookings: Booking[];
  next_cursor: string | null;
}

export interface BookingQuery {
  /** A date in the workspace's zone, or an instant; start in [from, to). */
  from?: string | undefined;
  to?: string | undefined;
  /** One status, or several comma-separated. */
  status?: string | undefined;
  member_id?: number | undefined;
  contact_id?: number | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** POST …/bookings: a contact by id, or a new one. */
export interface NewBookingRequest {
  service_id: number;
  start: string;
  member_id?: number;
  contact_id?: number;
  contact?: { name: string; phone?: string; email?: string };
  notes?: string;
  notify?: boolean;
}

export interface BookingUpdate {
  status?: BookingStatus;
  start?: string;
  member_id?: number;
  notes?: string;
  notify?: boolean;
}

export interface CalendarFeed {
  scope: 'member' | 'workspace';
  member_id: number | null;
  url: string;
}

export interface CalendarFeedsResponse {
  feeds: CalendarFeed[];
}

// ---- Public booking ----

export interface PublicBookingWorkspace {
  name: string;
  slug: string;
  timezone: string;
}

export type PublicService = Pick<
  Service,
  'id' | 'name' | 'description' | 'duration_minutes' | 'price_cents' | 'currency' | 'location_kind'
>;

export interface PublicServicesResponse {
  workspace: PublicBookingWorkspace;
  services: PublicService[];
}

export interface PublicBookingRequest {
  service_id: number;
  start: string;
  member_id?: number;
  name: string;
  phone?: string;
  email?: string;
  notes?: string;
  website?: string;
}

/** What a customer sees of a booking. */
export interface PublicBooking {
  id: number;
  status: BookingStatus;
  start: string;
  end: string;
  service: { id: number; name: string; duration_minutes?: number };
  member: { id: number; name: string };
  customer_confirmed_at?: number | string | null;
}

export interface PublicBookingResponse {
  booking: PublicBooking;
  manage_token: string;
}

export interface ManagedBooking {
  booking: PublicBooking;
  workspace: PublicBookingWorkspace;
  /** Pending or confirmed, and not started. */
  can_change: boolean;
}
