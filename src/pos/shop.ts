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
}
