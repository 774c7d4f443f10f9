/**
 * The catalogue's writes and category reads, shared by the product form (`catalog.ts`) and the CSV import
 * (`catalog-import.ts`), which both import this file and not each other.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { Category, Product, ProductInput } from '../../../pos/product';
import { HandlerError } from '../runtime/errors';
import { moveStock, productById } from './rows';

/** Checks a product before it is written; returns the clean input. */
function checkProduct(db: Database, input: ProductInput): ProductInput {
  const name = input.name.trim();
  const sku = input.sku?.trim() || null;
  const barcode = input.barcode?.trim() || null;
  if (!name || name.length > 200) throw new HandlerError('invalid', 'A product needs a name of at most 200 characters.');
  if (!Number.isSafeInteger(input.price) || input.price < 0) throw new HandlerError('invalid', 'The price must be zero or more.');
  if (!Number.isSafeInteger(input.taxBp) || input.taxBp < 0 || input.taxBp > 100_000) throw new HandlerError('invalid', 'The tax rate is not valid.');
  if (!Number.isSafeInteger(input.stock)) throw new HandlerError('invalid', 'The stock must be a whole number.');
  for (const [column, value, label] of [['barcode', barcode, 'barcode'], ['sku', sku, 'SKU']] as const) {
    if (value === null) continue;
    const clash = db.selectObject(`SELECT id, name FROM products WHERE ${column} = ? AND id IS NOT ?`, [value, input.id ?? null]);
    if (clash) throw new HandlerError('conflict', `The ${label} ${value} already belongs to "${String(clash.name)}".`);
  }
  return { ...input, name, sku, barcode };
}

/**
 * Creates or updates a product; a change of stock is recorded as a movement with `reason`.
 * Shared by the product form and the CSV import.
 */
export function writeProduct(db: Database, raw: ProductInput, reason: 'adjust' | 'import', at: string): Product {
  const input = checkProduct(db, raw);
  if (input.id === undefined) {
    db.exec({
      sql: `INSERT INTO products (name, sku, barcode, price, tax_bp, stock, active, category_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
      bind: [input.name, input.sku, input.barcode, input.price, input.taxBp, input.active ? 1 : 0, input.categoryId, at, at],
    });
    const id = Number(db.selectValue('SELECT last_insert_rowid()'));
    moveStock(db, { productId: id, delta: input.stock, reason: reason === 'import' ? 'import' : 'initial', at });
    return productById(db, id);
  }
  const before = productById(db, input.id);
  db.exec({
    sql: `UPDATE products SET name = ?, sku = ?, barcode = ?, price = ?, tax_bp = ?, active = ?, category_id = ?, updated_at = ?
          WHERE id = ?`,
    bind: [input.name, input.sku, input.barcode, input.price, input.taxBp, input.active ? 1 : 0, input.categoryId, at, input.id],
  });
  moveStock(db, { productId: input.id, delta: input.stock - before.stock, reason, at });
  return productById(db, input.id);
}

/** Every category with its path from the top, ordered by path. */
export function listCategories(db: Database): Category[] {
  return db
    .selectObjects(
      `WITH RECURSIVE tree (id, name, parent_id, path) AS (
         SELECT id, name, parent_id, name FROM categories WHERE parent_id IS NULL
         UNION ALL
         SELECT c.id, c.name, c.parent_id, tree.path || ' > ' || c.name FROM categories c JOIN tree ON c.parent_id = tree.id
       )
       SELECT id, name, parent_id, path FROM tree ORDER BY path COLLATE NOCASE`,
    )
    .map((row) => ({
      id: Number(row.id),
      name: String(row.name),
      parentId: row.parent_id === null ? null : Number(row.parent_id),
      path: String(row.path),
    }));
}

/** Finds or creates the category at `path` (names from the top); null for an empty path. */
export function categoryForPath(db: Database, path: string[]): number | null {
  let parent: number | null = null;
  for (const name of path) {
    const found: unknown = db.selectValue('SELECT id FROM categories WHERE name = ? AND parent_id IS ?', [name, parent]);
    if (found !== undefined) parent = Number(found);
    else {
      db.exec({ sql: 'INSERT INTO categories (name, parent_id) VALUES (?, ?)', bind: [name, parent] });
      parent = Number(db.selectValue('SELECT last_insert_rowid()'));
    }
  }
  return parent;
}
