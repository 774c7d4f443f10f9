-- Tillite's first schema: the bookkeeping every later migration and every write relies on.
-- Append-only: once on main, this file is never edited (see docs/migrations.md).

-- What ran, when, by which app version, and how long it took. Written by the migration runner.
CREATE TABLE schema_migrations (
  version     INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  checksum    TEXT NOT NULL,
  applied_at  TEXT NOT NULL,   -- UTC, ISO 8601
  app_version TEXT NOT NULL,
  duration_ms INTEGER NOT NULL
) STRICT;

-- Small facts about this database: the app version that last opened it, when it was created.
CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Every write's client-made request id, so that a request retried across a leader hand-over is applied once.
CREATE TABLE applied_requests (
  request_id TEXT PRIMARY KEY,
  handler    TEXT NOT NULL,
  result     TEXT NOT NULL,    -- the JSON the first attempt answered, answered again to a retry
  applied_at TEXT NOT NULL     -- UTC, ISO 8601
) STRICT;
CREATE INDEX applied_requests_applied_at ON applied_requests (applied_at);

-- Rows written through the worker from the status page: the foundation's proof of the write path.
CREATE TABLE tally (
  id         TEXT PRIMARY KEY, -- UUIDv7 made by the client
  note       TEXT NOT NULL,
  tab        TEXT NOT NULL,
  created_at TEXT NOT NULL     -- UTC, ISO 8601
) STRICT;
