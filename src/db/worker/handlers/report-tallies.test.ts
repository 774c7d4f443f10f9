/**
 * The report's tallies (migration 0009's tables and triggers) against the sales themselves: sales rung up through
 * the real processor, moved in time, given a staff member, refunded; a shop upgraded from schema 8 with its sales
 * already recorded. For every range (on quarter-hours, off them, inside one, empty) the quarter-hours, methods
 * and staff read from the tallies equal those summed here, in plain code, from every sale and payment.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '@sqlite.org/sqlite-wasm';
import { QUARTER_MS } from '../../../pos/report';
import { migrate } from '../schema/runner';
import { bundledMigrations } from '../schema/loader';
import { openShop, writeRefund } from '../testing/shop-harness';
import { seededShop } from '../testing/seeded-shop';
import { methodTallies, quarterTallies, splitRange, staffTallies } from './report-tallies';

type Row = Record<string, number | string | null>;

/** The report's sums over [from, to), from every sale and payment, without the tallies. */
function expected(db: Database, from: number, to: number) {
  const sales = db.selectObjects('SELECT id, kind, created_at, subtotal, discount_total, total, tax_total, cash_rounding, staff_id FROM sales') as Row[];
  const inRange = sales.filter((s) => Number(s.created_at) >= from && Number(s.created_at) < to);
  const quarters = new Map<number, Record<string, number>>();
  const staff = new Map<number | null, { sales: number; refunds: number; net: number }>();
  for (const s of inRange) {
    const sale = s.kind === 'sale' ? 1 : 0;
    const quarter = Math.floor(Number(s.created_at) / QUARTER_MS);
    const q = quarters.get(quarter) ?? { quarter, sales: 0, refunds: 0, gross: 0, discounts: 0, refunded: 0, net: 0, tax: 0, rounding: 0 };
    quarters.set(quarter, q);
    q.sales! += sale;
    q.refunds! += 1 - sale;
    q.gross! += sale * Number(s.subtotal);
    q.discounts! += sale * Number(s.discount_total);
    q.refunded! -= (1 - sale) * Number(s.total);
    q.net! += Number(s.total);
    q.tax! += Number(s.tax_total);
    q.rounding! += Number(s.cash_rounding);
    const who = s.staff_id === null ? null : Number(s.staff_id);
    const st = staff.get(who) ?? { sales: 0, refunds: 0, net: 0 };
    staff.set(who, st);
    st.sales += sale;
    st.refunds += 1 - sale;
    st.net += Number(s.total);
  }
  const ids = new Set(inRange.map((s) => s.id));
  const methods = new Map<string, { count: number; amount: number }>();
  for (const p of db.selectObjects('SELECT sale_id, method, amount FROM sale_payments') as Row[]) {
    if (!ids.has(p.sale_id)) continue;
    const m = methods.get(String(p.method)) ?? { count: 0, amount: 0 };
    methods.set(String(p.method), m);
    m.count += 1;
    m.amount += Number(p.amount);
  }
  return {
    quarters: [...quarters.values()].sort((a, b) => a.quarter! - b.quarter!),
    methods: Object.fromEntries(methods),
    staff: Object.fromEntries([...staff].map(([id, t]) => [String(id), t])),
  };
}

/** What the tallies say about [from, to), in the shape of {@link expected}. */
function read(db: Database, from: number, to: number) {
  const split = splitRange(from, to);
  return {
    quarters: quarterTallies(db, split),
    methods: Object.fromEntries(methodTallies(db, split).map((m) => [m.method, { count: m.count, amount: m.amount }])),
    staff: Object.fromEntries(staffTallies(db, split).map((s) => [String(s.staffId), { sales: s.sales, refunds: s.refunds, net: s.net }])),
  };
}

