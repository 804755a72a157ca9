import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { IngestError, ingest, ocrText, type OcrEngine, type OcrPage, type OcrRequest, type OcrWord } from '../../src/ingest/index.js';
import { OcrCache } from '../../src/node/ocr-cache.js';
import { parseTsv } from '../../src/ingest/ocr.js';
import { preparePpm } from '../../src/node/ocr.js';
import { findDashes, prepareImage, removeSpecks, rotate, type GreyImage } from '../../src/ingest/ocr-image.js';
import { BIN } from '../binary.js';
import { runCli } from '../cli-run.js';
import { buildPdf } from './writers/pdf.js';

/** Words on one line, laid left to right from `left`, each `text` at a given x (or after the previous one). */
function line(id: string, top: number, words: Array<string | [string, number]>, height = 40): OcrWord[] {
  let x = 200;
  return words.map((w) => {
    const [text, at] = typeof w === 'string' ? [w, x] : w;
    const width = text.length * 20;
    x = at + width + 15;
    return { text, left: at, top, width, height, confidence: 95, line: id };
  });
}

const page = (n: number, words: OcrWord[]): OcrPage => ({ page: n, width: 2480, height: 3508, confidence: 95, words });

/** An engine that returns the pages it is given and records what it was asked. */
function fakeEngine(pages: (request: OcrRequest) => OcrPage[]): OcrEngine & { requests: OcrRequest[] } {
  const requests: OcrRequest[] = [];
  return {
    name: 'fake 1.0 (vie)',
    requests,
    async recognize(request, onPage) {
      requests.push(request);
      const out = pages(request);
      out.forEach((p, i) => onPage?.(p, i + 1, out.length));
      return out;
    },
  };
}

describe('OCR words → text', () => {
  // The header block of 01/2025/QĐ-TTg as tesseract reads it (scan-10 of the real files): both
  // columns on one line, the number line, then the title and the body.
  const header = page(1, [
    ...line('1.1.1', 200, ['THỦ', 'TƯỚNG', 'CHÍNH', 'PHỦ', 'CỘNG', 'HÒA', 'XÃ', 'HỘI', 'CHỦ', 'NGHĨA', 'VIỆT', 'NAM']),
    ...line('1.1.2', 260, ['Số:', '01/2025/QĐ-TTg', ['Hà', 1254], 'Nội,', 'ngày', '03', 'tháng', '01', 'năm', '2025']),
    ...line('2.1.1', 400, ['QUYẾT', 'ĐỊNH']),
    ...line('3.1.1', 500, ['Căn', 'cứ', 'Luật', 'Tổ', 'chức', 'Chính', 'phủ', 'ngày', '19', 'tháng', '6', 'năm']),
    ...line('3.1.2', 560, ['2015;']),
    ...line('9.1.1', 3380, ['2']),
  ]);

  test('keeps lines, a blank line after a line that stops short of the margin or before extra spacing, and drops the page number at the foot', () => {
    // Paragraphs come from the geometry, not the engine's paragraphs: the motto line stops short of
    // the number line's right edge, and "2015;" would have fitted on the line before it.
    expect(ocrText([header])).toBe(
      'THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 01/2025/QĐ-TTg Hà Nội, ngày 03 tháng 01 năm 2025\n\nQUYẾT ĐỊNH\n\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm\n\n2015;\n',
    );
  });

  test('the header is read by the same reading as any text: number, symbol, year, date', async () => {
    const { parseDocument } = await import('../../src/read/parse.js');
    const meta = parseDocument(ocrText([header]), { file: 'scan.pdf' }).meta;
    expect([meta.type, meta.number, meta.symbol, meta.year, meta.date]).toEqual(['Quyết định', '01', 'QĐ-TTg', 2025, '2025-01-03']);
  });

  test('a table row (three cells or more apart) gets tabs; frame rules read as "|" are dropped', () => {
    const row = page(1, [...line('1.1.1', 900, ['|', '2.', '|', ['Tỷ', 400], 'lệ', 'hồ', 'sơ', '|', ['Sở', 1300], 'Nội', 'vụ', ['Tối', 1900], 'thiểu', '50%', '|'])]);
    expect(ocrText([row])).toBe('2.\tTỷ lệ hồ sơ\tSở Nội vụ\tTối thiểu 50%\n');
  });

  test('a list bullet the engine is unsure of stays; dust read as "_" before a word and low-confidence specks go', () => {
    const words = [...line('1.1.1', 300, ['-', 'Nâng', 'cao', 'chất', 'lượng', 'ø']), ...line('1.1.2', 360, ['_dụng', 'các', 'hệ', 'thống'])];
    words[0]!.confidence = 30;
    words[5]!.confidence = 20;
    expect(ocrText([page(1, words)])).toBe('- Nâng cao chất lượng\ndụng các hệ thống\n');
  });

  test('"Sô:" and "Luật sô:" on the number line read as "Số:" (tone mark misread, scan-03)', () => {
    const misread = page(1, [...line('1.1.1', 300, ['Luật', 'sô:', '68/2020/QH14']), ...line('2.1.1', 400, ['Sô:', '12/KH-UBND'])]);
    expect(ocrText([misread])).toBe('Luật số: 68/2020/QH14\nSố: 12/KH-UBND\n');
  });
});

