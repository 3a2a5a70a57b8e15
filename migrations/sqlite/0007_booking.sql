-- 0007: the booking engine (PRODUCT.md B1–B7): services, staff availability, bookings with
-- their statuses, durable jobs (reminders), conversation events and calendar feeds. Every *_at
-- column is UTC milliseconds since the epoch; local wall times are minutes since midnight in
-- the workspace's time zone. A staff member is a member of the workspace, named by user id
-- (`staff_id`, the API's `member_id`, as in .../members/{member_id}).

-- What a customer can book. Never deleted once booked: archived instead (is_active = 0).
CREATE TABLE services (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
  price_cents INTEGER CHECK (price_cents IS NULL OR price_cents >= 0),  -- NULL: no price shown
  currency TEXT NOT NULL DEFAULT '',       -- ISO 4217 ("EUR"); '' with no price
  location_kind TEXT NOT NULL DEFAULT 'in_person' CHECK (location_kind IN ('in_person', 'online')),
  location TEXT NOT NULL DEFAULT '',       -- an address, or the online meeting link
  buffer_before_minutes INTEGER NOT NULL DEFAULT 0,
  buffer_after_minutes INTEGER NOT NULL DEFAULT 0,
  min_notice_minutes INTEGER NOT NULL DEFAULT 60,
  horizon_days INTEGER NOT NULL DEFAULT 60,
  slot_interval_minutes INTEGER NOT NULL DEFAULT 30,
  requires_approval INTEGER NOT NULL DEFAULT 0,  -- public bookings start 'pending'
  reminder_offsets TEXT NOT NULL DEFAULT '1440',  -- minutes before the start, comma-separated
  is_active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX services_workspace ON services (workspace_id, is_active, name);

-- The members who can serve a service.
CREATE TABLE service_staff (
  service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  staff_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (service_id, staff_id)
);
CREATE INDEX service_staff_staff ON service_staff (staff_id);

-- Weekly working hours of a member, local wall time in the workspace's time zone.
CREATE TABLE staff_hours (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  staff_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),  -- 0 = Monday … 6 = Sunday
  start_minute INTEGER NOT NULL,
  end_minute INTEGER NOT NULL,
  CHECK (start_minute >= 0 AND start_minute < end_minute AND end_minute <= 1440)
);
CREATE INDEX staff_hours_staff ON staff_hours (workspace_id, staff_id, weekday, start_minute);

-- One local date of a member replaced: closed, or exactly these hours.
CREATE TABLE staff_overrides (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  staff_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  date TEXT NOT NULL,                      -- 'YYYY-MM-DD', local
  closed INTEGER NOT NULL DEFAULT 0,
  intervals TEXT NOT NULL DEFAULT '',      -- "540-720,780-1020": start-end minute pairs
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (workspace_id, staff_id, date)
);

-- An appointment. [busy_from, busy_until) is [start_at - buffer_before, end_at + buffer_after)
-- with the service's buffers when it was booked. Of one staff member in a workspace, the busy
-- times of bookings that hold time (pending, confirmed) never overlap (the triggers refuse it).
CREATE TABLE bookings (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  service_id INTEGER NOT NULL REFERENCES services (id),
  staff_id INTEGER NOT NULL REFERENCES users (id),
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  status TEXT NOT NULL
    CHECK (status IN ('pending', 'confirmed', 'completed', 'no_show', 'cancelled')),
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  busy_from INTEGER NOT NULL,
  busy_until INTEGER NOT NULL,
  notes TEXT NOT NULL DEFAULT '',          -- the customer's note, or staff's
  source TEXT NOT NULL DEFAULT 'public' CHECK (source IN ('public', 'staff')),
  customer_confirmed_at INTEGER,           -- the customer replied C (or used the link)
  cancelled_at INTEGER,
  cancelled_by TEXT,                       -- 'customer' | 'staff'
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,  -- staff; NULL when public
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (start_at < end_at AND busy_from <= start_at AND end_at <= busy_until)
);
CREATE INDEX bookings_staff_busy ON bookings (workspace_id, staff_id, busy_from);
CREATE INDEX bookings_workspace_start ON bookings (workspace_id, start_at, id);
CREATE INDEX bookings_contact_start ON bookings (contact_id, start_at);

-- No double booking, enforced by the database whatever the code does (PostgreSQL: an
-- exclusion constraint on (workspace_id, staff_id, range(busy_from, busy_until)) where the status holds
-- time). The service also checks first, to answer 409 with fresh slots.
CREATE TRIGGER bookings_no_overlap_insert BEFORE INSERT ON bookings
WHEN NEW.status IN ('pending', 'confirmed') AND EXISTS (
  SELECT 1 FROM bookings b WHERE b.workspace_id = NEW.workspace_id AND b.staff_id = NEW.staff_id
    AND b.status IN ('pending', 'confirmed')
    AND b.busy_from < NEW.busy_until AND NEW.busy_from < b.busy_until)
BEGIN
  SELECT RAISE(ABORT, 'booking_overlap');
END;
CREATE TRIGGER bookings_no_overlap_update
BEFORE UPDATE OF staff_id, status, busy_from, busy_until ON bookings
WHEN NEW.status IN ('pending', 'confirmed') AND EXISTS (
  SELECT 1 FROM bookings b WHERE b.workspace_id = NEW.workspace_id
    AND b.staff_id = NEW.staff_id AND b.id <> NEW.id
    AND b.status IN ('pending', 'confirmed')
    AND b.busy_from < NEW.busy_until AND NEW.busy_from < b.busy_until)
BEGIN
  SELECT RAISE(ABORT, 'booking_overlap');
END;

-- Durable jobs run by the scheduler at their due time (reminders first): claimed with a
-- lease so that several instances run each job once, and a job whose process died is taken
-- again when its lease ends.
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,                      -- "booking_reminder", …
  workspace_id INTEGER REFERENCES workspaces (id) ON DELETE CASCADE,
  subject_id INTEGER,                      -- what it is about (the booking's id)
  payload TEXT NOT NULL DEFAULT '',        -- kind-specific ("1440": the reminder's offset)
  due_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'running', 'done', 'skipped', 'cancelled', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_until INTEGER,
  lease_owner TEXT,
  result TEXT NOT NULL DEFAULT '',         -- why skipped / failed, or what it did
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX jobs_due ON jobs (status, due_at, id);
CREATE INDEX jobs_subject ON jobs (kind, subject_id);

-- What happened in a conversation besides messages (a booking made, moved, cancelled…),
-- shown in the thread in time order with the messages.
CREATE TABLE conversation_events (
  id INTEGER PRIMARY KEY,
  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                      -- "booking_created", "booking_cancelled", …
  body TEXT NOT NULL,                      -- the sentence staff read
  booking_id INTEGER REFERENCES bookings (id) ON DELETE SET NULL,
  author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,  -- staff; NULL: customer/system
  created_at INTEGER NOT NULL
);
CREATE INDEX conversation_events_conversation ON conversation_events (conversation_id, id);

-- Secret iCalendar URLs: one per staff member (their bookings) or per workspace (staff_id NULL).
CREATE TABLE calendar_feeds (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  staff_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,         -- SecretKey::KeyedHash("calendar-feed", token)
  token_sealed TEXT NOT NULL,              -- the token sealed with the server key, to show again
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX calendar_feeds_owner ON calendar_feeds (workspace_id, IFNULL(staff_id, 0));
