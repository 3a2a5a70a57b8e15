-- 0010: the automation switches (every automatic message belongs to one listed rule) and the
-- indexes the dashboard and the automation page read by (PRODUCT.md D1–D2): no request scans
-- a workspace's history (src/dashboard/dashboard_repository.cpp names the index of each
-- statement; its unit test checks the plans).

-- An owner's switch of one rule (automation/rules.hpp). No row: the rule is on.
CREATE TABLE automation_settings (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  rule TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, rule)
);

-- A day's or a week's messages of a workspace with their status (delivery per day, failed
-- messages): covering, so counting reads no table rows. It replaces messages_workspace
-- (workspace_id, created_at) of 0005, its prefix.
CREATE INDEX messages_workspace_created ON messages (workspace_id, created_at, status)
  WHERE workspace_id IS NOT NULL;
DROP INDEX messages_workspace;
-- Messages of one kind by time: a rule's log (newest first, keyset on (created_at, id)), what
-- it sent in 30 days, today's contact-form messages.
CREATE INDEX messages_workspace_kind ON messages (workspace_id, kind, created_at, id)
  WHERE workspace_id IS NOT NULL;
-- Bookings of one status by start: upcoming, pending, completed / no-show, per day.
CREATE INDEX bookings_workspace_status_start ON bookings (workspace_id, status, start_at);
-- Conversations waiting for a reply now, oldest activity first.
CREATE INDEX conversations_waiting ON conversations (workspace_id, last_activity_at)
  WHERE waiting_for_reply = 1;
