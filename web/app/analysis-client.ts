/**
 * The controller's handle on the analysis: typed calls answered by the worker (or, where workers
 * are not available, by a workspace on the main thread — same results, less responsive).
 */
import type { AnalysisCalls, CallMessage, CallName, ReplyMessage } from '../../src/view/protocol.js';

/** Told (done, total) while plans are read. */
export type ProgressListener = (done: number, total: number) => void;

/** What the worker posts while OCR reads a dropped scan: one message a page. */
export interface OcrProgressMessage {
  /** The call reading the scan. */
  id: number;
  kind: 'ocr-progress';
  /** The file's name. */
  file: string;
  /** The page just read (from 1). */
  page: number;
  /** Pages read so far, and of how many. */
  done: number;
  total: number;
  /** Set when OCR stopped at the time limit for one document (that limit, in milliseconds): `done` pages were read. */
  stoppedAfterMs?: number;
}

/** What the page tells the worker before any call: the time limit of OCR for one document. */
export interface OcrSettingsMessage {
  kind: 'ocr-settings';
  timeMs: number;
}

/** The OCR time limit the page was opened with (`?ocr-timeout=SECONDS`, as the command line's --ocr-timeout), or null for the default. */
function ocrTimeoutMs(search: string): number | null {
  const seconds = Number(new URLSearchParams(search).get('ocr-timeout') ?? NaN);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

/**
 * The page-wide event OCR progress is told by (`OCR_PROGRESS_EVENT` on `window`, detail: the
 * message), for the drop zones to show; the last one has `done === total`.
 */
export const OCR_PROGRESS_EVENT = 'pd-ocr-progress';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  progress?: ProgressListener;
}

/** Typed calls to the analysis. */
export interface AnalysisClient {
  call<K extends CallName>(call: K, args: AnalysisCalls[K]['args'], progress?: ProgressListener): Promise<AnalysisCalls[K]['result']>;
  /** Stops the worker. */
  dispose(): void;
}

/** A client talking to the analysis worker. */
export class WorkerClient implements AnalysisClient {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<ReplyMessage | OcrProgressMessage>) => {
      if (e.data.kind === 'ocr-progress') window.dispatchEvent(new CustomEvent(OCR_PROGRESS_EVENT, { detail: e.data }));
      else this.handleReply(e.data);
    };
    worker.onerror = (e) => {
      const error = new Error(e.message || 'the analysis worker failed');
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  call<K extends CallName>(call: K, args: AnalysisCalls[K]['args'], progress?: ProgressListener): Promise<AnalysisCalls[K]['result']> {
    const id = this.next++;
    const message: CallMessage<K> = { id, call, args };
    const transfer = call === 'add' ? [...new Set((args as AnalysisCalls['add']['args']).files.map((f) => f.bytes.buffer as ArrayBuffer))] : [];
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      this.worker.postMessage(message, transfer);
    });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private handleReply(reply: ReplyMessage): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (reply.kind === 'progress') return p.progress?.(reply.done, reply.total);
    this.pending.delete(reply.id);
    if (reply.kind === 'result') p.resolve(reply.result);
    else p.reject(new Error(reply.message));
  }
}

/** A client running the workspace on the main thread (the core is loaded on first use, so the page bundle does not carry it twice). */
export class InlineClient implements AnalysisClient {
  private readonly ready = Promise.all([import('../../src/view/protocol.js'), import('../../src/view/workspace.js')]).then(([protocol, ws]) => ({
    dispatch: protocol.dispatch,
    workspace: new ws.Workspace(),
  }));

  async call<K extends CallName>(call: K, args: AnalysisCalls[K]['args'], progress?: ProgressListener): Promise<AnalysisCalls[K]['result']> {
    const { dispatch, workspace } = await this.ready;
    return dispatch(workspace, call, args, progress);
  }

  dispose(): void {}
}

/** The worker client, or the inline one when a module worker cannot be started. */
export function createAnalysisClient(): AnalysisClient {
  try {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'plandiff-analysis' });
    const timeMs = ocrTimeoutMs(location.search);
    if (timeMs !== null) worker.postMessage({ kind: 'ocr-settings', timeMs } satisfies OcrSettingsMessage);
    return new WorkerClient(worker);
  } catch {
    return new InlineClient();
  }
}
