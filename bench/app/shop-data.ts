/**
 * Generates a realistic shop inside SQLite for the benchmark: categories, products (names from word lists,
 * SKUs, EAN-13-shaped barcodes, two tax rates), and a year of sales with their lines, tax bands, payments and
 * stock movements, exactly in the app's schema. Everything is `INSERT … SELECT` over recursive CTEs, so 900,000
 * sale lines take seconds, not minutes. The same function fills the browser's database and the native twin's.
 *
 * Deterministic: the same size gives the same rows on both sides (no random(), ids derived from row numbers).
 * Only bench builds bundle this module.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';

/** A shop size: how many products and sales (every sale has 3 lines and 1 payment). */
export interface ShopSize {
  name: string;
  products: number;
  sales: number;
}

/** The three sizes of the issue. */
export const SHOP_SIZES: ShopSize[] = [
  { name: 'small', products: 1_000, sales: 5_000 },
  { name: 'medium', products: 20_000, sales: 100_000 },
  { name: 'large', products: 100_000, sales: 300_000 },
];

/** The shop's details, as the setup stores them and as each sale copies them. */
export const BENCH_SHOP = {
  name: 'Bench Grocery',
  address: '1 Market Street',
  phone: '+44 20 0000 0000',
  taxNumber: 'GB000000000',
  currency: 'EUR',
  pricesIncludeTax: true,
  defaultTaxBp: 2000,
};

const ADJECTIVES = ['Organic', 'Fresh', 'Classic', 'Smoked', 'Dark', 'Sparkling', 'Spicy', 'Sweet', 'Roasted', 'Wild',
  'Golden', 'Crispy', 'Creamy', 'Salted', 'Green', 'Red', 'Italian', 'Greek', 'Alpine', 'Nordic'];
const NOUNS = ['Coffee', 'Tea', 'Chocolate', 'Cheese', 'Bread', 'Olive Oil', 'Pasta', 'Rice', 'Honey', 'Yoghurt',
  'Juice', 'Water', 'Biscuits', 'Crackers', 'Salmon', 'Ham', 'Apples', 'Tomatoes', 'Lentils', 'Granola',
  'Muesli', 'Jam', 'Butter', 'Milk', 'Soap', 'Shampoo', 'Candles', 'Napkins', 'Beans', 'Soup'];
const SIZES = ['100 g', '250 g', '500 g', '1 kg', '330 ml', '1 l', '6 pack', '12 pack'];

/** `SELECT` rows (k, w) of a word list, for joining by `k = n % length`. */
function wordsCte(name: string, words: string[]): string {
  const rows = words.map((w, k) => `(${k}, '${w.replaceAll("'", "''")}')`).join(', ');
  return `${name}(k, w) AS (VALUES ${rows})`;
}

/**
 * Fills an empty, migrated database with a shop of `size`. Runs in one transaction. Refuses a database that
 * already has products or sales (the bench always starts from a fresh profile).
 */
