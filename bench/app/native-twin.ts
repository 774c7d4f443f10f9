/**
 * The native twin's entry, bundled for Node by `bench/run.mjs`: the same generator, sale commit and lookups as
 * the worker runs, over better-sqlite3 (native SQLite) through a thin adapter that speaks the part of
 * sqlite-wasm's `oo1.DB` API the app's handlers use. So both sides run the same handler code and statements;
 * only the engine underneath differs. The adapter prepares a statement per `exec`/`select*` call, as oo1 does.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { HandlerContext } from '../../src/db/worker/runtime/processor';
import { generateShop, type ShopSize } from './shop-data';
import { benchProcessor, lookupInputs, makeSales, timeCommits, timeLookups, timeReportYear, validateImported } from './workloads';

/** The part of a better-sqlite3 statement the adapter uses. */
interface NativeStatement {
  reader: boolean;
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  raw(on?: boolean): NativeStatement;
  pluck(on?: boolean): NativeStatement;
}

/** The part of a better-sqlite3 database the adapter uses. */
export interface NativeDatabase {
  prepare(sql: string): NativeStatement;
  exec(sql: string): unknown;
  transaction(fn: () => unknown): { (): unknown; immediate(): unknown; deferred(): unknown };
}

type Bind = unknown[] | undefined;
const params = (bind: Bind) => bind ?? [];

/** A prepared statement with oo1's bind/step/get/reset life cycle. */
function statement(native: NativeDatabase, sql: string) {
  const stmt = native.prepare(sql);
  let bound: unknown[] = [];
  let row: Record<string, unknown> | undefined;
  const self = {
    bind(values: unknown[]) {
      bound = values;
      return self;
    },
    step() {
      row = stmt.reader ? (stmt.get(...bound) as Record<string, unknown> | undefined) : (stmt.run(...bound), undefined);
      return row !== undefined;
    },
    get(index: number | Record<string, never>) {
      if (!row) return undefined;
      return typeof index === 'number' ? Object.values(row)[index] : { ...row };
    },
    reset() {
      row = undefined;
      return self;
    },
    resetNoThrow() {
      row = undefined;
      return 0;
    },
    stepReset() {
      self.step();
      return self.reset();
    },
    finalize() {
      row = undefined;
    },
  };
  return self;
}

/** better-sqlite3 dressed as the subset of oo1.DB that the handlers, the generator and the workloads call. */
export function asOo1(native: NativeDatabase): Database {
  const db = {
    exec(arg: string | { sql: string; bind?: unknown[] }) {
      if (typeof arg === 'string') native.exec(arg);
      else {
        const stmt = native.prepare(arg.sql);
        if (stmt.reader) stmt.all(...params(arg.bind));
        else stmt.run(...params(arg.bind));
      }
      return db;
    },
    prepare: (sql: string) => statement(native, sql),
    selectValue: (sql: string, bind?: unknown[]) => {
      const value = native.prepare(sql).pluck().get(...params(bind));
      return value === null ? null : value;
    },
    selectValues: (sql: string, bind?: unknown[]) => native.prepare(sql).pluck().all(...params(bind)),
    selectObject: (sql: string, bind?: unknown[]) => native.prepare(sql).get(...params(bind)),
    selectObjects: (sql: string, bind?: unknown[]) => native.prepare(sql).all(...params(bind)),
    transaction(qualifierOrFn: string | ((db: unknown) => unknown), maybeFn?: (db: unknown) => unknown) {
      const fn = typeof qualifierOrFn === 'function' ? qualifierOrFn : (maybeFn as (db: unknown) => unknown);
      const tx = native.transaction(() => fn(db));
      return qualifierOrFn === 'IMMEDIATE' ? tx.immediate() : tx.deferred();
    },
  };
  return db as unknown as Database;
}

/** The context the processor gets on the native side (no pool, no other tabs). */
function nativeContext(db: Database, fileName: string): HandlerContext {
  return { db, leaderId: 'native', appVersion: 'bench', vfs: 'native', fileName, live: null, backups: null, notify: () => undefined };
}

const now = () => performance.now();

/** The twin's workloads over one open better-sqlite3 database. */
export function nativeTwin(native: NativeDatabase, fileName: string) {
  const db = asOo1(native);
  const ctx = nativeContext(db, fileName);
  return {
    generate: (size: ShopSize) => generateShop(db, size),
    commits: (count: number, seed: number, gapMs = 0) => timeCommits(benchProcessor(ctx), makeSales(db, count, seed), now, gapMs),
    lookups: (count: number, searches: number, seed: number) => timeLookups(benchProcessor(ctx), lookupInputs(db, count, searches, seed), now),
    reportYear: (runs: number) => timeReportYear(benchProcessor(ctx), db, runs, now),
    validate: () => validateImported(db),
  };
}
