/**
 * Real published files (../shared/realfiles; never copied here) through `plandiff parse` (the
 * command line run in this process), one of each kind that needs no OCR: a Word .docx, a legacy
 * .doc (LibreOffice) and a text PDF. Each is read with exit 0 and nothing on stderr, into a clause
 * tree and the document's own identity. A real signed scan and a scanned page image by OCR, and the
 * sweeps over every real file, are *.real.test.ts (`npm run test:real`, which .ci/run runs); `npm
 * test` reads scans by OCR through the binary on a synthetic scan (test/ingest/ocr-scan.test.ts).
 * Skipped, with a visible reason, when ../shared is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { sharedPath } from '../corpus.js';
import { expectReadWithIdentity } from './realfiles.js';

const DIR = sharedPath('realfiles');
// LibreOffice on a busy machine: the command's own limit (2 min a .doc) comes first
const TIMEOUT = 300_000;
const hasFiles = existsSync(DIR);

describe.skipIf(!hasFiles).concurrent('one real file of each kind through plandiff parse (needs ../shared/realfiles)', () => {
  // the smallest file of each kind that carries its identity (a 39 KB decree, a 40 KB .doc, a 3-page
  // circular): what is tested is the reader of the kind, not its speed on 30 pages (the sweeps read them all)
  test.each(['docx-06.docx', 'doc-01.doc', 'pdf-02.pdf'])('%s', async (name) => {
    await expectReadWithIdentity(join(DIR, name));
  }, TIMEOUT);
});
