// The dashboard's bookings: today's by status, the next 7 days, completed against no-shows over
// 30 days, the bookings awaiting approval (each linked to its page) and bookings per day.

import type { DashboardBookings } from '../../api/dashboard_types';
import { BarChart } from '../../components/bar_chart';
import { Link } from '../../components/link';
import { kDashboardText as T, percent, plural } from '../../dashboard_text';
import { contactLabel } from '../../inbox_text';
import { formatDay, formatTimeIn, zoned } from '../../time_zone';
import { appPath } from './dashboard_alerts';
import { Stats } from './dashboard_stats';

interface DashboardBookingsCardProps {
  workspaceId: number;
  tz: string;
  bookings: DashboardBookings;
}

export function DashboardBookingsCard({ workspaceId, tz, bookings }: DashboardBookingsCardProps) {
  const base = `/workspaces/${workspaceId}`;
  const { today, upcoming, unconfirmed, last_30_days: month } = bookings;
  const finished = month.completed + month.no_show;
  return (
    <section class="card" aria-labelledby="dash-bookings-title" data-testid="dashboard-bookings">
      <div class="page__head">
        <h2 id="dash-bookings-title">{T.bookingsTitle}</h2>
        <Link href={`${base}/calendar`}>Open the calendar</Link>
      </div>
      <h3>{T.todayTitle}</h3>
      <Stats
        label="Today's bookings by status"
        stats={[
          { label: 'Booked today', value: today.total, testId: 'today-total' },
          { label: 'Awaiting approval', value: today.pending, warn: true },
          { label: 'Confirmed', value: today.confirmed },
          { label: 'Completed', value: today.completed },
          { label: 'No-show', value: today.no_show },
          { label: 'Cancelled', value: today.cancelled },
        ]}
      />
      <Stats
        label="Upcoming and the last 30 days"
        stats={[
          { label: 'Next 7 days', value: upcoming.next_7_days, testId: 'upcoming' },
          { label: 'Completed, 30 days', value: month.completed },
          { label: 'No-shows, 30 days', value: month.no_show },
          { label: 'No-show rate', value: percent(month.no_show, finished) },
        ]}
      />
      <h3 id="unconfirmed-title">
        {T.unconfirmedTitle} ({unconfirmed.count.toLocaleString()})
      </h3>
      {unconfirmed.items.length === 0 ? (
        <p class="muted">{T.noUnconfirmed}</p>
      ) : (
        <ul class="rows" aria-labelledby="unconfirmed-title" data-testid="unconfirmed">
          {unconfirmed.items.map((booking) => (
            <li key={booking.id} class="rows__item" data-testid="unconfirmed-booking">
              <div class="rows__main">
                <Link href={appPath(booking.link, `${base}/bookings/${booking.id}`)}>
                  <strong>
                    {formatDay(zoned(booking.start, tz).date)}, {formatTimeIn(booking.start, tz)}
                  </strong>{' '}
                  {booking.service.name}
                </Link>
                <span class="fact-note">
                  {contactLabel(booking.contact)} · with {booking.member.name}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {unconfirmed.count > unconfirmed.items.length && (
        <p>
          <Link href={`${base}/calendar?view=list&status=pending`}>
            All {plural(unconfirmed.count, 'booking')} awaiting approval
          </Link>
        </p>
      )}
      <h3>{T.perDayTitle}</h3>
      <BookingsPerDay perDay={bookings.per_day} />
    </section>
  );
}

function BookingsPerDay({ perDay }: { perDay: DashboardBookings['per_day'] }) {
  const total = perDay.reduce((sum, day) => sum + day.count, 0);
  const busiest = perDay.reduce(
    (best, day) => (day.count > (best?.count ?? -1) ? day : best),
    perDay[0],
  );
  let summary = `${plural(total, 'booking')} over ${plural(perDay.length, 'day')}.`;
  if (busiest && busiest.count > 0) {
    const on = formatDay(busiest.date);
    summary = `${summary} The busiest day was ${on}, with ${plural(busiest.count, 'booking')}.`;
  }
  return (
    <>
      {total === 0 && <p class="muted">No bookings in these 30 days yet.</p>}
      <BarChart
        testId="bookings-chart"
        summary={`Bookings per day: ${summary}`}
        max={Math.max(1, ...perDay.map((day) => day.count))}
        bars={perDay.map((day) => ({
          label: formatDay(day.date),
          value: day.count,
          title: `${formatDay(day.date)}: ${plural(day.count, 'booking')}`,
        }))}
        table={{
          caption: 'Bookings per day',
          columns: ['Day', 'Bookings'],
          rows: perDay.map((day) => [formatDay(day.date), day.count.toLocaleString()]),
        }}
      />
    </>
  );
}
