// Page images (.png, .jpg) get the clean-up of a scanned PDF page: wrapped as a one-page PDF at
// their own resolution (ocr-page-image.ts), rendered by pdftoppm, then red channel, specks, skew and
// rules (ocr-image.ts) before tesseract. TIFF pages and PNGs with alpha or 16-bit samples are decoded
// to grey pixels for the same clean-up. Needs poppler-utils (and img2pdf for the reference wrap,
// Debian's python3-pil for a CCITT G4 TIFF, tesseract-ocr-vie for the engine); each part skips with
// its reason when a program is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { decodePageImage, pageImagePdf } from '../../src/ingest/ocr-page-image.js';
import { encode as encodePng } from 'fast-png';
import UTIF from 'utif2';
import { tesseractEngine } from '../../src/node/ocr.js';
import { degrade, imagePdf } from '../../src/node/ocr-synth.js';
import { parseDocument } from '../../src/read/parse.js';
import { pageTops, ppmBytes } from './scan-fixtures.js';
import { runCli } from '../cli-run.js';
import { corpusPath, SEEDS } from '../corpus.js';
import { fixtureBytes } from './seed-fixtures.js';

const has = (program: string, arg = '-v') => !spawnSync(program, [arg]).error;
const hasPoppler = has('pdftoppm');
const hasImg2pdf = has('img2pdf', '--version');
const hasOcr = hasPoppler && spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.includes('vie') === true;
const SEED_004 = 'khanh-hoa-2025-ubnd-cai-cach-tthc';
/**
 * The OCR tests below check the path (clean-up, pages, identity), not how well a whole page reads
 * (`npm run bench`, `npm run test:real`): their A4 pages are printed down to a little under a third
 * (the header, the title, the first lines), the rest white paper (scan-fixtures.ts).
 */
const KEEP = 0.3;
/** Debian's Python with PIL (python3-pil, which img2pdf needs too): writes CCITT G4 TIFFs. */
const hasPil = spawnSync('/usr/bin/python3', ['-c', 'import PIL.TiffImagePlugin']).status === 0;

/** Page `page` of a PDF as an image file pdftoppm writes (`-png`, `-jpeg`, with more flags). */
function pageImage(pdf: Uint8Array, flags: string[], page = 1): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-page-image-'));
  writeFileSync(join(dir, 'in.pdf'), pdf);
  const r = spawnSync('pdftoppm', [...flags, '-f', String(page), '-l', String(page), '-singlefile', join(dir, 'in.pdf'), join(dir, 'out')]);
  if (r.status !== 0) throw new Error(`pdftoppm: ${r.stderr}`);
  const ext = flags.includes('-png') ? 'png' : flags.includes('-jpeg') ? 'jpg' : flags.includes('-gray') ? 'pgm' : 'ppm';
  return new Uint8Array(readFileSync(join(dir, `out.${ext}`)));
}

/** The wrapped page rendered back by pdftoppm at `dpi`: its PPM bytes. */
function render(pdf: Uint8Array, dpi: number): Uint8Array {
  return pageImage(pdf, ['-r', String(dpi)]);
}

const ppmSize = (ppm: Uint8Array) => /^P[56]\s+(\d+)\s+(\d+)\s/.exec(new TextDecoder('latin1').decode(ppm.subarray(0, 32)))!.slice(1, 3).map(Number);

describe('a page image wrapped as a one-page PDF', () => {
  test('what is not a PNG or JPEG this wrapper takes is left alone: TIFF, alpha PNG, garbage', () => {
    const tiff = new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
    expect(pageImagePdf(tiff)).toBeNull();
    // IHDR of a 1×1 RGBA PNG (colour type 6)
    const rgba = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0, 0, 0, 0]);
    expect(pageImagePdf(rgba)).toBeNull();
    expect(pageImagePdf(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
  });

  describe.skipIf(!hasPoppler)('rendered by pdftoppm (needs poppler-utils)', () => {
    const typed = fixtureBytes(`${SEED_004}.pdf`);

    test('a PNG keeps its resolution (pHYs) and renders back at its own size', () => {
      const png = pageImage(typed, ['-r', '150', '-png']);
      const wrapped = pageImagePdf(png)!;
      expect(wrapped.info).toEqual({ kind: 'png', width: 1241, height: 1754, dpi: 150 });
      expect(wrapped.dpi).toBe(150);
      expect(ppmSize(render(wrapped.pdf, wrapped.dpi))).toEqual([1241, 1754]);
    });

    test.skipIf(!hasImg2pdf)('a PNG (colour and grey) renders exactly as img2pdf\'s wrapping of it does (needs img2pdf)', () => {
      for (const flags of [['-png'], ['-png', '-gray']]) {
        const png = pageImage(typed, ['-r', '100', ...flags]);
        const dir = mkdtempSync(join(tmpdir(), 'plandiff-img2pdf-'));
        writeFileSync(join(dir, 'page.png'), png);
        expect(spawnSync('img2pdf', [join(dir, 'page.png'), '-o', join(dir, 'page.pdf')]).status).toBe(0);
        const reference = render(new Uint8Array(readFileSync(join(dir, 'page.pdf'))), 100);
        expect(Buffer.from(render(pageImagePdf(png)!.pdf, 100)).equals(Buffer.from(reference))).toBe(true);
      }
    });

    test('a JPEG with no usable resolution is taken as an A4 page: its longer side over 11.69 in', () => {
      // pdftoppm writes JFIF density 72 dpi whatever it rendered at: a screen default, not a scan's
      const jpeg = pageImage(typed, ['-r', '200', '-jpeg']);
      const wrapped = pageImagePdf(jpeg)!;
      expect(wrapped.info).toMatchObject({ kind: 'jpeg', width: 1654, height: 2339 });
      expect(wrapped.dpi).toBe(200);
      expect(ppmSize(render(wrapped.pdf, wrapped.dpi))).toEqual([1654, 2339]);
    });
  });
});

