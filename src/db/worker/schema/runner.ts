/**
 * The migration runner. The leader runs it once, after opening the database and before serving anyone.
 *
 * Guarantees, in order:
 *  1. a file that is not Tillite's, or was written by a newer schema, is refused and left untouched;
 *  2. the checksums recorded for applied migrations must match the bundled ones, or nothing runs;
 *  3. when migrations are pending, `hooks.beforeMigrate` (the pre-migration snapshot) runs first, then
 *     integrity and foreign-key checks, then each migration in its own transaction with `user_version` set
 *     inside it (a failure rolls back that migration only: the file stays at the last good version),
 *     then the checks again;
 *  4. when the app version differs from the one that last opened the file, `hooks.onAppVersionChange`
 *     (the upgrade snapshot) runs even if no migration is pending.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { MigrationRecord } from '../../protocol/system';
import { HandlerError } from '../runtime/errors';
import { inTransaction, type AutocommitApi } from '../runtime/transaction';
import { checksumOf, type Migration } from './loader';
import { schemaVersionOf, TILLITE_APPLICATION_ID } from './version';


/** What the runner may call out to: snapshots are taken by the backups module. */
export interface MigrateHooks {
  /** Takes the pre-migration snapshot; returns its name. Throwing stops the migration before it starts. */
  beforeMigrate?(info: { from: number; to: number }): Promise<string | null>;
  /** Takes the upgrade snapshot when only the app version changed; returns its name. */
  onAppVersionChange?(info: { fromApp: string; toApp: string; schema: number }): Promise<string | null>;
  /** Called as each migration starts (the leader shows it: an update can take a while on a large file). */
  onMigrationStart?(info: { version: number; name: string; index: number; count: number }): void;
}

export interface MigrateOptions {
  appVersion: string;
  hooks?: MigrateHooks;
  now?: () => Date;
  /** sqlite3's C API, so a migration's failed COMMIT keeps its own cause (see `inTransaction`). */
  capi?: AutocommitApi | null;
}

/** What the runner did. */
export interface MigrateReport {
  from: number;
  to: number;
  applied: { version: number; name: string; durationMs: number }[];
  snapshot: string | null;
  previousAppVersion: string | null;
}

export type { MigrationRecord };


/** Runs `integrity_check` and `foreign_key_check`; returns the problems found (empty when whole). */
export function checkDatabase(db: Database): string[] {
  const integrity = db.selectValues('PRAGMA integrity_check').map(String);
  const problems = integrity.length === 1 && integrity[0] === 'ok' ? [] : integrity;
  const fk = db.selectObjects('PRAGMA foreign_key_check');
  for (const row of fk) problems.push(`foreign key broken: ${row.table} row ${row.rowid} → ${row.parent}`);
  return problems;
}

/** The applied migrations, oldest first. Empty for a fresh file. */
export function migrationHistory(db: Database): MigrationRecord[] {
  const exists = db.selectValue("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'");
  if (!exists) return [];
  return db
    .selectObjects(
      'SELECT version, name, checksum, applied_at, app_version, duration_ms FROM schema_migrations ORDER BY version',
    )
    .map((row) => ({
      version: Number(row.version),
      name: String(row.name),
      checksum: String(row.checksum),
      appliedAt: String(row.applied_at),
      appVersion: String(row.app_version),
      durationMs: Number(row.duration_ms),
    }));
}

/** Refuses files that are not Tillite's or are newer than this build; returns the file's schema version. */
export function assertOpenable(db: Database, latest: number): number {
  const applicationId = Number(db.selectValue('PRAGMA application_id'));
  const version = schemaVersionOf(db);
  const hasTables = Number(db.selectValue("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")) > 0;
  if (applicationId !== TILLITE_APPLICATION_ID && (applicationId !== 0 || hasTables || version !== 0)) {
    throw new HandlerError('invalid', 'This is not a Tillite database: it belongs to another application.');
  }
  if (version > latest) {
    throw new HandlerError(
      'newer-schema',
      `This database comes from a newer version of Tillite (schema ${version}; this app knows up to ${latest}). Update the app first. Nothing was changed.`,
      { fileVersion: version, appSchemaVersion: latest },
    );
  }
  return version;
}

function readMeta(db: Database, key: string): string | null {
  const exists = db.selectValue("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'app_meta'");
  if (!exists) return null;
  const value = db.selectValue('SELECT value FROM app_meta WHERE key = ?', [key]);
  return value === undefined ? null : String(value);
}

