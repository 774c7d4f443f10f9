-- Realistic rows for the schema after 0006_shop_conventions: the café shows amounts in British English and keeps
-- its currency's custom for cash (none for GBP); the owner pinned the croissant first and the flat white second.
UPDATE shop SET locale = 'en-GB', cash_step = NULL WHERE id = 1;
INSERT INTO quick_keys (product_id, position) VALUES (2, 1), (1, 2);
