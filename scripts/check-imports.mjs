// `npm test`'s import check: no import cycles anywhere in src/ and bench/app/, and imports that run one way
// between the layers (docs/architecture.md). The graph is the TypeScript compiler's own module resolution
// (`tsc --traceResolution` over every project), so `import type` counts as much as a value import: a type that
// points the wrong way is the start of a cycle. Exits 1 and names every cycle and every wrong-way import.
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The projects whose files are checked (the tests' project too: a test may not tie modules into a loop). */
const PROJECTS = ['tsconfig.app.json', 'tsconfig.worker.json', 'tsconfig.test.json'];

/**
 * Which folders a folder's files may import, by path prefix (first match wins). `lib/` imports nothing of ours;
 * `pos/` only `lib/`; the protocol only `pos/` and `lib/`; the worker never the UI; the UI never the worker.
 */
export const LAYERS = [
  { from: 'src/lib/', may: ['src/lib/'] },
  { from: 'src/pos/', may: ['src/pos/', 'src/lib/'] },
  { from: 'src/db/protocol/', may: ['src/db/protocol/', 'src/pos/', 'src/lib/'] },
  { from: 'src/db/migrations/', may: ['src/db/migrations/', 'src/db/worker/', 'src/db/protocol/', 'src/pos/', 'src/lib/'] },
  { from: 'src/db/worker/', may: ['src/db/worker/', 'src/db/migrations/', 'src/db/protocol/', 'src/pos/', 'src/lib/', 'e2e/fixtures/'] },
  { from: 'src/db/client', may: ['src/db/client', 'src/db/protocol/', 'src/pos/', 'src/lib/'] },
  { from: 'src/app/', may: ['src/app/', 'src/db/client', 'src/db/protocol/', 'src/pos/', 'src/lib/', 'src/sw/'] },
  { from: 'src/sw/', may: ['src/sw/', 'src/app/state/', 'src/lib/'] },
  { from: 'src/main.tsx', may: ['src/app/'] },
  { from: 'bench/app/', may: ['bench/app/', 'src/'] },
];

/** The strongly connected components with more than one file (or a file importing itself): each is a cycle. */
export function findCycles(graph) {
  let index = 0;
  const stack = [];
  const state = new Map();
  const cycles = [];
  const visit = (node) => {
    state.set(node, { index, low: index, onStack: true });
    index++;
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!state.has(next)) {
        visit(next);
        state.get(node).low = Math.min(state.get(node).low, state.get(next).low);
      } else if (state.get(next).onStack) {
        state.get(node).low = Math.min(state.get(node).low, state.get(next).index);
      }
    }
    if (state.get(node).low === state.get(node).index) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        state.get(member).onStack = false;
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? new Set()).has(node)) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

/** Imports that go against {@link LAYERS}, as "from → to". */
export function wrongWay(graph, layers = LAYERS) {
  const problems = [];
  for (const [from, targets] of graph) {
    const rule = layers.find((layer) => from.startsWith(layer.from));
    if (!rule) continue;
    for (const to of targets) if (!rule.may.some((prefix) => to.startsWith(prefix))) problems.push(`${from} → ${to}`);
  }
  return problems.sort();
}

/** The repository's import graph (repo-relative paths), from the compiler's resolution trace of each project. */
export function importGraph(root) {
  const graph = new Map();
  const pattern = /^======== Module name '[^']+' was successfully resolved to '([^']+)'/;
  const from = /^======== Resolving module '[^']+' from '([^']+)'/;
  for (const project of PROJECTS) {
    const run = spawnSync('npx', ['tsc', '-p', project, '--noEmit', '--traceResolution'], { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20 });
    if (run.error) throw run.error;
    let current = null;
    for (const line of run.stdout.split('\n')) {
      const start = from.exec(line);
      if (start) {
        current = relative(root, start[1]);
        continue;
      }
      const done = pattern.exec(line);
      if (!done || current === null) continue;
      const target = relative(root, done[1]);
      if (!target.startsWith('..') && !target.includes('node_modules')) {
        if (!graph.has(current)) graph.set(current, new Set());
        graph.get(current).add(target);
      }
      current = null;
    }
  }
  return graph;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const graph = importGraph(root);
  const cycles = findCycles(graph);
  const wrong = wrongWay(graph);
  const files = new Set([...graph.keys(), ...[...graph.values()].flatMap((targets) => [...targets])]);
  for (const cycle of cycles) console.error(`import cycle: ${cycle.join(' ⇄ ')}`);
  for (const problem of wrong) console.error(`import against the layers (docs/architecture.md): ${problem}`);
  if (files.size < 50) {
    console.error(`the import check read only ${files.size} files: the compiler's trace was not understood`);
    process.exit(1);
  }
  if (cycles.length || wrong.length) process.exit(1);
  console.log(`imports: ${files.size} files, no cycles, every import runs one way`);
}
