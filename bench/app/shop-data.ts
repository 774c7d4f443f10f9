/**
 * Generates a realistic shop inside SQLite for the benchmark: categories, products (names from word lists,
 * SKUs, EAN-13-shaped barcodes, two tax rates), and a year of sales with their lines, tax bands, payments and
 * stock movements, exactly in the app's schema (the lean one of migration 0003). Everything is `INSERT … SELECT` over recursive CTEs, so 900,000
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
  // A year of sales before `now`, in order; times are UTC milliseconds like the app's.
  const at = (i: string) => `(1735689600 + ${i} * ${Math.floor(31_536_000 / S)}) * 1000`;
  // UUIDv7-shaped ids (16 bytes) derived from the sale number, unique and deterministic.
  const saleUuid = (i: string) => `unhex(printf('01940000%04x7%03x8000%012x', ${i} / 4096 % 65536, ${i} % 4096, ${i}))`;
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
        CASE WHEN i % 5 = 0 THEN 550 ELSE 2000 END, 1000, CASE WHEN i % 50 = 0 THEN 0 ELSE 1 END,
        (i / ${ADJECTIVES.length}) % ${NOUNS.length} + 1 + CASE WHEN i % 3 = 0 THEN ${NOUNS.length} ELSE 0 END, '${now}', '${now}'
      FROM n`);
    // Stock starts at the initial 1000 so that the final update below does not widen the rows (which would
    // split the pages and leave the file larger than a shop's).
    tx.exec(`INSERT INTO stock_movements (product_id, delta, reason, sale_id, line_no, created_at)
      SELECT id, 1000, 'initial', NULL, NULL, 1735603200000 FROM products`);
    tx.exec({ sql: 'INSERT INTO shop_details (id, details) VALUES (1, ?)', bind: [shopJson] });
    // Every product as sold (the bench never changes a price): one line item each, with the product's id.
    tx.exec(`INSERT INTO line_items (id, product_id, name, sku, barcode, unit_price, tax_bp) SELECT id, id, name, sku, barcode, price, tax_bp FROM products`);
    tx.exec(`INSERT INTO registers (id, key) VALUES (1, '01940000-0000-7000-8000-000000000001'), (2, '01940000-0000-7000-8000-000000000002'),
      (3, '01940000-0000-7000-8000-000000000003')`);
    // Each sale's lines, as a formula of its number: the same products, quantities and amounts below.
    const lineProduct = (n: string, j: string) => `((${n} * (7 + ${j} * 6) + ${j} * 7919 + ((${n} * ${j}) % 97) * 211) % ${P}) + 1`;
    const quantity = (n: string, j: string) => `(1 + (${n} + ${j}) % 3)`;
    // Sales are written once with their final totals, in order, as a till appends them (an UPDATE afterwards
    // would leave the pages half full and the file larger than a shop's).
    tx.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${S}), j(j) AS (VALUES (1), (2), (3)),
        t AS (SELECT n.i AS i, sum(p.price * ${quantity('n.i', 'j.j')}) AS gross,
                sum(p.price * ${quantity('n.i', 'j.j')} * p.tax_bp / (10000 + p.tax_bp)) AS tax
              FROM n, j JOIN products p ON p.id = ${lineProduct('n.i', 'j.j')} GROUP BY n.i)
      INSERT INTO sales (id, uuid, number, kind, created_at, register_id, shop_details_id, currency, prices_include_tax, subtotal, discount_total,
        order_discount, tax_total, total, paid, change_due)
      SELECT i, ${saleUuid('i')}, i, 'sale', ${at('i')}, i % 3 + 1, 1, 'EUR', 1, gross, 0, NULL, tax, gross,
        CASE WHEN i % 2 = 0 THEN gross ELSE (gross + 499) / 500 * 500 END, CASE WHEN i % 2 = 0 THEN 0 ELSE (gross + 499) / 500 * 500 - gross END
      FROM t ORDER BY i`);
    tx.exec(`WITH RECURSIVE j(j) AS (VALUES (1), (2), (3))
      INSERT INTO sale_lines (sale_id, line_no, item_id, quantity, line_discount, discount, amount)
      SELECT s.id, j.j, p.id, ${quantity('s.number', 'j.j')}, NULL, 0, p.price * ${quantity('s.number', 'j.j')}
      FROM sales s, j JOIN products p ON p.id = ${lineProduct('s.number', 'j.j')}
      ORDER BY s.id, j.j`);
    tx.exec(`INSERT INTO sale_taxes (sale_id, tax_bp, net, tax, gross)
      SELECT l.sale_id, i.tax_bp, sum(l.amount) - sum(l.amount * i.tax_bp / (10000 + i.tax_bp)), sum(l.amount * i.tax_bp / (10000 + i.tax_bp)), sum(l.amount)
      FROM sale_lines l JOIN line_items i ON i.id = l.item_id GROUP BY l.sale_id, i.tax_bp ORDER BY l.sale_id, i.tax_bp`);
    tx.exec(`INSERT INTO sale_payments (sale_id, seq, method, amount, tendered)
      SELECT id, 1, CASE WHEN number % 2 = 0 THEN 'card' ELSE 'cash' END, total, paid FROM sales`);
    // Line item ids are the products' ids here.
    tx.exec(`INSERT INTO stock_movements (product_id, delta, reason, sale_id, line_no, created_at)
      SELECT l.item_id, -l.quantity, 'sale', l.sale_id, l.line_no, s.created_at FROM sale_lines l JOIN sales s ON s.id = l.sale_id
      ORDER BY l.sale_id, l.line_no`);
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
