/**
 * Migration 0003's one guess: which line made a stock movement (schema 2 did not record it). A sale's movements
 * were written one per line in line order, so the n-th movement of a product in a sale is the n-th line of that
 * product; this checks the case the seeds do not have, a product sold on two lines of one sale.
 */
import { expect, it } from 'vitest';
import { migrate } from '../worker/schema/runner';
import { bundledMigrations } from '../worker/schema/loader';
import { memoryDb } from '../worker/testing/memory-db';

it('gives each movement of a product sold on several lines of one sale its own line', async () => {
  const { db } = await memoryDb();
  await migrate(db, bundledMigrations.slice(0, 2), { appVersion: '1.0.0' });
  db.exec(`
    INSERT INTO shop (id, name, currency, prices_include_tax, default_tax_bp, created_at, updated_at)
      VALUES (1, 'Corner Café', 'GBP', 1, 2000, '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z');
    INSERT INTO products (id, name, price, tax_bp, created_at, updated_at) VALUES
      (1, 'Flat white', 320, 2000, '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z'),
      (2, 'Croissant', 245, 0, '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z');
    INSERT INTO sales (id, number, created_at, register_id, currency, prices_include_tax, subtotal, discount_total, tax_total, total, paid, change_due, shop)
      VALUES ('0194a1b2-0000-7000-8000-00000000d001', 1, '2026-01-05T09:12:00.000Z', 'register-1', 'GBP', 1, 1205, 32, 107, 1173, 1173, 0, '{"name":"Corner Café"}');
    INSERT INTO sale_lines (sale_id, line_no, product_id, name, quantity, unit_price, tax_bp, line_discount, discount, amount) VALUES
      ('0194a1b2-0000-7000-8000-00000000d001', 1, 1, 'Flat white', 1, 320, 2000, NULL, 0, 320),
      ('0194a1b2-0000-7000-8000-00000000d001', 2, 2, 'Croissant', 1, 245, 0, NULL, 0, 245),
      ('0194a1b2-0000-7000-8000-00000000d001', 3, 1, 'Flat white', 2, 320, 2000, '{"kind":"percent","value":500}', 32, 608);
    INSERT INTO stock_movements (id, product_id, delta, reason, sale_id, created_at) VALUES
      (1, 1, -1, 'sale', '0194a1b2-0000-7000-8000-00000000d001', '2026-01-05T09:12:00.000Z'),
      (2, 2, -1, 'sale', '0194a1b2-0000-7000-8000-00000000d001', '2026-01-05T09:12:00.000Z'),
      (3, 1, -2, 'sale', '0194a1b2-0000-7000-8000-00000000d001', '2026-01-05T09:12:00.000Z'),
      (4, 2, 5, 'adjust', NULL, '2026-01-05T10:00:00.000Z');
  `);
  await migrate(db, bundledMigrations, { appVersion: '1.0.0' });
  expect(db.selectArrays('SELECT id, product_id, delta, sale_id, line_no FROM stock_movements ORDER BY id')).toEqual([
    [1, 1, -1, 1, 1],
    [2, 2, -1, 1, 2],
    [3, 1, -2, 1, 3],
    [4, 2, 5, null, null],
  ]);
  // Both Flat white lines share one line item (the same product at the same price), the Croissant has its own.
  expect(db.selectArrays('SELECT line_no, item_id FROM sale_lines ORDER BY line_no')).toEqual([[1, 1], [2, 2], [3, 1]]);
});
