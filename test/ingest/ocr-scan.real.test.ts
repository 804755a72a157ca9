// The sweep over every real signed scan and page image of ../shared/realfiles by OCR (the first
// page of each, the whole scan when that gives no number): `npm run test:real` (and `.ci/run`)
// runs it; `npm test` reads a handful through the binary (test/cli/realfiles.test.ts). Needs tesseract-ocr, tesseract-ocr-vie and poppler-utils; OCR
// results are cached in the temp folder by content hash, so a second run reads no page again.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { tesseractEngine } from '../../src/node/ocr.js';
import { parseDocument } from '../../src/read/parse.js';
import type { DocumentMeta } from '../../src/types.js';
import { keptTmp } from '../tmp.js';

const hasOcr = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.includes('vie') === true && !spawnSync('pdftoppm', ['-v']).error;
const cacheDir = keptTmp('plandiff-test-ocr-cache');

const realfiles = join(process.cwd(), '..', 'shared', 'realfiles');

/** Number, symbol and year all read. */
const whole = (m: DocumentMeta): boolean => Boolean(m.number && m.symbol && m.year);

describe.skipIf(!hasOcr || !existsSync(realfiles))('real signed scans and page images (needs ../shared and tesseract-ocr-vie)', () => {
  // Cold, the first pages and the whole of the four scans whose first page lacks a number (55
  // pages) take about 4 minutes of CPU; cached, a few seconds.
  test('the identity (number, symbol and year) of most real scans, from the first page or the whole scan', { timeout: 1_200_000 }, async () => {
    mkdirSync(cacheDir, { recursive: true });
    const engine = tesseractEngine({ cacheDir });
    const files = readdirSync(realfiles).filter((f) => /^(scan-\d+\.pdf|page-\d+\.jpg)$/.test(f)).sort();
    const read: string[] = [];
    const symbolOnly: string[] = [];
    const issuers: string[] = [];
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(join(realfiles, f)));
      let r = await ingest(bytes, f, undefined, { ocr: { engine, maxPages: 1 } });
      expect(r.encoding).toBe('ocr');
      let meta = parseDocument(r.text, { file: f }).meta;
      if (!whole(meta) && f.endsWith('.pdf')) {
        // the command reads every page: the forms after the body name the document whose header lost its number
        r = await ingest(bytes, f, undefined, { ocr: { engine } });
        meta = parseDocument(r.text, { file: f }).meta;
      }
      // the header's two columns on one line ("CHÍNH PHỦ CỘNG HÒA XÃ HỘI …") give the issuer, not the motto
      expect(meta.issuer ?? '', f).not.toMatch(/cộng\s+h[oò][aà]/iu);
      // an issuer read is one the vocabulary knows (a body, a province's UBND, a department), not OCR's noise
      if (meta.issuer) issuers.push(`${f}: ${meta.issuer} (${meta.level})`);
      if (whole(meta)) read.push(f);
      else if (meta.symbol && meta.year) {
        symbolOnly.push(f);
        // a symbol without its number says why
        expect(meta.warnings.map((w) => w.code), f).toContain('number-unread');
      }
    }
    // The goal is 90 % (17 of 18); it is not met, and the reading is not checked here
    // against the answers kept back with the checks. An identity is read whole on 15 of the 18:
    // 13 from the first page, two circulars whose number line lies under a receipt stamp from the
    // heads of their forms (two or more agreeing, also when OCR lost their "Mẫu …") or their annex
    // lines. Two letters whose numbers are written by hand in the blank of "Số: …/STTTT-CNTT" and
    // "Số: …/UBND-KSTTHC" give their symbol and year (the number is not guessed); the last page of
    // a decree, which prints no identity, gives none.
    expect(issuers.filter((i) => i.endsWith('(null)')), issuers.join('\n')).toEqual([]);
    expect(issuers.length).toBeGreaterThanOrEqual(17);
    expect(read.length).toBeGreaterThanOrEqual(15);
    expect(read.length + symbolOnly.length).toBeGreaterThanOrEqual(17);
  });
});
