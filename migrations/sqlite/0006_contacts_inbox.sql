-- 0006: contacts, conversations and two-way SMS (PRODUCT.md C1–C4, M6). Every *_at column is
-- UTC milliseconds since the epoch.

-- The people a business talks to. Deduplicated by phone and by email within a workspace.
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL DEFAULT '',
  email TEXT,                              -- trimmed, lower case; NULL when none
  phone TEXT,                              -- E.164; NULL when none
  tags TEXT NOT NULL DEFAULT '',           -- ",a,b," : lower-case tags, sorted, comma-framed
  notes TEXT NOT NULL DEFAULT '',
  sms_opted_out_at INTEGER,                -- STOP and its synonyms; cleared by START
  email_opted_out_at INTEGER,
  source TEXT NOT NULL DEFAULT 'manual',   -- manual | import | contact_form | inbound_sms
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX contacts_phone ON contacts (workspace_id, phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX contacts_email ON contacts (workspace_id, email) WHERE email IS NOT NULL;
CREATE INDEX contacts_name ON contacts (workspace_id, name COLLATE NOCASE, id);

-- One conversation per contact: every message to and from them, in the messages table.
CREATE TABLE conversations (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL UNIQUE REFERENCES contacts (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'closed')),
  assignee_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  last_activity_at INTEGER NOT NULL,
  unread_count INTEGER NOT NULL DEFAULT 0,     -- customer messages no staff member has read
  waiting_for_reply INTEGER NOT NULL DEFAULT 0, -- the customer wrote last
  automation_paused INTEGER NOT NULL DEFAULT 0, -- staff replied: automated follow-ups wait
  flag TEXT NOT NULL DEFAULT '',           -- a note for staff, e.g. after a CANCEL reply
  preview TEXT NOT NULL DEFAULT '',        -- the start of the last message
  created_at INTEGER NOT NULL
);
CREATE INDEX conversations_inbox ON conversations (workspace_id, status, last_activity_at, id);
CREATE INDEX conversations_recent ON conversations (workspace_id, last_activity_at, id);

-- Messages now also come in (inbound SMS, contact-form messages) and belong to conversations.
-- An inbound message has direction 'inbound' and status 'received'; the dispatcher never
-- claims it. Outbound SMS to an opted-out number end 'refused' (error_code 'opted_out').
ALTER TABLE messages ADD COLUMN direction TEXT NOT NULL DEFAULT 'outbound';
ALTER TABLE messages ADD COLUMN conversation_id INTEGER REFERENCES conversations (id) ON DELETE SET NULL;
ALTER TABLE messages ADD COLUMN author_id INTEGER REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX messages_conversation ON messages (conversation_id, id);
CREATE INDEX messages_to ON messages (channel, to_address, id);

-- Texts a workspace's owner can edit (the welcome message first). No row: the default text.
CREATE TABLE message_templates (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  key TEXT NOT NULL,                       -- "welcome_sms", "welcome_email"
  subject TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, key)
);