/** A 40 × 30 RGBA page: white, a black 10 × 10 square at (5, 5), a red one at (20, 5), the bottom rows transparent black. */
function rgbaPage(): Uint8Array {
  const width = 40;
  const rgba = new Uint8Array(width * 30 * 4);
  for (let y = 0; y < 30; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const black = x >= 5 && x < 15 && y >= 5 && y < 15;
      const red = x >= 20 && x < 30 && y >= 5 && y < 15;
      if (y >= 25) rgba.set([0, 0, 0, 0], at);
      else rgba.set(black ? [0, 0, 0, 255] : red ? [220, 30, 30, 255] : [255, 255, 255, 255], at);
    }
  }
  return rgba;
}

describe('a page image the wrapper does not take is decoded for the clean-up', () => {
  /** Grey levels at the black square, the red square, the white paper and the transparent rows. */
  const probe = (pixels: Uint8Array) => [pixels[10 * 40 + 10], pixels[10 * 40 + 25], pixels[20 * 40 + 35], pixels[27 * 40 + 10]];

  test('a TIFF: the red channel as grey (black ink stays, a red stamp turns white), its resolution, one page', async () => {
    const tiff = new Uint8Array(UTIF.encodeImage(rgbaPage(), 40, 30, { t282: [[300, 1]], t283: [[300, 1]], t296: [2] } as never));
    expect(pageImagePdf(tiff)).toBeNull();
    const decoded = (await decodePageImage(tiff))!;
    expect([decoded.kind, decoded.pages, decoded.dpi]).toEqual(['tiff', 1, 300]);
    const page = decoded.page(1);
    expect([page.width, page.height]).toEqual([40, 30]);
    expect(probe(page.pixels)).toEqual([0, 220, 255, 255]);
  });

  test('a PNG with an alpha channel: transparent parts are white paper; a 16-bit grey PNG keeps its levels', async () => {
    const rgba = encodePng({ width: 40, height: 30, data: rgbaPage(), channels: 4, depth: 8 });
    expect(pageImagePdf(rgba)).toBeNull();
    const decoded = (await decodePageImage(rgba))!;
    expect([decoded.kind, decoded.pages]).toEqual(['png', 1]);
    expect(probe(decoded.page(1).pixels)).toEqual([0, 220, 255, 255]);
    const grey16 = encodePng({ width: 2, height: 1, data: new Uint16Array([0, 0x8000]), channels: 1, depth: 16 });
    expect([...(await decodePageImage(grey16))!.page(1).pixels]).toEqual([0, 128]);
  });

  test('what is neither, or does not decode, is left to the engine as it is', async () => {
    expect(await decodePageImage(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
    expect(await decodePageImage(new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBeNull();
  });
});

describe.skipIf(!hasOcr || !hasPil)('a two-page CCITT G4 TIFF through the tesseract engine (needs tesseract-ocr-vie, poppler-utils and python3-pil)', () => {
  test('each page is read after the clean-up (rules and dashes found), page 1 gives the identity printed on it', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-g4-'));
    const tops = pageTops(`${SEED_004}.pdf`, [1, 2], KEEP);
    tops.images.forEach((image, i) => writeFileSync(join(dir, `p${i + 1}.ppm`), ppmBytes(image)));
    // A fax-style scan: bilevel, Group 4, both pages in one file, 200 dpi declared.
    const script = "import sys; from PIL import Image; a, b = (Image.open(f).convert('1') for f in sys.argv[1:3]); a.save(sys.argv[3], compression='group4', save_all=True, append_images=[b], dpi=(200, 200))";
    expect(spawnSync('/usr/bin/python3', ['-c', script, join(dir, 'p1.ppm'), join(dir, 'p2.ppm'), join(dir, 'scan.tif')]).status).toBe(0);
    const tiff = new Uint8Array(readFileSync(join(dir, 'scan.tif')));
    // pages read once: the ingest below gets them from this engine's cache (a folder of this test's own)
    const engine = tesseractEngine({ cacheDir: join(dir, 'ocr-cache') });
    const seen: string[] = [];
    const pages = await engine.recognize({ kind: 'image', bytes: tiff }, (p, done, total) => seen.push(`${p.page}:${done}/${total}`));
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    expect(seen.map((s) => s.split(':')[1])).toEqual(['1/2', '2/2']); // two lanes: either page may finish first
    expect(pages.every((p) => p.rules?.dashes !== undefined && p.width === 1654)).toBe(true);
    const read = await ingest(tiff, 'scan.tif', undefined, { ocr: { engine } });
    expect(read.ocr?.pages.map((p) => p.page)).toEqual([1, 2]);
    const truth = parseDocument(tops.text, { file: null }).meta;
    const meta = parseDocument(read.text, { file: 'scan.tif' }).meta;
    expect([meta.number, meta.symbol, meta.year]).toEqual([truth.number, truth.symbol, truth.year]);
  });
});

describe.skipIf(!hasOcr)('a page image through the tesseract engine (needs tesseract-ocr-vie and poppler-utils)', () => {
  test('a skewed, speckled, stamped JPEG page goes through the page clean-up (rules found) and gives the identity printed on it', { timeout: 120_000 }, async () => {
    // Page 1 of 004 (QĐ 3HH/QĐ-UBND of UBND Khánh Hòa), degraded as a scan, then saved as a JPEG photo of the page.
    const tops = pageTops(`${SEED_004}.pdf`, [1], KEEP);
    const scan = imagePdf(tops.images.map((image) => degrade(image)));
    const jpeg = pageImage(scan, ['-r', '200', '-jpeg']);
    // the page read once: the ingest below gets it from this engine's cache (a folder of this test's own)
    const engine = tesseractEngine({ cacheDir: mkdtempSync(join(tmpdir(), 'plandiff-jpeg-ocr-')) });
    const pages = await engine.recognize({ kind: 'image', bytes: jpeg });
    // Only the clean-up finds rules and dashes: a page image sent to tesseract as it is has none.
    expect(pages[0]!.rules).toBeDefined();
    expect(pages[0]!.rules!.dashes).toBeDefined();
    const read = await ingest(jpeg, 'trang-1.jpg', undefined, { ocr: { engine } });
    expect(read.encoding).toBe('ocr');
    const truth = parseDocument(tops.text, { file: null }).meta;
    const meta = parseDocument(read.text, { file: 'trang-1.jpg' }).meta;
    expect([meta.number, meta.symbol, meta.year]).toEqual([truth.number, truth.symbol, truth.year]);
  });

  test('a folder run reads the page images in it by OCR beside the typed plans; an image with no text on it is skipped, named, exit 3', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-image-folder-'));
    const tops = pageTops(`${SEED_004}.pdf`, [1], 0.12);
    writeFileSync(join(dir, 'trang-1.png'), pageImage(imagePdf(tops.images), ['-r', '200', '-png']));
    writeFileSync(join(dir, 'logo.png'), encodePng({ width: 300, height: 200, data: new Uint8Array(300 * 200 * 3).fill(200), channels: 3 }));
    writeFileSync(join(dir, 'a.txt'), readFileSync(corpusPath(SEEDS.sct2024)));
    const env = { PLANDIFF_CACHE_DIR: mkdtempSync(join(tmpdir(), 'plandiff-image-folder-cache-')), PLANDIFF_THREADS: '1' };
    const r = await runCli(['lineage', dir, '--json', '-q'], { env });
    expect(r.code, r.stderr).toBe(3);
    const graph = JSON.parse(r.stdout) as { nodes: Array<{ file?: string; number: string | null; symbol: string | null; year: number | null }>; skipped: Array<{ file: string; error: string }> };
    const truth = parseDocument(tops.text, { file: null }).meta;
    const page = graph.nodes.find((n) => n.file === 'trang-1.png');
    expect(page && [page.number, page.symbol, page.year]).toEqual([truth.number, truth.symbol, truth.year]);
    expect(graph.nodes.some((n) => n.file === 'a.txt')).toBe(true);
    expect(graph.skipped).toEqual([{ file: 'logo.png', error: expect.stringMatching(/no text that OCR could read/) }]);
    expect(r.stderr).toContain('plandiff: skipped logo.png: ');
    // outline: the page's clauses, the same skip
    const outline = await runCli(['outline', dir, '-q'], { env });
    expect(outline.code).toBe(3);
    expect(outline.stdout).toContain('trang-1.png');
  });
});
