// What one rule sent, newest first, a page at a time; each message links to its conversation.

import { ruleLog } from '../../api/dashboard';
import { Link } from '../../components/link';
import {
  kAutomationText as T,
  channelLabel,
  messageKindLabel,
  messageStatusLabel,
} from '../../dashboard_text';
import { formatDateTime } from '../../format';
import { useLoad, useMorePages } from '../../hooks';
import { toMs } from '../../time_zone';
import { ListCardBody } from './list_card_body';

interface AutomationLogProps {
  workspaceId: number;
  rule: string;
}

export function AutomationLog({ workspaceId, rule }: AutomationLogProps) {
  const first = useLoad((signal) => ruleLog(workspaceId, rule, null, { signal }));
  const further = useMorePages(first.data?.next_cursor, async (cursor: string) => {
    const page = await ruleLog(workspaceId, rule, cursor);
    return { items: page.messages, next: page.next_cursor };
  });
  const messages = [...(first.data?.messages ?? []), ...further.items];
  return (
    <ListCardBody
      load={first}
      pages={further}
      empty={messages.length === 0 ? T.emptyLog : null}
      loadingNote="Loading…"
      testId="rule-log"
      moreLabel={T.moreLog}
    >
      {messages.map((message) => {
        const line = (
          <>
            {messageKindLabel(message.kind)} to {message.to}
          </>
        );
        return (
          <li key={message.id} class="rows__item" data-testid="rule-log-entry" data-id={message.id}>
            <div class="rows__main">
              {message.conversation_id ? (
                <Link href={`/workspaces/${workspaceId}/inbox/${message.conversation_id}`}>
                  {line}
                </Link>
              ) : (
                <span>{line}</span>
              )}
              <span class="fact-note">
                {channelLabel(message.channel)} · {formatDateTime(toMs(message.created_at))}
              </span>
            </div>
            <span class="badge" data-testid="rule-log-status">
              {messageStatusLabel(message.status)}
            </span>
          </li>
        );
      })}
    </ListCardBody>
  );
}
