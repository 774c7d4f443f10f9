/**
 * Several tabs' workers in one process, for the leader's unit tests: an in-memory BroadcastChannel, a fake Web
 * Lock manager with the browser's rules (one holder, FIFO, released when the holder's tab dies), and a shared
 * "database" whose processor applies each request id once, as the real one does inside its transaction.
 */
import type { BusMessage, FromWorker, RequestMessage, ResponseMessage, WireError } from '../../protocol/envelope';
import { startNode, type BusLike, type CallKind, type LeaderNode, type LeaderSession, type LocksLike } from '../runtime/leader';

/** Lets every queued message and timer of the fakes run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The database all tabs share: which request ids were applied, by whom, and how often each arrived. */
export class SharedStore {
  readonly applied = new Map<string, { by: string; arrivals: number }>();
  /** How long (in settle rounds) the processor takes per request; 0 answers at once. */
  delayRounds = 0;
}

/** One tab: its worker's node and what its UI has been told. */
export interface FakeTab {
  id: string;
  node: LeaderNode;
  statuses: FromWorker[];
  responses: ResponseMessage[];
  /** Sends a call as the tab's UI would; resolves with its response. */
  call(name?: RequestMessage['name'], requestId?: string): Promise<ResponseMessage>;
  /** Kills the tab: its lock is released, it hears and says nothing more, its answers in flight are lost. */
  kill(): void;
  readonly lastStatus: FromWorker | undefined;
}

/** Options for a tab. */
export interface TabOptions {
  appVersion?: string;
  /** The session opens in recovery with this failure. */
  failure?: WireError | null;
  /** Opening throws this. */
  openError?: Error;
  /** Opening never finishes (a migration that hangs). */
  openHangs?: boolean;
  bounds?: Record<CallKind, number>;
}

/** A browser with one BroadcastChannel and one lock manager, and the tabs opened in it. */
export class FakeBrowser {
  private readonly listeners = new Map<string, (event: MessageEvent<BusMessage>) => void>();
  private readonly lockQueue: { tab: string; grant: () => void }[] = [];
  private lockHolder: { tab: string; release: () => void } | null = null;
  private readonly dead = new Set<string>();
  private nextRequest = 1;
  readonly store = new SharedStore();
  /** Every bus message, in order (for tests that count announcements). */
  readonly busLog: BusMessage[] = [];

  private busFor(tab: string): BusLike {
    return {
      postMessage: (message) => {
        if (this.dead.has(tab)) return;
        this.busLog.push(message);
        const copy = structuredClone(message);
        for (const [other, listener] of this.listeners) {
          if (other === tab) continue; // a BroadcastChannel does not deliver to its sender
          setTimeout(() => !this.dead.has(other) && listener({ data: copy } as MessageEvent<BusMessage>), 0);
        }
      },
      addEventListener: (_type, listener) => this.listeners.set(tab, listener),
    };
  }

  private locksFor(tab: string): LocksLike {
    const request = (async (_name: string, _options: LockOptions, callback: (lock: Lock | null) => Promise<unknown>) => {
      await new Promise<void>((grant) => {
        this.lockQueue.push({ tab, grant });
        this.pump();
      });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      this.lockHolder = { tab, release };
      // The lock is held until the callback's promise settles, or the tab dies.
      void Promise.race([callback({ name: 'tillite-db', mode: 'exclusive' } as Lock), released]).finally(() => {
        if (this.lockHolder?.tab === tab) this.lockHolder = null;
        this.pump();
      });
      return released;
    }) as unknown as LocksLike['request'];
    return { request };
  }

  private pump(): void {
    if (this.lockHolder) return;
    const next = this.lockQueue.shift();
    if (next) {
      this.lockHolder = { tab: next.tab, release: () => undefined };
      next.grant();
    }
  }

  /** Opens a tab whose worker starts at once. */
  open(id: string, options: TabOptions = {}): FakeTab {
    const statuses: FromWorker[] = [];
    const responses: ResponseMessage[] = [];
    const waiting = new Map<number, (response: ResponseMessage) => void>();
    const store = this.store;
    const isDead = () => this.dead.has(id);
    const session = (): LeaderSession => ({
      failure: options.failure ?? null,
      close: () => undefined,
      processor: {
        context: {} as LeaderSession['processor']['context'],
        async handle(request) {
          for (let i = 0; i < store.delayRounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
          // A dead tab's worker never finishes: its answer is lost and nothing it did after dying is applied.
          if (isDead()) return new Promise<ResponseMessage>(() => undefined);
          const seen = store.applied.get(request.requestId);
          // Applied the first time only, as the processor does with its record of request ids.
          if (seen) seen.arrivals++;
          else store.applied.set(request.requestId, { by: id, arrivals: 1 });
          return { type: 'response', id: request.id, ok: true, result: { appliedBy: store.applied.get(request.requestId)!.by } };
        },
      },
    });
    const node = startNode({
      workerId: id,
      appVersion: options.appVersion ?? '1.0.0',
      locks: this.locksFor(id),
      bus: this.busFor(id),
      kindOf: () => 'mutation',
      bounds: options.bounds,
      toUi: (message) => {
        if (isDead()) return;
        if (message.type === 'response') {
          responses.push(message);
          waiting.get(message.id)?.(message);
          waiting.delete(message.id);
        } else statuses.push(message);
      },
      open: async () => {
        if (options.openHangs) return new Promise<LeaderSession>(() => undefined);
        await settle(2);
        if (options.openError) throw options.openError;
        return session();
      },
    });
    return {
      id,
      node,
      statuses,
      responses,
      call: (name = 'sales.commit', requestId = crypto.randomUUID()) =>
        new Promise<ResponseMessage>((resolve) => {
          const request = { type: 'request', id: this.nextRequest++, requestId, name, args: {} } as RequestMessage;
          waiting.set(request.id, resolve);
          node.request(request);
        }),
      kill: () => {
        this.dead.add(id);
        this.listeners.delete(id);
        const queued = this.lockQueue.findIndex((entry) => entry.tab === id);
        if (queued >= 0) this.lockQueue.splice(queued, 1);
        if (this.lockHolder?.tab === id) {
          this.lockHolder.release();
          this.lockHolder = null;
          this.pump();
        }
      },
      get lastStatus() {
        return statuses.filter((s) => s.type === 'status').at(-1);
      },
    };
  }
}
