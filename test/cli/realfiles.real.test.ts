/**
 * Every real published .doc, .docx and text .pdf of ../shared/realfiles (never copied here) through
 * `plandiff parse` run in this process (test/cli-run.ts): `npm run test:real` (and `.ci/run`). `npm test` reads one of each kind
 * (realfiles.test.ts). Skipped, with a visible reason, when ../shared is absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { sharedPath } from '../corpus.js';
import { expectReadWithIdentity } from './realfiles.js';

const DIR = sharedPath('realfiles');
// LibreOffice and OCR on a busy machine: the binary's own limits (2 min a .doc, OCR's time limit) come first
const TIMEOUT = 300_000;
const FILES = existsSync(DIR) ? readdirSync(DIR).filter((f) => /^(doc|docx|pdf)-\d+\.(docx?|pdf)$/.test(f)).sort() : [];

describe.skipIf(FILES.length === 0).concurrent('real published .doc, .docx and text .pdf files through plandiff parse (needs ../shared/realfiles)', () => {
  test.each(FILES)('%s is read into clauses and its own number, symbol and year', async (name) => {
    await expectReadWithIdentity(join(DIR, name));
  }, TIMEOUT);
});
