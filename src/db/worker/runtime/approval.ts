/**
 * The approval step: before a call that needs a manager's or the owner's PIN runs, the processor asks `approve`,
 * which checks the PIN in the request's envelope, and after the call succeeds `record` writes who approved what,
 * for whom, when. It is enforced here, in the worker, so that a call made without the UI is refused all the same.
 *
 * Until the shop has an owner nothing needs an approval: an upgraded shop is asked to create one, and nothing is
 * locked before that. While the live database cannot be used (the recovery screen), nothing can be checked, and
 * the recovery calls stay open: a shop must always be able to get its data back.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ArgsOf, HandlerName } from '../../protocol';
import type { RequestMessage } from '../../protocol/envelope';
import type { Role, StaffMember } from '../../protocol/staff';
import { saleApprovalNeed } from '../../../pos/approval-limits';
import { checkPin, findStaff, ownerExists } from '../staff/pins';
import { readStaffSettings } from '../staff/settings';
import { HandlerError } from './errors';

/**
 * What a call needs: who may approve it, and the words for the refusal ("… is needed to restore a backup"). A rule
 * with `when` applies only to some calls: it answers the words for this call, or null when it needs no approval.
 */
interface Rule {
  roles: readonly Role[];
  what: string;
  when?: (db: Database, args: never) => string | null;
}

/** A sale whose prices or discounts go beyond the shop's limit (`pos/approval-limits.ts`). */
function saleNeed(db: Database, args: ArgsOf<'sales.commit'>): string | null {
  const cart = args?.cart;
  if (!cart || !Array.isArray(cart.lines)) return null;
  const shop = db.selectObject('SELECT prices_include_tax FROM shop WHERE id = 1');
  if (!shop) return null;
  const prices = new Map<number, number>();
  const priceOf = (id: number) => {
    if (!prices.has(id)) {
      const price = db.selectValue('SELECT price FROM products WHERE id = ?', [id]);
      if (price !== undefined) prices.set(id, Number(price));
    }
    return prices.get(id);
  };
  try {
    return saleApprovalNeed(cart, Number(shop.prices_include_tax) === 1, readStaffSettings(db).discountLimitBp, priceOf);
  } catch {
    // A cart that cannot be priced is refused by the sale's own checks, in its own words.
    return null;
  }
}
const MANAGER: readonly Role[] = ['owner', 'manager'];
const OWNER: readonly Role[] = ['owner'];

/** The calls that need an approval. */
export const APPROVAL_RULES: Partial<Record<HandlerName, Rule>> = {
  'backup.restore': { roles: MANAGER, what: 'restore a backup' },
  'backup.delete': { roles: MANAGER, what: 'delete a backup' },
  'backup.setInterval': { roles: MANAGER, what: 'change how often backups are made' },
  'data.empty': { roles: MANAGER, what: 'empty the database' },
  'transfer.import': { roles: MANAGER, what: 'import a database file' },
  'transfer.setReminderDays': { roles: MANAGER, what: 'change the export reminder' },
  'catalog.importCsv': { roles: MANAGER, what: 'import products from a file' },
  'shop.save': { roles: MANAGER, what: 'change the shop’s settings' },
  'shop.loadSample': { roles: MANAGER, what: 'load the sample shop' },
  'staff.add': { roles: MANAGER, what: 'add a member of staff' },
  'audit.list': { roles: OWNER, what: 'read the audit log' },
  'refund.create': { roles: MANAGER, what: 'give a refund' },
  'sale.void': { roles: MANAGER, what: 'void a sale' },
  'staffSettings.save': { roles: MANAGER, what: 'change the till’s approval and lock settings' },
  'sales.commit': { roles: MANAGER, what: 'change a price or give a large discount', when: saleNeed as Rule['when'] },
};

/** An approval that passed, to be recorded once the call succeeds. */
export interface Approved {
  action: HandlerName;
  approver: StaffMember & { role: 'owner' | 'manager' };
  forName: string | null;
  detail: string | null;
}

/** What an audit entry says the call was about, for a person reading the log. */
function detailOf(request: RequestMessage): string | null {
  const args = request.args as Record<string, unknown>;
  for (const key of ['name', 'staged', 'hours', 'days', 'role', 'saleNumber']) {
    if (typeof args[key] === 'string' || typeof args[key] === 'number') return `${key}: ${String(args[key])}`;
  }
  return null;
}

/**
 * Checks the approval `request` needs, if any. Answers what to record (null when the call needs none); throws
 * `approval-required` or `locked-out` when it is missing, wrong or from someone who may not give it.
 */
export async function approve(
  db: () => Database | null,
  request: RequestMessage,
  signedIn: StaffMember | null = null,
  now: () => number = Date.now,
): Promise<Approved | null> {
  const rule = APPROVAL_RULES[request.name];
  const live = db();
  if (!rule || !live || !ownerExists(live)) return null;
  const what = rule.when ? rule.when(live, request.args as never) : rule.what;
  if (what === null) return null;
  const who = rule.roles.length === 1 ? 'The owner’s PIN' : 'A manager’s or the owner’s PIN';
  const approval = request.approval;
  if (!approval || !Number.isSafeInteger(approval.staffId) || typeof approval.pin !== 'string') {
    throw new HandlerError('approval-required', `${who} is needed to ${what}. Ask them to enter it.`, { roles: rule.roles });
  }
  const approver = findStaff(live, approval.staffId);
  if (approver && !rule.roles.includes(approver.role)) {
    throw new HandlerError('approval-required', `${approver.name} cannot approve this: ${who.toLowerCase()} is needed to ${what}.`, { roles: rule.roles });
  }
  const checked = await checkPin(() => db() ?? live, approval.staffId, approval.pin, now, 'approval-required');
  return {
    action: request.name,
    approver: checked as Approved['approver'],
    forName: signedIn ? signedIn.name : null,
    // A rule that applies to some calls only says why this one needed it (the price or discount the sale had).
    detail: detailOf(request) ?? (rule.when ? what : null),
  };
}

/** Writes an approval to the audit log of `db` (after a restore: the database as it is now). */
export function record(db: Database, approved: Approved, now: number = Date.now()): void {
  db.exec(
    'INSERT INTO audit_log (at, action, approver_id, approver_name, approver_role, for_name, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
    { bind: [now, approved.action, approved.approver.id, approved.approver.name, approved.approver.role, approved.forName, approved.detail] },
  );
}
