/**
 * The import check against mutated copies of a valid file (issue 13's import fuzz), in Node with sqlite-wasm in
 * memory, the same module the worker runs: bit flips in random pages and in row data, truncations, header field
 * changes, swapped and zeroed pages, damaged b-tree page headers, appended garbage. Each copy is refused with a
 * known reason and a message that says nothing was changed, or accepted with a preview that is exactly what the
 * file holds and, through the manifest the file carries, every table whose rows differ from the original named. Never a throw, never a hang (the test's timeout). The seed is fixed, so a failure reproduces; the
 * failing case's kind and index are in the assertion message. The end-to-end fuzz runs a sample through the UI.
 */
import { describe, expect, it } from 'vitest';
import type { Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import type { Database } from '@sqlite.org/sqlite-wasm';
import { bundledMigrations } from '../schema/loader';
import { exportBytes, openBytes } from '../testing/memory-db';
import { seededShop } from '../testing/seeded-shop';
import { embedManifest, loadManifestHasher, takeManifest } from '../backups/manifest';
import { userTables } from '../backups/tables';
import { UNCHANGED } from './header';
import { openUntrusted, readDatabaseFacts, validateImport } from './validate';
// The mutations are shared with the end-to-end fuzz, which runs a sample of them through the real import.
import { FUZZ_SEED, MUTATIONS, random } from '../../../../e2e/fixtures/file-mutations';

const PER_KIND = 16;

/** Every table's rows as text, in key order: what a person would compare. */
function rowsOf(db: Database): Map<string, string> {
  return new Map(userTables(db).map((t) => [t, JSON.stringify(db.selectArrays(`SELECT * FROM "${t}" ORDER BY 1, 2`), (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v))]));
}

/** A seeded shop's file as a backup carries it: with its manifest, in rollback-journal mode. */
async function validFile(): Promise<{ bytes: Uint8Array; sqlite3: Sqlite3Static; pageSize: number; rows: Map<string, string> }> {
  const { db, sqlite3 } = await seededShop();
  const manifest = takeManifest(db, await loadManifestHasher());
  const copy = openBytes(sqlite3, exportBytes(sqlite3, db));
  embedManifest(copy, manifest);
  const pageSize = Number(copy.selectValue('PRAGMA page_size'));
  const bytes = exportBytes(sqlite3, copy);
  bytes[18] = 1;
  bytes[19] = 1;
  const rows = rowsOf(copy);
  db.close();
  copy.close();
  return { bytes, sqlite3, pageSize, rows };
}

const REASONS = ['empty', 'not-sqlite', 'size-mismatch', 'wal', 'not-tillite', 'newer-schema', 'damaged', 'broken-references', 'unexpected-schema', 'history-mismatch', 'inconsistent'];

describe(`import fuzz (seed ${FUZZ_SEED.toString(16)})`, () => {
  it(`${Object.keys(MUTATIONS).length * PER_KIND} mutated copies: each refused with its reason, or accepted exactly as previewed`, async () => {
    const valid = await validFile();
    const next = random(FUZZ_SEED);
    const tally = { refused: 0, accepted: 0, changed: 0, byReason: {} as Record<string, number> };
    for (const [kind, mutate] of Object.entries(MUTATIONS)) {
      for (let i = 0; i < PER_KIND; i++) {
        const label = `${kind} #${i}`;
        const bytes = mutate(valid.bytes.slice(), next, valid.pageSize);
        const result = await validateImport(valid.sqlite3, bytes, bundledMigrations);
        if (!result.ok) {
          tally.refused++;
          tally.byReason[result.reason] = (tally.byReason[result.reason] ?? 0) + 1;
          expect(REASONS, label).toContain(result.reason);
          // Says that nothing was changed; an SQLite code may follow only after it, in brackets (small print).
          const after = result.message.slice(result.message.indexOf(UNCHANGED) + UNCHANGED.length);
          expect(result.message.includes(UNCHANGED) && /^( \(.+\))?$/s.test(after), `${label}: ${result.message}`).toBe(true);
          continue;
        }
        tally.accepted++;
        // What is imported is these bytes: their facts must be what the preview showed.
        const db = openUntrusted(valid.sqlite3, bytes);
        try {
          expect(readDatabaseFacts(db, bytes.length), label).toEqual(result.facts);
          expect(db.selectValue('PRAGMA integrity_check'), label).toBe('ok');
          // No silent difference: every table whose rows differ from the original is named by the manifest check.
          const differing = [...rowsOf(db)].filter(([table, rows]) => valid.rows.get(table) !== rows).map(([table]) => table);
          if (result.manifest.status === 'changed') tally.changed++;
          if (result.manifest.status !== 'unreadable') {
            expect(result.manifest.status === 'changed' ? result.manifest.tables.map((t) => t.table) : [], label).toEqual(differing);
          }
        } finally {
          db.close();
        }
      }
    }
    expect(tally.refused + tally.accepted).toBe(Object.keys(MUTATIONS).length * PER_KIND);
    expect(tally.refused).toBeGreaterThan(0);
    console.info(`import fuzz seed ${FUZZ_SEED.toString(16)}: ${JSON.stringify(tally)}`);
  }, 120_000);
});
