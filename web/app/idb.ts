/**
 * The small IndexedDB plumbing the web view's three stores share (uploads, OCR pages, kept
 * readings): a database of one object store, opened for each call and closed after it, and the
 * SHA-256 a store keys file bytes by. Callers decide how to fail soft.
 */

/** Runs `body` in one transaction on the store; resolves with the result of the request it returns once the transaction commits. */
export type StoreRun = <T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>) => Promise<T>;

/** How a store is laid out: `keyPath` when the values carry their key; indexes on fields of the values; the layout's version. */
export interface StoreLayout {
  keyPath?: string;
  /** Fields of the values the store is indexed by (each index is named after its field). */
  indexes?: string[];
  /** 1 unless given; a store made at an earlier version is dropped and made again (every store here holds what can be made again, or none changes its version). */
  version?: number;
}

/** The runner of one database holding one object store (created on first open). */
export function objectStore(db: string, store: string, layout: StoreLayout = {}): StoreRun {
  const open = (): Promise<IDBDatabase> =>
    new Promise((resolve, reject) => {
      const req = indexedDB.open(db, layout.version ?? 1);
      req.onupgradeneeded = () => {
        if (req.result.objectStoreNames.contains(store)) req.result.deleteObjectStore(store);
        const made = req.result.createObjectStore(store, layout.keyPath ? { keyPath: layout.keyPath } : undefined);
        for (const field of layout.indexes ?? []) made.createIndex(field, field);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  return async (mode, body) => {
    const handle = await open();
    try {
      return await new Promise((resolve, reject) => {
        const tx = handle.transaction(store, mode);
        const req = body(tx.objectStore(store));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } finally {
      handle.close();
    }
  };
}

/** SHA-256 of the bytes, as lowercase hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
