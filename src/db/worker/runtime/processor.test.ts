import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeTopic, RequestMessage, ResponseMessage } from '../../protocol/envelope';
import type { ProductInput } from '../../../pos/product';
import { openMemoryDatabase } from '../storage/memory';
import type { OpenedDatabase } from '../storage/driver';
import { handlers } from '../handlers';
import { migrate } from '../schema/runner';
import { bundledMigrations } from '../schema/loader';
import { createProcessor, type Processor } from './processor';

let opened: OpenedDatabase;
let processor: Processor;
let notified: ChangeTopic[][];
let nextId = 1;

function request<K extends RequestMessage['name']>(name: K, args: RequestMessage<K>['args'], requestId: string = crypto.randomUUID()) {
  return { type: 'request', id: nextId++, requestId, name, args } as RequestMessage;
}
/** A product to save: the simplest real write. */
const product = (name: string, sku: string): ProductInput => ({
  name,
  sku,
  barcode: null,
  price: 250,
  taxBp: 2000,
  stock: 0,
  active: true,
  categoryId: null,
});
const ok = (response: ResponseMessage) => {
  if (!response.ok) throw new Error(response.error.message);
  return response.result;
};

beforeEach(async () => {
  opened = await openMemoryDatabase();
  await migrate(opened.db, bundledMigrations, { appVersion: '0.0.0-test' });
  notified = [];
  processor = createProcessor(
    { db: opened.db, live: null, backups: null, leaderId: 'leader', appVersion: '0.0.0-test', vfs: 'memory', fileName: ':memory:', notify: (t) => notified.push(t) },
    handlers,
  );
});
afterEach(() => opened.close());

describe('processor', () => {
  it('applies a write once even when the same request arrives again (a retry after a hand-over)', async () => {
    const write = request('catalog.save', product('Green tea', 'TEA-1'), 'request-1');
    const first = ok(await processor.handle(write));
    const again = ok(await processor.handle({ ...write, id: nextId++ }));
    expect(again).toEqual(first);
    expect(opened.db.selectValue('SELECT count(*) FROM products')).toBe(1);
    expect(notified).toEqual([['catalog']]); // only the write that changed something tells the other tabs
  });

  it('rolls a failing write back completely, so a retry can still apply it', async () => {
    ok(await processor.handle(request('catalog.save', product('Green tea', 'DUP'))));
    const clash = await processor.handle(request('catalog.save', product('Black tea', 'DUP'), 'request-clash'));
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Nothing of the failed attempt stays: not the row, not the request record.
    expect(opened.db.selectValue("SELECT count(*) FROM applied_requests WHERE request_id = 'request-clash'")).toBe(0);
    expect(opened.db.selectValues("SELECT name FROM products WHERE sku = 'DUP'")).toEqual(['Green tea']);
  });

  it('answers an unknown call with a readable error instead of throwing', async () => {
    const response = await processor.handle({ ...request('system.ping', { at: 1 }), name: 'nope' as never });
    expect(response).toMatchObject({ ok: false, error: { code: 'unknown-handler' } });
  });

  it('reports what the status page shows', async () => {
    const info = ok(await processor.handle(request('system.info', {}))) as Record<string, unknown>;
    expect(info).toMatchObject({ schemaVersion: bundledMigrations.length, appVersion: '0.0.0-test', leaderId: 'leader' });
    expect(String(info.sqliteVersion)).toMatch(/^3\.\d+\.\d+$/);
  });
});

describe('request memory', () => {
  it('forgets request records older than a day, and keeps the recent ones that a retry may still need', async () => {
    const { forgetOldRequests } = await import('./session');
    ok(await processor.handle(request('catalog.save', product('Green tea', 'TEA-1'), 'request-recent')));
    opened.db.exec(
      "INSERT INTO applied_requests (request_id, handler, result, applied_at) VALUES ('request-old', 'catalog.save', 'null', '2000-01-01T00:00:00.000Z')",
    );
    expect(forgetOldRequests(opened.db, new Date())).toBe(1);
    expect(opened.db.selectValues('SELECT request_id FROM applied_requests')).toEqual(['request-recent']);
  });
});
