-- Realistic rows for the schema as it stands after 0003_lean_sales (see docs/migrations.md, "Seed data"), on top
-- of the two sales 0002's seed made (which 0003 moved to sales 1 and 2): the shop's details after an edit, a
-- second register, a product sold at a new price (a second version of it), a sale with an order discount and a cash tender, and a refund of part of it that names the
-- line it takes back.
-- may-change: sales.id
-- may-change: sales.created_at
-- may-change: sales.register_id
-- may-change: sale_lines.sale_id
-- may-change: sale_taxes.sale_id
-- may-change: sale_payments.sale_id
-- may-change: stock_movements.sale_id
-- may-change: stock_movements.created_at
-- dropped: tally
INSERT INTO shop_details (id, details) VALUES
  (2, '{"name":"Corner Café","address":"1 High Street","phone":"+44 20 7946 0000","taxNumber":"GB123456789","currency":"GBP","pricesIncludeTax":true,"defaultTaxBp":2000}');
INSERT INTO registers (id, key) VALUES (2, '0194a1b2-0000-7000-8000-0000000000f2');
-- 0003 made items 1 (Flat white), 2 (Croissant) and 3 (Crème brûlée at 4.50) from 0002's lines.
INSERT INTO line_items (id, product_id, name, sku, barcode, unit_price, tax_bp) VALUES
  (4, 3, 'Crème brûlée', 'BAK-002', NULL, 490, 0);
UPDATE sequences SET value = 4 WHERE name = 'sale_number';
INSERT INTO sales (id, uuid, number, kind, refund_of, created_at, register_id, shop_details_id, currency, prices_include_tax,
    subtotal, discount_total, order_discount, tax_total, total, paid, change_due) VALUES
  (3, unhex('0194a1b200007000800000000000d003'), 3, 'sale', NULL, 1767790800500, 2, 2, 'GBP', 1, 1130, 113, '{"kind":"percent","value":1000}', 96, 1017, 2000, 983),
  (4, unhex('0194a1b200007000800000000000d004'), 4, 'refund', 3, 1767794400000, 2, 2, 'GBP', 1, -640, -64, NULL, -96, -576, -576, 0);
INSERT INTO sale_lines (sale_id, line_no, item_id, quantity, line_discount, discount, amount, refunded_qty) VALUES
  (3, 1, 1, 2, NULL, 64, 576, 2),
  (3, 2, 4, 1, NULL, 49, 441, 0),
  (4, 1, 1, -2, NULL, -64, -576, 0);
INSERT INTO sale_taxes (sale_id, tax_bp, net, tax, gross) VALUES
  (3, 0, 441, 0, 441),
  (3, 2000, 480, 96, 576),
  (4, 2000, -480, -96, -576);
INSERT INTO sale_payments (sale_id, seq, method, amount, tendered) VALUES
  (3, 1, 'cash', 1017, 2000),
  (4, 1, 'cash', -576, -576);
INSERT INTO stock_movements (id, product_id, delta, reason, sale_id, line_no, created_at) VALUES
  (8, 3, 5, 'adjust', NULL, NULL, 1767780000000),
  (9, 1, -2, 'sale', 3, 1, 1767790800500),
  (10, 3, -1, 'sale', 3, 2, 1767790800500),
  (11, 1, 2, 'refund', 4, 1, 1767794400000);
