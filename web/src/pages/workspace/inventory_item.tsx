// /workspaces/:id/inventory/:item (permission inventory): one item — its stock and forecast,
// the services that use it, its settings, restocks and adjustments, its history, and archiving.
// Follows the workspace's inventory events when the stream is readable, else refreshes when
// the tab comes back.

import { useState } from 'preact/hooks';
import type { InventoryItem } from '../../api/inventory_types';
import { deleteItem, getItem, updateItem } from '../../api/inventory';
import { ConfirmButton } from '../../components/confirm_button';
import { ErrorBanner } from '../../components/error_banner';
import { Link } from '../../components/link';
import { useAction, useLoad } from '../../hooks';
import { forecastText, quantityText } from '../../inventory_text';
import { useInventoryEvents, useRefreshOnFocus } from '../../live';
import { navigate } from '../../router';
import { formatDay, formatWhenIn } from '../../time_zone';
import { useMyPermissions } from '../../workspaces';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';
import { ItemEditor } from './item_editor';
import { ItemLedger } from './item_ledger';
import { canFollowEvents } from './live_access';
import { StockChangeForm } from './stock_change_form';

export const InventoryItemPage = workspacePage({ title: () => 'Inventory item', body: Body });

function Body({ id, params, membership }: WorkspaceBodyProps) {
  const raw = params['item'] ?? '';
  const itemId = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  const [version, setVersion] = useState(0);
  const item = useLoad((signal) => getItem(id, itemId, { signal }), [version]);
  const refresh = () => setVersion((n) => n + 1);
  const permissions = useMyPermissions(membership);
  const live = canFollowEvents(permissions, 'inventory');
  useInventoryEvents(
    id,
    (changed) => {
      if (changed === null || changed === itemId) refresh();
    },
    live && item.data !== null,
  );
  useRefreshOnFocus(refresh, !live);
  const tz = membership?.timezone ?? 'UTC';
  const back = (
    <p>
      <Link href={`/workspaces/${id}/inventory`}>← Inventory</Link>
    </p>
  );

  if (item.error && !item.data) {
    if (item.error.status === 404) {
      return (
        <div class="notice notice--warn" role="alert" data-testid="item-missing">
          <p>This item does not exist in this workspace.</p>
          {back}
        </div>
      );
    }
    return (
      <WorkspaceProblem
        error={item.error}
        id={id}
        ownerCan="see its inventory"
        permission="inventory"
        role={membership?.role}
        onRetry={item.reload}
        retrying={item.loading}
      />
    );
  }
  const data = item.data;
  if (!data) return <p class="muted">Loading the item…</p>;
  return (
    <div class="sections" data-testid="inventory-item-detail" data-low={String(data.low)}>
      {back}
      {item.error && <ErrorBanner error={item.error} onRetry={item.reload} />}
      <Facts item={data} tz={tz} />
      <ItemEditor key={String(data.updated_at)} workspaceId={id} item={data} onSaved={refresh} />
      {data.is_active && <StockChangeForm workspaceId={id} item={data} onChanged={refresh} />}
      <ItemLedger workspaceId={id} itemId={data.id} tz={tz} version={version} />
      <Archive workspaceId={id} item={data} onRestored={refresh} />
    </div>
  );
}

function Facts({ item, tz }: { item: InventoryItem; tz: string }) {
  const q = (n: number) => quantityText(n, item.unit);
  return (
    <section class="card" aria-labelledby="item-title">
      <div class="page__head">
        <h2 id="item-title">{item.name}</h2>
        {item.low && (
          <span class="badge badge--bad" data-testid="low-badge">
            Low
          </span>
        )}
        {!item.is_active && <span class="badge">Archived</span>}
      </div>
      <dl class="facts">
        <dt>On hand</dt>
        <dd data-testid="item-on-hand">{q(item.on_hand)}</dd>
        <dt>Reserved</dt>
        <dd data-testid="item-reserved">
          {q(item.reserved)}
          <span class="fact-note">Held by confirmed bookings.</span>
        </dd>
        <dt>Available</dt>
        <dd data-testid="item-available">{q(item.available)}</dd>
        <dt>Low at</dt>
        <dd data-testid="item-threshold">
          {q(item.low_stock_threshold)}
          {item.low && item.low_since !== null && (
            <span class="fact-note">Low since {formatWhenIn(item.low_since, tz)}.</span>
          )}
        </dd>
        <dt>Forecast</dt>
        <dd data-testid="item-forecast">
          {forecastText(item)}
          {item.forecast.runs_out_on !== null && (
            <span class="fact-note">
              The bookings ahead use more than is on hand from{' '}
              {formatDay(item.forecast.runs_out_on)}.
            </span>
          )}
        </dd>
        <dt>Used so far</dt>
        <dd>{q(item.consumed)}</dd>
        <dt>Used by</dt>
        <dd data-testid="item-usage">
          {item.usage.length === 0
            ? 'No service yet (set it on the Inventory page).'
            : item.usage.map((u) => `${u.service_name}: ${q(u.quantity)} a booking`).join(' · ')}
        </dd>
      </dl>
    </section>
  );
}

interface ArchiveProps {
  workspaceId: number;
  item: InventoryItem;
  onRestored: () => void;
}

function Archive({ workspaceId, item, onRestored }: ArchiveProps) {
  const archive = useAction(async () => {
    await deleteItem(workspaceId, item.id);
    navigate(`/workspaces/${workspaceId}/inventory`);
  });
  const restore = useAction(async () => {
    await updateItem(workspaceId, item.id, { is_active: true });
    onRestored();
  });
  const error = archive.error ?? restore.error;
  return (
    <section class="card" aria-labelledby="item-archive-title">
      <h2 id="item-archive-title">{item.is_active ? 'Archive' : 'Archived'}</h2>
      {error && <ErrorBanner error={error} />}
      {item.is_active ? (
        <>
          <p class="field__hint">
            An item with a history is archived (kept for its history, no longer listed); one with
            only its starting stock is deleted.
          </p>
          <ConfirmButton
            label="Archive this item"
            question={`Archive ${item.name}?`}
            confirmLabel="Yes, archive"
            busy={archive.busy}
            busyLabel="Archiving…"
            onConfirm={archive.run}
          />
        </>
      ) : (
        <button
          type="button"
          class="button button--secondary"
          onClick={() => void restore.run()}
          disabled={restore.busy}
        >
          {restore.busy ? 'Restoring…' : 'Bring it back'}
        </button>
      )}
    </section>
  );
}
