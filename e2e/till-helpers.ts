/**
 * Helpers for the tabs and fault specs: a cashier's sale by product name, and the checks a shop owner would make
 * afterwards (every acknowledged sale there once, numbers without gaps, stock equal to its movements), done on a
 * real export of the database opened with Python's own SQLite.
 */
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { exportByDownload } from './transfer-helpers';

/** Adds one `name` to the cart by searching for it and tapping its tile. */
export async function addByName(page: Page, name: string): Promise<void> {
  await page.getByTestId('register-search').fill(name);
  await page.getByTestId('product-tile').filter({ hasText: name }).first().click();
  await page.getByTestId('register-search').fill('');
}

/** Pays the whole cart with `method` (cash: the amount typed, else the exact sum) and completes the sale. */
export async function payWith(page: Page, method: 'cash' | 'card', cash?: string): Promise<void> {
  await page.getByTestId('pay').click();
  await expect(page.getByRole('dialog', { name: 'Payment' })).toBeVisible();
  if (cash !== undefined) await page.getByTestId('tender-amount').fill(cash);
  await page.getByTestId(`tender-${method}`).click();
  await page.getByTestId('complete-sale').click();
}

/** Reads the receipt's number (6 digits) once the sale-complete dialog shows, and closes it. */
export async function receiptNumber(page: Page): Promise<number> {
  const dialog = page.getByRole('dialog', { name: 'Sale complete' });
  await expect(dialog).toBeVisible();
  const text = (await dialog.getByTestId('receipt-number').textContent()) ?? '';
  const number = Number(/(\d+)/.exec(text)?.[1]);
  await dialog.getByTestId('new-sale').click();
  return number;
}

/** What an independent SQLite finds in an export: the shop owner's checks. */
export interface ShopFacts {
  integrity: string;
  /** Sales (their row keys) with their numbers, in number order. */
  sales: { id: string; number: number }[];
  /** Sale ids (UUIDs) recorded more than once, and numbers used more than once. */
  doubledIds: string[];
  doubledNumbers: number[];
  /** Numbers missing between 1 and the highest. */
  gaps: number[];
  /** Products whose stock is not the sum of its movements. */
  stockMismatches: { id: number; stock: number; moved: number }[];
  /** Sales without lines or payments (half-written). */
  halfWritten: string[];
  /** Each sale's lines as "name×qty", by the sale's row key. */
  lines: Record<string, string[]>;
}

/** Opens `path` read-only with Python's sqlite3 and computes {@link ShopFacts}. */
export function shopFacts(path: string): ShopFacts {
  const script = `
import json, sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
sales = [{"id": str(r[0]), "number": r[1]} for r in c.execute("SELECT id, number FROM sales ORDER BY number")]
numbers = [s["number"] for s in sales]
top = max(numbers) if numbers else 0
lines = {}
for sid, name, qty in c.execute("SELECT l.sale_id, i.name, l.quantity FROM sale_lines l JOIN line_items i ON i.id = l.item_id ORDER BY l.sale_id, l.line_no"):
    lines.setdefault(str(sid), []).append(f"{name}x{qty}")
print(json.dumps({
  "integrity": c.execute("PRAGMA integrity_check").fetchone()[0],
  "sales": sales,
  "doubledIds": [r[0] for r in c.execute("SELECT hex(uuid) FROM sales GROUP BY uuid HAVING count(*) > 1")],
  "doubledNumbers": [r[0] for r in c.execute("SELECT number FROM sales GROUP BY number HAVING count(*) > 1")],
  "gaps": sorted(set(range(1, top + 1)) - set(numbers)),
  # One pass over the movements: the lean schema has no index on their product, and a subquery per product reads
  # them all once per product (minutes on a 60,000-product shop).
  "stockMismatches": [{"id": r[0], "stock": r[1], "moved": r[2]} for r in c.execute(
    "SELECT p.id, p.stock, coalesce(m.moved, 0) AS moved FROM products p"
    " LEFT JOIN (SELECT product_id, sum(delta) AS moved FROM stock_movements GROUP BY product_id) m ON m.product_id = p.id"
    " WHERE p.stock <> coalesce(m.moved, 0)")],
  "halfWritten": [str(r[0]) for r in c.execute(
    "SELECT id FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id) OR NOT EXISTS (SELECT 1 FROM sale_payments p WHERE p.sale_id = s.id)")],
  "lines": lines,
}))`;
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8', maxBuffer: 64 << 20 })) as ShopFacts;
}

/** Downloads an export from the Data view (the fallback path) and returns what Python finds in it. */
export async function exportFacts(page: Page): Promise<ShopFacts> {
  await page.getByRole('link', { name: 'Data' }).click();
  const { path } = await exportByDownload(page);
  return shopFacts(path);
}

/** Asserts the shop owner's checks: whole, nothing doubled, no gaps, stock = movements, nothing half-written. */
export function expectHealthy(facts: ShopFacts): void {
  expect(facts.integrity).toBe('ok');
  expect(facts.doubledIds).toEqual([]);
  expect(facts.doubledNumbers).toEqual([]);
  expect(facts.gaps).toEqual([]);
  expect(facts.stockMismatches).toEqual([]);
  expect(facts.halfWritten).toEqual([]);
}
