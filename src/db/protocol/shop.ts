/** `shop.*`: the first-run setup and the sample shop. */
import type { Shop } from '../../pos/shop';

/** `shop.*`: the first-run setup and the sample shop. */
export interface ShopHandlers {
  'shop.get': (args: Record<string, never>) => Shop | null;
  'shop.save': (args: Shop) => Shop;
  /** Creates the sample shop: settings, a catalogue and a few days of sales. Refused once a sale exists. */
  'shop.loadSample': (args: { registerId: string }) => { products: number; sales: number };
}
