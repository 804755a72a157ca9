// The web view's kept OCR pages (web/app/ocr-cache.ts), on fake-indexeddb (an in-memory IndexedDB
// in Node): a page kept is read back, and the store is bounded, the least recently used pages going
// first. Chromium's own IndexedDB is used by the browser tests (test/e2e/ocr-web.test.ts: a kept
// scan is read after a reload without the engine).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OcrPage } from '../../src/ingest/ocr.js';

const globals = globalThis as { indexedDB?: unknown; IDBKeyRange?: unknown };
const saved = { indexedDB: globals.indexedDB, IDBKeyRange: globals.IDBKeyRange };
let cache: typeof import('../../web/app/ocr-cache.js');

const page = (n: number): OcrPage => ({ page: n, width: 100, height: 100, confidence: 90, words: [{ text: `w${n}`, left: 1, top: 1, width: 5, height: 5, confidence: 90, line: '1.1.1' }] });

describe('kept OCR pages in the browser', () => {
  beforeAll(async () => {
    // set for this file only (test files share a worker): a fresh database each run
    globals.indexedDB = new IDBFactory();
    globals.IDBKeyRange = IDBKeyRange;
    cache = await import('../../web/app/ocr-cache.js');
  });
  afterAll(() => {
    globals.indexedDB = saved.indexedDB;
    globals.IDBKeyRange = saved.IDBKeyRange;
  });

  test('a page kept is read back by its key; another key or settings is not', async () => {
    const key = await cache.pageKey(new Uint8Array([1, 2, 3]), 'settings-a');
    await cache.cachePage(key(1), page(1));
    expect(await cache.cachedPage(key(1))).toEqual(page(1));
    expect(await cache.cachedPage(key(2))).toBeNull();
    expect(await cache.cachedPage((await cache.pageKey(new Uint8Array([1, 2, 3]), 'settings-b'))(1))).toBeNull();
  });

  test('past the bound the least recently used pages go, down to nine tenths of it; a page read is used again', async () => {
    globals.indexedDB = new IDBFactory(); // an empty store
    const key = await cache.pageKey(new Uint8Array([9]), 'bound');
    for (let n = 1; n <= 10; n++) await cache.cachePage(key(n), page(n), 10);
    // page 1 read again: now the most recently used
    expect(await cache.cachedPage(key(1))).not.toBeNull();
    // 11 > 10: down to 9, the two used least recently going (2 and 3; 1 was read after them)
    await cache.cachePage(key(11), page(11), 10);
    const kept: number[] = [];
    for (let n = 1; n <= 11; n++) if (await cache.cachedPage(key(n))) kept.push(n);
    expect(kept).toEqual([1, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  test('a store kept by an earlier build (bare pages, no index) is made again, not misread', async () => {
    const factory = new IDBFactory();
    globals.indexedDB = factory;
    await new Promise<void>((done, fail) => {
      const req = factory.open('plandiff-ocr', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('pages').put(page(7), 'old|1');
      req.onsuccess = () => (req.result.close(), done());
      req.onerror = () => fail(req.error);
    });
    expect(await cache.cachedPage('old|1')).toBeNull();
    await cache.cachePage('old|1', page(8));
    expect(await cache.cachedPage('old|1')).toEqual(page(8));
  });
});
