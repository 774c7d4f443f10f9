/**
 * The processor answers requests against an open database. It knows nothing of workers, `self` or the DOM,
 * so unit tests drive it directly with an in-memory database.
 *
 * Writes ("mutations") run inside one IMMEDIATE transaction together with a record of their request id: if the
 * same request arrives again (a follower re-sent it after a leader hand-over), the stored result is returned
 * and nothing is applied twice.
 */
import type { Database, PreparedStatement } from '@sqlite.org/sqlite-wasm';
import type { ArgsOf, ChangeTopic, HandlerName, Handlers, RequestMessage, ResponseMessage, ResultOf } from '../protocol';
import type { BackupService } from './backups/service';
import { explainFailure, HandlerError } from './errors';
import { storageLooksFull } from './storage-full';
import { inTransaction } from './transaction';
import type { LiveDatabase } from './live';

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
  /** Tells every tab that these topics changed (called by the processor after a mutation commits). */
  notify(topics: ChangeTopic[]): void;
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
}
/** A long operation (backup, import) that manages its own transactions and idempotency. */
export interface TaskImpl<K extends HandlerName> {
  kind: 'task';
  /** Also answered while the live database cannot be used (the recovery screen's calls). */
  recovery?: boolean;
  run(ctx: HandlerContext, args: ArgsOf<K>, requestId: string): Promise<ResultOf<K>>;
}
export type HandlerImpl<K extends HandlerName> = QueryImpl<K> | MutationImpl<K> | TaskImpl<K>;

/** A domain's handler implementations, checked against its slice of the handler map with `satisfies`. */
export type HandlerImpls<Slice extends Partial<Handlers>> = { [K in keyof Slice & HandlerName]: HandlerImpl<K> };

/** The processor's interface to its host (the leader). */
export interface Processor {
  handle(request: RequestMessage): Promise<ResponseMessage>;
  readonly context: HandlerContext;
}

/**
 * Creates a processor over `ctx.db` answering with `impls`. `impls` must cover every handler name; a request
 * for any other name is answered with `unknown-handler`.
 */
export function createProcessor(ctx: HandlerContext, impls: { [K in HandlerName]: HandlerImpl<K> }): Processor {
  // Prepared per database: after a restore the old handle (and its statements) is closed and a new one serves.
  let statements: { db: Database; findApplied: PreparedStatement; recordApplied: PreparedStatement } | null = null;
  const prepared = () => {
    const db = ctx.db;
    if (statements?.db !== db) {
      statements = {
        db,
        findApplied: db.prepare('SELECT result FROM applied_requests WHERE request_id = ?'),
        recordApplied: db.prepare('INSERT INTO applied_requests (request_id, handler, result, applied_at) VALUES (?, ?, ?, ?)'),
      };
    }
    return statements;
  };

  function runMutation<K extends HandlerName>(impl: MutationImpl<K>, request: RequestMessage<K>): ResultOf<K> {
    const { db, findApplied, recordApplied } = prepared();
    // A failed COMMIT (a full disk) keeps its own error: see `inTransaction`.
    const outcome = inTransaction(db, ctx.live?.sqlite3.capi ?? null, 'IMMEDIATE', () => {
      findApplied.bind([request.requestId]);
      const seen = findApplied.step() ? (findApplied.get(0) as string) : undefined;
      findApplied.reset(true);
      if (seen !== undefined) return { result: JSON.parse(seen) as ResultOf<K>, fresh: false };
      const result = impl.run(ctx, request.args);
      recordApplied
        .bind([request.requestId, request.name, JSON.stringify(result ?? null), new Date().toISOString()])
        .stepReset();
      return { result, fresh: true };
    });
    if (outcome.fresh) ctx.notify(impl.changes);
    return outcome.result;
  }

  return {
    context: ctx,
    async handle(request) {
      const impl = impls[request.name] as HandlerImpl<typeof request.name> | undefined;
      try {
        if (!impl) throw new HandlerError('unknown-handler', `The database does not know the call "${String(request.name)}".`);
        // Nothing touches the database while a restore swaps its file.
        while (ctx.live?.busy) await ctx.live.busy;
        const failure = ctx.live?.failure;
        if (failure && !(impl.kind !== 'mutation' && impl.recovery)) throw new HandlerError(failure.code, failure.message, failure.detail);
        let result: unknown;
        if (impl.kind === 'query') result = impl.run(ctx, request.args);
        else if (impl.kind === 'mutation') result = runMutation(impl, request);
        else result = await impl.run(ctx, request.args, request.requestId);
        return { type: 'response', id: request.id, ok: true, result };
      } catch (error) {
        // Every call's failure is explained here, so a full disk is named as such whichever write hit it.
        return { type: 'response', id: request.id, ok: false, error: await explainFailure(error, storageLooksFull) };
      }
    },
  };
}
