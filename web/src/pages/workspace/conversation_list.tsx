// The inbox's list: its filters, and the conversations newest activity first, each linked to
// its thread, with older pages on request.

import type {
  Conversation,
  ConversationFilter,
  ConversationStatus,
  ConversationsResponse,
} from '../../api/inbox_types';
import { listConversations } from '../../api/inbox';
import { ErrorBanner } from '../../components/error_banner';
import { Link } from '../../components/link';
import { LoadMore } from '../../components/load_more';
import { SelectField } from '../../components/select_field';
import { formatDateTime, formatWhen } from '../../format';
import { type Loaded, useMorePages } from '../../hooks';
import { contactLabel, kConversationStatusLabels, kConversationStatuses } from '../../inbox_text';

/** The filters as the page holds them; `status` "all" asks for every status. */
export interface ListFilter {
  status: ConversationStatus | 'all';
  unread: boolean;
  waiting: boolean;
  mine: boolean;
}

/** The API's query for `filter` (no cursor: the first page). */
export function filterQuery(filter: ListFilter): ConversationFilter {
  const { status, unread, waiting, mine } = filter;
  return { ...(status === 'all' ? {} : { status }), unread, waiting, mine };
}

interface ConversationFiltersProps {
  value: ListFilter;
  onValue: (value: ListFilter) => void;
}

export function ConversationFilters({ value, onValue }: ConversationFiltersProps) {
  const check = (flag: 'unread' | 'waiting' | 'mine', label: string) => (
    <label class="check">
      <input
        type="checkbox"
        name={flag}
        checked={value[flag]}
        onChange={(event) => onValue({ ...value, [flag]: event.currentTarget.checked })}
      />
      {label}
    </label>
  );
  return (
    <div class="inbox__filters">
      <SelectField
        label="Show"
        name="status"
        value={value.status}
        options={[
          ...kConversationStatuses.map((status) => ({
            value: status,
            label: kConversationStatusLabels[status],
          })),
          { value: 'all' as const, label: 'All' },
        ]}
        onValue={(status) => onValue({ ...value, status })}
      />
      <fieldset class="checks">
        <legend class="visually-hidden">Only</legend>
        {check('unread', 'Unread')}
        {check('waiting', 'Waiting for a reply')}
        {check('mine', 'Assigned to me')}
      </fieldset>
    </div>
  );
}

interface ConversationListProps {
  workspaceId: number;
  /** The query `first` was loaded with; older pages use it too. */
  filter: ConversationFilter;
  first: Loaded<ConversationsResponse>;
  /** The conversation shown beside the list: read, so no unread badge. */
  selected: number | null;
}

/** Mount one per filter (key it): older pages belong to the filter they were loaded with. */
export function ConversationList({ workspaceId, filter, first, selected }: ConversationListProps) {
  const older = useMorePages(first.data?.next_cursor, async (cursor: string) => {
    const page = await listConversations(workspaceId, { ...filter, cursor });
    return { items: page.conversations, next: page.next_cursor };
  });

  // A conversation with news moves up into the first page, which is fetched again on every
  // change: it is shown there, not also further down.
  const top = first.data?.conversations ?? [];
  const onTop = new Set(top.map((c) => c.id));
  const items = [...top, ...older.items.filter((c) => !onTop.has(c.id))];
  const filtered = filter.status !== 'open' || filter.unread || filter.waiting || filter.mine;
  let note: string | null = null;
  if (!first.data) note = first.error ? null : 'Loading conversations…';
  else if (items.length === 0) {
    note = filtered
      ? 'No conversations match these filters.'
      : 'No open conversations. Messages from your contact form and texts to your number appear here.';
  }
  return (
    <>
      {first.error && (
        <ErrorBanner error={first.error} onRetry={first.reload} retrying={first.loading} />
      )}
      {note && <p class="muted">{note}</p>}
      <ul class="conversations" data-testid="conversations">
        {items.map((conversation) => (
          <ConversationItem
            key={conversation.id}
            conversation={conversation}
            href={`/workspaces/${workspaceId}/inbox/${conversation.id}`}
            open={conversation.id === selected}
          />
        ))}
      </ul>
      <LoadMore pages={older} label="Load older conversations" />
    </>
  );
}

interface ConversationItemProps {
  conversation: Conversation;
  href: string;
  /** Shown beside the list right now. */
  open: boolean;
}

function ConversationItem({ conversation: c, href, open }: ConversationItemProps) {
  const unread = open ? 0 : c.unread_count;
  const name = contactLabel(c.contact);
  return (
    <li
      class={open ? 'conversations__item conversations__item--open' : 'conversations__item'}
      data-testid="conversation"
      data-id={c.id}
    >
      <Link href={href} class="conversations__link">
        <span class="conversations__top">
          <strong class="conversations__name" data-testid="conversation-name">
            {name}
          </strong>
          <time
            class="conversations__time"
            dateTime={new Date(c.last_activity_at).toISOString()}
            title={formatDateTime(c.last_activity_at)}
          >
            {formatWhen(c.last_activity_at)}
          </time>
        </span>
        {c.contact.name.trim() && c.contact.phone && (
          <span class="fact-note">{c.contact.phone}</span>
        )}
        <span class="conversations__preview">{c.preview}</span>
        <span class="conversations__marks">
          {unread > 0 && (
            <span class="badge badge--ok" data-testid="unread">
              {unread} unread
            </span>
          )}
          {c.waiting_for_reply && (
            <span class="badge badge--warn" data-testid="waiting">
              Waiting for reply
            </span>
          )}
          {c.contact.sms_opted_out && <span class="badge badge--bad">Opted out of SMS</span>}
          {c.status !== 'open' && <span class="badge">{kConversationStatusLabels[c.status]}</span>}
        </span>
        {c.flag && (
          <span class="conversations__flag" data-testid="conversation-flag">
            {c.flag}
          </span>
        )}
      </Link>
    </li>
  );
}
