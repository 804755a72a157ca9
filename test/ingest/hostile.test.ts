import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS, Deadline as IngestDeadline, IngestError, ingest, type IngestLimits } from '../../src/ingest/index.js';
import { fixtureBytes } from './seed-fixtures.js';
import { extractTargets } from '../../src/extract/targets.js';
import { parseDocument } from '../../src/read/parse.js';
import { Deadline, TimeLimitError } from '../../src/text/deadline.js';
import { buildDocx, paragraph, table } from './writers/docx.js';
import { runCli } from '../cli-run.js';
import { deepContentControls, footnoteBomb, hostileFile, lyingSizes, mergedCellBomb, nestedRowspanHtml, shortLines } from './writers/hostile.js';

const failure = async (bytes: Uint8Array, name: string, limits?: IngestLimits) => {
  try {
    await ingest(bytes, name, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error('expected an IngestError');
};

const SMALL: IngestLimits = { ...DEFAULT_LIMITS, maxUncompressedBytes: 1024 * 1024 };

/** Sets the uncompressed size of every central-directory entry of a zip to `size` (a lying header). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

describe('zip containers', () => {
  test('a zip bomb (5 MB of XML packed into a few KB) stops at the unpacked-size limit', async () => {
    const filler = `<w:p><w:r><w:t>${'Tỷ lệ hồ sơ trực tuyến '.repeat(40)}</w:t></w:r></w:p>`.repeat(3000);
    const err = await failure(buildDocx({ body: filler }), 'bomb.docx', SMALL);
    expect(err.code).toBe('limits');
    expect(err.message).toMatch(/^unpacks to more than 1\.0 MB .*zip bomb\?$/);
  });

  test('a zip whose headers claim 4 GB is refused before anything is inflated', async () => {
    const err = await failure(lieAboutSizes(buildDocx({ body: paragraph('Kế hoạch') }), 0xfffffff0), 'huge.docx');
    expect(err.code).toBe('limits');
  });

  test('a zip whose headers claim too few bytes cannot grow past them', async () => {
    const err = await failure(lieAboutSizes(buildDocx({ body: paragraph('Kế hoạch cải cách hành chính') }), 40), 'small.docx');
    expect(['corrupt', 'empty']).toContain(err.code);
  });

  test.each([
    ['a truncated .docx', () => fixtureBytes('bac-giang-2023-so-cong-thuong-kiem-soat-tthc.docx').subarray(0, 3000), 'corrupt'],
    ['zip magic followed by junk', () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 500 }, (_, i) => (i * 37) & 0xff)]), 'corrupt'],
    ['an .odt package', () => zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>') }), 'unsupported'],
    ['an .xlsx workbook', () => zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), 'unsupported'],
    ['a document.xml with a DTD (entity expansion)', () => buildDocx({ body: '', parts: { 'word/document.xml': '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document xmlns:w="x"><w:body/></w:document>' } }), 'corrupt'],
    ['broken XML in document.xml', () => buildDocx({ body: '', parts: { 'word/document.xml': '<w:document xmlns:w="x"><w:body><w:p>' } }), 'corrupt'],
    ['a .docx with only empty paragraphs and a picture', () => buildDocx({ body: '<w:p/><w:p><w:r><w:drawing/></w:r></w:p>' }), 'empty'],
  ])('%s is a clear IngestError', async (_name, make, code) => {
    const err = await failure(make(), 'ke-hoach.docx');
    expect(err.code).toBe(code);
    expect(err.message).not.toContain('\n');
  });

  test('tables nested 300 deep are read (innermost text kept) within a bounded time, with a warning', { timeout: 15000 }, async () => {
    let inner = table({ rows: [['Tỷ lệ thanh toán trực tuyến', '60']] });
    for (let i = 0; i < 300; i++) inner = table({ rows: [['1.', `${inner}<w:p/>`]] });
    const result = await ingest(buildDocx({ body: inner }), 'nested.docx');
    expect(result.text).toContain('Tỷ lệ thanh toán trực tuyến');
    expect(result.warnings.map((w) => w.code)).toContain('docx-deep-nesting');
  });
});

describe('files that are not what their name says', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  test.each([
    ['an image renamed .pdf', png, 'ke-hoach.pdf', 'unsupported', 'is a PNG image named .pdf: a page image needs OCR, which is not available here'],
    ['a legacy .doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(64).fill(0)]), 'ke-hoach.doc', 'unsupported', expect.stringMatching(/^is a legacy Word \.doc\b.*\.docx\)?$/)],
    ['a password-protected .docx (an OLE EncryptedPackage)', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...[...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0])]), 'ke-hoach.docx', 'encrypted', 'is a password-protected Office document; remove the password in Word and save again'],
    ['text named .pdf', new TextEncoder().encode('KẾ HOẠCH cải cách hành chính'), 'ke-hoach.pdf', 'corrupt', 'is not a PDF (no %PDF header in the first KB)'],
    ['an empty file', new Uint8Array(), 'ke-hoach.txt', 'empty', 'is empty (0 bytes)'],
  ])('%s is refused with one line', async (_name, bytes, name, code, message) => {
    const err = await failure(bytes, name);
    expect({ code: err.code, message: err.message }).toEqual({ code, message });
  });

  test('a .docx named .pdf is read as a .docx, with a warning', async () => {
    const result = await ingest(fixtureBytes('bac-giang-2023-so-cong-thuong-kiem-soat-tthc.docx'), 'ke-hoach.pdf');
    expect(result.format).toBe('docx');
    expect(result.warnings[0]).toMatchObject({ code: 'format-mismatch' });
  });

  test('a file over the size limit is refused before it is read', async () => {
    const err = await failure(new Uint8Array(2048), 'big.txt', { ...DEFAULT_LIMITS, maxBytes: 1024 });
    expect(err).toMatchObject({ code: 'too-large', message: 'is 2 KB, more than the 1 KB limit' });
  });

  test('the time limit stops a slow read with a "limits" error', async () => {
    const err = await failure(fixtureBytes('gia-lai-2021-2025-so-cong-thuong-cai-cach-hanh-chinh.pdf'), 'slow.pdf', { ...DEFAULT_LIMITS, timeMs: 0 });
    expect(err.code).toBe('limits');
  });
});

describe('fuzz: every reader on mutated bytes', () => {
  /** Deterministic mutations: flipped bytes, a cut, a duplicated slice. */
  function* mutations(source: Uint8Array, count: number, seed: number): Generator<Uint8Array> {
    let state = seed;
    const rand = (n: number) => ((state = (state * 1664525 + 1013904223) >>> 0) % Math.max(n, 1));
    for (let i = 0; i < count; i++) {
      const bytes = source.slice();
      const kind = i % 3;
      if (kind === 0) for (let k = 0; k < 1 + rand(20); k++) bytes[rand(bytes.length)] = rand(256);
      if (kind === 1) yield bytes.subarray(0, rand(bytes.length));
      else if (kind === 2) {
        const at = rand(bytes.length);
        const len = rand(400);
        const out = new Uint8Array(bytes.length + len);
        out.set(bytes.subarray(0, at));
        out.set(bytes.subarray(at, at + len), at);
        out.set(bytes.subarray(at), at + Math.min(len, bytes.length - at));
        yield out;
      } else yield bytes;
    }
  }

  const sources: Array<[string, string, Uint8Array, number]> = [
    ['.txt (002 Gia Lai)', 'plan.txt', new Uint8Array(readFileSync('corpus/gia-lai/2021-2025-so-cong-thuong-cai-cach-hanh-chinh.txt')), 60],
    ['.html', 'plan.html', new TextEncoder().encode('<html><body><p>Điều 1.</p><table><tr><td>1.</td><td>Tỷ lệ</td><td>80%</td></tr></table><ul><li>a</li></ul></body></html>'), 60],
    ['.docx (001 Bắc Giang)', 'plan.docx', fixtureBytes('bac-giang-2023-so-cong-thuong-kiem-soat-tthc.docx'), 60],
    ['.pdf (003 GDĐT)', 'plan.pdf', fixtureBytes('khanh-hoa-2024-so-gddt-cai-cach-tthc.pdf'), 12],
  ];

  test.each(sources)('mutated %s gives a result or an IngestError, nothing else', async (_name, file, source, count) => {
    let results = 0;
    let errors = 0;
    for (const bytes of mutations(source, count, source.length)) {
      try {
        const r = await ingest(bytes, file, { ...DEFAULT_LIMITS, timeMs: 5000 });
        expect(typeof r.text).toBe('string');
        results += 1;
      } catch (e) {
        if (!(e instanceof IngestError)) throw e;
        expect(e.message).not.toContain('\n');
        errors += 1;
      }
    }
    expect(results + errors).toBe(count);
  });
});

