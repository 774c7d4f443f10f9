/**
 * The main thread's side of the database protocol. `send()` is the only way the UI reaches the database:
 * calls made before the worker is ready wait in a queue, and every call gets a client-made request id so that
 * a write retried by the worker layer (for example across a leader hand-over) is applied once.
 */
import { v7 as uuidv7 } from 'uuid';
import type { ChangeDetail, ChangeTopic, ErrorCode, FromWorker, RequestMessage, ToWorker, WireError, WorkerStatus } from './protocol/envelope';
import type { ArgsOf, HandlerName, ResultOf } from './protocol';
import type { Approval } from './protocol/staff';

/** A failed database call, with the worker's code and a message a person can read. */
export class DbError extends Error {
  readonly code: ErrorCode;
  readonly detail: Record<string, unknown> | undefined;
  constructor(error: WireError) {
    super(error.message);
    this.name = 'DbError';
    this.code = error.code;
    this.detail = error.detail;
  }
}

/** The part of a Worker (or a MessagePort in tests) the client needs. */
export interface PortLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: DbError) => void };

/** What a call may carry besides its arguments. */
export interface SendOptions {
  /** A manager's or owner's PIN, for a call that needs an approval. */
  approval?: Approval;
  /** The token of this tab's sign-in (see `RequestMessage.signIn`). */
  signIn?: string;
}

/** The typed client the UI uses. */
export interface DbClient {
  /** Calls a handler in the worker. Resolves with its result or rejects with a {@link DbError}. */
  send<K extends HandlerName>(name: K, args: ArgsOf<K>, options?: SendOptions): Promise<ResultOf<K>>;
  /** The worker's current status. */
  readonly status: WorkerStatus;
  /** Calls `listener` on every status change (and once now); returns an unsubscribe function. */
  onStatus(listener: (status: WorkerStatus) => void): () => void;
  /**
   * Calls `listener` when a write in any tab changed one of the topics (with what a view needs to patch itself,
   * see `protocol/changes.ts`); returns an unsubscribe function.
   */
  onChanged(listener: (topics: ChangeTopic[], detail?: ChangeDetail) => void): () => void;
  /** How many calls wait for the worker to become ready. */
  readonly queued: number;
}

/**
 * Connects to a worker that speaks the protocol. Sends `init` at once; queues calls until the worker reports
 * `ready` or `failed` (a failed worker answers each call, with its error or, in recovery, a result); rejects
 * queued and later calls if it reports `outdated`.
 */
export function createDbClient(port: PortLike, init: Extract<ToWorker, { type: 'init' }>): DbClient {
  let nextId = 1;
  let status: WorkerStatus = { state: 'starting', detail: 'Starting the database worker' };
  const pending = new Map<number, Pending>();
  const queue: RequestMessage[] = [];
  const statusListeners = new Set<(status: WorkerStatus) => void>();
  const changeListeners = new Set<(topics: ChangeTopic[], detail?: ChangeDetail) => void>();

  // A `failed` worker still answers every call (with its error, or, in recovery, the recovery calls' results),
  // so calls go through; only an `outdated` worker has stopped answering.
  const unavailable = (): WireError | null => {
    if (status.state === 'outdated') {
      return {
        code: 'version-mismatch',
        message: `Tillite was updated to version ${status.otherVersion} in another window. Reload this window to continue.`,
      };
    }
    return null;
  };

  const failQueued = (error: WireError) => {
    for (const request of queue.splice(0)) {
      pending.get(request.id)?.reject(new DbError(error));
      pending.delete(request.id);
    }
  };

  port.addEventListener('message', (event) => {
    const message = event.data;
    switch (message.type) {
      case 'response': {
        const entry = pending.get(message.id);
        if (!entry) return;
        pending.delete(message.id);
        if (message.ok) entry.resolve(message.result);
        else entry.reject(new DbError(message.error));
        return;
      }
      case 'status': {
        status = message.status;
        if (status.state === 'ready' || status.state === 'failed') {
          for (const request of queue.splice(0)) port.postMessage(request);
        } else {
          const error = unavailable();
          if (error) failQueued(error);
        }
        for (const listener of statusListeners) listener(status);
        return;
      }
      case 'changed':
        for (const listener of changeListeners) listener(message.topics, message.detail);
        return;
    }
  });
  port.postMessage(init);

  return {
    send<K extends HandlerName>(name: K, args: ArgsOf<K>, options: SendOptions = {}): Promise<ResultOf<K>> {
      const error = unavailable();
      if (error) return Promise.reject(new DbError(error));
      const request = { type: 'request', id: nextId++, requestId: uuidv7(), name, args, ...options } satisfies RequestMessage<K>;
      return new Promise<ResultOf<K>>((resolve, reject) => {
        pending.set(request.id, { resolve: resolve as (value: unknown) => void, reject });
        if (status.state === 'ready' || status.state === 'failed') port.postMessage(request);
        else queue.push(request);
      });
    },
    get status() {
      return status;
    },
    onStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => statusListeners.delete(listener);
    },
    onChanged(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    get queued() {
      return queue.length;
    },
  };
}
