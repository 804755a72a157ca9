/**
 * The OCR engine of the command line: Debian's `tesseract` program with its Vietnamese model
 * (`tesseract-ocr` + `tesseract-ocr-vie`), pages rendered by poppler's `pdftoppm`. Offline: both are
 * local programs reading local model files.
 *
 * Chosen over tesseract.js + @tesseract.js-data/vie (the same Tesseract 5 LSTM engine compiled to
 * WebAssembly) by measuring both on the same pages (seed plans rendered at 200 dpi, this 2-core
 * machine): the same character accuracy (99.4–100 % on text pages, within 0.2 points of each
 * other), the native program 1.5–2.5 times faster (2.2–4.6 s a page against 4.9–11 s). See
 * docs/ingest.md.
 *
 * Pages are read two at a time (one tesseract process per core, each held to one thread: OpenMP
 * inside one process made a page four times slower here). Each page image has its red channel
 * taken as grey, which drops red stamps and signatures in red ink over the text. Results are
 * cached by the hash of the file's bytes, page and settings (see ocr-cache.ts), so a second run
 * is instant. One time limit covers the whole document; when it runs out the programs are
 * stopped and the error says how far OCR got.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestError } from '../ingest/errors.js';
import { preparePgm } from '../ingest/ocr-image.js';
import { decodePageImage, pageImagePdf } from '../ingest/ocr-page-image.js';
import { OCR_PAGE_SEGMENTATION, parseTsv, type OcrEngine, type OcrOptions, type OcrRequest, type OcrRules, type OcrPage } from '../ingest/ocr.js';
import { OcrCache } from './ocr-cache.js';
import { OCR_TIME_LIMIT_MS, ocrSettings as settings } from './ocr-settings.js';
import { runSettings } from './run-settings.js';

// set by the command line without loading this module (see ocr-settings.ts)
export { configureOcr } from './ocr-settings.js';

export interface TesseractOptions {
  /** Resolution pages of a PDF are rendered at. */
  dpi?: number;
  /** Tesseract language(s). */
  lang?: string;
  /** Pages read at once. */
  workers?: number;
  /** Time limit for one document, in milliseconds. */
  timeMs?: number;
  /** Cache folder; null for no cache. The default is `ocrCacheDir()`. */
  cacheDir?: string | null;
  /** Environment to read PLANDIFF_CACHE_DIR / XDG_CACHE_HOME from. */
  env?: NodeJS.ProcessEnv;
}

export const TESSERACT_DEFAULTS = { dpi: 300, lang: 'vie', workers: 2, timeMs: OCR_TIME_LIMIT_MS };


/** What is installed, checked once per process. */
let installed: { version: string; langs: string[] } | null | undefined;

function probeTesseract(): { version: string; langs: string[] } | null {
  if (installed !== undefined) return installed;
  const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return (installed = null);
  const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  const list = `${langs.stdout ?? ''}`.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
  const first = `${version.stdout || version.stderr}`.split('\n')[0]?.trim() ?? 'tesseract';
  return (installed = { version: first, langs: list });
}

function hasProgram(name: string): boolean {
  const r = spawnSync(name, ['-v'], { encoding: 'utf8' });
  return !r.error;
}

/** The installed tesseract's version line, or an IngestError saying what to install (the language data, pdftoppm for PDF pages). */
function installedVersion(lang: string, kind: 'pdf' | 'pixels'): string {
  const probe = probeTesseract();
  if (!probe) throw new IngestError('unsupported', 'needs OCR, but the tesseract program is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)');
  for (const l of lang.split('+')) {
    if (!probe.langs.includes(l)) throw new IngestError('unsupported', `needs OCR, but tesseract has no "${l}" language data (apt-get install tesseract-ocr-${l})`);
  }
  if (kind === 'pdf' && !hasProgram('pdftoppm')) throw new IngestError('unsupported', 'needs OCR, but pdftoppm is not installed to render its pages (apt-get install poppler-utils)');
  return probe.version;
}

