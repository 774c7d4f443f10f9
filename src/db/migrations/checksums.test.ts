/**
 * Migrations are append-only: once on main, a migration is never edited, renamed or renumbered. The committed
 * list of checksums (checksums.json) may only grow, and must match the migration files exactly.
 */
import { describe, expect, it } from 'vitest';
import { bundledMigrations, checksumOf } from '../worker/schema/loader';
import committed from './checksums.json';

const key = (version: number, name: string) => `${String(version).padStart(4, '0')}_${name}`;

describe('append-only migrations', () => {
  it('matches every committed checksum, and every migration has one', async () => {
    const list = committed as Record<string, string>;
    const bundled = new Map(await Promise.all(bundledMigrations.map(async (m) => [key(m.version, m.name), await checksumOf(m.source)] as const)));
    for (const [name, checksum] of Object.entries(list)) {
      const actual = bundled.get(name);
      if (actual === undefined) throw new Error(`Migration ${name} is listed in src/db/migrations/checksums.json but its file is gone or renamed. Landed migrations are never removed or renamed: restore it.`);
      if (actual !== checksum) throw new Error(`Migration ${name} was edited after it landed (checksum ${actual}, committed ${checksum}). Landed migrations are never edited: revert the change and add a new migration instead.`);
    }
    for (const [name, checksum] of bundled) {
      if (!(name in list)) throw new Error(`Migration ${name} has no committed checksum. Add this line to src/db/migrations/checksums.json:\n  "${name}": "${checksum}"`);
    }
    expect(Object.keys(list)).toEqual([...bundled.keys()]);
  });
});
