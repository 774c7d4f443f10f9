import { describe, expect, it } from 'vitest';
import { createDbClient, DbError, type PortLike } from './client';
import type { FromWorker, RequestMessage, ToWorker } from './protocol/envelope';

/** A worker stand-in over a real MessageChannel: records what the client posts and answers on demand. */
function fakeWorker() {
  const channel = new MessageChannel();
  const received: ToWorker[] = [];
  channel.port2.onmessage = (event: MessageEvent<ToWorker>) => received.push(event.data);
  const port: PortLike = {
    postMessage: (message) => channel.port1.postMessage(message),
    addEventListener: (type, listener) => channel.port1.addEventListener(type, listener as (event: MessageEvent) => void),
  };
  channel.port1.start();
  const send = (message: FromWorker) => channel.port2.postMessage(message);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
  return { port, received, send, settle, close: () => channel.port1.close() };
}

const init = { type: 'init', appVersion: '1.0.0', features: { locks: true } } as const;

describe('db client', () => {
  it('queues calls until the worker is ready, then sends them in order', async () => {
    const worker = fakeWorker();
    const client = createDbClient(worker.port, init);
    const first = client.send('system.ping', { at: 1 });
    const second = client.send('sales.list', { limit: 5 });
    await worker.settle();
    expect(worker.received.map((m) => m.type)).toEqual(['init']);
    expect(client.queued).toBe(2);

    worker.send({ type: 'status', status: { state: 'ready', role: 'leader', leaderId: 'w', workerId: 'w' } });
    await worker.settle();
    const requests = worker.received.filter((m): m is RequestMessage => m.type === 'request');
    expect(requests.map((r) => r.name)).toEqual(['system.ping', 'sales.list']);
    expect(client.queued).toBe(0);

    worker.send({ type: 'response', id: requests[1]!.id, ok: true, result: { total: 0, entries: [] } });
    worker.send({ type: 'response', id: requests[0]!.id, ok: true, result: { at: 1, leaderId: 'w' } });
    await expect(first).resolves.toEqual({ at: 1, leaderId: 'w' });
    await expect(second).resolves.toEqual({ total: 0, entries: [] });
    worker.close();
  });

  it('gives every call its own request id (UUIDv7) so that retries can be recognised', async () => {
    const worker = fakeWorker();
    const client = createDbClient(worker.port, init);
    worker.send({ type: 'status', status: { state: 'ready', role: 'leader', leaderId: 'w', workerId: 'w' } });
    await worker.settle();
    void client.send('system.ping', { at: 1 });
    void client.send('system.ping', { at: 2 });
    await worker.settle();
    const ids = worker.received.filter((m): m is RequestMessage => m.type === 'request').map((r) => r.requestId);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    worker.close();
  });

  it('rejects with a typed error a person can read', async () => {
    const worker = fakeWorker();
    const client = createDbClient(worker.port, init);
    worker.send({ type: 'status', status: { state: 'ready', role: 'leader', leaderId: 'w', workerId: 'w' } });
    await worker.settle();
    const call = client.send('shop.get', {});
    await worker.settle();
    const request = worker.received.find((m): m is RequestMessage => m.type === 'request')!;
    worker.send({ type: 'response', id: request.id, ok: false, error: { code: 'quota', message: 'The device is full.' } });
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbError);
    expect(error).toMatchObject({ code: 'quota', message: 'The device is full.' });
    worker.close();
  });

  it('passes calls to a failed worker, which answers each with its error (recovery calls still work)', async () => {
    const worker = fakeWorker();
    const client = createDbClient(worker.port, init);
    const queued = client.send('system.info', {});
    worker.send({
      type: 'status',
      status: { state: 'failed', error: { code: 'damaged', message: 'The database is damaged.', detail: { recoverable: true } } },
    });
    await worker.settle();
    const later = client.send('backup.list', {});
    await worker.settle();
    const requests = worker.received.filter((m): m is RequestMessage => m.type === 'request');
    expect(requests.map((r) => r.name)).toEqual(['system.info', 'backup.list']);
    worker.send({ type: 'response', id: requests[0]!.id, ok: false, error: { code: 'damaged', message: 'The database is damaged.' } });
    worker.send({ type: 'response', id: requests[1]!.id, ok: true, result: { backups: [] } });
    await expect(queued).rejects.toMatchObject({ code: 'damaged', message: 'The database is damaged.' });
    await expect(later).resolves.toEqual({ backups: [] });
    worker.close();
  });

  it('refuses calls from a tab that another tab has outdated', async () => {
    const worker = fakeWorker();
    const client = createDbClient(worker.port, init);
    const statuses: string[] = [];
    client.onStatus((s) => statuses.push(s.state));
    worker.send({ type: 'status', status: { state: 'outdated', otherVersion: '2.0.0' } });
    await worker.settle();
    expect(statuses).toEqual(['starting', 'outdated']);
    await expect(client.send('system.info', {})).rejects.toMatchObject({ code: 'version-mismatch' });
    worker.close();
  });

  it('tells listeners which topics changed', async () => {
    const worker = fakeWorker();
    const client = createDbClient(worker.port, init);
    const seen: string[][] = [];
    client.onChanged((topics) => seen.push(topics));
    worker.send({ type: 'changed', topics: ['sales'] });
    await worker.settle();
    expect(seen).toEqual([['sales']]);
    worker.close();
  });
});
