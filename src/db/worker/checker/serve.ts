/**
 * The checker's message handling, apart from its worker entry so that a unit test runs the same code over the
 * in-memory files: a `check` runs `checkBackupFile` on the checker's files, asking the leader to record the new
 * checksum before a manifest-bearing file replaces the backup (see ManifestWriting); a `check-live` pulls the
 * leader's frozen live file into the checker's pool and checks it (`live-check.ts`).
 */
import { checkBackupFile, type ManifestWriting } from '../backups/check';
import { toWireError } from '../runtime/errors';
import type { DatabaseFiles } from '../storage/database-files';
import type { PlainFiles } from '../storage/plain-files';
import { checkLiveCopy, pulledChunks } from './live-check';
import type { FromChecker, ToChecker } from './protocol';

/** What a check needs: a pool of the checker's own for the staging copy, and the backups' directory. */
export interface CheckerFiles {
  files: DatabaseFiles;
  backups: PlainFiles;
}

/** Starts the checker once `starting` settles (posting `ready` or `unavailable`); returns its message handler. */
export function serveChecker(starting: Promise<CheckerFiles>, post: (message: FromChecker) => void): (message: ToChecker) => Promise<void> {
  const recorded = new Map<number, (error: string | null) => void>();
  starting.then(
    () => post({ type: 'ready' }),
    (error: unknown) => post({ type: 'unavailable', message: error instanceof Error ? error.message : String(error) }),
  );
  /** Chunks asked of the leader, by pull number (unique across checks). */
  const pulls = new Map<number, { resolve(bytes: Uint8Array | undefined): void; reject(error: Error): void }>();
  let nextPull = 1;
  return async (message) => {
    if (message.type === 'replace-recorded') return recorded.get(message.id)?.(message.error);
    if (message.type === 'live-chunk') {
      const waiting = pulls.get(message.pull);
      pulls.delete(message.pull);
      if (message.error !== null) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.bytes ?? undefined);
      return;
    }
    const { id } = message;
    if (message.type === 'check-live') {
      try {
        const { files } = await starting;
        const pull = () =>
          new Promise<Uint8Array | undefined>((resolve, reject) => {
            const n = nextPull++;
            pulls.set(n, { resolve, reject });
            post({ type: 'live-pull', id, pull: n });
          });
        post({ type: 'live-checked', id, problems: await checkLiveCopy(files, pulledChunks(pull)) });
      } catch (error) {
        const wire = toWireError(error);
        post({ type: 'failed', id, code: wire.code, message: wire.message });
      }
      return;
    }
    try {
      const { files, backups } = await starting;
      const writing: ManifestWriting | null = message.writing
        ? {
            beforeReplace: (file) =>
              new Promise<void>((resolve, reject) => {
                recorded.set(id, (error) => {
                  recorded.delete(id);
                  if (error) reject(new Error(error));
                  else resolve();
                });
                post({ type: 'before-replace', id, file });
              }),
            sums: message.sums,
          }
        : null;
      const check = await checkBackupFile(files, backups, message.name, message.expected, message.depth, writing);
      post({ type: 'done', id, check });
    } catch (error) {
      const wire = toWireError(error);
      post({ type: 'failed', id, code: wire.code, message: wire.message });
    }
  };
}
