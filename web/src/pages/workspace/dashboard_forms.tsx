// The dashboard's forms: pending, overdue and completed counts, and the overdue requests,
// each linked to where it is followed up: its booking's page, which lists the booking's forms.

import type { DashboardFormRequest, DashboardForms } from '../../api/dashboard_types';
import { Link } from '../../components/link';
import { kDashboardText as T } from '../../dashboard_text';
import { formatTimeIn, formatDay, zoned } from '../../time_zone';
import { appPath } from './dashboard_alerts';
import { Stats } from './dashboard_stats';

interface DashboardFormsCardProps {
  workspaceId: number;
  tz: string;
  forms: DashboardForms;
}

export function DashboardFormsCard({ workspaceId, tz, forms }: DashboardFormsCardProps) {
  const overduePath = `/workspaces/${workspaceId}/forms/requests?status=overdue`;
  return (
    <section class="card" aria-labelledby="dash-forms-title" data-testid="dashboard-forms">
      <h2 id="dash-forms-title">{T.formsTitle}</h2>
      <Stats
        label="Form requests"
        stats={[
          { label: 'Pending', value: forms.pending },
          { label: 'Overdue', value: forms.overdue, warn: true },
          { label: 'Completed, 30 days', value: forms.completed_last_30_days },
        ]}
      />
      <h3 id="overdue-title">{T.overdueTitle}</h3>
      {forms.overdue_items.length === 0 ? (
        <p class="muted">{T.noOverdue}</p>
      ) : (
        <ul class="rows" aria-labelledby="overdue-title" data-testid="overdue-forms">
          {forms.overdue_items.map((request) => (
            <li key={request.id} class="rows__item" data-testid="overdue-form">
              <div class="rows__main">
                <Link href={appPath(request.link, requestPath(workspaceId, request))}>
                  <strong>{request.form.name}</strong> ·{' '}
                  {request.contact.name || 'Unnamed contact'}
                </Link>
                <span class="fact-note">
                  Was due {formatDay(zoned(request.due_at, tz).date)},{' '}
                  {formatTimeIn(request.due_at, tz)}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {forms.overdue > forms.overdue_items.length && (
        <p>
          <Link href={overduePath}>All {forms.overdue.toLocaleString()} overdue forms</Link>
        </p>
      )}
    </section>
  );
}

/** The booking's page of a request (its forms are listed there), else the overdue list. */
function requestPath(workspaceId: number, request: DashboardFormRequest): string {
  const base = `/workspaces/${workspaceId}`;
  return request.booking_id
    ? `${base}/bookings/${request.booking_id}`
    : `${base}/forms/requests?status=overdue`;
}
