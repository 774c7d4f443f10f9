/** Row mappers and small reads shared by the point-of-sale handlers. */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { Product } from '../../../pos/product';
import type { Shop } from '../../../pos/shop';
import { HandlerError } from '../runtime/errors';

type Row = Record<string, unknown>;

/** The columns {@link rowToProduct} reads. */
export const PRODUCT_COLUMNS = 'p.id, p.name, p.sku, p.barcode, p.price, p.tax_bp, p.stock, p.active, p.category_id';

/** A products row as a {@link Product}. */
export function rowToProduct(row: Row): Product {
  return {
    id: Number(row.id),
    name: String(row.name),
    sku: row.sku === null || row.sku === undefined ? null : String(row.sku),
    barcode: row.barcode === null || row.barcode === undefined ? null : String(row.barcode),
    price: Number(row.price),
    taxBp: Number(row.tax_bp),
    stock: Number(row.stock),
    active: Number(row.active) === 1,
    categoryId: row.category_id === null || row.category_id === undefined ? null : Number(row.category_id),
  };
}

/** The shop row as a {@link Shop}, or null before the first-run setup. */
export function readShop(db: Database): Shop | null {
  return rowToShop(db.selectObject('SELECT * FROM shop WHERE id = 1'));
}

/** A shop row (however it was read) as a {@link Shop}; null for no row. */
export function rowToShop(row: Row | undefined): Shop | null {
  if (!row) return null;
  return {
    name: String(row.name),
    address: String(row.address),
    phone: String(row.phone),
    taxNumber: String(row.tax_number),
    currency: String(row.currency),
    pricesIncludeTax: Number(row.prices_include_tax) === 1,
    defaultTaxBp: Number(row.default_tax_bp),
    locale: row.locale === null || row.locale === undefined ? null : String(row.locale),
    cashStep: row.cash_step === null || row.cash_step === undefined ? null : Number(row.cash_step),
  };
}

/** The shop, or an error a person understands when the setup has not been done. */
export function requireShop(db: Database): Shop {
  const shop = readShop(db);
  if (!shop) throw new HandlerError('invalid', 'Set up the shop first (name, currency and tax).');
  return shop;
}

/** One product by id, or a not-found error. */
export function productById(db: Database, id: number): Product {
  const row = db.selectObject(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = ?`, [id]);
  if (!row) throw new HandlerError('not-found', `There is no product number ${id}.`);
  return rowToProduct(row);
}

/**
 * Records a stock change made in the catalogue (an edit, an import, a product's initial stock) and applies it to
 * the product's running stock; `at` is UTC ISO text, stored as milliseconds. A sale's own movements name its
 * line and are written with the sale (`sale-record.ts`).
 */
export function moveStock(db: Database, move: { productId: number; delta: number; reason: 'adjust' | 'import' | 'initial'; at: string }): void {
  if (move.delta === 0) return;
  db.exec({
    sql: 'INSERT INTO stock_movements (product_id, delta, reason, created_at) VALUES (?, ?, ?, ?)',
    bind: [move.productId, move.delta, move.reason, Date.parse(move.at)],
  });
  db.exec({ sql: 'UPDATE products SET stock = stock + ? WHERE id = ?', bind: [move.delta, move.productId] });
}
