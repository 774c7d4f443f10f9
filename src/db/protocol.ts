/**
 * The one protocol between the UI and the database worker, and between workers of different tabs.
 * Types only: both sides import it, neither side's code lives here.
 *
 * A handler map names every call the UI may make. Each domain declares its own slice and the map is their
 * intersection, so `send()` on the client accepts only these names with their exact argument types.
 */
import type { Cart } from '../pos/cart';
import type { Discount, TaxBand } from '../pos/pricing';
import type { PaymentMethod } from '../pos/payments';
import type { RejectedRow } from '../pos/catalog-csv';

/** Why a call failed, in a form both sides understand. `message` is written for a person to read. */
export type ErrorCode =
  /** OPFS or the VFS cannot be opened: private window, unsupported browser, storage blocked. */
  | 'storage-unavailable'
  /** Another window holds the database and this browser cannot hand it over (no Web Locks). */
  | 'open-elsewhere'
  /** The database was written by a newer Tillite than this one. */
  | 'newer-schema'
  /** A migration failed; the database stays at the last good version. */
  | 'migration-failed'
  /** The database fails its integrity check. */
  | 'damaged'
  /** This tab runs a different app version than the tab that holds the database. */
  | 'version-mismatch'
  /** The arguments are not acceptable (a person can fix them). */
  | 'invalid'
  | 'not-found'
  | 'conflict'
  /** Not enough storage quota for the operation; nothing was written. */
  | 'quota'
  | 'unknown-handler'
  /** No answer came within the call's bound (the window holding the database is busy, closing or gone). */
  | 'unavailable'
  | 'internal';

/** An error as it crosses a postMessage boundary. */
export interface WireError {
  code: ErrorCode;
  message: string;
  /** Extra facts for the UI (for example the schema versions involved). */
  detail?: Record<string, unknown>;
}

/** What the status page shows about the database. */
export interface SystemInfo {
  sqliteVersion: string;
  schemaVersion: number;
  appVersion: string;
  vfs: string;
  journalMode: string;
  /** The file name of the database inside the VFS. */
  fileName: string;
  pageSize: number;
  pageCount: number;
  /** Which worker (tab) holds the database. */
  leaderId: string;
}

/** One row written through the worker by the status page's "write a row" button. */
export interface TallyEntry {
  id: string;
  note: string;
  tab: string;
  createdAt: string;
}

/** What `tally.add` did: `applied` is false when the same request had already been applied. */
export interface TallyAddResult {
  entry: TallyEntry;
  total: number;
}

/** One applied migration, as recorded in `schema_migrations`. */
export interface MigrationRecord {
  version: number;
  name: string;
  /** SHA-256 of the migration's source, hex. */
  checksum: string;
  /** UTC, ISO 8601. */
  appliedAt: string;
  /** The app version that applied it. */
  appVersion: string;
  durationMs: number;
}

/** Calls about the database itself. */
export interface SystemHandlers {
  'system.info': (args: Record<string, never>) => SystemInfo;
  /** The applied migrations, oldest first. */
  'system.migrations': (args: Record<string, never>) => { schemaVersion: number; history: MigrationRecord[] };
  /** The pre-migration and upgrade snapshots kept on this device, newest first. */
  'system.migration-snapshots': (args: Record<string, never>) => { name: string; size: number }[];
  /** Returns its argument: proves the round trip, and measures it. */
  'system.ping': (args: { at: number }) => { at: number; leaderId: string };
}

/** The foundation's proof of the write path: rows written through the worker, exactly once each. */
export interface TallyHandlers {
  'tally.add': (args: { id: string; note: string; tab: string }) => TallyAddResult;
  'tally.list': (args: { limit: number }) => { total: number; entries: TallyEntry[] };
}

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

/** `shop.*`: the first-run setup and the sample shop. */
export interface ShopHandlers {
  'shop.get': (args: Record<string, never>) => Shop | null;
  'shop.save': (args: Shop) => Shop;
  /** Creates the sample shop: settings, a catalogue and a few days of sales. Refused once a sale exists. */
  'shop.loadSample': (args: { registerId: string }) => { products: number; sales: number };
}

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

