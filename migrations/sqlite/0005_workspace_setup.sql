-- 0005: what a workspace needs to run by itself (PRODUCT.md W2, W3, M4): staff invitations,
-- its own SMS and email channels, and its audit trail. Every *_at column is UTC milliseconds
-- since the epoch. No secret is stored readable: invitation tokens are keyed hashes and
-- channel credentials are sealed with the server key.

-- A single-use link offering a role in a workspace, sent by email or SMS through the outbox.
CREATE TABLE workspace_invitations (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,         -- SecretKey::KeyedHash("invitation", token)
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient TEXT NOT NULL,                 -- normalised email address or E.164 number
  role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
  perm_inbox INTEGER NOT NULL DEFAULT 0,
  perm_bookings INTEGER NOT NULL DEFAULT 0,
  perm_forms INTEGER NOT NULL DEFAULT 0,
  perm_inventory INTEGER NOT NULL DEFAULT 0,
  invited_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,  -- the message with the link
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  accepted_at INTEGER,
  accepted_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  revoked_at INTEGER
);
CREATE INDEX workspace_invitations_workspace ON workspace_invitations (workspace_id, id);

-- How a workspace talks to customers, per channel: through the server's provider ('server')
-- or its own Twilio account / SMTP server ('own'). No row means 'server'.
CREATE TABLE workspace_channels (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
  mode TEXT NOT NULL CHECK (mode IN ('server', 'own')),
  sender TEXT NOT NULL DEFAULT '',         -- own: the From number (E.164) or From address
  messaging_service_sid TEXT NOT NULL DEFAULT '',  -- own SMS: used instead of the number
  account_key TEXT,                        -- own SMS: KeyedHash("twilio-account", account SID)
  secrets TEXT NOT NULL DEFAULT '',        -- own: Seal("channel-secrets", JSON credentials)
  test_message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,  -- the last test
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, channel)
);
CREATE INDEX workspace_channels_account ON workspace_channels (account_key);
CREATE INDEX workspace_channels_sender ON workspace_channels (channel, sender);

-- The audit trail of a workspace: events about it carry its id (member and channel changes,
-- activation); members' sign-ins are found through their user id.
ALTER TABLE audit_events ADD COLUMN workspace_id INTEGER REFERENCES workspaces (id) ON DELETE CASCADE;
CREATE INDEX audit_events_workspace ON audit_events (workspace_id, id);

CREATE INDEX messages_workspace ON messages (workspace_id, created_at);
