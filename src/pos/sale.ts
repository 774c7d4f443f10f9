/** Recorded sales as the domain knows them: what the sales list shows and a receipt prints. */
import type { Discount, TaxBand } from './pricing';
import type { PaymentMethod } from './payments';
import type { Shop } from './shop';

/** A sale as the sales list shows it. */
export interface SaleSummary {
  id: string;
  number: number;
  kind: 'sale' | 'refund';
  createdAt: string;
  currency: string;
  total: number;
  items: number;
  methods: PaymentMethod[];
  /** Who rang it up (the member of staff signed in at the till), when known. */
  staffName?: string | null;
  /** A sale that a void reversed. */
  voided?: boolean;
  /** A refund's original sale, by its number. */
  refundOf?: number | null;
  /** A sale with a line sold at a price other than the catalogue's (absent otherwise). */
  priceChanged?: boolean;
}

/** One line of a recorded sale. */
export interface SaleLine {
  lineNo: number;
  productId: number | null;
  name: string;
  sku: string | null;
  quantity: number;
  unitPrice: number;
  /** The catalogue's price when the line was sold at another (a price override); absent otherwise. */
  listPrice?: number;
  taxBp: number;
  lineDiscount: Discount | null;
  discount: number;
  amount: number;
}

/** A recorded sale with everything its receipt prints. */
export interface SaleDetail extends Omit<SaleSummary, 'items' | 'methods'> {
  shop: Shop;
  pricesIncludeTax: boolean;
  subtotal: number;
  discountTotal: number;
  orderDiscount: Discount | null;
  taxTotal: number;
  paid: number;
  changeDue: number;
  /** What cash rounding added to (positive) or took off (negative) what was paid; 0 without it. */
  cashRounding: number;
  lines: SaleLine[];
  taxes: TaxBand[];
  payments: { method: PaymentMethod; amount: number; tendered: number }[];
  /** A refund's reason, as given; and whether it was the void of its sale. */
  reason?: string | null;
  isVoid?: boolean;
}
