/**
 * The benchmark's workloads, written once against the app's own processor and handlers, and run both in the
 * browser's worker (sqlite-wasm on OPFS) and in Node on better-sqlite3 (the native twin, through a thin
 * adapter): the same sale commit code, the same lookups, the same statements. Each function returns raw
 * per-operation latencies in milliseconds; statistics are computed by the bench runner.
 * Only bench builds bundle this module.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { v7 as uuidv7 } from 'uuid';
import type { RequestMessage } from '../../src/db/protocol/envelope';
import type { HandlerName, ResultOf } from '../../src/db/protocol';
import type { Cart } from '../../src/pos/cart';
import { priceCart } from '../../src/pos/pricing';
import { nextTask } from '../../src/lib/next-task';
import { createProcessor, type HandlerContext, type HandlerImpl, type Processor } from '../../src/db/worker/runtime/processor';
import { catalogHandlers } from '../../src/db/worker/handlers/catalog';
import { salesHandlers } from '../../src/db/worker/handlers/sales';
import { reportHandlers } from '../../src/db/worker/handlers/reports';

/** A sale ready to commit: the cart and the total the cashier saw. */
export interface BenchSale {
  cart: Cart;
  expectedTotal: number;
}

/** The register id the bench sells from. */
export const BENCH_REGISTER = '01940000-0000-7000-8000-00000000be9c';

/** A small deterministic generator (mulberry32): both sides pick the same products for the same seed. */
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

/**
 * A processor over `ctx` answering the sale commit and the catalogue lookups with the app's real handlers: the
 * same dispatch, the same IMMEDIATE transaction and request-id record as the leader's processor.
 */
export function benchProcessor(ctx: HandlerContext): Processor {
  const impls = { ...catalogHandlers, ...salesHandlers, ...reportHandlers } as unknown as { [K in HandlerName]: HandlerImpl<K> };
  return createProcessor(ctx, impls);
}

/** `count` sales of 3 lines (active products, 1 to 3 of each) paid by 1 payment (card or exact cash). */
export function makeSales(db: Database, count: number, seed: number): BenchSale[] {
  const next = random(seed);
  const products = Number(db.selectValue('SELECT max(id) FROM products'));
  const pick = db.prepare('SELECT id, name, sku, barcode, price, tax_bp FROM products WHERE id >= ? AND active = 1 ORDER BY id LIMIT 1');
  const shopIncludesTax = Number(db.selectValue('SELECT prices_include_tax FROM shop WHERE id = 1')) === 1;
  const sales: BenchSale[] = [];
  try {
    for (let n = 0; n < count; n++) {
      const cart: Cart = { saleId: uuidv7(), lines: [], orderDiscount: null, tenders: [] };
      for (let j = 0; j < 3; j++) {
        pick.bind([1 + Math.floor(next() * products)]);
        if (!pick.step()) pick.reset(true).bind([1]).step();
        const row = pick.get({}) as Record<string, unknown>;
        pick.reset(true);
        cart.lines.push({
          productId: Number(row.id),
          name: String(row.name),
          sku: row.sku === null ? null : String(row.sku),
          barcode: row.barcode === null ? null : String(row.barcode),
          unitPrice: Number(row.price),
          taxBp: Number(row.tax_bp),
          quantity: 1 + Math.floor(next() * 3),
          discount: null,
        });
      }
      const total = priceCart(cart.lines, null, shopIncludesTax).total;
      cart.tenders = [{ method: n % 2 === 0 ? 'card' : 'cash', amount: total }];
      sales.push({ cart, expectedTotal: total });
    }
  } finally {
    pick.finalize();
  }
  return sales;
}

let nextId = 1;
/** A request as the client makes it: a fresh request id, so every commit is a new write. */
export function request<K extends HandlerName>(name: K, args: RequestMessage<K>['args']): RequestMessage<K> {
  return { type: 'request', id: nextId++, requestId: uuidv7(), name, args };
}

/**
 * Commits each sale through the processor (`sales.commit`), timing each; throws on the first refusal. Each
 * commit starts in a task of its own, as a request from a tab does (a message), so what the worker runs between
 * requests (the checkpoint a burst forces at the WAL's bound) runs between them here too, counted in the rate.
 */
