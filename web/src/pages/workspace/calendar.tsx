// The staff calendar (permission bookings): day and week views on a time grid in the
// workspace's zone, a filtered list, a new booking, and the calendar feeds. Bookings change
// live: every `booking` event of the workspace's stream (which carries them to every member
// with the bookings permission) fetches what is shown again. "?view=list&status=pending" opens
// the list with that status (the dashboard's link to the bookings awaiting approval).

import { useState } from 'preact/hooks';
import type { Booking } from '../../api/booking_types';
import { listBookings } from '../../api/bookings';
import { listMembers } from '../../api/workspaces';
import { ErrorBanner } from '../../components/error_banner';
import { Link } from '../../components/link';
import { Notice } from '../../components/notice';
import { useLoad } from '../../hooks';
import { type LiveState, useBookingEvents } from '../../live';
import { addDays, formatDay, startOfWeek, todayIn, zoneLabel } from '../../time_zone';
import { useMyPermissions } from '../../workspaces';
import { BookingList } from './booking_list';
import { CalendarFeeds } from './calendar_feeds';
import { CalendarGrid } from './calendar_grid';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';
import { NewBooking } from './new_booking';

export const CalendarPage = workspacePage({ title: () => 'Calendar', body: CalendarBody });

type View = 'day' | 'week' | 'list';

function CalendarBody({ id, membership }: WorkspaceBodyProps) {
  const tz = membership?.timezone ?? 'UTC';
  const permissions = useMyPermissions(membership);
  const [query] = useState(() => new URLSearchParams(window.location.search));
  const [view, setView] = useState<View>(() => viewParam(query.get('view')));
  const [anchor, setAnchor] = useState(() => todayIn(tz));
  const [version, setVersion] = useState(0);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<Booking | null>(null);
  const from = view === 'week' ? startOfWeek(anchor) : anchor;
  const days = view === 'week' ? 7 : 1;
  const to = addDays(from, days);
  // The answer remembers its range: bookings of another range are never drawn under this one.
  const grid = useLoad(
    async (signal) =>
      view === 'list'
        ? null
        : { from, to, ...(await listBookings(id, { from, to, limit: 500 }, { signal })) },
    [view, from, to, version],
  );
  const shown = grid.data?.from === from && grid.data.to === to ? grid.data.bookings : null;
  const members = useLoad((signal) => listMembers(id, { signal }));
  const refused = grid.error?.status === 403 || grid.error?.status === 404;
  const live = useBookingEvents(id, () => setVersion((n) => n + 1), !refused);

  if (grid.error && refused) {
    return (
      <WorkspaceProblem
        error={grid.error}
        id={id}
        ownerCan="see its bookings"
        permission="bookings"
        role={membership?.role}
      />
    );
  }
  const step = (direction: number) => setAnchor(addDays(anchor, direction * days));
  const memberList = (members.data?.members ?? []).filter((m) => m.status === 'active');
  return (
    <div class="sections">
      <div class="page__head">
        <p class="fact-note calendar__zone" data-testid="calendar-zone">
          Times are in {zoneLabel(tz)}, the workspace's time zone.{' '}
          <LiveNote state={live} />
        </p>
        {!adding && (
          <button type="button" class="button" onClick={() => setAdding(true)}>
            New booking
          </button>
        )}
      </div>
      {added && (
        <Notice>
          Booked: {added.service.name} for {added.contact.name || 'the customer'}.{' '}
          <Link href={`/workspaces/${id}/bookings/${added.id}`}>Open the booking</Link>
        </Notice>
      )}
      {adding && (
        <section class="card" aria-labelledby="new-booking-title">
          <h2 id="new-booking-title">New booking</h2>
          <NewBooking
            workspaceId={id}
            tz={tz}
            members={memberList}
            canSearchContacts={permissions?.inbox === true}
            onCreated={(booking) => {
              setAdding(false);
              setAdded(booking);
              setVersion((n) => n + 1);
            }}
            onCancel={() => setAdding(false)}
          />
        </section>
      )}
      <section class="card" aria-labelledby="calendar-title" aria-busy={grid.loading}>
        <div class="page__head">
          <h2 id="calendar-title">Bookings</h2>
          <div class="segmented" role="group" aria-label="View">
            {(['day', 'week', 'list'] as const).map((v) => (
              <button
                type="button"
                key={v}
                class="segmented__button"
                aria-pressed={view === v}
                onClick={() => setView(v)}
              >
                {{ day: 'Day', week: 'Week', list: 'List' }[v]}
              </button>
            ))}
          </div>
        </div>
        {view === 'list' ? (
          <BookingList
            workspaceId={id}
            tz={tz}
            members={memberList}
            version={version}
            status={query.get('status')}
          />
        ) : (
          <>
            <div class="calendar__nav">
              <button
                type="button"
                class="button button--secondary"
                onClick={() => step(-1)}
                aria-label={`Previous ${view}`}
              >
                ←
              </button>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => setAnchor(todayIn(tz))}
              >
                Today
              </button>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => step(1)}
                aria-label={`Next ${view}`}
              >
                →
              </button>
              <span class="calendar__range" data-testid="calendar-range">
                {days === 1
                  ? formatDay(from)
                  : `${formatDay(from)} – ${formatDay(addDays(to, -1))}`}
              </span>
              <button
                type="button"
                class="button button--secondary calendar__refresh"
                onClick={() => setVersion((n) => n + 1)}
                disabled={grid.loading}
              >
                {grid.loading ? 'Refreshing…' : 'Refresh'}
              </button>
            </div>
            {grid.error && <ErrorBanner error={grid.error} onRetry={grid.reload} />}
            {shown?.length === 0 && (
              <p class="muted">No bookings {days === 1 ? 'on this day' : 'this week'}.</p>
            )}
            <CalendarGrid
              workspaceId={id}
              from={from}
              days={days}
              tz={tz}
              bookings={shown ?? []}
              ready={shown !== null && !grid.loading}
            />
          </>
        )}
      </section>
      <CalendarFeeds workspaceId={id} />
    </div>
  );
}

/** The `?view=` of the address: one of the views, else the day. */
function viewParam(raw: string | null): View {
  return raw === 'week' || raw === 'list' ? raw : 'day';
}

function LiveNote({ state }: { state: LiveState }) {
  const text = {
    connecting: 'Connecting for live updates…',
    live: 'Live: changes appear by themselves.',
    reconnecting: 'Live updates interrupted; reconnecting…',
  }[state];
  return (
    <span role="status" data-testid="live-state" data-state={state}>
      {text}
    </span>
  );
}
