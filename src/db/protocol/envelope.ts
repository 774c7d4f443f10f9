/**
 * The envelope of the protocol: what crosses postMessage between a tab's UI and its worker, and the BroadcastChannel
 * between workers; the errors every call may end with. Types only (and two names), shared by both sides.
 */
import type { ArgsOf, HandlerName } from './index';
import type { Approval } from './staff';

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
  /** The call needs a manager's or the owner's PIN, and it was missing or wrong. */
  | 'approval-required'
  /** Too many wrong PINs: that person must wait before trying again. */
  | 'locked-out'
  /** The call records who made it, and no one is signed in at this till (or the sign-in ended): sign in by PIN. */
  | 'signed-out'
  | 'internal';

/** An error as it crosses a postMessage boundary. */
export interface WireError {
  code: ErrorCode;
  message: string;
  /** Extra facts for the UI (for example the schema versions involved). */
  detail?: Record<string, unknown>;
}

/**
 * Topics a write may change; views refresh on the topics they show. `stock` is part of `catalog` (a view of the
 * catalogue also shows stock, see `changes.ts`): a sale changes only its products' stock, and says which.
 */
export type ChangeTopic = 'catalog' | 'stock' | 'sales' | 'cart' | 'shop' | 'backups' | 'settings' | 'all';

/** What a change says beyond its topics, so that a view can patch what it shows instead of reading it again. */
export interface ChangeDetail {
  /** With the `stock` topic: the new stock of every product whose stock changed, by product id. */
  stock?: Record<number, number>;
}

/** A call. `requestId` is made by the client once and kept across retries, so a write is applied once. */
export interface RequestMessage<K extends HandlerName = HandlerName> {
  type: 'request';
  id: number;
  requestId: string;
  name: K;
  args: ArgsOf<K>;
  /** A manager's or owner's PIN for a call that needs one (see `protocol/staff.ts`). */
  approval?: Approval;
  /**
   * The token of this tab's sign-in (`staff.signIn` made it): the worker looks up who it belongs to and records
   * that person as who rang up, refunded or moved cash, and as the audit log's "for whom". Never a staff id.
   */
  signIn?: string;
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
  | { type: 'changed'; topics: ChangeTopic[]; detail?: ChangeDetail };

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
  | { type: 'changed'; from: string; topics: ChangeTopic[]; detail?: ChangeDetail }
  /** A newer tab asks an older leader to let go of the database. */
  | { type: 'step-down'; from: string; appVersion: string };

export const BUS_NAME = 'tillite-db-bus';
export const LOCK_NAME = 'tillite-db';
