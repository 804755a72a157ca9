/**
 * A plan file's entry in the cache of parsed documents, looked up without the parser: the file's
 * bytes, its key, and the document stored under it. A single-file command whose plans were read
 * before (`plandiff compare A B` run again) loads neither the readers nor the parser; only a miss
 * loads them (parse-worker.ts), given the bytes and key read here so the file is read once.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ParsedDocument } from '../types.js';
import { entryKey, type DocumentCache } from './cache.js';
import { runSettings } from './run-settings.js';

/** A file's bytes and cache key (nulls when it cannot be read: the reader then says why, in its own words). */
export interface PlanKey {
  bytes: Uint8Array | null;
  key: string | null;
}

/** The bytes and cache key of a plan file. */
export async function planKey(path: string): Promise<PlanKey> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return { bytes: null, key: null };
  }
  // the OCR mode is part of what was read: "--ocr force" reads a PDF's pages, not its text layer;
  // so is the .doc reader: LibreOffice keeps Word's numbering, word-extractor does not
  const doc = /\.do[ct]$/iu.test(path) ? `\u0000doc=${(await import('./doc.js')).chosenDocReader()}` : '';
  return { bytes, key: entryKey(bytes, `${basename(path)}\u0000ocr=${runSettings.ocr.ocr ?? 'auto'}${doc}`) };
}

/** A plan file's key, with the document stored under it when the cache has one it trusts. */
export interface CachedPlan extends PlanKey {
  doc: ParsedDocument | null;
}

/** Looks a plan file up in the cache: its bytes, its key, and the stored document (null on a miss). */
export async function cachedPlan(path: string, cache: DocumentCache): Promise<CachedPlan> {
  const { bytes, key } = await planKey(path);
  const doc = key ? await cache.get(key) : null;
  if (doc) doc.file = path;
  return { bytes, key, doc };
}
