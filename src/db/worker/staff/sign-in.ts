/**
 * Who is signed in at a till, as the worker holds it. A PIN checked by the worker (`staff.signIn`) makes a sign-in:
 * a random token the tab keeps and sends with each call (`RequestMessage.signIn`), and its SHA-256 in `sign_ins`
 * (migration 0010), so it survives a leader hand-over and a reload like the rest of the tab's state. Sales, refunds,
 * voids, shifts and cash moves record the staff of the caller's sign-in, never an id the call names: a script in
 * the page can act only as the person signed in at its own tab, never as someone else.
 *
 * Lock, switching user and the idle lock end a sign-in (`staff.signOut`); one older than a day is pruned.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { StaffMember } from '../../protocol/staff';
import { HandlerError } from '../runtime/errors';
import { rowOnce } from '../storage/prepared';
import { findStaff, ownerExists } from './pins';

/** A sign-in lasts at most this long without a new PIN (a till left on overnight asks again). */
export const SIGN_IN_MAX_MS = 24 * 60 * 60_000;

/** The hashes of tokens seen lately: a sale's call then costs no digest (bounded, oldest out first). */
const hashes = new Map<string, string>();

async function hashOf(token: string): Promise<string> {
  const known = hashes.get(token);
  if (known) return known;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  if (hashes.size >= 64) hashes.delete(hashes.keys().next().value as string);
  hashes.set(token, hex);
  return hex;
}

/** A fresh token: 128 random bits, hex. */
function newToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Starts a sign-in of `staffId` at `now` in `db` and answers its token; ends `previous` (switching user). */
export async function startSignIn(db: () => Database, staffId: number, previous: string | undefined, now: number = Date.now()): Promise<string> {
  const token = newToken();
  const hash = await hashOf(token);
  const ended = previous ? await hashOf(previous) : null;
  const live = db();
  live.exec('DELETE FROM sign_ins WHERE started_at < ? OR token_hash = ?', { bind: [now - SIGN_IN_MAX_MS, ended] });
  live.exec('INSERT INTO sign_ins (token_hash, staff_id, started_at) VALUES (?, ?, ?)', { bind: [hash, staffId, now] });
  return token;
}

/** Ends the sign-in of `token` (lock, switch user, idle lock). Answers whether there was one. */
export async function endSignIn(db: () => Database, token: string | undefined): Promise<boolean> {
  if (typeof token !== 'string' || !token) return false;
  const hash = await hashOf(token);
  return db().selectValue('DELETE FROM sign_ins WHERE token_hash = ? RETURNING 1', [hash]) !== undefined;
}

/**
 * The member of staff signed in with `token` at `now`, or null (no token, an unknown or ended one, an old one, or
 * someone no longer on the staff list).
 */
export async function signedInWith(db: Database | null, token: unknown, now: number = Date.now()): Promise<StaffMember | null> {
  if (!db || typeof token !== 'string' || !token || token.length > 100) return null;
  const hash = await hashOf(token);
  // On every call from a till with someone signed in: prepared once.
  const row = rowOnce(db, 'SELECT staff_id, started_at FROM sign_ins WHERE token_hash = ?', [hash]);
  if (!row || Number(row.started_at) < now - SIGN_IN_MAX_MS) return null;
  return findStaff(db, Number(row.staff_id));
}

/**
 * Who rings up, refunds, voids or moves cash: the member of staff signed in at the caller's till. Null when the shop
 * has no staff yet (an upgraded shop before its owner is made: nothing is locked); refused in words when it has and
 * nobody is signed in there. `what` finishes "Sign in … before you …".
 */
export function ringingUp(db: Database, signedIn: StaffMember | null | undefined, what: string): { id: number; name: string } | null {
  if (signedIn) return { id: signedIn.id, name: signedIn.name };
  if (!ownerExists(db)) return null;
  throw new HandlerError('signed-out', `No one is signed in at this till. Sign in with your PIN on the Lock page before you ${what}.`);
}
