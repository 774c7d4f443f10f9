/**
 * The report's products through the real processor: the page's best-selling ten (ties at the tenth place settled
 * by name), how many sold, the categories summed over every product, and every product for the CSV, equal to what
 * was rung up less what was refunded; by both ways of reading the lines.
 */
import { expect, it } from 'vitest';
import { REPORT_TOP_PRODUCTS } from '../../../pos/report';
import { openShop, writeRefund } from '../testing/shop-harness';
import { salesReport } from './reports';

it('carries the best-selling ten and every category, and lists every product for the CSV', async () => {
  const { db, call, ring } = await openShop();
  const bakery = await call('catalog.saveCategory', { name: 'Bakery', parentId: null });
  // Twelve products: "P01" sells 1 × 1.00, "P02" 2 × 1.00 … so P12 is the best-selling; P02 and P03 sell 3 each and tie.
  const products = [];
  for (let i = 1; i <= 12; i++) {
    const name = `P${String(i).padStart(2, '0')}`;
    products.push(await call('catalog.save', { name, sku: name, barcode: String(100 + i), price: 100, taxBp: 2000, stock: 99, active: true, categoryId: i % 2 === 0 ? bakery.id : null }));
  }
  const quantities = [1, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  for (let i = 0; i < products.length; i++) await ring([[products[i]!, quantities[i]!]], [{ method: 'card', amount: 100 * quantities[i]! }]);
  // The best seller refunded in full: it sells nothing in the range.
  const refunded = await ring([[products[11]!, 1]], [{ method: 'card', amount: 100 }]);
  writeRefund(db, refunded.number, Date.now());

  const range = { from: Date.now() - 3_600_000, to: Date.now() + 3_600_000 };
  const report = await call('report.sales', range);
  const all = await call('report.products', range);
  const byAmount = products.map((p, i) => ({ name: p.name, quantity: quantities[i]!, amount: 100 * quantities[i]! }))
    .sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name));
  expect(all.map((p) => ({ name: p.name, quantity: p.quantity, amount: p.amount }))).toEqual(byAmount);
  expect(report.products).toHaveLength(REPORT_TOP_PRODUCTS);
  expect(report.products).toEqual(all.slice(0, REPORT_TOP_PRODUCTS));
  // P02 and P03 tie at 3.00 for the tenth place: the name decides, and P03 is left to the CSV.
  expect(report.products.at(-1)?.name).toBe('P02');
  expect(report.productCount).toBe(12);
  const inBakery = all.filter((p) => p.categoryId === bakery.id).reduce((n, p) => n + p.amount, 0);
  expect(report.categories.map((c) => [c.name, c.amount])).toEqual([
    ['Bakery', inBakery],
    ['No category', all.reduce((n, p) => n + p.amount, 0) - inBakery],
  ]);
  // The lines read through their product-ordered index give the same report.
  expect(salesReport(db, range.from, range.to, -1)).toEqual(report);
});
