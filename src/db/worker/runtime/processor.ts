/**
 * The processor answers requests against an open database. It knows nothing of workers, `self` or the DOM,
 * so unit tests drive it directly with an in-memory database.
 *
 * Every write (a mutation, or a task whose effect is `write`) is applied once per client-made request id: if the
 * same request arrives again (a follower re-sent it after a leader hand-over), the stored result is returned
 * and nothing is applied twice.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ChangeDetail, ChangeTopic, RequestMessage, ResponseMessage } from '../../protocol/envelope';
import type { ArgsOf, HandlerName, Handlers, ResultOf } from '../../protocol';
import type { BackupService } from '../backups/service';
import { explainFailure, HandlerError } from './errors';
import { storageLooksFull } from '../storage/storage-full';
import { inTransaction } from './transaction';
import { approve, record as recordApproval } from './approval';
import { createRequestLedger } from './requests';
import type { LiveDatabase } from '../storage/live';
import type { StaffMember } from '../../protocol/staff';
import { signedInWith } from '../staff/sign-in';
import { requestGate as workerGate, type RequestGate } from '../storage/slices';

/** What every handler may use. */
export interface HandlerContext {
  /** The live database, read at each call: a restore replaces it. Throws while the database cannot be used. */
  readonly db: Database;
  /** The swappable live database on OPFS; null for the in-memory database of unit tests. */
  readonly live: LiveDatabase | null;
  /** The backups; null for the in-memory database of unit tests. */
  readonly backups: BackupService | null;
  /** The id of this worker, which holds the database. */
  readonly leaderId: string;
  readonly appVersion: string;
  /** The VFS's name and file, for the status page. */
  readonly vfs: string;
  readonly fileName: string;
  /**
   * Tells every tab that these topics changed (called by the processor after a mutation commits), with what a
   * view needs to patch what it shows (see `protocol/changes.ts`).
   */
  notify(topics: ChangeTopic[], detail?: ChangeDetail): void;
  /**
   * Who is signed in at the calling tab (looked up from the token the call carries, see `staff/sign-in.ts`), or
   * null; set per call. Handlers record this person, never a staff id from the arguments.
   */
  readonly signedIn?: StaffMember | null;
  /** The sign-in token the call carried (to end it when the same tab signs in as someone else). */
  readonly signInToken?: string | undefined;
}

/** A read: runs as is. */
export interface QueryImpl<K extends HandlerName> {
  kind: 'query';
  /** Also answered while the live database cannot be used (the recovery screen's calls). */
  recovery?: boolean;
  run(ctx: HandlerContext, args: ArgsOf<K>): ResultOf<K>;
}
/** A write: synchronous, so it fits in one transaction with its request record. */
export interface MutationImpl<K extends HandlerName> {
  kind: 'mutation';
  changes: ChangeTopic[];
  run(ctx: HandlerContext, args: ArgsOf<K>): ResultOf<K>;
  /**
   * What the announcement of a fresh write says beyond its topics (for a sale, its products' new stock). Runs in
   * the write's transaction, after `run`, so it reads what the write left.
   */
  detail?(ctx: HandlerContext, args: ArgsOf<K>, result: ResultOf<K>): ChangeDetail;
  /**
   * Reads the answer of an applied request back from what it wrote. When given, the request ledger records only
   * that the request was applied, not its answer (a sale's answer is its whole receipt, already in the database).
   */
  replay?(ctx: HandlerContext, args: ArgsOf<K>): ResultOf<K>;
}
/**
 * A long operation (a backup, a restore, an import) that manages its own transactions. `effect` says whether it
 * changes anything: the processor applies a `write` task once per request id, as it does a mutation.
 */
export interface TaskImpl<K extends HandlerName> {
  kind: 'task';
  effect: 'read' | 'write';
  /** Also answered while the live database cannot be used (the recovery screen's calls). */
  recovery?: boolean;
  run(ctx: HandlerContext, args: ArgsOf<K>): Promise<ResultOf<K>>;
}
export type HandlerImpl<K extends HandlerName> = QueryImpl<K> | MutationImpl<K> | TaskImpl<K>;

/** A domain's handler implementations, checked against its slice of the handler map with `satisfies`. */
export type HandlerImpls<Slice extends Partial<Handlers>> = { [K in keyof Slice & HandlerName]: HandlerImpl<K> };

/** Every handler the worker answers, by name: the type makes a missing handler a compile error. */
export type HandlerMap = { [K in HandlerName]: HandlerImpl<K> };

/** The processor's interface to its host (the leader). */
export interface Processor {
  handle(request: RequestMessage): Promise<ResponseMessage>;
  readonly context: HandlerContext;
}

/**
 * Creates a processor over `ctx.db` answering with `impls`. `impls` must cover every handler name; a request
 * for any other name is answered with `unknown-handler`.
 *
 * Every write is applied once per request id (see `requests.ts`): a mutation runs in one IMMEDIATE transaction
 * with its request record; a write task is looked up before it starts, shares its run with a copy of the same
 * request that arrives while it runs, and is recorded when it ends. No handler has to remember any of this.
 * Each read and write is reported to `gate` while it is answered, so that background slices give way to it.
 */
