-- Realistic rows for the schema after 0009_report_tallies: the migration tallied the sales already recorded; the
-- next morning the cashier sells two croissants by card, which the triggers add to its quarter-hour (08:00–08:15
-- UTC on 8 January) and to the card's.
UPDATE sequences SET value = 5 WHERE name = 'sale_number';
INSERT INTO sales (id, uuid, number, kind, refund_of, created_at, register_id, shop_details_id, currency, prices_include_tax,
    subtotal, discount_total, order_discount, tax_total, total, paid, change_due, cash_rounding, staff_id) VALUES
  (5, unhex('0194a1b200007000800000000000d005'), 5, 'sale', NULL, 1767859500000, 2, 2, 'GBP', 1, 490, 0, NULL, 0, 490, 490, 0, 0, 3);
INSERT INTO sale_lines (sale_id, line_no, item_id, quantity, line_discount, discount, amount, refunded_qty) VALUES (5, 1, 2, 2, NULL, 0, 490, 0);
INSERT INTO sale_taxes (sale_id, tax_bp, net, tax, gross) VALUES (5, 0, 490, 0, 490);
INSERT INTO sale_payments (sale_id, seq, method, amount, tendered) VALUES (5, 1, 'card', 490, 490);
INSERT INTO stock_movements (product_id, delta, reason, sale_id, line_no, created_at) VALUES (2, -2, 'sale', 5, 1, 1767859500000);
UPDATE products SET stock = stock - 2 WHERE id = 2;
