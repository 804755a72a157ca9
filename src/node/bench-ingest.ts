/**
 * Ingest timings per format on the committed fixtures (test/fixtures/): the seed plans as .txt,
 * .docx and .pdf. Warm runs (pdf.js and the XML parser loaded once before timing). Goal: .docx
 * under 100 ms a file, .pdf under 300 ms per 10 pages. Then a 1,000-page text PDF (LibreOffice
 * from the bundled plans, cached in the temp folder; goal ≤ 30 s), and OCR on synthetic scans of
 * the seed plans and the held-out documents (when tesseract is installed; see ocr-bench.ts).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS, ingest } from '../ingest/index.js';
import { benchOcr, type OcrBenchRow } from './ocr-bench.js';
import { renderPlanText, renderWithLibreOffice } from './ocr-synth.js';
import { parseDocument } from '../read/parse.js';

/** The repository root: the nearest folder above this file that has test/fixtures (works from src/ and dist/src/). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'test', 'fixtures'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('test/fixtures not found above ' + fileURLToPath(import.meta.url));
}

export type IngestBenchRow = {
  format: string;
  files: number;
  /** Median ms per file over the runs. */
  medianMs: string;
  /** For PDFs: ms per 10 pages. */
  per10Pages?: string;
  goal: string;
};

/** The 1,000-page row. */
export type LongPdfBenchRow = { format: string; pages: number; ms: string; goal: string };

/** Times `ingest()` on each fixture `runs` times (after one warm-up) and reports per-format medians; then the long PDF and OCR rows. */
export async function benchIngest(runs = 5): Promise<Array<IngestBenchRow | LongPdfBenchRow | OcrBenchRow>> {
  const rows: Array<IngestBenchRow | LongPdfBenchRow | OcrBenchRow> = await benchFormats(runs);
  const long = longPdf(repoRoot());
  if (long) {
    const t0 = performance.now();
    await ingest(long.bytes, 'long.pdf', { ...DEFAULT_LIMITS, timeMs: 120_000 });
    rows.push({ format: 'pdf, 1,000 pages', pages: long.pages, ms: (performance.now() - t0).toFixed(0), goal: '≤ 30,000 ms' });
  }
  if (spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.includes('vie')) rows.push(...(await benchOcr(ocrDocuments(repoRoot(), process.argv.includes('--quick')))));
  return rows;
}

/**
 * A text PDF of about 1,000 pages: the bundled plans one after another, rendered by LibreOffice
 * once and kept in the temp folder under the hash of its text. Null without LibreOffice.
 */
function longPdf(root: string): { bytes: Uint8Array; pages: number } | null {
  if (spawnSync('soffice', ['--version']).error) return null;
  const plans = readdirSync(join(root, 'corpus'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort();
  let text = '';
  for (let i = 0; text.length < 2_920_000; i++) text += `${readFileSync(join(root, 'corpus', plans[i % plans.length]!), 'utf8')}\n\n`;
  const dir = join(tmpdir(), 'plandiff-bench');
  const key = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const pdf = join(dir, `long-${key}.pdf`);
  if (!existsSync(pdf)) {
    mkdirSync(dir, { recursive: true });
    const txt = join(dir, `long-${key}.txt`);
    writeFileSync(txt, text);
    writeFileSync(pdf, renderWithLibreOffice(txt));
  }
  const bytes = new Uint8Array(readFileSync(pdf));
  return { bytes, pages: countPdfPages(bytes) };
}

/** The seed plans' PDF fixtures and, beside the checkout, the held-out documents rendered by LibreOffice, with their .txt. */
function ocrDocuments(root: string, quick: boolean): Array<{ name: string; pdf: Uint8Array; truth: string }> {
  const fixtures = join(root, 'test', 'fixtures');
  const seeds = JSON.parse(readFileSync(join(fixtures, 'seeds.json'), 'utf8')) as Record<string, string>;
  const docs: Array<{ name: string; pdf: Uint8Array; truth: string }> = Object.entries(seeds).map(([name, txt]) => ({ name, pdf: new Uint8Array(readFileSync(join(fixtures, `${name}.pdf`))), truth: readFileSync(join(root, txt), 'utf8') }));
  const holdout = join(root, '..', 'shared', 'holdout');
  if (existsSync(holdout) && !spawnSync('soffice', ['--version']).error) {
    for (const f of readdirSync(holdout).filter((n) => n.endsWith('.txt')).sort()) {
      docs.push({ name: `held-out ${f.replace(/\.txt$/, '')}`, pdf: renderPlanText(join(holdout, f)), truth: readFileSync(join(holdout, f), 'utf8') });
    }
  }
  return quick ? docs.slice(0, 2) : docs;
}

async function benchFormats(runs: number): Promise<IngestBenchRow[]> {
  const root = repoRoot();
  const fixtures = join(root, 'test', 'fixtures');
  // seeds.json (written by test/fixtures/make-fixtures.ts): fixture name → the corpus .txt it was made from.
  const seeds = JSON.parse(readFileSync(join(fixtures, 'seeds.json'), 'utf8')) as Record<string, string>;
  const files: Record<string, string[]> = {
    txt: Object.values(seeds).map((p) => join(root, p)),
    docx: Object.keys(seeds).map((s) => join(fixtures, `${s}.docx`)),
    pdf: Object.keys(seeds).map((s) => join(fixtures, `${s}.pdf`)),
  };
  const rows: IngestBenchRow[] = [];
  for (const [format, paths] of Object.entries(files)) {
    const perFile: number[] = [];
    let pages = 0;
    for (const path of paths) {
      const bytes = new Uint8Array(readFileSync(path));
      await ingest(bytes, path); // warm-up
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await ingest(bytes, path);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      perFile.push(times[Math.floor(times.length / 2)]!);
      if (format === 'pdf') pages += countPdfPages(bytes);
    }
    perFile.sort((a, b) => a - b);
    const total = perFile.reduce((a, b) => a + b, 0);
    rows.push({
      format,
      files: paths.length,
      medianMs: (perFile[Math.floor(perFile.length / 2)] ?? 0).toFixed(1),
      ...(format === 'pdf' && pages > 0 ? { per10Pages: ((total / pages) * 10).toFixed(1) } : {}),
      goal: format === 'docx' ? '< 100 ms a file' : format === 'pdf' ? '< 300 ms per 10 pages' : '-',
    });
  }
  rows.push(shortLinesRow(runs));
  return rows;
}

/**
 * 40,000 short lines (80 KB, one letter a line): read and parsed whole, the case that was
 * quadratic in paragraph assembly (68 s before). Goal: ≤ 2 s.
 */
function shortLinesRow(runs: number): IngestBenchRow {
  const text = Array.from({ length: 40_000 }, (_, i) => 'abcdeghik'[i % 9]).join('\n');
  const times: number[] = [];
  for (let i = 0; i < Math.max(1, Math.min(runs, 3)); i++) {
    const t0 = performance.now();
    parseDocument(text, { file: '40000-lines.txt' });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { format: 'txt, 40,000 short lines (parse)', files: 1, medianMs: times[Math.floor(times.length / 2)]!.toFixed(1), goal: '≤ 2000 ms' };
}

/** Pages of a PDF by its page objects (good enough for a benchmark's per-page figure). */
function countPdfPages(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  return (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}
