/**
 * A shop on in-memory sqlite-wasm for unit tests of the handlers: the real migrations, the real processor and
 * handler map, a shop set up, and a way to ring up a sale as the register does.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ArgsOf, HandlerName, ResultOf } from '../../protocol';
import { addProduct, emptyCart, type Cart, type SellableProduct } from '../../../pos/cart';
import { priceCart, type Discount } from '../../../pos/pricing';
import { openMemoryDatabase } from '../storage/memory';
import { migrate } from '../schema/runner';
import { bundledMigrations } from '../schema/loader';
import { createProcessor } from '../runtime/processor';
import { handlers } from '../handlers/index';

/** A call through the processor; a refusal is thrown as an Error with its `code`. */
export type Call = <K extends HandlerName>(name: K, args: ArgsOf<K>) => Promise<ResultOf<K>>;

/** The test shop: EUR, prices include tax. */
export const TEST_SHOP = { name: 'Test shop', address: '1 Road', phone: '1', taxNumber: 'X1', currency: 'EUR', pricesIncludeTax: true, defaultTaxBp: 2000 };

/** Opens a migrated in-memory shop and returns its database, `call` and `ring`. */
export async function openShop(): Promise<{
  db: Database;
  call: Call;
  ring: (lines: [SellableProduct, number][], tenders: Cart['tenders'], orderDiscount?: Discount | null) => Promise<ResultOf<'sales.commit'>>;
}> {
  const opened = await openMemoryDatabase();
  await migrate(opened.db, bundledMigrations, { appVersion: 'test' });
  const processor = createProcessor(
    { db: opened.db, live: null, backups: null, leaderId: 'test', appVersion: 'test', vfs: 'memory', fileName: ':memory:', notify: () => {} },
    handlers,
  );
  let nextId = 1;
  const call: Call = async (name, args) => {
    const response = await processor.handle({ type: 'request', id: nextId++, requestId: uuidv7(), name, args });
    if (!response.ok) throw Object.assign(new Error(response.error.message), { code: response.error.code });
    return response.result as ResultOf<typeof name>;
  };
  await call('shop.save', TEST_SHOP);
  const ring = async (lines: [SellableProduct, number][], tenders: Cart['tenders'], orderDiscount: Discount | null = null) => {
    let cart = emptyCart(uuidv7());
    for (const [p, qty] of lines) cart = addProduct(cart, p, qty);
    cart = { ...cart, orderDiscount, tenders };
    return call('sales.commit', { registerId: 'till-1', cart, expectedTotal: priceCart(cart.lines, orderDiscount, true).total });
  };
  return { db: opened.db, call, ring };
}
