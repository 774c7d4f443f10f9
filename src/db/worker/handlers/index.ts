/** Every handler the worker answers: one slice per domain, together covering the protocol's handler map. */
import type { HandlerMap } from '../runtime/processor';
import { backupHandlers } from './backups';
import { cartHandlers } from './cart';
import { catalogHandlers } from './catalog';
import { quickKeyHandlers } from './quick-keys';
import { recoveryHandlers } from './recovery';
import { reportHandlers } from './reports';
import { refundHandlers } from './refunds';
import { salesHandlers } from './sales';
import { shopHandlers } from './shop';
import { shiftHandlers, requireOpenShift } from './shifts';
import { staffHandlers } from './staff';
import { systemHandlers } from './system';
import { transferHandlers } from './transfer';

/** The full handler map; the type makes a missing handler a compile error. */
export const handlers: HandlerMap = {
  ...systemHandlers,
  ...recoveryHandlers,
  ...backupHandlers,
  ...shopHandlers,
  ...catalogHandlers,
  ...quickKeyHandlers,
  ...cartHandlers,
  ...salesHandlers,
  ...transferHandlers,
  ...staffHandlers,
  ...shiftHandlers,
  ...reportHandlers,
  ...refundHandlers,
  // Once staff are in use, a sale needs an open shift (handlers/shifts.ts).
  'sales.commit': requireOpenShift(salesHandlers['sales.commit']),
};
