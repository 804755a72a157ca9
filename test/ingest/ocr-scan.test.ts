// OCR through the built binary: a synthetic scan of a seed plan (skewed, speckled, red seal). The
// real signed scans and page images of ../shared/realfiles: a handful through the binary in
// test/cli/realfiles.test.ts, all of them in ocr-scan.real.test.ts (`npm run test:real`). Needs
// tesseract-ocr, tesseract-ocr-vie and poppler-utils (.ci/run installs them).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { syntheticScan } from '../../src/node/ocr-synth.js';
import { parseDocument } from '../../src/read/parse.js';
import { fixtureBytes } from './seed-fixtures.js';

const hasOcr = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.includes('vie') === true && !spawnSync('pdftoppm', ['-v']).error;
const binary = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');
const SEED_004 = 'khanh-hoa-2025-ubnd-cai-cach-tthc';

describe.skipIf(!hasOcr)('a synthetic scan of a seed plan (skewed, speckled, red seal; needs tesseract-ocr-vie)', () => {
  // Pages 1–2 of 004 (QĐ 3HH/QĐ-UBND of UBND Khánh Hòa, 2025): the number line, the preamble, Điều 1–3.
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-scan-'));
  const scan = join(dir, 'scan-004.pdf');
  writeFileSync(scan, syntheticScan(fixtureBytes(`${SEED_004}.pdf`), { pages: [1, 2] }));
  const run = () => spawnSync(process.execPath, [binary, 'parse', scan, '--json'], { encoding: 'utf8', env: { ...process.env, PLANDIFF_CACHE_DIR: join(dir, 'cache') }, timeout: 120_000 });

  test('plandiff parse reads it by OCR: the identity printed on its pages (number, symbol, year, date), meta.encoding "ocr", a confidence per page', { timeout: 150_000 }, () => {
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { meta: Record<string, unknown> & { ocr: { engine: string; pages: Array<{ page: number; confidence: number }> } } };
    // The identity printed on these two pages, from their text layer ("3HH/QĐ-UBND" as printed: the
    // whole plan's later mentions of 344/QĐ-UBND are not on them).
    const typed = spawnSync('pdftotext', ['-f', '1', '-l', '2', join('test', 'fixtures', `${SEED_004}.pdf`), '-'], { encoding: 'utf8' }).stdout;
    const truth = parseDocument(typed, { file: null }).meta;
    expect(truth.symbol).toBe('QĐ-UBND');
    expect([doc.meta.number, doc.meta.symbol, doc.meta.year, doc.meta.date]).toEqual([truth.number, truth.symbol, truth.year, truth.date]);
    expect(doc.meta.encoding).toBe('ocr');
    expect(doc.meta.ocr.engine).toMatch(/^tesseract \d+\.\d+.* \(vie\)$/);
    expect(doc.meta.ocr.pages.map((p) => p.page)).toEqual([1, 2]);
    for (const p of doc.meta.ocr.pages) expect(p.confidence).toBeGreaterThan(60);
  });

  test('a second run reads every page from the cache and gives the same JSON', { timeout: 150_000 }, () => {
    const first = run();
    const entries = readdirSync(join(dir, 'cache', 'ocr'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    expect(entries).toHaveLength(2);
    const second = run();
    expect(second.stdout).toBe(first.stdout);
  });
});
