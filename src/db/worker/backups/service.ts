/**
 * The backups: taken, catalogued, logged, pruned, verified again, deleted, and reconciled with the files.
 * One operation at a time (`serial`): a backup, a verification, a restore and an empty never overlap.
 * Every attempt, good or bad, is written to the backup log; a failed backup leaves a warning that stays until a
 * later backup succeeds (see `status`).
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { BackupKind, BackupLogEntry, BackupRecord, BackupStatus } from '../../protocol/backups';
import type { ChangeTopic } from '../../protocol/envelope';
import { HandlerError, toWireError } from '../runtime/errors';
import type { LiveDatabase } from '../storage/live';
import { type MigrateHooks } from '../schema/runner';
import { schemaVersionOf } from '../schema/version';
import { snapshotFileName } from './file-names';
import { takeSnapshot } from './snapshot';
import { backupDirectory, readFile } from '../storage/opfs-files';
import type { BackupStore } from './store';
import { checkBackupBytes, listBackupFiles, parseBackupName, readFacts } from './inspect';
import { backupsToPrune } from './retention';
import { DEFAULT_INTERVAL_HOURS, MAX_INTERVAL_HOURS, MIN_INTERVAL_HOURS, nextScheduledAt } from './schedule';

export interface BackupServiceOptions {
  live: LiveDatabase;
  store: BackupStore;
  appVersion: string;
  notify(topics: ChangeTopic[]): void;
  /** The shop's time zone for the retention rule; the device's by default. */
  timeZone?: string;
}

/** What one backup is asked to be. */
export interface SnapshotRequest {
  description?: string | null;
  /** The backup's time; the scheduler passes its clock's. */
  at?: Date;
  /** The `v{schema}` part of the name when it is not the current version (e.g. "1-to-v2"). */
  schemaLabel?: string;
  /** The database to copy when it is not `live.db` (a file being migrated, or one the recovery screen replaces). */
  db?: Database;
}

const messageOf = (error: unknown) => toWireError(error).message;

