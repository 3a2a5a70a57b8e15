// The dashboard: what is happening in the business right now (PRODUCT.md D1–D2). Alerts come
// first, each a link to where it is handled; then one card per section the member's
// permissions allow (the API leaves the others out). It refreshes by itself: on the
// workspace's events, and every minute and on focus while the stream is not connected.

import { getDashboard } from '../../api/dashboard';
import { Link } from '../../components/link';
import { kDashboardText as T } from '../../dashboard_text';
import { formatTime } from '../../format';
import { useLoad } from '../../hooks';
import type { LiveState } from '../../live';
import { toMs } from '../../time_zone';
import { ErrorBanner } from '../../components/error_banner';
import { DashboardAlerts } from './dashboard_alerts';
import { DashboardBookingsCard } from './dashboard_bookings';
import { DashboardFormsCard } from './dashboard_forms';
import { DashboardInboxCard } from './dashboard_inbox';
import { DashboardMessagesCard } from './dashboard_messages';
import { useDashboardRefresh } from './dashboard_refresh';
import { DashboardStockCard } from './dashboard_stock';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';

export const DashboardPage = workspacePage({ title: () => T.title, body: DashboardBody });

function DashboardBody({ id, membership }: WorkspaceBodyProps) {
  const dashboard = useLoad((signal) => getDashboard(id, { signal }));
  const refused = dashboard.error?.status === 403 || dashboard.error?.status === 404;
  const live = useDashboardRefresh(id, !refused, dashboard.reload);

  if (dashboard.error && (refused || !dashboard.data)) {
    return (
      <WorkspaceProblem
        error={dashboard.error}
        id={id}
        ownerCan="see its dashboard"
        onRetry={dashboard.reload}
        retrying={dashboard.loading}
      />
    );
  }
  const data = dashboard.data;
  if (!data) return <p class="muted">Loading…</p>;
  const tz = data.timezone || membership?.timezone || 'UTC';
  const base = `/workspaces/${id}`;
  return (
    <div class="sections dashboard" aria-busy={dashboard.loading}>
      <div class="page__head dashboard__head">
        <p class="fact-note">
          <RefreshNote state={live} /> Figures as of{' '}
          <span data-testid="generated-at">{formatTime(toMs(data.generated_at))}</span>.
        </p>
        <div class="dashboard__actions">
          {membership?.role === 'owner' && <Link href={base}>{T.setupLink}</Link>}
          <button
            type="button"
            class="button button--secondary"
            onClick={dashboard.reload}
            disabled={dashboard.loading}
          >
            {dashboard.loading ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </div>
      {dashboard.error && <ErrorBanner error={dashboard.error} onRetry={dashboard.reload} />}
      <DashboardAlerts workspaceId={id} alerts={data.alerts} />
      <div class="dashboard__grid">
        {data.bookings && (
          <DashboardBookingsCard workspaceId={id} tz={tz} bookings={data.bookings} />
        )}
        {data.inbox && <DashboardInboxCard workspaceId={id} inbox={data.inbox} />}
        {data.forms && <DashboardFormsCard workspaceId={id} tz={tz} forms={data.forms} />}
        {data.inventory && <DashboardStockCard workspaceId={id} low={data.inventory.low} />}
        {data.messages && <DashboardMessagesCard workspaceId={id} messages={data.messages} />}
      </div>
    </div>
  );
}

/** Whether the figures follow changes by themselves, and how. */
function RefreshNote({ state }: { state: LiveState }) {
  const text = { connecting: T.liveConnecting, live: T.liveOn, reconnecting: T.liveOff }[state];
  return (
    <span role="status" data-testid="live-state" data-state={state}>
      {text}
    </span>
  );
}
