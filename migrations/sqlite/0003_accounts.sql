-- 0003: accounts. Users, their sessions, one-time SMS codes and the limits around them,
-- recovery codes and the security audit log. Every *_at column is UTC milliseconds since the
-- epoch. No secret is stored readable: passwords are argon2id strings, and tokens and codes
-- are keyed BLAKE2b hashes under the server key (SecretKey::KeyedHash, one purpose each).

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,              -- normalised: trimmed, ASCII lower case
  password_hash TEXT NOT NULL,             -- libsodium crypto_pwhash_str (argon2id)
  full_name TEXT NOT NULL,
  phone_number TEXT,                       -- E.164, NULL when none was given
  is_phone_verified INTEGER NOT NULL DEFAULT 0,
  is_active INTEGER NOT NULL DEFAULT 1,
  two_factor_enabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- A signed-in device. The bearer token and the CSRF token are known only to the client.
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,         -- KeyedHash("session", token)
  csrf_hash TEXT NOT NULL,                 -- KeyedHash("csrf", csrf token)
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,           -- refreshed at most once a minute
  expires_at INTEGER NOT NULL,
  ip TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT '',
  revoked_at INTEGER
);
CREATE INDEX sessions_user ON sessions (user_id, revoked_at);

-- One-time codes sent by SMS. Only the newest code of a (user, purpose) can be used; a code
-- dies when consumed, expired, or after 5 wrong attempts.
CREATE TABLE verification_codes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL
    CHECK (purpose IN ('verify_phone', 'login_2fa', 'password_reset', 'change_phone')),
  target TEXT NOT NULL,                    -- the E.164 number the code was sent to
  code_hash TEXT NOT NULL,                 -- KeyedHash("sms-code", user_id:purpose:code)
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,     -- wrong tries so far
  consumed_at INTEGER
);
CREATE INDEX verification_codes_user ON verification_codes (user_id, purpose, id);

-- Every code send (and every pretended send for an unknown email), under each key it counts
-- against: "email:<keyed hash of the normalised email>" and "phone:<keyed hash of E.164>" for
-- the hourly cap (every purpose), and the same key + "/<purpose>" for the 30 s cooldown.
-- Rows are pruned as new ones arrive under their key (an hour old; cooldown rows 30 s).
CREATE TABLE code_sends (
  id INTEGER PRIMARY KEY,
  limit_key TEXT NOT NULL,
  sent_at INTEGER NOT NULL
);
CREATE INDEX code_sends_key ON code_sends (limit_key, sent_at);

-- Failure counters shared by every instance: login per account and per IP, code checks per
-- email. Keys hold keyed hashes, never a raw email or address.
CREATE TABLE auth_throttles (
  throttle_key TEXT NOT NULL PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL,
  locked_until INTEGER NOT NULL DEFAULT 0
);

-- Single-use random tokens that stand for a pending step: the second step of a 2FA sign-in
-- (login_mfa: the password was right, the SMS code is due) and the link of a password-reset
-- email (password_reset).
CREATE TABLE auth_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('login_mfa', 'password_reset')),
  token_hash TEXT NOT NULL UNIQUE,         -- KeyedHash(purpose, token)
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  consumed_at INTEGER
);
CREATE INDEX auth_tokens_user ON auth_tokens (user_id, purpose);

-- Single-use recovery codes for 2FA accounts (shown once when 2FA is turned on).
CREATE TABLE recovery_codes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,                 -- KeyedHash("recovery-code", user_id:code)
  created_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- Security events (login_ok, login_failed, code_sent, ...); detail never holds a secret.
CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  ip TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX audit_events_user ON audit_events (user_id, id);
