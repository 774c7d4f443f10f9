/**
 * The one protocol between the UI and the database worker: the handler map. Each domain declares its slice in its
 * own contract file; the map is their intersection, so `send()` on the client accepts only these names with their
 * exact argument types. The envelope (messages, errors, the bus) is `envelope.ts`.
 */
import type { BackupHandlers } from './backups';
import type { CartHandlers } from './cart';
import type { CatalogHandlers } from './catalog';
import type { QuickKeyHandlers } from './quick-keys';
import type { RecoveryHandlers } from './recovery';
import type { ReportHandlers } from './reports';
import type { RefundHandlers } from './refunds';
import type { SalesHandlers } from './sales';
import type { ShopHandlers } from './shop';
import type { ShiftHandlers } from './shifts';
import type { StaffHandlers } from './staff';
import type { SystemHandlers } from './system';
import type { TransferHandlers } from './transfer';

/** Every call the UI may make. Domains add their slice here. */
export type Handlers = SystemHandlers &
  RecoveryHandlers &
  BackupHandlers &
  ShopHandlers &
  CatalogHandlers &
  QuickKeyHandlers &
  CartHandlers &
  SalesHandlers &
  TransferHandlers &
  StaffHandlers &
  ShiftHandlers &
  ReportHandlers &
  RefundHandlers;

export type HandlerName = keyof Handlers;
export type ArgsOf<K extends HandlerName> = Parameters<Handlers[K]>[0];
export type ResultOf<K extends HandlerName> = ReturnType<Handlers[K]>;
