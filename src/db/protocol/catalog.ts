/** `catalog.*`: products, categories, search, CSV. */
import type { RejectedRow } from '../../pos/catalog-csv';
import type { Category, Product, ProductInput } from '../../pos/product';

/** What a CSV import did. */
export interface ImportReport {
  created: number;
  updated: number;
  rejected: RejectedRow[];
  /** Problems with the file as a whole (header); when non-empty nothing was imported. */
  problems: string[];
}

/** What a CSV import would do (its report, nothing written), and how the file was read. */
export interface ImportPreview extends ImportReport {
  separator: ',' | ';' | '\t';
  decimalMark: ',' | '.';
  /** The header as the file has it, and its first data rows. */
  header: string[];
  sample: string[][];
  /** Data rows in the file (empty lines not counted). */
  rows: number;
}

/** `catalog.*`: products, categories, search, CSV. */
export interface CatalogHandlers {
  /**
   * Search by name, SKU or barcode as you type. Empty `query` lists by name. `total` counts every match unless
   * `countAll` is false (the register, which refreshes after every sale, does not show it: counting a whole
   * catalogue each time would delay the next sale).
   */
  'catalog.search': (args: {
    query: string;
    limit: number;
    includeInactive?: boolean;
    categoryId?: number | null;
    countAll?: boolean;
  }) => {
    products: Product[];
    /** Every match, or (with `countAll: false`) the number of products returned. */
    total: number;
  };
  /** The product with exactly this barcode (or SKU, for a typed code), active or not; null when unknown. */
  'catalog.byCode': (args: { code: string }) => Product | null;
  'catalog.save': (args: ProductInput) => Product;
  'catalog.setActive': (args: { id: number; active: boolean }) => Product;
  'catalog.categories': (args: Record<string, never>) => Category[];
  'catalog.saveCategory': (args: { id?: number; name: string; parentId: number | null }) => Category;
  'catalog.exportCsv': (args: Record<string, never>) => { csv: string; rows: number };
  'catalog.importCsv': (args: { csv: string }) => ImportReport;
  /** What `catalog.importCsv` would do with `csv`, without changing anything. */
  'catalog.previewCsv': (args: { csv: string }) => ImportPreview;
}
