-- Reports and the low-stock list.
-- Append-only: once on main, this file is never edited (see docs/migrations.md).
--
-- - `products.low_stock`: the stock at or below which the product is on the low-stock list; NULL: never listed.
--   The partial index keeps the list one small index scan at 100k products, most without a threshold.
-- - `sale_lines_item`: the lines in product (item) order with what a report sums, so a long range's sales by
--   product are read already grouped instead of sorted: on the bench's year (900,000 lines, 100,000 products)
--   about 0.7 s instead of 2 to 6 s (docs/reports.md). It costs about 15 bytes per line and one more b-tree
--   insert per line sold.

ALTER TABLE products ADD COLUMN low_stock INTEGER CHECK (low_stock IS NULL OR low_stock >= 0);
CREATE INDEX products_low_stock ON products (stock - low_stock) WHERE low_stock IS NOT NULL;

CREATE INDEX sale_lines_item ON sale_lines (item_id, sale_id, quantity, amount);
