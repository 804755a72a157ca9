/**
 * Pages the web view's OCR has read, kept in this browser (IndexedDB, its own database), by the
 * hash of the file's bytes, the page and the engine's settings: a dropped scan kept across a
 * reload is not read by OCR again. Nothing here talks to a server. Every call fails soft (a private
 * window may refuse storage): OCR then simply runs again.
 */
import type { OcrPage } from '../../src/ingest/ocr.js';
import { objectStore, sha256Hex } from './idb.js';

const run = objectStore('plandiff-ocr', 'pages');

/** The cache key of one page: SHA-256 of the file, the page, the settings it was read with. */
export async function pageKey(bytes: Uint8Array, settings: string): Promise<(page: number) => string> {
  const hex = await sha256Hex(bytes);
  return (page) => `${hex}|${page}|${settings}`;
}

/** A page read before, or null. */
export async function cachedPage(key: string): Promise<OcrPage | null> {
  try {
    return ((await run('readonly', (s) => s.get(key))) as OcrPage | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Keeps a page read. */
export async function cachePage(key: string, page: OcrPage): Promise<void> {
  try {
    await run('readwrite', (s) => s.put(page, key));
  } catch {
    // not kept: the page is read again next time
  }
}