export function createProcessor(ctx: HandlerContext, impls: HandlerMap, gate: RequestGate = workerGate): Processor {
  const ledger = createRequestLedger();
  /** Write tasks running now, by request id: a re-sent copy waits for the same run. */
  const running = new Map<string, Promise<unknown>>();
  /** The database a write task's record goes to: the live one as it is now (null while it cannot be used). */
  const ledgerDb = (): Database | null => (ctx.live ? (ctx.live.failure ? null : ctx.live.raw) : ctx.db);

  function runMutation<K extends HandlerName>(ctx: HandlerContext, impl: MutationImpl<K>, request: RequestMessage<K>): ResultOf<K> {
    const db = ctx.db;
    // A failed COMMIT (a full disk) keeps its own error: see `inTransaction`.
    const outcome = inTransaction(db, ctx.live?.sqlite3.capi ?? null, 'IMMEDIATE', () => {
      const seen = ledger.find(db, request.requestId);
      if (seen) return { result: impl.replay ? impl.replay(ctx, request.args) : (seen.result as ResultOf<K>), fresh: false, detail: undefined };
      const result = impl.run(ctx, request.args);
      ledger.record(db, request.requestId, request.name, impl.replay ? null : result);
      return { result, fresh: true, detail: impl.detail?.(ctx, request.args, result) };
    });
    if (outcome.fresh) ctx.notify(impl.changes, outcome.detail);
    return outcome.result;
  }

  async function runWriteTask<K extends HandlerName>(ctx: HandlerContext, impl: TaskImpl<K>, request: RequestMessage<K>): Promise<ResultOf<K>> {
    const already = running.get(request.requestId);
    if (already) return (await already) as ResultOf<K>;
    const db = ledgerDb();
    const seen = db ? ledger.find(db, request.requestId) : undefined;
    if (seen) return seen.result as ResultOf<K>;
    const run = (async () => {
      const result = await impl.run(ctx, request.args);
      const after = ledgerDb();
      try {
        if (after) ledger.record(after, request.requestId, request.name, result);
      } catch (error) {
        // The task is done; failing to remember it only means a retry would run it again. Never lose the answer.
        console.warn('[tillite] could not record request', request.requestId, error);
      }
      return result;
    })();
    running.set(request.requestId, run);
    try {
      return await run;
    } finally {
      running.delete(request.requestId);
    }
  }

  return {
    context: ctx,
    async handle(request) {
      const impl = impls[request.name] as HandlerImpl<typeof request.name> | undefined;
      let answering: (() => void) | null = null;
      try {
        if (!impl) throw new HandlerError('unknown-handler', `The database does not know the call "${String(request.name)}".`);
        // Nothing touches the database while a restore swaps its file.
        while (ctx.live?.busy) await ctx.live.busy;
        // A read or a write holds background slices back until it is answered (see slices.ts); a task is long
        // work of its own, in slices too. Counted only from here: a swap's slices must not wait for a call
        // that waits for the swap.
        answering = impl.kind === 'task' ? null : gate.started();
        const failure = ctx.live?.failure;
        if (failure && !(impl.kind !== 'mutation' && impl.recovery)) throw new HandlerError(failure.code, failure.message, failure.detail);
        // The approval step (approval.ts): a call that needs a manager's or owner's PIN is refused without one.
        // Who is signed in at the calling tab: the worker's own record of the token, never an id the call names.
        const signedIn = request.signIn === undefined ? null : await signedInWith(ledgerDb(), request.signIn);
        const approved = await approve(ledgerDb, request, signedIn);
        // The context of this call: the shared one (its database read at each use) with who is signed in.
        const call: HandlerContext = Object.create(ctx, { signedIn: { value: signedIn }, signInToken: { value: request.signIn } });
        let result: unknown;
        if (impl.kind === 'query') result = impl.run(call, request.args);
        else if (impl.kind === 'mutation') result = runMutation(call, impl, request);
        else if (impl.effect === 'write') result = await runWriteTask(call, impl, request);
        else result = await impl.run(call, request.args);
        if (approved) {
          const now = ledgerDb();
          try {
            if (now) recordApproval(now, approved);
          } catch (error) {
            // The call is done; an audit entry that could not be written must not turn it into a failure.
            console.warn('[tillite] could not record the approval of', request.name, error);
          }
        }
        return { type: 'response', id: request.id, ok: true, result };
      } catch (error) {
        // Every call's failure is explained here, so a full disk is named as such whichever write hit it.
        return { type: 'response', id: request.id, ok: false, error: await explainFailure(error, storageLooksFull) };
      } finally {
        // The answer is posted in this task, right after: the quiet time counts from here.
        answering?.();
      }
    },
  };
}