export async function timeCommits(processor: Processor, sales: BenchSale[], now: () => number, gapMs = 0): Promise<{ latencies: number[]; totalMs: number }> {
  const latencies: number[] = [];
  const started = now();
  for (const sale of sales) {
    const message = request('sales.commit', { registerId: BENCH_REGISTER, cart: sale.cart, expectedTotal: sale.expectedTotal });
    const t0 = now();
    const response = await processor.handle(message);
    latencies.push(now() - t0);
    if (!response.ok) throw new Error(`sales.commit refused: ${response.error.message}`);
    // A till between sales: idle for `gapMs` (0: the next sale at once, in a task of its own).
    await (gapMs > 0 ? new Promise((resolve) => setTimeout(resolve, gapMs)) : nextTask());
  }
  return { latencies, totalMs: now() - started };
}

/** Barcodes of `count` existing products, and `terms` name searches as a cashier types them (prefixes, two words). */
export function lookupInputs(db: Database, count: number, searches: number, seed: number): { codes: string[]; terms: string[] } {
  const next = random(seed);
  const max = Number(db.selectValue('SELECT max(id) FROM products'));
  const codes: string[] = [];
  const terms: string[] = [];
  for (let n = 0; n < count; n++) {
    const id = 1 + Math.floor(next() * max);
    const row = db.selectObject('SELECT name, barcode FROM products WHERE id >= ? ORDER BY id LIMIT 1', [id]) ?? {};
    codes.push(String(row.barcode));
    if (n >= searches) continue;
    const words = String(row.name).split(' ');
    const kind = n % 4;
    // A few letters of the first word, a whole word, two words, or a word and the start of the next.
    terms.push(
      kind === 0 ? (words[0] ?? '').slice(0, 3)
        : kind === 1 ? (words[1] ?? '')
          : kind === 2 ? `${words[0]} ${words[1]}`
            : `${words[1]} ${(words[2] ?? '').slice(0, 2)}`,
    );
  }
  return { codes, terms };
}

/** Times `catalog.byCode` for each code and `catalog.search` (24 results, as the register asks) for each term. */
export async function timeLookups(
  processor: Processor,
  inputs: { codes: string[]; terms: string[] },
  now: () => number,
): Promise<{ barcode: number[]; search: number[] }> {
  const barcode: number[] = [];
  const search: number[] = [];
  for (const code of inputs.codes) {
    const message = request('catalog.byCode', { code });
    const t0 = now();
    const response = await processor.handle(message);
    barcode.push(now() - t0);
    if (!response.ok || response.result === null) throw new Error(`barcode ${code} was not found`);
  }
  for (const query of inputs.terms) {
    const message = request('catalog.search', { query, limit: 24 });
    const t0 = now();
    const response = await processor.handle(message);
    search.push(now() - t0);
    if (!response.ok) throw new Error(`search "${query}" failed: ${response.error.message}`);
  }
  return { barcode, search };
}

/**
 * Times the Reports page's call for the year up to the newest sale (`report.sales` through the processor), `runs`
 * times: the figure behind "a year's report answers within a second". Returns each run's milliseconds and what
 * the report covered.
 */
export async function timeReportYear(processor: Processor, db: Database, runs: number, now: () => number): Promise<{ latencies: number[]; sales: number; products: number }> {
  const to = Number(db.selectValue('SELECT max(created_at) FROM sales')) + 1;
  const from = to - 365 * 86_400_000;
  const latencies: number[] = [];
  let covered = { sales: 0, products: 0 };
  for (let i = 0; i < runs; i++) {
    const message = request('report.sales', { from, to });
    const t0 = now();
    const response = await processor.handle(message);
    latencies.push(now() - t0);
    if (!response.ok) throw new Error(`report.sales failed: ${response.error.message}`);
    const report = response.result as ResultOf<'report.sales'>;
    covered = { sales: report.quarters.reduce((n, q) => n + q.sales + q.refunds, 0), products: report.productCount };
  }
  return { latencies, ...covered };
}

/** Checks a database file as an import would: whole, foreign keys intact, and a Tillite schema. */
export function validateImported(db: Database): { integrity: string; foreignKeyProblems: number; schemaVersion: number; applicationId: number } {
  return {
    integrity: db.selectValues('PRAGMA integrity_check').map(String).join('; '),
    foreignKeyProblems: db.selectValues('PRAGMA foreign_key_check').length,
    schemaVersion: Number(db.selectValue('PRAGMA user_version')),
    applicationId: Number(db.selectValue('PRAGMA application_id')),
  };
}
