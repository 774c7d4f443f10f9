/** The shop's settings (first-run setup) and the sample shop. */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { v7 as uuidv7 } from 'uuid';
import type { ShopHandlers } from '../../protocol/shop';
import type { Shop } from '../../../pos/shop';
import { emptyCart, addProduct } from '../../../pos/cart';
import { isCurrencyCode } from '../../../pos/currency';
import { priceCart } from '../../../pos/pricing';
import { SAMPLE_SHOP, sampleHistory, sampleProducts } from '../../../pos/sample-shop';
import { HandlerError } from '../runtime/errors';
import type { HandlerImpls } from '../runtime/processor';
import { categoryForPath, writeProduct } from './products';
import { readShop } from './rows';
import { commitSale } from './sales';

/** `tag` as the canonical BCP 47 tag ("de-ch" → "de-CH"); null for none (the browser's); refused when malformed. */
function canonicalLocale(tag: string | null | undefined): string | null {
  const text = (tag ?? '').trim();
  if (!text) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(text);
    if (canonical && canonical.length <= 35) return canonical;
  } catch {
    // Reported below in words.
  }
  throw new HandlerError('invalid', `"${text}" is not a language and region the app knows (such as de-CH, fr-FR or en-GB).`);
}

/** Writes the shop's settings after checking them. */
function saveShop(db: Database, input: Shop, at: string): Shop {
  const shop: Shop & { locale: string | null; cashStep: number | null } = {
    name: input.name.trim(),
    address: input.address.trim(),
    phone: input.phone.trim(),
    taxNumber: input.taxNumber.trim(),
    currency: input.currency.trim().toUpperCase(),
    pricesIncludeTax: !!input.pricesIncludeTax,
    defaultTaxBp: input.defaultTaxBp,
    locale: canonicalLocale(input.locale),
    cashStep: input.cashStep ?? null,
  };
  if (!shop.name || shop.name.length > 120) throw new HandlerError('invalid', 'The shop needs a name of at most 120 characters.');
  if (!isCurrencyCode(shop.currency)) throw new HandlerError('invalid', `"${shop.currency}" is not an ISO 4217 currency code (such as EUR, USD, GBP, JPY).`);
  if (!Number.isSafeInteger(shop.defaultTaxBp) || shop.defaultTaxBp < 0 || shop.defaultTaxBp > 100_000) {
    throw new HandlerError('invalid', 'The default tax rate must be between 0 and 1000 %.');
  }
  const step = shop.cashStep;
  if (step !== null && (!Number.isSafeInteger(step) || step < 1 || step > 100_000)) {
    throw new HandlerError('invalid', 'Cash rounding must be a whole number of the smallest unit (5 for 0.05), or none.');
  }
  const before = readShop(db);
  const hasSales = db.selectValue('SELECT 1 FROM sales LIMIT 1') !== undefined;
  // Stored amounts mean minor units of the currency and prices as entered: changing either would change them all.
  if (before && hasSales && (before.currency !== shop.currency || before.pricesIncludeTax !== shop.pricesIncludeTax)) {
    throw new HandlerError('invalid', 'The currency and how prices are entered cannot change once sales are recorded.');
  }
  db.exec({
    sql: `INSERT INTO shop (id, name, address, phone, tax_number, currency, prices_include_tax, default_tax_bp, locale, cash_step, created_at, updated_at)
          VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, phone = excluded.phone,
            tax_number = excluded.tax_number, currency = excluded.currency, prices_include_tax = excluded.prices_include_tax,
            default_tax_bp = excluded.default_tax_bp, locale = excluded.locale, cash_step = excluded.cash_step,
            updated_at = excluded.updated_at`,
    bind: [
      shop.name, shop.address, shop.phone, shop.taxNumber, shop.currency, shop.pricesIncludeTax ? 1 : 0, shop.defaultTaxBp,
      shop.locale, shop.cashStep, at, at,
    ],
  });
  return shop;
}

/** Fills an empty database with the sample shop; see sample-shop.ts. */
function loadSample(db: Database, registerId: string, now: Date): { products: number; sales: number } {
  if (db.selectValue('SELECT 1 FROM sales LIMIT 1') !== undefined || db.selectValue('SELECT 1 FROM products LIMIT 1') !== undefined) {
    throw new HandlerError('invalid', 'The sample shop can only be loaded into an empty shop (this one already has products or sales).');
  }
  const at = now.toISOString();
  // Stock starts where it would have been before the history, so the history's sales bring it to the listed level.
  const history = sampleHistory();
  const products = sampleProducts().map((p, index) => {
    const sold = history.flatMap((h) => h.items).filter(([i]) => i === index).reduce((a, [, q]) => a + q, 0);
    return writeProduct(db, { ...p, stock: p.stock + sold, active: true, categoryId: categoryForPath(db, p.category) }, 'import', at);
  });
  const shop = saveShop(db, SAMPLE_SHOP, at);
  for (const sale of history) {
    const when = new Date(now);
    when.setUTCDate(when.getUTCDate() - sale.daysAgo);
    when.setUTCHours(sale.hour, 17, 0, 0);
    let cart = emptyCart(uuidv7({ msecs: when.getTime() }));
    for (const [index, quantity] of sale.items) cart = addProduct(cart, products[index]!, quantity);
    const total = priceCart(cart.lines, null, shop.pricesIncludeTax).total;
    const tendered = sale.method === 'cash' ? Math.ceil(total / 500) * 500 : total;
    cart = { ...cart, tenders: [{ method: sale.method, amount: tendered }] };
    commitSale(db, registerId, cart, total, when.getTime());
  }
  return { products: products.length, sales: history.length };
}

/** `shop.*` handlers. */
export const shopHandlers = {
  'shop.get': { kind: 'query', run: ({ db }) => readShop(db) },
  'shop.save': {
    kind: 'mutation',
    changes: ['shop'],
    run: ({ db }, input) => saveShop(db, input, new Date().toISOString()),
  },
  'shop.loadSample': {
    kind: 'mutation',
    changes: ['shop', 'catalog', 'sales'],
    run: ({ db }, { registerId }) => loadSample(db, registerId, new Date()),
  },
} satisfies HandlerImpls<ShopHandlers>;
