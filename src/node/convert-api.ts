/**
 * `POST /api/convert-doc` of `plandiff serve`: the browser cannot read legacy Word .doc files, so
 * the web view's worker sends a .doc's bytes (a corpus file it fetched, or one dropped on the page)
 * to the local server, which converts them with LibreOffice (or word-extractor) on this machine
 * and answers `{ kind: "docx", base64, warnings } | { kind: "text", text, warnings }`; the worker
 * reads the result like any .docx or text. Nothing leaves the machine: the server listens on
 * loopback only and refuses other origins. The request must carry `X-Plandiff: convert` (a header a
 * page of another site cannot send without a preflight this server never grants).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIngestError } from '../ingest/index.js';
import { readLegacyWord } from './doc.js';
import { MAX_FILE_BYTES } from './files.js';
import { readBody, sendJson } from './http-send.js';

/** The endpoint's path. */
export const CONVERT_DOC_PATH = '/api/convert-doc';

/** Handles the request when it is for this endpoint; false otherwise. */
export async function convertDocApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
  if (pathname !== CONVERT_DOC_PATH) return false;
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'POST the .doc bytes' });
    return true;
  }
  if (req.headers['x-plandiff'] !== 'convert') {
    sendJson(res, 403, { error: 'refused: missing X-Plandiff: convert' });
    return true;
  }
  const body = await readBody(req, MAX_FILE_BYTES);
  if (!body) {
    sendJson(res, 413, { error: `too large (more than ${MAX_FILE_BYTES} bytes)` });
    return true;
  }
  try {
    const read = await readLegacyWord(new Uint8Array(body));
    if (read.kind === 'docx') sendJson(res, 200, { kind: 'docx', base64: Buffer.from(read.bytes).toString('base64'), warnings: read.warnings });
    else sendJson(res, 200, read);
  } catch (e) {
    sendJson(res, 422, { error: isIngestError(e) ? e.message : String((e as Error)?.message ?? e).split('\n')[0] });
  }
  return true;
}
