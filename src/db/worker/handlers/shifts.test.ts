/**
 * Shifts through the real processor and handlers on in-memory sqlite-wasm with the real migrations: a sale is
 * refused outside a shift once staff are in use; a day of sales (a discount, split payments) and cash in and out
 * closes into a Z report whose figures are the sums of what was rung up, stored, numbered and never changed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ArgsOf, ResultOf } from '../../protocol';
import { addProduct, emptyCart, type Cart } from '../../../pos/cart';
import { priceCart, type Discount } from '../../../pos/pricing';
import { posProcessor, type Call } from '../testing/pos-processor';

let call: Call;
let database: Database;

const SHOP = { name: 'Test shop', address: '1 Road', phone: '1', taxNumber: 'X1', currency: 'EUR', pricesIncludeTax: true, defaultTaxBp: 2000 };

beforeEach(async () => {
  ({ call, db: database } = await posProcessor());
  await call('shop.save', SHOP);
});

async function ring(lines: [ResultOf<'catalog.save'>, number][], tenders: Cart['tenders'], orderDiscount: Discount | null = null) {
  let cart = emptyCart(uuidv7());
  for (const [p, qty] of lines) cart = addProduct(cart, p, qty);
  cart = { ...cart, orderDiscount, tenders };
  const expectedTotal = priceCart(cart.lines, orderDiscount, true).total;
  return call('sales.commit', { registerId: 'till-1', cart, expectedTotal });
}

describe('shifts', () => {
  it('changes nothing for a shop without staff: sales need no shift', async () => {
    const tea = await call('catalog.save', { name: 'Tea', sku: null, barcode: '1', price: 250, taxBp: 2000, stock: 10, active: true, categoryId: null });
    expect((await ring([[tea, 1]], [{ method: 'cash', amount: 250 }])).total).toBe(250);
  });

  it('refuses a sale outside a shift, then closes a day into a Z report equal to what was rung up', async () => {
    const tea = await call('catalog.save', { name: 'Tea', sku: null, barcode: '1', price: 250, taxBp: 2000, stock: 50, active: true, categoryId: null });
    const bread = await call('catalog.save', { name: 'Bread', sku: null, barcode: '2', price: 420, taxBp: 500, stock: 50, active: true, categoryId: null });
    const owner = await call('staff.createOwner', { name: 'Maya Okafor', pin: '4821' });
    const lena = await call('staff.add', { name: 'Lena Park', role: 'cashier', pin: '1593' }, undefined, { staffId: owner.id, pin: '4821' });
    const tom = await call('staff.add', { name: 'Tom Reyes', role: 'manager', pin: '7302' }, undefined, { staffId: owner.id, pin: '4821' });
    await call('staff.signIn', { staffId: lena.id, pin: '1593' });

    await expect(ring([[tea, 1]], [{ method: 'cash', amount: 250 }])).rejects.toMatchObject({
      code: 'conflict',
      message: 'No shift is open. Open a shift (count the float into the drawer) before ringing up sales.',
    });
    expect(database.selectValue('SELECT count(*) FROM sales')).toBe(0);

    await call('shift.open', { float: 10_000, openedBy: 'Lena Park' });
    await expect(call('shift.open', { float: 0, openedBy: 'Lena Park' })).rejects.toMatchObject({ code: 'conflict' });
    const sales = [
      await ring([[tea, 2], [bread, 1]], [{ method: 'cash', amount: 1000 }]),
      await ring([[bread, 3]], [{ method: 'card', amount: 600 }, { method: 'cash', amount: 700 }]),
      await ring([[tea, 4]], [{ method: 'other', amount: 900 }], { kind: 'percent', value: 1000 }),
    ];
    await call('shift.cashMove', { amount: 2000, reason: 'Change from the bank', by: 'Tom Reyes' });
    await call('shift.cashMove', { amount: -1500, reason: 'Milk supplier', by: 'Lena Park' });
    await expect(call('shift.cashMove', { amount: -100, reason: ' ', by: null })).rejects.toMatchObject({ code: 'invalid' });

    const paidBy = (method: string) => sales.flatMap((s) => s.payments).filter((p) => p.method === method).reduce((a, p) => a + p.amount, 0);
    const net = sales.reduce((a, s) => a + s.total, 0);
    const x = await call('shift.current', {});
    expect(x.figures).toMatchObject({
      salesCount: 3,
      gross: sales.reduce((a, s) => a + s.subtotal, 0),
      discounts: sales.reduce((a, s) => a + s.discountTotal, 0),
      net,
      taxTotal: sales.reduce((a, s) => a + s.taxTotal, 0),
      payments: { cash: paidBy('cash'), card: paidBy('card'), other: paidBy('other') },
      expected: { cash: 10_000 + paidBy('cash') + 2000 - 1500, card: paidBy('card'), other: paidBy('other') },
    });
    expect(x.figures?.discounts).toBe(100);

    // Counted 0.20 short in cash: refused until that difference is confirmed. Tom counts and closes.
    await call('staff.signIn', { staffId: tom.id, pin: '7302' });
    const expected = x.figures!.expected;
    const counted = { ...expected, cash: expected.cash - 20 };
    await expect(call('shift.close', { counted, confirmDifference: null, closedBy: 'Tom Reyes' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'The count is 0.20 short against what was expected. Check the count, or confirm the difference to close.',
    });
    await expect(call('shift.close', { counted, confirmDifference: 20, closedBy: 'Tom Reyes' })).rejects.toMatchObject({ code: 'conflict' });
    const z = await call('shift.close', { counted, confirmDifference: -20, closedBy: 'Tom Reyes' });
    expect(z).toMatchObject({ number: 1, net, difference: { cash: -20, card: 0, other: 0 }, openedBy: 'Lena Park', closedBy: 'Tom Reyes' });

    // Stored and reprinted as made, never changed; the shift is closed, so sales are refused again.
    expect(await call('zreport.get', { number: 1 })).toEqual(z);
    expect(() => database.exec("UPDATE z_reports SET figures = '{}' WHERE number = 1")).toThrow(/never changed/);
    await expect(ring([[tea, 1]], [{ method: 'cash', amount: 250 }])).rejects.toMatchObject({ code: 'conflict' });
    expect(await call('shift.current', {})).toEqual({ shift: null, figures: null });

    // The next shift's Z report is number 2 and holds only its own sales.
    await call('staff.signIn', { staffId: lena.id, pin: '1593' });
    await call('shift.open', { float: 5000, openedBy: 'Lena Park' });
    const later = await ring([[tea, 1]], [{ method: 'card', amount: 250 }]);
    const second = await call('shift.close', { counted: { cash: 5000, card: 250, other: 0 }, confirmDifference: null, closedBy: 'Lena Park' });
    expect(second).toMatchObject({ number: 2, salesCount: 1, net: later.total, differenceTotal: 0 });
  });

  it('records who opened and closed a shift by the sign-in, shown by their name as it is now', async () => {
    const owner = await call('staff.createOwner', { name: 'Maya Okafor', pin: '4821' });
    const lena = await call('staff.add', { name: 'Lena Park', role: 'cashier', pin: '1593' }, undefined, { staffId: owner.id, pin: '4821' });
    // Nobody signed in at this till: refused in words, whatever name or id the call gives.
    const claimsOwner = { float: 10_000, openedBy: 'Maya Okafor', staffId: owner.id } as ArgsOf<'shift.open'>;
    await expect(call('shift.open', claimsOwner)).rejects.toMatchObject({
      code: 'signed-out',
      message: 'No one is signed in at this till. Sign in with your PIN on the Lock page before you open the shift.',
    });
    expect(database.selectValue('SELECT count(*) FROM shifts')).toBe(0);
    // Signed in as Lena, a call that names the owner (by name and id) still opens the shift as Lena.
    await call('staff.signIn', { staffId: lena.id, pin: '1593' });
    const opened = await call('shift.open', claimsOwner);
    expect(opened).toMatchObject({ openedBy: 'Lena Park', openedById: lena.id, closedById: null });
    await call('shift.cashMove', { amount: -500, reason: 'Milk', by: 'Maya Okafor', staffId: owner.id } as ArgsOf<'shift.cashMove'>);
    expect(database.selectObjects('SELECT by_name, by_id FROM cash_moves')).toEqual([{ by_name: 'Lena Park', by_id: lena.id }]);
    // A name that changes later (here straight in the table: no screen renames staff yet) shows as it is now.
    database.exec("UPDATE staff SET name = 'Lena Park-Okafor' WHERE id = ?", { bind: [lena.id] });
    expect((await call('shift.current', {})).shift).toMatchObject({ openedBy: 'Lena Park-Okafor', openedById: lena.id });
    await call('staff.signIn', { staffId: owner.id, pin: '4821' });
    const closing = { counted: { cash: 9_500, card: 0, other: 0 }, confirmDifference: null, closedBy: 'Lena', staffId: lena.id } as ArgsOf<'shift.close'>;
    const z = await call('shift.close', closing);
    expect(z).toMatchObject({ openedBy: 'Lena Park-Okafor', closedBy: 'Maya Okafor' });
    expect(database.selectObjects('SELECT opened_by_id, closed_by, closed_by_id FROM shifts')).toEqual([
      { opened_by_id: lena.id, closed_by: 'Maya Okafor', closed_by_id: owner.id },
    ]);
  });
});
