// The weekly hours of one member: several intervals per weekday, copied to other days in one
// press. Local wall times in the workspace's zone.

import type { Interval } from '../../api/booking_types';
import { kWeekdayNames, minutesToClock } from '../../time_zone';
import { IntervalRows, kNewInterval } from './interval_rows';

/** Intervals per weekday, 0 = Monday. */
export type Week = Interval[][];

interface WeeklyHoursProps {
  value: Week;
  onValue: (week: Week) => void;
}

export function WeeklyHours({ value, onValue }: WeeklyHoursProps) {
  const setDay = (day: number, intervals: Interval[]) =>
    onValue(value.map((old, i) => (i === day ? intervals : old)));
  const copy = (day: number, to: readonly number[]) => {
    const source = value[day] ?? [];
    onValue(value.map((old, i) => (to.includes(i) ? source.map((v) => ({ ...v })) : old)));
  };
  return (
    <div class="week" data-testid="weekly-hours">
      {kWeekdayNames.map((name, day) => {
        const intervals = value[day] ?? [];
        const last = intervals[intervals.length - 1];
        return (
          <div class="week__day" role="group" aria-label={name} key={name} data-testid="weekday">
            <div class="week__head">
              <h3 class="week__name">{name}</h3>
              {intervals.length === 0 && <span class="muted-inline">Closed</span>}
            </div>
            <IntervalRows label={name} value={intervals} onValue={(v) => setDay(day, v)} />
            <div class="week__actions">
              <button
                type="button"
                class="link-button"
                onClick={() => setDay(day, [...intervals, nextInterval(last)])}
              >
                Add hours
              </button>
              {intervals.length > 0 && day < 5 && (
                <button
                  type="button"
                  class="link-button"
                  onClick={() =>
                    copy(
                      day,
                      [0, 1, 2, 3, 4].filter((d) => d !== day),
                    )
                  }
                >
                  Copy to weekdays
                </button>
              )}
              {intervals.length > 0 && (
                <button
                  type="button"
                  class="link-button"
                  onClick={() =>
                    copy(
                      day,
                      [0, 1, 2, 3, 4, 5, 6].filter((d) => d !== day),
                    )
                  }
                >
                  Copy to every day
                </button>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** The hours added after `last`: an hour from its end; 09:00–17:00 on an empty day. */
export function nextInterval(last: Interval | undefined): Interval {
  if (!last) return { ...kNewInterval };
  const [h, m] = last.end.split(':').map(Number);
  const end = Math.min((h ?? 0) * 60 + (m ?? 0), 1380);
  return { start: minutesToClock(end), end: minutesToClock(end + 60) };
}
