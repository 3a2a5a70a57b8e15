// One conversation: who it is with, its status and assignee, a flag or paused automation that
// needs a person, the messages oldest first with their delivery state, merged with the
// conversation's events (bookings made, moved, cancelled…) by time, and the reply box.
// Fetched again whenever `version` changes (the event stream said it changed).

import { useState } from 'preact/hooks';
import type {
  ConversationMessage,
  ConversationStatus,
  ConversationUpdate,
  Thread,
} from '../../api/inbox_types';
import { getConversation, updateConversation } from '../../api/inbox';
import { ErrorBanner } from '../../components/error_banner';
import { Link } from '../../components/link';
import { SelectField } from '../../components/select_field';
import { useAction, useLoad } from '../../hooks';
import { contactLabel, kConversationStatusLabels, kConversationStatuses } from '../../inbox_text';
import { ReplyForm } from './reply_form';
import { ThreadTimeline } from './thread_timeline';

interface ConversationThreadProps {
  workspaceId: number;
  conversationId: number;
  /** Changes when the conversation changed on the server: fetch it again. */
  version: number;
  userId: number;
  /** The list, for the way back on a phone. */
  backHref: string;
  /** After a change made here (status, assignee, automation, a reply). */
  onChanged: () => void;
}

export function ConversationThread(props: ConversationThreadProps) {
  const { workspaceId, conversationId, version, userId, backHref, onChanged } = props;
  const thread = useLoad(
    (signal) => getConversation(workspaceId, conversationId, { signal }),
    [version],
  );
  // Replies sent from here, shown at once until the next fetch has them.
  const [sent, setSent] = useState<ConversationMessage[]>([]);
  const update = useAction(async (change: ConversationUpdate) => {
    await updateConversation(workspaceId, conversationId, change);
    thread.reload();
    onChanged();
  });

  const back = (
    <p class="inbox__back">
      <Link href={backHref}>← All conversations</Link>
    </p>
  );
  const data = thread.data;
  if (!data) {
    return (
      <section class="card" aria-label="Conversation" aria-busy={thread.loading}>
        {back}
        {thread.error?.status === 404 ? (
          <p class="notice notice--warn" role="alert">
            This conversation does not exist any more: its contact may have been deleted.
          </p>
        ) : thread.error ? (
          <ErrorBanner error={thread.error} onRetry={thread.reload} retrying={thread.loading} />
        ) : (
          <p class="muted">Loading the conversation…</p>
        )}
      </section>
    );
  }
  const known = new Set(data.messages.map((m) => m.id));
  const messages = [...data.messages, ...sent.filter((m) => !known.has(m.id))];
  const name = contactLabel(data.contact);
  return (
    <section
      class="card thread"
      aria-labelledby="thread-title"
      aria-busy={thread.loading}
      data-testid="thread"
      data-id={data.id}
    >
      {back}
      <div class="page__head">
        <div class="page__titles">
          <h2 id="thread-title">{name}</h2>
          <p class="fact-note" data-testid="thread-contact">
            {[data.contact.phone, data.contact.email].filter(Boolean).join(' · ')}
            {data.contact.sms_opted_out && ' · opted out of SMS'}
          </p>
        </div>
      </div>
      {thread.error && (
        <ErrorBanner error={thread.error} onRetry={thread.reload} retrying={thread.loading} />
      )}
      <ThreadControls
        thread={data}
        userId={userId}
        busy={update.busy}
        onUpdate={(change) => void update.run(change)}
      />
      {update.error && <ErrorBanner error={update.error} />}
      {data.flag && (
        <p class="notice notice--warn" data-testid="thread-flag">
          <strong>Needs a look:</strong> {data.flag}
        </p>
      )}
      {data.automation_paused && (
        <div class="notice notice--warn" data-testid="automation-paused">
          <p>
            Automatic messages to {name} are paused, because someone replied in person. Resume them
            (or close the conversation) when it needs no more personal attention.
          </p>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => void update.run({ automation_paused: false })}
            disabled={update.busy}
          >
            Resume automatic messages
          </button>
        </div>
      )}
      <h3 class="visually-hidden">Messages</h3>
      {messages.length === 0 && !data.events?.length && <p class="muted">No messages yet.</p>}
      <ThreadTimeline
        workspaceId={workspaceId}
        messages={messages}
        events={data.events ?? []}
        userId={userId}
      />
      <ReplyForm
        workspaceId={workspaceId}
        thread={data}
        onSent={(message) => {
          setSent((s) => [...s, message]);
          onChanged();
        }}
      />
    </section>
  );
}

interface ThreadControlsProps {
  thread: Thread;
  userId: number;
  busy: boolean;
  onUpdate: (change: ConversationUpdate) => void;
}

/** The status select and the assignment, which apply at once. */
function ThreadControls({ thread, userId, busy, onUpdate }: ThreadControlsProps) {
  const mine = thread.assignee_id === userId;
  let assigned = 'Nobody is assigned.';
  if (mine) assigned = 'Assigned to you.';
  else if (thread.assignee_id !== null) assigned = 'Assigned to another member.';
  return (
    <div class="thread__controls">
      <SelectField<ConversationStatus>
        label="Status"
        name="status"
        value={thread.status}
        options={kConversationStatuses.map((value) => ({
          value,
          label: kConversationStatusLabels[value],
        }))}
        onValue={(status) => onUpdate({ status })}
        disabled={busy}
      />
      <p class="thread__assignee">
        <span data-testid="assignee">{assigned}</span>{' '}
        <button
          type="button"
          class="link-button"
          onClick={() => onUpdate({ assignee_id: mine ? null : userId })}
          disabled={busy}
        >
          {mine ? 'Unassign' : 'Assign to me'}
        </button>
      </p>
    </div>
  );
}