describe('hostile files through plandiff parse: one line on stderr, or a bounded best-effort result', () => {
  /** `plandiff parse FILE --json`, the command line run in this process. */
  const parse = (path: string) => runCli(['parse', path, '--json']);
  const oneLine = (stderr: string, path: string) => {
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path);
    expect(stderr).not.toMatch(/\n\s+at |FATAL|heap out of memory|RangeError/);
  };

  test.each([
    ['a merged cell (4 KB) continued over 20,000 rows', 'merged.docx', mergedCellBomb, /expands to more than 20\.0 MB of text/],
    ['tables nested 30 deep, each a rowspan over 8 rows', 'rowspan.html', nestedRowspanHtml, /expands to more than 20\.0 MB of text/],
    ['a table row inside 50,000 nested content controls', 'deep.docx', deepContentControls, /nests XML elements more than 2000 deep/],
    ['a zip whose headers claim 1 KB for 16 MB of XML', 'lying.docx', lyingSizes, /unpacks to more than the 1 KB its header declares/],
  ])('%s is refused with one line naming the file', { timeout: 60_000 }, async (_what, name, make, message) => {
    const path = hostileFile(name, make);
    const r = await parse(path);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    oneLine(r.stderr, path);
    expect(r.stderr).toMatch(message);
  });

  test('a footnote referenced 20,000 times is read once: one note, one label, the text kept', { timeout: 60_000 }, async () => {
    const r = await parse(hostileFile('footnotes.docx', footnoteBomb));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { footnotes: Array<{ label?: string; text: string }> };
    expect(doc.footnotes.map((f) => f.label)).toEqual(['¹']);
    expect(doc.footnotes[0]!.text).toMatch(/^Công văn số 9867\/UBND-KSTT/);
  });

  test('40,000 short lines (80 KB) parse well within the time limit', { timeout: 20_000 }, async () => {
    const r = await parse(hostileFile('lines.txt', shortLines));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('the parse deadline', () => {
  test('a spent budget stops the parse inside the paragraph stage with a one-line TimeLimitError', () => {
    const spent = new Deadline(-1);
    const run = () => parseDocument(new TextDecoder().decode(shortLines(2000)), { file: 'ke-hoach.txt', deadline: spent });
    expect(run).toThrow(TimeLimitError);
    // the first check is while the text is split into lines: a million short lines cost seconds there alone
    expect(run).toThrow(/^took longer than -1 ms while splitting lines; stopped$/);
  });

  test('one deadline can be shared by ingest and parse: spent, it stops either with the same "limits" IngestError', async () => {
    const spent = new IngestDeadline(-1);
    const docx = buildDocx({ body: paragraph('Kế hoạch cải cách hành chính') });
    await expect(ingest(docx, 'ke-hoach.docx', DEFAULT_LIMITS, { deadline: spent })).rejects.toMatchObject({ code: 'limits', message: 'took longer than -1 ms while unzipping the .docx; stopped' });
    expect(() => parseDocument('1. Tỷ lệ hồ sơ trực tuyến đạt 80%.\n', { deadline: spent })).toThrow(IngestError);
  });

  test('the targets stage checks it too, outside its per-passage error guard', () => {
    const passages = parseDocument('1. Tỷ lệ hồ sơ trực tuyến đạt 80%.\n').clauses.map((c) => ({ clauseId: c.id, zone: c.zone, role: c.kind, text: c.text, offsets: new Int32Array(c.text.length + 1), headings: [] }));
    expect(() => extractTargets(passages, { year: 2025, fold: (t) => t, deadline: new Deadline(-1) })).toThrow(TimeLimitError);
  });
});
