/**
 * Uploaded plans kept in this browser (IndexedDB), so that they survive a reload and a deep link
 * to them still opens. The bytes never leave the machine: nothing here talks to a server. Every
 * call fails soft (private windows may refuse storage): the app then keeps uploads for the page only.
 */
import { objectStore } from './idb.js';

/** One stored upload. */
export interface StoredUpload {
  /** Identity in the app ("upload:<name>"). */
  file: string;
  /** The file's bytes as dropped. */
  bytes: Uint8Array;
  /** When it was dropped (ms since the epoch). */
  added: number;
}

const run = objectStore('plandiff', 'uploads', { keyPath: 'file' });

/** Keeps an upload (replacing one of the same name). */
export async function saveUpload(upload: StoredUpload): Promise<void> {
  await run('readwrite', (s) => s.put(upload));
}

/** Forgets an upload. */
export async function deleteUpload(file: string): Promise<void> {
  await run('readwrite', (s) => s.delete(file));
}

/** Every kept upload, oldest first; [] when storage is unavailable. */
export async function listUploads(): Promise<StoredUpload[]> {
  try {
    const all = await run('readonly', (s) => s.getAll() as IDBRequest<StoredUpload[]>);
    return all.sort((x, y) => x.added - y.added);
  } catch {
    return [];
  }
}
