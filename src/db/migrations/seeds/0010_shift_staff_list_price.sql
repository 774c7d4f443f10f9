-- Realistic rows for the schema after 0010_shift_staff_list_price: yesterday's shift, which Lena opened before
-- 0010 (matched to her by name), is closed by Tom, by id; today's is opened by Lena, by id; and in it she sold the
-- last croissant of the morning at 2.00 instead of the catalogue's 2.45, with Tom's PIN (sale 6), and took 5.00 out
-- of the drawer for milk, signed in (by id); she is signed in at the till (her sign-in's token hashed).
UPDATE shifts SET closed_at = 1767891600000, closed_by = 'Tom Reyes', closed_by_id = 2 WHERE id = 2;
INSERT INTO shifts (id, opened_at, opened_by, opened_by_id, float, closed_at, closed_by, closed_by_id) VALUES
  (3, 1767945600000, 'Lena Park', 3, 10000, NULL, NULL, NULL);
INSERT INTO line_items (id, product_id, name, sku, barcode, unit_price, tax_bp) VALUES
  (5, 2, 'Croissant', 'BAK-001', '5012345678917', 200, 0);
UPDATE sequences SET value = 6 WHERE name = 'sale_number';
INSERT INTO sales (id, uuid, number, kind, refund_of, created_at, register_id, shop_details_id, currency, prices_include_tax,
    subtotal, discount_total, order_discount, tax_total, total, paid, change_due, cash_rounding, staff_id) VALUES
  (6, unhex('0194a1b200007000800000000000d006'), 6, 'sale', NULL, 1767949200000, 2, 2, 'GBP', 1, 200, 0, NULL, 0, 200, 200, 0, 0, 3);
INSERT INTO sale_lines (sale_id, line_no, item_id, quantity, line_discount, discount, amount, refunded_qty, list_price) VALUES
  (6, 1, 5, 1, NULL, 0, 200, 0, 245);
INSERT INTO sale_taxes (sale_id, tax_bp, net, tax, gross) VALUES (6, 0, 200, 0, 200);
INSERT INTO sale_payments (sale_id, seq, method, amount, tendered) VALUES (6, 1, 'cash', 200, 200);
INSERT INTO stock_movements (product_id, delta, reason, sale_id, line_no, created_at) VALUES
  (2, -1, 'sale', 6, 1, 1767949200000);
UPDATE products SET stock = stock - 1 WHERE id = 2;
INSERT INTO audit_log (id, at, action, approver_id, approver_name, approver_role, for_name, detail) VALUES
  (2, 1767949200000, 'sales.commit', 2, 'Tom Reyes', 'manager', 'Lena Park', 'sell Croissant below its catalogue price');
INSERT INTO cash_moves (id, shift_id, at, amount, reason, by_name, by_id) VALUES
  (3, 3, 1767949500000, -500, 'Milk', 'Lena Park', 3);
INSERT INTO sign_ins (token_hash, staff_id, started_at) VALUES
  ('2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae', 3, 1767945500000);