/** Brings `db` up to the last of `migrations`. See the module comment for what it guarantees. */
export async function migrate(db: Database, migrations: Migration[], options: MigrateOptions): Promise<MigrateReport> {
  const now = options.now ?? (() => new Date());
  const latest = migrations.length;
  const from = assertOpenable(db, latest);

  // The recorded history must match what this build bundles: an edited migration is a bug to fix, not to run.
  // It must also be whole (one record per version up to user_version): anything else is a file we do not
  // understand, and migrating it could make things worse.
  const history = migrationHistory(db);
  const checksums = await Promise.all(migrations.map((m) => checksumOf(m.source)));
  for (const record of history) {
    const bundled = migrations[record.version - 1];
    if (!bundled || record.version > from || checksums[record.version - 1] !== record.checksum) {
      throw new HandlerError(
        'migration-failed',
        `Migration ${record.version} (${record.name}) recorded in this database differs from the one in this build (checksum mismatch). Nothing was changed; please report this.`,
        { version: record.version, name: record.name, reason: 'checksum mismatch', at: from, snapshot: null },
      );
    }
  }
  if (history.length !== from || history.some((record, index) => record.version !== index + 1)) {
    throw new HandlerError(
      'migration-failed',
      `The database says it is at schema version ${from} but records ${history.length} applied migration(s). Nothing was changed; please report this.`,
      { version: from, reason: 'inconsistent migration history', at: from, snapshot: null },
    );
  }

  const previousAppVersion = readMeta(db, 'last_app_version');
  const pending = migrations.slice(from);
  const report: MigrateReport = { from, to: from, applied: [], snapshot: null, previousAppVersion };

  if (pending.length > 0) {
    if (from > 0) report.snapshot = (await options.hooks?.beforeMigrate?.({ from, to: latest })) ?? null;
    const before = checkDatabase(db);
    if (before.length > 0) {
      throw new HandlerError('damaged', `The database failed its check before migrating: ${before.slice(0, 3).join('; ')}`, {
        snapshot: report.snapshot,
      });
    }
    // Table rebuilds need foreign keys off outside the transaction; each migration checks them before commit.
    db.exec('PRAGMA foreign_keys = OFF');
    try {
      for (const [index, migration] of pending.entries()) {
        options.hooks?.onMigrationStart?.({ version: migration.version, name: migration.name, index, count: pending.length });
        const started = performance.now();
        try {
          // Not sqlite-wasm's `transaction()`: its ROLLBACK after a COMMIT that SQLite already rolled back (a full
          // disk) would replace the reason with "cannot rollback - no transaction is active".
          inTransaction(db, options.capi ?? null, 'IMMEDIATE', () => {
            migration.up(db);
            const broken = db.selectObjects('PRAGMA foreign_key_check');
            if (broken.length > 0) throw new Error(`it leaves ${broken.length} broken foreign key(s)`);
            if (migration.version === 1) db.exec(`PRAGMA application_id = ${TILLITE_APPLICATION_ID}`);
            db.exec(`PRAGMA user_version = ${migration.version}`);
            db.exec({
              sql: 'INSERT INTO schema_migrations (version, name, checksum, applied_at, app_version, duration_ms) VALUES (?, ?, ?, ?, ?, ?)',
              bind: [
                migration.version,
                migration.name,
                checksums[from + index] as string,
                now().toISOString(),
                options.appVersion,
                Math.round(performance.now() - started),
              ],
            });
          });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new HandlerError(
            'migration-failed',
            `Migration ${migration.version} (${migration.name}) failed: ${reason}. The database stays at version ${report.to}.`,
            { version: migration.version, name: migration.name, reason, at: report.to, snapshot: report.snapshot },
          );
        }
        report.to = migration.version;
        report.applied.push({ version: migration.version, name: migration.name, durationMs: Math.round(performance.now() - started) });
      }
    } finally {
      db.exec('PRAGMA foreign_keys = ON');
    }
    const after = checkDatabase(db);
    if (after.length > 0) {
      throw new HandlerError('damaged', `The database failed its check after migrating: ${after.slice(0, 3).join('; ')}`, {
        snapshot: report.snapshot,
      });
    }
  } else if (previousAppVersion !== null && previousAppVersion !== options.appVersion) {
    report.snapshot =
      (await options.hooks?.onAppVersionChange?.({ fromApp: previousAppVersion, toApp: options.appVersion, schema: from })) ?? null;
  }

  if (previousAppVersion !== options.appVersion) {
    db.exec({
      sql: "INSERT INTO app_meta (key, value) VALUES ('last_app_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      bind: [options.appVersion],
    });
  }
  return report;
}
