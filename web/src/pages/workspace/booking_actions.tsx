// What staff can do with a booking now: confirm one awaiting approval, move it, cancel it
// (telling the customer or not), and once it has started mark it completed or a no-show.

import { useState } from 'preact/hooks';
import type { BookingDetail, BookingUpdate } from '../../api/booking_types';
import { updateBooking } from '../../api/bookings';
import { ConfirmButton } from '../../components/confirm_button';
import { ErrorBanner } from '../../components/error_banner';
import { Notice } from '../../components/notice';
import { bookingStatusLabel } from '../../booking_text';
import { useAction } from '../../hooks';
import { contactLabel } from '../../inbox_text';
import { toMs } from '../../time_zone';
import { MoveBooking } from './move_booking';

interface BookingActionsProps {
  workspaceId: number;
  booking: BookingDetail;
  tz: string;
  onChanged: () => void;
}

export function BookingActions({ workspaceId, booking, tz, onChanged }: BookingActionsProps) {
  const [done, setDone] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const [notify, setNotify] = useState(true);
  const change = useAction(async (update: BookingUpdate, what: string) => {
    await updateBooking(workspaceId, booking.id, update);
    setDone(what);
    onChanged();
  });
  const active = booking.status === 'pending' || booking.status === 'confirmed';
  const started = toMs(booking.start) <= Date.now();
  const name = contactLabel(booking.contact);
  const reachable = Boolean(booking.contact.phone || booking.contact.email);

  return (
    <section class="card" aria-labelledby="actions-title" data-testid="booking-actions">
      <h2 id="actions-title">Actions</h2>
      {done && <Notice>{done}</Notice>}
      {change.error && (
        <ErrorBanner
          error={change.error}
          explanation={
            change.error.status === 409
              ? {
                  title: 'This change is not possible any more',
                  advice: 'The booking changed meanwhile; its current state is shown above.',
                }
              : undefined
          }
        />
      )}
      {!active && (
        <p class="muted" data-testid="booking-final">
          {bookingStatusLabel(booking.status)}: nothing more can change for this booking.
        </p>
      )}
      {active && !moving && (
        <div class="sections">
          {reachable && (
            <label class="check">
              <input
                type="checkbox"
                checked={notify}
                onChange={(e) => setNotify(e.currentTarget.checked)}
              />
              Tell {name} by message when confirming or cancelling
            </label>
          )}
          <div class="form__actions">
            {booking.status === 'pending' && (
              <button
                type="button"
                class="button"
                disabled={change.busy}
                onClick={() =>
                  void change.run(
                    { status: 'confirmed', notify: reachable && notify },
                    'The booking is confirmed.',
                  )
                }
              >
                Confirm booking
              </button>
            )}
            <button type="button" class="button button--secondary" onClick={() => setMoving(true)}>
              Move
            </button>
            {started && (
              <>
                <button
                  type="button"
                  class="button button--secondary"
                  disabled={change.busy}
                  onClick={() => void change.run({ status: 'completed' }, 'Marked completed.')}
                >
                  Mark completed
                </button>
                <button
                  type="button"
                  class="button button--secondary"
                  disabled={change.busy}
                  onClick={() => void change.run({ status: 'no_show' }, 'Marked as a no-show.')}
                >
                  Mark no-show
                </button>
              </>
            )}
          </div>
          {!started && (
            <p class="field__hint">
              Completed and no-show can be marked once the booking has started.
            </p>
          )}
          <div class="cancel-box">
            <ConfirmButton
              label="Cancel booking"
              question={`Cancel ${booking.service.name} for ${name}? Its reminders are dropped.`}
              confirmLabel="Yes, cancel it"
              busy={change.busy}
              busyLabel="Cancelling…"
              onConfirm={() =>
                change.run(
                  { status: 'cancelled', notify: reachable && notify },
                  notify && reachable
                    ? `The booking is cancelled, and ${name} is told.`
                    : 'The booking is cancelled.',
                )
              }
            />
          </div>
        </div>
      )}
      {active && moving && (
        <MoveBooking
          workspaceId={workspaceId}
          booking={booking}
          tz={tz}
          onCancel={() => setMoving(false)}
          onMoved={(what) => {
            setMoving(false);
            setDone(what);
            onChanged();
          }}
        />
      )}
    </section>
  );
}
