/**
 * Long work in slices: a copy or a check gives the worker back between slices, so a sale that arrives waits at
 * most one slice (a few milliseconds) instead of the whole operation.
 */
import { nextTask } from '../../../lib/next-task';

export { nextTask };

/** How long a slice may hold the worker before it gives way. */
export const SLICE_MS = 4;

/** A pacer: `pause()` gives way to waiting work once the current slice has run `budgetMs`, else returns at once. */
export function createSlicer(budgetMs = SLICE_MS) {
  let since = performance.now();
  return {
    async pause(): Promise<void> {
      if (performance.now() - since < budgetMs) return;
      await nextTask();
      since = performance.now();
    },
  };
}

/** A {@link createSlicer} pacer. */
export type Slicer = ReturnType<typeof createSlicer>;
