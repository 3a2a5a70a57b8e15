// The unified inbox: every conversation of the workspace (contact form, SMS, email) beside the
// one opened, at /workspaces/{id}/inbox/{conversation}. The page stays mounted while
// conversations are opened (see the route's mountKey), so the list and the event stream carry
// on; each event re-fetches the list, and the thread when it is the one that changed. On a
// phone it is the list, then the thread with a way back. "?waiting=1" opens it on the
// conversations waiting for a reply, whatever their status (the dashboard's link).

import { useState } from 'preact/hooks';
import { listConversations } from '../../api/inbox';
import { useLoad } from '../../hooks';
import { type LiveState, useConversationEvents } from '../../live';
import {
  ConversationFilters,
  ConversationList,
  type ListFilter,
  filterQuery,
} from './conversation_list';
import { ConversationThread } from './conversation_thread';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';

export const InboxPage = workspacePage({ title: () => 'Inbox', body: InboxBody });

const kFirstFilter: ListFilter = { status: 'open', unread: false, waiting: false, mine: false };

function InboxBody({ id, params, membership, user }: WorkspaceBodyProps) {
  const selected = conversationParam(params['conversation']);
  const [filter, setFilter] = useState<ListFilter>(firstFilter);
  // Bumped by the event stream: the list on every change, the thread on its own.
  const [listVersion, setListVersion] = useState(0);
  const [threadVersion, setThreadVersion] = useState(0);
  const query = filterQuery(filter);
  const list = useLoad(
    (signal) => listConversations(id, query, { signal }),
    [JSON.stringify(filter), listVersion],
  );
  const refused = !list.data && (list.error?.status === 403 || list.error?.status === 404);
  const live = useConversationEvents(
    id,
    (changed) => {
      setListVersion((n) => n + 1);
      if (changed === null || changed === selected) setThreadVersion((n) => n + 1);
    },
    !refused,
  );

  if (list.error && refused) {
    return (
      <WorkspaceProblem
        error={list.error}
        id={id}
        ownerCan="read and answer its conversations"
        permission="inbox"
        role={membership?.role}
      />
    );
  }
  const base = `/workspaces/${id}`;
  const refresh = () => {
    setListVersion((n) => n + 1);
    setThreadVersion((n) => n + 1);
  };
  return (
    <div class={selected === null ? 'inbox' : 'inbox inbox--thread'}>
      <LiveNote state={live} />
      <section
        class="card inbox__list"
        aria-labelledby="conversations-title"
        aria-busy={list.loading}
      >
        <div class="page__head">
          <h2 id="conversations-title">Conversations</h2>
          <button
            type="button"
            class="button button--secondary"
            onClick={refresh}
            disabled={list.loading}
          >
            {list.loading ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
        <ConversationFilters value={filter} onValue={setFilter} />
        <ConversationList
          key={JSON.stringify(filter)}
          workspaceId={id}
          filter={query}
          first={list}
          selected={selected}
        />
      </section>
      <div class="inbox__thread">
        {selected === null ? (
          <p class="muted inbox__placeholder">Choose a conversation to read and answer it.</p>
        ) : (
          <ConversationThread
            key={selected}
            workspaceId={id}
            conversationId={selected}
            version={threadVersion}
            userId={user.id}
            backHref={`${base}/inbox`}
            onChanged={() => setListVersion((n) => n + 1)}
          />
        )}
      </div>
    </div>
  );
}

/** The filter the page opens with: the address's `?waiting=1`, else the open conversations. */
function firstFilter(): ListFilter {
  const waiting = new URLSearchParams(window.location.search).get('waiting') === '1';
  return waiting ? { ...kFirstFilter, status: 'all', waiting: true } : kFirstFilter;
}

/** The `:conversation` segment as an id, or null (none, or not a number). */
function conversationParam(raw: string | undefined): number | null {
  return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/** Whether new messages show up by themselves right now. */
function LiveNote({ state }: { state: LiveState }) {
  const text = {
    connecting: 'Connecting for live updates…',
    live: 'Live: new messages and delivery updates appear by themselves.',
    reconnecting: 'Live updates interrupted; reconnecting… Refresh to check meanwhile.',
  }[state];
  return (
    <p class="fact-note inbox__live" role="status" data-testid="live-state" data-state={state}>
      {text}
    </p>
  );
}
