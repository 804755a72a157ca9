/**
 * Uploaded plans kept in this browser (IndexedDB), so that they survive a reload and a deep link
 * to them still opens. The bytes never leave the machine: nothing here talks to a server. Every
 * call fails soft (private windows may refuse storage): the app then keeps uploads for the page only.
 */

/** One stored upload. */
export interface StoredUpload {
  /** Identity in the app ("upload:<name>"). */
  file: string;
  /** The file's bytes as dropped. */
  bytes: Uint8Array;
  /** When it was dropped (ms since the epoch). */
  added: number;
}

const DB = 'plandiff';
const STORE = 'uploads';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'file' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = body(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

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