/** What a CSV import did. */
export interface ImportReport {
  created: number;
  updated: number;
  rejected: RejectedRow[];
  /** Problems with the file as a whole (header); when non-empty nothing was imported. */
  problems: string[];
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
}

/** `cart.*`: the register's cart, kept in the database until its sale completes. */
export interface CartHandlers {
  'cart.get': (args: { registerId: string }) => Cart | null;
  /** Refused (`conflict`, `detail.reason` `sale-id-used`) when the cart's sale is already recorded. */
  'cart.save': (args: { registerId: string; cart: Cart }) => { savedAt: string };
  /** Carts with items that other registers (tabs) left, newest first, leaving out the registers in `exclude`. */
  'cart.left': (args: { exclude: string[] }) => LeftCart[];
  /** Moves the cart `from` left to register `to` (which must have no items); returns it, or null if gone. */
  'cart.takeOver': (args: { from: string; to: string }) => Cart | null;
  /** Throws away the cart register `registerId` left. */
  'cart.discard': (args: { registerId: string }) => { discarded: boolean };
}

/** A cart another register left behind (its tab was closed or crashed before the sale was completed). */
export interface LeftCart {
  registerId: string;
  cart: Cart;
  updatedAt: string;
}

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
}

/** One line of a recorded sale. */
export interface SaleLine {
  lineNo: number;
  productId: number | null;
  name: string;
  sku: string | null;
  quantity: number;
  unitPrice: number;
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
  lines: SaleLine[];
  taxes: TaxBand[];
  payments: { method: PaymentMethod; amount: number; tendered: number }[];
}

/** `sales.*`: completing a sale and finding it again. */
export interface SalesHandlers {
  /**
   * Records the cart as a sale in one transaction: the sale, its number, lines, tax, payments and stock, and
   * clears the register's cart. Calling it again with the same `cart.saleId` returns the sale already made.
   */
  'sales.commit': (args: { registerId: string; cart: Cart; expectedTotal: number }) => SaleDetail;
  /**
   * Sales newest first: between two UTC instants (from inclusive, to exclusive) when given, and with this
   * number or this total when given.
   */
  'sales.list': (args: { from?: string; to?: string; number?: number; total?: number; limit: number }) => {
    sales: SaleSummary[];
    count: number;
    sum: number;
  };
  'sales.get': (args: { id?: string; number?: number }) => SaleDetail | null;
}


/** Why a backup was taken; decides how long it is kept (see `backups/retention.ts`). */
export type BackupKind =
  | 'scheduled'
  | 'pre-migration'
  | 'upgrade'
  | 'before-empty'
  | 'before-import'
  | 'before-restore'
  | 'manual'
  /** The fresh snapshot an export ("Download backup") saves outside the browser. */
  | 'export';

/** What a backup holds, read from the copy itself. Null where the schema has no such table yet. */
export interface BackupSummary {
  products: number | null;
  sales: number | null;
  /** UTC ISO time of the newest sale, or null. */
  lastSaleAt: string | null;
  /** Rows in all business tables together (everything but the bookkeeping tables). */
  rows: number;
  tables: number;
}

/** One backup as the catalogue knows it. `state` says whether its file last checked out whole. */
export interface BackupRecord {
  /** The file name in OPFS `backups/`, which is also its key. */
  name: string;
  kind: BackupKind;
  /** UTC ISO time. */
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  size: number;
  sha256: string;
  description: string | null;
  summary: BackupSummary;
  state: 'verified' | 'damaged';
  /** UTC ISO time of the last verification (when written, or by "verify again"). */
  verifiedAt: string;
  /** What was wrong when `state` is `damaged`. */
  problem: string | null;
}

/** One line of the backup log: every backup attempt, restore, deletion and prune, good or bad. */
export interface BackupLogEntry {
  id: number;
  at: string;
  action: 'backup' | 'verify' | 'restore' | 'delete' | 'prune' | 'empty' | 'reconcile' | 'import' | 'folder';
  ok: boolean;
  kind: BackupKind | null;
  name: string | null;
  message: string;
  durationMs: number | null;
}

/** The Data view's header: the schedule, the last success, and the warning that stays until a backup succeeds. */
export interface BackupStatus {
  intervalHours: number;
  lastSuccessAt: string | null;
  /** When the next scheduled backup is due (UTC ISO). */
  nextScheduledAt: string;
  /** The newest failed backup attempt when no backup succeeded after it. */
  warning: BackupLogEntry | null;
  log: BackupLogEntry[];
}

