/**
 * The point-of-sale handlers against a real SQLite (sqlite-wasm, in memory) with the real migrations and the
 * real processor: what a sale commits, that a retried commit is one sale, imports, and search at 100k products.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ArgsOf, HandlerName, ResultOf } from '../../protocol';
import type { ChangeDetail, ChangeTopic } from '../../protocol/envelope';
import { addProduct, emptyCart, type Cart } from '../../../pos/cart';
import { priceCart } from '../../../pos/pricing';
import { openMemoryDatabase } from '../storage/memory';
import { migrate } from '../schema/runner';
import { bundledMigrations } from '../schema/loader';
import { createProcessor, type Processor } from '../runtime/processor';
import { handlers } from './index';

let processor: Processor;
let database: Database;
/** Every change announced, as the tabs receive it. */
let announced: { topics: ChangeTopic[]; detail: ChangeDetail | undefined }[];
let nextId = 1;

async function call<K extends HandlerName>(name: K, args: ArgsOf<K>, requestId = uuidv7()): Promise<ResultOf<K>> {
  const response = await processor.handle({ type: 'request', id: nextId++, requestId, name, args });
  if (!response.ok) throw Object.assign(new Error(response.error.message), { code: response.error.code });
  return response.result as ResultOf<K>;
}

const SHOP = { name: 'Test shop', address: '1 Road', phone: '1', taxNumber: 'X1', currency: 'EUR', pricesIncludeTax: true, defaultTaxBp: 2000 };

beforeEach(async () => {
  const opened = await openMemoryDatabase();
  await migrate(opened.db, bundledMigrations, { appVersion: 'test' });
  database = opened.db;
  announced = [];
  const notify = (topics: ChangeTopic[], detail?: ChangeDetail) => void announced.push({ topics, detail });
  processor = createProcessor(
    { db: opened.db, live: null, backups: null, leaderId: 'test', appVersion: 'test', vfs: 'memory', fileName: ':memory:', notify },
    handlers,
  );
});

async function product(name: string, barcode: string, price: number, stock: number, taxBp = 2000) {
  return call('catalog.save', { name, sku: null, barcode, price, taxBp, stock, active: true, categoryId: null });
}

function cartOf(lines: [Awaited<ReturnType<typeof product>>, number][], tenders: Cart['tenders']): { cart: Cart; total: number } {
  let cart = emptyCart(uuidv7());
  for (const [p, qty] of lines) cart = addProduct(cart, p, qty);
  cart = { ...cart, tenders };
  return { cart, total: priceCart(cart.lines, null, true).total };
}

