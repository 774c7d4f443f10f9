-- A lean sales schema: the same facts in about a third of the bytes, so that years of sales stay small and fast.
-- Append-only: once on main, this file is never edited (see docs/migrations.md).
--
-- What changes, and why (measured with `dbstat` on the bench's shop; see bench/sizes.mjs):
-- - A sale's key is an integer (the rowid). The client-made UUIDv7, which makes a retried commit find the sale it
--   already made and will identify the sale across tills, is kept once, as 16 bytes, instead of 36 characters
--   repeated in every line, tax band, payment, stock movement and index entry.
-- - The shop's details as printed on a receipt are stored once per change (`shop_details`) and referenced, not
--   copied as JSON into every sale; the register's id likewise (`registers`); and a product as it was sold
--   (name, codes, price and tax rate at the time: `line_items`), not copied into every line that sold it.
-- - Lines, tax bands and payments are WITHOUT ROWID tables keyed by (sale, position): one b-tree each instead of
--   a table plus its primary-key index.
-- - A stock movement made by a sale or refund names the line that made it (sale_id, line_no).
-- - Indexes nothing reads are dropped (lines and stock movements by product: no product is ever deleted and no
--   report reads them yet; stock movements by sale: the line reference replaces it).
-- - Times are UTC as integer milliseconds since 1970 (six bytes instead of 24 characters); the code that reads
--   them formats ISO 8601. (Converted with julianday(), which every SQLite has: exact to the millisecond.)
-- The foundation's `tally` table goes: its handlers and widget are gone.

DROP TABLE tally;

-- Move the old tables aside (with legacy_alter_table off, the references between them follow the new names).
ALTER TABLE sales RENAME TO old_sales;
ALTER TABLE sale_lines RENAME TO old_sale_lines;
ALTER TABLE sale_taxes RENAME TO old_sale_taxes;
ALTER TABLE sale_payments RENAME TO old_sale_payments;
ALTER TABLE stock_movements RENAME TO old_stock_movements;

-- The shop's details as a sale printed them, once per distinct version (the exact JSON text, so that a reprint
-- shows exactly what the first print did).
CREATE TABLE shop_details (
  id      INTEGER PRIMARY KEY,
  details TEXT NOT NULL UNIQUE CHECK (json_valid(details))
) STRICT;

-- The registers (devices) that recorded sales, by their client-made id.
CREATE TABLE registers (
  id  INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE
) STRICT;

-- A product as it was sold: its name, codes, price and tax rate at the time, once per distinct version, referenced
-- by every line that sold it (a shop sells the same products all day; a price change makes a new version).
CREATE TABLE line_items (
  id         INTEGER PRIMARY KEY,
  product_id INTEGER REFERENCES products (id),
  name       TEXT NOT NULL,
  sku        TEXT,
  barcode    TEXT,
  unit_price INTEGER NOT NULL,
  tax_bp     INTEGER NOT NULL
) STRICT;

-- A completed sale or refund. `uuid` is the client-made UUIDv7 as 16 bytes; `number` the receipt's number.
CREATE TABLE sales (
  id                 INTEGER PRIMARY KEY,
  uuid               BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
  number             INTEGER NOT NULL UNIQUE,
  kind               TEXT NOT NULL DEFAULT 'sale' CHECK (kind IN ('sale', 'refund')),
  refund_of          INTEGER REFERENCES sales (id),
  created_at         INTEGER NOT NULL,  -- UTC, milliseconds since 1970-01-01
  register_id        INTEGER NOT NULL REFERENCES registers (id),
  shop_details_id    INTEGER NOT NULL REFERENCES shop_details (id),
  currency           TEXT NOT NULL,
  prices_include_tax INTEGER NOT NULL,
  subtotal           INTEGER NOT NULL,  -- before any discount, as prices were entered
  discount_total     INTEGER NOT NULL,  -- line and order discounts together
  order_discount     TEXT,              -- JSON {kind, value} as the cashier entered it, or NULL
  tax_total          INTEGER NOT NULL,
  total              INTEGER NOT NULL,  -- what the customer pays
  paid               INTEGER NOT NULL,  -- tendered, all methods
  change_due         INTEGER NOT NULL
) STRICT;

