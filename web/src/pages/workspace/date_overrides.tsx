// Dates that differ from the weekly hours of one member: closed all day, or special hours.

import type { DateOverride } from '../../api/booking_types';
import { formatLongDay } from '../../time_zone';
import { IntervalRows, kNewInterval } from './interval_rows';
import { nextInterval } from './weekly_hours';

interface DateOverridesProps {
  value: DateOverride[];
  onValue: (overrides: DateOverride[]) => void;
  /** The date a new override starts with (tomorrow in the workspace's zone). */
  firstDate: string;
}

export function DateOverrides({ value, onValue, firstDate }: DateOverridesProps) {
  const set = (index: number, override: DateOverride) =>
    onValue(value.map((old, i) => (i === index ? override : old)));
  return (
    <div data-testid="overrides">
      {value.length === 0 && <p class="muted">No special dates: the weekly hours apply.</p>}
      <ul class="rows">
        {value.map((override, index) => {
          const label = override.date ? formatLongDay(override.date) : `Date ${index + 1}`;
          const last = override.intervals[override.intervals.length - 1];
          return (
            <li class="rows__item override" key={index} data-testid="override">
              <div class="rows__main form">
                <div class="field">
                  <label class="field__label" for={`override-date-${index}`}>
                    Date
                  </label>
                  <input
                    id={`override-date-${index}`}
                    type="date"
                    class="input input--date"
                    value={override.date}
                    onInput={(e) => set(index, { ...override, date: e.currentTarget.value })}
                  />
                </div>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={override.closed}
                    onChange={(e) =>
                      set(index, {
                        ...override,
                        closed: e.currentTarget.checked,
                        intervals: e.currentTarget.checked
                          ? []
                          : override.intervals.length
                            ? override.intervals
                            : [{ ...kNewInterval }],
                      })
                    }
                  />
                  Closed all day
                </label>
                {!override.closed && (
                  <div role="group" aria-label={`Hours on ${label}`}>
                    <IntervalRows
                      label={label}
                      value={override.intervals}
                      onValue={(intervals) => set(index, { ...override, intervals })}
                    />
                    <button
                      type="button"
                      class="link-button"
                      onClick={() =>
                        set(index, {
                          ...override,
                          intervals: [...override.intervals, nextInterval(last)],
                        })
                      }
                    >
                      Add hours
                    </button>
                  </div>
                )}
                <div class="field">
                  <label class="field__label" for={`override-note-${index}`}>
                    Note <span class="field__optional">(optional)</span>
                  </label>
                  <input
                    id={`override-note-${index}`}
                    class="input"
                    value={override.note}
                    placeholder="e.g. Public holiday"
                    onInput={(e) => set(index, { ...override, note: e.currentTarget.value })}
                  />
                </div>
              </div>
              <div class="rows__actions">
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => onValue(value.filter((_, i) => i !== index))}
                >
                  Remove date
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        class="button button--secondary"
        onClick={() =>
          onValue([...value, { date: firstDate, closed: true, intervals: [], note: '' }])
        }
      >
        Add a special date
      </button>
    </div>
  );
}
