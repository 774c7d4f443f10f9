/**
 * The report's sales by product and by category, from the range's lines. Only the range's lines are read: by sale
 * id range when its sales are one run of ids (see `lineScope`), else through the `sales_created_at` index and a
 * seek per sale. The page shows the best-selling few, so one statement sums every product once and returns only
 * those, how many products sold, and the categories' sums; every product is read only for the products' CSV.
 * Refunds' lines have negative quantities and amounts: summing them with the sales takes them off.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { CategoryTally, ProductTally } from '../../protocol/reports';
import { listCategories } from './products';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** The range's lines as a FROM clause aliased `c`, with its bindings. */
export interface LineScope {
  lines: string;
  bind: number[];
}

/** Sales in a run beyond which a report reads the lines through the product-ordered index. */
const LONG_RUN = 20_000;

/**
 * Which lines a report reads: those of the sales in [from, to) through the `sales_created_at` index, or, when
 * those sales are exactly one run of ids (sales are numbered as they are recorded, so unless a clock was set back
 * they are), the lines of that id range, as one run of their primary keys; a long run through `sale_lines_item`
 * (migration 0008), which holds them in product order, so that they need no sorting to be summed by product.
 * `longRun` is {@link LONG_RUN} (a test sets it below 0 to read a short range as a long one).
 */
export function lineScope(db: Database, from: number, to: number, longRun = LONG_RUN): LineScope {
  const byTime: LineScope = {
    lines: 'sales s JOIN sale_lines c ON c.sale_id = s.id WHERE s.created_at >= ? AND s.created_at < ?',
    bind: [from, to],
  };
  const edge = (order: string) => db.selectValue(`SELECT id FROM sales WHERE created_at >= ? AND created_at < ? ORDER BY created_at ${order}, id ${order} LIMIT 1`, [from, to]);
  const first = edge('ASC');
  const last = edge('DESC');
  if (typeof first !== 'number' || typeof last !== 'number' || last < first) return byTime;
  const run = db.selectObject('SELECT count(*) AS n, total(created_at < ? OR created_at >= ?) AS outside FROM sales WHERE id BETWEEN ? AND ?', [from, to, first, last]);
  const inRange = Number(db.selectValue('SELECT count(*) FROM sales WHERE created_at >= ? AND created_at < ?', [from, to]));
  if (Number(run?.outside) !== 0 || Number(run?.n) !== inRange) return byTime;
  const index = last - first > longRun ? ' INDEXED BY sale_lines_item' : '';
  return { lines: `sale_lines c${index} WHERE c.sale_id BETWEEN ? AND ?`, bind: [first, last] };
}

// Every product sold, summed once: the lines by the version of the product sold (few per product), then by product
// (lines that sold no catalogue product, by their name). `item` is one version, for the name of a product no
// longer in the catalogue.
const soldCte = (lines: string) => `
  items AS (SELECT c.item_id, sum(c.quantity) AS quantity, sum(c.amount) AS amount FROM ${lines} GROUP BY c.item_id),
  sold AS MATERIALIZED (
    SELECT i.product_id, max(i.id) AS item, p.category_id, sum(items.quantity) AS quantity, sum(items.amount) AS amount
    FROM items JOIN line_items i ON i.id = items.item_id LEFT JOIN products p ON p.id = i.product_id
    GROUP BY i.product_id, iif(i.product_id IS NULL, i.name, NULL))`;

// A product's name and SKU as the catalogue has them now, else as it was last sold.
const NAMED = `
  SELECT sold.product_id, coalesce(p.name, i.name) AS name, coalesce(p.sku, i.sku) AS sku, sold.category_id, sold.quantity, sold.amount
  FROM sold JOIN line_items i ON i.id = sold.item LEFT JOIN products p ON p.id = sold.product_id`;

// The best-selling `top` (named only once chosen: the ties at the last place are all kept until sorted by name),
// then each category's sums, then how many products sold: one pass over the lines for all three.
const summarySql = (lines: string) => `
  WITH ${soldCte(lines)},
    cut AS (SELECT coalesce((SELECT amount FROM sold ORDER BY amount DESC LIMIT 1 OFFSET ?), min(amount)) AS amount FROM sold),
    top AS (SELECT * FROM (${NAMED} WHERE sold.amount >= (SELECT amount FROM cut)) ORDER BY amount DESC, name LIMIT ?)
  SELECT 'top' AS part, * FROM top
  UNION ALL SELECT 'category', NULL, NULL, NULL, category_id, sum(quantity), sum(amount) FROM sold GROUP BY category_id
  UNION ALL SELECT 'count', NULL, NULL, NULL, NULL, count(*), NULL FROM sold`;

// Every product as one JSON text (see report-tallies.ts: 100,000 rows read one column at a time took seconds).
const allSql = (lines: string) => `
  WITH ${soldCte(lines)}
  SELECT json_group_array(json_array(product_id, name, sku, category_id, quantity, amount)) FROM (${NAMED})`;

function productRow(r: Row): ProductTally {
  return {
    productId: r.product_id === null ? null : num(r.product_id),
    name: String(r.name),
    sku: text(r.sku),
    categoryId: r.category_id === null || r.category_id === undefined ? null : num(r.category_id),
    quantity: num(r.quantity),
    amount: num(r.amount),
  };
}

/** The best-selling `top` products of the scope (by amount, then name), how many products sold, and the categories. */
export function productSummary(db: Database, scope: LineScope, top: number): { products: ProductTally[]; productCount: number; categories: CategoryTally[] } {
  const products: ProductTally[] = [];
  const byCategory: { categoryId: number | null; quantity: number; amount: number }[] = [];
  let productCount = 0;
  for (const r of db.selectObjects(summarySql(scope.lines), [...scope.bind, top - 1, top])) {
    if (r.part === 'top') products.push(productRow(r));
    else if (r.part === 'count') productCount = num(r.quantity);
    else byCategory.push({ categoryId: r.category_id === null ? null : num(r.category_id), quantity: num(r.quantity), amount: num(r.amount) });
  }
  // Each category by its path from the top, as it is now; best-selling first.
  const paths = new Map(listCategories(db).map((c) => [c.id, c.path]));
  const categories = byCategory
    .map((c) => ({ ...c, name: (c.categoryId !== null && paths.get(c.categoryId)) || 'No category' }))
    .sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name));
  return { products, productCount, categories };
}

/** Every product sold in the scope, best-selling (by amount, then name) first: the products' CSV. */
export function allProducts(db: Database, scope: LineScope): ProductTally[] {
  const rows = JSON.parse(String(db.selectValue(allSql(scope.lines), scope.bind) ?? '[]')) as unknown[][];
  return rows
    .map(([product_id, name, sku, category_id, quantity, amount]) => productRow({ product_id, name, sku, category_id, quantity, amount }))
    .sort((a, b) => b.amount - a.amount || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
