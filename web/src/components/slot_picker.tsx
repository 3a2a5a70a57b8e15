// Picks a free start time: two weeks of days that have free times, then the times of the day
// chosen, all shown in `tz`. Used by the public booking page, the manage link's reschedule,
// and the staff's new booking and move. The caller loads the slots (public or staff route).

import { useEffect, useState } from 'preact/hooks';
import type { Slot } from '../api/booking_types';
import { useLoad } from '../hooks';
import { addDays, formatDay, formatLongDay, formatTimeIn, todayIn, zoned } from '../time_zone';
import { ErrorBanner } from './error_banner';

const kWindowDays = 14;
/** Empty windows skipped by themselves before saying there is nothing. */
const kAutoSkips = 4;

interface SlotPickerProps {
  /** The zone times are shown in, and the dates are asked in. */
  tz: string;
  /** Loads the free slots with start in [from, to) (dates in `tz`). */
  load: (from: string, to: string, signal: AbortSignal) => Promise<Slot[]>;
  /** Changes when what is bookable changed (another service, a taken slot): load again. */
  reloadKey: string;
  /** The start of the slot chosen, or null. */
  selected: string | null;
  onPick: (slot: Slot) => void;
}

export function SlotPicker({ tz, load, reloadKey, selected, onPick }: SlotPickerProps) {
  const [from, setFrom] = useState(() => todayIn(tz));
  const [skips, setSkips] = useState(0);
  const [day, setDay] = useState<string | null>(null);
  const to = addDays(from, kWindowDays);
  const slots = useLoad((signal) => load(from, to, signal), [from, tz, reloadKey]);
  const byDay = groupByDay(slots.data ?? [], tz);
  const days = [...byDay.keys()];
  const shownDay = day && byDay.has(day) ? day : (days[0] ?? null);

  // Nothing free in the first weeks: look further on by itself, a few windows at most.
  const empty = slots.data !== null && !slots.loading && days.length === 0;
  useEffect(() => {
    if (empty && skips < kAutoSkips) {
      setSkips((n) => n + 1);
      setFrom(addDays(from, kWindowDays));
    }
  }, [empty]);

  const today = todayIn(tz);
  const move = (days: number) => {
    setSkips(kAutoSkips);
    setDay(null);
    const next = addDays(from, days);
    setFrom(next < today ? today : next);
  };
  return (
    <div class="slot-picker" aria-busy={slots.loading} data-testid="slot-picker">
      <div class="slot-picker__nav">
        <button
          type="button"
          class="button button--secondary"
          onClick={() => move(-kWindowDays)}
          disabled={from <= today || slots.loading}
          aria-label="Earlier dates"
        >
          ←
        </button>
        <span class="slot-picker__range">
          {formatDay(from)} – {formatDay(addDays(to, -1))}
        </span>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => move(kWindowDays)}
          disabled={slots.loading}
          aria-label="Later dates"
        >
          →
        </button>
      </div>
      {slots.error && (
        <ErrorBanner error={slots.error} onRetry={slots.reload} retrying={slots.loading} />
      )}
      {slots.loading && <p class="muted">Looking for free times…</p>}
      {empty && skips >= kAutoSkips && (
        <p class="muted" data-testid="no-slots">
          No free times between {formatDay(from)} and {formatDay(addDays(to, -1))}. Try later dates.
        </p>
      )}
      {!slots.loading && days.length > 0 && (
        <>
          <h3 class="slot-picker__title">Choose a day</h3>
          <ul class="slot-days" data-testid="slot-days">
            {days.map((date) => (
              <li key={date}>
                <button
                  type="button"
                  class="slot-button"
                  aria-pressed={date === shownDay}
                  onClick={() => setDay(date)}
                  data-testid="slot-day"
                >
                  {formatDay(date)}
                  <span class="slot-button__note">{countLabel(byDay.get(date)?.length ?? 0)}</span>
                </button>
              </li>
            ))}
          </ul>
          {shownDay && (
            <>
              <h3 class="slot-picker__title">Times on {formatLongDay(shownDay)}</h3>
              <TimeButtons
                slots={byDay.get(shownDay) ?? []}
                tz={tz}
                selected={selected}
                onPick={onPick}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}

interface TimeButtonsProps {
  slots: readonly Slot[];
  tz: string;
  selected: string | null;
  onPick: (slot: Slot) => void;
}

/** One button per free start time, in `tz`. */
export function TimeButtons({ slots, tz, selected, onPick }: TimeButtonsProps) {
  return (
    <ul class="slot-times" data-testid="slot-times">
      {slots.map((slot) => (
        <li key={slot.start}>
          <button
            type="button"
            class="slot-button"
            aria-pressed={slot.start === selected}
            onClick={() => onPick(slot)}
            data-testid="slot-time"
            data-start={slot.start}
          >
            {formatTimeIn(slot.start, tz)}
          </button>
        </li>
      ))}
    </ul>
  );
}

function countLabel(n: number): string {
  return n === 1 ? '1 time' : `${n} times`;
}

/** Slots by their local date in `tz`, in order. */
function groupByDay(slots: readonly Slot[], tz: string): Map<string, Slot[]> {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) {
    const date = zoned(slot.start, tz).date;
    const list = days.get(date);
    if (list) list.push(slot);
    else days.set(date, [slot]);
  }
  return days;
}