/** The tesseract engine, or an IngestError saying what to install. */
export function tesseractEngine(options: TesseractOptions = {}): OcrEngine {
  const dpi = options.dpi ?? TESSERACT_DEFAULTS.dpi;
  const lang = options.lang ?? TESSERACT_DEFAULTS.lang;
  const workers = Math.max(1, options.workers ?? TESSERACT_DEFAULTS.workers);
  const timeMs = options.timeMs ?? TESSERACT_DEFAULTS.timeMs;
  const cache = options.cacheDir === null ? null : new OcrCache(options.cacheDir ?? undefined, options.env);
  let name = `tesseract (${lang})`;

  const check = (kind: 'pdf' | 'pixels'): string => {
    const version = installedVersion(lang, kind);
    name = `${version} (${lang})`;
    return version;
  };

  return {
    get name() {
      return name;
    },
    async recognize(request, onPage) {
      // A .png or .jpg page is wrapped as a one-page PDF at its own resolution, so pdftoppm renders it
      // and it gets the clean-up of a PDF page; a TIFF (each of its pages) or a PNG with alpha is
      // decoded to pixels for the same clean-up; only what neither takes goes to tesseract as it is.
      const wrapped = request.kind === 'image' ? pageImagePdf(request.bytes) : null;
      const decoded = request.kind === 'image' && !wrapped ? await decodePageImage(request.bytes) : null;
      const version = check(request.kind === 'pdf' || wrapped ? 'pdf' : 'pixels');
      const digest = createHash('sha256').update(request.bytes).digest('hex');
      const renderDpi = wrapped ? wrapped.dpi : decoded ? decoded.dpi : dpi;
      const source = request.kind === 'pdf' ? dpi : wrapped ? `image-${renderDpi}` : decoded ? `${decoded.kind}-${renderDpi}` : 'image';
      const settings = `${version}|${lang}|${source}|psm4|dpi|red|specks|deskew|rules-erased|v6`;
      const pageNumbers = request.kind === 'pdf' ? request.pages : Array.from({ length: decoded?.pages ?? 1 }, (_, i) => i + 1);
      const total = pageNumbers.length;
      const started = Date.now();
      const running = new Set<ChildProcess>();
      let expired = false;
      const timer = setTimeout(() => {
        expired = true;
        for (const child of running) child.kill('SIGKILL');
      }, timeMs);
      timer.unref?.();
      let dir: string | null = null;
      const results: OcrPage[] = new Array(total);
      let done = 0;
      try {
        let pdfPath = '';
        const pdf = request.kind === 'pdf' ? request.bytes : wrapped?.pdf;
        if (pdf) {
          dir = await mkdtemp(join(tmpdir(), 'plandiff-ocr-'));
          pdfPath = join(dir, 'scan.pdf');
          await writeFile(pdfPath, pdf);
        }
        const job: PageJob = { cache, digest, settings, pdfPath: pdf ? pdfPath : null, decoded, image: request.bytes, renderDpi, lang, running, expired: () => expired };
        let next = 0;
        const work = async () => {
          while (next < total) {
            const index = next++;
            if (expired) return;
            const result = await readPage(job, pageNumbers[index]!);
            if (!result) return;
            results[index] = result;
            done += 1;
            onPage?.(result, done, total);
          }
        };
        await Promise.all(Array.from({ length: Math.min(workers, total) }, work)).catch((e) => {
          if (!expired) throw e;
        });
        if (expired) {
          throw new IngestError('limits', `OCR took longer than ${timeMs / 1000} s (${done} of ${total} pages read in ${Math.round((Date.now() - started) / 1000)} s); stopped — raise --ocr-timeout or read fewer pages`);
        }
        return results;
      } finally {
        clearTimeout(timer);
        for (const child of running) child.kill('SIGKILL');
        if (dir) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      }
    },
  };
}

/** What reading one page of a request needs. */
interface PageJob {
  cache: OcrCache | null;
  digest: string;
  settings: string;
  /** The PDF written for pdftoppm (a scan, or a page image wrapped as one), else null. */
  pdfPath: string | null;
  decoded: Awaited<ReturnType<typeof decodePageImage>>;
  /** The image as given, when neither pdftoppm nor the decoder takes it. */
  image: Uint8Array;
  renderDpi: number;
  lang: string;
  running: Set<ChildProcess>;
  expired: () => boolean;
}

