/**
 * The folder the user chose for copies of the backups, kept as a FileSystemDirectoryHandle in IndexedDB
 * (handles survive there across sessions; the permission to write may not). The page stores it after the picker,
 * the database worker reads it after each scheduled backup: both open this same small database.
 */
import { openDB, type DBSchema } from 'idb';

interface FolderSchema extends DBSchema {
  handles: { key: string; value: FileSystemDirectoryHandle };
}

const KEY = 'backup-folder';

/** The permission calls of the File System Access API (Chromium), which TypeScript's DOM types lack. */
export interface PermissionedHandle {
  queryPermission?(descriptor: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
}

const open = () =>
  openDB<FolderSchema>('tillite-folder', 1, {
    upgrade(database) {
      database.createObjectStore('handles');
    },
  });

/** The chosen folder, or null. */
export async function loadFolderHandle(): Promise<FileSystemDirectoryHandle | null> {
  const database = await open();
  try {
    return (await database.get('handles', KEY)) ?? null;
  } finally {
    database.close();
  }
}

/** Keeps `handle` as the chosen folder, or forgets the folder when null. */
export async function saveFolderHandle(handle: FileSystemDirectoryHandle | null): Promise<void> {
  const database = await open();
  try {
    if (handle) await database.put('handles', handle, KEY);
    else await database.delete('handles', KEY);
  } finally {
    database.close();
  }
}

/** Whether Tillite may write to `handle` now ('granted'), without asking. */
export async function folderPermission(handle: FileSystemDirectoryHandle): Promise<PermissionState> {
  const query = (handle as PermissionedHandle).queryPermission;
  // Without the permission API (or for an origin-private folder) access is not revocable: it is granted.
  return query ? query.call(handle, { mode: 'readwrite' }) : 'granted';
}
