// Typed calls for inventory (docs/API.md, "Inventory"; permission `inventory`): items, stock
// changes, the ledger, and what one booking of a service uses.

import { apiGet, apiSend, type RequestOptions } from './client';
import type {
  InventoryItem,
  ItemUpdate,
  ItemsResponse,
  LedgerResponse,
  NewItemRequest,
  StockChange,
  UsageResponse,
  UsageRow,
} from './inventory_types';
import { workspacePath } from './workspaces';

const itemPath = (id: number, itemId: number, rest = '') =>
  workspacePath(id, `/inventory/${encodeURIComponent(String(itemId))}${rest}`);

/** By name; archived ones too with `includeArchived`. */
export function listItems(
  id: number,
  includeArchived: boolean,
  options: RequestOptions = {},
): Promise<ItemsResponse> {
  return apiGet(
    workspacePath(id, `/inventory${includeArchived ? '?include_archived=1' : ''}`),
    options,
  );
}

/** The on-hand quantity is recorded as the item's `initial` ledger row. */
export function createItem(id: number, item: NewItemRequest): Promise<InventoryItem> {
  return apiSend('POST', workspacePath(id, '/inventory'), item);
}

export function getItem(
  id: number,
  itemId: number,
  options: RequestOptions = {},
): Promise<InventoryItem> {
  return apiGet(itemPath(id, itemId), options);
}

export function updateItem(id: number, itemId: number, update: ItemUpdate): Promise<InventoryItem> {
  return apiSend('PATCH', itemPath(id, itemId), update);
}

/** Archived when it has ledger rows beyond `initial`, else deleted. */
export function deleteItem(id: number, itemId: number): Promise<void> {
  return apiSend('DELETE', itemPath(id, itemId));
}

/** A restock or a signed adjustment; answers the item as it is now. */
export function changeStock(
  id: number,
  itemId: number,
  change: StockChange,
): Promise<InventoryItem> {
  return apiSend('POST', itemPath(id, itemId, '/adjustments'), change);
}

/** Newest first. */
export function listLedger(
  id: number,
  itemId: number,
  cursor: string | null,
  options: RequestOptions = {},
): Promise<LedgerResponse> {
  const query = cursor ? `?${new URLSearchParams({ cursor }).toString()}` : '';
  return apiGet(itemPath(id, itemId, `/ledger${query}`), options);
}

const usagePath = (id: number, serviceId: number) =>
  workspacePath(id, `/services/${encodeURIComponent(String(serviceId))}/usage`);

/** What one booking of the service uses, by item name. */
export function getServiceUsage(
  id: number,
  serviceId: number,
  options: RequestOptions = {},
): Promise<UsageResponse> {
  return apiGet(usagePath(id, serviceId), options);
}

/** Replaces what one booking of the service uses (existing reservations keep theirs). */
export function saveServiceUsage(
  id: number,
  serviceId: number,
  usage: UsageRow[],
): Promise<UsageResponse> {
  return apiSend('PUT', usagePath(id, serviceId), { usage });
}