/** Backups: made, listed, checked, restored, deleted; and emptying the database (which takes one first). */
export interface BackupHandlers {
  'backup.list': (args: { kind?: BackupKind }) => { backups: BackupRecord[] };
  'backup.status': (args: Record<string, never>) => BackupStatus;
  /** "Back up now". */
  'backup.create': (args: { description?: string }) => BackupRecord;
  'backup.delete': (args: { name: string }) => { deleted: string };
  /** Recomputes the checksum and runs `integrity_check` on the file. */
  'backup.verify': (args: { name: string }) => BackupRecord;
  /**
   * Replaces the live database with a verified backup, after a `before-restore` snapshot (`undo`, null only
   * when the live database was too damaged to copy). Also answered while the live database cannot be used.
   */
  'backup.restore': (args: { name: string }) => { restored: BackupRecord; undo: BackupRecord | null; migratedTo: number };
  /**
   * The scheduler's heartbeat: takes a scheduled backup when one is due at `now` (UTC ISO), which the caller's
   * clock gives, so that tests can drive it.
   */
  'backup.tick': (args: { now: string }) => { created: BackupRecord | null; nextScheduledAt: string };
  'backup.setInterval': (args: { hours: number }) => { intervalHours: number };
  /** What the live database holds now (shown beside a backup before restoring it). */
  'data.summary': (args: Record<string, never>) => BackupSummary;
  /** Removes all business data after a `before-empty` snapshot. `confirm` must be the word EMPTY. */
  'data.empty': (args: { confirm: string }) => { snapshot: BackupRecord; tables: { name: string; rows: number }[] };
}

/** What a database file holds, shown side by side before an import replaces the data. */
export interface DatabaseFacts {
  /** The shop's name, or null when the shop is not set up (or the schema has no shop yet). */
  shopName: string | null;
  products: number | null;
  sales: number | null;
  /** UTC ISO times of the first and the last sale, or null. */
  firstSaleAt: string | null;
  lastSaleAt: string | null;
  schemaVersion: number;
  /** Rows in all business tables together. */
  rows: number;
  /** Bytes. */
  size: number;
}

/** Why a file picked for import was refused; each has its own message. */
export type ImportRefusalReason =
  | 'empty'
  | 'not-sqlite'
  | 'size-mismatch'
  | 'wal'
  | 'not-tillite'
  | 'newer-schema'
  | 'damaged'
  | 'broken-references'
  | 'unexpected-schema'
  | 'history-mismatch'
  | 'missing';

/** What checking a staged file found: a preview of it beside the current data, or the reason it is refused. */
export type ImportInspection =
  | { ok: true; staged: string; file: DatabaseFacts; current: DatabaseFacts | null; migrateTo: number | null }
  | { ok: false; reason: ImportRefusalReason; message: string };

/** The last copy saved outside the browser, and whether to remind the user to make one. */
export interface ExportStatus {
  lastExport: { at: string; name: string; dataAt: string } | null;
  /** Remind when the newest exported data is older than this many days. */
  reminderDays: number;
  /** True when a reminder is due now (at most once a day). */
  remind: boolean;
}

/** Copies of scheduled backups to a folder the user chose (Chromium's File System Access). */
export interface FolderStatus {
  /** The folder's name, or null when none was chosen. */
  name: string | null;
  /** `paused`: the browser no longer lets Tillite write there until the user allows it again. */
  state: 'none' | 'active' | 'paused';
  lastCopy: { at: string; name: string } | null;
  /** What went wrong with the last copy, or null. */
  problem: string | null;
}

/**
 * Export and import of the whole database as one `.db` file, and copies to a chosen folder. The page moves the
 * bytes (streams between the picker's file and OPFS); the worker makes snapshots, checks and swaps.
 */
