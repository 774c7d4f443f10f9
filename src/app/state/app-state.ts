/**
 * App-wide state as signals: what the database worker says, whether an update waits, and whether a sale is
 * in progress (an update never interrupts one).
 */
import { signal } from '@preact/signals';
import type { WorkerStatus } from '../../db/protocol/envelope';

/** The database worker's last reported status. */
export const dbStatus = signal<WorkerStatus>({ state: 'starting', detail: 'Starting the database worker' });

/** True when a new version of the app is installed and waiting. */
export const updateWaiting = signal(false);

/** Set by the register while a cart holds lines; the update button waits until it is false. */
export const saleInProgress = signal(false);


/**
 * True once the database has answered in this tab. Views stay mounted while another tab takes over the
 * database (calls made meanwhile wait in the client's queue), so a hand-over never throws away a cart.
 */
export const dbWasReady = signal(false);
dbStatus.subscribe((status) => {
  if (status.state === 'ready') dbWasReady.value = true;
});
