/**
 * The bundled migrations: `src/db/migrations/NNNN_name.sql` (plain SQL) or `NNNN_name.ts` (a synchronous
 * function, for data that must be transformed in code), in order. Vite inlines them at build time, so the worker
 * needs no network to migrate.
 *
 * A migration's checksum is the SHA-256 of its source text as written (the `.sql` file, or the `.ts` file before
 * compilation): editing a migration that has landed changes it, and the runner then refuses to go on.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { sha256Hex } from '../../../lib/sha256';

/** One numbered migration as bundled with this build. */
export interface Migration {
  version: number;
  name: string;
  /** The file's text as written: what the checksum is taken of. */
  source: string;
  /** Applies the migration. Runs inside the runner's transaction: it must not BEGIN or COMMIT. */
  up(db: Database): void;
}

/** What a TypeScript migration module exports. */
export interface MigrationModule {
  /** Transforms the database synchronously inside the runner's transaction. */
  default: (db: Database) => void;
}

const FILE = /\/(\d{4})_([a-z0-9_]+)\.(sql|ts)$/;

/**
 * Turns glob results (path → SQL text; path → TypeScript source and module) into ordered migrations, refusing
 * gaps, duplicates and malformed names.
 */
export function parseMigrations(
  sqlFiles: Record<string, string>,
  tsSources: Record<string, string> = {},
  tsModules: Record<string, MigrationModule> = {},
): Migration[] {
  const entries: [string, string][] = [...Object.entries(sqlFiles), ...Object.entries(tsSources)];
  const migrations = entries.map(([path, source]): Migration => {
    const match = FILE.exec(path);
    if (!match) throw new Error(`Migration file name "${path}" must look like 0001_snake_case.sql or 0001_snake_case.ts`);
    const version = Number(match[1]);
    const name = match[2] as string;
    if (match[3] === 'sql') return { version, name, source, up: (db) => void db.exec(source) };
    const module = tsModules[path];
    if (typeof module?.default !== 'function') throw new Error(`Migration "${path}" must export a default function (db) => void`);
    return { version, name, source, up: module.default };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered 1, 2, 3… without gaps or duplicates; found ${migration.version} at position ${index + 1}`);
    }
  });
  return migrations;
}

const realSql = import.meta.glob<string>('../../migrations/[0-9][0-9][0-9][0-9]_*.sql', { query: '?raw', import: 'default', eager: true });
const realTsSource = import.meta.glob<string>('../../migrations/[0-9][0-9][0-9][0-9]_*.ts', { query: '?raw', import: 'default', eager: true });
const realTs = import.meta.glob<MigrationModule>('../../migrations/[0-9][0-9][0-9][0-9]_*.ts', { eager: true });

// Test-only sets, bundled after the real migrations when a test builds "the next version" of the app
// (TILLITE_EXTRA_MIGRATIONS=next) or a build whose last migration is slow enough to be interrupted
// (TILLITE_EXTRA_MIGRATIONS=slow). A normal build defines the flag as '' and bundles neither.
const extraSql =
  __EXTRA_MIGRATIONS__ === 'next'
    ? import.meta.glob<string>('../../../../e2e/fixtures/next-migrations/*.sql', { query: '?raw', import: 'default', eager: true })
    : __EXTRA_MIGRATIONS__ === 'slow'
      ? import.meta.glob<string>('../../../../e2e/fixtures/slow-migrations/*.sql', { query: '?raw', import: 'default', eager: true })
      : {};

/**
 * Appends test-only SQL files (named `snake_case.sql`, no number) after `real`, numbered on from it in file
 * name order, so that they stay "the next migration" whatever real migrations exist.
 */
export function appendExtra(real: Migration[], extraFiles: Record<string, string>): Migration[] {
  const extra = Object.keys(extraFiles)
    .sort()
    .map((path, index): Migration => {
      const name = /\/([a-z0-9_]+)\.sql$/.exec(path)?.[1];
      if (!name) throw new Error(`Test migration "${path}" must be named snake_case.sql`);
      const source = extraFiles[path] as string;
      return { version: real.length + index + 1, name, source, up: (db) => void db.exec(source) };
    });
  return [...real, ...extra];
}

/** The real migrations; a glob that matched nothing (a moved folder) must stop the build's worker, not open an empty shop. */
const realMigrations = parseMigrations(realSql, realTsSource, realTs);
if (realMigrations.length === 0) throw new Error('No migrations were bundled: the migrations folder was not found.');

/** Every migration this build knows, in order. */
export const bundledMigrations: Migration[] = appendExtra(realMigrations, extraSql);

/** The schema version this build creates. */
export const LATEST_SCHEMA_VERSION = bundledMigrations.length;

/** SHA-256 of a migration's source text, hex: recorded when it runs and compared at every start. */
export function checksumOf(source: string): Promise<string> {
  return sha256Hex(source);
}
