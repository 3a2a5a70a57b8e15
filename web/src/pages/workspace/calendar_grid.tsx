// The day and week views of the calendar: a time grid in the workspace's zone, one column per
// day, each booking a block placed by its local start and end and coloured by its status
// (cancelled ones stay visible, muted). Overlapping blocks share their column side by side.

import type { Booking } from '../../api/booking_types';
import { Link } from '../../components/link';
import { bookingStatusLabel } from '../../booking_text';
import { contactLabel } from '../../inbox_text';
import { addDays, formatDay, formatTimeIn, minutesToClock, todayIn, zoned } from '../../time_zone';

interface CalendarGridProps {
  workspaceId: number;
  /** The first day shown. */
  from: string;
  days: number;
  tz: string;
  bookings: readonly Booking[];
  /** The bookings of this range are loaded (a test waits for it). */
  ready: boolean;
}

/** Pixels per minute: an hour is 60 px high. */
const kScale = 1;

interface Placed {
  booking: Booking;
  start: number;
  end: number;
  lane: number;
}

/** Bookings of `date` with their minutes since local midnight and a lane each. */
function place(
  bookings: readonly Booking[],
  date: string,
  tz: string,
): { items: Placed[]; lanes: number } {
  const items: Placed[] = [];
  for (const booking of bookings) {
    const start = zoned(booking.start, tz);
    if (start.date !== date) continue;
    const end = zoned(booking.end, tz);
    const endMinutes = end.date === date ? end.minutes : 1440;
    const endAt = Math.max(endMinutes, start.minutes + 15);
    items.push({ booking, start: start.minutes, end: endAt, lane: 0 });
  }
  items.sort((a, b) => a.start - b.start || a.end - b.end);
  const laneEnds: number[] = [];
  for (const item of items) {
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = item.end;
    item.lane = lane;
  }
  return { items, lanes: Math.max(1, laneEnds.length) };
}

export function CalendarGrid(props: CalendarGridProps) {
  const { workspaceId, from, days, tz, bookings } = props;
  const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
  const placed = dates.map((date) => place(bookings, date, tz));
  // 08:00–18:00, stretched to the earliest start and latest end shown.
  let first = 8 * 60;
  let last = 18 * 60;
  for (const { items } of placed) {
    for (const item of items) {
      first = Math.min(first, Math.floor(item.start / 60) * 60);
      last = Math.max(last, Math.ceil(item.end / 60) * 60);
    }
  }
  const hours = Array.from({ length: (last - first) / 60 }, (_, i) => first + i * 60);
  const height = (last - first) * kScale;
  const today = todayIn(tz);
  return (
    <div class="grid-scroll" data-testid="calendar-grid" data-ready={props.ready}>
      <div class={`grid grid--${days === 1 ? 'day' : 'week'}`} style={{ '--days': days }}>
        <div class="grid__corner" aria-hidden="true" />
        {dates.map((date) => (
          <div class={date === today ? 'grid__date grid__date--today' : 'grid__date'} key={date}>
            {formatDay(date)}
          </div>
        ))}
        <div class="grid__hours" style={{ height: `${height}px` }} aria-hidden="true">
          {hours.map((minute) => (
            <span class="grid__hour" key={minute} style={{ top: `${(minute - first) * kScale}px` }}>
              {minutesToClock(minute)}
            </span>
          ))}
        </div>
        {dates.map((date, index) => {
          const { items, lanes } = placed[index] ?? { items: [], lanes: 1 };
          return (
            <ul
              class="grid__day"
              key={date}
              style={{ height: `${height}px`, '--hour': `${60 * kScale}px` }}
              aria-label={formatDay(date)}
              data-date={date}
            >
              {items.map((item) => (
                <Block
                  key={item.booking.id}
                  workspaceId={workspaceId}
                  item={item}
                  top={(item.start - first) * kScale}
                  height={(item.end - item.start) * kScale}
                  lanes={lanes}
                  tz={tz}
                />
              ))}
            </ul>
          );
        })}
      </div>
    </div>
  );
}

interface BlockProps {
  workspaceId: number;
  item: Placed;
  top: number;
  height: number;
  lanes: number;
  tz: string;
}

function Block({ workspaceId, item, top, height, lanes, tz }: BlockProps) {
  const { booking } = item;
  const width = 100 / lanes;
  return (
    <li
      class={`block block--${booking.status}`}
      style={{
        top: `${top}px`,
        height: `${height}px`,
        left: `${item.lane * width}%`,
        width: `${width}%`,
      }}
      data-testid="calendar-booking"
      data-id={booking.id}
      data-status={booking.status}
    >
      <Link href={`/workspaces/${workspaceId}/bookings/${booking.id}`} class="block__link">
        <span class="block__time">{minutesToClock(item.start)}</span>{' '}
        <span class="block__what">
          {booking.service.name} · {contactLabel(booking.contact)}
        </span>
        <span class="visually-hidden">
          , until {formatTimeIn(booking.end, tz)}, {bookingStatusLabel(booking.status)}
        </span>
      </Link>
    </li>
  );
}