/** One page: from the cache, or rendered (pdftoppm), cleaned, read (tesseract) and kept; null once time ran out. */
async function readPage(job: PageJob, page: number): Promise<OcrPage | null> {
  const cached = job.cache ? await job.cache.get(job.digest, page, job.settings) : null;
  if (cached) return cached;
  const { renderDpi, running } = job;
  const prepared = job.pdfPath
    ? preparePpm(await run('pdftoppm', ['-r', String(renderDpi), '-f', String(page), '-l', String(page), '-singlefile', job.pdfPath], null, running), renderDpi)
    : job.decoded
      ? preparePgm(job.decoded.page(page), renderDpi)
      : { pgm: job.image };
  if (job.expired()) return null;
  const dpiArgs = job.pdfPath || job.decoded ? ['--dpi', String(renderDpi)] : [];
  const tsv = await run('tesseract', ['stdin', 'stdout', '-l', job.lang, '--psm', OCR_PAGE_SEGMENTATION, ...dpiArgs, 'tsv'], prepared.pgm, running);
  const result = parseTsv(tsv.toString('utf8'), page);
  if ('rules' in prepared && prepared.rules) result.rules = prepared.rules;
  if (job.cache) await job.cache.put(job.digest, page, job.settings, result);
  return result;
}

/** Runs a program with optional stdin, resolving with its stdout; a failure is an IngestError naming the program. */
function run(program: string, args: string[], input: Uint8Array | null, running: Set<ChildProcess>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    running.add(child);
    const out: Buffer[] = [];
    let err = '';
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => {
      if (err.length < 2000) err += b.toString('utf8');
    });
    child.on('error', (e) => {
      running.delete(child);
      reject(new IngestError('unsupported', `needs OCR, but ${program} could not be started (${e.message})`));
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve(Buffer.concat(out));
      else {
        const why = err.split('\n').map((l) => l.trim()).find((l) => l && !/^(Warning|Estimating|Detected)/.test(l)) ?? (signal ? `stopped by ${signal}` : `exit ${code}`);
        reject(new IngestError('corrupt', `could not be read by OCR (${program}: ${why.slice(0, 120)})`));
      }
    });
    if (input) {
      child.stdin!.on('error', () => undefined);
      child.stdin!.end(input);
    }
  });
}

/**
 * A binary PPM (P6) page → the PGM (P5) tesseract reads and the page's ruled lines: the red channel
 * as grey (black ink stays black, red stamps and red signatures turn white), then specks removed,
 * the page straightened and its table rules found (see ingest/ocr-image.ts). Anything that is not
 * a P6 image is passed through.
 */
export function preparePpm(ppm: Uint8Array, dpi: number): { pgm: Uint8Array; rules?: OcrRules } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(new TextDecoder('latin1').decode(ppm.subarray(0, 64)));
  if (!header) return { pgm: ppm };
  const width = Number(header[1]);
  const height = Number(header[2]);
  const start = header[0].length;
  const grey = new Uint8Array(width * height);
  for (let i = 0, p = start; i < width * height; i++, p += 3) grey[i] = ppm[p]!;
  return preparePgm({ width, height, pixels: grey }, dpi);
}

/** The engine of the current time limit (made again when a run sets another). */
let engine: { timeMs: number; engine: OcrEngine } | null = null;

/**
 * The OCR options the Node edge reads a file with: the configured mode, the tesseract engine, and
 * progress on stderr for scans of more than two pages ("plandiff: scan.pdf: OCR page 3 of 22"), none with --quiet.
 */
export function nodeOcrOptions(name: string): OcrOptions {
  if (settings.mode === 'off') return { mode: 'off' };
  if (engine?.timeMs !== settings.timeMs) engine = { timeMs: settings.timeMs, engine: tesseractEngine({ timeMs: settings.timeMs }) };
  const output = settings.output;
  const tty = output.isTTY === true;
  return {
    mode: settings.mode,
    engine: engine.engine,
    onPage: (_page, done, total) => {
      if (runSettings.quiet || total < 3) return;
      if (tty) output.write(`\rplandiff: ${name}: OCR page ${done} of ${total}${done === total ? '\n' : ''}`);
      else output.write(`plandiff: ${name}: OCR page ${done} of ${total}\n`);
    },
  };
}
