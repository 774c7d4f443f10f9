/**
 * The approval step and the PIN lockout, through the real processor and handlers on an in-memory sqlite-wasm
 * database migrated by the real migrations: a call that needs a manager's PIN is refused without one, whoever
 * sends it; approvals land in the audit log; wrong PINs lock, and the lock is in the database.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestMessage, ResponseMessage } from '../../protocol/envelope';
import type { Approval, SignedIn, StaffMember } from '../../protocol/staff';
import type { Shop } from '../../../pos/shop';
import { openMemoryDatabase } from '../storage/memory';
import type { OpenedDatabase } from '../storage/driver';
import { handlers } from '../handlers';
import { migrate } from '../schema/runner';
import { bundledMigrations } from '../schema/loader';
import { createProcessor, type HandlerContext, type Processor } from './processor';

let opened: OpenedDatabase;
let processor: Processor;
let context: HandlerContext;
let nextId = 1;

function call<K extends RequestMessage['name']>(name: K, args: RequestMessage<K>['args'], extra: { approval?: Approval; signIn?: string } = {}) {
  return processor.handle({ type: 'request', id: nextId++, requestId: crypto.randomUUID(), name, args, ...extra } as RequestMessage);
}
const ok = <T>(response: ResponseMessage): T => {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.result as T;
};
const refused = (response: ResponseMessage) => {
  if (response.ok) throw new Error('the call was accepted');
  return response.error;
};
const shop: Shop = {
  name: 'Corner Café',
  address: '1 High Street',
  phone: '',
  taxNumber: '',
  currency: 'GBP',
  pricesIncludeTax: true,
  defaultTaxBp: 2000,
};

beforeEach(async () => {
  opened = await openMemoryDatabase();
  await migrate(opened.db, bundledMigrations, { appVersion: '0.0.0-test' });
  context = { db: opened.db, live: null, backups: null, leaderId: 'leader', appVersion: '0.0.0-test', vfs: 'memory', fileName: ':memory:', notify: () => {} };
  processor = createProcessor(context, handlers);
});
afterEach(() => {
  vi.useRealTimers();
  opened.db.close();
});

/** An owner, a manager and a cashier, the last two added with the owner's approval. */
async function staffThree() {
  const owner = ok<StaffMember>(await call('staff.createOwner', { name: 'Maya Okafor', pin: '4821' }));
  const asOwner = { approval: { staffId: owner.id, pin: '4821' } };
  const manager = ok<StaffMember>(await call('staff.add', { name: 'Tom Reyes', role: 'manager', pin: '7302' }, asOwner));
  const cashier = ok<StaffMember>(await call('staff.add', { name: 'Lena Park', role: 'cashier', pin: '1593' }, asOwner));
  return { owner, manager, cashier };
}

