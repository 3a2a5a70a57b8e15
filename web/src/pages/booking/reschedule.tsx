// Moving a booking from its manage link: another free time of the same service. 409: taken
// meanwhile; the answer's fresh times of that day are offered.

import { useState } from 'preact/hooks';
import type { ManagedBooking, Slot } from '../../api/booking_types';
import { freshSlots, publicSlots, reschedulePublicBooking } from '../../api/bookings';
import { toApiError } from '../../api/client';
import { ErrorBanner } from '../../components/error_banner';
import { SlotPicker, TimeButtons } from '../../components/slot_picker';
import { useAction } from '../../hooks';
import { formatWhenIn } from '../../time_zone';

interface RescheduleProps {
  token: string;
  data: ManagedBooking;
  tz: string;
  onCancel: () => void;
  onMoved: () => void;
}

export function Reschedule({ token, data, tz, onCancel, onMoved }: RescheduleProps) {
  const [slot, setSlot] = useState<Slot | null>(null);
  const [taken, setTaken] = useState<Slot[] | null>(null);
  const [version, setVersion] = useState(0);
  const move = useAction(async () => {
    if (!slot) return;
    try {
      await reschedulePublicBooking(token, slot.start);
    } catch (err) {
      const error = toApiError(err);
      if (error.status !== 409 || error.field !== 'start') throw error;
      setTaken(freshSlots(error));
      setSlot(null);
      setVersion((n) => n + 1);
      return;
    }
    onMoved();
  });
  const pick = (picked: Slot) => {
    setTaken(null);
    setSlot(picked);
  };
  return (
    <section class="card" aria-labelledby="reschedule-title" data-testid="reschedule">
      <h2 id="reschedule-title">Choose a new time</h2>
      {taken && (
        <div class="notice notice--warn" role="alert" data-testid="slot-taken">
          <p>
            <strong>That time was just taken.</strong>{' '}
            {taken.length ? 'These are still free that day:' : 'Choose another day below.'}
          </p>
          {taken.length > 0 && <TimeButtons slots={taken} tz={tz} selected={null} onPick={pick} />}
        </div>
      )}
      <SlotPicker
        key={tz}
        tz={tz}
        reloadKey={String(version)}
        selected={slot?.start ?? null}
        onPick={pick}
        load={async (from, to, signal) =>
          (
            await publicSlots(
              data.workspace.slug,
              data.booking.service.id,
              { from, to, tz },
              { signal },
            )
          ).slots
        }
      />
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
          Keep the current time
        </button>
      </div>
    </section>
  );
}
