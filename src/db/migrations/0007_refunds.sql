-- Who rang up each sale and refund, why a refund was made (and whether it voided the sale), and the two settings
-- the till's approvals and idle lock read.
-- Append-only: once on main, this file is never edited (see docs/migrations.md).
--
-- A refund is already a row of `sales` (kind 'refund', negative amounts, `refund_of` the original, since 0003).
-- A void is a refund of everything a sale sold, marked as such: the sale then counts as voided everywhere, and the
-- reversal falls in the shift in which it was made (a closed shift's Z report is never changed).

-- The member of staff signed in at the till when it was rung up; NULL before staff are in use or for older rows.
ALTER TABLE sales ADD COLUMN staff_id INTEGER REFERENCES staff (id);

-- One row per refund (and void): the reason given, and whether it voided the sale. Who approved it is in the
-- audit log, like every approval.
CREATE TABLE refund_details (
  refund_id INTEGER PRIMARY KEY REFERENCES sales (id),
  reason    TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 200),
  is_void   INTEGER NOT NULL DEFAULT 0 CHECK (is_void IN (0, 1))
) STRICT;

-- The till's rules: a discount above `discount_limit_bp` of what it is taken off (basis points: 10 % = 1000), or a
-- price below the catalogue's, needs a manager's or the owner's PIN; the app locks after `idle_lock_minutes`
-- without a touch or a key (0: never).
CREATE TABLE staff_settings (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  discount_limit_bp INTEGER NOT NULL DEFAULT 1000 CHECK (discount_limit_bp BETWEEN 0 AND 10000),
  idle_lock_minutes INTEGER NOT NULL DEFAULT 5 CHECK (idle_lock_minutes BETWEEN 0 AND 480)
) STRICT;
INSERT INTO staff_settings (id) VALUES (1);
