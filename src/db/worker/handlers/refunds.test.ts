/**
 * Refunds, voids and the till's approvals through the real processor and handlers on in-memory sqlite-wasm with the
 * real migrations: several partial refunds never take back more than was sold and add up to the sale exactly, the
 * stock comes back, the money goes back by the original methods or in cash, a void reverses a whole sale, the
 * shift's figures count both, and the worker asks for a manager's PIN for each, and for large discounts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { ArgsOf, HandlerName, ResultOf } from '../../protocol';
import type { Approval } from '../../protocol/staff';
import { addProduct, emptyCart, type Cart } from '../../../pos/cart';
import { priceCart, type Discount } from '../../../pos/pricing';
import { posProcessor, type Call } from '../testing/pos-processor';

let send: Call;
let manager: Approval;
let cashierId: number;

const call = <K extends HandlerName>(name: K, args: ArgsOf<K>, approval?: Approval): Promise<ResultOf<K>> =>
  send(name, args, undefined, approval);

const SHOP = { name: 'Test shop', address: '1 Road', phone: '1', taxNumber: 'X1', currency: 'EUR', pricesIncludeTax: true, defaultTaxBp: 2000 };
type Product = ResultOf<'catalog.save'>;
let tea: Product;
let bread: Product;

beforeEach(async () => {
  ({ call: send } = await posProcessor());
  await call('shop.save', SHOP);
  tea = await call('catalog.save', { name: 'Tea', sku: null, barcode: '1', price: 250, taxBp: 2000, stock: 50, active: true, categoryId: null });
  bread = await call('catalog.save', { name: 'Bread', sku: null, barcode: '2', price: 420, taxBp: 500, stock: 50, active: true, categoryId: null });
  const owner = await call('staff.createOwner', { name: 'Maya Okafor', pin: '4821' });
  const tom = await call('staff.add', { name: 'Tom Reyes', role: 'manager', pin: '7302' }, { staffId: owner.id, pin: '4821' });
  manager = { staffId: tom.id, pin: '7302' };
  cashierId = (await call('staff.add', { name: 'Lena Park', role: 'cashier', pin: '1593' }, manager)).id;
  await call('staff.signIn', { staffId: cashierId, pin: '1593' });
  await call('shift.open', { float: 10_000, openedBy: 'Lena Park' });
});

async function ring(lines: [Product, number][], tenders: Cart['tenders'], orderDiscount: Discount | null = null, approval?: Approval) {
  let cart = emptyCart(uuidv7());
  for (const [p, qty] of lines) cart = addProduct(cart, p, qty);
  cart = { ...cart, orderDiscount, tenders };
  const expectedTotal = priceCart(cart.lines, orderDiscount, true).total;
  return call('sales.commit', { registerId: 'till-1', cart, expectedTotal }, approval);
}

const refund = (saleNumber: number, lines: { lineNo: number; quantity: number }[], method: 'original' | 'cash' = 'original', approval: Approval | null = manager) =>
  call('refund.create', { saleNumber, lines, reason: 'Changed their mind', method, registerId: 'till-1' }, approval ?? undefined);

const stockOf = async (p: Product) => (await call('catalog.byCode', { code: p.barcode ?? '' }))?.stock;
const methods = (sale: ResultOf<'sales.commit'>) => Object.fromEntries(sale.payments.map((p) => [p.method, p.amount]));

describe('refunds', () => {
  it('needs a manager’s PIN, records who rang it up, and adds partial refunds up to exactly the sale', async () => {
    // 3 teas (7.50) at 10 % off, and a bread: 10 % of 11.70 is within the default limit of 10 %.
    const sale = await ring([[tea, 3], [bread, 1]], [{ method: 'card', amount: 700 }, { method: 'cash', amount: 353 }], { kind: 'percent', value: 1000 });
    expect(sale.total).toBe(1053);
    expect(sale.staffName).toBe('Lena Park');

    await expect(refund(sale.number, [{ lineNo: 1, quantity: 1 }], 'original', null)).rejects.toMatchObject({
      code: 'approval-required',
      message: 'A manager’s or the owner’s PIN is needed to give a refund. Ask them to enter it.',
    });
    const first = await refund(sale.number, [{ lineNo: 1, quantity: 1 }]);
    expect(first).toMatchObject({ kind: 'refund', refundOf: sale.number, reason: 'Changed their mind', staffName: 'Lena Park', total: -225 });
    expect(first.lines).toMatchObject([{ name: 'Tea', quantity: -1, amount: -225 }]);
    expect(await stockOf(tea)).toBe(48);

    const second = await refund(sale.number, [{ lineNo: 1, quantity: 2 }, { lineNo: 2, quantity: 1 }]);
    await expect(refund(sale.number, [{ lineNo: 1, quantity: 1 }])).rejects.toMatchObject({
      code: 'invalid',
      message: 'Only 0 of “Tea” can still be refunded: 3 were sold (3 already refunded).',
    });
    // Everything came back: the money and the tax to the cent, by the methods it was paid with, never beyond them.
    expect(first.total + second.total).toBe(-sale.total);
    expect(first.taxTotal + second.taxTotal).toBe(-sale.taxTotal);
    const back = { card: 0, cash: 0 } as Record<string, number>;
    for (const r of [first, second]) for (const p of r.payments) back[p.method] = (back[p.method] ?? 0) - p.amount;
    expect(back).toEqual({ card: 700, cash: 353 });
    expect([await stockOf(tea), await stockOf(bread)]).toEqual([50, 50]);

    const found = await call('refund.find', { query: `S${String(sale.number).padStart(6, '0')}` });
    expect(found.lines.map((l) => l.refundedQty)).toEqual([3, 1]);
    expect(found.refunds.map((r) => r.total)).toEqual([225, -second.total]);

    const audit = await call('audit.list', {}, { staffId: 1, pin: '4821' });
    expect(audit.entries.filter((e) => e.action === 'refund.create').map((e) => [e.approver, e.detail])).toEqual([
      ['Tom Reyes', `saleNumber: ${sale.number}`],
      ['Tom Reyes', `saleNumber: ${sale.number}`],
    ]);
  });

  it('pays back in cash when asked, and counts refunds in the shift’s figures', async () => {
    const sale = await ring([[tea, 2]], [{ method: 'card', amount: 500 }]);
    const back = await refund(sale.number, [{ lineNo: 1, quantity: 1 }], 'cash');
    expect(methods(back)).toEqual({ cash: -250 });
    const { figures } = await call('shift.current', {});
    expect(figures).toMatchObject({ salesCount: 1, refundsCount: 1, refunds: 250, net: 250, payments: { cash: -250, card: 500, other: 0 } });
    expect(figures?.expected.cash).toBe(10_000 - 250);
  });

  it('refuses a refund outside a shift, without a reason, or of a refund', async () => {
    const sale = await ring([[tea, 1]], [{ method: 'cash', amount: 250 }]);
    await expect(call('refund.create', { saleNumber: sale.number, lines: [{ lineNo: 1, quantity: 1 }], reason: ' ', method: 'cash', registerId: 'till-1' }, manager))
      .rejects.toMatchObject({ code: 'invalid', message: 'Say why (a reason is kept with the refund).' });
    const r = await refund(sale.number, [{ lineNo: 1, quantity: 1 }]);
    await expect(call('refund.find', { query: String(r.number) })).rejects.toMatchObject({ code: 'not-found' });
    await expect(call('refund.find', { query: '999' })).rejects.toMatchObject({ code: 'not-found', message: 'There is no sale number 999. Check the number on the receipt.' });
    await call('shift.close', { counted: { cash: 10_000, card: 0, other: 0 }, confirmDifference: null, closedBy: 'Tom Reyes' });
    const other = await call('sales.list', { limit: 10 });
    expect(other.count).toBe(2);
    await expect(refund(sale.number, [{ lineNo: 1, quantity: 1 }])).rejects.toMatchObject({ code: 'conflict', message: 'No shift is open. Open a shift before giving a refund.' });
  });
});

describe('cash rounding', () => {
  it('rounds cash given back to the coin where the shop rounds cash, and the drawer still adds up', async () => {
    await call('shop.save', { ...SHOP, currency: 'CHF' }, manager);
    const scone = await call('catalog.save', { name: 'Scone', sku: null, barcode: '3', price: 247, taxBp: 2000, stock: 5, active: true, categoryId: null });
    const sale = await ring([[scone, 1]], [{ method: 'cash', amount: 245 }]);
    expect(methods(sale)).toEqual({ cash: 245 });
    const back = await refund(sale.number, [{ lineNo: 1, quantity: 1 }], 'cash');
    expect(back).toMatchObject({ total: -247, paid: -245, cashRounding: 2 });
    expect(methods(back)).toEqual({ cash: -245 });
    const { figures } = await call('shift.current', {});
    expect(figures).toMatchObject({ refunds: 247, net: 0, payments: { cash: 0, card: 0, other: 0 } });
    expect(figures?.expected.cash).toBe(10_000);
  });
});

describe('voids', () => {
  it('reverses a whole sale once: stock back, shown as voided, counted in the shift', async () => {
    const kept = await ring([[bread, 1]], [{ method: 'cash', amount: 420 }]);
    const sale = await ring([[tea, 2], [bread, 1]], [{ method: 'cash', amount: 920 }]);
    await expect(call('sale.void', { saleNumber: sale.number, reason: 'Rung up twice', registerId: 'till-1' })).rejects.toMatchObject({
      code: 'approval-required',
    });
    const reversal = await call('sale.void', { saleNumber: sale.number, reason: 'Rung up twice', registerId: 'till-1' }, manager);
    expect(reversal).toMatchObject({ kind: 'refund', isVoid: true, total: -920, refundOf: sale.number });
    expect([await stockOf(tea), await stockOf(bread)]).toEqual([50, 49]);
    expect((await call('sales.get', { number: sale.number }))?.voided).toBe(true);
    const list = await call('sales.list', { limit: 10 });
    expect(list.sales.map((s) => [s.number, s.voided, s.staffName])).toEqual([
      [reversal.number, false, 'Lena Park'],
      [sale.number, true, 'Lena Park'],
      [kept.number, false, 'Lena Park'],
    ]);
    await expect(call('sale.void', { saleNumber: sale.number, reason: 'Again', registerId: 'till-1' }, manager)).rejects.toMatchObject({ code: 'conflict' });
    await expect(refund(sale.number, [{ lineNo: 1, quantity: 1 }])).rejects.toMatchObject({ code: 'conflict' });
    const { figures } = await call('shift.current', {});
    expect(figures).toMatchObject({ salesCount: 2, refundsCount: 0, refunds: 0, voidsCount: 1, voids: 920, net: 420, expected: { cash: 10_420, card: 0, other: 0 } });
  });

  it('refuses to void a sale already partly refunded', async () => {
    const sale = await ring([[tea, 2]], [{ method: 'cash', amount: 500 }]);
    await refund(sale.number, [{ lineNo: 1, quantity: 1 }]);
    await expect(call('sale.void', { saleNumber: sale.number, reason: 'Oops', registerId: 'till-1' }, manager)).rejects.toMatchObject({
      code: 'conflict',
      message: `Part of sale ${sale.number} was already refunded, so it cannot be voided. Refund what is left instead.`,
    });
  });
});

describe('approvals of prices and discounts', () => {
  it('asks for a manager’s PIN above the shop’s discount limit and below the catalogue price', async () => {
    await expect(ring([[tea, 2]], [{ method: 'cash', amount: 400 }], { kind: 'percent', value: 2000 })).rejects.toMatchObject({
      code: 'approval-required',
      message: 'A manager’s or the owner’s PIN is needed to give a discount above 10 %. Ask them to enter it.',
    });
    expect((await ring([[tea, 2]], [{ method: 'cash', amount: 400 }], { kind: 'percent', value: 2000 }, manager)).total).toBe(400);

    await expect(call('staffSettings.save', { discountLimitBp: 2500, idleLockMinutes: 3 })).rejects.toMatchObject({ code: 'approval-required' });
    expect(await call('staffSettings.save', { discountLimitBp: 2500, idleLockMinutes: 3 }, manager)).toEqual({ discountLimitBp: 2500, idleLockMinutes: 3 });
    expect((await ring([[tea, 2]], [{ method: 'cash', amount: 400 }], { kind: 'percent', value: 2000 })).total).toBe(400);

    const cheap = { ...tea, price: 100 };
    await expect(ring([[cheap, 1]], [{ method: 'cash', amount: 100 }])).rejects.toMatchObject({
      code: 'approval-required',
      message: 'A manager’s or the owner’s PIN is needed to sell Tea below its catalogue price. Ask them to enter it.',
    });
    const sold = await ring([[cheap, 1]], [{ method: 'cash', amount: 100 }], null, manager);
    expect(sold.lines.map((l) => [l.unitPrice, l.listPrice])).toEqual([[100, 250]]);
    // Kept with the sale: its receipt read back and the sales list say the price was changed; other sales do not.
    expect((await call('sales.get', { number: sold.number }))?.lines.map((l) => l.listPrice)).toEqual([250]);
    const list = await call('sales.list', { limit: 10 });
    expect(list.sales.map((s) => [s.number, s.priceChanged ?? false])).toEqual([[sold.number, true], [sold.number - 1, false], [sold.number - 2, false]]);
    expect((await call('sales.get', { number: sold.number - 1 }))?.lines[0]).not.toHaveProperty('listPrice');
    // The audit log says what each sale's approval was for.
    const audit = await call('audit.list', {}, { staffId: 1, pin: '4821' });
    expect(audit.entries.filter((e) => e.action === 'sales.commit').map((e) => [e.approver, e.detail])).toEqual(
      expect.arrayContaining([
        ['Tom Reyes', 'give a discount above 10 %'],
        ['Tom Reyes', 'sell Tea below its catalogue price'],
      ]),
    );
  });
});
