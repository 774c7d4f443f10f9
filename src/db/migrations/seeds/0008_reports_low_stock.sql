-- Realistic rows for the schema after 0008_reports_low_stock: the café keeps at least 10 croissants and 5 bags of
-- flat-white beans; a new product, oat milk, arrives with a threshold of 6 and only 4 in stock.
UPDATE products SET low_stock = 10 WHERE id = 1;
UPDATE products SET low_stock = 5 WHERE id = 2;
INSERT INTO products (id, name, sku, barcode, price, tax_bp, stock, active, category_id, created_at, updated_at, low_stock)
  VALUES (900, 'Oat milk 1 l', 'OAT-1', '4000000009001', 219, 700, 4, 1, NULL, '2026-01-08T09:00:00.000Z', '2026-01-08T09:00:00.000Z', 6);
