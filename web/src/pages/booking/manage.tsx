// Where the link in a booking message lands: /b#token=…. The token stays in the fragment
// (which no server sees) and only travels in JSON bodies. The customer sees the appointment
// and may confirm it, move it to another free time of the same service, or cancel it.

import { useEffect, useState } from 'preact/hooks';
import type { ManagedBooking } from '../../api/booking_types';
import { cancelPublicBooking, confirmPublicBooking, manageBooking } from '../../api/bookings';
import type { ApiError } from '../../api/client';
import { ActionButton } from '../../components/action_form';
import { ConfirmButton } from '../../components/confirm_button';
import { ErrorBanner } from '../../components/error_banner';
import { Notice } from '../../components/notice';
import { bookingStatusLabel } from '../../booking_text';
import { useAction, useLoad } from '../../hooks';
import { useDocumentTitle } from '../../layout';
import { browserTimeZone } from '../../time_zone';
import { BookingSummary } from './booking_summary';
import { Reschedule } from './reschedule';
import { ZoneChoice } from './zone_choice';

function tokenInLink(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token')?.trim() ?? '';
}

export function ManageBookingPage() {
  useDocumentTitle('Your booking');
  const [token, setToken] = useState(tokenInLink);
  // Another link opened in the same tab changes only the fragment: no page load.
  useEffect(() => {
    const update = () => setToken(tokenInLink());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return (
    <section class="page page--narrow" aria-labelledby="manage-title">
      <h1 id="manage-title">Your booking</h1>
      {token ? (
        <Managed key={token} token={token} />
      ) : (
        <p class="notice notice--warn" role="alert" data-testid="manage-problem">
          This page needs the link from your booking message, and the link is incomplete. Open it
          again from the message, in full.
        </p>
      )}
    </section>
  );
}

function Managed({ token }: { token: string }) {
  const managed = useLoad((signal) => manageBooking(token, { signal }));
  const [done, setDone] = useState<string | null>(null);
  const [tz, setTz] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const after = (what: string) => {
    setDone(what);
    setMoving(false);
    managed.reload();
  };
  const confirm = useAction(async () => {
    await confirmPublicBooking(token);
    after('Thank you: your appointment is confirmed.');
  });
  const cancel = useAction(async () => {
    await cancelPublicBooking(token);
    after('Your appointment is cancelled.');
  });

  const data = managed.data;
  if (!data) {
    if (managed.error) return <LinkProblem error={managed.error} onRetry={managed.reload} />;
    return <p class="muted">Loading your booking…</p>;
  }
  const { booking, workspace } = data;
  const shownTz = tz ?? browserTimeZone();
  const actionError = confirm.error ?? cancel.error;
  return (
    <div class="sections" data-testid="managed-booking" data-status={booking.status}>
      <p class="page__subtitle" data-testid="manage-business">
        At {workspace.name}
      </p>
      {done && <Notice>{done}</Notice>}
      {actionError && <ErrorBanner error={actionError} />}
      <ZoneChoice
        mine={browserTimeZone()}
        business={workspace.timezone}
        businessName={workspace.name}
        value={shownTz}
        onValue={setTz}
      />
      <BookingSummary
        service={booking.service.name}
        start={booking.start}
        end={booking.end}
        member={booking.member?.name}
        tz={shownTz}
      >
        <dt>Status</dt>
        <dd data-testid="manage-status">
          {bookingStatusLabel(booking.status)}
          {booking.customer_confirmed_at && booking.status !== 'cancelled' && (
            <span class="fact-note">You confirmed you are coming.</span>
          )}
        </dd>
      </BookingSummary>
      {!data.can_change && <NoChange data={data} />}
      {data.can_change && !moving && (
        <div class="sections">
          {!booking.customer_confirmed_at && (
            <ActionButton
              onClick={confirm.run}
              busy={confirm.busy}
              busyLabel="Confirming…"
              label="Confirm I am coming"
            />
          )}
          <div class="form__actions">
            <button type="button" class="button button--secondary" onClick={() => setMoving(true)}>
              Change the time
            </button>
          </div>
          <div>
            <ConfirmButton
              label="Cancel the appointment"
              question={`Cancel your ${booking.service.name} appointment? The time goes to someone else.`}
              confirmLabel="Yes, cancel it"
              busy={cancel.busy}
              busyLabel="Cancelling…"
              onConfirm={cancel.run}
            />
          </div>
        </div>
      )}
      {data.can_change && moving && (
        <Reschedule
          token={token}
          data={data}
          tz={shownTz}
          onCancel={() => setMoving(false)}
          onMoved={() =>
            after('Your appointment is moved. A message with the new time is on its way.')
          }
        />
      )}
    </div>
  );
}

function NoChange({ data }: { data: ManagedBooking }) {
  const status = data.booking.status;
  const text =
    status === 'cancelled'
      ? 'This appointment is cancelled. To come another time, book again.'
      : `This appointment can no longer be changed online. To change anything, contact ${data.workspace.name}.`;
  return (
    <div class="notice notice--warn" data-testid="manage-closed">
      <p>{text}</p>
      <p>
        <a href={`/w/${encodeURIComponent(data.workspace.slug)}/book`}>Book an appointment</a>
      </p>
    </div>
  );
}

/** 404: not a real link; 410: expired. */
function LinkProblem({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  if (error.status === 404 || error.status === 410) {
    return (
      <div class="notice notice--warn" role="alert" data-testid="manage-problem">
        <p>
          <strong>
            {error.status === 404 ? 'This link is not valid.' : 'This link has expired.'}
          </strong>
        </p>
        <p>
          {error.status === 404
            ? 'Check that the whole link was opened; if it still does not work, contact the business.'
            : 'Links stop working a week after the appointment. Each new message about a booking carries a fresh link; or contact the business.'}
        </p>
      </div>
    );
  }
  return <ErrorBanner error={error} onRetry={onRetry} />;
}
