// The dashboard's messages (owner and managers): those that failed or were not delivered in
// the last 7 days, each linked to its conversation, and the delivery rate per day.

import type { DashboardMessage, DashboardMessages, DeliveryDay } from '../../api/dashboard_types';
import { BarChart } from '../../components/bar_chart';
import { Link } from '../../components/link';
import {
  kDashboardText as T,
  channelLabel,
  messageKindLabel,
  messageStatusLabel,
  percent,
  plural,
} from '../../dashboard_text';
import { formatDateTime } from '../../format';
import { formatDay, toMs } from '../../time_zone';
import { appPath } from './dashboard_alerts';

interface DashboardMessagesCardProps {
  workspaceId: number;
  messages: DashboardMessages;
}

export function DashboardMessagesCard({ workspaceId, messages }: DashboardMessagesCardProps) {
  const { failed } = messages;
  return (
    <section class="card" aria-labelledby="dash-messages-title" data-testid="dashboard-messages">
      <h2 id="dash-messages-title">{T.messagesTitle}</h2>
      <h3 id="failed-title">
        {T.failedTitle}: {failed.count.toLocaleString()}
      </h3>
      {failed.items.length === 0 ? (
        <p class="muted">{T.noFailed}</p>
      ) : (
        <ul class="rows" aria-labelledby="failed-title" data-testid="failed-messages">
          {failed.items.map((message) => (
            <FailedMessage key={message.id} workspaceId={workspaceId} message={message} />
          ))}
        </ul>
      )}
      <h3>{T.deliveryTitle}</h3>
      <DeliveryChart days={messages.delivery} />
    </section>
  );
}

interface FailedMessageProps {
  workspaceId: number;
  message: DashboardMessage;
}

function FailedMessage({ workspaceId, message }: FailedMessageProps) {
  const base = `/workspaces/${workspaceId}`;
  // Where it is handled: its conversation (answer another way), else the channels page.
  const fallback = message.conversation_id
    ? `${base}/inbox/${message.conversation_id}`
    : `${base}/channels`;
  const reason = message.error_message || (message.error_code ? `error ${message.error_code}` : '');
  return (
    <li class="rows__item" data-testid="failed-message" data-id={message.id}>
      <div class="rows__main">
        <Link href={appPath(message.link, fallback)}>
          <strong>
            {messageKindLabel(message.kind)} to {message.to}
          </strong>
        </Link>
        <span class="fact-note">
          {channelLabel(message.channel)} · {formatDateTime(toMs(message.created_at))}
          {reason && ` · ${reason}`}
        </span>
      </div>
      <span class="badge badge--bad">{messageStatusLabel(message.status)}</span>
    </li>
  );
}

/**
 * The share delivered of the messages that went out (accepted by the provider, `sent`, or
 * refused, `failed`; the two never overlap: docs/API.md, "Dashboard"), per day and overall.
 */
function DeliveryChart({ days }: { days: readonly DeliveryDay[] }) {
  const out = (day: DeliveryDay) => day.sent + day.failed;
  const total = days.reduce((sum, day) => sum + out(day), 0);
  const delivered = days.reduce((sum, day) => sum + day.delivered, 0);
  const failed = days.reduce((sum, day) => sum + day.failed, 0);
  const overall = percent(delivered, total);
  const summary =
    total === 0
      ? 'Delivery rate: no messages went out in the last 30 days.'
      : `Delivery rate: ${overall} of ${plural(total, 'message')} delivered over 30 days; ` +
        `${plural(failed, 'failed message')}.`;
  return (
    <>
      <p class="dashboard__rate" data-testid="delivery-rate">
        <strong>{overall}</strong> delivered · {plural(total, 'message')} sent ·{' '}
        {plural(failed, 'failure')}
      </p>
      <BarChart
        testId="delivery-chart"
        summary={summary}
        max={100}
        bars={days.map((day) => ({
          label: formatDay(day.date),
          value: out(day) === 0 ? null : Math.round((day.delivered / out(day)) * 100),
          title:
            `${formatDay(day.date)}: ${percent(day.delivered, out(day))} of ` +
            `${plural(out(day), 'message')} delivered, ${day.failed} failed`,
        }))}
        table={{
          caption: 'Messages per day',
          columns: ['Day', 'Sent', 'Delivered', 'Failed', 'Delivered share'],
          rows: days.map((day) => [
            formatDay(day.date),
            out(day).toLocaleString(),
            day.delivered.toLocaleString(),
            day.failed.toLocaleString(),
            percent(day.delivered, out(day)),
          ]),
        }}
      />
    </>
  );
}
