/** The catalogue: search as you type (FTS5), lookups by code, products and categories. */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { CatalogHandlers } from '../../protocol/catalog';
import { HandlerError } from '../runtime/errors';
import type { HandlerImpls } from '../runtime/processor';
import { PRODUCT_COLUMNS, productById, rowToProduct } from './rows';
import { exportCatalog, importCatalog, previewCatalog } from './catalog-import';
import { listCategories, writeProduct } from './products';

/** How many search matches are considered at most; `total` saturates here ("1000+ matches"). */
export const CANDIDATES = 1000;

/**
 * Turns what the cashier typed into an FTS5 query: every word must match the start of a word in the name, SKU
 * or barcode. Words are quoted, so FTS5 syntax in the input (AND, *, ") is taken literally.
 */
export function ftsQuery(text: string): string | null {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/** `catalog.*` handlers. */
export const catalogHandlers = {
  'catalog.search': {
    kind: 'query',
    run: ({ db }, { query, limit, includeInactive = false, categoryId = null, countAll = true }) => {
      const take = Math.min(Math.max(1, limit), 500);
      const match = ftsQuery(query);
      const filters = `(? OR p.active = 1) AND (? IS NULL OR p.category_id = ?)`;
      const filterArgs = [includeInactive ? 1 : 0, categoryId, categoryId];
      if (!match) {
        const products = db
          .selectObjects(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE ${filters} ORDER BY p.name COLLATE NOCASE LIMIT ?`, [...filterArgs, take])
          .map(rowToProduct);
        if (!countAll) return { products, total: products.length };
        return { products, total: Number(db.selectValue(`SELECT count(*) FROM products p WHERE ${filters}`, filterArgs)) };
      }
      // An exact barcode or SKU comes first (a unique index finds it), then name/SKU/barcode prefix matches.
      const code = query.trim();
      const exact = db
        .selectObjects(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE (p.barcode = ? OR p.sku = ?) AND ${filters}`, [code, code, ...filterArgs])
        .map(rowToProduct);
      // A short prefix can match the whole catalogue: only the first CANDIDATES matches are sorted by name, so
      // typing the first letter stays as fast as typing a whole word (the list refines as the cashier types).
      const rest = db
        .selectObjects(
          `SELECT ${PRODUCT_COLUMNS} FROM (SELECT rowid FROM products_fts WHERE products_fts MATCH ? LIMIT ${CANDIDATES}) f
           JOIN products p ON p.id = f.rowid WHERE ${filters} ORDER BY p.name COLLATE NOCASE LIMIT ?`,
          [match, ...filterArgs, take],
        )
        .map(rowToProduct)
        .filter((p) => !exact.some((e) => e.id === p.id));
      const products = [...exact, ...rest].slice(0, take);
      const total = countAll
        ? Number(db.selectValue(`SELECT count(*) FROM (SELECT rowid FROM products_fts WHERE products_fts MATCH ? LIMIT ${CANDIDATES})`, [match]))
        : products.length;
      return { products, total };
    },
  },
  'catalog.byCode': {
    kind: 'query',
    run: ({ db }, { code }) => {
      const clean = code.trim();
      if (!clean) return null;
      const row =
        db.selectObject(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.barcode = ?`, [clean]) ??
        db.selectObject(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.sku = ?`, [clean]);
      return row ? rowToProduct(row) : null;
    },
  },
  'catalog.save': {
    kind: 'mutation',
    changes: ['catalog'],
    run: ({ db }, input) => writeProduct(db, input, 'adjust', new Date().toISOString()),
  },
  'catalog.setActive': {
    kind: 'mutation',
    changes: ['catalog'],
    run: ({ db }, { id, active }) => {
      productById(db, id);
      db.exec({ sql: 'UPDATE products SET active = ?, updated_at = ? WHERE id = ?', bind: [active ? 1 : 0, new Date().toISOString(), id] });
      return productById(db, id);
    },
  },
  'catalog.categories': { kind: 'query', run: ({ db }) => listCategories(db) },
  'catalog.saveCategory': {
    kind: 'mutation',
    changes: ['catalog'],
    run: ({ db }, { id, name, parentId }) => {
      const clean = name.trim();
      if (!clean || clean.length > 100 || clean.includes('>')) throw new HandlerError('invalid', 'A category needs a name (at most 100 characters, no ">").');
      const clash = db.selectValue('SELECT id FROM categories WHERE name = ? AND parent_id IS ? AND id IS NOT ?', [clean, parentId, id ?? null]);
      if (clash !== undefined) throw new HandlerError('conflict', `There is already a category "${clean}" there.`);
      if (id === undefined) db.exec({ sql: 'INSERT INTO categories (name, parent_id) VALUES (?, ?)', bind: [clean, parentId] });
      else db.exec({ sql: 'UPDATE categories SET name = ?, parent_id = ? WHERE id = ?', bind: [clean, parentId, id] });
      const savedId = id ?? Number(db.selectValue('SELECT last_insert_rowid()'));
      const saved = listCategories(db).find((c) => c.id === savedId);
      if (!saved) throw new HandlerError('invalid', 'A category cannot be placed inside itself.');
      return saved;
    },
  },
  'catalog.exportCsv': { kind: 'query', run: ({ db }) => exportCatalog(db) },
  'catalog.importCsv': {
    kind: 'mutation',
    changes: ['catalog'],
    run: ({ db }, { csv }) => importCatalog(db, csv, new Date().toISOString()),
  },
  // A query: its writes are rolled back before it returns (see previewCatalog).
  'catalog.previewCsv': { kind: 'query', run: ({ db }, { csv }) => previewCatalog(db, csv, new Date().toISOString()) },
} satisfies HandlerImpls<CatalogHandlers>;
