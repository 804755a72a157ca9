/**
 * The OCR cache: one small JSON entry per page read, keyed by the hash of the file's bytes, the
 * page number and the engine's settings (version, language, resolution), so a second run over the
 * same scan reads no page again. Entries are written atomically (a temporary file, then a rename);
 * an entry that does not read back whole — truncated, corrupt, another key — is ignored, and the
 * page is read again and rewritten.
 *
 * Where: `$PLANDIFF_CACHE_DIR/ocr` when set, else the user's cache folder
 * (`$XDG_CACHE_HOME/plandiff/ocr`, `~/.cache/plandiff/ocr`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { OcrPage } from '../ingest/ocr.js';

const MAGIC = 'plandiff-ocr-page-v1';

/** The OCR cache folder for an environment. */
export function ocrCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PLANDIFF_CACHE_DIR) return join(resolve(env.PLANDIFF_CACHE_DIR), 'ocr');
  const base = process.platform === 'win32' ? join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'plandiff', 'Cache') : join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'plandiff');
  return join(base, 'ocr');
}

export class OcrCache {
  readonly dir: string;

  constructor(dir?: string, env: NodeJS.ProcessEnv = process.env) {
    this.dir = dir ?? ocrCacheDir(env);
  }

  /** The file of one page's entry. */
  pathOf(digest: string, page: number, settings: string): string {
    const key = createHash('sha256').update(`${digest}|${page}|${settings}`).digest('hex');
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The cached page, or null when there is none or it does not read back whole. */
  async get(digest: string, page: number, settings: string): Promise<OcrPage | null> {
    try {
      const entry = JSON.parse(await readFile(this.pathOf(digest, page, settings), 'utf8')) as { magic?: string; key?: string; page?: OcrPage };
      if (entry.magic !== MAGIC || entry.key !== `${digest}|${page}|${settings}` || !isPage(entry.page, page)) return null;
      return entry.page;
    } catch {
      return null;
    }
  }

  /** Stores a page; a cache that cannot be written is skipped quietly (OCR still worked). */
  async put(digest: string, page: number, settings: string, value: OcrPage): Promise<void> {
    const path = this.pathOf(digest, page, settings);
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(temp, JSON.stringify({ magic: MAGIC, key: `${digest}|${page}|${settings}`, page: value }));
      await rename(temp, path);
    } catch {
      await unlink(temp).catch(() => undefined);
    }
  }
}

function isPage(value: unknown, page: number): value is OcrPage {
  const p = value as OcrPage | undefined;
  return (
    typeof p === 'object' && p !== null && p.page === page && typeof p.width === 'number' && typeof p.height === 'number' && typeof p.confidence === 'number' &&
    Array.isArray(p.words) && p.words.every((w) => typeof w?.text === 'string' && typeof w.left === 'number' && typeof w.top === 'number' && typeof w.line === 'string')
  );
}
