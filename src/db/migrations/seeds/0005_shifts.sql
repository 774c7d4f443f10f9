-- Realistic rows for the schema after 0005_shifts: yesterday's shift, closed 0.50 short with its Z report, and
-- today's shift, open, with a cash-out to the milk supplier.
INSERT INTO shifts (id, opened_at, opened_by, float, closed_at, closed_by) VALUES
  (1, 1767772800000, 'Lena Park', 10000, 1767805200000, 'Tom Reyes'),
  (2, 1767859200000, 'Lena Park', 10000, NULL, NULL);
INSERT INTO cash_moves (id, shift_id, at, amount, reason, by_name) VALUES
  (1, 1, 1767780000000, 5000, 'Change from the bank', 'Tom Reyes'),
  (2, 2, 1767866400000, -2500, 'Milk supplier', 'Lena Park');
INSERT INTO z_reports (number, shift_id, made_at, figures) VALUES
  (1, 1, 1767805200000, '{"salesCount":3,"refundsCount":1,"gross":8000,"discounts":700,"refunds":1000,"net":6300,"taxes":[{"taxBp":2000,"net":5250,"tax":1050,"gross":6300}],"taxTotal":1050,"payments":{"cash":2800,"card":3000,"other":500},"float":10000,"cashIn":5000,"cashOut":2500,"expected":{"cash":15300,"card":3000,"other":500},"counted":{"cash":15250,"card":3000,"other":500},"difference":{"cash":-50,"card":0,"other":0},"differenceTotal":-50,"openedBy":"Lena Park","closedBy":"Tom Reyes","openedAt":"2026-01-07T08:00:00.000Z","closedAt":"2026-01-07T17:00:00.000Z"}');
INSERT INTO sequences (name, value) VALUES ('z_number', 1);
