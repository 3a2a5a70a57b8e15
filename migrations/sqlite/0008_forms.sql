-- 0008: intake forms (PRODUCT.md F1–F3). A form is a list of fields linked to services; after
-- a booking of a linked service, one request per form is sent to the customer as a signed link
-- and answered without signing in. Every *_at column is UTC milliseconds since the epoch.

CREATE TABLE forms (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  -- JSON array, in order: [{"key", "label", "type", "required", "options": [text], "help"}];
  -- type: text | long_text | email | phone | number | date | checkbox | select | consent.
  fields TEXT NOT NULL,
  -- A request is due at the booking's start + this offset (0: at the start; negative: before).
  due_offset_minutes INTEGER NOT NULL DEFAULT 0,
  -- One reminder this long before the due time while the request is pending; NULL: none.
  reminder_minutes_before_due INTEGER DEFAULT 1440,
  is_active INTEGER NOT NULL DEFAULT 1,    -- archived forms are no longer sent
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX forms_workspace ON forms (workspace_id, is_active, name);

-- The services after whose bookings a form is sent.
CREATE TABLE form_services (
  form_id INTEGER NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  PRIMARY KEY (form_id, service_id)
);
CREATE INDEX form_services_service ON form_services (service_id);

-- One form sent for one booking. Overdue is not stored: a pending request whose due_at has
-- passed is overdue. The link's token is signed (like a booking's manage link), not stored.
CREATE TABLE form_requests (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  form_id INTEGER NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  booking_id INTEGER NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'completed', 'cancelled')),
  due_at INTEGER NOT NULL,
  sent_at INTEGER,                         -- the link was queued through the outbox
  reminded_at INTEGER,                     -- the reminder was queued
  completed_at INTEGER,
  -- The submission, JSON: [{"key", "label", "type", "value"}] — labels as they were asked.
  answers TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (booking_id, form_id)
);
CREATE INDEX form_requests_status_due ON form_requests (workspace_id, status, due_at);
CREATE INDEX form_requests_completed ON form_requests (workspace_id, completed_at)
  WHERE completed_at IS NOT NULL;
CREATE INDEX form_requests_contact ON form_requests (contact_id, id);
-- The member list of a workspace's requests, newest first.
CREATE INDEX form_requests_workspace ON form_requests (workspace_id, id);
