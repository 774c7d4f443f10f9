-- Realistic rows for the schema after 0008_reports_low_stock: the café keeps at least 20 croissants (it has 18, so
-- they are on the low-stock list) and 4 crème brûlées (it has 6); the flat white, made to order, has no threshold.
UPDATE products SET low_stock = 20 WHERE id = 2;
UPDATE products SET low_stock = 4 WHERE id = 3;
