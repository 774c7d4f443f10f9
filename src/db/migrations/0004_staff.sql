-- Staff, their PINs (as salted slow hashes only) and lockouts, and the audit log of approvals.
-- Append-only: once on main, this file is never edited (see docs/migrations.md).
--
-- Nothing here locks an existing shop: until an owner exists (the app asks an upgraded shop once), no call needs
-- an approval. The lockout state lives in the row so that a reload, a crash or another tab sees the same lock.

CREATE TABLE staff (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
  role           TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'cashier')),
  pin_salt       TEXT NOT NULL,   -- 16 random bytes as hex
  pin_iterations INTEGER NOT NULL CHECK (pin_iterations >= 100000),
  pin_hash       TEXT NOT NULL,   -- PBKDF2-HMAC-SHA-256, 32 bytes as hex
  failures       INTEGER NOT NULL DEFAULT 0,  -- wrong PINs in a row
  locked_until   INTEGER,                     -- UTC ms; PINs refused until then
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at     INTEGER NOT NULL             -- UTC ms
) STRICT;
CREATE UNIQUE INDEX staff_active_name ON staff (lower(name)) WHERE active = 1;

-- Who approved what, for whom, when. Rows are only ever added. The names are kept as they were at the time, not
-- referenced: an entry must still read right after a restore brings back a database with other staff rows.
CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY,
  at            INTEGER NOT NULL,  -- UTC ms
  action        TEXT NOT NULL,     -- the call approved, e.g. 'backup.restore'
  approver_id   INTEGER NOT NULL,  -- staff.id of the manager or owner whose PIN approved it
  approver_name TEXT NOT NULL,
  approver_role TEXT NOT NULL CHECK (approver_role IN ('owner', 'manager')),
  for_name      TEXT,              -- who was signed in and asked, or NULL
  detail        TEXT               -- what it was about, for a person to read
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);
