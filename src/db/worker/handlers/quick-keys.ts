/**
 * The register's quick keys (migration 0006's `quick_keys`): what the owner pinned, in order, topped up with the
 * products sold most lately and then the rest by name, so that a till without any arranging still shows its
 * best sellers one tap away. Only active products are shown; out-of-stock ones are shown (the view marks them).
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { QuickKey, QuickKeyHandlers } from '../../protocol/quick-keys';
import { HandlerError } from '../runtime/errors';
import type { HandlerImpls } from '../runtime/processor';
import { PRODUCT_COLUMNS, rowToProduct } from './rows';

/** How many keys a tab shows. */
export const QUICK_KEYS = 24;
/** How far back "sold most" looks: recent enough to follow the season, long enough for a quiet shop. */
const SOLD_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;
/**
 * How many of the newest sales in that window "sold most" sums: a busy café's week or so (about 300 sales a day),
 * a quiet shop's whole 90 days; the work stays the same however large the shop grows.
 */
const RECENT_SALES = 2000;
const MAX_PINNED = 200;

/** The products in the tab `categoryId` (its subtree), as a SQL condition on `p` whose category is bound to `?4`. */
function inTab(categoryId: number | null): { sql: string; bind: unknown[] } {
  if (categoryId === null) return { sql: '1', bind: [] };
  return {
    sql: `p.category_id IN (WITH RECURSIVE tree(id) AS (SELECT ?4 UNION ALL SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree)`,
    bind: [categoryId],
  };
}

/**
 * The keys of a tab in three bands, each read only as far as it can reach the tab's first {@link QUICK_KEYS}:
 * the pinned ones by position; then the best sellers of the last {@link RECENT_SALES} sales within
 * {@link SOLD_WINDOW_MS}, by quantity (then name); then the rest by name. At the large size (100,000 products,
 * 300,000 sales) summing every line of 90 days and sorting every product took 0.2–0.45 s natively on each
 * register start and tab tap (which plan SQLite chose depended on the other indexes); this takes a few ms.
 * `recent` is {@link RECENT_SALES} (a test lowers it).
 */
export function readKeys(db: Database, categoryId: number | null, now: number, recent = RECENT_SALES): QuickKey[] {
  const tab = inTab(categoryId);
  const rows = db.selectObjects(
    `WITH recent AS (SELECT id FROM sales WHERE kind = 'sale' AND created_at >= ?1 ORDER BY created_at DESC LIMIT ?2),
     sold AS MATERIALIZED (
       SELECT i.product_id, sum(l.quantity) AS quantity
       FROM recent s CROSS JOIN sale_lines l ON l.sale_id = s.id JOIN line_items i ON i.id = l.item_id
       WHERE i.product_id IS NOT NULL
       GROUP BY i.product_id
     ),
     keyed AS (
       SELECT p.id, 0 AS band, q.position AS place, 0 AS quantity FROM quick_keys q JOIN products p ON p.id = q.product_id
       WHERE p.active = 1 AND ${tab.sql}
       UNION ALL
       SELECT * FROM (
         SELECT p.id, 1, 0, sold.quantity FROM sold JOIN products p ON p.id = sold.product_id
         WHERE p.active = 1 AND ${tab.sql} AND NOT EXISTS (SELECT 1 FROM quick_keys q WHERE q.product_id = p.id)
         ORDER BY sold.quantity DESC, p.name COLLATE NOCASE, p.id LIMIT ?3)
       UNION ALL
       SELECT * FROM (
         SELECT p.id, 2, 0, 0 FROM products p
         WHERE p.active = 1 AND ${tab.sql} AND NOT EXISTS (SELECT 1 FROM quick_keys q WHERE q.product_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM sold WHERE sold.product_id = p.id)
         ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?3)
     )
     SELECT ${PRODUCT_COLUMNS}, iif(k.band = 0, k.place, NULL) AS position
     FROM keyed k JOIN products p ON p.id = k.id
     ORDER BY k.band, k.place, k.quantity DESC, p.name COLLATE NOCASE, p.id
     LIMIT ?3`,
    [now - SOLD_WINDOW_MS, recent, QUICK_KEYS, ...tab.bind] as never,
  );
  return rows.map((row) => ({ ...rowToProduct(row), pinned: row.position !== null && row.position !== undefined }));
}

/** The top-level categories that have an active product in their subtree, by name. */
function readTabs(db: Database) {
  return db
    .selectObjects(
      `WITH RECURSIVE tree(root, id) AS (
         SELECT id, id FROM categories WHERE parent_id IS NULL
         UNION ALL SELECT tree.root, c.id FROM categories c JOIN tree ON c.parent_id = tree.id
       )
       SELECT r.id, r.name FROM categories r
       WHERE r.parent_id IS NULL AND EXISTS (SELECT 1 FROM tree JOIN products p ON p.category_id = tree.id WHERE tree.root = r.id AND p.active = 1)
       ORDER BY r.name COLLATE NOCASE`,
    )
    .map((row) => ({ id: Number(row.id), name: String(row.name) }));
}

const pinnedIds = (db: Database) => db.selectValues('SELECT product_id FROM quick_keys ORDER BY position').map(Number);

/** Replaces the pinned list after checking it. */
function setPinned(db: Database, productIds: number[]): number[] {
  if (!Array.isArray(productIds) || productIds.length > MAX_PINNED) throw new HandlerError('invalid', `At most ${MAX_PINNED} products can be pinned to quick keys.`);
  if (new Set(productIds).size !== productIds.length) throw new HandlerError('invalid', 'A product can be on one quick key only.');
  for (const id of productIds) {
    if (!Number.isSafeInteger(id) || db.selectValue('SELECT 1 FROM products WHERE id = ?', [id]) === undefined) {
      throw new HandlerError('not-found', `There is no product number ${String(id)}: the quick keys were not changed.`);
    }
  }
  db.exec('DELETE FROM quick_keys');
  productIds.forEach((id, i) => db.exec({ sql: 'INSERT INTO quick_keys (product_id, position) VALUES (?, ?)', bind: [id, i + 1] }));
  return pinnedIds(db);
}

/** `quickKeys.*` handlers. */
export const quickKeyHandlers = {
  'quickKeys.get': {
    kind: 'query',
    run: ({ db }, { categoryId }) => ({ keys: readKeys(db, categoryId ?? null, Date.now()), tabs: readTabs(db), pinned: pinnedIds(db) }),
  },
  'quickKeys.set': { kind: 'mutation', changes: ['catalog'], run: ({ db }, { productIds }) => ({ pinned: setPinned(db, productIds) }) },
} satisfies HandlerImpls<QuickKeyHandlers>;
