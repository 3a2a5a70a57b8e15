// A conversation's messages and events (bookings made, moved, cancelled…) in time order, as
// the inbox thread and a booking's page show them.

import type { ConversationEvent, ConversationMessage } from '../../api/inbox_types';
import { Link } from '../../components/link';
import { formatDateTime } from '../../format';
import { channelLabel, deliveryState, messageAuthor } from '../../inbox_text';
import { toMs } from '../../time_zone';

interface ThreadTimelineProps {
  workspaceId: number;
  messages: readonly ConversationMessage[];
  events: readonly ConversationEvent[];
  userId: number;
  /** The booking whose page shows the timeline: its events need no link to it. */
  bookingId?: number;
}

type Entry =
  | { at: number; order: number; message: ConversationMessage }
  | { at: number; order: number; event: ConversationEvent };

export function ThreadTimeline(props: ThreadTimelineProps) {
  const { workspaceId, messages, events, userId, bookingId } = props;
  const entries: Entry[] = [
    ...messages.map((message, order) => ({ at: toMs(message.created_at), order, message })),
    ...events.map((event, order) => ({ at: toMs(event.created_at), order, event })),
  ];
  // By time; at the same millisecond the event before the message it caused (a booking made,
  // then its confirmation), then in list order.
  const isMessage = (entry: Entry) => Number('message' in entry);
  entries.sort((a, b) => a.at - b.at || isMessage(a) - isMessage(b) || a.order - b.order);
  return (
    <ol class="messages" data-testid="messages">
      {entries.map((entry) =>
        'message' in entry ? (
          <MessageItem key={`m${entry.message.id}`} message={entry.message} userId={userId} />
        ) : (
          <EventItem
            key={`e${entry.event.id}`}
            event={entry.event}
            linked={entry.event.booking_id !== null && entry.event.booking_id !== bookingId}
            workspaceId={workspaceId}
            userId={userId}
          />
        ),
      )}
    </ol>
  );
}

interface EventItemProps {
  event: ConversationEvent;
  /** Links to its booking. */
  linked: boolean;
  workspaceId: number;
  userId: number;
}

function EventItem({ event, linked, workspaceId, userId }: EventItemProps) {
  let who = 'Automatic';
  if (event.author_id !== null) who = event.author_id === userId ? 'You' : 'Staff';
  const at = toMs(event.created_at);
  return (
    <li class="thread-event" data-testid="thread-event" data-kind={event.kind}>
      <p class="thread-event__body">{event.body}</p>
      <p class="message__meta">
        {who} · <time dateTime={new Date(at).toISOString()}>{formatDateTime(at)}</time>
        {linked && (
          <>
            {' · '}
            <Link href={`/workspaces/${workspaceId}/bookings/${event.booking_id}`}>
              Open the booking
            </Link>
          </>
        )}
      </p>
    </li>
  );
}

export function MessageItem({ message, userId }: { message: ConversationMessage; userId: number }) {
  const state = deliveryState(message);
  const tone = state.tone === 'plain' ? 'badge' : `badge badge--${state.tone}`;
  return (
    <li
      class={`message message--${message.direction}`}
      data-testid="message"
      data-direction={message.direction}
      data-status={message.status}
    >
      <p class="message__meta">
        <strong>{messageAuthor(message, userId)}</strong> · {channelLabel(message.channel)} ·{' '}
        <time dateTime={new Date(message.created_at).toISOString()}>
          {formatDateTime(message.created_at)}
        </time>
      </p>
      {message.subject && <p class="message__subject">{message.subject}</p>}
      <p class="message__body" data-testid="message-body">
        {message.body ?? 'Hidden: this message held a sign-in or verification code.'}
      </p>
      <p class="message__state">
        <span class={tone} data-testid="message-state">
          {state.label}
        </span>
      </p>
    </li>
  );
}
