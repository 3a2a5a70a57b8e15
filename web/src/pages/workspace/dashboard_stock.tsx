// The dashboard's low-stock items with what is left and when it runs out, each linked to its
// item page (restock, adjust).

import type { DashboardStockItem } from '../../api/dashboard_types';
import { Link } from '../../components/link';
import { kDashboardText as T, runsOutText } from '../../dashboard_text';
import { appPath } from './dashboard_alerts';

interface DashboardStockCardProps {
  workspaceId: number;
  low: readonly DashboardStockItem[];
}

export function DashboardStockCard({ workspaceId, low }: DashboardStockCardProps) {
  const base = `/workspaces/${workspaceId}`;
  return (
    <section class="card" aria-labelledby="dash-stock-title" data-testid="dashboard-stock">
      <div class="page__head">
        <h2 id="dash-stock-title">
          {T.stockTitle} ({low.length.toLocaleString()})
        </h2>
        <Link href={`${base}/inventory`}>Open the inventory</Link>
      </div>
      {low.length === 0 ? (
        <p class="muted">{T.noLowStock}</p>
      ) : (
        <ul class="rows" aria-labelledby="dash-stock-title" data-testid="low-stock">
          {low.map((item) => (
            <li key={item.id} class="rows__item" data-testid="low-stock-item">
              <div class="rows__main">
                <Link href={appPath(item.link, `${base}/inventory/${item.id}`)}>
                  <strong>{item.name}</strong>
                </Link>
                <span class="fact-note">
                  {item.available.toLocaleString()} {item.unit} available (alert at{' '}
                  {item.low_stock_threshold.toLocaleString()})
                </span>
                <span class={item.forecast.days === null ? 'fact-note' : 'warning'}>
                  {runsOutText(item.forecast.days, item.forecast.runs_out_on)}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
