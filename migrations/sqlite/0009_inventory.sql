-- 0009: inventory (PRODUCT.md I1–I3). Quantities are whole numbers of an item's unit.
-- Every change of an item's stock is a ledger row: the sums of its deltas always equal the
-- item's on_hand and reserved. available = on_hand - reserved (may go below zero: a booking
-- is never refused for stock; the low-stock alert says so).

CREATE TABLE inventory_items (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT 'pcs',
  on_hand INTEGER NOT NULL DEFAULT 0,      -- physically in stock (= SUM(ledger.on_hand_delta))
  reserved INTEGER NOT NULL DEFAULT 0,     -- held by confirmed bookings (= SUM(reserved_delta))
  low_stock_threshold INTEGER NOT NULL DEFAULT 0 CHECK (low_stock_threshold >= 0),
  low_since INTEGER,                       -- the open low-stock alert (available <= threshold)
  is_active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX inventory_items_workspace ON inventory_items (workspace_id, is_active, name);
CREATE INDEX inventory_items_low ON inventory_items (workspace_id, low_since)
  WHERE low_since IS NOT NULL;

-- What one booking of a service uses.
CREATE TABLE service_items (
  service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES inventory_items (id) ON DELETE CASCADE,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (service_id, item_id)
);
CREATE INDEX service_items_item ON service_items (item_id);

-- Who changed what, when and why. reserve: +reserved; release: -reserved (cancelled, no-show
-- or moved off); consume: -reserved and -on_hand (completed); restock / adjustment / initial:
-- on_hand only.
CREATE TABLE inventory_ledger (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES inventory_items (id) ON DELETE CASCADE,
  kind TEXT NOT NULL
    CHECK (kind IN ('initial', 'restock', 'adjustment', 'reserve', 'release', 'consume')),
  on_hand_delta INTEGER NOT NULL DEFAULT 0,
  reserved_delta INTEGER NOT NULL DEFAULT 0,
  booking_id INTEGER REFERENCES bookings (id) ON DELETE SET NULL,
  reason TEXT NOT NULL DEFAULT '',
  author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,  -- NULL: the customer / system
  created_at INTEGER NOT NULL
);
CREATE INDEX inventory_ledger_item ON inventory_ledger (item_id, id);
CREATE INDEX inventory_ledger_booking ON inventory_ledger (booking_id, item_id)
  WHERE booking_id IS NOT NULL;
