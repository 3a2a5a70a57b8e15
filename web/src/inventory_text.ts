// Words shared by the inventory pages, so every page says the same thing.

import type { InventoryItem, LedgerKind } from './api/inventory_types';

export const kLedgerKindLabels: Record<LedgerKind, string> = {
  initial: 'Starting stock',
  restock: 'Restock',
  adjustment: 'Adjustment',
  reserve: 'Reserved for a booking',
  release: 'Released',
  consume: 'Used by a booking',
};

export function ledgerKindLabel(kind: string): string {
  return (kLedgerKindLabels as Record<string, string>)[kind] ?? kind;
}

/** "3 pcs", "1 box". */
export function quantityText(quantity: number, unit: string): string {
  return `${quantity} ${unit}`;
}

/** A delta with its sign: "+5", "−2", "0". */
export function deltaText(delta: number): string {
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `−${Math.abs(delta)}`;
  return '0';
}

/** The forecast in words: "covered", "runs out today", "runs out in 3 days". */
export function forecastText(item: Pick<InventoryItem, 'forecast'>): string {
  const { days, runs_out_on: date } = item.forecast;
  if (date === null || days === null) return 'covered';
  if (days <= 0) return 'runs out today';
  if (days === 1) return 'runs out tomorrow';
  return `runs out in ${days} days`;
}
