/**
 * The web view's OCR engine, run inside the analysis worker: tesseract.js (the Tesseract 5 LSTM
 * engine compiled to WebAssembly) with the Vietnamese model of @tesseract.js-data/vie, every file
 * loaded from `plandiff serve` itself (/ocr/…, see src/node/ocr-assets.ts): no CDN, nothing sent
 * anywhere. It reads pages as the command line's engine does (src/node/ocr.ts): a PDF page (or a
 * .png/.jpg page wrapped as a one-page PDF at its own resolution) is rendered by pdf.js onto an
 * OffscreenCanvas at 300 dpi, its red channel taken as grey (red stamps and signatures drop out),
 * cleaned (specks, skew, table rules whitened: ingest/ocr-image.ts), and recognised with the page
 * segmentation and resolution the command line gives tesseract;
 * tesseract's TSV is read by the same parser. Two tesseract workers read two pages at a time, while
 * this worker renders the next page. A TIFF (each of its pages) or a PNG with alpha, which the
 * wrapper does not take, is decoded to pixels and gets the same clean-up.
 * Pages read are kept in this browser (ocr-cache.ts), so a kept upload is not read again after a
 * reload; the engine is started only for pages not kept. One time limit covers a document, as in
 * the command line: when it runs out the tesseract workers are stopped and an OcrTimeoutError says
 * how far OCR got (the pages read are kept, so reading it again starts where it stopped).
 */
import type { Worker as TesseractWorker } from 'tesseract.js';
import { IngestError } from '../../src/ingest/errors.js';
import { preparePgm } from '../../src/ingest/ocr-image.js';
import { decodePageImage, pageImagePdf, type DecodedPageImage } from '../../src/ingest/ocr-page-image.js';
import { OCR_PAGE_SEGMENTATION, parseTsv, type OcrEngine, type OcrPage, type OcrRequest } from '../../src/ingest/ocr.js';
import { cachedPage, cachePage, pageKey } from './ocr-cache.js';

/** How the browser reads scans. */
export const BROWSER_OCR_DEFAULTS = {
  /** Resolution PDF pages are rendered at (the command line's too). */
  dpi: 300,
  /** Pages read at once (tesseract workers); fewer on a one-core machine. */
  workers: 2,
  /** Tesseract language. */
  lang: 'vie',
  /** Time limit for one document, in milliseconds (the command line's --ocr-timeout default). */
  timeMs: 10 * 60_000,
};

/** OCR of a document ran out of its time limit: how many of its pages were read, and the limit. */
export class OcrTimeoutError extends IngestError {
  constructor(
    readonly done: number,
    readonly total: number,
    readonly limitMs: number,
  ) {
    super('limits', `OCR took longer than ${limitMs / 1000} s in this browser (${done} of ${total} pages read); stopped — read the rest with the command line (plandiff parse FILE), or open the view with ?ocr-timeout=SECONDS`);
  }
}

/** Where `plandiff serve` serves tesseract.js's files (src/node/ocr-assets.ts). */
function assetUrls(origin: string): { workerPath: string; corePath: string; langPath: string } {
  return { workerPath: new URL('/ocr/worker.min.js', origin).href, corePath: new URL('/ocr/core/', origin).href, langPath: new URL('/ocr/lang', origin).href };
}

/** pdf.js's canvases, made as OffscreenCanvas: a worker has no document to make <canvas> elements in. */
class OffscreenCanvasFactory {
  create(width: number, height: number) {
    const canvas = new OffscreenCanvas(Math.max(1, width), Math.max(1, height));
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  reset(target: { canvas: OffscreenCanvas | null }, width: number, height: number): void {
    if (!target.canvas) return;
    target.canvas.width = Math.max(1, width);
    target.canvas.height = Math.max(1, height);
  }
  destroy(target: { canvas: OffscreenCanvas | null; context: unknown }): void {
    if (target.canvas) target.canvas.width = target.canvas.height = 0;
    target.canvas = null;
    target.context = null;
  }
}

/** The little of pdf.js this module uses. */
interface PdfPage {
  getViewport(options: { scale: number }): { width: number; height: number };
  render(options: { canvasContext: OffscreenCanvasRenderingContext2D; viewport: unknown; background?: string }): { promise: Promise<void> };
  cleanup(): void;
}
interface PdfDocument {
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocumentProxy } = await import('unpdf');
  const options = { verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, CanvasFactory: OffscreenCanvasFactory };
  return (await getDocumentProxy(new Uint8Array(bytes), options)) as unknown as PdfDocument;
}

/** One page rendered at `dpi`, as the PGM tesseract reads and the page's ruled lines. */
async function renderPage(doc: PdfDocument, n: number, dpi: number): Promise<{ pgm: Uint8Array; rules: OcrPage['rules'] }> {
  const page = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new IngestError('unsupported', 'needs OCR, but this browser cannot draw a page off screen (no OffscreenCanvas 2D)');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await page.render({ canvasContext: context, viewport, background: '#ffffff' }).promise;
    const rgba = context.getImageData(0, 0, width, height).data;
    const grey = new Uint8Array(width * height);
    for (let i = 0, p = 0; i < grey.length; i++, p += 4) grey[i] = rgba[p]!; // the red channel
    canvas.width = canvas.height = 0;
    return preparePgm({ width, height, pixels: grey }, dpi);
  } finally {
    page.cleanup();
  }
}

