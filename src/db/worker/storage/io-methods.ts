/**
 * A copy of a VFS's `sqlite3_io_methods` with some methods of our own in front: how the WAL's writes are gathered
 * (`wal-writes.ts`), how a frozen copy keeps the pages a checkpoint overwrites (`page-guard.ts`) and how a file
 * declares power-safe overwrites (`powersafe.ts`). A file is given the copy by pointing its `pMethods` at it;
 * every member not replaced (locks, sector size, the rest) is the VFS's own.
 */
import type { Sqlite3Static } from '@sqlite.org/sqlite-wasm';

/** An io method as wasm calls it (64-bit offsets arrive as bigint). */
export type Method = (...args: (number | bigint)[]) => number;

/** The copy: the struct's address, and `dispose` for once nothing points at it any more. */
export interface MethodsCopy {
  pointer: number;
  dispose(): void;
}

/**
 * Copies the methods struct at `original` and installs `front(entry)` over the copy, where `entry(name)` is the
 * original's function `name` (`xRead`, `xWrite`…). Throws, having changed nothing, when a method asked for
 * cannot be reached; `what` names the file in that message.
 */
export function copyMethods(sqlite3: Sqlite3Static, original: number, what: string, front: (entry: (name: string) => Method) => Record<string, Method>): MethodsCopy {
  const { capi, wasm } = sqlite3;
  const theirs = new capi.sqlite3_io_methods(original) as unknown as Record<string, number> & { dispose(): void };
  let installed: Record<string, Method>;
  try {
    installed = front((name) => {
      const fn = wasm.functionEntry(theirs[`$${name}`]!) as Method | undefined;
      if (!fn) throw new Error(`${what}'s ${name} cannot be reached`);
      return fn;
    });
  } finally {
    theirs.dispose();
  }
  const ours = new capi.sqlite3_io_methods() as unknown as MethodsCopy & { installMethods(methods: Record<string, Method>, check: boolean): void };
  const size = (capi.sqlite3_io_methods as unknown as { structInfo: { sizeof: number } }).structInfo.sizeof;
  wasm.heap8u().copyWithin(ours.pointer, original, original + size);
  ours.installMethods(installed, false);
  return ours;
}

/**
 * Points file `pFile`'s `pMethods` at `methodsFor(the methods it has now)`. Returns the methods it had, or 0 when
 * it had none (a closed file): nothing is then changed, nor when `methodsFor` throws.
 */
export function replaceMethods(sqlite3: Sqlite3Static, pFile: number, methodsFor: (current: number) => number): number {
  const file = new sqlite3.capi.sqlite3_file(pFile) as unknown as { $pMethods: number; dispose(): void };
  try {
    const current = file.$pMethods;
    if (!current) return 0;
    file.$pMethods = methodsFor(current);
    return current;
  } finally {
    file.dispose();
  }
}
