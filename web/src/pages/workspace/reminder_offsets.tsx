// The reminder offsets of a service: up to five, each an amount and a unit before the start
// (24 hours by default).

import { useId } from 'preact/hooks';

export type OffsetUnit = 'minutes' | 'hours' | 'days';

export interface OffsetRow {
  amount: string;
  unit: OffsetUnit;
}

const kUnitMinutes: Record<OffsetUnit, number> = { minutes: 1, hours: 60, days: 1440 };
export const kMaxReminders = 5;

/** 1440 → {amount: "24", unit: "hours"}; 2880 → 2 days. */
export function toOffsetRow(minutes: number): OffsetRow {
  if (minutes % 1440 === 0 && minutes >= 2880)
    return { amount: String(minutes / 1440), unit: 'days' };
  if (minutes % 60 === 0) return { amount: String(minutes / 60), unit: 'hours' };
  return { amount: String(minutes), unit: 'minutes' };
}

/** The minutes of a row, or null when its amount is not a whole number. */
export function offsetMinutes(row: OffsetRow): number | null {
  const amount = row.amount.trim();
  return /^\d{1,6}$/.test(amount) ? Number(amount) * kUnitMinutes[row.unit] : null;
}

interface ReminderOffsetsProps {
  value: OffsetRow[];
  onValue: (rows: OffsetRow[]) => void;
  error: string | null;
}

export function ReminderOffsets({ value, onValue, error }: ReminderOffsetsProps) {
  const id = useId();
  const set = (index: number, row: OffsetRow) =>
    onValue(value.map((old, i) => (i === index ? row : old)));
  return (
    <fieldset class="checks" data-testid="reminders" aria-describedby={`${id}-hint`}>
      <legend class="field__label">Reminders</legend>
      <p class="field__hint" id={`${id}-hint`}>
        Sent to the customer before the appointment (at most {kMaxReminders}). None: no reminder.
      </p>
      <ul class="offsets">
        {value.map((row, index) => (
          <li class="offsets__row" key={index} data-testid="reminder">
            <input
              class="input input--short"
              inputMode="numeric"
              aria-label={`Reminder ${index + 1}: how long before`}
              value={row.amount}
              onInput={(event) => set(index, { ...row, amount: event.currentTarget.value })}
            />
            <select
              class="input input--select input--short"
              aria-label={`Reminder ${index + 1}: unit`}
              value={row.unit}
              onChange={(event) =>
                set(index, { ...row, unit: event.currentTarget.value as OffsetUnit })
              }
            >
              <option value="minutes">minutes</option>
              <option value="hours">hours</option>
              <option value="days">days</option>
            </select>
            <span class="muted-inline">before</span>
            <button
              type="button"
              class="link-button"
              onClick={() => onValue(value.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {value.length < kMaxReminders && (
        <button
          type="button"
          class="button button--secondary"
          onClick={() => onValue([...value, { amount: '1', unit: 'hours' }])}
        >
          Add a reminder
        </button>
      )}
      {error && (
        <p class="field__error" data-testid="error-reminder_offsets_minutes">
          {error}
        </p>
      )}
    </fieldset>
  );
}
