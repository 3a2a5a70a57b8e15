-- The outbox: every SMS and email is a row here first, written in the same transaction as
-- the event that causes it, then sent by the dispatcher thread. Attempts and provider status
-- callbacks are kept for the message log.
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
  kind TEXT NOT NULL,
  priority INTEGER NOT NULL,
  to_address TEXT NOT NULL,
  from_address TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,                      -- sealed with the server key when sensitive = 1
  sensitive INTEGER NOT NULL DEFAULT 0,
  user_id INTEGER,                         -- the account the message belongs to
  workspace_id INTEGER,                    -- the workspace it belongs to (later features)
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,        -- due time, UTC ms
  lease_until INTEGER,                     -- set while a dispatcher holds it, UTC ms
  lease_owner TEXT,                        -- which dispatcher holds it (random per process)
  provider TEXT NOT NULL DEFAULT '',
  provider_id TEXT,
  error_code TEXT,
  error_message TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  sent_at INTEGER,
  delivered_at INTEGER
);
CREATE INDEX messages_due ON messages (status, channel, priority, id);
CREATE UNIQUE INDEX messages_provider_id ON messages (provider_id) WHERE provider_id IS NOT NULL;
CREATE INDEX messages_user ON messages (user_id, created_at);

CREATE TABLE message_attempts (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  attempt INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  outcome TEXT NOT NULL,                   -- accepted | transient | permanent | skipped
  error_code TEXT,
  error_message TEXT,
  provider_id TEXT
);
CREATE INDEX message_attempts_message ON message_attempts (message_id, attempt);

CREATE TABLE message_events (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  status TEXT NOT NULL,                    -- as reported by the provider
  error_code TEXT,
  received_at INTEGER NOT NULL
);
CREATE INDEX message_events_message ON message_events (message_id, received_at);