describe('Roman section headings as OCR misreads them', () => {
  // 2021–2025 Sở Công Thương Gia Lai as a synthetic scan: bold "I." read as "IL.", "IV." as "1V."
  // behind "##t", the heading at the end of the engine's paragraph.
  test('a heading label that is not the next numeral but looks like one gets the next numeral; a real one is kept', () => {
    const pages = [
      page(1, [
        ...line('1.1.1', 300, ['Sở', 'Công', 'Thương', 'xây', 'dựng', 'Kế', 'hoạch']),
        ...line('1.1.2', 360, ['IL.', 'MỤC', 'TIÊU:']),
        ...line('2.1.1', 500, ['II.', 'NHIỆM', 'VỤ', 'CỤ', 'THỂ']),
        ...line('3.1.1', 600, ['III.', 'GIẢI', 'PHÁP']),
        ...line('4.1.1', 700, ['##t', '1V.', 'PHÂN', 'CÔNG', 'TRIỂN', 'KHAI']),
        ...line('5.1.1', 800, ['1.', 'Mục', 'tiêu', 'chung']),
        ...line('6.1.1', 900, ['1.', 'CHỈ', 'TIÊU', 'CHUNG']),
      ]),
    ];
    expect(ocrText(pages)).toBe('Sở Công Thương xây dựng Kế hoạch\n\nI. MỤC TIÊU:\n\nII. NHIỆM VỤ CỤ THỂ\n\nIII. GIẢI PHÁP\n\nIV. PHÂN CÔNG TRIỂN KHAI\n\n1. Mục tiêu chung\n\n1. CHỈ TIÊU CHUNG\n');
  });
});

describe('tesseract output', () => {
  test('TSV rows become words with their line, and the page confidence weighs words by length', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
      '4\t1\t1\t1\t1\t0\t100\t200\t500\t40\t-1\t',
      '5\t1\t1\t1\t1\t1\t100\t200\t80\t40\t90\tSố:',
      '5\t1\t1\t1\t1\t2\t200\t200\t300\t40\t60\t01/2025/QĐ-TTg',
      '5\t1\t1\t1\t1\t3\t600\t200\t10\t40\t95\t ',
    ].join('\n');
    const parsed = parseTsv(tsv, 3);
    expect(parsed.page).toBe(3);
    expect([parsed.width, parsed.height]).toEqual([2480, 3508]);
    expect(parsed.words.map((w) => `${w.text}@${w.line}`)).toEqual(['Số:@1.1.1', '01/2025/QĐ-TTg@1.1.1']);
    expect(parsed.confidence).toBeCloseTo((90 * 3 + 60 * 14) / 17, 5);
  });

  test('the red channel of a page image turns a red stamp white, keeps black ink and removes a lone speck', () => {
    // 24 × 8: a black 5 × 5 blot (ink), a red 5 × 5 blot (stamp), one black pixel (dust).
    const width = 24;
    const height = 8;
    const rgb = new Uint8Array(width * height * 3).fill(255);
    const paint = (x0: number, size: number, [r, g, b]: number[]) => {
      for (let y = 1; y < 1 + size; y++) for (let x = x0; x < x0 + size; x++) rgb.set([r!, g!, b!], (y * width + x) * 3);
    };
    paint(1, 5, [0, 0, 0]);
    paint(9, 5, [220, 30, 30]);
    paint(18, 1, [0, 0, 0]);
    const { pgm: image } = preparePpm(new Uint8Array([...new TextEncoder().encode(`P6\n${width} ${height}\n255\n`), ...rgb]), 300);
    const head = `P5\n${width} ${height}\n255\n`;
    expect(new TextDecoder().decode(image.subarray(0, head.length))).toBe(head);
    const grey = image.subarray(head.length);
    expect([grey[2 * width + 3], grey[2 * width + 11], grey[1 * width + 18]]).toEqual([0, 220, 255]);
  });
});

