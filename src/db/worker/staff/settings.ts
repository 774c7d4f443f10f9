/** The till's rules kept in the database (`staff_settings`, migration 0007): the discount limit and the idle lock. */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { StaffSettings } from '../../protocol/refunds';
import { HandlerError } from '../runtime/errors';

/** The settings as stored; the defaults of migration 0007 when the row is missing (a database made before it). */
export function readStaffSettings(db: Database): StaffSettings {
  const row = db.selectObject('SELECT discount_limit_bp, idle_lock_minutes FROM staff_settings WHERE id = 1');
  return { discountLimitBp: Number(row?.discount_limit_bp ?? 1000), idleLockMinutes: Number(row?.idle_lock_minutes ?? 5) };
}

/** Checks and stores `settings`. */
export function saveStaffSettings(db: Database, settings: StaffSettings): StaffSettings {
  const { discountLimitBp, idleLockMinutes } = settings ?? ({} as StaffSettings);
  if (!Number.isSafeInteger(discountLimitBp) || discountLimitBp < 0 || discountLimitBp > 10_000) {
    throw new HandlerError('invalid', 'The discount limit is a percentage from 0 to 100.');
  }
  if (!Number.isSafeInteger(idleLockMinutes) || idleLockMinutes < 0 || idleLockMinutes > 480) {
    throw new HandlerError('invalid', 'Lock after 0 to 480 idle minutes (0: never lock by itself).');
  }
  db.exec(
    `INSERT INTO staff_settings (id, discount_limit_bp, idle_lock_minutes) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET discount_limit_bp = excluded.discount_limit_bp, idle_lock_minutes = excluded.idle_lock_minutes`,
    { bind: [discountLimitBp, idleLockMinutes] },
  );
  return readStaffSettings(db);
}
