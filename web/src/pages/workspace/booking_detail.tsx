// One booking, for staff (permission bookings): everything about it, its reminders, its
// conversation (events and messages, with the inbox permission), the forms sent for it (with
// the forms permission), and what can be done with it now. Follows the workspace's `booking`
// and `form_request` events, so a change elsewhere shows at once.

import type { BookingDetail as Detail, Reminder } from '../../api/booking_types';
import { getBooking } from '../../api/bookings';
import { getConversation } from '../../api/inbox';
import { ErrorBanner } from '../../components/error_banner';
import { Link } from '../../components/link';
import { bookingStatusLabel } from '../../booking_text';
import { useLoad } from '../../hooks';
import { useWorkspaceEvents } from '../../live';
import { contactLabel } from '../../inbox_text';
import { formatTimeIn, formatWhenIn, zoneLabel } from '../../time_zone';
import { useMyPermissions } from '../../workspaces';
import { useState } from 'preact/hooks';
import { BookingActions } from './booking_actions';
import { BookingForms } from './booking_forms';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';
import { ThreadTimeline } from './thread_timeline';

export const BookingDetailPage = workspacePage({ title: () => 'Booking', body: Body });

function Body({ id, params, membership, user }: WorkspaceBodyProps) {
  const raw = params['booking'] ?? '';
  const bookingId = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  const permissions = useMyPermissions(membership);
  const [version, setVersion] = useState(0);
  const [formsVersion, setFormsVersion] = useState(0);
  const booking = useLoad((signal) => getBooking(id, bookingId, { signal }), [version]);
  // One stream for the booking and its forms; it carries what the member's permissions cover.
  useWorkspaceEvents(
    id,
    { booking: 'id', form_request: 'id' },
    (name, changed) => {
      if (name === null || (name === 'booking' && changed === bookingId)) {
        setVersion((n) => n + 1);
      } else if (name === 'form_request') {
        setFormsVersion((n) => n + 1);
      }
    },
    booking.data !== null,
  );
  const tz = membership?.timezone ?? 'UTC';

  if (booking.error && !booking.data) {
    if (booking.error.status === 404) {
      return (
        <p class="notice notice--warn" role="alert" data-testid="booking-missing">
          This booking does not exist in this workspace.{' '}
          <Link href={`/workspaces/${id}/calendar`}>Back to the calendar</Link>
        </p>
      );
    }
    return (
      <WorkspaceProblem
        error={booking.error}
        id={id}
        ownerCan="see its bookings"
        permission="bookings"
        role={membership?.role}
        onRetry={booking.reload}
        retrying={booking.loading}
      />
    );
  }
  const data = booking.data;
  if (!data) return <p class="muted">Loading the booking…</p>;
  return (
    <div class="sections" data-testid="booking-detail" data-status={data.status}>
      <p>
        <Link href={`/workspaces/${id}/calendar`}>← Calendar</Link>
      </p>
      {booking.error && <ErrorBanner error={booking.error} onRetry={booking.reload} />}
      <Facts booking={data} tz={tz} workspaceId={id} />
      <BookingActions
        workspaceId={id}
        booking={data}
        tz={tz}
        onChanged={() => setVersion((n) => n + 1)}
      />
      <Reminders reminders={data.reminders ?? []} tz={tz} />
      {permissions?.forms && (
        <BookingForms
          workspaceId={id}
          bookingId={data.id}
          tz={tz}
          version={version + formsVersion}
        />
      )}
      {data.conversation_id !== null && permissions?.inbox && (
        <Conversation
          workspaceId={id}
          bookingId={data.id}
          conversationId={data.conversation_id}
          version={version}
          userId={user.id}
        />
      )}
    </div>
  );
}

