/**
 * Real published files (../shared/realfiles; never copied here) through `plandiff parse` (the
 * command line run in this process), one of each kind a user has: a Word .docx, a legacy .doc
 * (LibreOffice), a text PDF, a signed scan and a scanned page image (OCR). Each is read with exit 0
 * and nothing on stderr, into a clause tree and the document's own identity. The sweeps over every real file are *.real.test.ts (`npm run test:real`).
 * Skipped, with a visible reason, when ../shared (or, for the scans, tesseract) is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasProgram } from '../binary.js';
import { sharedPath } from '../corpus.js';
import { expectReadWithIdentity } from './realfiles.js';

const DIR = sharedPath('realfiles');
// LibreOffice and OCR on a busy machine: the command's own limits (2 min a .doc, OCR's time limit) come first
const TIMEOUT = 300_000;
const hasFiles = existsSync(DIR);
const hasOcr = hasProgram('pdftoppm') && spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.includes('vie') === true;

describe.skipIf(!hasFiles).concurrent('one real file of each kind through plandiff parse (needs ../shared/realfiles)', () => {
  // the smallest file of each kind that carries its identity (a 39 KB decree, a 40 KB .doc, a 3-page
  // circular): what is tested is the reader of the kind, not its speed on 30 pages (the sweeps read them all)
  test.each(['docx-06.docx', 'doc-01.doc', 'pdf-02.pdf'])('%s', async (name) => {
    await expectReadWithIdentity(join(DIR, name));
  }, TIMEOUT);

  test.skipIf(!hasOcr).each([
    ['scan-10.pdf', 3],
    ['page-01.jpg', 0],
  ])('%s is read by OCR (needs tesseract-ocr-vie)', async (name, minClauses) => {
    const doc = await expectReadWithIdentity(join(DIR, name), minClauses);
    expect(doc.meta.encoding).toBe('ocr');
  }, TIMEOUT);
});
