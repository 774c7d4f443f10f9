/**
 * The atomic swap and the start-up choice of the live file, on the in-memory files, with the worker "killed" at
 * every step of a swap: before and inside the write of the new file (chunk by chunk), at every open, unlink and
 * record write, and during the migrations run on the new file. Each case then starts again from what was left,
 * as the next worker would, and must find the old database or the new one, whole, and nothing else.
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlite } from './sqlite';
import { chooseLiveFile, LIVE_NAMES, swapDatabase, type LiveFile } from './atomic-swap';
import { chunksOf, type ChunkSource, type DatabaseFiles } from './database-files';
import { memoryFiles, type MemoryFiles } from './memory-files';
import { encodeSwitchRecord, memorySwitchRecords, type SwitchRecordStore } from './switch-record';

let sqlite3: Sqlite3Static;
beforeAll(async () => {
  sqlite3 = await loadSqlite();
});

class Crash extends Error {}

const OLD_ROWS = 400;
const NEW_ROWS = 700;

/** A database with `rows` rows saying `label`, as bytes (large enough to be written in many chunks). */
function databaseBytes(label: string, rows: number): Uint8Array {
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  db.exec('CREATE TABLE shop (n INTEGER PRIMARY KEY, label TEXT, note TEXT); CREATE INDEX shop_label ON shop (label)');
  db.transaction(() => {
    for (let n = 0; n < rows; n++) db.exec({ sql: 'INSERT INTO shop VALUES (?, ?, ?)', bind: [n, label, 'x'.repeat(120)] });
  });
  const bytes = new Uint8Array(sqlite3.capi.sqlite3_js_db_export(db));
  db.close();
  return bytes;
}

/** Counts `step` calls and throws {@link Crash} at the `crashAt`-th (0: never). */
function crashPoint(crashAt: number) {
  let step = 0;
  return {
    tick(where: string) {
      step++;
      if (step === crashAt) throw new Crash(where);
    },
    get steps() {
      return step;
    },
  };
}

/** The files and the record store with a crash point before every operation and inside every write. */
function withFaults(files: DatabaseFiles, records: SwitchRecordStore, point: ReturnType<typeof crashPoint>) {
  const faultyFiles: DatabaseFiles = {
    list: () => files.list(),
    has: (name) => files.has(name),
    open: (name) => (point.tick(`open ${name}`), files.open(name)),
    openPlain: (name) => (point.tick(`open ${name}`), files.openPlain(name)),
    unlink: (name) => (point.tick(`unlink ${name}`), files.unlink(name)),
    write: (name, chunks: ChunkSource) => {
      point.tick(`write ${name}`);
      return files.write(name, async () => {
        const chunk = await chunks();
        if (chunk) point.tick(`write ${name}: a chunk`);
        return chunk;
      });
    },
    // The swap writes no scratch copy: a call would be a fault of its own.
    writeScratch: (name) => Promise.reject(new Error(`the swap wrote a scratch copy ${name}`)),
  };
  const faultyRecords: SwitchRecordStore = {
    read: () => records.read(),
    write: async (record) => {
      point.tick('record write');
      await records.write(record);
      point.tick('after the record write');
    },
  };
  return { files: faultyFiles, records: faultyRecords };
}

/** What a start-up finds: which file, and what it holds. */
async function startUp(files: MemoryFiles, records: SwitchRecordStore) {
  const live = await chooseLiveFile(files, records);
  const db = files.open(live.name);
  try {
    const check = db.selectValues('PRAGMA integrity_check').map(String);
    const labels = db.selectValues('SELECT DISTINCT label FROM shop').map(String);
    const rows = Number(db.selectValue('SELECT count(*) FROM shop'));
    const migrated = db.selectValue("SELECT count(*) FROM sqlite_schema WHERE name = 'migrated'") === 1;
    return { live, check, labels, rows, migrated, files: files.list().sort() };
  } finally {
    db.close();
  }
}

/** The shop as it is before the swap, on `swapsBefore` earlier swaps (0: a shop that never swapped). */
async function shopBefore(swapsBefore: number): Promise<{ files: MemoryFiles; records: ReturnType<typeof memorySwitchRecords>; live: LiveFile }> {
  const files = memoryFiles(sqlite3);
  const records = memorySwitchRecords();
  let live = await chooseLiveFile(files, records);
  for (let i = 0; i < swapsBefore; i++) {
    const swapped = await swapDatabase(files, records, live, chunksOf(databaseBytes('older', 50)), async () => null);
    swapped.db.close();
    live = swapped.live;
  }
  const db: Database = files.open(live.name);
  db.exec('CREATE TABLE IF NOT EXISTS shop (n INTEGER PRIMARY KEY, label TEXT, note TEXT); CREATE INDEX IF NOT EXISTS shop_label ON shop (label)');
  db.exec('DELETE FROM shop');
  db.transaction(() => {
    for (let n = 0; n < OLD_ROWS; n++) db.exec({ sql: 'INSERT INTO shop VALUES (?, ?, ?)', bind: [n, 'old', 'y'.repeat(120)] });
  });
  db.close();
  return { files, records, live };
}

