// The dashboard's alerts: each thing that needs a person, with its count, as a link to the
// page where it is handled (the path the API gives).

import type { DashboardAlert } from '../../api/dashboard_types';
import { Link } from '../../components/link';
import { kDashboardText } from '../../dashboard_text';

/**
 * `link` when it is a path of this app, else `fallback`: an answer never sends the reader to
 * another site.
 */
export function appPath(link: string | undefined | null, fallback: string): string {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.includes('\\')) {
    return fallback;
  }
  return link;
}

interface DashboardAlertsProps {
  workspaceId: number;
  alerts: readonly DashboardAlert[];
}

export function DashboardAlerts({ workspaceId, alerts }: DashboardAlertsProps) {
  const shown = alerts.filter((alert) => alert.count > 0);
  return (
    <section class="card dashboard__alerts" aria-labelledby="alerts-title" data-testid="alerts">
      <h2 id="alerts-title">{kDashboardText.alertsTitle}</h2>
      {shown.length === 0 ? (
        <p class="muted" data-testid="all-clear">
          {kDashboardText.allClear}
        </p>
      ) : (
        <ul class="alerts">
          {shown.map((alert) => (
            <li key={alert.kind} class="alerts__item" data-testid="alert" data-kind={alert.kind}>
              <Link
                href={appPath(alert.link, `/workspaces/${workspaceId}/dashboard`)}
                class="alerts__link"
              >
                <span class="alerts__count">{alert.count.toLocaleString()}</span>{' '}
                <span class="alerts__title">{withoutCount(alert.title, alert.count)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The API's title ("2 bookings await approval") less its leading count, shown on its own. */
function withoutCount(title: string, count: number): string {
  const prefix = `${count} `;
  return title.startsWith(prefix) ? title.slice(prefix.length) : title;
}
