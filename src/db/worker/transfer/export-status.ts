/**
 * When the shop's data was last saved outside the browser, and the reminder to do it again. Kept in the backup
 * catalogue's settings (IndexedDB): the browser's storage can be wiped, and then this record goes with it, which
 * is right: a fresh start should remind again.
 */
import type { ExportStatus } from '../../protocol/transfer';
import { HandlerError } from '../runtime/errors';
import type { Catalogue } from '../backups/store';

const DAY_MS = 86_400_000;
/** The default age after which the app reminds the user to download a backup. */
export const DEFAULT_REMINDER_DAYS = 7;
/** The choices offered. */
export const REMINDER_DAY_CHOICES = [1, 3, 7, 14, 30] as const;

const LAST_EXPORT = 'lastExport';
const REMINDER_DAYS = 'exportReminderDays';
const DISMISSED_AT = 'exportReminderDismissedAt';
/** When this device first asked: a new install is reminded after the same number of days, not at once. */
const STARTED_AT = 'exportClockStartedAt';

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
export function exportStatusStore(catalogue: Catalogue) {
  async function status(now: Date): Promise<ExportStatus> {
    let startedAt = await catalogue.getSetting<string>(STARTED_AT);
    if (!startedAt) {
      startedAt = now.toISOString();
      await catalogue.setSetting(STARTED_AT, startedAt);
    }
    const [lastExport, days, dismissedAt] = await Promise.all([
      catalogue.getSetting<ExportStatus['lastExport']>(LAST_EXPORT),
      catalogue.getSetting<number>(REMINDER_DAYS),
      catalogue.getSetting<string>(DISMISSED_AT),
    ]);
    const reminderDays = days ?? DEFAULT_REMINDER_DAYS;
    return {
      lastExport: lastExport ?? null,
      reminderDays,
      remind: reminderDue({ now, exportedDataAt: lastExport?.dataAt ?? null, startedAt, days: reminderDays, dismissedAt: dismissedAt ?? null }),
    };
  }

  return {
    status,
    async recordExport(name: string, at: Date): Promise<ExportStatus> {
      const record = await catalogue.get(name);
      if (!record) throw new HandlerError('not-found', `There is no backup called ${name}.`);
      const previous = await catalogue.getSetting<ExportStatus['lastExport']>(LAST_EXPORT);
      // Exporting an old backup does not make the recent sales safe: the reminder keys on the newest data saved.
      const dataAt = previous && previous.dataAt > record.createdAt ? previous.dataAt : record.createdAt;
      await catalogue.setSetting(LAST_EXPORT, { at: at.toISOString(), name, dataAt });
      return status(at);
    },
    async dismiss(now: Date): Promise<ExportStatus> {
      await catalogue.setSetting(DISMISSED_AT, now.toISOString());
      return status(now);
    },
    async setDays(days: number, now: Date): Promise<ExportStatus> {
      if (!(REMINDER_DAY_CHOICES as readonly number[]).includes(days)) {
        throw new HandlerError('invalid', `The reminder can be set to ${REMINDER_DAY_CHOICES.join(', ')} days.`);
      }
      await catalogue.setSetting(REMINDER_DAYS, days);
      return status(now);
    },
  };
}
