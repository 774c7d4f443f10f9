/**
 * Who rang it up is the worker's sign-in, never an id the call names: through the real processor and handlers on
 * in-memory sqlite-wasm with the real migrations. A sale, refund, void, shift or cash move from a till where no
 * one is signed in is refused in words; one that claims another member of staff is recorded as whoever is signed
 * in; a sign-in ends with sign-out and when the same till signs in as someone else; a made-up token is no one.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ArgsOf, HandlerName, ResultOf } from '../../protocol';
import type { Approval, StaffMember } from '../../protocol/staff';
import type { Processor } from '../runtime/processor';
import { addProduct, emptyCart } from '../../../pos/cart';
import { priceCart } from '../../../pos/pricing';
import { posProcessor, type Call } from '../testing/pos-processor';

let call: Call;
let db: Database;
let processor: Processor;
let session: { token: string | undefined };
let owner: StaffMember;
let lena: StaffMember;
let ownerApproval: Approval;
let tea: ResultOf<'catalog.save'>;

const SHOP = { name: 'Test shop', address: '1 Road', phone: '1', taxNumber: 'X1', currency: 'EUR', pricesIncludeTax: true, defaultTaxBp: 2000 };

beforeEach(async () => {
  ({ call, db, processor, signIn: session } = await posProcessor());
  await call('shop.save', SHOP);
  tea = await call('catalog.save', { name: 'Tea', sku: null, barcode: '1', price: 250, taxBp: 2000, stock: 50, active: true, categoryId: null });
  owner = await call('staff.createOwner', { name: 'Maya Okafor', pin: '4821' });
  ownerApproval = { staffId: owner.id, pin: '4821' };
  lena = await call('staff.add', { name: 'Lena Park', role: 'cashier', pin: '1593' }, undefined, ownerApproval);
  await call('staff.signIn', { staffId: lena.id, pin: '1593' });
  await call('shift.open', { float: 0, openedBy: 'Lena Park' });
});

/** A sale of one tea whose call also names `claimed` as who rang it up (as a script in the page could). */
function saleArgs(claimed: number): ArgsOf<'sales.commit'> {
  const cart = { ...addProduct(emptyCart(uuidv7()), tea, 1), tenders: [{ method: 'cash' as const, amount: 250 }] };
  return { registerId: 'till-1', cart, expectedTotal: priceCart(cart.lines, null, true).total, staffId: claimed } as ArgsOf<'sales.commit'>;
}

/** Sends `name` with the sign-in token `token` (whatever this till holds), answering the error or the result. */
async function withToken<K extends HandlerName>(name: K, args: ArgsOf<K>, token: string | undefined) {
  return processor.handle({ type: 'request', id: 1, requestId: uuidv7(), name, args, signIn: token });
}

const staffOf = (number: number) => db.selectValue('SELECT staff_id FROM sales WHERE number = ?', [number]);

describe('who rang it up', () => {
  it('records the member of staff signed in, not the one the call names', async () => {
    const sale = await call('sales.commit', saleArgs(owner.id));
    expect(sale.staffName).toBe('Lena Park');
    expect(staffOf(sale.number)).toBe(lena.id);
    const refund = await call('refund.create', { saleNumber: sale.number, lines: [{ lineNo: 1, quantity: 1 }], reason: 'Spilt', method: 'cash', registerId: 'till-1', staffId: owner.id } as ArgsOf<'refund.create'>, undefined, ownerApproval);
    expect(refund.staffName).toBe('Lena Park');
    expect(staffOf(refund.number)).toBe(lena.id);
    // The report's tallies follow the sales: everything under Lena, nothing under the owner.
    expect(db.selectObjects('SELECT staff, sales, refunds FROM report_quarters ORDER BY staff')).toEqual([{ staff: lena.id, sales: 1, refunds: 1 }]);
  });

  it('refuses a sale, a refund, a void and a cash move from a till where no one is signed in', async () => {
    const sale = await call('sales.commit', saleArgs(lena.id));
    await call('staff.signOut', {});
    const refusal = { code: 'signed-out', message: 'No one is signed in at this till. Sign in with your PIN on the Lock page before you ring up a sale.' };
    await expect(call('sales.commit', saleArgs(owner.id))).rejects.toMatchObject(refusal);
    await expect(call('sale.void', { saleNumber: sale.number, reason: 'Twice', registerId: 'till-1' }, undefined, ownerApproval)).rejects.toMatchObject({
      code: 'signed-out',
      message: expect.stringContaining('before you void a sale'),
    });
    await expect(call('shift.cashMove', { amount: -100, reason: 'Milk', by: 'Maya Okafor' })).rejects.toMatchObject({ code: 'signed-out' });
    await expect(call('shift.close', { counted: { cash: 250, card: 0, other: 0 }, confirmDifference: null, closedBy: 'Maya Okafor' })).rejects.toMatchObject({ code: 'signed-out' });
    expect(db.selectValue('SELECT count(*) FROM sales')).toBe(1);
    expect(db.selectValue('SELECT count(*) FROM cash_moves')).toBe(0);
  });

  it('knows a made-up token, an ended sign-in and a replaced one as no one', async () => {
    const first = session.token;
    const madeUp = await withToken('sales.commit', saleArgs(owner.id), 'f'.repeat(32));
    expect(madeUp).toMatchObject({ ok: false, error: { code: 'signed-out' } });
    // The same till signs in as the owner: Lena's sign-in is over, the owner's records the next sale.
    await call('staff.signIn', { staffId: owner.id, pin: '4821' });
    expect((await withToken('sales.commit', saleArgs(lena.id), first)).ok).toBe(false);
    const byOwner = await call('sales.commit', saleArgs(lena.id));
    expect(staffOf(byOwner.number)).toBe(owner.id);
    // The table keeps only hashes of the tokens, and one sign-in per till.
    expect(db.selectValues('SELECT token_hash FROM sign_ins')).toHaveLength(1);
    expect(db.selectValues('SELECT token_hash FROM sign_ins')).not.toContain(session.token);
    // A wrong PIN signs no one in and leaves the current sign-in as it was.
    await expect(call('staff.signIn', { staffId: lena.id, pin: '0000' })).rejects.toMatchObject({ code: 'invalid' });
    expect(staffOf((await call('sales.commit', saleArgs(lena.id))).number)).toBe(owner.id);
  });

  it('needs no sign-in in a shop without staff yet', async () => {
    db.exec('DELETE FROM sign_ins; DELETE FROM audit_log; UPDATE shifts SET opened_by_id = NULL; DELETE FROM staff');
    session.token = undefined;
    const sale = await call('sales.commit', saleArgs(owner.id));
    expect(sale.staffName).toBeNull();
    expect(staffOf(sale.number)).toBeNull();
  });
});
