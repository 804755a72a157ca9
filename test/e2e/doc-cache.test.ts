/**
 * How the web view reads the served folder, in chromium on the built app served by `plandiff serve`:
 *
 * - the corpus plans it has read are kept in the browser (web/app/doc-cache.ts), so a reload does
 *   not read and parse the folder again; a changed file, a spoiled entry or another build's entry is
 *   never trusted (checked through the rows the corpus table shows and the browser's IndexedDB);
 * - issue 10: a legacy Word .doc in the folder is read too. The browser has no .doc reader: the
 *   worker sends the bytes to the local server (POST /api/convert-doc), which converts them with
 *   LibreOffice; the page then shows the plan like any other. Skipped without LibreOffice.
 *
 * One chromium for both, each with its own folder, server and context.
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
import { shareBrowser, startHarness, type Harness } from './browser.js';
import { keptTmp } from '../tmp.js';

shareBrowser();

const HAS_SOFFICE = hasProgram('soffice');

const A = 'a.txt';
const B = 'b.txt';

type Entries = Array<{ key: string; value: unknown }>;

/** Every entry of the kept readings, in key order. */
function entries(page: Page): Promise<Entries> {
  return page.evaluate(
    () =>
      new Promise<Entries>((resolve, reject) => {
        const req = indexedDB.open('plandiff-docs', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('readings');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const store = db.transaction('readings', 'readonly').objectStore('readings');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            db.close();
            resolve((keys.result as string[]).map((key, i) => ({ key, value: values.result[i] })));
          };
          values.onerror = () => reject(values.error);
        };
      }),
  );
}

/** Writes one entry as it is (a doctored reading, garbage, another build's entry). */
function putEntry(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('plandiff-docs', 1);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('readings', 'readwrite');
          tx.objectStore('readings').put(v, k as string);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
}

describe('corpus plans kept in the browser across reloads (chromium)', () => {
  let h: Harness;
  let page: Page;
  let dir: string;

  const rows = async (): Promise<Record<string, string>> => {
    await expect.poll(() => page.getByTestId('corpus-row').count(), { timeout: 30_000 }).toBe(2);
    const out: Record<string, string> = {};
    for (const row of await page.getByTestId('corpus-row').all()) out[(await row.getAttribute('data-file')) as string] = (await row.innerText()).replace(/\s+/g, ' ');
    return out;
  };
  const reload = async (): Promise<Record<string, string>> => {
    await page.reload();
    return rows();
  };
  const keyOf = (all: Entries, file: string): string => all.find((e) => e.key.split('|')[1] === file)!.key;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plandiff-kept-'));
    copyFileSync(corpusPath(SEEDS.sct2024), join(dir, A));
    copyFileSync(corpusPath(SEEDS.gddt2024), join(dir, B));
    h = await startHarness(dir);
    page = await h.context.newPage();
    await page.goto(h.server.url);
  }, 90_000);

  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  let first: Record<string, string>;

  test('the first load keeps one reading per plan, under the build, the path and the SHA-256 of its bytes', async () => {
    first = await rows();
    await expect.poll(async () => (await entries(page)).length, { timeout: 10_000 }).toBe(2);
    const keys = (await entries(page)).map((e) => e.key);
    for (const k of keys) expect(k).toMatch(/^analysis\.worker-[A-Za-z0-9_-]{8,}\.js\|[ab]\.txt\|[0-9a-f]{64}$/);
    expect(keys.map((k) => k.split('|')[1])).toEqual([A, B]);
  });

  test('a reload lists the same rows from the kept readings: what is kept is what is shown', async () => {
    expect(await reload()).toEqual(first);
    const all = await entries(page);
    const kept = all.find((e) => e.key === keyOf(all, A))!.value as { doc: { meta: { title: string | null } } };
    kept.doc.meta.title = 'Kế hoạch giữ lại trong trình duyệt';
    await putEntry(page, keyOf(all, A), kept);
    const again = await reload();
    expect(again[A]).toContain('Kế hoạch giữ lại trong trình duyệt');
    expect(again[B]).toEqual(first[B]);
  });

  test('an entry that is not a reading is ignored: the plan is read again and its entry rewritten', async () => {
    const all = await entries(page);
    await putEntry(page, keyOf(all, A), { garbage: true });
    expect(await reload()).toEqual(first);
    await expect.poll(async () => {
      const now = await entries(page);
      return (now.find((e) => e.key === keyOf(all, A))?.value as { format?: string } | undefined)?.format;
    }).toBe('txt');
  });

  test('a changed file is read again (its old entry goes); another build\'s entries are dropped', async () => {
    const [build, , hashA] = keyOf(await entries(page), A).split('|');
    await putEntry(page, 'analysis.worker-00000000.js|a.txt|0000', { format: 'txt', warnings: [], doc: { meta: {}, clauses: [], targets: [], citations: [] } });
    copyFileSync(join(dir, A), join(dir, B)); // b.txt now holds a.txt's bytes
    const after = await reload();
    expect(after[B]!.replace(B, A)).toEqual(first[A]);
    await expect.poll(async () => (await entries(page)).map((e) => e.key)).toEqual([`${build}|${A}|${hashA}`, `${build}|${B}|${hashA}`]);
  });
});

/**
 * The plan as Word 97 .doc, made by LibreOffice from its .docx once per state of that .docx and of
 * LibreOffice (kept in the temp folder, as test/ingest/office-parity.test.ts keeps its files).
 */
function legacyDoc(text: string): string {
  const docx = seedToDocx(text).docx;
  const version = execFileSync('soffice', ['--version'], { encoding: 'utf8' });
  const doc = keptTmp(`plandiff-doc-web-${createHash('sha256').update(version).update(docx).digest('hex').slice(0, 16)}.doc`);
  if (existsSync(doc)) return doc;
  const work = mkdtempSync(join(tmpdir(), 'plandiff-doc-web-work-'));
  writeFileSync(join(work, 'plan.docx'), docx);
  execFileSync('soffice', [`-env:UserInstallation=file://${keptTmp('plandiff-doc-web-lo')}`, '--headless', '--convert-to', 'doc:MS Word 97', '--outdir', work, join(work, 'plan.docx')], { stdio: 'ignore', timeout: 180_000 });
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
