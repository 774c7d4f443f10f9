/**
 * Writing a priced, settled cart as a sale in the lean schema, inside the caller's transaction, and answering
 * with the receipt built from what the transaction already knows (reading the sale back cost about a third of
 * the commit's statement time, measured).
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { SaleDetail } from '../../../pos/sale';
import type { Shop } from '../../../pos/shop';
import type { Cart } from '../../../pos/cart';
import type { Settlement } from '../../../pos/payments';
import type { CartTotals } from '../../../pos/pricing';
import { isoFromMs, itemKey, registerKey, saleStatements, shopDetailsKey } from './sale-store';

/** A sale ready to record: the cart as the cashier left it, priced and settled, and when and where it was made. */
export interface SaleToRecord {
  registerId: string;
  cart: Cart;
  totals: CartTotals;
  settlement: Settlement;
  shop: Shop;
  /** UTC milliseconds. */
  at: number;
  /** Who rang it up (signed in at the till), when staff are in use. */
  staff?: { id: number; name: string } | null;
  /** The catalogue's price of each line's product, as the caller read it in this transaction. */
  listPrices: number[];
}

/** The stored text of a discount, and the value a reprint reads back from it. */
function discountText(discount: unknown): { text: string | null; value: SaleDetail['orderDiscount'] } {
  if (discount === null || discount === undefined) return { text: null, value: null };
  const text = JSON.stringify(discount);
  return { text, value: JSON.parse(text) };
}

/**
 * Records `sale` (its number taken from the sequence, its lines with their stock movements, tax bands and
 * payments; the register's cart cleared) and returns its receipt, exactly as `sales.get` would read it.
 * Runs inside the caller's transaction; the caller has checked the cart.
 */
export function recordSale(db: Database, sale: SaleToRecord): SaleDetail {
  const st = saleStatements(db);
  const { cart, totals, settlement, shop, at } = sale;
  // The number is taken inside this transaction: sequential, unique, and never used by a sale that rolled back.
  const number = Number(st.value('nextNumber', []));
  const shopText = JSON.stringify(shop);
  const order = discountText(cart.orderDiscount);
  const key = Number(
    st.value('insertSale', [
      cart.saleId, number, at, registerKey(st, sale.registerId), shopDetailsKey(st, shopText), shop.currency,
      shop.pricesIncludeTax ? 1 : 0, totals.subtotal, totals.discountTotal, order.text, totals.taxTotal, totals.total,
      settlement.paid, settlement.change, settlement.rounding, sale.staff?.id ?? null,
    ]),
  );
  const lines = cart.lines.map((line, i) => {
    const priced = totals.lines[i]!;
    const lineNo = i + 1;
    const discount = discountText(line.discount);
    const item = itemKey(st, { productId: line.productId, name: line.name, sku: line.sku, barcode: line.barcode, unitPrice: line.unitPrice, taxBp: line.taxBp });
    // The catalogue's price (read by the caller in this transaction, never taken from the page): a line sold at
    // another price keeps it beside.
    const catalogue = sale.listPrices[i];
    const listPrice = Number.isSafeInteger(catalogue) && catalogue !== line.unitPrice ? catalogue : null;
    st.run('insertLine', [key, lineNo, item, line.quantity, discount.text, priced.discount, priced.amount, listPrice]);
    st.run('insertMovement', [line.productId, -line.quantity, 'sale', key, lineNo, at]);
    st.run('updateStock', [-line.quantity, line.productId]);
    return {
      lineNo,
      productId: line.productId,
      name: line.name,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      ...(listPrice === null ? {} : { listPrice }),
      taxBp: line.taxBp,
      lineDiscount: discount.value,
      discount: priced.discount,
      amount: priced.amount,
    };
  });
  const taxes = [...totals.taxes].sort((a, b) => a.taxBp - b.taxBp).map((band) => {
    st.run('insertTax', [key, band.taxBp, band.net, band.tax, band.gross]);
    return { taxBp: band.taxBp, net: band.net, tax: band.tax, gross: band.gross };
  });
  const payments = settlement.applied.map((payment, i) => {
    st.run('insertPayment', [key, i + 1, payment.method, payment.amount, payment.tendered]);
    return { method: payment.method, amount: payment.amount, tendered: payment.tendered };
  });
  st.run('deleteCart', [sale.registerId]);
  return {
    id: cart.saleId,
    number,
    kind: 'sale',
    createdAt: isoFromMs(at),
    currency: shop.currency,
    total: totals.total,
    staffName: sale.staff?.name ?? null,
    refundOf: null,
    voided: false,
    reason: null,
    isVoid: false,
    shop: JSON.parse(shopText) as Shop,
    pricesIncludeTax: shop.pricesIncludeTax,
    subtotal: totals.subtotal,
    discountTotal: totals.discountTotal,
    orderDiscount: order.value,
    taxTotal: totals.taxTotal,
    paid: settlement.paid,
    changeDue: settlement.change,
    cashRounding: settlement.rounding,
    lines,
    taxes,
    payments,
  };
}
