import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../storage/memory';
import { checkTableByTable, tablesToCheck } from './integrity';
import { migrate } from './runner';
import { bundledMigrations } from './loader';

describe('the start-up integrity check, table by table', () => {
  it('checks every table and full-text shadow table of a whole database and finds nothing', async () => {
    const opened = await openMemoryDatabase();
    await migrate(opened.db, bundledMigrations, { appVersion: 'test' });
    const tables = tablesToCheck(opened.db);
    expect(tables).toContain('sales');
    expect(tables).toContain('products_fts_data');
    expect(tables).not.toContain('products_fts'); // the virtual table has no pages of its own
    let pauses = 0;
    const problems = await checkTableByTable(() => opened.db, async () => void pauses++);
    expect(problems).toEqual([]);
    expect(pauses).toBe(tables.length); // it yields before every table, so sales interleave with the check
    opened.close();
  });

  it('reports an index that no longer matches its table', async () => {
    const opened = await openMemoryDatabase();
    const { db } = opened;
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v)');
    db.exec("INSERT INTO t (v) VALUES ('a'), ('b'), ('c')");
    // Damage the index behind SQLite's back: writable_schema lets the test point the index at the wrong column.
    db.exec('PRAGMA writable_schema = ON');
    db.exec("UPDATE sqlite_schema SET sql = 'CREATE INDEX t_v ON t (id)' WHERE name = 't_v'");
    db.exec('PRAGMA writable_schema = RESET'); // reload the schema as changed
    const problems = await checkTableByTable(() => db, async () => undefined);
    expect(problems.join('\n')).toMatch(/^t: /);
    opened.close();
  });

  it('stops without a verdict when the database is replaced while it checks', async () => {
    const opened = await openMemoryDatabase();
    await migrate(opened.db, bundledMigrations, { appVersion: 'test' });
    let current: typeof opened.db | null = opened.db;
    let pauses = 0;
    const problems = await checkTableByTable(
      () => current,
      async () => {
        if (++pauses === 3) current = null; // a restore closed the file
      },
    );
    expect(problems).toEqual([]);
    expect(pauses).toBe(3);
    opened.close();
  });
});
