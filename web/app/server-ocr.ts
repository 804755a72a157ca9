/**
 * The served folder's scans, read by `plandiff serve` (POST /api/ocr, src/node/ocr-api.ts): the
 * command line's tesseract on this machine, with its OCR cache, so the view reads a served scan as
 * `plandiff parse` does. The worker sends back the bytes it fetched from the same server; nothing
 * goes anywhere else. Pages are reported as the server reads them. When the server cannot read
 * scans (no tesseract or no Vietnamese data there, `--ocr off`, or no server: a static copy of the
 * app) the scan is read in this browser by the fallback engine (ocr-engine.ts).
 */
import { IngestError, type IngestErrorCode } from '../../src/ingest/errors.js';
import type { OcrEngine, OcrPage, OcrRequest } from '../../src/ingest/ocr.js';

/** One line of the server's answer. */
type OcrLine = { page: OcrPage; done: number; total: number } | { end: true; engine: string } | { error: string; code?: IngestErrorCode };

/** The query string of a request: its kind, and the pages of a PDF. */
function query(request: OcrRequest): string {
  return request.kind === 'pdf' ? `kind=pdf&pages=${request.pages.join(',')}` : 'kind=image';
}

/** Reads the answer's lines as they come, calling `each` on every one. */
async function readLines(body: ReadableStream<Uint8Array>, each: (line: OcrLine) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    rest += decoder.decode(value, { stream: true });
    const lines = rest.split('\n');
    rest = lines.pop() ?? '';
    for (const l of lines) if (l.trim()) each(JSON.parse(l) as OcrLine);
  }
  if (rest.trim()) each(JSON.parse(rest) as OcrLine);
}

/** The server's answer to a request, or null when the server cannot read scans (the fallback reads it). */
async function post(origin: string, request: OcrRequest): Promise<Response | null> {
  try {
    const res = await fetch(new URL(`/api/ocr?${query(request)}`, origin), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-plandiff': 'ocr' },
      body: new Blob([request.bytes as BlobPart]),
    });
    // 404: a server without the endpoint; 503: one that reads no scans
    if (res.status === 404 || res.status === 503 || res.status === 405) return null;
    return res;
  } catch {
    return null; // no server (a static copy of the app)
  }
}

/** Reads a scan on the server; the fallback engine reads it when the server cannot. */
export function serverOcrEngine(origin: string, fallback: () => OcrEngine): OcrEngine {
  let name = 'tesseract (vie)';
  return {
    get name() {
      return name;
    },
    async recognize(request, onPage) {
      const res = await post(origin, request);
      if (!res) {
        const engine = fallback();
        const pages = await engine.recognize(request, onPage);
        name = engine.name;
        return pages;
      }
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => ({ error: `HTTP ${res.status}` }))) as { error: string; code?: IngestErrorCode };
        throw new IngestError(body.code ?? 'corrupt', body.error);
      }
      const pages: OcrPage[] = [];
      let ended = false;
      await readLines(res.body, (line) => {
        if ('error' in line) throw new IngestError(line.code ?? 'corrupt', line.error);
        if ('end' in line) {
          name = line.engine; // as the command line names it: the same reading as `plandiff parse`
          ended = true;
          return;
        }
        pages.push(line.page);
        onPage?.(line.page, line.done, line.total);
      });
      if (!ended) throw new IngestError('corrupt', 'could not be read by OCR: plandiff serve stopped answering');
      return pages.sort((a, b) => a.page - b.page);
    },
  };
}
