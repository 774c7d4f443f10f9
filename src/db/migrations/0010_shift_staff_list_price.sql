-- Who opened and closed each shift by staff id, and the catalogue price of a line sold at another price.
-- Append-only: once on main, this file is never edited (see docs/migrations.md).
--
-- - `shifts.opened_by_id`, `shifts.closed_by_id`: the member of staff, by id (names can change or repeat). The
--   names stay beside them as they were written. Existing shifts are matched by name where exactly one member of
--   staff, active or not, has that name (case and surrounding spaces aside); otherwise the id stays NULL and the
--   name is all there is, as before.
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

ALTER TABLE sale_lines ADD COLUMN list_price INTEGER CHECK (list_price IS NULL OR list_price >= 0);
