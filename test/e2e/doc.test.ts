/**
 * Issue 10: a legacy Word .doc in the served folder is read in the browser too. The browser has no
 * .doc reader: the worker sends the bytes to the local server (POST /api/convert-doc), which converts
 * them with LibreOffice; the page then shows the plan like any other. Skipped without LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from '../../src/read/parse.js';
import { corpusPath, SEEDS } from '../corpus.js';
import { hasProgram } from '../binary.js';
import { seedToDocx } from '../ingest/writers/seed-docx.js';
import { startHarness, type Harness } from './browser.js';

const HAS_SOFFICE = hasProgram('soffice');

/**
 * The plan as Word 97 .doc, made by LibreOffice from its .docx once per state of that .docx and of
 * LibreOffice (kept in the temp folder, as test/ingest/office-parity.test.ts keeps its files).
 */
function legacyDoc(text: string): string {
  const docx = seedToDocx(text).docx;
  const version = execFileSync('soffice', ['--version'], { encoding: 'utf8' });
  const doc = join(tmpdir(), `plandiff-doc-web-${createHash('sha256').update(version).update(docx).digest('hex').slice(0, 16)}.doc`);
  if (existsSync(doc)) return doc;
  const work = mkdtempSync(join(tmpdir(), 'plandiff-doc-web-work-'));
  writeFileSync(join(work, 'plan.docx'), docx);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(tmpdir(), 'plandiff-doc-web-lo')}`, '--headless', '--convert-to', 'doc:MS Word 97', '--outdir', work, join(work, 'plan.docx')], { stdio: 'ignore', timeout: 180_000 });
  renameSync(join(work, 'plan.doc'), doc);
  rmSync(work, { recursive: true, force: true });
  return doc;
}

describe.skipIf(!HAS_SOFFICE)('a .doc in the served folder, in chromium (needs LibreOffice)', () => {
  let h: Harness;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-doc-web-'));
  const text = readFileSync(corpusPath(SEEDS.ubnd2025), 'utf8');

  beforeAll(async () => {
    copyFileSync(legacyDoc(text), join(dir, 'plan.doc'));
    h = await startHarness(dir);
    page = await h.context.newPage();
    await page.goto(h.server.url);
  }, 240_000);

  afterAll(async () => {
    await h?.close();
  });

  test('is listed and read: its title and number as the command reads them', async () => {
    const expected = parseDocument(text).meta;
    await expect.poll(() => page.getByTestId('corpus-row').count(), { timeout: 30_000 }).toBe(1);
    const row = page.getByTestId('corpus-row').first();
    await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 30_000 }).toContain(expected.number!);
    expect(await row.textContent()).toContain(expected.title!.slice(0, 40));
  });
});
