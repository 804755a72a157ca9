/**
 * The analysis worker: a Workspace (the core: ingest, parse, lineage, compare, fidelity) behind a
 * message pump, so that reading a long plan never blocks the page.
 */
import { dispatch, type CallMessage, type ReplyMessage } from '../../src/view/protocol.js';
import { Workspace } from '../../src/view/workspace.js';
import { ingest } from '../../src/ingest/index.js';
import { convertDocOnServer } from './legacy-word.js';

// .doc files are converted by the local server (the browser has no reader for them).
const workspace = new Workspace({ ingest: (bytes, name) => ingest(bytes, name, undefined, { legacyWord: convertDocOnServer }) });
const scope = self as unknown as { postMessage(m: ReplyMessage): void; onmessage: ((e: MessageEvent<CallMessage>) => void) | null };

// Calls run one after another: each waits for the one before, so `add` and `compare` never interleave.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const { id, call, args } = event.data;
  queue = queue.then(async () => {
    const start = performance.now();
    try {
      const result = await dispatch(workspace, call, args, (done, total) => scope.postMessage({ id, kind: 'progress', done, total }));
      scope.postMessage({ id, kind: 'result', result, ms: performance.now() - start });
    } catch (e) {
      scope.postMessage({ id, kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
};
