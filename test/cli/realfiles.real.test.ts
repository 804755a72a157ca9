/**
 * Every real published .doc, .docx and text .pdf of ../shared/realfiles (never copied here), and a
 * real signed scan and a scanned page image by OCR, through `plandiff parse` run in this process
 * (test/cli-run.ts): `npm run test:real` (and `.ci/run`). `npm test` reads one of each kind that
 * needs no OCR (realfiles.test.ts); ocr-scan.real.test.ts reads every real scan's identity.
 * Skipped, with a visible reason, when ../shared (or, for the scans, tesseract) is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasProgram } from '../binary.js';
import { sharedPath } from '../corpus.js';
import { expectReadWithIdentity } from './realfiles.js';

const DIR = sharedPath('realfiles');
// LibreOffice and OCR on a busy machine: the binary's own limits (2 min a .doc, OCR's time limit) come first
const TIMEOUT = 300_000;
const hasOcr = hasProgram('pdftoppm') && spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.includes('vie') === true;
const FILES = existsSync(DIR) ? readdirSync(DIR).filter((f) => /^(doc|docx|pdf)-\d+\.(docx?|pdf)$/.test(f)).sort() : [];

describe.skipIf(FILES.length === 0).concurrent('real published files through plandiff parse (needs ../shared/realfiles)', () => {
  test.each(FILES)('%s is read into clauses and its own number, symbol and year', async (name) => {
    await expectReadWithIdentity(join(DIR, name));
  }, TIMEOUT);

  // the smallest signed scan (2 pages) and a photographed page, through the whole command
  test.skipIf(!hasOcr).each([
    ['scan-10.pdf', 3],
    ['page-01.jpg', 0],
  ])('%s is read by OCR (needs tesseract-ocr-vie)', async (name, minClauses) => {
    const doc = await expectReadWithIdentity(join(DIR, name), minClauses);
    expect(doc.meta.encoding).toBe('ocr');
  }, TIMEOUT);
});
