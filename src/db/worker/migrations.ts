/**
 * The bundled migrations: `src/db/migrations/NNNN_name.sql`, in order. Vite inlines them at build time, so the
 * worker needs no network to migrate.
 */

/** One numbered migration as bundled with this build. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE = /\/(\d{4})_([a-z0-9_]+)\.sql$/;

/** Turns a glob result (path → SQL) into ordered migrations, refusing gaps and malformed names. */
export function parseMigrations(files: Record<string, string>): Migration[] {
  const migrations = Object.entries(files).map(([path, sql]) => {
    const match = FILE.exec(path);
    if (!match) throw new Error(`Migration file name "${path}" must look like 0001_snake_case.sql`);
    return { version: Number(match[1]), name: match[2] as string, sql };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered 1, 2, 3… without gaps; found ${migration.version} at position ${index + 1}`);
    }
  });
  return migrations;
}

const real = import.meta.glob<string>('../migrations/*.sql', { query: '?raw', import: 'default', eager: true });
// Test-only: the upgrade test builds "the next version" of the app with one more migration.
const extra = __EXTRA_MIGRATIONS__
  ? import.meta.glob<string>('../../../e2e/fixtures/next-migrations/*.sql', { query: '?raw', import: 'default', eager: true })
  : {};

/** Every migration this build knows, in order. */
export const bundledMigrations: Migration[] = parseMigrations({ ...real, ...extra });

/** The schema version this build creates. */
export const LATEST_SCHEMA_VERSION = bundledMigrations.length;

/** SHA-256 of a migration's SQL, hex: recorded when it runs and compared at every start. */
export async function checksumOf(sql: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(sql));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
