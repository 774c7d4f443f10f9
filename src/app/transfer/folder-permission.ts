/**
 * Asking again for the chosen folder when the browser's permission lapsed (after a restart, Chromium asks anew).
 * `requestPermission` needs a user gesture, so the page asks at the next click anywhere, and the banner says that
 * copies are paused until then.
 */
import { db } from '../db';
import { folderPermission, loadFolderHandle, type PermissionedHandle } from '../../lib/folder-store';

/** Asks for write access to the chosen folder (call it from a user gesture); true when granted. */
export async function allowFolderAgain(): Promise<boolean> {
  const handle = await loadFolderHandle();
  if (!handle) return false;
  const request = (handle as PermissionedHandle).requestPermission;
  const state = request ? await request.call(handle, { mode: 'readwrite' }) : await folderPermission(handle);
  await db().send('folder.changed', { now: new Date().toISOString() });
  return state === 'granted';
}

/** Asks once, at the next pointer press anywhere in the page. Returns a function that stops waiting. */
export function askAtNextGesture(): () => void {
  const ask = () => void allowFolderAgain().catch(() => undefined);
  document.addEventListener('pointerdown', ask, { once: true, capture: true });
  return () => document.removeEventListener('pointerdown', ask, { capture: true });
}
