/** Every handler the worker answers: one slice per domain, together covering the protocol's handler map. */
import type { HandlerName } from '../../protocol';
import type { HandlerImpl } from '../processor';
import { backupHandlers } from './backups';
import { cartHandlers } from './cart';
import { catalogHandlers } from './catalog';
import { recoveryHandlers } from './recovery';
import { salesHandlers } from './sales';
import { shopHandlers } from './shop';
import { systemHandlers } from './system';
import { transferHandlers } from './transfer';
import { benchHandlers } from '../bench/handlers';

/** The full handler map; the type makes a missing handler a compile error. */
export const handlers: { [K in HandlerName]: HandlerImpl<K> } = {
  ...systemHandlers,
  ...recoveryHandlers,
  ...backupHandlers,
  ...shopHandlers,
  ...catalogHandlers,
  ...cartHandlers,
  ...salesHandlers,
  ...transferHandlers,
  // Bench builds only (`npm run bench`); a normal build defines __BENCH__ false and drops the bench module.
  ...(__BENCH__ ? benchHandlers : {}),
};