describe('the atomic swap', () => {
  for (const swapsBefore of [0, 1]) {
    it(`killed at every step (${swapsBefore ? 'after an earlier swap' : 'a shop that never swapped'}) leaves the old or the new database whole`, async () => {
      const newBytes = databaseBytes('new', NEW_ROWS);
      const outcomes = new Map<string, string>();
      for (let crashAt = 1; ; crashAt++) {
        const { files, records, live } = await shopBefore(swapsBefore);
        const point = crashPoint(crashAt);
        const faulty = withFaults(files, records, point);
        let finished = false;
        try {
          const swapped = await swapDatabase(faulty.files, faulty.records, live, chunksOf(newBytes, 4096), async (db) => {
            point.tick('migrating');
            db.exec('CREATE TABLE migrated (x)');
            point.tick('migrated');
          });
          swapped.db.close();
          finished = true;
        } catch (error) {
          if (!(error instanceof Crash)) throw error;
        }
        files.crash();
        const found = await startUp(files, records);
        expect(found.check).toEqual(['ok']);
        // Exactly one database file, nothing half-written beside it.
        expect(found.files).toEqual([found.live.name]);
        if (found.labels[0] === 'old') {
          expect(found).toMatchObject({ labels: ['old'], rows: OLD_ROWS, migrated: false, live: { name: live.name } });
          expect(finished).toBe(false);
        } else {
          expect(found).toMatchObject({ labels: ['new'], rows: NEW_ROWS, migrated: true });
          expect(found.live.name).not.toBe(live.name);
        }
        outcomes.set(String(crashAt), found.labels[0]!);
        // Past the last step: the swap ran to its end without meeting the crash.
        if (point.steps < crashAt) {
          expect(finished).toBe(true);
          break;
        }
      }
      const seen = [...outcomes.values()];
      // Many crash points (the write alone is dozens of chunks), and both outcomes among them.
      expect(seen.length).toBeGreaterThan(newBytes.length / 4096);
      expect(seen).toContain('old');
      expect(seen).toContain('new');
      // Once the record is written the new file stays the database: no crash after it brings the old one back.
      expect(seen.slice(seen.indexOf('new'))).not.toContain('old');
    }, 60_000);
  }

  it('a failure of the migrations on the new file keeps the old file as it was and removes the new one', async () => {
    const { files, records, live } = await shopBefore(0);
    const failing = swapDatabase(files, records, live, chunksOf(databaseBytes('new', 10)), async () => {
      throw new Error('migration 3 failed');
    });
    await expect(failing).rejects.toThrow('migration 3 failed');
    const found = await startUp(files, records);
    expect(found).toMatchObject({ labels: ['old'], rows: OLD_ROWS, live: { name: LIVE_NAMES[0], seq: 0 }, files: [LIVE_NAMES[0]] });
  });

  it('refuses bytes that are not a database before any record is written', async () => {
    const { files, records, live } = await shopBefore(0);
    const text = new TextEncoder().encode('name,price\n'.repeat(200));
    await expect(swapDatabase(files, records, live, chunksOf(text), async () => null)).rejects.toThrow(/not an SQLite database/);
    expect(await records.read()).toBeNull();
    expect((await startUp(files, records)).labels).toEqual(['old']);
  });

  it('alternates between the two names, one record copy each', async () => {
    const { files, records, live } = await shopBefore(0);
    const first = await swapDatabase(files, records, live, chunksOf(databaseBytes('new', 5)), async () => null);
    first.db.close();
    const second = await swapDatabase(files, records, first.live, chunksOf(databaseBytes('newer', 5)), async () => null);
    second.db.close();
    expect([first.live, second.live]).toEqual([
      { name: LIVE_NAMES[1], seq: 1 },
      { name: LIVE_NAMES[0], seq: 2 },
    ]);
    expect(records.slots.every((slot) => slot !== null)).toBe(true);
    expect((await startUp(files, records)).labels).toEqual(['newer']);
  });
});

describe('the start-up choice', () => {
  it('takes the older record copy when the newer one is torn', async () => {
    const { files, records, live } = await shopBefore(0);
    const swapped = await swapDatabase(files, records, live, chunksOf(databaseBytes('new', 5)), async () => null);
    swapped.db.close();
    // A later swap that died while writing its record copy (slot 0): that swap's file never got the name.
    const torn = encodeSwitchRecord({ seq: 2, live: LIVE_NAMES[0] });
    records.slots[0] = torn.slice(0, torn.length - 7);
    expect(await startUp(files, records)).toMatchObject({ labels: ['new'], live: { name: LIVE_NAMES[1], seq: 1 } });
  });

  it('falls back to the other file when the named one is missing', async () => {
    const { files, records, live } = await shopBefore(0);
    await records.write({ seq: 1, live: LIVE_NAMES[1] });
    expect(await startUp(files, records)).toMatchObject({ labels: ['old'], live: { name: live.name } });
  });
});