describe('sales.commit', () => {
  it('records the sale, its tax per rate, payments and change, and takes the stock', async () => {
    await call('shop.save', SHOP);
    const tea = await product('Tea', '111', 250, 10);
    const bread = await product('Bread', '222', 180, 5, 550);
    const { cart, total } = cartOf([[tea, 2], [bread, 1]], [{ method: 'cash', amount: 1000 }]);
    await call('cart.save', { registerId: 'r1', cart });
    const sale = await call('sales.commit', { registerId: 'r1', cart, expectedTotal: total });
    expect(sale).toMatchObject({ number: 1, total: 680, paid: 1000, changeDue: 320, taxTotal: 92 });
    expect(sale.payments).toEqual([{ method: 'cash', amount: 680, tendered: 1000 }]);
    expect(sale.taxes.map((t) => [t.taxBp, t.tax])).toEqual([[550, 9], [2000, 83]]);
    expect((await call('catalog.byCode', { code: '111' }))?.stock).toBe(8);
    expect((await call('catalog.byCode', { code: '222' }))?.stock).toBe(4);
    expect(await call('cart.get', { registerId: 'r1' })).toBeNull();
  });

  it('announces the new stock of the products it sold, and nothing for a re-sent request', async () => {
    await call('shop.save', SHOP);
    const tea = await product('Tea', '111', 250, 10);
    const bread = await product('Bread', '222', 180, 5, 550);
    await product('Jam', '333', 400, 7);
    const { cart, total } = cartOf([[tea, 2], [bread, 1]], [{ method: 'card', amount: 680 }]);
    const requestId = uuidv7();
    announced = [];
    await call('sales.commit', { registerId: 'r1', cart, expectedTotal: total }, requestId);
    expect(announced).toEqual([{ topics: ['sales', 'stock', 'cart'], detail: { stock: { [tea.id]: 8, [bread.id]: 4 } } }]);
    await call('sales.commit', { registerId: 'r1', cart, expectedTotal: total }, requestId);
    expect(announced).toHaveLength(1);
  });

  it('numbers sales in sequence and records a retried commit once', async () => {
    await call('shop.save', SHOP);
    const tea = await product('Tea', '111', 250, 10);
    const first = cartOf([[tea, 1]], [{ method: 'card', amount: 250 }]);
    const a = await call('sales.commit', { registerId: 'r1', cart: first.cart, expectedTotal: first.total });
    // The same sale again under a new request id (the cashier pressed "complete" again after a crash).
    const again = await call('sales.commit', { registerId: 'r1', cart: first.cart, expectedTotal: first.total });
    expect(again.number).toBe(a.number);
    const second = cartOf([[tea, 1]], [{ method: 'card', amount: 250 }]);
    const b = await call('sales.commit', { registerId: 'r1', cart: second.cart, expectedTotal: second.total });
    expect([a.number, b.number]).toEqual([1, 2]);
    expect((await call('catalog.byCode', { code: '111' }))?.stock).toBe(8);
    expect((await call('sales.list', { limit: 10 })).count).toBe(2);
  });

  it('answers with the receipt that sales.get reads back, and a re-sent request gets it again without a stored copy', async () => {
    await call('shop.save', SHOP);
    const tea = await product('Tea', '111', 250, 10);
    const bread = await product('Bread', '222', 180, 5, 550);
    let { cart } = cartOf([[tea, 2], [bread, 1]], []);
    cart = { ...cart, orderDiscount: { kind: 'percent', value: 1000 }, lines: cart.lines.map((l, i) => (i === 1 ? { ...l, discount: { kind: 'amount', value: 20 } } : l)) };
    const total = priceCart(cart.lines, cart.orderDiscount, true).total;
    cart = { ...cart, tenders: [{ method: 'card', amount: 300 }, { method: 'cash', amount: 500 }] };
    const requestId = uuidv7();
    const sale = await call('sales.commit', { registerId: 'r1', cart, expectedTotal: total }, requestId);
    expect(sale.orderDiscount).toEqual({ kind: 'percent', value: 1000 });
    expect(sale.lines[1]?.lineDiscount).toEqual({ kind: 'amount', value: 20 });
    expect(await call('sales.get', { id: cart.saleId })).toEqual(sale);
    expect(await call('sales.get', { number: sale.number })).toEqual(sale);
    // The ledger remembers the request, not the receipt; the same request id is answered from the sale itself.
    expect(database.selectValue('SELECT result FROM applied_requests WHERE request_id = ?', [requestId])).toBe('null');
    expect(await call('sales.commit', { registerId: 'r1', cart, expectedTotal: total }, requestId)).toEqual(sale);
    expect((await call('sales.list', { limit: 10 })).count).toBe(1);
    expect((await call('catalog.byCode', { code: '111' }))?.stock).toBe(8);
  });

  it('stores a sale in the lean schema: 16-byte id, UTC milliseconds, the shop and each product version once', async () => {
    await call('shop.save', SHOP);
    const tea = await product('Tea', '111', 250, 10);
    const sales = [];
    for (let i = 0; i < 3; i++) {
      const { cart, total } = cartOf([[tea, 1]], [{ method: 'card', amount: 250 }]);
      sales.push(await call('sales.commit', { registerId: 'r1', cart, expectedTotal: total }));
    }
    await call('shop.save', { ...SHOP, address: '2 Road' });
    const { cart, total } = cartOf([[tea, 1]], [{ method: 'card', amount: 250 }]);
    const moved = await call('sales.commit', { registerId: 'r1', cart, expectedTotal: total });
    expect(database.selectArrays('SELECT length(uuid), typeof(created_at) FROM sales')).toEqual(Array(4).fill([16, 'integer']));
    expect(database.selectValue('SELECT count(*) FROM line_items')).toBe(1);
    expect(database.selectValue('SELECT count(*) FROM shop_details')).toBe(2);
    expect(database.selectValue('SELECT count(*) FROM registers')).toBe(1);
    // Older receipts keep the address they printed.
    expect((await call('sales.get', { id: sales[0]!.id }))?.shop.address).toBe('1 Road');
    expect(moved.shop.address).toBe('2 Road');
    expect(Date.parse(moved.createdAt)).toBe(Number(database.selectValue('SELECT max(created_at) FROM sales')));
  });

  it('refuses an unpaid sale and changes nothing', async () => {
    await call('shop.save', SHOP);
    const tea = await product('Tea', '111', 250, 10);
    const { cart, total } = cartOf([[tea, 1]], [{ method: 'cash', amount: 100 }]);
    await expect(call('sales.commit', { registerId: 'r1', cart, expectedTotal: total })).rejects.toThrow(/do not cover/);
    expect((await call('catalog.byCode', { code: '111' }))?.stock).toBe(10);
    expect((await call('sales.list', { limit: 10 })).count).toBe(0);
  });

  it('finds sales by number and by amount', async () => {
    await call('shop.save', SHOP);
    const tea = await product('Tea', '111', 250, 10);
    for (const qty of [1, 2, 3]) {
      const { cart, total } = cartOf([[tea, qty]], [{ method: 'card', amount: 250 * qty }]);
      await call('sales.commit', { registerId: 'r1', cart, expectedTotal: total });
    }
    expect((await call('sales.list', { number: 2, limit: 10 })).sales.map((s) => s.total)).toEqual([500]);
    expect((await call('sales.list', { total: 750, limit: 10 })).sales.map((s) => s.number)).toEqual([3]);
    expect((await call('sales.get', { number: 3 }))?.lines[0]?.quantity).toBe(3);
  });
});

