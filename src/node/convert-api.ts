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

/** The endpoint's path. */
export const CONVERT_DOC_PATH = '/api/convert-doc';

function reply(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(value));
}

/** Handles the request when it is for this endpoint; false otherwise. */
export async function convertDocApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
  if (pathname !== CONVERT_DOC_PATH) return false;
  if (req.method !== 'POST') {
    reply(res, 405, { error: 'POST the .doc bytes' });
    return true;
  }
  if (req.headers['x-plandiff'] !== 'convert') {
    reply(res, 403, { error: 'refused: missing X-Plandiff: convert' });
    return true;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FILE_BYTES) {
      reply(res, 413, { error: `too large (more than ${MAX_FILE_BYTES} bytes)` });
      return true;
    }
    chunks.push(chunk as Buffer);
  }
  try {
    const read = await readLegacyWord(new Uint8Array(Buffer.concat(chunks)));
    if (read.kind === 'docx') reply(res, 200, { kind: 'docx', base64: Buffer.from(read.bytes).toString('base64'), warnings: read.warnings });
    else reply(res, 200, read);
  } catch (e) {
    reply(res, 422, { error: isIngestError(e) ? e.message : String((e as Error)?.message ?? e).split('\n')[0] });
  }
  return true;
}