-- What was sold: the product as it was at the time (the product may change later), how many, and the discounts.
CREATE TABLE sale_lines (
  sale_id       INTEGER NOT NULL REFERENCES sales (id),
  line_no       INTEGER NOT NULL,
  item_id       INTEGER NOT NULL REFERENCES line_items (id),
  quantity      INTEGER NOT NULL,
  line_discount TEXT,               -- JSON {kind, value} as entered, or NULL
  discount      INTEGER NOT NULL,   -- this line's own discount plus its share of the order discount
  amount        INTEGER NOT NULL,   -- after discounts, as prices were entered
  refunded_qty  INTEGER NOT NULL DEFAULT 0,  -- how much of this line later refunds took back
  PRIMARY KEY (sale_id, line_no)
) STRICT, WITHOUT ROWID;

-- The tax per rate as printed on the receipt.
CREATE TABLE sale_taxes (
  sale_id INTEGER NOT NULL REFERENCES sales (id),
  tax_bp  INTEGER NOT NULL,
  net     INTEGER NOT NULL,
  tax     INTEGER NOT NULL,
  gross   INTEGER NOT NULL,
  PRIMARY KEY (sale_id, tax_bp)
) STRICT, WITHOUT ROWID;

-- How it was paid. `amount` counts toward the total; `tendered` is what was handed over (cash: more, with change).
CREATE TABLE sale_payments (
  sale_id  INTEGER NOT NULL REFERENCES sales (id),
  seq      INTEGER NOT NULL,
  method   TEXT NOT NULL CHECK (method IN ('cash', 'card', 'other')),
  amount   INTEGER NOT NULL,
  tendered INTEGER NOT NULL,
  PRIMARY KEY (sale_id, seq)
) STRICT, WITHOUT ROWID;

-- Every change of stock and why. The products.stock column is its running sum. A sale's or refund's movement
-- names its line (line_no is NULL only for a movement from before 0003 whose line could not be matched).
CREATE TABLE stock_movements (
  id         INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products (id),
  delta      INTEGER NOT NULL,
  reason     TEXT NOT NULL CHECK (reason IN ('sale', 'refund', 'adjust', 'import', 'initial')),
  sale_id    INTEGER REFERENCES sales (id),
  line_no    INTEGER,
  created_at INTEGER NOT NULL,  -- UTC, milliseconds since 1970-01-01
  FOREIGN KEY (sale_id, line_no) REFERENCES sale_lines (sale_id, line_no),
  CHECK (line_no IS NULL OR sale_id IS NOT NULL)
) STRICT;

-- Copy, in the order the sales were made, so that integer keys follow time.
INSERT INTO shop_details (details) SELECT shop FROM old_sales GROUP BY shop ORDER BY min(number);
INSERT INTO registers (key) SELECT register_id FROM old_sales GROUP BY register_id ORDER BY min(number);
INSERT INTO sales (id, uuid, number, kind, refund_of, created_at, register_id, shop_details_id, currency, prices_include_tax,
    subtotal, discount_total, order_discount, tax_total, total, paid, change_due)
  SELECT row_number() OVER (ORDER BY s.number), unhex(replace(s.id, '-', '')), s.number, s.kind, NULL,
    CAST(round((julianday(s.created_at) - 2440587.5) * 86400000.0) AS INTEGER), r.id, d.id, s.currency, s.prices_include_tax,
    s.subtotal, s.discount_total, s.order_discount, s.tax_total, s.total, s.paid, s.change_due
  FROM old_sales s JOIN registers r ON r.key = s.register_id JOIN shop_details d ON d.details = s.shop
  ORDER BY s.number;