describe('catalogue', () => {
  it('refuses a barcode that another product has', async () => {
    await call('shop.save', SHOP);
    await product('Tea', '111', 250, 10);
    await expect(product('Coffee', '111', 300, 1)).rejects.toThrow(/already belongs to "Tea"/);
  });

  it('imports CSV, reporting the rows it rejects and why, and exports it back', async () => {
    await call('shop.save', SHOP);
    await call('catalog.save', { name: 'Tea', sku: 'T-1', barcode: '111', price: 250, taxBp: 2000, stock: 10, active: true, categoryId: null });
    const csv = [
      'name,sku,barcode,category,price,tax_rate,stock,active',
      'Coffee,C-1,333,Drinks > Hot,3.20,20,50,yes',
      'Cake,K-1,444,Bakery,2.5,5.5,10,yes',
      'Bad price,B-1,555,,abc,20,1,yes',
      'Clash,X-1,111,,1,20,1,yes',
      'Twice,C-1,666,,1,20,1,yes',
      'Tea,,111,,2.60,20,10,yes',
    ].join('\n');
    const report = await call('catalog.importCsv', { csv });
    expect(report).toMatchObject({ created: 2, updated: 1, problems: [] });
    expect(report.rejected).toEqual([
      { line: 4, reason: 'the price "abc" is not an amount with at most 2 decimals' },
      { line: 5, reason: 'The barcode 111 already belongs to "Tea"' },
      { line: 6, reason: 'the SKU C-1 is also on line 2' },
    ]);
    expect(await call('catalog.byCode', { code: '111' })).toMatchObject({ price: 260, stock: 10 });
    expect((await call('catalog.categories', {})).map((c) => c.path)).toEqual(['Bakery', 'Drinks', 'Drinks > Hot']);
    const exported = await call('catalog.exportCsv', {});
    expect(exported.rows).toBe(3);
    expect(exported.csv).toContain('Coffee,C-1,333,Drinks > Hot,3.20,20,50,yes');
  });

  it('loads the sample shop with a catalogue and history', async () => {
    const loaded = await call('shop.loadSample', { registerId: 'r1' });
    expect(loaded.products).toBeGreaterThan(30);
    expect((await call('sales.list', { limit: 100 })).count).toBe(loaded.sales);
    expect((await call('catalog.search', { query: 'crois', limit: 5 })).products.map((p) => p.name)).toEqual(['Croissant']);
    await expect(call('shop.loadSample', { registerId: 'r1' })).rejects.toThrow(/empty shop/);
  });

  it('searches 100,000 products by name, SKU or barcode through the FTS5 index', async () => {
    await call('shop.save', SHOP);
    const { db } = processor.context;
    // Generated inside SQLite (one statement) rather than bound row by row from JavaScript: much quicker.
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
      INSERT INTO products (name, sku, barcode, price, tax_bp, stock, created_at, updated_at)
      SELECT 'Product ' || i || CASE WHEN i % 7 = 0 THEN ' apple' ELSE ' pear' END, 'SKU-' || i, CAST(4000000000000 + i AS TEXT),
             100, 2000, 0, '', '' FROM n`);
    expect(db.selectValue('SELECT count(*) FROM products')).toBe(100_000);
    const byName = await call('catalog.search', { query: 'product 4242 app', limit: 20 });
    expect(byName.products.map((p) => p.name)).toContain('Product 4242 apple');
    expect((await call('catalog.search', { query: 'SKU-99999', limit: 5 })).products[0]?.name).toBe('Product 99999 pear');
    expect((await call('catalog.byCode', { code: '4000000012345' }))?.name).toBe('Product 12345 pear');
    const plan = db
      .selectObjects("EXPLAIN QUERY PLAN SELECT p.id FROM products_fts f JOIN products p ON p.id = f.rowid WHERE products_fts MATCH 'x*'")
      .map((r) => String(r.detail))
      .join(' ');
    expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
    const barcodePlan = db.selectObjects("EXPLAIN QUERY PLAN SELECT id FROM products WHERE barcode = '1'").map((r) => String(r.detail)).join(' ');
    expect(barcodePlan).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_products_2/);
    // The catalogue view counts every product; the register's list (refreshed after each sale) does not.
    expect((await call('catalog.search', { query: '', limit: 24 })).total).toBe(100_000);
    const registerList = await call('catalog.search', { query: '', limit: 24, countAll: false });
    expect(registerList.products).toHaveLength(24);
    expect(registerList.total).toBe(24);
  }, 60_000);
});
