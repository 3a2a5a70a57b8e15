// Shapes of the inventory endpoints (docs/API.md, "Inventory"). Quantities are whole numbers
// of the item's unit; `available` (on hand − reserved) may be negative.

import type { Instant } from '../time_zone';

export interface ServiceUsage {
  service_id: number;
  service_name: string;
  /** Used by one booking of the service. */
  quantity: number;
}

export interface InventoryItem {
  id: number;
  name: string;
  unit: string;
  on_hand: number;
  reserved: number;
  available: number;
  consumed: number;
  low_stock_threshold: number;
  /** available ≤ threshold. */
  low: boolean;
  low_since: Instant | null;
  /** The local date stock runs out at the confirmed bookings ahead; null: covered. */
  forecast: { runs_out_on: string | null; days: number | null };
  usage: ServiceUsage[];
  is_active: boolean;
  created_at: Instant;
  updated_at: Instant;
}

export interface ItemsResponse {
  items: InventoryItem[];
}

/** POST …/inventory */
export interface NewItemRequest {
  name: string;
  unit?: string;
  on_hand?: number;
  low_stock_threshold?: number;
}

/** PATCH …/inventory/{item_id} */
export interface ItemUpdate {
  name?: string;
  unit?: string;
  low_stock_threshold?: number;
  is_active?: boolean;
}

export type StockChangeKind = 'restock' | 'adjustment';

/** POST …/inventory/{item_id}/adjustments: restock > 0; adjustment ≠ 0 with a reason. */
export interface StockChange {
  kind: StockChangeKind;
  quantity: number;
  reason: string;
}

export type LedgerKind = 'initial' | 'restock' | 'adjustment' | 'reserve' | 'release' | 'consume';

export interface LedgerEntry {
  id: number;
  kind: LedgerKind;
  on_hand_delta: number;
  reserved_delta: number;
  booking_id: number | null;
  reason: string;
  /** null: the customer or the system. */
  author: { id: number; name: string } | null;
  created_at: Instant;
}

export interface LedgerResponse {
  entries: LedgerEntry[];
  next_cursor: string | null;
}

/** PUT …/services/{service_id}/usage */
export interface UsageRow {
  item_id: number;
  quantity: number;
}

/** One line of GET/PUT …/services/{service_id}/usage, by item name. */
export interface UsageLine extends UsageRow {
  name: string;
  unit: string;
  is_active: boolean;
}

export interface UsageResponse {
  usage: UsageLine[];
}
