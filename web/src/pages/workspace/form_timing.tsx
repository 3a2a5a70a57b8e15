// When a form is due for a booking and when the customer is reminded: the due time is an amount
// before or after the booking's start (default: at the start); one reminder an amount before
// the due time, or none.

import { useId } from 'preact/hooks';
import { type OffsetRow, type OffsetUnit, offsetMinutes, toOffsetRow } from './reminder_offsets';

export interface TimingDraft {
  due: OffsetRow;
  /** The due time is this long after the start (else before it). */
  dueAfter: boolean;
  remind: boolean;
  reminder: OffsetRow;
}

export function timingOf(dueOffset: number, reminder: number | null): TimingDraft {
  return {
    due: dueOffset === 0 ? { amount: '0', unit: 'hours' } : toOffsetRow(Math.abs(dueOffset)),
    dueAfter: dueOffset > 0,
    remind: reminder !== null,
    reminder: toOffsetRow(reminder ?? 1440),
  };
}

/** The API's minutes, or null for a part whose amount is not a whole number. */
export function timingMinutes(t: TimingDraft): { due: number | null; reminder: number | null } {
  const due = offsetMinutes(t.due);
  return {
    due: due === null ? null : t.dueAfter ? due : -due,
    reminder: t.remind ? offsetMinutes(t.reminder) : null,
  };
}

interface FormTimingProps {
  value: TimingDraft;
  onValue: (value: TimingDraft) => void;
  dueError: string | null;
  reminderError: string | null;
}

export function FormTiming({ value, onValue, dueError, reminderError }: FormTimingProps) {
  const id = useId();
  return (
    <fieldset class="checks" data-testid="form-timing">
      <legend class="field__label">When it is due</legend>
      <p class="field__hint" id={`${id}-due-hint`}>
        The link goes out when the booking is made. 0: due when the appointment starts.
      </p>
      <div class="offsets__row">
        <input
          class="input input--short"
          inputMode="numeric"
          aria-label="Due: how long"
          aria-describedby={`${id}-due-hint`}
          aria-invalid={dueError ? true : undefined}
          value={value.due.amount}
          onInput={(e) =>
            onValue({ ...value, due: { ...value.due, amount: e.currentTarget.value } })
          }
        />
        <UnitSelect
          label="Due: unit"
          value={value.due.unit}
          onValue={(unit) => onValue({ ...value, due: { ...value.due, unit } })}
        />
        <select
          class="input input--select input--auto"
          aria-label="Due: before or after the start"
          value={value.dueAfter ? 'after' : 'before'}
          onChange={(e) => onValue({ ...value, dueAfter: e.currentTarget.value === 'after' })}
        >
          <option value="before">before the start</option>
          <option value="after">after the start</option>
        </select>
      </div>
      {dueError && (
        <p class="field__error" data-testid="error-due_offset_minutes">
          {dueError}
        </p>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={value.remind}
          onChange={(e) => onValue({ ...value, remind: e.currentTarget.checked })}
        />
        Remind the customer while it is not filled in
      </label>
      {value.remind && (
        <div class="offsets__row">
          <input
            class="input input--short"
            inputMode="numeric"
            aria-label="Reminder: how long before it is due"
            aria-invalid={reminderError ? true : undefined}
            value={value.reminder.amount}
            onInput={(e) =>
              onValue({ ...value, reminder: { ...value.reminder, amount: e.currentTarget.value } })
            }
          />
          <UnitSelect
            label="Reminder: unit"
            value={value.reminder.unit}
            onValue={(unit) => onValue({ ...value, reminder: { ...value.reminder, unit } })}
          />
          <span class="muted-inline">before it is due</span>
        </div>
      )}
      {reminderError && (
        <p class="field__error" data-testid="error-reminder_minutes_before_due">
          {reminderError}
        </p>
      )}
    </fieldset>
  );
}

function UnitSelect(props: { label: string; value: OffsetUnit; onValue: (u: OffsetUnit) => void }) {
  return (
    <select
      class="input input--select input--short"
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onValue(e.currentTarget.value as OffsetUnit)}
    >
      <option value="minutes">minutes</option>
      <option value="hours">hours</option>
      <option value="days">days</option>
    </select>
  );
}
