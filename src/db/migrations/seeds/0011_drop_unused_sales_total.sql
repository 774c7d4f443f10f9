-- Realistic rows for the schema after 0011_drop_unused_sales_total, which changed no table, only dropped an index that
-- no query used: that afternoon Lena sells a croissant by card, and a sale is written as before.
UPDATE sequences SET value = 7 WHERE name = 'sale_number';
INSERT INTO sales (id, uuid, number, kind, refund_of, created_at, register_id, shop_details_id, currency, prices_include_tax,
    subtotal, discount_total, order_discount, tax_total, total, paid, change_due, cash_rounding, staff_id) VALUES
  (7, unhex('0194a1b200007000800000000000d007'), 7, 'sale', NULL, 1767967200000, 2, 2, 'GBP', 1, 245, 0, NULL, 0, 245, 245, 0, 0, 3);
INSERT INTO sale_lines (sale_id, line_no, item_id, quantity, line_discount, discount, amount, refunded_qty, list_price) VALUES
  (7, 1, 2, 1, NULL, 0, 245, 0, NULL);
INSERT INTO sale_taxes (sale_id, tax_bp, net, tax, gross) VALUES (7, 0, 245, 0, 245);
INSERT INTO sale_payments (sale_id, seq, method, amount, tendered) VALUES (7, 1, 'card', 245, 245);
INSERT INTO stock_movements (product_id, delta, reason, sale_id, line_no, created_at) VALUES
  (2, -1, 'sale', 7, 1, 1767967200000);
UPDATE products SET stock = stock - 1 WHERE id = 2;
