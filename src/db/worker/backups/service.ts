/**
 * The backups: taken, catalogued, logged, pruned, checked, deleted, and reconciled with the files.
 * One operation at a time (`serial`): a restore, an import, a delete, an export and an empty never overlap each
 * other or a background check; background checks run one at a time in a lane of their own, beside which "Back up
 * now" and the scheduled backup (`besideChecks`, which only write new files) may run.
 * Every attempt, good or bad, is written to the backup log; a failed backup, or a backup that failed its check,
 * leaves a warning that stays until a later backup succeeds (see `status`).
 *
 * A new backup is listed at once as `copied` (its bytes verified as they were written) and checked by SQLite
 * afterwards, in the background and in slices (`check.ts`): `quick_check` for each new one, the full check for
 * the newest of each past day. It becomes `verified`, or `damaged` when the check fails.
 *
 * Files go through the storage seam only (the pool's `DatabaseFiles`, the backups' `PlainFiles`), so the whole
 * service runs in Vitest on the in-memory ones.
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
import { backupDirectory } from '../storage/opfs-files';
import { inBackground } from '../storage/slices';
import { opfsPlainFiles } from '../storage/opfs-plain-files';
import type { PlainFiles } from '../storage/plain-files';
import type { BackupStore } from './store';
import { listBackupFiles, parseBackupName, readFacts } from './inspect';
import { checkBackupFile, type BackupCheck, type CheckDepth, type ExpectedDigest, type FileCheck, type ManifestWriting } from './check';
import { backupsToPrune, localDayNumber } from './retention';
import { DEFAULT_INTERVAL_HOURS, MAX_INTERVAL_HOURS, MIN_INTERVAL_HOURS, nextScheduledAt } from './schedule';

export interface BackupServiceOptions {
  live: LiveDatabase;
  store: BackupStore;
  appVersion: string;
  notify(topics: ChangeTopic[]): void;
  /** The shop's time zone for the retention rule; the device's by default. */
  timeZone?: string;
  /** Where backup files live: OPFS `backups/` by default (in-memory files in unit tests). */
  backups?: PlainFiles;
  /**
   * Runs a backup file's check: by default here, in slices; the app passes its checker worker's (another thread,
   * see `checker/remote.ts`), which takes the same files.
   */
  check?: BackupCheck;
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

/** What the log line adds about the manifest a check wrote into a new backup. */
const manifestNote = (check: FileCheck | null): string =>
  check?.manifestWritten === true ? '; the record of its contents written into it' : typeof check?.manifestWritten === 'string' ? `; ${check.manifestWritten}` : '';

