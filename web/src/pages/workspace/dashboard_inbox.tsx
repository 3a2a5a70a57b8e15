// The dashboard's inbox: new inquiries today and the conversations waiting for a reply, each
// linked to its thread.

import type { DashboardInbox } from '../../api/dashboard_types';
import { Link } from '../../components/link';
import { formatWhen } from '../../format';
import { kDashboardText as T } from '../../dashboard_text';
import { toMs } from '../../time_zone';
import { appPath } from './dashboard_alerts';
import { Stats } from './dashboard_stats';

interface DashboardInboxCardProps {
  workspaceId: number;
  inbox: DashboardInbox;
}

export function DashboardInboxCard({ workspaceId, inbox }: DashboardInboxCardProps) {
  const base = `/workspaces/${workspaceId}`;
  const waiting = inbox.waiting_for_reply;
  return (
    <section class="card" aria-labelledby="dash-inbox-title" data-testid="dashboard-inbox">
      <div class="page__head">
        <h2 id="dash-inbox-title">{T.inboxTitle}</h2>
        <Link href={`${base}/inbox`}>Open the inbox</Link>
      </div>
      <Stats
        label="Conversations"
        stats={[
          { label: 'New inquiries today', value: inbox.new_inquiries_today },
          { label: 'Waiting for a reply', value: waiting.count, warn: true },
        ]}
      />
      <h3 id="waiting-title">{T.waitingTitle}</h3>
      {waiting.items.length === 0 ? (
        <p class="muted">{T.noWaiting}</p>
      ) : (
        <ul class="rows" aria-labelledby="waiting-title" data-testid="waiting">
          {waiting.items.map((c) => (
            <li key={c.id} class="rows__item" data-testid="waiting-conversation">
              <div class="rows__main">
                <Link href={appPath(c.link, `${base}/inbox/${c.id}`)}>
                  <strong>{c.contact.name.trim() || 'Unnamed contact'}</strong>
                </Link>
                <span class="fact-note dashboard__preview">{c.preview}</span>
              </div>
              <span class="fact-note">{formatWhen(toMs(c.last_activity_at))}</span>
            </li>
          ))}
        </ul>
      )}
      {waiting.count > waiting.items.length && (
        <p>
          <Link href={`${base}/inbox?waiting=1`}>All {waiting.count.toLocaleString()} waiting</Link>
        </p>
      )}
    </section>
  );
}
