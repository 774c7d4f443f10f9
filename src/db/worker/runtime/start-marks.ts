/**
 * Marks on the worker's performance timeline for each phase of its start (`tillite:<phase>`), so that the
 * bench, or anyone with the browser's devtools, can see where the time to the first answer goes. A mark costs
 * a few microseconds and keeps nothing else.
 */

/** The phases of a leader's start, in order. */
export type StartPhase = 'script' | 'session' | 'wasm' | 'pool' | 'cleaned' | 'catalogue' | 'opened' | 'migrated' | 'serving';

/** Marks that the worker's start reached `phase`. */
export function markStart(phase: StartPhase): void {
  performance.mark(`tillite:${phase}`);
}