describe('page clean-up', () => {
  /** A 600 × 400 page at 300 dpi: two list dashes, a word-sized blot, a table rule, specks of dust; turned by `degrees`. */
  function page300(degrees: number): GreyImage {
    const width = 600;
    const height = 400;
    const pixels = new Uint8Array(width * height).fill(255);
    const box = (x0: number, y0: number, w: number, h: number) => {
      for (let y = y0; y < y0 + h; y++) pixels.fill(0, y * width + x0, y * width + x0 + w);
    };
    box(40, 60, 30, 5); // "–" before a list item
    box(40, 160, 30, 5);
    box(90, 50, 120, 40); // a word
    box(20, 300, 560, 3); // a table rule
    for (const [x, y] of [[300, 120], [420, 200], [500, 30]] as const) box(x, y, 2, 2); // dust
    const image = { width, height, pixels };
    return degrees === 0 ? image : rotate(image, -degrees);
  }
  const copy = (image: GreyImage): GreyImage => ({ ...image, pixels: image.pixels.slice() });
  const boxes = (dashes: Array<{ left: number; top: number; width: number; height: number }> | undefined) => (dashes ?? []).map((d) => `${d.left},${d.top} ${d.width}×${d.height}`);

  test('a straight page is walked once: its dashes and specks are what a walk for each finds', () => {
    const image = page300(0);
    const apart = copy(image);
    removeSpecks(apart, 6);
    const prepared = prepareImage(copy(image), 300);
    expect(prepared.skewDegrees).toBe(0);
    expect(boxes(prepared.rules.dashes)).toEqual(['40,60 30×5', '40,160 30×5']);
    expect(boxes(prepared.rules.dashes)).toEqual(boxes(findDashes(apart, 300)));
    for (let y = 300; y < 303; y++) apart.pixels.fill(255, y * 600 + 20, y * 600 + 580); // and the table rule whitened for tesseract
    expect(Buffer.from(prepared.image.pixels).equals(Buffer.from(apart.pixels))).toBe(true);
    expect(prepared.image.pixels[120 * 600 + 300]).toBe(255); // the dust is gone
  });

  test('a bullet dash smeared over a fifth row by the turning (13 × 5 pixels) is a dash; a blot twice as wide as high is not', () => {
    const image = { width: 200, height: 100, pixels: new Uint8Array(200 * 100).fill(255) };
    const box = (x0: number, y0: number, w: number, h: number) => {
      for (let y = y0; y < y0 + h; y++) image.pixels.fill(0, y * 200 + x0, y * 200 + x0 + w);
    };
    box(20, 20, 13, 5);
    box(20, 60, 14, 7);
    expect(boxes(findDashes(image, 300))).toEqual(['20,20 13×5']);
  });

  test('a turned page is straightened first, and its dashes are found on the straightened image', () => {
    const prepared = prepareImage(page300(1.5), 300);
    expect(prepared.skewDegrees).not.toBe(0);
    expect(boxes(prepared.rules.dashes)).toEqual(boxes(findDashes(copy(prepared.image), 300)));
    expect(prepared.rules.dashes).toHaveLength(2);
    expect(prepared.rules.horizontal).toHaveLength(1);
  });
});

