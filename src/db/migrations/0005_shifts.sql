-- Shifts and the cash drawer: a shift opened with a counted float, cash put in or taken out with a reason, and
-- the Z report made at close: numbered from its own sequence ('z_number' in `sequences`, made at the first close;
-- numbers never repeat, even after emptying),
-- stored as the figures it printed, and never changed afterwards (a trigger refuses any update).
-- Append-only: once on main, this file is never edited (see docs/migrations.md).
--
-- A shift's sales are those recorded while it was open (sales.created_at within it): one database serves one
-- till, and only one shift is open at a time (the partial unique index).

CREATE TABLE shifts (
  id        INTEGER PRIMARY KEY,
  opened_at INTEGER NOT NULL,                   -- UTC ms
  opened_by TEXT NOT NULL,                      -- the name as it was
  float     INTEGER NOT NULL CHECK (float >= 0), -- minor units, counted at opening
  closed_at INTEGER,                            -- UTC ms; NULL while open
  closed_by TEXT,
  CHECK ((closed_at IS NULL) = (closed_by IS NULL))
) STRICT;
CREATE UNIQUE INDEX shifts_one_open ON shifts ((1)) WHERE closed_at IS NULL;

CREATE TABLE cash_moves (
  id       INTEGER PRIMARY KEY,
  shift_id INTEGER NOT NULL REFERENCES shifts (id),
  at       INTEGER NOT NULL,                        -- UTC ms
  amount   INTEGER NOT NULL CHECK (amount <> 0),    -- in (positive) or out (negative), minor units
  reason   TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  by_name  TEXT
) STRICT;
CREATE INDEX cash_moves_shift ON cash_moves (shift_id);

CREATE TABLE z_reports (
  number   INTEGER PRIMARY KEY,
  shift_id INTEGER NOT NULL UNIQUE REFERENCES shifts (id),
  made_at  INTEGER NOT NULL,                        -- UTC ms
  figures  TEXT NOT NULL CHECK (json_valid(figures)) -- the report as printed (src/pos/z-report.ts)
) STRICT;
CREATE TRIGGER z_reports_immutable BEFORE UPDATE ON z_reports
BEGIN
  SELECT RAISE(ABORT, 'A Z report is never changed once made');
END;
