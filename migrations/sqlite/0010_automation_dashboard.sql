-- 0010: the automation switches (every automatic message belongs to one listed rule) and the
-- indexes the dashboard reads by (PRODUCT.md D1–D2): no request scans a workspace's history.

-- An owner's switch of one rule (automation/rules.hpp). No row: the rule is on.
CREATE TABLE automation_settings (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  rule TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, rule)
);

CREATE INDEX messages_workspace_created ON messages (workspace_id, created_at)
  WHERE workspace_id IS NOT NULL;
CREATE INDEX messages_workspace_kind ON messages (workspace_id, kind, id)
  WHERE workspace_id IS NOT NULL;
CREATE INDEX bookings_workspace_status_start ON bookings (workspace_id, status, start_at);
CREATE INDEX conversations_waiting ON conversations (workspace_id, last_activity_at)
  WHERE waiting_for_reply = 1;
CREATE INDEX contacts_workspace_created ON contacts (workspace_id, created_at);