/** Creates the backup service over the live database and the store. */
export function createBackupService(options: BackupServiceOptions) {
  const { live, store, appVersion, notify } = options;
  // Resolved when first pruning, not at start: the worker's first use of Intl loads its data (tens of ms, measured
  // on the start path before the first answer).
  let timeZone = options.timeZone;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `fn` after every operation queued before it. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  }

  async function log(entry: Omit<BackupLogEntry, 'id' | 'at'>): Promise<void> {
    try {
      await store.log(entry);
    } catch (error) {
      console.error('[tillite] the backup log could not be written', error, entry);
    }
  }

  /** A name not taken yet: two backups in the same second get `-2`, `-3`… */
  async function uniqueName(base: string): Promise<string> {
    const taken = new Set(await listBackupFiles(await backupDirectory()));
    let name = base;
    for (let n = 2; taken.has(name); n++) name = base.replace(/\.db$/, `-${n}.db`);
    return name;
  }

  async function prune(now: Date): Promise<void> {
    const records = await store.all();
    timeZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
    const names = backupsToPrune(records, { now, timeZone });
    const dir = await backupDirectory();
    for (const name of names) {
      try {
        await dir.removeEntry(name).catch((error: unknown) => {
          if ((error as DOMException)?.name !== 'NotFoundError') throw error;
        });
        await store.remove(name);
        await log({ action: 'prune', ok: true, kind: records.find((r) => r.name === name)?.kind ?? null, name, message: 'Removed by the retention rule', durationMs: null });
      } catch (error) {
        await log({ action: 'prune', ok: false, kind: null, name, message: `Could not remove it: ${messageOf(error)}`, durationMs: null });
      }
    }
  }

  /** Takes, catalogues, logs and prunes one backup. Not queued: callers hold `serial` (or run at start-up). */
  async function snapshot(kind: BackupKind, request: SnapshotRequest = {}): Promise<BackupRecord> {
    const started = performance.now();
    const at = request.at ?? new Date();
    const description = request.description?.trim() || null;
    try {
      const db = request.db ?? live.db;
      const schemaVersion = schemaVersionOf(db);
      const name = await uniqueName(snapshotFileName(kind, request.schemaLabel ?? String(schemaVersion), at, description ?? undefined));
      const file = await takeSnapshot({ db, pool: live.pool, vfs: live.vfs }, name, readFacts);
      const record: BackupRecord = {
        name,
        kind,
        createdAt: at.toISOString(),
        appVersion,
        schemaVersion: file.schemaVersion,
        size: file.size,
        sha256: file.sha256,
        description,
        summary: file.facts.summary,
        state: 'verified',
        verifiedAt: new Date().toISOString(),
        problem: null,
      };
      await store.put(record);
      const durationMs = Math.round(performance.now() - started);
      await log({ action: 'backup', ok: true, kind, name, message: `Written and verified (${file.size} bytes)`, durationMs });
      await prune(at);
      return record;
    } catch (error) {
      await log({ action: 'backup', ok: false, kind, name: null, message: messageOf(error), durationMs: Math.round(performance.now() - started) });
      throw error;
    } finally {
      notify(['backups']);
    }
  }

  async function intervalHours(): Promise<number> {
    return (await store.settings()).backupIntervalHours;
  }

  async function scheduledTimes(): Promise<string[]> {
    return (await store.all()).filter((r) => r.kind === 'scheduled' && r.state === 'verified').map((r) => r.createdAt);
  }

  /** Reads a backup's bytes; a missing file is `not-found`. */
  async function readBytes(name: string): Promise<Uint8Array> {
    try {
      return await readFile(await backupDirectory(), name);
    } catch (error) {
      if ((error as DOMException)?.name === 'NotFoundError') throw new HandlerError('not-found', `The backup file ${name} is missing.`);
      throw error;
    }
  }

  async function getRecord(name: string): Promise<BackupRecord> {
    const record = await store.get(name);
    if (!record) throw new HandlerError('not-found', `There is no backup called ${name}.`);
    return record;
  }

  /** Checks a backup's file again and records the outcome. Not queued. */
  async function verifyNow(name: string): Promise<{ record: BackupRecord; bytes: Uint8Array | null }> {
    const started = performance.now();
    const record = await getRecord(name);
    let bytes: Uint8Array | null = null;
    let problems: string[];
    try {
      bytes = await readBytes(name);
      problems = (await checkBackupBytes(live.pool, bytes, record.sha256)).problems;
    } catch (error) {
      problems = [messageOf(error)];
    }
    const checked: BackupRecord = {
      ...record,
      state: problems.length === 0 ? 'verified' : 'damaged',
      verifiedAt: new Date().toISOString(),
      problem: problems.length === 0 ? null : problems.join('; '),
    };
    await store.put(checked);
    await log({
      action: 'verify',
      ok: problems.length === 0,
      kind: record.kind,
      name,
      message: problems.length === 0 ? 'Checksum and integrity check passed' : `Damaged: ${checked.problem}`,
      durationMs: Math.round(performance.now() - started),
    });
    notify(['backups']);
    return { record: checked, bytes };
  }

  return {
    store,
    serial,
    snapshot,
    log,
    readBytes,
    verifyNow,
    getRecord,

    /** The pre-migration and upgrade snapshots the migration runner asks for, catalogued like any backup. */
    migrationHooks(db: Database): MigrateHooks {
      return {
        beforeMigrate: async ({ from, to }) => (await snapshot('pre-migration', { db, schemaLabel: `${from}-to-v${to}` })).name,
        onAppVersionChange: async ({ fromApp, toApp }) => (await snapshot('upgrade', { db, description: `${fromApp}-to-${toApp}` })).name,
      };
    },

    /** "Back up now". */
    create: (description?: string) => serial(() => snapshot('manual', { description: description ?? null })),

    /** Every backup, newest first, optionally of one kind. */
    async list(kind?: BackupKind): Promise<BackupRecord[]> {
      const all = await store.all();
      return kind ? all.filter((r) => r.kind === kind) : all;
    },

    async status(now: Date): Promise<BackupStatus> {
      const [hours, times, lines] = await Promise.all([intervalHours(), scheduledTimes(), store.recentLog(500)]);
      const attempts = lines.filter((l) => l.action === 'backup');
      const lastSuccess = attempts.find((l) => l.ok) ?? null;
      const newest = attempts[0] ?? null;
      return {
        intervalHours: hours,
        lastSuccessAt: lastSuccess?.at ?? null,
        nextScheduledAt: nextScheduledAt(now, times, hours).toISOString(),
        warning: newest && !newest.ok ? newest : null,
        log: lines.slice(0, 50),
      };
    },

    remove: (name: string) =>
      serial(async () => {
        const record = await getRecord(name);
        const dir = await backupDirectory();
        await dir.removeEntry(name).catch((error: unknown) => {
          if ((error as DOMException)?.name !== 'NotFoundError') throw error;
        });
        await store.remove(name);
        await log({ action: 'delete', ok: true, kind: record.kind, name, message: 'Deleted by hand', durationMs: null });
        notify(['backups']);
        return name;
      }),

    verify: (name: string) => serial(async () => (await verifyNow(name)).record),

    /** Takes a scheduled backup when one is due at `now`. */
    tick: (now: Date) =>
      serial(async () => {
        const hours = await intervalHours();
        const due = nextScheduledAt(now, await scheduledTimes(), hours);
        if (due.getTime() > now.getTime() || live.failure) return { created: null, nextScheduledAt: due.toISOString() };
        const created = await snapshot('scheduled', { at: now });
        return { created, nextScheduledAt: nextScheduledAt(now, [created.createdAt], hours).toISOString() };
      }),

    async setInterval(hours: number): Promise<number> {
      if (!Number.isFinite(hours) || hours < MIN_INTERVAL_HOURS || hours > MAX_INTERVAL_HOURS) {
        throw new HandlerError('invalid', `The interval must be between ${MIN_INTERVAL_HOURS} and ${MAX_INTERVAL_HOURS} hours.`);
      }
      await store.updateSettings((settings) => ({ ...settings, backupIntervalHours: hours }));
      notify(['backups']);
      return hours;
    },

    /**
     * Makes the catalogue match the files: records whose file is gone are dropped; backup files the catalogue
     * does not know (an interrupted catalogue write, a file put there by hand) are checked and catalogued.
     */
    reconcile: () =>
      serial(async () => {
        const dir = await backupDirectory();
        const files = new Set(await listBackupFiles(dir));
        const records = await store.all();
        for (const record of records) {
          if (files.has(record.name)) continue;
          await store.remove(record.name);
          await log({ action: 'reconcile', ok: false, kind: record.kind, name: record.name, message: 'Its file is gone: removed from the list', durationMs: null });
        }
        const known = new Set(records.map((r) => r.name));
        for (const name of files) {
          if (known.has(name)) continue;
          const parsed = parseBackupName(name);
          if (!parsed) continue;
          const bytes = await readBytes(name);
          const check = await checkBackupBytes(live.pool, bytes, null);
          const ok = check.problems.length === 0 && check.facts !== null;
          await store.put({
            name,
            kind: parsed.kind,
            createdAt: parsed.createdAt,
            appVersion: 'unknown',
            schemaVersion: check.facts?.schemaVersion ?? parsed.schemaVersion,
            size: bytes.length,
            sha256: check.sha256,
            description: parsed.description,
            summary: check.facts?.summary ?? { products: null, sales: null, lastSaleAt: null, rows: 0, tables: 0 },
            state: ok ? 'verified' : 'damaged',
            verifiedAt: new Date().toISOString(),
            problem: ok ? null : check.problems.join('; '),
          });
          await log({ action: 'reconcile', ok, kind: parsed.kind, name, message: ok ? 'Found on disk, checked and added to the list' : `Found on disk, damaged: ${check.problems.join('; ')}`, durationMs: null });
        }
        notify(['backups']);
      }),
  };
}

/** The backup service's interface. */
export type BackupService = ReturnType<typeof createBackupService>;
