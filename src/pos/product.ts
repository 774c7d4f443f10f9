/** The catalogue's products and categories as the domain knows them. */

/** A category; `path` is its names from the top, e.g. "Drinks > Coffee". */
export interface Category {
  id: number;
  name: string;
  parentId: number | null;
  path: string;
}

/** A product of the catalogue. */
export interface Product {
  id: number;
  name: string;
  sku: string | null;
  barcode: string | null;
  /** Minor units, as the shop enters prices. */
  price: number;
  taxBp: number;
  stock: number;
  active: boolean;
  categoryId: number | null;
}

/** A product to create (no id) or update. */
export type ProductInput = Omit<Product, 'id'> & { id?: number };
