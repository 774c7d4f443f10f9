import { describe, expect, it } from 'vitest';
import type { FromWorker, ResponseMessage } from '../../protocol/envelope';
import { initialState, routeOf, transition, type NodeState } from './leader-machine';
import { FakeBrowser, settle } from '../testing/fake-tabs';

const me = { workerId: 'me', appVersion: '1.0.0' };
const status = (message: FromWorker | undefined) => (message?.type === 'status' ? message.status : undefined);
const ok = (response: ResponseMessage) => {
  if (!response.ok) throw new Error(response.error.message);
  return response.result as { appliedBy: string };
};

describe('the transition function', () => {
  it('goes waiting → opening → leading, announcing and re-sending once open', () => {
    const opening = transition(initialState, { type: 'lock-granted' }, me);
    expect(opening).toEqual({ state: { name: 'opening' }, effects: [{ type: 'open' }] });
    const leading = transition(opening.state, { type: 'opened', failure: null }, me);
    expect(leading.state).toEqual({ name: 'leading', failure: null });
    expect(leading.effects).toEqual([{ type: 'announce' }, { type: 'resend' }]);
    expect(routeOf(leading.state)).toEqual({ to: 'self' });
  });

  it('follows a leader of the same version and re-sends to it; asks an older one to step down; retires for a newer one', () => {
    const follow = transition(initialState, { type: 'leader', leaderId: 'x', appVersion: '1.0.0', failure: null }, me);
    expect(follow.state).toEqual({ name: 'following', leaderId: 'x', failure: null });
    expect(follow.effects).toEqual([{ type: 'resend' }]);
    expect(routeOf(follow.state)).toEqual({ to: 'leader', leaderId: 'x' });

    const older = transition(initialState, { type: 'leader', leaderId: 'x', appVersion: '0.9.0', failure: null }, me);
    expect(older).toEqual({ state: initialState, effects: [{ type: 'ask-step-down' }] });

    const newer = transition(follow.state, { type: 'leader', leaderId: 'y', appVersion: '1.1.0', failure: null }, me);
    expect(newer).toEqual({ state: { name: 'retired', otherVersion: '1.1.0' }, effects: [{ type: 'let-go' }] });
    expect(routeOf(newer.state)).toEqual({ to: 'drop' });
  });

  it('a worker holding the database ignores other announcements, and a retired one ignores everything', () => {
    const leading: NodeState = { name: 'leading', failure: null };
    expect(transition(leading, { type: 'leader', leaderId: 'x', appVersion: '1.0.0', failure: null }, me).state).toBe(leading);
    expect(transition({ name: 'opening' }, { type: 'leader', leaderId: 'x', appVersion: '1.0.0', failure: null }, me).state).toEqual({ name: 'opening' });
    const retired: NodeState = { name: 'retired', otherVersion: '2.0.0' };
    for (const event of [{ type: 'lock-granted' }, { type: 'opened', failure: null }, { type: 'who-leads', appVersion: '3.0.0' }] as const) {
      expect(transition(retired, event, me)).toEqual({ state: retired, effects: [] });
    }
  });

  it('a leader steps down only for a newer version, and answers an equal one with an announcement', () => {
    const leading: NodeState = { name: 'leading', failure: null };
    expect(transition(leading, { type: 'step-down', appVersion: '1.0.0' }, me).state).toBe(leading);
    expect(transition(leading, { type: 'who-leads', appVersion: '1.0.0' }, me).effects).toEqual([{ type: 'announce' }]);
    expect(transition(leading, { type: 'step-down', appVersion: '1.0.1' }, me).state).toEqual({ name: 'retired', otherVersion: '1.0.1' });
  });

  it('a failed open answers every call with its error; a refused lock opens only a worker that was waiting', () => {
    const error = { code: 'storage-unavailable' as const, message: 'No storage' };
    const failed = transition({ name: 'opening' }, { type: 'open-failed', error }, me);
    expect(routeOf(failed.state)).toEqual({ to: 'error', error });
    expect(transition(initialState, { type: 'lock-refused' }, me).effects).toEqual([{ type: 'open' }]);
    expect(transition({ name: 'opening' }, { type: 'lock-refused' }, me).effects).toEqual([]);
  });
});