describe('scans through ingest', () => {
  const scan = buildPdf([{ image: true }, { image: true }]);
  const words = (request: OcrRequest) =>
    (request.kind === 'pdf' ? request.pages : [1]).map((n) => page(n, line('1.1.1', 300, ['Trang', String(n), 'Số:', `${n}/KH-UBND`])));

  test('a PDF of page images is read by the engine: encoding "ocr", the engine and its confidence per page', async () => {
    const engine = fakeEngine(words);
    const seen: string[] = [];
    const result = await ingest(scan, 'scan.pdf', undefined, { ocr: { engine, onPage: (p, done, total) => seen.push(`${p.page}:${done}/${total}`) } });
    expect(result.encoding).toBe('ocr');
    expect(result.text).toBe('Trang 1 Số: 1/KH-UBND\n\nTrang 2 Số: 2/KH-UBND\n');
    expect(result.ocr).toEqual({ engine: 'fake 1.0 (vie)', pages: [{ page: 1, confidence: 95 }, { page: 2, confidence: 95 }] });
    expect(seen).toEqual(['1:1/2', '2:2/2']);
  });

  test('--ocr off, or no engine, refuses a scan in one line saying it needs OCR', async () => {
    const engine = fakeEngine(words);
    await expect(ingest(scan, 'scan.pdf', undefined, { ocr: { engine, mode: 'off' } })).rejects.toThrow(/^is a scan \(no text layer\) and needs OCR/);
    await expect(ingest(scan, 'scan.pdf')).rejects.toThrow(IngestError);
    expect(engine.requests).toHaveLength(0);
  });

  test('--ocr force reads a PDF with a text layer by OCR too; auto leaves it to its text layer', async () => {
    const typed = buildPdf([{ lines: ['KE HOACH so 12/KH-UBND'] }]);
    const engine = fakeEngine(words);
    expect((await ingest(typed, 'typed.pdf', undefined, { ocr: { engine } })).encoding).toBe('utf-8');
    const forced = await ingest(typed, 'typed.pdf', undefined, { ocr: { engine, mode: 'force' } });
    expect(forced.encoding).toBe('ocr');
    expect(engine.requests).toEqual([expect.objectContaining({ kind: 'pdf', pages: [1] })]);
  });

  test('a PNG page image goes to the engine as an image; without OCR it is refused, naming what it is', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const engine = fakeEngine(words);
    const result = await ingest(png, 'trang-1.png', undefined, { ocr: { engine } });
    expect(result.format).toBe('image');
    expect(engine.requests[0]!.kind).toBe('image');
    await expect(ingest(png, 'trang-1.png', undefined, { ocr: { mode: 'off' } })).rejects.toThrow('is a PNG image named .png: a page image needs OCR, which is off (--ocr off)');
  });

  test('maxPages reads the first pages only and says so', async () => {
    const engine = fakeEngine(words);
    const result = await ingest(scan, 'scan.pdf', undefined, { ocr: { engine, maxPages: 1 } });
    expect(result.ocr?.pages.map((p) => p.page)).toEqual([1]);
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'ocr-pages-skipped', message: 'OCR read the first 1 of 2 pages only.' }));
  });
});

describe('the OCR cache', () => {
  test('a page written is read back; a corrupt entry is ignored and rewritten', async () => {
    const cache = new OcrCache(mkdtempSync(join(tmpdir(), 'plandiff-ocr-cache-')));
    const entry = page(2, line('1.1.1', 300, ['Số:', '12/KH-UBND']));
    expect(await cache.get('abc', 2, 's')).toBeNull();
    await cache.put('abc', 2, 's', entry);
    expect(await cache.get('abc', 2, 's')).toEqual(entry);
    expect(await cache.get('abc', 2, 'other settings')).toBeNull();
    const file = cache.pathOf('abc', 2, 's');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));
    expect(await cache.get('abc', 2, 's')).toBeNull();
    await cache.put('abc', 2, 's', entry);
    expect(await cache.get('abc', 2, 's')).toEqual(entry);
    expect(readdirSync(join(file, '..')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

const hasTesseract = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.includes('vie') === true && !spawnSync('pdftoppm', ['-v']).error;

describe.skipIf(!hasTesseract)('OCR through the built binary (needs tesseract-ocr, tesseract-ocr-vie and poppler-utils)', () => {
  test('a time limit that runs out ends in one line saying how far OCR got, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-ocr-limit-'));
    const file = join(dir, 'scan.pdf');
    writeFileSync(file, buildPdf([{ image: true }, { image: true }, { image: true }]));
    const r = spawnSync(process.execPath, [BIN, 'parse', file, '--ocr-timeout', '0.001'], { encoding: 'utf8', env: { ...process.env, PLANDIFF_CACHE_DIR: dir } });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^plandiff: .*scan\.pdf: OCR took longer than 0.001 s \(\d of 3 pages read in \d+ s\); stopped — raise --ocr-timeout or read fewer pages$/);
  });
});

describe.skipIf(!hasTesseract)('OCR progress of plandiff parse (needs tesseract-ocr, tesseract-ocr-vie and poppler-utils)', () => {
  test('a scan of three pages prints a line per page on stderr, and none with --quiet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-ocr-progress-'));
    const file = join(dir, 'scan.pdf');
    writeFileSync(file, buildPdf([{ image: true }, { image: true }, { image: true }]));
    const loud = await runCli(['parse', file, '--no-cache']);
    expect(loud.stderr.split('\n').filter((l) => l.includes('OCR page'))).toEqual([1, 2, 3].map((n) => `plandiff: ${file}: OCR page ${n} of 3`));
    const quiet = await runCli(['parse', file, '--no-cache', '--quiet']);
    expect(quiet.stderr).not.toContain('OCR page');
    expect(quiet.stdout).toBe(loud.stdout);
  });
});

describe('OCR options of plandiff parse (the command line in this process)', () => {
  test('a bad --ocr value is an error naming it', async () => {
    const r = await runCli(['parse', 'x.pdf', '--ocr', 'sometimes']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--ocr <mode>' argument 'sometimes' is invalid/);
  });
});
