// Moves a booking to another free time (the staff slots of its service: no minimum notice),
// with the same member or another who serves it; the customer is told unless staff say not.

import { useState } from 'preact/hooks';
import type { BookingDetail, BookingUpdate, Slot } from '../../api/booking_types';
import { freshSlots, updateBooking } from '../../api/bookings';
import { toApiError } from '../../api/client';
import { staffSlots } from '../../api/services';
import { ErrorBanner } from '../../components/error_banner';
import { SlotPicker, TimeButtons } from '../../components/slot_picker';
import { useAction } from '../../hooks';
import { contactLabel } from '../../inbox_text';
import { formatWhenIn } from '../../time_zone';

interface MoveBookingProps {
  workspaceId: number;
  booking: BookingDetail;
  tz: string;
  onCancel: () => void;
  onMoved: (what: string) => void;
}

export function MoveBooking({ workspaceId, booking, tz, onCancel, onMoved }: MoveBookingProps) {
  const [slot, setSlot] = useState<Slot | null>(null);
  const [taken, setTaken] = useState<Slot[] | null>(null);
  const [version, setVersion] = useState(0);
  const [notify, setNotify] = useState(true);
  const name = contactLabel(booking.contact);
  const move = useAction(async () => {
    if (!slot) return;
    // Without member_id the server keeps the member when free, else takes another who serves it.
    const update: BookingUpdate = { start: slot.start, notify };
    try {
      await updateBooking(workspaceId, booking.id, update);
    } catch (err) {
      const error = toApiError(err);
      if (error.status !== 409 || error.field !== 'start') throw error;
      setTaken(freshSlots(error));
      setSlot(null);
      setVersion((n) => n + 1);
      return;
    }
    onMoved(`Moved to ${formatWhenIn(slot.start, tz)}${notify ? `; ${name} is told` : ''}.`);
  });
  const pick = (picked: Slot) => {
    setTaken(null);
    setSlot(picked);
  };
  const memberBusy = slot !== null && !slot.staff.some((m) => m.id === booking.member.id);
  return (
    <div class="sections" data-testid="move-booking">
      <h3>Move to another time</h3>
      {taken && (
        <div class="notice notice--warn" role="alert" data-testid="slot-taken">
          <p>
            <strong>That time was just taken.</strong>{' '}
            {taken.length ? 'Still free that day:' : 'Pick another day.'}
          </p>
          {taken.length > 0 && <TimeButtons slots={taken} tz={tz} selected={null} onPick={pick} />}
        </div>
      )}
      <SlotPicker
        tz={tz}
        reloadKey={String(version)}
        selected={slot?.start ?? null}
        onPick={pick}
        load={async (from, to, signal) =>
          (await staffSlots(workspaceId, booking.service.id, { from, to, tz }, { signal })).slots
        }
      />
      {memberBusy && (
        <p class="field__hint">
          {booking.member.name} is not free then: another member who serves it takes it.
        </p>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={notify}
          onChange={(e) => setNotify(e.currentTarget.checked)}
        />
        Tell {name} about the new time
      </label>
      {move.error && <ErrorBanner error={move.error} />}
      <div class="form__actions">
        <button
          type="button"
          class="button"
          disabled={!slot || move.busy}
          onClick={() => void move.run()}
        >
          {move.busy
            ? 'Moving…'
            : slot
              ? `Move to ${formatWhenIn(slot.start, tz)}`
              : 'Pick a time first'}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          Keep the time
        </button>
      </div>
    </div>
  );
}