function Facts({ booking, tz, workspaceId }: { booking: Detail; tz: string; workspaceId: number }) {
  const { contact } = booking;
  return (
    <section class="card" aria-labelledby="booking-title">
      <div class="page__head">
        <h2 id="booking-title">
          {booking.service.name} · {contactLabel(contact)}
        </h2>
        <span class={`badge status status--${booking.status}`} data-testid="booking-status">
          {bookingStatusLabel(booking.status)}
        </span>
      </div>
      <dl class="facts">
        <dt>When</dt>
        <dd data-testid="booking-when">
          {formatWhenIn(booking.start, tz)} – {formatTimeIn(booking.end, tz)}
          <span class="fact-note">{zoneLabel(tz)} time</span>
        </dd>
        <dt>With</dt>
        <dd>{booking.member.name}</dd>
        <dt>Customer</dt>
        <dd>
          {contactLabel(contact)}
          <span class="fact-note">
            {contact.phone && <a href={`tel:${contact.phone}`}>{contact.phone}</a>}
            {contact.phone && contact.email && ' · '}
            {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
          </span>
          {booking.conversation_id !== null && (
            <Link href={`/workspaces/${workspaceId}/inbox/${booking.conversation_id}`}>
              Conversation in the inbox
            </Link>
          )}
        </dd>
        {booking.notes && (
          <>
            <dt>Notes</dt>
            <dd class="pre-wrap">{booking.notes}</dd>
          </>
        )}
        <dt>Booked</dt>
        <dd>
          {booking.source === 'public' ? 'Online by the customer' : 'By staff'},{' '}
          {formatWhenIn(booking.created_at, tz)}
          {booking.customer_confirmed_at !== null && (
            <span class="fact-note">
              The customer confirmed on {formatWhenIn(booking.customer_confirmed_at, tz)}.
            </span>
          )}
          {booking.cancelled_at !== null && (
            <span class="fact-note">
              Cancelled by {booking.cancelled_by === 'customer' ? 'the customer' : 'staff'} on{' '}
              {formatWhenIn(booking.cancelled_at, tz)}.
            </span>
          )}
        </dd>
      </dl>
    </section>
  );
}

const kReminderLabels: Record<string, string> = {
  pending: 'Scheduled',
  done: 'Sent',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

function Reminders({ reminders, tz }: { reminders: readonly Reminder[]; tz: string }) {
  return (
    <section class="card" aria-labelledby="reminders-title">
      <h2 id="reminders-title">Reminders</h2>
      {reminders.length === 0 && <p class="muted">No reminders for this booking.</p>}
      <ul class="rows" data-testid="booking-reminders">
        {reminders.map((reminder) => (
          <li class="rows__item" key={String(reminder.due_at)} data-status={reminder.status}>
            <span class="rows__main">
              {formatWhenIn(reminder.due_at, tz)}
              {reminder.result && <span class="fact-note">{reminder.result}</span>}
            </span>
            <span
              class={
                reminder.status === 'failed'
                  ? 'badge badge--bad'
                  : reminder.status === 'done'
                    ? 'badge badge--ok'
                    : 'badge'
              }
            >
              {kReminderLabels[reminder.status] ?? reminder.status}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface ConversationProps {
  workspaceId: number;
  bookingId: number;
  conversationId: number;
  version: number;
  userId: number;
}

function Conversation(props: ConversationProps) {
  const { workspaceId, bookingId, conversationId, version, userId } = props;
  const thread = useLoad(
    (signal) => getConversation(workspaceId, conversationId, { signal }),
    [version],
  );
  return (
    <section class="card" aria-labelledby="booking-conversation-title" aria-busy={thread.loading}>
      <div class="page__head">
        <h2 id="booking-conversation-title">Conversation</h2>
        <Link href={`/workspaces/${workspaceId}/inbox/${conversationId}`}>Open in the inbox</Link>
      </div>
      {thread.error && <ErrorBanner error={thread.error} onRetry={thread.reload} />}
      {thread.data && (
        <ThreadTimeline
          workspaceId={workspaceId}
          messages={thread.data.messages}
          events={thread.data.events ?? []}
          userId={userId}
          bookingId={bookingId}
        />
      )}
    </section>
  );
}
