/**
 * Sales reports through the real processor and handlers on in-memory sqlite-wasm: sales rung up at known instants
 * (around Berlin's midnight), a refund, split payments and a discount; the report by day, hour, product, category
 * and payment method equals what was rung up, and the raw CSV has one row per line.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@sqlite.org/sqlite-wasm';
import { readCsv } from '../../../pos/csv';
import { localRange, sumTallies, tallyByDay, tallyByHour } from '../../../pos/report';
import { openShop, writeRefund, type Call } from '../testing/shop-harness';
import { salesReport } from './reports';

let db: Database;
let call: Call;
let ring: Awaited<ReturnType<typeof openShop>>['ring'];

beforeEach(async () => {
  ({ db, call, ring } = await openShop());
});

const at = (number: number, iso: string) => db.exec('UPDATE sales SET created_at = ? WHERE number = ?', { bind: [Date.parse(iso), number] });

const refund = (number: number, iso: string) => writeRefund(db, number, Date.parse(iso));

describe('sales reports', () => {
  it('equals what was rung up, by day, hour, product, category and method, with a refund', async () => {
    const drinks = await call('catalog.saveCategory', { name: 'Drinks', parentId: null });
    const tea = await call('catalog.saveCategory', { name: 'Tea', parentId: drinks.id });
    const green = await call('catalog.save', { name: 'Green tea', sku: 'GT', barcode: '1', price: 250, taxBp: 2000, stock: 50, active: true, categoryId: tea.id });
    const bread = await call('catalog.save', { name: 'Bread', sku: 'BR', barcode: '2', price: 420, taxBp: 700, stock: 50, active: true, categoryId: null });

    const a = await ring([[green, 2], [bread, 1]], [{ method: 'cash', amount: 1000 }]); // 9.20
    const b = await ring([[bread, 3]], [{ method: 'card', amount: 600 }, { method: 'cash', amount: 660 }]); // 12.60
    const c = await ring([[green, 4]], [{ method: 'card', amount: 900 }], { kind: 'percent', value: 1000 }); // 9.00
    const d = await ring([[green, 1]], [{ method: 'other', amount: 250 }]); // 2.50, outside the range
    // 23:40 in Berlin on 9 March is 22:40 UTC: the 9th. 00:20 on the 10th is 23:20 UTC on the 9th: the 10th.
    at(a.number, '2026-03-09T22:40:00Z');
    at(b.number, '2026-03-09T23:20:00Z');
    at(c.number, '2026-03-10T10:05:00Z');
    at(d.number, '2026-03-10T23:30:00Z'); // 00:30 on the 11th in Berlin
    refund(a.number, '2026-03-10T11:00:00Z');

    const zone = 'Europe/Berlin';
    const { from, to } = localRange('2026-03-09', '2026-03-10', zone);
    const report = await call('report.sales', { from, to });
    const days = tallyByDay(report.quarters, zone);
    expect(days.map((x) => [x.day, x.sales, x.refunds, x.net])).toEqual([
      ['2026-03-09', 1, 0, a.total],
      ['2026-03-10', 2, 1, b.total + c.total - a.total],
    ]);
    const total = sumTallies(days);
    expect(total).toMatchObject({
      sales: 3, refunds: 1, gross: a.subtotal + b.subtotal + c.subtotal, discounts: c.discountTotal, refunded: a.total,
      net: b.total + c.total, tax: b.taxTotal + c.taxTotal,
    });
    const hours = tallyByHour(report.quarters, zone);
    expect(hours.map((h) => h.sales)).toEqual(hours.map((_, i) => ([23, 0, 11].includes(i) ? 1 : 0)));

    // Green tea: 2 + 4 sold, 2 refunded; bread 1 + 3 sold, 1 refunded. Best-selling first.
    const greenAmount = c.lines[0]!.amount;
    const breadAmount = b.lines[0]!.amount;
    expect(report.products.map((p) => [p.name, p.quantity, p.amount])).toEqual([
      ['Bread', 3, breadAmount],
      ['Green tea', 4, greenAmount],
    ]);
    expect(report.categories.map((x) => [x.name, x.quantity, x.amount])).toEqual([
      ['No category', 3, breadAmount],
      ['Drinks > Tea', 4, greenAmount],
    ]);
    const byMethod = Object.fromEntries(report.methods.map((m) => [m.method, m.amount]));
    expect(byMethod).toEqual({ cash: 660 + a.total - a.total, card: 600 + 900 });
    expect(report.methods.reduce((s, m) => s + m.amount, 0)).toBe(total.net + total.rounding);

    // The range above holds sale d's id between its own (d was recorded before the refund but is outside): read by
    // time. The 11th alone is one run of ids (d): read by id range, with the same arithmetic.
    const eleventh = await call('report.sales', localRange('2026-03-11', '2026-03-11', zone));
    expect(sumTallies(eleventh.quarters)).toMatchObject({ sales: 1, net: d.total });
    expect(eleventh.products.map((p) => [p.name, p.quantity, p.amount])).toEqual([['Green tea', 1, d.total]]);
    expect(eleventh.methods).toEqual([{ method: 'other', count: 1, amount: 250 }]);
    // Who rang them up: the staff column came with 0007 (sales before staff were in use have none).
    const owner = await call('staff.createOwner', { name: 'Maya Okafor', pin: '4821' });
    db.exec('UPDATE sales SET staff_id = ? WHERE number IN (?, ?)', { bind: [owner.id, b.number, c.number] });
    const byStaff = await call('report.sales', { from, to });
    expect(byStaff.staff).toEqual([
      { staffId: owner.id, name: 'Maya Okafor', sales: 2, refunds: 0, net: b.total + c.total },
      { staffId: null, name: 'Not recorded', sales: 1, refunds: 1, net: 0 },
    ]);

    // Read as a long run (the lines through their product-ordered index): the same report.
    const range11 = localRange('2026-03-11', '2026-03-11', zone);
    expect(salesReport(db, range11.from, range11.to, -1)).toEqual(eleventh);
  });

  it('exports one CSV row per line, in local time, with the decimal comma and semicolons', async () => {
    const soap = await call('catalog.save', { name: 'Soap; "lavender"', sku: null, barcode: '9', price: 1250, taxBp: 2000, stock: 5, active: true, categoryId: null });
    const bread = await call('catalog.save', { name: 'Brötchen', sku: 'B1', barcode: '8', price: 45, taxBp: 700, stock: 50, active: true, categoryId: null });
    const s = await ring([[soap, 1], [bread, 6]], [{ method: 'card', amount: 1520 }]);
    at(s.number, '2026-03-09T23:20:00Z');
    refund(s.number, '2026-03-10T08:00:00Z');
    const { from, to } = localRange('2026-03-10', '2026-03-10', 'Europe/Berlin');
    const { csv, rows } = await call('report.salesCsv', { from, to, timeZone: 'Europe/Berlin', decimal: ',' });
    expect(rows).toBe(4);
    expect(csv.startsWith('\ufeffReceipt;Kind;')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(6); // header, four lines, and the last line end
    const parsed = readCsv(csv).rows;
    expect(parsed[1]?.slice(0, 7)).toEqual([String(s.number), 'sale', '', '2026-03-10', '00:20:00', '1', 'Soap; "lavender"']);
    expect(csv).toContain('"Soap; ""lavender"""');
    expect(csv).toContain(';12,50;0,00;12,50;20,00;EUR');
    expect(parsed[4]?.slice(0, 3)).toEqual([String(s.number + 1), 'refund', String(s.number)]);
    expect(parsed[4]?.[9]).toBe('-6');

    await expect(call('report.sales', { from: to, to: from })).rejects.toMatchObject({ code: 'invalid' });
    await expect(call('report.salesCsv', { from, to, timeZone: 'Mars/Olympus', decimal: '.' })).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('the low-stock list', () => {
  it('lists active products at or below their threshold, furthest below first, and follows sales', async () => {
    const product = (name: string, barcode: string, stock: number) =>
      call('catalog.save', { name, sku: null, barcode, price: 100, taxBp: 2000, stock, active: true, categoryId: null });
    const milk = await product('Oat milk', '11', 4);
    const beans = await product('Coffee beans', '12', 12);
    const flour = await product('Flour', '13', 0);
    await product('Salt', '14', 1); // no threshold: never listed
    await call('stock.setThreshold', { productId: milk.id, threshold: 6 });
    await call('stock.setThreshold', { productId: beans.id, threshold: 10 });
    await call('stock.setThreshold', { productId: flour.id, threshold: 0 });
    expect(await call('stock.low', {})).toEqual({
      products: [
        { id: milk.id, name: 'Oat milk', sku: null, barcode: '11', stock: 4, threshold: 6 },
        { id: flour.id, name: 'Flour', sku: null, barcode: '13', stock: 0, threshold: 0 },
      ],
      watched: 3,
    });

    // Selling three bags of beans takes them to 9, below 10; clearing the milk's threshold takes it off.
    await ring([[beans, 3]], [{ method: 'card', amount: 300 }]);
    await call('stock.setThreshold', { productId: milk.id, threshold: null });
    expect((await call('stock.low', {})).products.map((p) => [p.name, p.stock])).toEqual([['Coffee beans', 9], ['Flour', 0]]);

    await expect(call('stock.setThreshold', { productId: beans.id, threshold: -1 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(call('stock.setThreshold', { productId: beans.id, threshold: 2.5 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(call('stock.setThreshold', { productId: 99_999, threshold: 3 })).rejects.toMatchObject({ code: 'not-found' });
  });
});
