/**
 * One owner across tabs. Every tab runs its own worker; the workers elect one leader with a Web Lock. Only
 * the leader opens the database; the others forward their tab's calls to it over a BroadcastChannel and
 * re-send whatever is unanswered when a new leader announces itself (a closed leader tab releases its lock,
 * and the next waiting worker takes over). Re-sent writes carry their original request id, so the processor
 * applies each once.
 *
 * Workers of different app versions never serve each other: an older leader steps down for a newer tab, and an
 * older tab is told to reload.
 *
 * The decisions live in the pure state machine of `leader-machine.ts`; this module carries out its effects and
 * answers every call of its tab within a bound (see {@link CALL_BOUNDS_MS}).
 */
import type { HandlerName } from '../../protocol';
import type { BusMessage, ChangeDetail, ChangeTopic, FromWorker, RequestMessage, ResponseMessage, WireError } from '../../protocol/envelope';
import { LOCK_NAME } from '../../protocol/envelope';
import { toWireError } from './errors';
import { initialState, routeOf, statusOf, transition, type NodeEvent, type NodeState } from './leader-machine';
import type { Processor } from './processor';

/** The part of a BroadcastChannel the node uses. */
export interface BusLike {
  postMessage(message: BusMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BusMessage>) => void): void;
}

/** The part of the Web Locks API the node uses (a fake in unit tests). */
export type LocksLike = Pick<LockManager, 'request'>;

/** What the leader gets back from opening the database. */
export interface LeaderSession {
  processor: Processor;
  /**
   * Why the database cannot be used, when it opened in recovery: the leader then reports `failed` but keeps
   * serving, and the processor answers only the recovery calls.
   */
  failure?: WireError | null;
  /** Closes the database and releases its files (used when stepping down for a newer version). */
  close(): void;
}

/** How a call is bounded: reads and writes are short; tasks (backups, exports, imports, restores) may be long. */
export type CallKind = 'query' | 'mutation' | 'task';

/**
 * The longest a call of each kind waits for its answer, in milliseconds, counted from when the tab made it: a
 * hand-over, a closing leader tab or a leader busy with a long task all fit inside; past it the call ends with
 * a readable error instead of hanging.
 */
export const CALL_BOUNDS_MS: Record<CallKind, number> = { query: 20_000, mutation: 30_000, task: 15 * 60_000 };

export interface NodeOptions {
  workerId: string;
  appVersion: string;
  /** Web Locks, or null where the browser has none. */
  locks: LocksLike | null;
  bus: BusLike;
  toUi(message: FromWorker): void;
  /** The kind of each call, for its bound (the worker knows it from the handler map). */
  kindOf(name: HandlerName): CallKind;
  /** Overrides {@link CALL_BOUNDS_MS} (unit tests). */
  bounds?: Record<CallKind, number> | undefined;
  /**
   * Opens the database, migrates it, and returns a processor. `notify` tells every tab about changes;
   * `onHealth` is called when a session in recovery becomes usable (a restore worked) or the reverse;
   * `progress` tells this tab what a long start (a migration) is doing.
   */
  open(
    notify: (topics: ChangeTopic[], detail?: ChangeDetail) => void,
    events: { onHealth: (failure: WireError | null) => void; progress: (detail: string) => void },
  ): Promise<LeaderSession>;
}

/** The running node: the worker entry hands it the UI's requests. */
export interface LeaderNode {
  request(request: RequestMessage): void;
  /** The current state (for tests and diagnostics). */
  readonly state: NodeState;
  readonly role: 'leader' | 'follower' | 'waiting';
}

/** The error a call ends with when no answer came within its bound. */
export function timedOut(kind: CallKind, ms: number): WireError {
  const seconds = Math.round(ms / 1000);
  const what = kind === 'query' ? 'Try again.' : 'It may still have been saved: check before you try again (a sale is never recorded twice).';
  return {
    code: 'unavailable',
    message: `The database did not answer within ${seconds} seconds: the window that holds it may be busy or closing. ${what}`,
  };
}

