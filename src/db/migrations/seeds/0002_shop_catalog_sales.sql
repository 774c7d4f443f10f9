-- Realistic rows for the schema as it stands after 0002_shop_catalog_sales (see docs/migrations.md, "Seed data"):
-- a shop, nested categories, products (one inactive, one without barcode), a saved cart, two sales (cash with
-- change; split card + cash with a line discount) with their lines, tax bands, payments and stock movements.
INSERT INTO shop (id, name, address, phone, tax_number, currency, prices_include_tax, default_tax_bp, created_at, updated_at)
VALUES (1, 'Corner Café', '1 High Street', '+44 20 7946 0000', 'GB123456789', 'GBP', 1, 2000, '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z');
INSERT INTO categories (id, name, parent_id) VALUES (1, 'Drinks', NULL), (2, 'Hot drinks', 1), (3, 'Bakery', NULL);
INSERT INTO products (id, name, sku, barcode, price, tax_bp, stock, active, category_id, created_at, updated_at) VALUES
  (1, 'Flat white', 'DRK-001', '5012345678900', 320, 2000, 0, 1, 2, '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z'),
  (2, 'Croissant', 'BAK-001', '5012345678917', 245, 0, 18, 1, 3, '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z'),
  (3, 'Crème brûlée', 'BAK-002', NULL, 450, 0, 6, 1, 3, '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z'),
  (4, 'Old blend (retired)', 'DRK-900', '5012345678924', 280, 2000, 0, 0, 2, '2026-01-05T08:00:00.000Z', '2026-01-06T09:00:00.000Z');
INSERT INTO carts (register_id, content, updated_at) VALUES
  ('register-1', '{"saleId":"0194a1b2-0000-7000-8000-00000000c001","lines":[{"productId":2,"quantity":1}]}', '2026-01-06T10:00:00.000Z');
UPDATE sequences SET value = 2 WHERE name = 'sale_number';
INSERT INTO sales (id, number, kind, refund_of, created_at, register_id, currency, prices_include_tax, subtotal, discount_total, order_discount, tax_total, total, paid, change_due, shop) VALUES
  ('0194a1b2-0000-7000-8000-00000000d001', 1, 'sale', NULL, '2026-01-05T09:12:00.000Z', 'register-1', 'GBP', 1, 810, 0, NULL, 107, 810, 1000, 190, '{"name":"Corner Café","currency":"GBP"}'),
  ('0194a1b2-0000-7000-8000-00000000d002', 2, 'sale', NULL, '2026-01-05T11:30:00.000Z', 'register-1', 'GBP', 1, 1015, 45, NULL, 53, 970, 970, 0, '{"name":"Corner Café","currency":"GBP"}');
INSERT INTO sale_lines (sale_id, line_no, product_id, name, sku, barcode, quantity, unit_price, tax_bp, line_discount, discount, amount, refunded_qty) VALUES
  ('0194a1b2-0000-7000-8000-00000000d001', 1, 1, 'Flat white', 'DRK-001', '5012345678900', 2, 320, 2000, NULL, 0, 640, 0),
  ('0194a1b2-0000-7000-8000-00000000d001', 2, 2, 'Croissant', 'BAK-001', '5012345678917', 1, 245, 0, NULL, 0, 245, 0),
  ('0194a1b2-0000-7000-8000-00000000d002', 1, 1, 'Flat white', 'DRK-001', '5012345678900', 1, 320, 2000, NULL, 0, 320, 0),
  ('0194a1b2-0000-7000-8000-00000000d002', 2, 3, 'Crème brûlée', 'BAK-002', NULL, 1, 450, 0, '{"kind":"percent","value":1000}', 45, 405, 0),
  ('0194a1b2-0000-7000-8000-00000000d002', 3, 2, 'Croissant', 'BAK-001', '5012345678917', 1, 245, 0, NULL, 0, 245, 0);
INSERT INTO sale_taxes (sale_id, tax_bp, net, tax, gross) VALUES
  ('0194a1b2-0000-7000-8000-00000000d001', 2000, 533, 107, 640),
  ('0194a1b2-0000-7000-8000-00000000d001', 0, 245, 0, 245),
  ('0194a1b2-0000-7000-8000-00000000d002', 2000, 267, 53, 320),
  ('0194a1b2-0000-7000-8000-00000000d002', 0, 650, 0, 650);
INSERT INTO sale_payments (sale_id, seq, method, amount, tendered) VALUES
  ('0194a1b2-0000-7000-8000-00000000d001', 1, 'cash', 810, 1000),
  ('0194a1b2-0000-7000-8000-00000000d002', 1, 'card', 500, 500),
  ('0194a1b2-0000-7000-8000-00000000d002', 2, 'cash', 470, 470);
INSERT INTO stock_movements (id, product_id, delta, reason, sale_id, created_at) VALUES
  (1, 2, 20, 'initial', NULL, '2026-01-05T08:00:00.000Z'),
  (2, 3, 7, 'initial', NULL, '2026-01-05T08:00:00.000Z'),
  (3, 2, -1, 'sale', '0194a1b2-0000-7000-8000-00000000d001', '2026-01-05T09:12:00.000Z'),
  (4, 1, -2, 'sale', '0194a1b2-0000-7000-8000-00000000d001', '2026-01-05T09:12:00.000Z'),
  (5, 1, -1, 'sale', '0194a1b2-0000-7000-8000-00000000d002', '2026-01-05T11:30:00.000Z'),
  (6, 3, -1, 'sale', '0194a1b2-0000-7000-8000-00000000d002', '2026-01-05T11:30:00.000Z'),
  (7, 2, -1, 'sale', '0194a1b2-0000-7000-8000-00000000d002', '2026-01-05T11:30:00.000Z');