/** Page `n` of what is read: a PDF page drawn by pdf.js, a decoded image's page, or (neither) the image's bytes as they are. */
async function preparePage(source: PdfDocument | DecodedPageImage | null, n: number, dpi: number, bytes: Uint8Array): Promise<{ pgm: Uint8Array; rules: OcrPage['rules'] }> {
  if (!source) return { pgm: bytes, rules: undefined };
  if ('getPage' in source) return renderPage(source, n, dpi);
  return preparePgm(source.page(n), source.dpi);
}

/** The tesseract.js engine; `origin` is the server's ("http://127.0.0.1:4180"). */
export function browserOcrEngine(origin: string, options: Partial<typeof BROWSER_OCR_DEFAULTS> = {}): OcrEngine {
  const { dpi, lang, timeMs } = { ...BROWSER_OCR_DEFAULTS, ...options };
  const lanes = Math.max(1, Math.min(options.workers ?? BROWSER_OCR_DEFAULTS.workers, navigator.hardwareConcurrency || 1));
  const name = `tesseract.js (${lang})`;

  const startWorker = async (): Promise<TesseractWorker> => {
    try {
      const { createWorker, OEM } = await import('tesseract.js'); // loaded only when a scan comes
      const worker = await createWorker(lang, OEM.LSTM_ONLY, { ...assetUrls(origin), workerBlobURL: false, gzip: true, cacheMethod: 'none', legacyCore: false, legacyLang: false });
      await worker.setParameters({ tessedit_pageseg_mode: OCR_PAGE_SEGMENTATION as never });
      return worker;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new IngestError('unsupported', `needs OCR, but the OCR engine could not be loaded from this server's /ocr/ files (${why.split('\n')[0]!.slice(0, 120)}); open the view through plandiff serve`);
    }
  };

  return {
    name,
    async recognize(request: OcrRequest, onPage) {
      const wrapped = request.kind === 'image' ? pageImagePdf(request.bytes) : null;
      const decoded = request.kind === 'image' && !wrapped ? await decodePageImage(request.bytes) : null;
      const pdf = request.kind === 'pdf' ? request.bytes : (wrapped?.pdf ?? null);
      const renderDpi = wrapped ? wrapped.dpi : dpi;
      const pageNumbers = request.kind === 'pdf' ? request.pages : Array.from({ length: decoded?.pages ?? 1 }, (_, i) => i + 1);
      const total = pageNumbers.length;
      const workers: Array<Promise<TesseractWorker>> = [];
      let doc = null as Promise<PdfDocument | null> | null;
      const key = await pageKey(request.bytes, `${name}|best_int|${pdf ? renderDpi : decoded ? `${decoded.kind}-${decoded.dpi}` : 'image'}|psm${OCR_PAGE_SEGMENTATION}|dpi|red|specks|deskew|rules-erased|v3`);
      /** The document, opened once a page is not in the cache (a decoded image is its own). */
      const opened = (): Promise<PdfDocument | DecodedPageImage | null> =>
        decoded ? Promise.resolve(decoded) : (doc ??= pdf
          ? openPdf(pdf).catch((e: unknown) => {
              throw new IngestError('corrupt', `could not be drawn for OCR (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
            })
          : Promise.resolve(null));
      const results: OcrPage[] = new Array(total);
      let next = 0;
      let done = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let expired = false;
      // Settles only when the limit runs out: what the lanes are racing.
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          expired = true;
          reject(new OcrTimeoutError(done, total, timeMs));
        }, timeMs);
      });
      try {
        const lane = async () => {
          let worker: Promise<TesseractWorker> | null = null;
          while (next < total && !expired) {
            const index = next++;
            const n = pageNumbers[index]!;
            let page = await cachedPage(key(n));
            if (expired) return;
            if (!page) {
              // the engine starts loading while the page is drawn
              if (!worker) {
                workers.push((worker = startWorker()));
                worker.catch(() => undefined); // its failure is thrown where it is awaited
              }
              const source = await opened();
              const prepared = await preparePage(source, n, renderDpi, request.bytes);
              if (expired) return;
              // the page's resolution, as the command line's --dpi (a page image without one: tesseract's guess)
              const pageDpi = pdf ? renderDpi : decoded ? decoded.dpi : null;
              if (pageDpi) await (await worker).setParameters({ user_defined_dpi: String(pageDpi) });
              const read = await (await worker).recognize(new Blob([prepared.pgm as Uint8Array<ArrayBuffer>]), {}, { text: false, tsv: true });
              page = parseTsv(read.data.tsv ?? '', n);
              if (prepared.rules) page.rules = prepared.rules;
              await cachePage(key(n), page);
            }
            results[index] = page;
            done += 1;
            onPage?.(page, done, total);
          }
        };
        await Promise.race([Promise.all(Array.from({ length: Math.min(lanes, total) }, lane)), limit]);
        return results;
      } finally {
        clearTimeout(timer);
        expired = true; // a lane still drawing a page starts no engine and reads no more
        await Promise.all(workers.map((w) => w.then((x) => x.terminate()).catch(() => undefined)));
        await doc?.then((d) => d?.destroy()).catch(() => undefined);
      }
    },
  };
}
