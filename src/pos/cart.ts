/**
 * The register's cart as plain data and the pure changes made to it. The cart carries the id its sale will have
 * (UUIDv7, made on the client), so committing it twice can only ever record one sale.
 */
import type { Discount } from './pricing';
import type { Tender } from './payments';
import type { Product } from './product';

/** A product as the register adds it: the catalogue's product without its stock and bookkeeping. */
export type SellableProduct = Pick<Product, 'id' | 'name' | 'sku' | 'barcode' | 'price' | 'taxBp'>;

/**
 * One line of the cart. The price is taken when the product is added; the cashier may type another (a price
 * override), and the line then keeps the catalogue's price beside it.
 */
export interface CartLine {
  productId: number;
  name: string;
  sku: string | null;
  barcode: string | null;
  unitPrice: number;
  /** The catalogue's price when the cashier typed another one; absent (or null) when the line sells at it. */
  listPrice?: number | null;
  taxBp: number;
  quantity: number;
  discount: Discount | null;
}

/** The cart. */
export interface Cart {
  saleId: string;
  lines: CartLine[];
  orderDiscount: Discount | null;
  tenders: Tender[];
}

/** An empty cart whose sale will have `saleId`. */
export function emptyCart(saleId: string): Cart {
  return { saleId, lines: [], orderDiscount: null, tenders: [] };
}

/** Adds one of `product`: a product already in the cart (without its own discount) gets one more. */
export function addProduct(cart: Cart, product: SellableProduct, quantity = 1): Cart {
  // A line at a typed price is the cashier's own: a further scan of the product starts a line at the catalogue's.
  const index = cart.lines.findIndex((l) => l.productId === product.id && l.unitPrice === product.price && !l.discount && !isOverridden(l));
  if (index >= 0) return setQuantity(cart, index, (cart.lines[index] as CartLine).quantity + quantity);
  const line: CartLine = {
    productId: product.id,
    name: product.name,
    sku: product.sku,
    barcode: product.barcode,
    unitPrice: product.price,
    taxBp: product.taxBp,
    quantity,
    discount: null,
  };
  return { ...cart, lines: [...cart.lines, line] };
}

/** Sets a line's quantity; zero or less removes the line. */
export function setQuantity(cart: Cart, index: number, quantity: number): Cart {
  if (quantity <= 0) return removeLine(cart, index);
  return { ...cart, lines: cart.lines.map((l, i) => (i === index ? { ...l, quantity: Math.min(Math.trunc(quantity), 99_999) } : l)) };
}

/** Removes a line. */
export function removeLine(cart: Cart, index: number): Cart {
  return { ...cart, lines: cart.lines.filter((_, i) => i !== index) };
}

/** Sets or clears a line's own discount. */
export function setLineDiscount(cart: Cart, index: number, discount: Discount | null): Cart {
  return { ...cart, lines: cart.lines.map((l, i) => (i === index ? { ...l, discount } : l)) };
}

/** Whether the cashier typed a price for `line` other than the catalogue's. */
export function isOverridden(line: CartLine): boolean {
  return typeof line.listPrice === 'number' && line.listPrice !== line.unitPrice;
}

/**
 * Sells a line at `price` (minor units, a whole number of 0 or more) instead of the catalogue's; typing the
 * catalogue's price again ends the override.
 */
export function setUnitPrice(cart: Cart, index: number, price: number): Cart {
  if (!Number.isSafeInteger(price) || price < 0) throw new RangeError('A price is a whole number of minor units, 0 or more');
  return {
    ...cart,
    lines: cart.lines.map((l, i) => {
      if (i !== index) return l;
      const listPrice = isOverridden(l) ? (l.listPrice as number) : l.unitPrice;
      const { listPrice: _old, ...rest } = l;
      return price === listPrice ? { ...rest, unitPrice: price } : { ...rest, unitPrice: price, listPrice };
    }),
  };
}

/** True when the value is shaped like a cart (what the database hands back may be from an older app). */
export function isCart(value: unknown): value is Cart {
  const cart = value as Cart | null;
  return !!cart && typeof cart.saleId === 'string' && Array.isArray(cart.lines) && Array.isArray(cart.tenders);
}
