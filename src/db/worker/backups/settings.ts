/**
 * The worker's own settings, outside the shop's database (so that a restore or an import does not change them):
 * one typed record with defaults and a version, kept in the backup store. Read whole, written whole.
 */
import type { ExportStatus, FolderStatus } from '../../protocol/transfer';
import { DEFAULT_INTERVAL_HOURS } from './schedule';

/** The version of {@link WorkerSettings}; a record of another version is brought to this one by {@link normalizeSettings}. */
export const SETTINGS_VERSION = 1;

/** Everything the worker remembers between sessions that is not the shop's data. */
export interface WorkerSettings {
  version: typeof SETTINGS_VERSION;
  /** How often a scheduled backup is taken. */
  backupIntervalHours: number;
  /** Copies of scheduled backups to a folder the user chose. */
  folder: { lastCopy: FolderStatus['lastCopy']; problem: string | null };
  /**
   * The reminder to save a copy outside the browser. `startedAt` is when this device first asked: a new install
   * is reminded after the same number of days, not at once.
   */
  exportReminder: {
    startedAt: string | null;
    lastExport: ExportStatus['lastExport'];
    reminderDays: number;
    dismissedAt: string | null;
  };
}

/** The defaults a fresh install starts with. */
export const DEFAULT_SETTINGS: WorkerSettings = {
  version: SETTINGS_VERSION,
  backupIntervalHours: DEFAULT_INTERVAL_HOURS,
  folder: { lastCopy: null, problem: null },
  exportReminder: { startedAt: null, lastExport: null, reminderDays: 7, dismissedAt: null },
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A stored record (of any version, or missing, or damaged) as a whole {@link WorkerSettings}: every field that is
 * missing or of the wrong type takes its default, so a setting never reaches the code as `undefined`.
 */
export function normalizeSettings(raw: unknown): WorkerSettings {
  const stored = isObject(raw) ? raw : {};
  const folder = isObject(stored.folder) ? stored.folder : {};
  const reminder = isObject(stored.exportReminder) ? stored.exportReminder : {};
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const number = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
  const defaults = DEFAULT_SETTINGS;
  return {
    version: SETTINGS_VERSION,
    backupIntervalHours: number(stored.backupIntervalHours, defaults.backupIntervalHours),
    folder: {
      lastCopy: isObject(folder.lastCopy) ? (folder.lastCopy as FolderStatus['lastCopy']) : null,
      problem: text(folder.problem),
    },
    exportReminder: {
      startedAt: text(reminder.startedAt),
      lastExport: isObject(reminder.lastExport) ? (reminder.lastExport as ExportStatus['lastExport']) : null,
      reminderDays: number(reminder.reminderDays, defaults.exportReminder.reminderDays),
      dismissedAt: text(reminder.dismissedAt),
    },
  };
}

/**
 * The settings as version 0 kept them: six loose keys of the store's `settings` object store. Used once, when
 * the store is upgraded, so that a shop keeps its schedule, its folder state and its reminder.
 */
export function fromLooseKeys(get: (key: string) => unknown): WorkerSettings {
  return normalizeSettings({
    backupIntervalHours: get('intervalHours'),
    folder: get('folderCopies'),
    exportReminder: {
      startedAt: get('exportClockStartedAt'),
      lastExport: get('lastExport'),
      reminderDays: get('exportReminderDays'),
      dismissedAt: get('exportReminderDismissedAt'),
    },
  });
}

