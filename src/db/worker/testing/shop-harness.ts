/**
 * A set-up shop for unit tests of the reports: the real processor over a migrated in-memory database
 * (`pos-processor.ts`), the test shop saved, and a way to ring up a sale as the register does.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ResultOf } from '../../protocol';
import { addProduct, emptyCart, type Cart, type SellableProduct } from '../../../pos/cart';
import { priceCart, type Discount } from '../../../pos/pricing';
import { posProcessor, type Call } from './pos-processor';

export type { Call } from './pos-processor';

/** The test shop: EUR, prices include tax. */
export const TEST_SHOP = { name: 'Test shop', address: '1 Road', phone: '1', taxNumber: 'X1', currency: 'EUR', pricesIncludeTax: true, defaultTaxBp: 2000 };

/** Opens a migrated in-memory shop and returns its database, `call` and `ring`. */
export async function openShop(): Promise<{
  db: Database;
  call: Call;
  ring: (lines: [SellableProduct, number][], tenders: Cart['tenders'], orderDiscount?: Discount | null) => Promise<ResultOf<'sales.commit'>>;
}> {
  const { db, call } = await posProcessor();
  await call('shop.save', TEST_SHOP);
  const ring = async (lines: [SellableProduct, number][], tenders: Cart['tenders'], orderDiscount: Discount | null = null) => {
    let cart = emptyCart(uuidv7());
    for (const [p, qty] of lines) cart = addProduct(cart, p, qty);
    cart = { ...cart, orderDiscount, tenders };
    return call('sales.commit', { registerId: 'till-1', cart, expectedTotal: priceCart(cart.lines, orderDiscount, true).total });
  };
  return { db, call, ring };
}
