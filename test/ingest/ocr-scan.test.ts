// OCR through the built binary (package.json `bin`): a synthetic scan of a seed plan (skewed,
// speckled, red seal), its A4 pages printed down to a little under a third (the header and first
// lines, the rest white paper: scan-fixtures.ts), since this checks the path, not how well whole
// pages read (npm run bench). The real signed scans and page images of ../shared/realfiles, in
// `npm run test:real`: two through plandiff parse in test/cli/realfiles.real.test.ts, the identity
// of all of them in ocr-scan.real.test.ts. Needs tesseract-ocr, tesseract-ocr-vie and
// poppler-utils (.ci/run installs them).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { degrade, imagePdf } from '../../src/node/ocr-synth.js';
import { parseDocument } from '../../src/read/parse.js';
import { BIN } from '../binary.js';
import { pageTops } from './scan-fixtures.js';

const hasOcr = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.includes('vie') === true && !spawnSync('pdftoppm', ['-v']).error;
const SEED_004 = 'khanh-hoa-2025-ubnd-cai-cach-tthc';

describe.skipIf(!hasOcr)('a synthetic scan of a seed plan (skewed, speckled, red seal; needs tesseract-ocr-vie)', () => {
  // Pages 1–2 of 004 (QĐ 3HH/QĐ-UBND of UBND Khánh Hòa, 2025): the number line and title; the appendix's title and first points.
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-scan-'));
  const scan = join(dir, 'scan-004.pdf');
  let tops: ReturnType<typeof pageTops>;
  /** The first run's output, which the second test compares with (made there when run alone). */
  let firstRun: ReturnType<typeof run> | null = null;
  beforeAll(() => {
    tops = pageTops(`${SEED_004}.pdf`, [1, 2], 0.3);
    writeFileSync(scan, imagePdf(tops.images.map((image, i) => degrade(image, undefined, i + 1))));
  });
  const run = () => spawnSync(process.execPath, [BIN, 'parse', scan, '--json'], { encoding: 'utf8', env: { ...process.env, PLANDIFF_CACHE_DIR: join(dir, 'cache') }, timeout: 120_000 });

  test('plandiff parse reads it by OCR: the identity printed on its pages (number, symbol, year, date), meta.encoding "ocr", a confidence per page', { timeout: 150_000 }, () => {
    const r = (firstRun = run());
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { meta: Record<string, unknown> & { ocr: { engine: string; pages: Array<{ page: number; confidence: number }> } } };
    // The identity printed on these two pages, from their text layer ("3HH/QĐ-UBND" as printed: the
    // whole plan's later mentions of 344/QĐ-UBND are not on them).
    const truth = parseDocument(tops.text, { file: null }).meta;
    expect(truth.symbol).toBe('QĐ-UBND');
    expect([doc.meta.number, doc.meta.symbol, doc.meta.year, doc.meta.date]).toEqual([truth.number, truth.symbol, truth.year, truth.date]);
    expect(doc.meta.encoding).toBe('ocr');
    expect(doc.meta.ocr.engine).toMatch(/^tesseract \d+\.\d+.* \(vie\)$/);
    expect(doc.meta.ocr.pages.map((p) => p.page)).toEqual([1, 2]);
    for (const p of doc.meta.ocr.pages) expect(p.confidence).toBeGreaterThan(60);
  });

  test('a second run reads every page from the cache and gives the same JSON', { timeout: 150_000 }, () => {
    const first = firstRun ?? run();
    const entries = readdirSync(join(dir, 'cache', 'ocr'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    expect(entries).toHaveLength(2);
    const second = run();
    expect(second.stdout).toBe(first.stdout);
  });
});