export interface TransferHandlers {
  /** A fresh verified snapshot for an export, catalogued as kind `export`, dated `at` (the page's clock). */
  'transfer.snapshot': (args: { at: string }) => BackupRecord;
  /** Records that backup `name` was saved outside the browser at `at` (the page's clock). */
  'transfer.exported': (args: { name: string; at: string }) => ExportStatus;
  'transfer.status': (args: { now: string }) => ExportStatus;
  /** "Later": no reminder for a day. */
  'transfer.dismissReminder': (args: { now: string }) => ExportStatus;
  'transfer.setReminderDays': (args: { days: number; now: string }) => ExportStatus;
  /** Checks a file the page copied to OPFS `staging/`; a refused file is removed. Nothing else is touched. */
  'transfer.inspect': (args: { staged: string }) => ImportInspection;
  /**
   * Replaces the live database with a staged file, after checking it again and taking a `before-import`
   * snapshot (`undo`); migrates it when it is older.
   */
  'transfer.import': (args: { staged: string }) => { file: DatabaseFacts; undo: BackupRecord; migratedTo: number };
  /** Removes a staged file (the preview was cancelled). */
  'transfer.discard': (args: { staged: string }) => { discarded: boolean };
  'folder.status': (args: Record<string, never>) => FolderStatus;
  /** The page stored a new folder handle (or removed it): check it and copy the newest scheduled backup there. */
  'folder.changed': (args: { now: string }) => FolderStatus;
}


/** Calls answered even while the database is refused (see `recovery` on handler implementations). */
export interface RecoveryHandlers {
  /**
   * A consistent copy of the live database made by SQLite's serializer (nothing is written to the file), for a
   * download: how a person keeps a database this build refuses, for example one from a newer Tillite.
   */
  'recovery.export-live': (args: Record<string, never>) => { fileName: string; bytes: Uint8Array };
}

/** Every call the UI may make. Domains add their slice here. */
export type Handlers = SystemHandlers &
  TallyHandlers &
  RecoveryHandlers &
  BackupHandlers &
  ShopHandlers &
  CatalogHandlers &
  CartHandlers &
  SalesHandlers &
  TransferHandlers;

export type HandlerName = keyof Handlers;
export type ArgsOf<K extends HandlerName> = Parameters<Handlers[K]>[0];
export type ResultOf<K extends HandlerName> = ReturnType<Handlers[K]>;

/** Topics a write may change; views refresh on the topics they show. */
export type ChangeTopic = 'tally' | 'catalog' | 'sales' | 'cart' | 'shop' | 'backups' | 'settings' | 'all';

/** A call. `requestId` is made by the client once and kept across retries, so a write is applied once. */
export interface RequestMessage<K extends HandlerName = HandlerName> {
  type: 'request';
  id: number;
  requestId: string;
  name: K;
  args: ArgsOf<K>;
}

export type ResponseMessage =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: WireError };

/** Where this tab's worker stands. */
export type WorkerStatus =
  | { state: 'starting'; detail: string }
  | { state: 'ready'; role: 'leader' | 'follower'; leaderId: string; workerId: string }
  | { state: 'failed'; error: WireError }
  /** Another tab runs a newer app version: this tab must reload before it may use the database. */
  | { state: 'outdated'; otherVersion: string };

/** What the UI sends to its worker. */
export type ToWorker =
  | {
      type: 'init';
      appVersion: string;
      /** The main thread detects features once and tells the worker (both run in the same browser). */
      features: { locks: boolean };
    }
  | RequestMessage;

/** What a worker sends to its UI. */
export type FromWorker =
  | ResponseMessage
  | { type: 'status'; status: WorkerStatus }
  | { type: 'changed'; topics: ChangeTopic[] };

/**
 * What workers say to each other over the BroadcastChannel. Every message carries the sender's app version:
 * workers of different versions never serve each other.
 */
export type BusMessage =
  | { type: 'who-leads'; from: string; appVersion: string }
  | { type: 'leader'; leaderId: string; appVersion: string; state: 'ready' }
  | { type: 'leader'; leaderId: string; appVersion: string; state: 'failed'; error: WireError }
  | { type: 'forward'; from: string; to: string; appVersion: string; request: RequestMessage }
  | { type: 'forwarded'; to: string; from: string; response: ResponseMessage }
  | { type: 'changed'; from: string; topics: ChangeTopic[] }
  /** A newer tab asks an older leader to let go of the database. */
  | { type: 'step-down'; from: string; appVersion: string };

export const BUS_NAME = 'tillite-db-bus';
export const LOCK_NAME = 'tillite-db';
