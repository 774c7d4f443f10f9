import { describe, expect, it } from 'vitest';
import { findCycles, wrongWay } from './check-imports.mjs';

const graph = (edges) => {
  const map = new Map();
  for (const [from, to] of edges) {
    if (!map.has(from)) map.set(from, new Set());
    map.get(from).add(to);
  }
  return map;
};

describe('the import check', () => {
  it('finds a cycle of two files, a longer loop and a file importing itself, and nothing in a tree', () => {
    const cycles = findCycles(
      graph([
        ['src/pos/cart.ts', 'src/db/protocol/index.ts'],
        ['src/db/protocol/index.ts', 'src/pos/cart.ts'],
        ['a.ts', 'b.ts'],
        ['b.ts', 'c.ts'],
        ['c.ts', 'a.ts'],
        ['self.ts', 'self.ts'],
        ['tree.ts', 'leaf.ts'],
        ['tree.ts', 'a.ts'],
      ]),
    );
    // Tarjan's order of components is not part of the contract: compare them sorted.
    expect(cycles.map((cycle) => cycle.join(' ')).sort()).toEqual(['a.ts b.ts c.ts', 'self.ts', 'src/db/protocol/index.ts src/pos/cart.ts']);
    expect(findCycles(graph([['tree.ts', 'leaf.ts'], ['tree.ts', 'other.ts'], ['other.ts', 'leaf.ts']]))).toEqual([]);
  });

  it('names an import that runs against the layers: the domain importing the database, the worker the UI', () => {
    const problems = wrongWay(
      graph([
        ['src/pos/cart.ts', 'src/db/protocol/catalog.ts'],
        ['src/db/worker/handlers/sales.ts', 'src/app/state/cart.ts'],
        ['src/app/views/Register/index.tsx', 'src/db/protocol/sales.ts'],
        ['src/db/protocol/sales.ts', 'src/pos/sale.ts'],
      ]),
    );
    expect(problems).toEqual(['src/db/worker/handlers/sales.ts → src/app/state/cart.ts', 'src/pos/cart.ts → src/db/protocol/catalog.ts']);
  });
});