export function generateShop(db: Database, size: ShopSize): { products: number; sales: number; lines: number } {
  const { products: P, sales: S } = size;
  if (Number(db.selectValue('SELECT count(*) FROM products')) > 0 || Number(db.selectValue('SELECT count(*) FROM sales')) > 0) {
    throw new Error('The bench generates a shop into an empty database only.');
  }
  const now = '2026-01-01T00:00:00.000Z';
  const shopJson = JSON.stringify(BENCH_SHOP);
  // A year of sales before `now`, in order; timestamps are UTC ISO 8601 like the app's.
  const at = (i: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', 1735689600 + ${i} * ${Math.floor(31_536_000 / S)}, 'unixepoch')`;
  // UUID-shaped (version 7 layout) ids derived from the sale number, unique and deterministic.
  const saleId = (i: string) => `printf('01940000-%04x-7%03x-8000-%012x', ${i} / 4096 % 65536, ${i} % 4096, ${i})`;
  db.transaction((tx) => {
    tx.exec({
      sql: `INSERT INTO shop (id, name, address, phone, tax_number, currency, prices_include_tax, default_tax_bp, created_at, updated_at)
            VALUES (1, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      bind: [BENCH_SHOP.name, BENCH_SHOP.address, BENCH_SHOP.phone, BENCH_SHOP.taxNumber, BENCH_SHOP.currency, BENCH_SHOP.defaultTaxBp, now, now],
    });
    tx.exec(`WITH RECURSIVE ${wordsCte('nouns', NOUNS)}, n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${NOUNS.length * 2 - 1})
      INSERT INTO categories (id, name, parent_id)
      SELECT i + 1, CASE WHEN i < ${NOUNS.length} THEN (SELECT w FROM nouns WHERE k = i) ELSE 'Premium' END,
             CASE WHEN i < ${NOUNS.length} THEN NULL ELSE i - ${NOUNS.length} + 1 END FROM n`);
    tx.exec(`WITH RECURSIVE ${wordsCte('adj', ADJECTIVES)}, ${wordsCte('nouns', NOUNS)}, ${wordsCte('sizes', SIZES)},
        n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${P})
      INSERT INTO products (id, name, sku, barcode, price, tax_bp, stock, active, category_id, created_at, updated_at)
      SELECT i,
        (SELECT w FROM adj WHERE k = i % ${ADJECTIVES.length}) || ' ' || (SELECT w FROM nouns WHERE k = (i / ${ADJECTIVES.length}) % ${NOUNS.length})
          || ' ' || (SELECT w FROM sizes WHERE k = (i / 7) % ${SIZES.length}) || CASE WHEN i > 600 THEN ' #' || (i / 600) ELSE '' END,
        printf('SKU-%06d', i), printf('20%011d', i * 7 % 100000000000), 99 + (i * 37 % 4900),
        CASE WHEN i % 5 = 0 THEN 550 ELSE 2000 END, 0, CASE WHEN i % 50 = 0 THEN 0 ELSE 1 END,
        (i / ${ADJECTIVES.length}) % ${NOUNS.length} + 1 + CASE WHEN i % 3 = 0 THEN ${NOUNS.length} ELSE 0 END, '${now}', '${now}'
      FROM n`);
    tx.exec(`INSERT INTO stock_movements (product_id, delta, reason, sale_id, created_at)
      SELECT id, 1000, 'initial', NULL, '2024-12-31T00:00:00.000Z' FROM products`);
    tx.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${S})
      INSERT INTO sales (id, number, kind, created_at, register_id, currency, prices_include_tax, subtotal, discount_total,
        order_discount, tax_total, total, paid, change_due, shop)
      SELECT ${saleId('i')}, i, 'sale', ${at('i')}, '01940000-0000-7000-8000-00000000000' || (i % 3 + 1), 'EUR', 1, 0, 0, NULL, 0, 0, 0, 0, '${shopJson}'
      FROM n`);
    tx.exec(`WITH RECURSIVE j(j) AS (VALUES (1), (2), (3))
      INSERT INTO sale_lines (sale_id, line_no, product_id, name, sku, barcode, quantity, unit_price, tax_bp, line_discount, discount, amount)
      SELECT s.id, j.j, p.id, p.name, p.sku, p.barcode, 1 + (s.number + j.j) % 3, p.price, p.tax_bp, NULL, 0, p.price * (1 + (s.number + j.j) % 3)
      FROM sales s, j JOIN products p ON p.id = ((s.number * (7 + j.j * 6) + j.j * 7919 + ((s.number * j.j) % 97) * 211) % ${P}) + 1
      ORDER BY s.id, j.j`);
    tx.exec(`INSERT INTO sale_taxes (sale_id, tax_bp, net, tax, gross)
      SELECT sale_id, tax_bp, sum(amount) - sum(amount * tax_bp / (10000 + tax_bp)), sum(amount * tax_bp / (10000 + tax_bp)), sum(amount)
      FROM sale_lines GROUP BY sale_id, tax_bp`);
    tx.exec(`UPDATE sales SET subtotal = t.gross, total = t.gross, tax_total = t.tax,
        paid = CASE WHEN sales.number % 2 = 0 THEN t.gross ELSE (t.gross + 499) / 500 * 500 END,
        change_due = CASE WHEN sales.number % 2 = 0 THEN 0 ELSE (t.gross + 499) / 500 * 500 - t.gross END
      FROM (SELECT sale_id, sum(gross) AS gross, sum(tax) AS tax FROM sale_taxes GROUP BY sale_id) t WHERE t.sale_id = sales.id`);
    tx.exec(`INSERT INTO sale_payments (sale_id, seq, method, amount, tendered)
      SELECT id, 1, CASE WHEN number % 2 = 0 THEN 'card' ELSE 'cash' END, total, paid FROM sales`);
    tx.exec(`INSERT INTO stock_movements (product_id, delta, reason, sale_id, created_at)
      SELECT l.product_id, -l.quantity, 'sale', l.sale_id, s.created_at FROM sale_lines l JOIN sales s ON s.id = l.sale_id ORDER BY s.number`);
    tx.exec(`UPDATE products SET stock = m.stock FROM (SELECT product_id, sum(delta) AS stock FROM stock_movements GROUP BY product_id) m
      WHERE m.product_id = products.id`);
    tx.exec({ sql: "UPDATE sequences SET value = ? WHERE name = 'sale_number'", bind: [S] });
  });
  return {
    products: Number(db.selectValue('SELECT count(*) FROM products')),
    sales: Number(db.selectValue('SELECT count(*) FROM sales')),
    lines: Number(db.selectValue('SELECT count(*) FROM sale_lines')),
  };
}
