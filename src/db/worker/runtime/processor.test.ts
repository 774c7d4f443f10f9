import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeTopic, RequestMessage, ResponseMessage } from '../../protocol/envelope';
import type { ProductInput } from '../../../pos/product';
import { openMemoryDatabase } from '../storage/memory';
import type { OpenedDatabase } from '../storage/driver';
import { handlers } from '../handlers';
import { migrate } from '../schema/runner';
import { bundledMigrations } from '../schema/loader';
import { createProcessor, type HandlerContext, type HandlerMap, type Processor, type TaskImpl } from './processor';
import { forgetOldRequests } from './requests';
import { createRequestGate } from '../storage/slices';

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

let context: HandlerContext;

beforeEach(async () => {
  opened = await openMemoryDatabase();
  await migrate(opened.db, bundledMigrations, { appVersion: '0.0.0-test' });
  notified = [];
  context = { db: opened.db, live: null, backups: null, leaderId: 'leader', appVersion: '0.0.0-test', vfs: 'memory', fileName: ':memory:', notify: (t) => notified.push(t) };
  processor = createProcessor(context, handlers);
});

/** A processor whose `backup.create` is a task that counts its runs (and can be held open, or made to fail). */
function countingTask(effect: 'read' | 'write') {
  const state = { runs: 0, fail: false, release: null as (() => void) | null, hold: false };
  const task: TaskImpl<'backup.create'> = {
    kind: 'task',
    effect,
    run: async () => {
      state.runs++;
      if (state.hold) await new Promise<void>((resolve) => (state.release = resolve));
      if (state.fail) throw new Error('the disk said no');
      return { name: `backup-${state.runs}` } as never;
    },
  };
  return { state, processor: createProcessor(context, { ...handlers, 'backup.create': task } as HandlerMap) };
}
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

describe('write tasks: one idempotency mechanism for every write', () => {
  it('runs a write task once per request id and answers a re-sent copy with the first answer', async () => {
    const { state, processor: tasks } = countingTask('write');
    const call = request('backup.create', {}, 'task-1');
    const first = ok(await tasks.handle(call));
    const again = ok(await tasks.handle({ ...call, id: nextId++ }));
    expect(again).toEqual(first);
    expect(state.runs).toBe(1);
    // The answer is in the same ledger as the mutations', so a new leader (a new processor) knows it too.
    expect(opened.db.selectValue("SELECT handler FROM applied_requests WHERE request_id = 'task-1'")).toBe('backup.create');
    const { state: other, processor: nextLeader } = countingTask('write');
    expect(ok(await nextLeader.handle({ ...call, id: nextId++ }))).toEqual(first);
    expect(other.runs).toBe(0);
  });

  it('lets a copy that arrives while the task runs wait for the same run', async () => {
    const { state, processor: tasks } = countingTask('write');
    state.hold = true;
    const call = request('backup.create', {}, 'task-2');
    const first = tasks.handle(call);
    const copy = tasks.handle({ ...call, id: nextId++ });
    await new Promise((resolve) => setTimeout(resolve, 10));
    state.release?.();
    expect(ok(await copy)).toEqual(ok(await first));
    expect(state.runs).toBe(1);
  });

  it('records nothing for a write task that failed, so a retry runs it again', async () => {
    const { state, processor: tasks } = countingTask('write');
    state.fail = true;
    const call = request('backup.create', {}, 'task-3');
    expect(await tasks.handle(call)).toMatchObject({ ok: false });
    state.fail = false;
    expect(ok(await tasks.handle({ ...call, id: nextId++ }))).toEqual({ name: 'backup-2' });
    expect(state.runs).toBe(2);
  });

  it('runs a read task every time and keeps no record of it', async () => {
    const { state, processor: tasks } = countingTask('read');
    const call = request('backup.create', {}, 'task-4');
    ok(await tasks.handle(call));
    ok(await tasks.handle({ ...call, id: nextId++ }));
    expect(state.runs).toBe(2);
    expect(opened.db.selectValue("SELECT count(*) FROM applied_requests WHERE request_id = 'task-4'")).toBe(0);
  });

  it('marks every task of the handler map as a read or a write', () => {
    const tasks = Object.entries(handlers).filter(([, impl]) => impl.kind === 'task');
    expect(tasks.length).toBeGreaterThan(10);
    for (const [name, impl] of tasks) expect([name, (impl as TaskImpl<'backup.create'>).effect]).toEqual([name, expect.stringMatching(/^(read|write)$/)]);
    const writes = tasks.filter(([, impl]) => (impl as TaskImpl<'backup.create'>).effect === 'write').map(([name]) => name);
    expect(writes).toEqual(expect.arrayContaining(['backup.restore', 'data.empty', 'transfer.import', 'backup.create', 'transfer.snapshot']));
  });
});

describe('request memory', () => {
  it('forgets request records older than a day, and keeps the recent ones that a retry may still need', async () => {
    ok(await processor.handle(request('catalog.save', product('Green tea', 'TEA-1'), 'request-recent')));
    opened.db.exec(
      "INSERT INTO applied_requests (request_id, handler, result, applied_at) VALUES ('request-old', 'catalog.save', 'null', '2000-01-01T00:00:00.000Z')",
    );
    expect(forgetOldRequests(opened.db, new Date())).toBe(1);
    expect(opened.db.selectValues('SELECT request_id FROM applied_requests')).toEqual(['request-recent']);
  });
});

describe('background slices give way to requests', () => {
  it('reports each read and write to the gate while it is answered (a failed one too), and no task', async () => {
    const gate = createRequestGate();
    const seen: Record<string, number> = {};
    const impls = {
      ...handlers,
      'shop.get': { kind: 'query', run: () => ((seen.query = gate.inFlight), null) },
      'catalog.save': {
        kind: 'mutation',
        changes: [],
        run: () => {
          seen.mutation = gate.inFlight;
          throw new Error('refused');
        },
      },
      'backup.list': { kind: 'task', effect: 'read', run: async () => ((seen.task = gate.inFlight), []) },
    } as unknown as HandlerMap;
    const gated = createProcessor(context, impls, gate);
    ok(await gated.handle(request('shop.get', {} as never)));
    expect((await gated.handle(request('catalog.save', product('Green tea', 'TEA-1')))).ok).toBe(false);
    ok(await gated.handle(request('backup.list', {} as never)));
    expect(seen).toEqual({ query: 1, mutation: 1, task: 0 });
    expect(gate.inFlight).toBe(0);
  });
});
