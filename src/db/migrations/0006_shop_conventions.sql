-- The shop's own conventions and the till's quick keys.
-- Append-only: once on main, this file is never edited (see docs/migrations.md).
--
-- - `shop.locale`: the BCP 47 tag amounts, dates and times are shown, typed and printed in (NULL: the browser's).
-- - `shop.cash_step`: cash totals are rounded to a multiple of this many minor units (Swiss shops 5: CHF 0.05);
--   NULL: the currency's custom (CHF 5, DKK 50, SEK and NOK 100, none for the others); 1: no rounding.
-- - `sales.cash_rounding`: what the rounding added to (positive) or took off (negative) what the customer paid
--   in cash, in minor units; 0 for card, for currencies without rounding and for every sale before 0006. The
--   total stays the priced total (tax is reckoned on it); the payments add up to total + cash_rounding.
-- - `quick_keys`: the products the owner pinned to the register's quick keys, in their order (position 1 first);
--   the rest of the grid is filled with the products sold most.

ALTER TABLE shop ADD COLUMN locale TEXT CHECK (locale IS NULL OR length(locale) BETWEEN 2 AND 35);
ALTER TABLE shop ADD COLUMN cash_step INTEGER CHECK (cash_step IS NULL OR cash_step BETWEEN 1 AND 100000);

ALTER TABLE sales ADD COLUMN cash_rounding INTEGER NOT NULL DEFAULT 0;

CREATE TABLE quick_keys (
  product_id INTEGER PRIMARY KEY REFERENCES products (id),
  position   INTEGER NOT NULL UNIQUE CHECK (position >= 1)
) STRICT;
