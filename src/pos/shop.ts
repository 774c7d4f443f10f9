/** The shop as the domain knows it. */

/** The shop's details, set at first run. Amounts in the app are minor units of `currency`. */
export interface Shop {
  name: string;
  address: string;
  phone: string;
  taxNumber: string;
  /** ISO 4217. */
  currency: string;
  pricesIncludeTax: boolean;
  /** Basis points: 20 % = 2000. */
  defaultTaxBp: number;
  /**
   * The BCP 47 tag amounts, dates and times are shown, typed and printed in ("de-CH"); null or absent: the
   * browser's. Absent in receipts recorded before the setting existed.
   */
  locale?: string | null;
  /** Cash is rounded to this many minor units (CHF 5); null or absent: the currency's custom; 1: never. */
  cashStep?: number | null;
}
