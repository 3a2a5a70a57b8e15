// /workspaces/:id/inventory (permission inventory): every item's stock — on hand, reserved by
// confirmed bookings, available, the low-stock level and when bookings ahead use it up —
// `?low=1` for the low ones only, archived ones on request; adding an item; what one booking of
// each service uses.
// Follows the workspace's inventory events when the stream is readable, else refreshes when the
// tab comes back.

import { useState } from 'preact/hooks';
import { listItems } from '../../api/inventory';
import { listServices } from '../../api/services';
import { ErrorBanner } from '../../components/error_banner';
import { Notice } from '../../components/notice';
import { useLoad } from '../../hooks';
import { useInventoryEvents, useRefreshOnFocus } from '../../live';
import { useMyPermissions } from '../../workspaces';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';
import { InventoryTable } from './inventory_table';
import { canFollowEvents } from './live_access';
import { NewItemForm } from './new_item_form';
import { ServiceUsage } from './service_usage';

export const InventoryPage = workspacePage({ title: () => 'Inventory', body: Body });

function lowInUrl(): boolean {
  return new URLSearchParams(window.location.search).get('low') === '1';
}

function Body({ id, membership }: WorkspaceBodyProps) {
  const [version, setVersion] = useState(0);
  const [archived, setArchived] = useState(false);
  const items = useLoad((signal) => listItems(id, archived, { signal }), [version, archived]);
  const services = useLoad((signal) => listServices(id, false, { signal }));
  const [lowOnly, setLowOnly] = useState(lowInUrl);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => setVersion((n) => n + 1);
  const permissions = useMyPermissions(membership);
  const live = canFollowEvents(permissions, 'inventory');
  useInventoryEvents(id, refresh, live && items.data !== null);
  useRefreshOnFocus(refresh, !live);

  if (items.error && !items.data && [403, 404].includes(items.error.status)) {
    return (
      <WorkspaceProblem
        error={items.error}
        id={id}
        ownerCan="see its inventory"
        permission="inventory"
        role={membership?.role}
      />
    );
  }
  const all = items.data?.items ?? [];
  const shown = lowOnly ? all.filter((item) => item.low) : all;
  const lowCount = all.filter((item) => item.low).length;
  const showLow = (on: boolean) => {
    window.history.replaceState(null, '', `/workspaces/${id}/inventory${on ? '?low=1' : ''}`);
    setLowOnly(on);
  };
  let note: string | null = null;
  if (!items.data) note = items.error ? null : 'Loading the inventory…';
  else if (shown.length === 0) {
    note = lowOnly ? 'Nothing is low.' : 'No items yet. Add the first one above.';
  }
  return (
    <div class="sections">
      <section class="card" aria-labelledby="new-item-title">
        <div class="page__head">
          <h2 id="new-item-title">New item</h2>
          {!adding && (
            <button type="button" class="button" onClick={() => setAdding(true)}>
              Add an item
            </button>
          )}
        </div>
        <p class="field__hint">
          Supplies your services use. Set what one booking of a service uses below: stock is then
          reserved when a booking is confirmed and used up when it is completed.
        </p>
        {notice && <Notice>{notice}</Notice>}
        {adding && (
          <NewItemForm
            workspaceId={id}
            onAdded={(item) => {
              setAdding(false);
              setNotice(`${item.name} was added.`);
              refresh();
            }}
            onCancel={() => setAdding(false)}
          />
        )}
      </section>
      <section class="card" aria-labelledby="items-title" aria-busy={items.loading}>
        <div class="page__head">
          <h2 id="items-title">Stock</h2>
          <button
            type="button"
            class="button button--secondary"
            onClick={refresh}
            disabled={items.loading}
          >
            {items.loading ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={lowOnly}
            onChange={(e) => showLow(e.currentTarget.checked)}
          />
          Only low items{items.data ? ` (${lowCount})` : ''}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={archived}
            onChange={(e) => setArchived(e.currentTarget.checked)}
          />
          Show archived items too
        </label>
        {items.error && (
          <ErrorBanner error={items.error} onRetry={refresh} retrying={items.loading} />
        )}
        {note && <p class="muted">{note}</p>}
        {shown.length > 0 && <InventoryTable workspaceId={id} items={shown} />}
      </section>
      {items.data && services.data && (
        <ServiceUsage
          workspaceId={id}
          services={services.data.services}
          items={items.data.items}
          onSaved={refresh}
        />
      )}
    </div>
  );
}
