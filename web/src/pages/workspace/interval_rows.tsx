// Editable "from – until" rows of local wall times, for a weekday or a date override. An end
// of "24:00" (midnight at the end of the day, which a time input cannot show) reads "00:00".

import type { Interval } from '../../api/booking_types';

interface IntervalRowsProps {
  /** Names the inputs for screen readers: "Monday", "2026-04-03". */
  label: string;
  value: Interval[];
  onValue: (intervals: Interval[]) => void;
}

/** "24:00" → "00:00" for the input; back on save with endFromInput(). */
export const endForInput = (end: string) => (end === '24:00' ? '00:00' : end);
export const endFromInput = (end: string) => (end === '00:00' ? '24:00' : end);

export const kNewInterval: Interval = { start: '09:00', end: '17:00' };

export function IntervalRows({ label, value, onValue }: IntervalRowsProps) {
  const set = (index: number, interval: Interval) =>
    onValue(value.map((old, i) => (i === index ? interval : old)));
  return (
    <ul class="intervals">
      {value.map((interval, index) => (
        <li class="intervals__row" key={index} data-testid="interval">
          <input
            type="time"
            class="input input--time"
            aria-label={`${label}: from (hours ${index + 1})`}
            value={interval.start}
            onInput={(event) => set(index, { ...interval, start: event.currentTarget.value })}
          />
          <span aria-hidden="true">–</span>
          <input
            type="time"
            class="input input--time"
            aria-label={`${label}: until (hours ${index + 1})`}
            value={endForInput(interval.end)}
            onInput={(event) =>
              set(index, { ...interval, end: endFromInput(event.currentTarget.value) })
            }
          />
          <button
            type="button"
            class="link-button"
            aria-label={`Remove ${label} hours ${index + 1}`}
            onClick={() => onValue(value.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