/** Ranges around the sales of `db`: all of it, on and off quarter-hours, inside one quarter-hour, before any sale. */
function ranges(db: Database): [number, number][] {
  const first = Number(db.selectValue('SELECT min(created_at) FROM sales'));
  const last = Number(db.selectValue('SELECT max(created_at) FROM sales'));
  const q = (ms: number) => Math.floor(ms / QUARTER_MS) * QUARTER_MS;
  return [
    [q(first), q(last) + QUARTER_MS],
    [first, last + 1],
    [first + 1, last],
    [q(first) + 60_000, q(first) + 120_000],
    [first, first + 1],
    [q(last) - 7 * QUARTER_MS + 1, last],
    [first - 86_400_000, first - 3_600_000],
  ];
}

const at = (db: Database, number: number, iso: string) => db.exec('UPDATE sales SET created_at = ? WHERE number = ?', { bind: [Date.parse(iso), number] });

describe('the report tallies', () => {
  it('equal the sales rung up, moved, given a staff member and refunded, over every kind of range', async () => {
    const { db, call, ring } = await openShop();
    const tea = await call('catalog.save', { name: 'Tea', sku: 'T', barcode: '1', price: 250, taxBp: 2000, stock: 90, active: true, categoryId: null });
    const cake = await call('catalog.save', { name: 'Cake', sku: 'C', barcode: '2', price: 390, taxBp: 700, stock: 90, active: true, categoryId: null });
    const sold = [];
    for (let i = 0; i < 8; i++) {
      const lines: [typeof tea, number][] = i % 3 === 0 ? [[tea, 1 + i]] : [[tea, 1], [cake, i]];
      const total = lines.reduce((n, [p, qty]) => n + p.price * qty, 0);
      const tenders = i % 2 === 0 ? [{ method: 'card' as const, amount: total }] : [{ method: 'card' as const, amount: 100 }, { method: 'cash' as const, amount: total - 100 }];
      sold.push(await ring(lines, tenders, i === 5 ? { kind: 'percent', value: 1000 } : null));
    }
    // Spread over two days, several in one quarter-hour and one a minute before the next.
    const times = ['2026-03-09T08:01:00Z', '2026-03-09T08:07:30Z', '2026-03-09T08:14:59.999Z', '2026-03-09T08:15:00Z',
      '2026-03-09T17:44:00Z', '2026-03-10T09:00:00Z', '2026-03-10T09:20:00Z', '2026-03-10T23:59:00Z'];
    sold.forEach((s, i) => at(db, s.number, times[i]!));
    const owner = await call('staff.createOwner', { name: 'Maya Okafor', pin: '4821' });
    db.exec('UPDATE sales SET staff_id = ? WHERE number IN (?, ?, ?)', { bind: [owner.id, sold[1]!.number, sold[4]!.number, sold[6]!.number] });
    writeRefund(db, sold[1]!.number, Date.parse('2026-03-09T08:20:00Z'));
    writeRefund(db, sold[6]!.number, Date.parse('2026-03-10T09:25:00Z'));
    // A sale moved back after its refund: its payments follow it to its new quarter-hour.
    at(db, sold[7]!.number, '2026-03-09T12:00:00Z');

    for (const [from, to] of ranges(db)) expect(read(db, from, to), `[${new Date(from).toISOString()}, ${new Date(to).toISOString()})`).toEqual(expected(db, from, to));
    const all = read(db, Date.parse('2026-03-09T00:00:00Z'), Date.parse('2026-03-11T00:00:00Z'));
    expect(all.quarters.reduce((n, q) => n + q.sales, 0)).toBe(8);
    expect(all.staff[String(owner.id)]).toEqual({ sales: 3, refunds: 0, net: sold[1]!.total + sold[4]!.total + sold[6]!.total });
  });

  it('hold the sales a shop had recorded before the upgrade', async () => {
    const { db } = await seededShop(8);
    await migrate(db, bundledMigrations, { appVersion: '1.0.0' });
    expect(Number(db.selectValue('SELECT count(*) FROM report_quarters'))).toBeGreaterThan(0);
    for (const [from, to] of ranges(db)) expect(read(db, from, to)).toEqual(expected(db, from, to));
  });
});
