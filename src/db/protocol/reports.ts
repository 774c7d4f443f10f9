/** Sales reports over a date range, and their raw lines as CSV. Times UTC milliseconds; money minor units. */
import type { PaymentMethod } from '../../pos/payments';
import type { QuarterTally } from '../../pos/report';

/** A product's sales in the range: quantities and amounts of its refunds taken off. */
export interface ProductTally {
  /** Null for a line that sold no catalogue product. */
  productId: number | null;
  name: string;
  sku: string | null;
  categoryId: number | null;
  quantity: number;
  /** The lines' amounts after discounts, as prices are entered (with or without tax, as the shop prices). */
  amount: number;
}

/** A category's sales in the range (its own products, not its subcategories'). */
export interface CategoryTally {
  categoryId: number | null;
  /** The category's path from the top, or "No category". */
  name: string;
  quantity: number;
  amount: number;
}

/** What was taken by one payment method in the range, refunds given back by it taken off. */
export interface MethodTally {
  method: PaymentMethod;
  /** Payments by this method (refunds counted as payments back). */
  count: number;
  amount: number;
}

/** What one member of staff rang up in the range (refunds they gave taken off). */
export interface StaffTally {
  /** Null for sales rung up before staff were in use. */
  staffId: number | null;
  /** Their name as it is now, or "Not recorded". */
  name: string;
  sales: number;
  refunds: number;
  net: number;
}

/** A sales report: the range's quarter-hours (the UI folds them into local days and hours) and its groupings. */
export interface SalesReport {
  from: number;
  to: number;
  quarters: QuarterTally[];
  /** The best-selling products of the range (by amount, then name), at most `REPORT_TOP_PRODUCTS` (pos/report.ts). */
  products: ProductTally[];
  /** How many products sold in the range (all of them are in `report.products`). */
  productCount: number;
  /** Every category sold in the range, best-selling first. */
  categories: CategoryTally[];
  methods: MethodTally[];
  /** By who rang it up, most taken first. */
  staff: StaffTally[];
}

/** A product on the low-stock list: at or below its threshold. */
export interface LowStockRow {
  id: number;
  name: string;
  sku: string | null;
  barcode: string | null;
  stock: number;
  threshold: number;
}

export interface ReportHandlers {
  /** The sales report for [from, to): UTC ms, the shop's local days as `pos/report.ts` computes them. */
  'report.sales': (args: { from: number; to: number }) => SalesReport;
  /** Every product sold in [from, to), best-selling (by amount, then name) first: the products' CSV. */
  'report.products': (args: { from: number; to: number }) => ProductTally[];
  /**
   * The raw sales of [from, to) as CSV, one row per line (refunds' lines negative): times in `timeZone`, amounts
   * with `decimal` as the decimal mark (with ',' the fields are separated by ';', as spreadsheets there expect).
   */
  'report.salesCsv': (args: { from: number; to: number; timeZone: string; decimal: '.' | ',' }) => { csv: string; rows: number };
  /** Active products at or below their low-stock threshold, the furthest below first; and how many have one. */
  'stock.low': (args: Record<string, never>) => { products: LowStockRow[]; watched: number };
  /** Sets (a whole number of 0 or more) or clears (null) a product's low-stock threshold. */
  'stock.setThreshold': (args: { productId: number; threshold: number | null }) => { productId: number; threshold: number | null };
}
