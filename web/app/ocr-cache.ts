/**
 * Pages the web view's OCR has read, kept in this browser (IndexedDB, its own database), by the
 * hash of the file's bytes, the page and the engine's settings: a dropped scan kept across a
 * reload is not read by OCR again. Nothing here talks to a server. Every call fails soft (a private
 * window may refuse storage): OCR then simply runs again.
 */
import type { OcrPage } from '../../src/ingest/ocr.js';

const DB = 'plandiff-ocr';
const STORE = 'pages';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The cache key of one page: SHA-256 of the file, the page, the settings it was read with. */
export async function pageKey(bytes: Uint8Array, settings: string): Promise<(page: number) => string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  return (page) => `${hex}|${page}|${settings}`;
}

/** A page read before, or null. */
export async function cachedPage(key: string): Promise<OcrPage | null> {
  try {
    const db = await open();
    try {
      return await new Promise<OcrPage | null>((resolve, reject) => {
        const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
        req.onsuccess = () => resolve((req.result as OcrPage | undefined) ?? null);
        req.onerror = () => reject(req.error);
      });
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Keeps a page read. */
export async function cachePage(key: string, page: OcrPage): Promise<void> {
  try {
    const db = await open();
    try {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(STORE, 'readwrite');
        tx.objectStore(STORE).put(page, key);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  } catch {
    // not kept: the page is read again next time
  }
}
