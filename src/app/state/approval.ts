/**
 * Asking for a manager's or owner's PIN when the worker refuses a call for want of one. The client is wrapped
 * once, at boot: a call answered `approval-required` opens the approval dialog, and is sent again with the PIN
 * given; a wrong PIN asks again with the worker's words; Cancel ends the call with the worker's refusal. So every
 * view's data operation (restore, empty, import, settings…) gets the approval without a line of its own.
 */
import { signal } from '@preact/signals';
import { DbError, type DbClient, type SendOptions } from '../../db/client';
import type { Approval } from '../../db/protocol/staff';
import { setSignedIn, signedIn } from './session';

/** The approval being asked for: the worker's message, and the answer (null: cancelled). */
export interface PendingApproval {
  message: string;
  roles: string[];
  answer(approval: Approval | null): void;
}

/** The approval the dialog shows now, or null. */
export const pendingApproval = signal<PendingApproval | null>(null);

function ask(error: DbError): Promise<Approval | null> {
  const roles = Array.isArray(error.detail?.roles) ? (error.detail.roles as string[]) : ['owner', 'manager'];
  return new Promise((resolve) => {
    pendingApproval.value = {
      message: error.message,
      roles,
      answer: (approval) => {
        pendingApproval.value = null;
        resolve(approval);
      },
    };
  });
}

const needsPin = (error: unknown): error is DbError =>
  error instanceof DbError && (error.code === 'approval-required' || error.code === 'locked-out');

/**
 * `client`, with approvals asked for when needed and this tab's sign-in sent along. When the worker answers that no
 * one is signed in here (the sign-in ended: a restore, a day passed, the person left the staff), the tab forgets
 * its sign-in too, so the header and the Lock page say so.
 */
export function withApprovals(client: DbClient): DbClient {
  return Object.create(client, {
    send: {
      value: async (name: Parameters<DbClient['send']>[0], args: never, options: SendOptions = {}) => {
        const actor = signedIn.value;
        const base: SendOptions = actor ? { signIn: actor.token, ...options } : options;
        try {
          return await client.send(name, args, base);
        } catch (first) {
          if (first instanceof DbError && first.code === 'signed-out' && actor && signedIn.value === actor) setSignedIn(null);
          // A caller that gave its own approval handles the refusal itself.
          if (!needsPin(first) || first.code !== 'approval-required' || options.approval) throw first;
          let last: DbError = first;
          for (;;) {
            const approval = await ask(last);
            if (!approval) throw last;
            try {
              return await client.send(name, args, { ...base, approval });
            } catch (again) {
              if (!needsPin(again)) throw again;
              last = again;
            }
          }
        }
      },
    },
  }) as DbClient;
}
