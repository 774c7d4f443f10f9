-- Realistic rows for the schema after 0007_refunds: the cashier rang up sale 3 and the manager its partial refund
-- (sale 4), given because the coffee was cold; the shop asks for approval above a 15 % discount and locks after
-- 10 idle minutes.
UPDATE sales SET staff_id = 3 WHERE id = 3;
UPDATE sales SET staff_id = 2 WHERE id = 4;
INSERT INTO refund_details (refund_id, reason, is_void) VALUES (4, 'Coffee served cold', 0);
UPDATE staff_settings SET discount_limit_bp = 1500, idle_lock_minutes = 10 WHERE id = 1;