describe('approvals', () => {
  it('locks nothing before the shop has its owner', async () => {
    expect(ok(await call('staff.status', {}))).toEqual({ ownerExists: false, staff: [] });
    expect(ok<Shop>(await call('shop.save', shop)).name).toBe('Corner Café');
  });

  it('refuses a settings change without a PIN, with a cashier’s PIN or a wrong one; takes a manager’s', async () => {
    const { manager, cashier } = await staffThree();
    const lena = ok<SignedIn>(await call('staff.signIn', { staffId: cashier.id, pin: '1593' }));
    const none = refused(await call('shop.save', { ...shop, name: 'Nope' }, { signIn: lena.token }));
    expect(none.code).toBe('approval-required');
    expect(none.message).toBe('A manager’s or the owner’s PIN is needed to change the shop’s settings. Ask them to enter it.');
    const byCashier = refused(await call('shop.save', { ...shop, name: 'Nope' }, { approval: { staffId: cashier.id, pin: '1593' } }));
    expect(byCashier.code).toBe('approval-required');
    expect(byCashier.message).toContain('Lena Park cannot approve this');
    const wrong = refused(await call('shop.save', { ...shop, name: 'Nope' }, { approval: { staffId: manager.id, pin: '7303' } }));
    expect(wrong).toMatchObject({ code: 'approval-required', message: 'That PIN is not right for Tom Reyes. Try again.' });
    expect(opened.db.selectValue('SELECT count(*) FROM shop')).toBe(0);

    const saved = ok<Shop>(await call('shop.save', shop, { approval: { staffId: manager.id, pin: '7302' }, signIn: lena.token }));
    expect(saved.name).toBe('Corner Café');
  });

  it('keeps who approved what, for whom, when; only the owner reads it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 11, 1, 17, 45, 0));
    const { owner, manager, cashier } = await staffThree();
    const lena = ok<SignedIn>(await call('staff.signIn', { staffId: cashier.id, pin: '1593' }));
    ok(await call('shop.save', shop, { approval: { staffId: manager.id, pin: '7302' }, signIn: lena.token }));
    expect(refused(await call('audit.list', {}, { approval: { staffId: manager.id, pin: '7302' } })).message).toContain('Tom Reyes cannot approve this');
    const { entries } = ok<{ entries: { action: string; approver: string; approverRole: string; forName: string | null; at: string }[] }>(
      await call('audit.list', {}, { approval: { staffId: owner.id, pin: '4821' } }),
    );
    expect(entries.map((e) => [e.action, e.approver, e.approverRole, e.forName])).toEqual([
      ['shop.save', 'Tom Reyes', 'manager', 'Lena Park'],
      ['staff.add', 'Maya Okafor', 'owner', null],
      ['staff.add', 'Maya Okafor', 'owner', null],
    ]);
    expect(entries[0]?.at).toBe('2026-12-01T17:45:00.000Z');
    // Reading the log is itself an approval, recorded after it is read.
    expect(opened.db.selectValue("SELECT count(*) FROM audit_log WHERE action = 'audit.list'")).toBe(1);
  });

  it('never stores a PIN, only its salted hash', async () => {
    await staffThree();
    const rows = opened.db.selectObjects('SELECT * FROM staff ORDER BY id');
    const pins = ['4821', '7302', '1593'];
    expect(rows).toHaveLength(3);
    for (const [i, row] of rows.entries()) {
      const pin = pins[i]!;
      const { pin_hash: hash, pin_salt: salt, pin_iterations: iterations, ...rest } = row;
      // No other column holds the PIN, in any form: not as a value, nor inside a text. (The same digits inside
      // a longer number or a hex id, such as a time in milliseconds or a UUID, are not the PIN: once in a while
      // a creation time contains them.)
      for (const value of Object.values(rest)) expect(String(value)).not.toBe(pin);
      expect(JSON.stringify(rest)).not.toMatch(new RegExp(`(^|[^0-9a-f])${pin}([^0-9a-f]|$)`));
      // The hash is PBKDF2-HMAC-SHA-256 of the PIN with that row's own salt, derived here independently.
      const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
      const saltBytes = Uint8Array.from(String(salt).match(/../g)!, (h) => parseInt(h, 16));
      const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: saltBytes, iterations: Number(iterations) }, key, 256);
      expect(hash).toBe(Buffer.from(bits).toString('hex'));
      expect(Number(iterations)).toBeGreaterThanOrEqual(100_000);
      expect(String(salt)).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(opened.db.selectValue('SELECT count(DISTINCT pin_salt) FROM staff')).toBe(3);
  });

  it('refuses a second owner and a PIN that is not 4–8 digits', async () => {
    await staffThree();
    expect(refused(await call('staff.createOwner', { name: 'Someone Else', pin: '2468' })).code).toBe('conflict');
    const owner = { approval: { staffId: 1, pin: '4821' } };
    expect(refused(await call('staff.add', { name: 'Ana', role: 'cashier', pin: '12' }, owner)).message).toBe('A PIN is 4 to 8 digits (0–9), nothing else.');
  });
});

describe('the PIN lockout', () => {
  it('locks after five wrong PINs for 30 s, refuses even the right PIN meanwhile, and the lock is in the database', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 11, 1, 9, 0, 0));
    const { cashier } = await staffThree();
    for (let i = 1; i <= 4; i++) expect(refused(await call('staff.signIn', { staffId: cashier.id, pin: '0000' })).code).toBe('invalid');
    const fifth = refused(await call('staff.signIn', { staffId: cashier.id, pin: '0000' }));
    expect(fifth).toMatchObject({ code: 'locked-out', message: 'Too many wrong PINs. Try again in 30 seconds, or ask a manager.' });
    expect(refused(await call('staff.signIn', { staffId: cashier.id, pin: '1593' })).code).toBe('locked-out');

    // A new processor over the same database (a reload) sees the same lock.
    processor = createProcessor(context, handlers);
    vi.setSystemTime(Date.UTC(2026, 11, 1, 9, 0, 20));
    expect(refused(await call('staff.signIn', { staffId: cashier.id, pin: '1593' })).message).toContain('10 seconds');

    vi.setSystemTime(Date.UTC(2026, 11, 1, 9, 0, 30));
    expect(ok<StaffMember>(await call('staff.signIn', { staffId: cashier.id, pin: '1593' })).name).toBe('Lena Park');
    expect(opened.db.selectObject('SELECT failures, locked_until FROM staff WHERE id = ?', [cashier.id])).toEqual({ failures: 0, locked_until: null });
  });

  it('counts wrong approval PINs too: a guessed manager PIN locks that manager', async () => {
    const { manager } = await staffThree();
    for (let i = 0; i < 5; i++) await call('shop.save', shop, { approval: { staffId: manager.id, pin: '1111' } });
    expect(refused(await call('shop.save', shop, { approval: { staffId: manager.id, pin: '7302' } })).code).toBe('locked-out');
  });
});
