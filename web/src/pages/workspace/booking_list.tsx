// The calendar's list view: bookings by start, filtered by status, staff member and dates
// (in the workspace's zone), a page at a time. Opened with a status (from the address), it
// lists every booking of that status from today on, however far ahead (as the dashboard
// counts the bookings awaiting approval).

import { useState } from 'preact/hooks';
import type { Booking, BookingQuery } from '../../api/booking_types';
import { listBookings } from '../../api/bookings';
import type { Member } from '../../api/types';
import { ActionForm } from '../../components/action_form';
import { Link } from '../../components/link';
import { ListCardBody } from './list_card_body';
import { SelectField } from '../../components/select_field';
import { bookingStatusLabel, kBookingStatuses } from '../../booking_text';
import { useLoad, useMorePages } from '../../hooks';
import { contactLabel } from '../../inbox_text';
import { addDays, formatDay, formatTimeIn, todayIn, zoned } from '../../time_zone';

interface BookingListProps {
  workspaceId: number;
  tz: string;
  members: readonly Member[];
  /** Changes when bookings changed (live): load again. */
  version: number;
  /** The first filter's status, e.g. "pending" (then from today on); else the next 30 days. */
  status?: string | null;
}

interface Filter {
  status: string;
  member: string;
  from: string;
  to: string;
}

const kPageSize = 50;

export function BookingList(props: BookingListProps) {
  const { workspaceId, tz, members, version } = props;
  const today = todayIn(tz);
  const [typed, setTyped] = useState<Filter>(() => firstFilter(today, props.status));
  const [filter, setFilter] = useState<Filter>(typed);
  const query: BookingQuery = {
    status: filter.status || undefined,
    member_id: filter.member ? Number(filter.member) : undefined,
    from: filter.from || undefined,
    // The list's "until" includes that day.
    to: filter.to ? addDays(filter.to, 1) : undefined,
    limit: kPageSize,
  };
  const first = useLoad(
    (signal) => listBookings(workspaceId, query, { signal }),
    [JSON.stringify(filter), version],
  );
  const further = useMorePages(first.data?.next_cursor, async (cursor: string) => {
    const page = await listBookings(workspaceId, { ...query, cursor });
    return { items: page.bookings, next: page.next_cursor };
  });
  const bookings = [...(first.data?.bookings ?? []), ...further.items];
  const set = (change: Partial<Filter>) => setTyped({ ...typed, ...change });
  return (
    <div data-testid="booking-list-view">
      <div class="search" role="search">
        <ActionForm
          onSubmit={() => {
            further.reset();
            setFilter(typed);
          }}
        >
          <SelectField
            label="Status"
            name="status"
            value={typed.status}
            options={[
              { value: '', label: 'Any status' },
              { value: 'pending,confirmed', label: 'Upcoming (awaiting or confirmed)' },
              ...kBookingStatuses.map((s) => ({ value: s, label: bookingStatusLabel(s) })),
            ]}
            onValue={(status) => set({ status })}
          />
          <SelectField
            label="Staff"
            name="member"
            value={typed.member}
            options={[
              { value: '', label: 'Everyone' },
              ...members.map((m) => ({ value: String(m.user_id), label: m.full_name })),
            ]}
            onValue={(member) => set({ member })}
          />
          <DateInput label="From" value={typed.from} onValue={(from) => set({ from })} />
          <DateInput label="Until" value={typed.to} onValue={(to) => set({ to })} />
          <div class="form__actions">
            <button type="submit" class="button button--secondary">
              Show
            </button>
          </div>
        </ActionForm>
      </div>
      <ListCardBody
        load={first}
        pages={further}
        empty={bookings.length === 0 ? 'No bookings match.' : null}
        loadingNote="Loading bookings…"
        testId="booking-list"
        moreLabel="Show more bookings"
      >
        {bookings.map((booking) => (
          <BookingRow key={booking.id} workspaceId={workspaceId} booking={booking} tz={tz} />
        ))}
      </ListCardBody>
    </div>
  );
}

function firstFilter(today: string, status: string | null | undefined): Filter {
  const known = (kBookingStatuses as readonly string[]).includes(status ?? '');
  if (status && known) return { status, member: '', from: today, to: '' };
  return { status: '', member: '', from: today, to: addDays(today, 30) };
}

function DateInput(props: { label: string; value: string; onValue: (value: string) => void }) {
  const id = `filter-${props.label.toLowerCase()}`;
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        type="date"
        class="input"
        value={props.value}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
    </div>
  );
}

interface BookingRowProps {
  workspaceId: number;
  booking: Booking;
  tz: string;
}

export function BookingRow({ workspaceId, booking, tz }: BookingRowProps) {
  return (
    <li
      class={`rows__item booking-row booking-row--${booking.status}`}
      data-testid="booking-row"
      data-id={booking.id}
      data-status={booking.status}
    >
      <div class="rows__main">
        <Link href={`/workspaces/${workspaceId}/bookings/${booking.id}`}>
          <strong>
            {formatDay(zoned(booking.start, tz).date)}, {formatTimeIn(booking.start, tz)}
          </strong>{' '}
          {booking.service.name}
        </Link>
        <span class="fact-note">
          {contactLabel(booking.contact)} · with {booking.member.name}
        </span>
      </div>
      <span class={`badge status status--${booking.status}`} data-testid="booking-status">
        {bookingStatusLabel(booking.status)}
      </span>
    </li>
  );
}
