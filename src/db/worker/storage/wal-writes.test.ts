/**
 * The WAL's writes gathered per commit (`wal-writes.ts`): the buffer's rules over a plain array, then the real
 * wrapping over a real WAL (sqlite-wasm's `unix` VFS in Node, on its in-memory file system, in the live
 * database's settings: exclusive locking, WAL, synchronous=FULL). The app's own WAL (opfs-sahpool) runs it in
 * every end-to-end test, the killed-browser ones included.
 */
import { describe, expect, it } from 'vitest';
import { loadSqlite } from './sqlite';
import { applyConnectionSettings } from './pragmas';
import { gatherWrites, gatherWalWrites, walBytesPending, walWriteStats, type GatherTarget } from './wal-writes';

/** A file and a wasm memory as byte arrays: what reached the file, call by call. */
function arrays() {
  const memory = new Uint8Array(4096);
  const file = new Uint8Array(4096);
  const calls: Array<[offset: number, n: number]> = [];
  const target: GatherTarget = {
    write(from, n, offset) {
      calls.push([offset, n]);
      file.set(memory.subarray(from, from + n), offset);
      return 0;
    },
    copy: (to, from, n) => void memory.copyWithin(to, from, from + n),
  };
  /** Puts `bytes` at address `at` of the memory (as SQLite's buffer for one write). */
  const put = (at: number, bytes: number[]) => memory.set(bytes, at);
  return { memory, file, calls, target, put };
}

describe('gathering the WAL\'s writes', () => {
  it('joins writes that follow one another into one, written in order when drained', () => {
    const { file, calls, target, put } = arrays();
    const gathered = gatherWrites(target, 2048, 64);
    put(0, [1, 2, 3]);
    expect(gathered.add(0, 3, 100)).toBe(0);
    put(0, [4, 5]); // SQLite reuses its buffer: the bytes were taken at the write
    expect(gathered.add(0, 2, 103)).toBe(0);
    expect(calls).toEqual([]);
    expect(gathered.pending()).toBe(5);
    expect(gathered.drain()).toBe(0);
    expect(calls).toEqual([[100, 5]]);
    expect([...file.subarray(100, 105)]).toEqual([1, 2, 3, 4, 5]);
    expect(gathered.pending()).toBe(0);
    expect(gathered.drain()).toBe(0); // nothing left: no call
    expect(calls).toHaveLength(1);
  });

  it('writes what it holds first when a write goes elsewhere (an earlier frame rewritten), so the order is SQLite\'s', () => {
    const { file, calls, target, put } = arrays();
    const gathered = gatherWrites(target, 2048, 64);
    put(0, [1, 1]);
    gathered.add(0, 2, 10);
    put(0, [9]);
    gathered.add(0, 1, 10); // the same place again
    expect(calls).toEqual([[10, 2]]);
    gathered.drain();
    expect(calls).toEqual([[10, 2], [10, 1]]);
    expect([...file.subarray(10, 12)]).toEqual([9, 1]);
  });

  it('writes a run once it would pass the buffer, and a write larger than the buffer straight through', () => {
    const { calls, target, put } = arrays();
    const gathered = gatherWrites(target, 2048, 8);
    put(0, [1, 2, 3, 4, 5, 6]);
    gathered.add(0, 6, 0);
    gathered.add(0, 6, 6); // 12 > 8: the first run goes, this one starts the next
    expect(calls).toEqual([[0, 6]]);
    gathered.add(0, 20, 12); // larger than the buffer
    expect(calls).toEqual([[0, 6], [6, 6], [12, 20]]);
    expect(gathered.pending()).toBe(0);
  });

  it('answers the file\'s error at the drain and keeps what it holds, written by the next drain once the file takes it', () => {
    const { file, calls, target, put } = arrays();
    let full = true;
    const flaky: GatherTarget = { ...target, write: (from, n, offset) => (full ? 13 : target.write(from, n, offset)) }; // SQLITE_FULL
    const gathered = gatherWrites(flaky, 2048, 64);
    put(0, [7, 8]);
    expect(gathered.add(0, 2, 40)).toBe(0);
    expect(gathered.drain()).toBe(13);
    // SQLite was told this write was done (the tail of a padding frame is written after its commit's sync):
    // it must reach the file before anything reads there.
    expect(gathered.pending()).toBe(2);
    put(0, [9]);
    expect(gathered.add(0, 1, 10)).toBe(13); // elsewhere: what is held goes first, and cannot
    full = false;
    expect(gathered.drain()).toBe(0);
    expect(calls).toEqual([[40, 2]]);
    expect([...file.subarray(40, 42)]).toEqual([7, 8]);
    expect(gathered.pending()).toBe(0);
  });
});

describe('a real WAL with its writes gathered', () => {
  it('writes each commit in a call or two, holds nothing once a commit returns, and reads back every row after a reopen', async () => {
    const sqlite3 = await loadSqlite();
    const name = `/wal-writes-${Date.now()}.db`;
    const open = () => {
      const db = new sqlite3.oo1.DB({ filename: name, flags: 'c', vfs: 'unix' });
      applyConnectionSettings(db);
      return db;
    };
    const db = open();
    expect(String(db.selectValue('PRAGMA journal_mode'))).toBe('wal');
    db.exec('PRAGMA wal_autocheckpoint = 0; CREATE TABLE sales (id INTEGER PRIMARY KEY, at INTEGER, body BLOB); CREATE INDEX sales_at ON sales (at)');
    // Under 128 KiB a call: this VFS refuses larger writes (see WAL_BUFFER_BYTES).
    expect(gatherWalWrites(sqlite3, db, 120 * 1024)).toBe(true);
    expect(gatherWalWrites(sqlite3, db, 120 * 1024)).toBe(true); // again: the same wrapping, not a second one
    const before = { ...walWriteStats };
    const insert = db.prepare('INSERT INTO sales (at, body) VALUES (random(), randomblob(600))');
    for (let i = 0; i < 200; i++) {
      db.exec('BEGIN');
      for (let j = 0; j < 5; j++) insert.stepReset();
      db.exec('COMMIT');
      // The commit synced what it wrote: nothing of it waits in the buffer.
      expect(walBytesPending()).toBe(0);
    }
    insert.finalize();
    const writes = walWriteStats.writes - before.writes;
    const calls = walWriteStats.calls - before.calls;
    // Two writes per frame, a few frames per commit; one call per commit (and one for the WAL's header).
    expect(writes).toBeGreaterThanOrEqual(200 * 4);
    expect(calls).toBeLessThanOrEqual(200 + 2);
    // The WAL is read back as SQLite wrote it: a checkpoint copies it, the check finds the file whole.
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(db.selectValue('PRAGMA integrity_check')).toBe('ok');
    db.exec("INSERT INTO sales (at, body) VALUES (0, x'01')");
    db.close();
    const again = open();
    expect(Number(again.selectValue('SELECT count(*) FROM sales'))).toBe(1001);
    expect(again.selectValue('PRAGMA integrity_check')).toBe('ok');
    again.close();
  });
});
