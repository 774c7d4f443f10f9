/**
 * Mutations of a valid database file for the import fuzz (issue 13): bit flips in random pages and in row data,
 * truncations, header field changes, swapped and zeroed pages, damaged b-tree page headers, appended garbage.
 * Pure and seeded, shared by the unit-level fuzz (every case, through the import check in Node) and the
 * end-to-end fuzz (a sample, through the real import in Chromium).
 */

/** The seed: change it to explore, keep it to reproduce. */
export const FUZZ_SEED = 0x13_0013;

/** A small seeded generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Changes a copy of a database file (`bytes` may be changed in place and returned). */
export type Mutation = (bytes: Uint8Array, next: () => number, pageSize: number) => Uint8Array;
const int = (next: () => number, n: number) => Math.floor(next() * n);
const pages = (bytes: Uint8Array, pageSize: number) => bytes.length / pageSize;
const flip = (bytes: Uint8Array, at: number, next: () => number) => {
  bytes[at] = bytes[at]! ^ (1 << int(next, 8));
};

/** The mutations, by kind. Each gets its own copy of the valid file. */
export const MUTATIONS: Record<string, Mutation> = {
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

