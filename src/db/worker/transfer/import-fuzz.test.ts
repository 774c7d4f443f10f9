/**
 * The import check against mutated copies of a valid file (issue 13's import fuzz), in Node with sqlite-wasm in
 * memory, the same module the worker runs: bit flips in random pages and in row data, truncations, header field
 * changes, swapped and zeroed pages, damaged b-tree page headers, appended garbage. Each copy is refused with a
 * known reason and a message that says nothing was changed, or accepted with a preview that is exactly what the
 * file holds. Never a throw, never a hang (the test's timeout). The seed is fixed, so a failure reproduces; the
 * failing case's kind and index are in the assertion message. The end-to-end fuzz runs a sample through the UI.
 */
import { describe, expect, it } from 'vitest';
import type { Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { migrate } from '../migrate';
import { bundledMigrations } from '../migrations';
import { exportBytes, memoryDb } from '../testing/memory-db';
import { UNCHANGED } from './header';
import { openUntrusted, readDatabaseFacts, validateImport } from './validate';

/** The seed: change it to explore, keep it to reproduce. */
export const FUZZ_SEED = 0x13_0013;
const PER_KIND = 16;

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seeds = import.meta.glob<string>('../../migrations/seeds/*.sql', { query: '?raw', import: 'default', eager: true });

async function validFile(): Promise<{ bytes: Uint8Array; sqlite3: Sqlite3Static; pageSize: number }> {
  const { db, sqlite3 } = await memoryDb();
  await migrate(db, bundledMigrations, { appVersion: '1.0.0' });
  for (const sql of Object.entries(seeds).sort(([a], [b]) => a.localeCompare(b)).map(([, s]) => s)) db.exec(sql);
  const pageSize = Number(db.selectValue('PRAGMA page_size'));
  const bytes = exportBytes(sqlite3, db);
  bytes[18] = 1;
  bytes[19] = 1;
  db.close();
  return { bytes, sqlite3, pageSize };
}

type Mutation = (bytes: Uint8Array, next: () => number, pageSize: number) => Uint8Array;
const int = (next: () => number, n: number) => Math.floor(next() * n);
const pages = (bytes: Uint8Array, pageSize: number) => bytes.length / pageSize;
const flip = (bytes: Uint8Array, at: number, next: () => number) => {
  bytes[at] = bytes[at]! ^ (1 << int(next, 8));
};

/** The mutations, by kind. Each gets its own copy of the valid file. */
const MUTATIONS: Record<string, Mutation> = {
  'bit flips in a random page': (b, next, ps) => {
    const page = int(next, pages(b, ps));
    for (let i = 0; i < 1 + int(next, 8); i++) flip(b, page * ps + int(next, ps), next);
    return b;
  },
  'bit flips in row data (the end of a page, where cells live)': (b, next, ps) => {
    const page = 1 + int(next, pages(b, ps) - 1);
    flip(b, page * ps + ps - 1 - int(next, ps / 4), next);
    return b;
  },
  truncation: (b, next) => b.slice(0, int(next, b.length)),
  'truncation at a page boundary': (b, next, ps) => b.slice(0, ps * (1 + int(next, pages(b, ps) - 1))),
  'header field change': (b, next) => {
    const fields = [16, 17, 18, 19, 20, 21, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64, 68, 92, 96];
    const at = fields[int(next, fields.length)]! + int(next, 4);
    b[at] = int(next, 256);
    return b;
  },
  'two pages swapped': (b, next, ps) => {
    const n = pages(b, ps);
    const x = int(next, n);
    const y = (x + 1 + int(next, n - 1)) % n;
    const copy = b.slice(x * ps, (x + 1) * ps);
    b.copyWithin(x * ps, y * ps, (y + 1) * ps);
    b.set(copy, y * ps);
    return b;
  },
  'a page zeroed': (b, next, ps) => {
    const start = (1 + int(next, pages(b, ps) - 1)) * ps;
    b.fill(0, start, start + ps);
    return b;
  },
  'b-tree page header': (b, next, ps) => {
    const page = int(next, pages(b, ps));
    const base = page === 0 ? 100 : page * ps;
    b[base + int(next, 12)] = int(next, 256);
    return b;
  },
  'garbage appended': (b, next) => {
    const extra = new Uint8Array(1 + int(next, 20_000)).map(() => int(next, 256));
    const out = new Uint8Array(b.length + extra.length);
    out.set(b);
    out.set(extra, b.length);
    return out;
  },
  'garbage appended as whole pages': (b, next, ps) => {
    const out = new Uint8Array(b.length + ps * (1 + int(next, 3)));
    out.set(b);
    for (let i = b.length; i < out.length; i++) out[i] = int(next, 256);
    return out;
  },
};

const REASONS = ['empty', 'not-sqlite', 'size-mismatch', 'wal', 'not-tillite', 'newer-schema', 'damaged', 'broken-references', 'unexpected-schema', 'history-mismatch'];

describe(`import fuzz (seed ${FUZZ_SEED.toString(16)})`, () => {
  it(`${Object.keys(MUTATIONS).length * PER_KIND} mutated copies: each refused with its reason, or accepted exactly as previewed`, async () => {
    const valid = await validFile();
    const next = random(FUZZ_SEED);
    const tally = { refused: 0, accepted: 0, byReason: {} as Record<string, number> };
    for (const [kind, mutate] of Object.entries(MUTATIONS)) {
      for (let i = 0; i < PER_KIND; i++) {
        const label = `${kind} #${i}`;
        const bytes = mutate(valid.bytes.slice(), next, valid.pageSize);
        const result = await validateImport(valid.sqlite3, bytes, bundledMigrations);
        if (!result.ok) {
          tally.refused++;
          tally.byReason[result.reason] = (tally.byReason[result.reason] ?? 0) + 1;
          expect(REASONS, label).toContain(result.reason);
          expect(result.message.endsWith(UNCHANGED), label).toBe(true);
          continue;
        }
        tally.accepted++;
        // What is imported is these bytes: their facts must be what the preview showed.
        const db = openUntrusted(valid.sqlite3, bytes);
        try {
          expect(readDatabaseFacts(db, bytes.length), label).toEqual(result.facts);
          expect(db.selectValue('PRAGMA integrity_check'), label).toBe('ok');
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
