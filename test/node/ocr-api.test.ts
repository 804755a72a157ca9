// POST /api/ocr of plandiff serve (src/node/ocr-api.ts): the web view's worker sends a scan of the
// served folder and the server reads it with the command line's tesseract, page by page, one JSON
// line per page. The scan: the top strip of page 1 of seed 004 (its number line), image-only.
// Needs tesseract-ocr, tesseract-ocr-vie and poppler-utils (.ci/run installs them).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ocrText, type OcrPage } from '../../src/ingest/ocr.js';
import { configureOcr, ocrSettings } from '../../src/node/ocr-settings.js';
import { startServer, type RunningServer } from '../../src/node/server.js';
import { parseDocument } from '../../src/read/parse.js';
import { pageStrips } from '../ingest/scan-fixtures.js';

const hasOcr = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.includes('vie') === true && !spawnSync('pdftoppm', ['-v']).error;

describe.skipIf(!hasOcr)('plandiff serve reads a scan of its folder for the web view (needs tesseract-ocr-vie)', () => {
  let server: RunningServer;
  let scan: { pdf: Uint8Array; text: string };
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-ocr-api-'));
    const webRoot = mkdtempSync(join(tmpdir(), 'plandiff-webroot-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>plandiff</title>');
    scan = pageStrips('khanh-hoa-2025-ubnd-cai-cach-tthc.pdf', [1], 0.1);
    server = await startServer({ dir, webRoot, port: 0 });
  });
  afterAll(() => server?.close());

  const post = (query: string, body: Uint8Array, headers: Record<string, string> = { 'x-plandiff': 'ocr' }) =>
    fetch(new URL(`/api/ocr?${query}`, server.url), { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body: new Blob([body as BlobPart]) });

  test('answers one JSON line per page as it is read, then the engine: the number printed on the page', { timeout: 120_000 }, async () => {
    const res = await post('kind=pdf&pages=1', scan.pdf);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/ndjson/);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { page?: OcrPage; done?: number; total?: number; end?: boolean; engine?: string });
    expect(lines.map((l) => (l.page ? `page ${l.page.page} ${l.done}/${l.total}` : l.end ? 'end' : 'other'))).toEqual(['page 1 1/1', 'end']);
    expect(lines[1]!.engine).toMatch(/^tesseract .*\(vie\)$/);
    const meta = parseDocument(ocrText([lines[0]!.page!]), { file: null }).meta;
    const printed = parseDocument(scan.text, { file: null }).meta;
    expect([meta.symbol, meta.year]).toEqual([printed.symbol, printed.year]);
  });

  test('refuses what is not an OCR request of this page: no header, a GET, bad pages, another kind', async () => {
    expect((await post('kind=pdf&pages=1', scan.pdf, {})).status).toBe(403);
    expect((await fetch(new URL('/api/ocr?kind=pdf&pages=1', server.url))).status).toBe(405);
    for (const q of ['kind=pdf&pages=0', 'kind=pdf&pages=a', 'kind=pdf', 'kind=docx']) {
      const res = await post(q, scan.pdf);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: string }).error, q).toMatch(/pages|kind/);
    }
  });

  test('bytes that are no PDF: one line saying so, not a page', async () => {
    const res = await post('kind=pdf&pages=1', new TextEncoder().encode('not a pdf'));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/OCR|pdftoppm|read/i);
  });

  test('with --ocr off it reads no scan and says so (503: the browser reads it itself)', async () => {
    const mode = ocrSettings.mode;
    configureOcr({ ocr: 'off' });
    try {
      const res = await post('kind=pdf&pages=1', scan.pdf);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toMatch(/--ocr off/);
    } finally {
      configureOcr({ ocr: mode });
    }
  });
});
