/**
 * Failpoints for the crash tests: places on the rare, dangerous paths (an atomic swap) where an end-to-end test
 * can stop the worker so that its SIGKILL of the browser lands exactly there, not some milliseconds later.
 *
 * A failpoint is armed by a file `failpoints/<name>` in the origin's private file system, which only a test
 * creates. When the code reaches an armed failpoint it creates `failpoints/<name>.reached` and waits there for
 * good (the test then kills the browser). No shop has that directory: a failpoint then costs one directory
 * lookup, on paths that take seconds anyway. Outside a browser (the unit tests in Node) it does nothing.
 */

/** The OPFS directory a test arms failpoints in. */
export const FAILPOINT_DIR = 'failpoints';

/** The failpoints the code has, in the order a swap reaches them. */
export type FailpointName = 'swap-writing' | 'swap-checking' | 'swap-switched';

async function armedDirectory(name: FailpointName): Promise<FileSystemDirectoryHandle | null> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return null;
  try {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(FAILPOINT_DIR);
    await dir.getFileHandle(name);
    return dir;
  } catch {
    return null;
  }
}

/** Returns at once unless a test armed `name`; then says it was reached and never returns. Never throws. */
export async function failpoint(name: FailpointName): Promise<void> {
  const dir = await armedDirectory(name);
  if (!dir) return;
  try {
    await dir.getFileHandle(`${name}.reached`, { create: true });
  } catch {
    return;
  }
  for (;;) await new Promise((resolve) => setTimeout(resolve, 60_000));
}