/** Starts election and forwarding for this worker. */
export function startNode(options: NodeOptions): LeaderNode {
  const { workerId, appVersion, bus, toUi } = options;
  const self = { workerId, appVersion };
  const bounds = options.bounds ?? CALL_BOUNDS_MS;
  /** Without Web Locks nobody was elected and nobody forwards: then the leader tells only its own tab. */
  const elected = options.locks !== null;
  /** Calls from this tab's UI that have no answer yet, by their id, with the timer that bounds each. */
  const outbox = new Map<number, { request: RequestMessage; timer: ReturnType<typeof setTimeout> }>();
  let state: NodeState = initialState;
  let session: LeaderSession | null = null;
  let releaseLock: (() => void) | null = null;

  const answer = (response: ResponseMessage) => {
    const entry = outbox.get(response.id);
    if (!entry) return; // already answered (a re-sent request answered twice), or timed out
    clearTimeout(entry.timer);
    outbox.delete(response.id);
    toUi(response);
  };

  const route = (request: RequestMessage) => {
    const where = routeOf(state);
    if (where.to === 'self') void session?.processor.handle(request).then(answer);
    else if (where.to === 'leader') bus.postMessage({ type: 'forward', from: workerId, to: where.leaderId, appVersion, request });
    else if (where.to === 'error') answer({ type: 'response', id: request.id, ok: false, error: where.error });
    // 'hold': it waits in the outbox until a leader announces itself; 'drop': the tab was told to reload.
  };

  const announce = () => {
    if (!elected) return;
    if (state.name === 'leading' && !state.failure) bus.postMessage({ type: 'leader', leaderId: workerId, appVersion, state: 'ready' });
    const error = state.name === 'failed' ? state.error : state.name === 'leading' ? state.failure : null;
    if (error) bus.postMessage({ type: 'leader', leaderId: workerId, appVersion, state: 'failed', error });
  };

  const notify = (topics: ChangeTopic[], detail?: ChangeDetail) => {
    toUi({ type: 'changed', topics, ...(detail && { detail }) });
    bus.postMessage({ type: 'changed', from: workerId, topics, ...(detail && { detail }) });
  };

  const open = async () => {
    try {
      const opened = await options.open(notify, {
        onHealth: (failure) => dispatch({ type: 'health', failure }),
        progress: (detail) => state.name === 'opening' && toUi({ type: 'status', status: { state: 'starting', detail } }),
      });
      if (state.name === 'retired') return opened.close(); // a newer tab asked while this one was opening
      session = opened;
      dispatch({ type: 'opened', failure: opened.failure ?? null });
    } catch (error) {
      dispatch({ type: 'open-failed', error: toWireError(error) });
    }
  };

  function dispatch(event: NodeEvent): void {
    const before = state;
    const next = transition(state, event, self);
    state = next.state;
    if (state !== before) toUi({ type: 'status', status: statusOf(state, self) });
    for (const effect of next.effects) {
      switch (effect.type) {
        case 'open':
          void open();
          break;
        case 'announce':
          announce();
          break;
        case 'ask-step-down':
          bus.postMessage({ type: 'step-down', from: workerId, appVersion });
          break;
        case 'let-go':
          session?.close();
          session = null;
          releaseLock?.();
          break;
        case 'resend':
          for (const { request } of outbox.values()) route(request);
          break;
      }
    }
  }

  bus.addEventListener('message', ({ data: message }) => {
    switch (message.type) {
      case 'who-leads':
        return dispatch({ type: 'who-leads', appVersion: message.appVersion });
      case 'leader':
        return dispatch({
          type: 'leader',
          leaderId: message.leaderId,
          appVersion: message.appVersion,
          failure: message.state === 'failed' ? message.error : null,
        });
      case 'step-down':
        return dispatch({ type: 'step-down', appVersion: message.appVersion });
      case 'forward': {
        if (message.to !== workerId || state.name === 'retired') return;
        const reply = (response: ResponseMessage) => bus.postMessage({ type: 'forwarded', to: message.from, from: workerId, response });
        if (message.appVersion !== appVersion) {
          reply({
            type: 'response',
            id: message.request.id,
            ok: false,
            error: { code: 'version-mismatch', message: 'This window runs another version of Tillite. Reload it.' },
          });
        } else if (session) {
          void session.processor.handle(message.request).then(reply);
        } else if (state.name === 'failed') {
          reply({ type: 'response', id: message.request.id, ok: false, error: state.error });
        }
        return;
      }
      case 'forwarded':
        if (message.to === workerId) answer(message.response);
        return;
      case 'changed':
        if (message.from !== workerId && state.name !== 'retired') toUi({ type: 'changed', topics: message.topics, ...(message.detail && { detail: message.detail }) });
        return;
    }
  });

  toUi({ type: 'status', status: statusOf(state, self) });
  if (options.locks) {
    options.locks
      .request(LOCK_NAME, { mode: 'exclusive' }, async () => {
        if (state.name === 'retired') return;
        dispatch({ type: 'lock-granted' });
        // Hold the lock for the life of this worker, or until a newer version asks this one to step down.
        await new Promise<void>((resolve) => (releaseLock = resolve));
      })
      // The browser refuses the lock itself (site storage blocked): open directly, which then fails or succeeds
      // with a message of its own; never wait forever.
      .catch(() => dispatch({ type: 'lock-refused' }));
    bus.postMessage({ type: 'who-leads', from: workerId, appVersion });
  } else {
    // No Web Locks: no hand-over is possible. The first window opens the database; a second one finds the
    // files held and says so plainly.
    dispatch({ type: 'no-locks' });
  }

  return {
    request(request) {
      if (state.name === 'retired') {
        toUi({
          type: 'response',
          id: request.id,
          ok: false,
          error: { code: 'version-mismatch', message: `Tillite was updated to version ${state.otherVersion} in another window. Reload this window to continue.` },
        });
        return;
      }
      const kind = options.kindOf(request.name);
      const ms = bounds[kind];
      const timer = setTimeout(() => answer({ type: 'response', id: request.id, ok: false, error: timedOut(kind, ms) }), ms);
      outbox.set(request.id, { request, timer });
      route(request);
    },
    get state() {
      return state;
    },
    get role() {
      return state.name === 'leading' || state.name === 'failed' ? 'leader' : state.name === 'following' ? 'follower' : 'waiting';
    },
  };
}
