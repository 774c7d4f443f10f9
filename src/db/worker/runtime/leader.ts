/**
 * One owner across tabs. Every tab runs its own worker; the workers elect one leader with a Web Lock. Only
 * the leader opens the database; the others forward their tab's calls to it over a BroadcastChannel and
 * re-send whatever is unanswered when a new leader announces itself (a closed leader tab releases its lock,
 * and the next waiting worker takes over). Re-sent writes carry their original request id, so the processor
 * applies each once.
 *
 * Workers of different app versions never serve each other: an older leader steps down for a newer tab, and an
 * older tab is told to reload.
 */
import type { BusMessage, ChangeTopic, FromWorker, RequestMessage, ResponseMessage, WireError, WorkerStatus } from '../../protocol/envelope';
import { LOCK_NAME } from '../../protocol/envelope';
import { toWireError } from './errors';
import type { Processor } from './processor';
import { compareVersions } from '../../../lib/version';

/** The part of a BroadcastChannel the node uses. */
export interface BusLike {
  postMessage(message: BusMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BusMessage>) => void): void;
}

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

export interface NodeOptions {
  workerId: string;
  appVersion: string;
  /** Web Locks, or null where the browser has none. */
  locks: LockManager | null;
  bus: BusLike;
  toUi(message: FromWorker): void;
  /**
   * Opens the database, migrates it, and returns a processor. `notify` tells every tab about changes;
   * `onHealth` is called when a session in recovery becomes usable (a restore worked) or the reverse;
   * `progress` tells this tab what a long start (a migration) is doing.
   */
  open(
    notify: (topics: ChangeTopic[]) => void,
    events: { onHealth: (failure: WireError | null) => void; progress: (detail: string) => void },
  ): Promise<LeaderSession>;
}

/** The running node: the worker entry hands it the UI's requests. */
export interface LeaderNode {
  request(request: RequestMessage): void;
  readonly role: 'leader' | 'follower' | 'waiting';
}

