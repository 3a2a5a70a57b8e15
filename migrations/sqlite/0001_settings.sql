-- 0001: settings of this installation, one row per key: the instance id, the install time and
-- other server-wide values that must survive restarts. Values are text; callers encode numbers
-- or JSON themselves. updated_at is UTC milliseconds since the epoch.
CREATE TABLE settings (
  key TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