describe('several tabs over one bus and one lock manager', () => {
  it('elects one leader; the others follow and their calls are answered by it', async () => {
    const browser = new FakeBrowser();
    const a = browser.open('a');
    await settle();
    const b = browser.open('b');
    const c = browser.open('c');
    await settle();
    expect([a.node.state.name, b.node.state.name, c.node.state.name]).toEqual(['leading', 'following', 'following']);
    expect(status(b.lastStatus)).toEqual({ state: 'ready', role: 'follower', leaderId: 'a', workerId: 'b' });
    expect(ok(await c.call()).appliedBy).toBe('a');
  });

  it('hands over when the leader closes: the next tab in line leads, and the third follows it', async () => {
    const browser = new FakeBrowser();
    const a = browser.open('a');
    await settle();
    const b = browser.open('b');
    await settle();
    const c = browser.open('c');
    await settle();
    a.kill();
    await settle();
    expect(b.node.state.name).toBe('leading');
    expect(c.node.state).toEqual({ name: 'following', leaderId: 'b', failure: null });
    expect(ok(await c.call()).appliedBy).toBe('b');
  });

  it('a leader that dies with requests in flight: every one is re-sent, applied once and answered once', async () => {
    const browser = new FakeBrowser();
    const a = browser.open('a');
    await settle();
    const b = browser.open('b');
    const c = browser.open('c');
    await settle();
    browser.store.delayRounds = 5; // the leader is slow: the calls are still in flight when it dies
    const calls = [...Array.from({ length: 5 }, () => b.call()), ...Array.from({ length: 5 }, () => c.call())];
    await settle(2);
    a.kill();
    const answers = await Promise.all(calls);
    expect(answers.map((r) => r.ok)).toEqual(Array(10).fill(true));
    expect(browser.store.applied.size).toBe(10);
    // Each tab's UI got exactly one answer per call, however often the call was re-sent.
    expect(b.responses).toHaveLength(5);
    expect(c.responses).toHaveLength(5);
    const survivor = b.node.state.name === 'leading' ? 'b' : 'c';
    expect(answers.every((r) => ok(r).appliedBy === survivor)).toBe(true);
  });

  it('a call re-sent after a second announcement is answered once and applied once', async () => {
    const browser = new FakeBrowser();
    const a = browser.open('a');
    await settle();
    const b = browser.open('b');
    await settle();
    browser.store.delayRounds = 4;
    const pending = b.call('sales.commit', 'the-sale');
    browser.open('c'); // its who-leads makes the leader announce again, and b re-sends what is unanswered
    const response = await pending;
    await settle();
    expect(ok(response).appliedBy).toBe('a');
    expect(b.responses).toHaveLength(1);
    expect(browser.store.applied.get('the-sale')?.arrivals).toBeGreaterThanOrEqual(2);
  });

  it('an older leader steps down for a newer tab, which leads; the older tab is told to reload', async () => {
    const browser = new FakeBrowser();
    const old = browser.open('old', { appVersion: '1.0.0' });
    const oldFollower = browser.open('old-follower', { appVersion: '1.0.0' });
    await settle();
    const fresh = browser.open('new', { appVersion: '1.1.0' });
    await settle(40);
    expect(fresh.node.state.name).toBe('leading');
    expect(old.node.state).toEqual({ name: 'retired', otherVersion: '1.1.0' });
    expect(status(old.lastStatus)).toEqual({ state: 'outdated', otherVersion: '1.1.0' });
    expect(oldFollower.node.state.name).toBe('retired');
    const refused = await old.call();
    expect(refused.ok ? null : refused.error.code).toBe('version-mismatch');
    expect(ok(await fresh.call()).appliedBy).toBe('new');
  });

  it('a leader in recovery keeps its followers, who show the failure and still reach it; a good restore makes them ready', async () => {
    const browser = new FakeBrowser();
    const damaged = { code: 'damaged' as const, message: 'The database is damaged.' };
    const a = browser.open('a', { failure: damaged });
    await settle();
    const b = browser.open('b');
    await settle();
    expect(b.node.state).toEqual({ name: 'following', leaderId: 'a', failure: damaged });
    expect(status(b.lastStatus)).toEqual({ state: 'failed', error: damaged });
    // The recovery screen's calls go through to the leader (whose processor decides what it answers).
    expect(ok(await b.call('recovery.newestBackup' as never)).appliedBy).toBe('a');
  });

  it('a tab that opens while the leader has failed to open is told why, not left waiting', async () => {
    const browser = new FakeBrowser();
    const a = browser.open('a', { openError: new Error('The storage is blocked') });
    await settle();
    const b = browser.open('b');
    await settle();
    expect(a.node.state.name).toBe('failed');
    expect(status(b.lastStatus)?.state).toBe('failed');
    const answer = await b.call();
    expect(answer.ok ? '' : answer.error.message).toContain('The storage is blocked');
  });

  it('every call ends within its bound: with no leader able to answer, it ends with a readable error', async () => {
    const browser = new FakeBrowser();
    const bounds = { query: 30, mutation: 30, task: 30 };
    const a = browser.open('a', { openHangs: true, bounds });
    await settle();
    const answer = await a.call();
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error.code).toBe('unavailable');
    expect(answer.ok ? '' : answer.error.message).toMatch(/did not answer within .* check before you try again/);
    expect(a.responses).toHaveLength(1);
  });
});