/** Starts election and forwarding for this worker. */
export function startNode(options: NodeOptions): LeaderNode {
  const { workerId, appVersion, bus, toUi } = options;
  /** Requests from this tab's UI that have no answer yet, by their id. */
  const outbox = new Map<number, RequestMessage>();
  let session: LeaderSession | null = null;
  let leaderId: string | null = null;
  let role: LeaderNode['role'] = 'waiting';
  let failed: WireError | null = null;
  let retired = false;
  let releaseLock: (() => void) | null = null;

  const setStatus = (status: WorkerStatus) => toUi({ type: 'status', status });

  const notify = (topics: ChangeTopic[]) => {
    toUi({ type: 'changed', topics });
    bus.postMessage({ type: 'changed', from: workerId, topics });
  };

  const answer = (response: ResponseMessage) => {
    if (!outbox.delete(response.id)) return; // already answered (a re-sent request answered twice)
    toUi(response);
  };

  const route = (request: RequestMessage) => {
    if (retired) return;
    // A session in recovery still answers (its processor refuses all but the recovery calls), and so does a
    // leader in recovery for its followers.
    if (session) {
      void session.processor.handle(request).then(answer);
    } else if (leaderId) {
      bus.postMessage({ type: 'forward', from: workerId, to: leaderId, appVersion, request });
    } else if (failed) {
      answer({ type: 'response', id: request.id, ok: false, error: failed });
    }
    // Otherwise it waits in the outbox until a leader announces itself.
  };

  const retire = (otherVersion: string) => {
    if (retired) return;
    retired = true;
    session?.close();
    session = null;
    releaseLock?.();
    setStatus({ state: 'outdated', otherVersion });
  };

  /** Without Web Locks nobody was elected and nobody forwards: then the leader tells only its own tab. */
  const elected = options.locks !== null;

  const announce = () => {
    if (failed) {
      if (elected) bus.postMessage({ type: 'leader', leaderId: workerId, appVersion, state: 'failed', error: failed });
      setStatus({ state: 'failed', error: failed });
    } else {
      if (elected) bus.postMessage({ type: 'leader', leaderId: workerId, appVersion, state: 'ready' });
      setStatus({ state: 'ready', role: 'leader', leaderId: workerId, workerId });
    }
  };

  const onHealth = (failure: WireError | null) => {
    if (!session || retired) return;
    failed = failure;
    announce();
  };

  const lead = async (): Promise<void> => {
    role = 'leader';
    setStatus({ state: 'starting', detail: 'Opening the database' });
    try {
      session = await options.open(notify, { onHealth, progress: (detail) => setStatus({ state: 'starting', detail }) });
    } catch (error) {
      failed = toWireError(error);
      setStatus({ state: 'failed', error: failed });
      if (elected) bus.postMessage({ type: 'leader', leaderId: workerId, appVersion, state: 'failed', error: failed });
      for (const request of outbox.values()) route(request);
      return;
    }
    leaderId = workerId;
    failed = session.failure ?? null;
    announce();
    for (const request of outbox.values()) route(request);
  };

  bus.addEventListener('message', ({ data: message }) => {
    if (retired) return;
    switch (message.type) {
      case 'who-leads':
        if (leaderId !== workerId) return;
        // A newer tab is starting: let go of the database so that it can open (and migrate) it.
        if (compareVersions(message.appVersion, appVersion) > 0) return retire(message.appVersion);
        if (failed) bus.postMessage({ type: 'leader', leaderId: workerId, appVersion, state: 'failed', error: failed });
        else if (session) bus.postMessage({ type: 'leader', leaderId: workerId, appVersion, state: 'ready' });
        return;
      case 'leader': {
        // Only the lock holder announces; a worker that holds the database itself needs no other leader.
        if (message.leaderId === workerId || session) return;
        const order = compareVersions(message.appVersion, appVersion);
        if (order > 0) return retire(message.appVersion);
        if (order < 0) {
          // An older leader: ask it to let go; this worker's lock request then succeeds.
          bus.postMessage({ type: 'step-down', from: workerId, appVersion });
          return;
        }
        if (message.state === 'failed') {
          // Keep the leader: in recovery it still answers the recovery calls forwarded to it.
          leaderId = message.leaderId;
          role = 'follower';
          failed = message.error;
          setStatus({ state: 'failed', error: message.error });
          for (const request of outbox.values()) route(request);
          return;
        }
        leaderId = message.leaderId;
        role = 'follower';
        failed = null;
        setStatus({ state: 'ready', role: 'follower', leaderId: message.leaderId, workerId });
        for (const request of outbox.values()) route(request);
        return;
      }
      case 'step-down':
        if (session && compareVersions(message.appVersion, appVersion) > 0) retire(message.appVersion);
        return;
      case 'forward': {
        if (message.to !== workerId) return;
        const reply = (response: ResponseMessage) =>
          bus.postMessage({ type: 'forwarded', to: message.from, from: workerId, response });
        if (message.appVersion !== appVersion) {
          reply({
            type: 'response',
            id: message.request.id,
            ok: false,
            error: { code: 'version-mismatch', message: 'This window runs another version of Tillite. Reload it.' },
          });
        } else if (session) {
          void session.processor.handle(message.request).then(reply);
        } else if (failed) {
          reply({ type: 'response', id: message.request.id, ok: false, error: failed });
        }
        return;
      }
      case 'forwarded':
        if (message.to === workerId) answer(message.response);
        return;
      case 'changed':
        if (message.from !== workerId) toUi({ type: 'changed', topics: message.topics });
        return;
    }
  });

  if (options.locks) {
    setStatus({ state: 'starting', detail: 'Looking for the window that holds the database' });
    options.locks
      .request(LOCK_NAME, { mode: 'exclusive' }, async () => {
        if (retired) return;
        await lead();
        // Hold the lock for the life of this worker, or until a newer version asks us to step down.
        await new Promise<void>((resolve) => (releaseLock = resolve));
      })
      // The browser refuses the lock itself (site storage blocked): open directly, which then fails or succeeds
      // with a message of its own; never wait forever.
      .catch(() => (role === 'waiting' ? lead() : undefined));
    bus.postMessage({ type: 'who-leads', from: workerId, appVersion });
  } else {
    // No Web Locks: no hand-over is possible. The first window opens the database; a second one finds the
    // files held and says so plainly.
    void lead();
  }

  return {
    request(request) {
      outbox.set(request.id, request);
      route(request);
    },
    get role() {
      return role;
    },
  };
}
