-- The point of sale: the shop, its catalogue, the register's cart, and completed sales.
-- Money is integer minor units (cents); rates and percentages are basis points (20 % = 2000); times are UTC ISO 8601.
-- Append-only: once on main, this file is never edited.

-- The shop: exactly one row (id = 1), written by the first-run setup.
CREATE TABLE shop (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  name               TEXT NOT NULL,
  address            TEXT NOT NULL DEFAULT '',
  phone              TEXT NOT NULL DEFAULT '',
  tax_number         TEXT NOT NULL DEFAULT '',
  currency           TEXT NOT NULL CHECK (length(currency) = 3),  -- ISO 4217
  prices_include_tax INTEGER NOT NULL CHECK (prices_include_tax IN (0, 1)),
  default_tax_bp     INTEGER NOT NULL CHECK (default_tax_bp BETWEEN 0 AND 100000),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;

-- Categories nest through parent_id; a category with products or children cannot be deleted.
CREATE TABLE categories (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,
  parent_id INTEGER REFERENCES categories (id),
  UNIQUE (parent_id, name)
) STRICT;

-- Products. `price` is entered as the shop enters prices (tax-inclusive or -exclusive, see shop).
-- SKU and barcode are optional but unique when present (NULL never clashes).
CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  sku         TEXT UNIQUE,
  barcode     TEXT UNIQUE,
  price       INTEGER NOT NULL CHECK (price >= 0),
  tax_bp      INTEGER NOT NULL CHECK (tax_bp BETWEEN 0 AND 100000),
  stock       INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  category_id INTEGER REFERENCES categories (id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX products_category ON products (category_id);
CREATE INDEX products_name ON products (name COLLATE NOCASE);

-- Search as you type over name, SKU and barcode, fast at 100k products: an external-content FTS5 index kept in
-- step by triggers. Prefix indexes make "starts with" queries of 1 to 3 characters cheap.
CREATE VIRTUAL TABLE products_fts USING fts5 (
  name, sku, barcode,
  content = 'products', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
  INSERT INTO products_fts (rowid, name, sku, barcode) VALUES (new.id, new.name, new.sku, new.barcode);
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
  INSERT INTO products_fts (products_fts, rowid, name, sku, barcode) VALUES ('delete', old.id, old.name, old.sku, old.barcode);
END;
CREATE TRIGGER products_fts_update AFTER UPDATE OF name, sku, barcode ON products BEGIN
  INSERT INTO products_fts (products_fts, rowid, name, sku, barcode) VALUES ('delete', old.id, old.name, old.sku, old.barcode);
  INSERT INTO products_fts (rowid, name, sku, barcode) VALUES (new.id, new.name, new.sku, new.barcode);
END;

-- The register's cart as the cashier left it, one per register (device), so it survives a reload or a crashed
-- tab. Deleted in the same transaction that records the sale.
CREATE TABLE carts (
  register_id TEXT PRIMARY KEY,
  content     TEXT NOT NULL CHECK (json_valid(content)),
  updated_at  TEXT NOT NULL
) STRICT;

-- Named counters allocated inside the transaction that uses them: sale numbers are unique and gapless.
CREATE TABLE sequences (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;
INSERT INTO sequences (name, value) VALUES ('sale_number', 0);

-- A completed sale. `id` is made by the client (UUIDv7) so a retried commit finds the sale it already made.
-- A refund is a row of kind 'refund' pointing at the sale it refunds, with negative quantities and amounts;
-- it takes the next number from the same sequence so receipts never share a number.
CREATE TABLE sales (
  id                 TEXT PRIMARY KEY,
  number             INTEGER NOT NULL UNIQUE,
  kind               TEXT NOT NULL DEFAULT 'sale' CHECK (kind IN ('sale', 'refund')),
  refund_of          TEXT REFERENCES sales (id),
  created_at         TEXT NOT NULL,
  register_id        TEXT NOT NULL,
  currency           TEXT NOT NULL,
  prices_include_tax INTEGER NOT NULL,
  subtotal           INTEGER NOT NULL,  -- before any discount, as prices were entered
  discount_total     INTEGER NOT NULL,  -- line and order discounts together
  order_discount     TEXT,              -- JSON {kind, value} as the cashier entered it, or NULL
  tax_total          INTEGER NOT NULL,
  total              INTEGER NOT NULL,  -- what the customer pays
  paid               INTEGER NOT NULL,  -- tendered, all methods
  change_due         INTEGER NOT NULL,
  shop               TEXT NOT NULL CHECK (json_valid(shop))  -- the shop's details when sold, for reprints
) STRICT;
CREATE INDEX sales_created_at ON sales (created_at);
CREATE INDEX sales_total ON sales (total);
CREATE INDEX sales_refund_of ON sales (refund_of) WHERE refund_of IS NOT NULL;

-- What was sold, with the name and price as they were at the time (the product may change later).
CREATE TABLE sale_lines (
  sale_id        TEXT NOT NULL REFERENCES sales (id),
  line_no        INTEGER NOT NULL,
  product_id     INTEGER REFERENCES products (id),
  name           TEXT NOT NULL,
  sku            TEXT,
  barcode        TEXT,
  quantity       INTEGER NOT NULL,
  unit_price     INTEGER NOT NULL,
  tax_bp         INTEGER NOT NULL,
  line_discount  TEXT,               -- JSON {kind, value} as entered, or NULL
  discount       INTEGER NOT NULL,   -- this line's own discount plus its share of the order discount
  amount         INTEGER NOT NULL,   -- after discounts, as prices were entered
  refunded_qty   INTEGER NOT NULL DEFAULT 0,  -- how much of this line later refunds took back
  PRIMARY KEY (sale_id, line_no)
) STRICT;
CREATE INDEX sale_lines_product ON sale_lines (product_id);

-- The tax per rate as printed on the receipt.
CREATE TABLE sale_taxes (
  sale_id TEXT NOT NULL REFERENCES sales (id),
  tax_bp  INTEGER NOT NULL,
  net     INTEGER NOT NULL,
  tax     INTEGER NOT NULL,
  gross   INTEGER NOT NULL,
  PRIMARY KEY (sale_id, tax_bp)
) STRICT;

-- How it was paid. `amount` counts toward the total; `tendered` is what was handed over (cash: more, with change).
CREATE TABLE sale_payments (
  sale_id  TEXT NOT NULL REFERENCES sales (id),
  seq      INTEGER NOT NULL,
  method   TEXT NOT NULL CHECK (method IN ('cash', 'card', 'other')),
  amount   INTEGER NOT NULL,
  tendered INTEGER NOT NULL,
  PRIMARY KEY (sale_id, seq)
) STRICT;

-- Every change of stock and why: sales and refunds, edits, imports. The products.stock column is its running sum.
CREATE TABLE stock_movements (
  id         INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products (id),
  delta      INTEGER NOT NULL,
  reason     TEXT NOT NULL CHECK (reason IN ('sale', 'refund', 'adjust', 'import', 'initial')),
  sale_id    TEXT REFERENCES sales (id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX stock_movements_product ON stock_movements (product_id, created_at);
CREATE INDEX stock_movements_sale ON stock_movements (sale_id) WHERE sale_id IS NOT NULL;
