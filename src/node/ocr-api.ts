/**
 * `POST /api/ocr` of `plandiff serve`: the scans of the served folder are read by OCR on this
 * machine, by the command line's engine (Debian's tesseract, ocr.ts: one process per core, 1.5–2.5
 * times faster than tesseract.js in a browser worker, and its OCR cache shared with the command
 * line), so that the web view and `plandiff parse` read a served scan alike and a second load is
 * instant. The web view's worker sends the scan's bytes it fetched from this server
 * (`?kind=pdf&pages=1,2,…` or `?kind=image`) and reads the answer as it comes: one JSON line per
 * page read (`{ page, done, total }`), then `{ end: true, engine }` or `{ error }`. A dropped file
 * is not sent here: the browser reads it itself (web/app/ocr-engine.ts).
 *
 * Nothing leaves the machine: the server listens on loopback only and refuses writes from other
 * origins; the request must carry `X-Plandiff: ocr` (a header a page of another site cannot send
 * without a preflight this server never grants). When this server cannot read scans (no tesseract,
 * no Vietnamese data, `--ocr off`) it answers 503 with the reason, and the worker reads the scan
 * itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIngestError } from '../ingest/index.js';
import type { OcrEngine, OcrRequest } from '../ingest/ocr.js';
import { MAX_FILE_BYTES } from './files.js';
import { COMMON_HEADERS, DATA_CSP, readBody, sendJson } from './http-send.js';

/** The endpoint's path. */
export const OCR_API_PATH = '/api/ocr';

/** Most pages one request may ask for (a long scan is a few hundred). */
const MAX_PAGES = 5000;

/** The pages asked for ("1,2,5"), or null when the list is not page numbers. */
function pageList(raw: string | null): number[] | null {
  if (!raw) return null;
  const pages = raw.split(',').map((p) => (/^\d{1,5}$/.test(p) ? Number(p) : 0));
  return pages.length <= MAX_PAGES && pages.every((p) => p >= 1) ? pages : null;
}

/** What the request asks to read, or the reason it cannot be read. */
function ocrRequest(url: URL, body: Buffer): OcrRequest | string {
  const kind = url.searchParams.get('kind');
  const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (kind === 'image') return { kind, bytes };
  if (kind !== 'pdf') return 'kind must be pdf or image';
  const pages = pageList(url.searchParams.get('pages'));
  return pages ? { kind, bytes, pages } : `pages must be a list of page numbers (at most ${MAX_PAGES})`;
}

/** Checks the request before its body is read: the answer was sent when it returns false. */
function admitted(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'POST') sendJson(res, 405, { error: 'POST the scan bytes' });
  else if (req.headers['x-plandiff'] !== 'ocr') sendJson(res, 403, { error: 'refused: missing X-Plandiff: ocr' });
  else return true;
  return false;
}

/** Handles the request when it is for this endpoint; false otherwise. */
export async function ocrApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  if (url.pathname !== OCR_API_PATH) return false;
  if (!admitted(req, res)) return true;
  const body = await readBody(req, MAX_FILE_BYTES);
  if (!body) {
    sendJson(res, 413, { error: `too large (more than ${MAX_FILE_BYTES} bytes)` });
    return true;
  }
  const request = ocrRequest(url, body);
  if (typeof request === 'string') {
    sendJson(res, 400, { error: request });
    return true;
  }
  const { nodeOcrOptions } = await import('./ocr.js');
  const engine = nodeOcrOptions('').engine;
  if (!engine) {
    sendJson(res, 503, { error: 'this server reads no scans (plandiff serve --ocr off)' });
    return true;
  }
  await streamPages(res, engine, request);
  return true;
}

/** Reads the pages and sends one JSON line per page as it is read, then the end or the error. */
async function streamPages(res: ServerResponse, engine: OcrEngine, request: OcrRequest): Promise<void> {
  let started = false;
  const line = (value: unknown): void => {
    if (!started) {
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': DATA_CSP, ...COMMON_HEADERS });
      started = true;
    }
    res.write(`${JSON.stringify(value)}\n`);
  };
  try {
    await engine.recognize(request, (page, done, total) => line({ page, done, total }));
    line({ end: true, engine: engine.name });
  } catch (e) {
    const message = isIngestError(e) ? e.message : (String((e as Error)?.message ?? e).split('\n')[0] ?? '');
    // A scan this machine cannot read at all (no engine, no language data) is a 503 the worker reads the scan itself after.
    const unavailable = isIngestError(e) && e.code === 'unsupported' && /^needs OCR/.test(message);
    if (!started) sendJson(res, unavailable ? 503 : 422, { error: message, code: isIngestError(e) ? e.code : 'corrupt' });
    else line({ error: message, code: isIngestError(e) ? e.code : 'corrupt' });
  }
  if (started) res.end();
}
