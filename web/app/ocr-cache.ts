/**
 * Pages the web view's OCR has read, kept in this browser (IndexedDB, its own database), by the
 * hash of the file's bytes, the page and the engine's settings: a dropped scan kept across a
 * reload is not read by OCR again. Nothing here talks to a server. The store is bounded: past
 * {@link OCR_KEPT_PAGES} pages (a page's words and boxes are some tens of KB), the pages used least
 * recently go, down to nine tenths of the bound, so that storage does not grow with every scan
 * ever dropped. Every call fails soft (a private window may refuse storage): OCR then simply runs
 * again.
 */
import type { OcrPage } from '../../src/ingest/ocr.js';
import { objectStore, sha256Hex } from './idb.js';

/** Most pages kept (about 2,000 A4 pages of words and boxes: some tens of MB). */
export const OCR_KEPT_PAGES = 2000;

/** A kept page and when it was last read or kept (the index pages go by). */
interface KeptPage {
  page: OcrPage;
  at: number;
}

// version 2: pages kept with their time of use (version 1 kept bare pages and had no index)
const run = objectStore('plandiff-ocr', 'pages', { indexes: ['at'], version: 2 });

/** The cache key of one page: SHA-256 of the file, the page, the settings it was read with. */
export async function pageKey(bytes: Uint8Array, settings: string): Promise<(page: number) => string> {
  const hex = await sha256Hex(bytes);
  return (page) => `${hex}|${page}|${settings}`;
}

let last = 0;
/** A time of use later than every one this page gave before (two in one millisecond stay in order). */
function now(): number {
  last = Math.max(Date.now(), last + 1);
  return last;
}

/** A page read before, or null; it becomes the page used last. */
export async function cachedPage(key: string): Promise<OcrPage | null> {
  try {
    const kept = (await run('readonly', (s) => s.get(key))) as KeptPage | undefined;
    if (!kept?.page) return null;
    await run('readwrite', (s) => s.put({ page: kept.page, at: now() } satisfies KeptPage, key));
    return kept.page;
  } catch {
    return null;
  }
}

/** Keeps a page read, and lets the least recently used go when there are more than `limit`. */
export async function cachePage(key: string, page: OcrPage, limit = OCR_KEPT_PAGES): Promise<void> {
  try {
    await run('readwrite', (s) => s.put({ page, at: now() } satisfies KeptPage, key));
    await evict(limit);
  } catch {
    // not kept: the page is read again next time
  }
}

/** Past `limit` pages, deletes the least recently used down to nine tenths of it. */
async function evict(limit: number): Promise<void> {
  const total = await run('readonly', (s) => s.count());
  if (total <= limit) return;
  let excess = total - Math.floor(limit * 0.9);
  await run('readwrite', (s) => {
    const cursor = s.index('at').openKeyCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c || excess-- <= 0) return;
      s.delete(c.primaryKey);
      c.continue();
    };
    return cursor;
  });
}
