-- Who opened and closed each shift and moved cash by staff id, the sign-ins the worker holds, and the catalogue
-- price of a line sold at another price.
-- Append-only: once on main, this file is never edited (see docs/migrations.md).
--
-- - `shifts.opened_by_id`, `shifts.closed_by_id`: the member of staff, by id (names can change or repeat). The
--   names stay beside them as they were written. Existing shifts are matched by name where exactly one member of
--   staff, active or not, has that name (case and surrounding spaces aside); otherwise the id stays NULL and the
--   name is all there is, as before.
-- - `cash_moves.by_id`: the member of staff signed in who put cash in or took it out (the name stays beside it);
--   NULL for moves recorded before this migration and in a shop without staff.
-- - `sign_ins`: who is signed in at which till, held by the worker (a PIN checked by the worker made it). A tab
--   keeps only an opaque token; the table keeps its SHA-256, never the token itself. Sales, refunds, voids, shifts
--   and cash moves record the staff of the caller's sign-in, never an id the call names. Lock, switching user and
--   the idle lock end one; one older than a day is pruned.
-- - `sale_lines.list_price`: the catalogue's price when the line was sold at another one (a price override, which
--   below the catalogue's needs a manager's PIN); NULL when the line sold at the catalogue's price, and for every
--   line recorded before this migration (no override could be typed then).

ALTER TABLE shifts ADD COLUMN opened_by_id INTEGER REFERENCES staff (id);
ALTER TABLE shifts ADD COLUMN closed_by_id INTEGER REFERENCES staff (id);

UPDATE shifts SET opened_by_id = (SELECT s.id FROM staff s WHERE lower(trim(s.name)) = lower(trim(shifts.opened_by)))
 WHERE (SELECT count(*) FROM staff s WHERE lower(trim(s.name)) = lower(trim(shifts.opened_by))) = 1;
UPDATE shifts SET closed_by_id = (SELECT s.id FROM staff s WHERE lower(trim(s.name)) = lower(trim(shifts.closed_by)))
 WHERE closed_by IS NOT NULL
   AND (SELECT count(*) FROM staff s WHERE lower(trim(s.name)) = lower(trim(shifts.closed_by))) = 1;

ALTER TABLE cash_moves ADD COLUMN by_id INTEGER REFERENCES staff (id);

CREATE TABLE sign_ins (
  token_hash TEXT PRIMARY KEY,                      -- hex SHA-256 of the tab's token
  staff_id   INTEGER NOT NULL REFERENCES staff (id),
  started_at INTEGER NOT NULL                       -- UTC ms
) STRICT;

ALTER TABLE sale_lines ADD COLUMN list_price INTEGER CHECK (list_price IS NULL OR list_price >= 0);