-- The old text id → the new integer id, for the child tables (an index makes each lookup a seek).
CREATE TEMP TABLE sale_keys (old TEXT PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO temp.sale_keys (old, id) SELECT s.id, n.id FROM old_sales s JOIN sales n ON n.number = s.number;
UPDATE sales SET refund_of = (SELECT k.id FROM temp.sale_keys k JOIN old_sales s ON s.refund_of = k.old WHERE s.number = sales.number)
  WHERE number IN (SELECT number FROM old_sales WHERE refund_of IS NOT NULL);

INSERT INTO line_items (product_id, name, sku, barcode, unit_price, tax_bp)
  SELECT product_id, name, sku, barcode, unit_price, tax_bp FROM old_sale_lines
  GROUP BY product_id, name, sku, barcode, unit_price, tax_bp ORDER BY min(rowid);
-- How a commit finds the version it sells (NULL codes compare with IS, so this is not declared UNIQUE).
CREATE INDEX line_items_version ON line_items (product_id, name, sku, barcode, unit_price, tax_bp);
INSERT INTO sale_lines (sale_id, line_no, item_id, quantity, line_discount, discount, amount, refunded_qty)
  SELECT k.id, l.line_no, i.id, l.quantity, l.line_discount, l.discount, l.amount, l.refunded_qty
  FROM old_sale_lines l JOIN temp.sale_keys k ON k.old = l.sale_id
  JOIN line_items i ON i.product_id IS l.product_id AND i.name = l.name AND i.sku IS l.sku AND i.barcode IS l.barcode
    AND i.unit_price = l.unit_price AND i.tax_bp = l.tax_bp
  ORDER BY k.id, l.line_no;
INSERT INTO sale_taxes (sale_id, tax_bp, net, tax, gross)
  SELECT k.id, t.tax_bp, t.net, t.tax, t.gross FROM old_sale_taxes t JOIN temp.sale_keys k ON k.old = t.sale_id ORDER BY k.id, t.tax_bp;
INSERT INTO sale_payments (sale_id, seq, method, amount, tendered)
  SELECT k.id, p.seq, p.method, p.amount, p.tendered FROM old_sale_payments p JOIN temp.sale_keys k ON k.old = p.sale_id ORDER BY k.id, p.seq;

-- A sale's movements were written one per line, in line order: the n-th movement of a product in a sale belongs to
-- the n-th line of that product in it. Nearly always a product is on one line of a sale, and one seek finds it;
-- the few movements of a product sold on several lines of one sale are marked (-1) and matched by rank after.
INSERT INTO stock_movements (id, product_id, delta, reason, sale_id, line_no, created_at)
  SELECT m.id, m.product_id, m.delta, m.reason, k.id,
    (SELECT CASE count(*) WHEN 0 THEN NULL WHEN 1 THEN min(l.line_no) ELSE -1 END
      FROM sale_lines l JOIN line_items i ON i.id = l.item_id WHERE l.sale_id = k.id AND i.product_id = m.product_id),
    CAST(round((julianday(m.created_at) - 2440587.5) * 86400000.0) AS INTEGER)
  FROM old_stock_movements m LEFT JOIN temp.sale_keys k ON k.old = m.sale_id
  ORDER BY m.id;
UPDATE stock_movements SET line_no = (
    SELECT l.line_no FROM sale_lines l JOIN line_items i ON i.id = l.item_id
    WHERE l.sale_id = stock_movements.sale_id AND i.product_id = stock_movements.product_id
      AND (SELECT count(*) FROM sale_lines b JOIN line_items bi ON bi.id = b.item_id
           WHERE b.sale_id = l.sale_id AND bi.product_id = i.product_id AND b.line_no < l.line_no)
        = (SELECT count(*) FROM old_stock_movements e JOIN old_stock_movements o ON o.id = stock_movements.id
           WHERE e.sale_id = o.sale_id AND e.product_id = o.product_id AND e.id < o.id))
  WHERE line_no = -1;

DROP TABLE temp.sale_keys;
DROP TABLE old_stock_movements;
DROP TABLE old_sale_payments;
DROP TABLE old_sale_taxes;
DROP TABLE old_sale_lines;
DROP TABLE old_sales;

CREATE INDEX sales_created_at ON sales (created_at);
CREATE INDEX sales_total ON sales (total);
CREATE INDEX sales_refund_of ON sales (refund_of) WHERE refund_of IS NOT NULL;