/** Creates the backup service over the live database and the store. */
export function createBackupService(options: BackupServiceOptions) {
  const { live, store, appVersion, notify } = options;
  // Resolved when first needed, not at start: the worker's first use of Intl loads its data (tens of ms, measured
  // on the start path before the first answer).
  let timeZone = options.timeZone;
  const zone = (): string => (timeZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
  const backups = options.backups ?? opfsPlainFiles(backupDirectory);
  let queue: Promise<unknown> = Promise.resolve();
  /** SQLite's check of a backup file, in slices (`check.ts`). */
  function checkFile(name: string, expected: ExpectedDigest | null, depth: CheckDepth, writing: ManifestWriting | null = null): Promise<FileCheck> {
    return options.check ? options.check(name, expected, depth, writing) : checkBackupFile(live.files, backups, name, expected, depth, writing);
  }

  /** The background checks queued and not run yet, by backup name. */
  const pendingChecks = new Set<string>();
  let checksDone: Promise<void> = Promise.resolve();
  /** The background checks, one after another, in a lane of their own (see {@link serial}). */
  let checkLane: Promise<unknown> = Promise.resolve();
  /** The background check running now, and the backup it reads. */
  let checking: { name: string; done: Promise<unknown> } | null = null;
  /** Set while an operation of {@link serial} runs: a background check waits for it before it starts. */
  let holding: Promise<void> | null = null;

  /** Runs `fn` after every operation queued before it, beside a background check (`fn` takes new files only). */
  function besideChecks<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs `fn` after every operation queued before it, and with no background check running: a restore, a
   * delete, a check asked for, an export, an import or a copy to a folder reads or removes backup files, which
   * a check may hold (sync access handles are exclusive). Background checks have a lane of their own, so that
   * "Back up now" and the scheduled backup ({@link besideChecks}) need not wait behind one (seconds per 100 MB);
   * an operation of this kind waits for the check running now, and the next check waits for it.
   */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    return besideChecks(async () => {
      let release!: () => void;
      holding = new Promise<void>((resolve) => (release = resolve));
      try {
        while (checking) await checking.done.catch(() => undefined);
        return await fn();
      } finally {
        holding = null;
        release();
      }
    });
  }

  /** Runs the background check `fn` of backup `name` in the checks' lane, once no operation holds it off. */
  function inCheckLane(name: string, fn: () => Promise<void>): Promise<void> {
    const run = checkLane.then(async () => {
      while (holding) await holding;
      const done = fn();
      checking = { name, done };
      try {
        await done;
      } finally {
        checking = null;
      }
    });
    checkLane = run.catch(() => undefined);
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
    const taken = new Set(await listBackupFiles(backups));
    let name = base;
    for (let n = 2; taken.has(name); n++) name = base.replace(/\.db$/, `-${n}.db`);
    return name;
  }

  async function prune(now: Date): Promise<void> {
    const records = await store.all();
    // A backup being checked right now is held by its check: it is pruned after the next backup instead.
    const names = backupsToPrune(records, { now, timeZone: zone() }).filter((name) => name !== checking?.name);
    for (const name of names) {
      try {
        await backups.remove(name);
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
      const file = await takeSnapshot({ db, sqlite3: live.sqlite3, files: live.files, backups }, name, { read: readFacts });
      const record: BackupRecord = {
        name,
        kind,
        createdAt: at.toISOString(),
        appVersion,
        schemaVersion: file.schemaVersion,
        size: file.size,
        sha256: file.sha256,
        digestKind: file.digestKind,
        description,
        summary: file.facts.summary,
        state: 'copied',
        verifiedAt: new Date().toISOString(),
        problem: null,
      };
      await store.put(record);
      const durationMs = Math.round(performance.now() - started);
      await log({ action: 'backup', ok: true, kind, name, message: `Written and read back (${file.size} bytes); SQLite's check follows`, durationMs });
      await prune(at);
      if (kind !== 'export') {
        checkLater(name);
        return record;
      }
      return await checkedExport(record);
    } catch (error) {
      await log({ action: 'backup', ok: false, kind, name: null, message: messageOf(error), durationMs: Math.round(performance.now() - started) });
      throw error;
    } finally {
      notify(['backups']);
    }
  }

  /**
   * An export is handed over only once it has passed its check, which writes the manifest of its rows into it
   * (in the checker worker, off the sale path): the file that leaves the browser proves its own rows. A copy
   * that fails is kept, listed as damaged like any backup that fails its check, and the export refused.
   */
  async function checkedExport(copied: BackupRecord): Promise<BackupRecord> {
    const checked = await verifyNow(copied.name, 'quick', 'Checked before it was handed over as an export');
    if (checked.state === 'verified') return checked;
    throw new HandlerError(
      'damaged',
      `The copy made for the export failed its check, so nothing was exported. Your database may be damaged: see the backups on the Data page. (${checked.problem ?? 'no detail'})`,
    );
  }

  async function intervalHours(): Promise<number> {
    return (await store.settings()).backupIntervalHours;
  }

  async function scheduledTimes(): Promise<string[]> {
    return (await store.all()).filter((r) => r.kind === 'scheduled' && r.state !== 'damaged').map((r) => r.createdAt);
  }

  async function getRecord(name: string): Promise<BackupRecord> {
    const record = await store.get(name);
    if (!record) throw new HandlerError('not-found', `There is no backup called ${name}.`);
    return record;
  }

  /**
   * Checks a backup's file (checksum, then SQLite's check at `depth`) and records the outcome; `why` opens the
   * log line. Not queued.
   */
  async function verifyNow(name: string, depth: CheckDepth = 'quick', why = 'Checked before use'): Promise<BackupRecord> {
    const started = performance.now();
    const record = await getRecord(name);
    let problems: string[];
    let check: FileCheck | null = null;
    // A backup not checked yet gets the manifest of its rows written in by this check (see `check.ts`).
    const writing: ManifestWriting | null =
      record.state === 'copied'
        ? { beforeReplace: async (file) => store.put({ ...record, nextSha256: file.sha256 }), sums: record.kind === 'export' }
        : null;
    try {
      check = await checkFile(name, record, depth, writing);
      problems = check.problems;
    } catch (error) {
      problems = [messageOf(error)];
    }
    // The file was replaced by one with the manifest: now, or by a check that stopped after the move.
    const replaced = check !== null && (check.manifestWritten === true || (record.nextSha256 !== undefined && check.sha256 === record.nextSha256));
    const file = replaced ? { sha256: check!.sha256, size: check!.size, digestKind: check!.digestKind } : {};
    const { nextSha256: _replaced, ...kept } = record;
    const checked: BackupRecord = {
      ...kept,
      ...file,
      state: problems.length === 0 ? 'verified' : 'damaged',
      checkDepth: depth,
      verifiedAt: new Date().toISOString(),
      problem: problems.length === 0 ? null : problems.join('; '),
    };
    // The backup may have been deleted or pruned while it was checked: do not bring its record back.
    if (await store.get(name)) await store.put(checked);
    await log({
      action: 'verify',
      ok: problems.length === 0,
      kind: record.kind,
      name,
      message:
        problems.length === 0
          ? `${why}: checksum and ${depth === 'full' ? 'full integrity check' : 'quick check'} passed${manifestNote(check)}`
          : `${why}: the backup ${name} is damaged: ${checked.problem}`,
      durationMs: Math.round(performance.now() - started),
    });
    notify(['backups']);
    return checked;
  }

  /** The newest backup of each past day (in the shop's calendar) that has not had the full check yet. */
  async function dueForFullCheck(now: Date): Promise<string[]> {
    const timeZone = zone();
    const today = localDayNumber(now, timeZone);
    const seen = new Set<number>();
    const due: string[] = [];
    for (const record of await store.all()) {
      const day = localDayNumber(new Date(record.createdAt), timeZone);
      if (day >= today || seen.has(day)) continue;
      seen.add(day);
      if (record.state === 'verified' && record.checkDepth !== 'full') due.push(record.name);
    }
    return due;
  }

  /**
   * Queues SQLite's check of a new backup, in the background, in the checks' lane: it runs after the checks
   * queued now and once no operation of `serial` runs; such an operation queued meanwhile waits for it, a new
   * backup does not. A failure is logged and shown.
   */
  function checkLater(name: string): void {
    if (pendingChecks.has(name)) return;
    pendingChecks.add(name);
    // Counted as background work (slices.ts) until it ends: the bench waits for it before timing sales.
    const run = inBackground(inCheckLane(name, async () => {
      pendingChecks.delete(name);
      if ((await store.get(name))?.state !== 'copied') return;
      await verifyNow(name, 'quick', 'Checked after it was written');
    }).then(async () => {
      // The older backups due for the full check, each in the lane on its own, so that an operation waits for one
      // check at most.
      for (const older of await dueForFullCheck(new Date())) {
        await inCheckLane(older, async () => {
          if ((await store.get(older))?.checkDepth !== 'full') await verifyNow(older, 'full', 'Checked in full as the newest of its day');
        });
      }
    })).catch((error: unknown) => console.error('[tillite] the background check of a backup failed', name, error));
    checksDone = checksDone.then(() => run);
  }

  return {
    store,
    serial,
    snapshot,
    log,
    /** Where the backup files are. */
    files: backups,
    verifyNow,
    getRecord,
    /** Resolves when every background check queued so far has ended (for tests and the bench). */
    checksSettled: () => checksDone,

    /** The pre-migration and upgrade snapshots the migration runner asks for, catalogued like any backup. */
    migrationHooks(db: Database): MigrateHooks {
      return {
        beforeMigrate: async ({ from, to }) => (await snapshot('pre-migration', { db, schemaLabel: `${from}-to-v${to}` })).name,
        onAppVersionChange: async ({ fromApp, toApp }) => (await snapshot('upgrade', { db, description: `${fromApp}-to-${toApp}` })).name,
      };
    },

    /** "Back up now". */
    create: (description?: string) => besideChecks(() => snapshot('manual', { description: description ?? null })),

    /** Every backup, newest first, optionally of one kind. */
    async list(kind?: BackupKind): Promise<BackupRecord[]> {
      const all = await store.all();
      return kind ? all.filter((r) => r.kind === kind) : all;
    },

    async status(now: Date): Promise<BackupStatus> {
      const [hours, times, lines] = await Promise.all([intervalHours(), scheduledTimes(), store.recentLog(500)]);
      // A backup that fails its check warns as loudly as one that could not be written.
      const attempts = lines.filter((l) => l.action === 'backup' || (l.action === 'verify' && !l.ok));
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
        await backups.remove(name);
        await store.remove(name);
        await log({ action: 'delete', ok: true, kind: record.kind, name, message: 'Deleted by hand', durationMs: null });
        notify(['backups']);
        return name;
      }),

    /** "Check again": the full check. */
    verify: (name: string) => serial(() => verifyNow(name, 'full', 'Checked on request')),

    /** Takes a scheduled backup when one is due at `now`. */
    tick: (now: Date) =>
      besideChecks(async () => {
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
        const files = new Set(await listBackupFiles(backups));
        const records = await store.all();
        for (const record of records) {
          if (files.has(record.name)) {
            // Copied but not checked when the worker last stopped: check it now.
            if (record.state === 'copied') checkLater(record.name);
            continue;
          }
          await store.remove(record.name);
          await log({ action: 'reconcile', ok: false, kind: record.kind, name: record.name, message: 'Its file is gone: removed from the list', durationMs: null });
        }
        const known = new Set(records.map((r) => r.name));
        for (const name of files) {
          if (known.has(name)) continue;
          const parsed = parseBackupName(name);
          if (!parsed) continue;
          const check = await checkFile(name, null, 'quick');
          const ok = check.problems.length === 0 && check.facts !== null;
          await store.put({
            name,
            kind: parsed.kind,
            createdAt: parsed.createdAt,
            appVersion: 'unknown',
            schemaVersion: check.facts?.schemaVersion ?? parsed.schemaVersion,
            size: check.size,
            sha256: check.sha256,
            digestKind: check.digestKind,
            description: parsed.description,
            summary: check.facts?.summary ?? { products: null, sales: null, lastSaleAt: null, rows: 0, tables: 0 },
            state: ok ? 'verified' : 'damaged',
            checkDepth: 'quick',
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
