/**
 * Moving whole database files between OPFS and the user's disk, from the page. Nothing here holds a whole file in
 * memory: a backup in OPFS `backups/` is a disk-backed `File`, streamed to the save picker's file (or handed to a
 * download as an object URL, which copies nothing), and a picked file is streamed into OPFS `staging/`.
 */
import { v4 as uuidv4 } from 'uuid';
import { OPFS_DIRS } from '../../lib/opfs-paths';
import { IMPORT_HEAD_BYTES } from '../../db/protocol/transfer';


/** Bytes done of a total, for a progress bar. */
export type Progress = (done: number, total: number) => void;

/** The File System Access pickers (Chromium); TypeScript's DOM types lack them. */
interface Pickers {
  showSaveFilePicker?(options: { suggestedName: string; types: FilePickerType[] }): Promise<FileSystemFileHandle>;
  showOpenFilePicker?(options: { multiple: false; types: FilePickerType[]; excludeAcceptAllOption: boolean }): Promise<FileSystemFileHandle[]>;
  showDirectoryPicker?(options: { id: string; mode: 'readwrite' }): Promise<FileSystemDirectoryHandle>;
}
type FilePickerType = { description: string; accept: Record<string, string[]> };

const pickers = () => window as unknown as Pickers;
const DB_TYPES: FilePickerType[] = [{ description: 'SQLite database', accept: { 'application/vnd.sqlite3': ['.db', '.sqlite', '.sqlite3'] } }];

/** Whether this browser has the save picker (else exports are downloads). */
export const canPickSaveFile = () => typeof pickers().showSaveFilePicker === 'function';
/** Whether this browser has the open picker (else a file input). */
export const canPickOpenFile = () => typeof pickers().showOpenFilePicker === 'function';
/** Whether this browser lets the user choose a folder to write to. */
export const canPickFolder = () => typeof pickers().showDirectoryPicker === 'function';

/** True for the error a picker throws when the user closes it. */
export const isCancel = (error: unknown) => (error as DOMException)?.name === 'AbortError';

const two = (n: number) => String(n).padStart(2, '0');

/** `tillite-backup-YYYY-MM-DD-HH-MM-SS.db` in the device's local time (a name for a person). */
export function exportFileName(date: Date): string {
  const d = [date.getFullYear(), two(date.getMonth() + 1), two(date.getDate())].join('-');
  const t = [two(date.getHours()), two(date.getMinutes()), two(date.getSeconds())].join('-');
  return `tillite-backup-${d}-${t}.db`;
}

/** A pass-through stream that reports how many bytes went through. */
export function countingStream(total: number, onProgress: Progress): TransformStream<Uint8Array, Uint8Array> {
  let done = 0;
  return new TransformStream({
    transform(chunk, controller) {
      done += chunk.byteLength;
      onProgress(done, total);
      controller.enqueue(chunk);
    },
  });
}

/** The backup file `name` from OPFS, disk-backed. */
export async function backupFile(name: string): Promise<File> {
  const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(OPFS_DIRS.backups);
  return (await dir.getFileHandle(name)).getFile();
}

function download(file: File, fileName: string): void {
  const url = URL.createObjectURL(file);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The download has started from the object URL; give the browser a moment before releasing it.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/**
 * Saves a small text file the app made (a report's CSV) as a download: the file-save path every browser has, and
 * the one a PWA without the save picker takes.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  download(new File([text], fileName, { type }), fileName);
}

/** Where an export goes: a file the user chose with the save picker, or a download. */
export type Destination = { kind: 'picked'; handle: FileSystemFileHandle } | { kind: 'download' };

/**
 * Asks where to save `fileName`: the save picker where there is one, else a download. Null when the picker was
 * closed. Called first, while the click's user activation is fresh (a picker needs it; a snapshot may take long).
 */
export async function chooseDestination(fileName: string): Promise<Destination | null> {
  const { showSaveFilePicker } = pickers();
  if (!showSaveFilePicker) return { kind: 'download' };
  try {
    return { kind: 'picked', handle: await showSaveFilePicker.call(window, { suggestedName: fileName, types: DB_TYPES }) };
  } catch (error) {
    if (isCancel(error)) return null;
    throw error;
  }
}

/** Writes backup `name` to `destination` (streamed, with progress) or starts its download as `fileName`. */
export async function saveBackupFile(name: string, destination: Destination, fileName: string, onProgress: Progress): Promise<void> {
  const file = await backupFile(name);
  if (destination.kind === 'download') {
    download(file, fileName);
    return;
  }
  // The writable replaces the chosen file only when closed; an error aborts it and leaves the old file as it was.
  const writable = await destination.handle.createWritable();
  onProgress(0, file.size);
  await file.stream().pipeThrough(countingStream(file.size, onProgress)).pipeTo(writable);
}

/** Lets the user pick a database file with the open picker; null when closed. Only where `canPickOpenFile()`. */
export async function pickDatabaseFile(): Promise<File | null> {
  try {
    const [handle] = await pickers().showOpenFilePicker!.call(window, { multiple: false, types: DB_TYPES, excludeAcceptAllOption: false });
    return handle ? await handle.getFile() : null;
  } catch (error) {
    if (isCancel(error)) return null;
    throw error;
  }
}

/** Lets the user pick a folder for backup copies; null when closed. Only where `canPickFolder()`. */
export async function pickFolder(): Promise<FileSystemDirectoryHandle | null> {
  try {
    return await pickers().showDirectoryPicker!.call(window, { id: 'tillite-backups', mode: 'readwrite' });
  } catch (error) {
    if (isCancel(error)) return null;
    throw error;
  }
}

/** The first bytes of a picked file, for the worker's header check before the file is copied in. */
export async function readHead(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, IMPORT_HEAD_BYTES).arrayBuffer());
}

/** Streams a picked file into OPFS `staging/` for the worker to check; returns its staged name. */
export async function stageFile(file: File, onProgress: Progress): Promise<string> {
  const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(OPFS_DIRS.staging, { create: true });
  const name = `${uuidv4()}.db`;
  try {
    const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
    onProgress(0, file.size);
    await file.stream().pipeThrough(countingStream(file.size, onProgress)).pipeTo(writable);
    return name;
  } catch (error) {
    await dir.removeEntry(name).catch(() => undefined);
    throw error;
  }
}
