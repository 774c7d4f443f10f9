/// <reference lib="webworker" />
/**
 * Wires a dedicated worker's `self` to a leader node serving `handlers`. The product's entry (`entry.ts`) and the
 * benchmark's (`bench/app/worker-entry.ts`) each call it once with their handler map.
 */
import { v7 as uuidv7 } from 'uuid';
import { BUS_NAME, type BusMessage, type FromWorker, type ToWorker } from '../../protocol/envelope';
import { startNode, type LeaderNode } from './leader';
import type { HandlerMap } from './processor';
import { openLeaderSession } from './session';
import { markStart } from './start-marks';

declare const self: DedicatedWorkerGlobalScope;

/** Starts answering this worker's UI with `handlers`. */
export function serveWorker(handlers: HandlerMap): void {
  markStart('script');

  const workerId = uuidv7();
  let node: LeaderNode | null = null;
  const early: Extract<ToWorker, { type: 'request' }>[] = [];

  self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
    const message = event.data;
    if (message.type === 'init') {
      if (node) return;
      const bus = new BroadcastChannel(BUS_NAME);
      node = startNode({
        workerId,
        appVersion: message.appVersion,
        locks: message.features.locks && navigator.locks ? navigator.locks : null,
        bus: {
          postMessage: (m: BusMessage) => bus.postMessage(m),
          addEventListener: (type, listener) => bus.addEventListener(type, listener as (event: MessageEvent) => void),
        },
        toUi: (m: FromWorker) => self.postMessage(m),
        // Each call's bound depends on its kind (see CALL_BOUNDS_MS).
        kindOf: (name) => handlers[name]?.kind ?? 'query',
        // Without Web Locks a second window must not wait: the first one holds the files for as long as it is open.
        open: (notify, events) =>
          openLeaderSession(workerId, message.appVersion, handlers, notify, { busyWaitMs: message.features.locks ? 10_000 : 300, ...events }),
      });
      for (const request of early.splice(0)) node.request(request);
    } else if (node) {
      node.request(message);
    } else {
      early.push(message);
    }
  });
}
