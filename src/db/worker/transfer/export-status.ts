/**
 * When the shop's data was last saved outside the browser, and the reminder to do it again. Kept in the worker's
 * settings (the backup store in IndexedDB): the browser's storage can be wiped, and then this record goes with it, which
 * is right: a fresh start should remind again.
 */
import type { ExportStatus } from '../../protocol/transfer';
import { HandlerError } from '../runtime/errors';
import type { BackupStore } from '../backups/store';
import type { WorkerSettings } from '../backups/settings';

const DAY_MS = 86_400_000;
/** The choices offered. */
export const REMINDER_DAY_CHOICES = [1, 3, 7, 14, 30] as const;


/** What the reminder rule needs. Times are UTC ISO. */
export interface ReminderInput {
  now: Date;
  /** When the newest exported data was taken, or null if nothing was ever exported. */
  exportedDataAt: string | null;
  startedAt: string;
  days: number;
  dismissedAt: string | null;
}

/**
 * True when the newest copy outside the browser (or, without one, the start of this install) is older than
 * `days`, and the reminder was not put off in the last 24 hours: at most one reminder a day.
 */
export function reminderDue({ now, exportedDataAt, startedAt, days, dismissedAt }: ReminderInput): boolean {
  const since = Date.parse(exportedDataAt ?? startedAt);
  if (now.getTime() - since < days * DAY_MS) return false;
  return dismissedAt === null || now.getTime() - Date.parse(dismissedAt) >= DAY_MS;
}

/** Reads and writes the export record and the reminder's settings. */
export function exportStatusStore(store: BackupStore) {
  const update = (change: Partial<WorkerSettings['exportReminder']>) =>
    store.updateSettings((settings) => ({ ...settings, exportReminder: { ...settings.exportReminder, ...change } }));

  async function status(now: Date): Promise<ExportStatus> {
    let reminder = (await store.settings()).exportReminder;
    if (!reminder.startedAt) reminder = (await update({ startedAt: now.toISOString() })).exportReminder;
    const { lastExport, reminderDays, dismissedAt, startedAt } = reminder;
    return {
      lastExport,
      reminderDays,
      remind: reminderDue({ now, exportedDataAt: lastExport?.dataAt ?? null, startedAt: startedAt ?? now.toISOString(), days: reminderDays, dismissedAt }),
    };
  }

  return {
    status,
    async recordExport(name: string, at: Date): Promise<ExportStatus> {
      const record = await store.get(name);
      if (!record) throw new HandlerError('not-found', `There is no backup called ${name}.`);
      const previous = (await store.settings()).exportReminder.lastExport;
      // Exporting an old backup does not make the recent sales safe: the reminder keys on the newest data saved.
      const dataAt = previous && previous.dataAt > record.createdAt ? previous.dataAt : record.createdAt;
      await update({ lastExport: { at: at.toISOString(), name, dataAt } });
      return status(at);
    },
    async dismiss(now: Date): Promise<ExportStatus> {
      await update({ dismissedAt: now.toISOString() });
      return status(now);
    },
    async setDays(days: number, now: Date): Promise<ExportStatus> {
      if (!(REMINDER_DAY_CHOICES as readonly number[]).includes(days)) {
        throw new HandlerError('invalid', `The reminder can be set to ${REMINDER_DAY_CHOICES.join(', ')} days.`);
      }
      await update({ reminderDays: days });
      return status(now);
    },
  };
}
