/**
 * The analysis worker: a Workspace (the core: ingest, parse, lineage, compare, fidelity) behind a
 * message pump, so that reading a long plan never blocks the page. Scans are read by OCR, each page
 * reported as it is done: a dropped scan here, by tesseract.js loaded from the local server
 * (ocr-engine.ts); a scan of the served folder by the server's own tesseract (server-ocr.ts), or here
 * when the server has none.
 */
import { dispatch, type AnalysisCalls, type CallMessage, type ReplyMessage } from '../../src/view/protocol.js';
import { Workspace } from '../../src/view/workspace.js';
import { ingest } from '../../src/ingest/index.js';
import type { OcrProgressMessage, OcrSettingsMessage } from './analysis-client.js';
import { convertDocOnServer } from './legacy-word.js';
import { browserOcrEngine, OcrTimeoutError } from './ocr-engine.js';
import { serverOcrEngine } from './server-ocr.js';
import { buildOf, keptDocuments } from './doc-cache.js';

const scope = self as unknown as { postMessage(m: ReplyMessage | OcrProgressMessage): void; onmessage: ((e: MessageEvent<CallMessage | OcrSettingsMessage>) => void) | null; location: Location };

/** The call being answered (calls run one at a time), so OCR progress is told to its caller. */
let current = 0;
/** Whether the call reads dropped files: those are read in this browser, the served folder's scans by the server. */
let uploads = false;
let ocr = browserOcrEngine(scope.location.origin);
const served = serverOcrEngine(scope.location.origin, () => ocr);

// .doc files are converted by the local server (the browser has no reader for them); scans are read by OCR.
// Corpus plans read before are kept in this browser for this build (doc-cache.ts): a reload reads only changed files.
const workspace = new Workspace({
  kept: keptDocuments(buildOf(scope.location.href)),
  ingest: (bytes, name) =>
    ingest(bytes, name, undefined, {
      legacyWord: convertDocOnServer,
      ocr: { engine: uploads ? ocr : served, onPage: (page, done, total) => scope.postMessage({ id: current, kind: 'ocr-progress', file: name, page: page.page, done, total }) },
    }).catch((e: unknown) => {
      // The page shows where OCR stopped; the file is then listed as unreadable with the error's message.
      if (e instanceof OcrTimeoutError) scope.postMessage({ id: current, kind: 'ocr-progress', file: name, page: 0, done: e.done, total: e.total, stoppedAfterMs: e.limitMs });
      throw e;
    }),
});

// Calls run one after another: each waits for the one before, so `add` and `compare` never interleave.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  if ('kind' in event.data) {
    ocr = browserOcrEngine(scope.location.origin, { timeMs: event.data.timeMs });
    return;
  }
  const { id, call, args } = event.data;
  queue = queue.then(async () => {
    const start = performance.now();
    current = id;
    uploads = call === 'add' && (args as AnalysisCalls['add']['args']).files.every((f) => f.source === 'upload');
    try {
      const result = await dispatch(workspace, call, args, (done, total) => scope.postMessage({ id, kind: 'progress', done, total }));
      scope.postMessage({ id, kind: 'result', result, ms: performance.now() - start });
    } catch (e) {
      scope.postMessage({ id, kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
};
