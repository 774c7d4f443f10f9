/** Counting a table's rows in steps gives `count(*)`, whatever its key: sparse rowids, a composite key, a TEXT key. */
import { describe, expect, it } from 'vitest';
import { memoryDb } from '../testing/memory-db';
import { countSteps, integerKeyOf } from './tables';

function counted(steps: Generator<void, number>): { rows: number; steps: number } {
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { rows: step.value, steps: count };
    count++;
  }
}

describe('countSteps', () => {
  it('counts every row, a range of the integer key per step', async () => {
    const { db } = await memoryDb();
    db.exec(`
      CREATE TABLE sparse (id INTEGER PRIMARY KEY, v TEXT) STRICT;
      CREATE TABLE lines (sale_id INTEGER NOT NULL, line_no INTEGER NOT NULL, PRIMARY KEY (sale_id, line_no)) STRICT, WITHOUT ROWID;
      CREATE TABLE named (key TEXT PRIMARY KEY, value TEXT) STRICT, WITHOUT ROWID;
      CREATE TABLE empty (id INTEGER PRIMARY KEY) STRICT;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
      INSERT INTO sparse SELECT CASE WHEN i % 1000 = 0 THEN i * 1000000000 ELSE i - 4611686018427387904 END, 'x' FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
      INSERT INTO lines SELECT i, l FROM n, (SELECT 1 AS l UNION ALL SELECT 2 UNION ALL SELECT 3);
      INSERT INTO named VALUES ('a', '1'), ('b', '2');
    `);
    expect(integerKeyOf(db, 'sparse')).toBe('rowid');
    expect(integerKeyOf(db, 'lines')).toBe('"sale_id"');
    expect(integerKeyOf(db, 'named')).toBeNull();
    const sparse = counted(countSteps(db, 'sparse'));
    expect(sparse.rows).toBe(30000);
    // Far-apart keys (a billion apart) start a step each at the next key there is, not one per empty range.
    expect(sparse.steps).toBeGreaterThan(3);
    expect(sparse.steps).toBeLessThan(100);
    expect(counted(countSteps(db, 'lines')).rows).toBe(60000);
    expect(counted(countSteps(db, 'named'))).toEqual({ rows: 2, steps: 0 });
    expect(counted(countSteps(db, 'empty'))).toEqual({ rows: 0, steps: 0 });
    db.close();
  });
});
