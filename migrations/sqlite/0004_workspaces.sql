-- 0004: workspaces and their members (PRODUCT.md W1, W3). Every *_at column is UTC
-- milliseconds since the epoch. A workspace is created inactive; activation comes with
-- onboarding.

CREATE TABLE workspaces (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,               -- [a-z0-9-]{3,40}, the public URL's segment
  address TEXT NOT NULL DEFAULT '',
  timezone TEXT NOT NULL,                  -- an IANA zone ("Europe/Berlin")
  contact_email TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  default_region TEXT NOT NULL,            -- ISO 3166 alpha-2, for national phone formats
  is_active INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Who works in a workspace and what they may do. Owners hold every permission whatever the
-- flags say; a suspended member has no access at all.
CREATE TABLE workspace_members (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
  perm_inbox INTEGER NOT NULL DEFAULT 0,
  perm_bookings INTEGER NOT NULL DEFAULT 0,
  perm_forms INTEGER NOT NULL DEFAULT 0,
  perm_inventory INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  created_at INTEGER NOT NULL,
  UNIQUE (workspace_id, user_id)
);

CREATE INDEX workspace_members_user ON workspace_members (user_id);
