/// <reference lib="webworker" />
/**
 * The database worker's entry: wires `self` to the leader node. Everything it does lives in testable modules.
 */
import { v7 as uuidv7 } from 'uuid';
import { BUS_NAME, type BusMessage, type FromWorker, type ToWorker } from '../protocol';
import { startNode, type LeaderNode } from './leader';
import { openLeaderSession } from './open';
import { handlers } from './handlers';

declare const self: DedicatedWorkerGlobalScope;

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
      kindOf: (name) => handlers[name]?.kind ?? 'query',
      // Without Web Locks a second window must not wait: the first one holds the files for as long as it is open.
      open: (notify, events) =>
        openLeaderSession(workerId, message.appVersion, notify, { busyWaitMs: message.features.locks ? 10_000 : 300, ...events }),
    });
    for (const request of early.splice(0)) node.request(request);
  } else if (node) {
    node.request(message);
  } else {
    early.push(message);
  }
});
