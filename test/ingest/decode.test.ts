import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeText } from '../../src/ingest/decode.js';
import { IngestError } from '../../src/ingest/errors.js';
import { isVietnameseSyllable, scoreVietnamese } from '../../src/ingest/plausibility.js';
import { TCVN3_HIGH, decodeTcvn3 } from '../../src/ingest/tcvn3.js';
import { decodeVni, encodeVni } from '../../src/ingest/vni.js';
import { encodeWindows1258 } from './writers/legacy.js';

const SEEDS = {
  '000 Sở Công Thương Khánh Hòa 2024': 'corpus/khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt',
  '001 Sở Công Thương Bắc Giang 2023': 'corpus/bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt',
  '002 Sở Công Thương Gia Lai 2021-2025': 'corpus/gia-lai/2021-2025-so-cong-thuong-cai-cach-hanh-chinh.txt',
  '003 Sở GDĐT Khánh Hòa 2024': 'corpus/khanh-hoa/2024-so-gddt-cai-cach-tthc.txt',
  '004 UBND Khánh Hòa 2025': 'corpus/khanh-hoa/2025-ubnd-cai-cach-tthc.txt',
};
const seedRows = Object.entries(SEEDS).map(([name, path]) => ({ name, path }));
// Paths are relative to the repository, whatever the working directory.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
/** The seed text as a legacy font could carry it: typographic quotes, dashes and superscripts in ASCII. */
const asLegacy = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/[^\x00-\x7f\p{Script=Latin}]/gu, '?');
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as IngestError;
  }
  throw new Error('expected an IngestError');
};

describe('UTF-8 and UTF-16', () => {
  test.each(seedRows)('returns $name byte for byte as a plain UTF-8 read', ({ path }) => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, path)));
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(read(path));
  });

  test('removes a BOM and reports utf-8-bom, keeping CRLF as is (004 UBND Khánh Hòa 2025)', () => {
    const text = read(SEEDS['004 UBND Khánh Hòa 2025']).replace(/\n/g, '\r\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(decoded.text).toBe(text);
  });

  test('does not normalise NFD text: offsets stay on the bytes as read (001 Bắc Giang, NFD twin)', () => {
    const nfd = read(SEEDS['001 Sở Công Thương Bắc Giang 2023']).normalize('NFD');
    expect(decodeText(new TextEncoder().encode(nfd)).text).toBe(nfd);
  });

  test.each([
    ['utf-16le', true],
    ['utf-16le', false],
    ['utf-16be', true],
    ['utf-16be', false],
  ] as const)('reads %s (BOM: %s) of 003 Sở GDĐT Khánh Hòa 2024', (encoding, bom) => {
    const text = read(SEEDS['003 Sở GDĐT Khánh Hòa 2024']);
    const body = iconv.encode(text, encoding === 'utf-16le' ? 'utf16le' : 'utf16be');
    const mark = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
    const decoded = decodeText(new Uint8Array([...(bom ? mark : []), ...body]));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(text);
  });
});

describe('legacy Vietnamese encodings', () => {
  test('the TCVN3 table agrees with iconv-lite on every byte', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const ours = decodeTcvn3(all.subarray(0x80));
    expect(ours).toBe(iconv.decode(Buffer.from(all.subarray(0x80)), 'tcvn').normalize('NFC'));
    expect(TCVN3_HIGH[0xad - 0x80]).toBe('ư'); // the soft-hyphen byte carries "ư"
  });

  test.each(seedRows)('detects TCVN3 and converts $name back to the Unicode text', ({ path }) => {
    const text = asLegacy(read(path));
    const decoded = decodeText(new Uint8Array(iconv.encode(text, 'tcvn')));
    expect(decoded.encoding).toBe('tcvn3');
    expect(decoded.text).toBe(text);
  });

  test.each(seedRows)('detects VNI and converts $name back to the Unicode text', ({ path }) => {
    const text = asLegacy(read(path));
    const decoded = decodeText(encodeVni(text));
    expect(decoded.encoding).toBe('vni');
    expect(decoded.text).toBe(text);
  });

  test.each(seedRows)('detects Windows-1258 (combining tones) and returns $name in NFC', ({ path }) => {
    const text = asLegacy(read(path));
    const decoded = decodeText(encodeWindows1258(text));
    expect(decoded.encoding).toBe('windows-1258');
    expect(decoded.text).toBe(text);
    expect(decoded.warnings.map((w) => w.code)).toEqual(['legacy-encoding']);
  });

  test.each([
    ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC', 'ĐỘC LẬP - TỰ DO - HẠNH PHÚC'],
    ['ngöôøi daân, doanh nghieäp', 'người dân, doanh nghiệp'],
  ])('decodes the VNI string %s (004 header and body wording)', (vni, unicode) => {
    expect(decodeVni(Uint8Array.from(vni, (c) => c.charCodeAt(0)))).toBe(unicode);
  });

  test('reads a file of UTF-8 lines with TCVN3 lines pasted in, and warns (004 UBND Khánh Hòa 2025)', () => {
    const lines = asLegacy(read(SEEDS['004 UBND Khánh Hòa 2025'])).split('\n');
    const mixed = lines.map((l, i) => (i % 7 === 3 ? iconv.encode(`${l}\n`, 'tcvn') : Buffer.from(`${l}\n`, 'utf8')));
    const decoded = decodeText(new Uint8Array(Buffer.concat(mixed)));
    expect(decoded.encoding).toBe('utf-8+tcvn3');
    expect(decoded.warnings[0]?.code).toBe('mixed-encoding');
    expect(decoded.text).toBe(lines.map((l) => `${l}\n`).join(''));
  });
});

describe('plausibility', () => {
  test.each([
    ['Quyết', true],
    ['NGHIỆP', true],
    ['người', true],
    ['định', true],
    ['Vieät', false], // VNI read as Latin
    ['Quy¸t', false], // TCVN3 read as Windows-1258
    ['hoàá', false], // two tones
  ])('isVietnameseSyllable(%s) is %s', (word, expected) => {
    expect(isVietnameseSyllable(word)).toBe(expected);
  });

  test('scores the real text of 000 Sở Công Thương Khánh Hòa 2024 near 1', () => {
    expect(scoreVietnamese(read(SEEDS['000 Sở Công Thương Khánh Hòa 2024'])).score).toBeGreaterThan(0.97);
  });
});

describe('refusals', () => {
  test.each([
    ['0 bytes', new Uint8Array(), 'empty'],
    ['only whitespace', new TextEncoder().encode(' \r\n\t\n  '), 'empty'],
    ['a NUL byte', new Uint8Array([0x4b, 0x48, 0x00, 0x31]), 'binary'],
    ['control bytes throughout', Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)), 'binary'],
    ['German Latin-1, not Vietnamese', Uint8Array.from('Größe und Übermaß für Bürger', (c) => c.charCodeAt(0)), 'encoding'],
  ])('refuses %s with a one-line IngestError', (_name, bytes, code) => {
    const err = errorOf(() => decodeText(bytes));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.code).toBe(code);
    expect(err.message).not.toContain('\n');
  });
});

describe('garbage', () => {
  test('random bytes give a decoded text or an IngestError, never another exception', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let i = 0; i < 300; i++) {
      const bytes = Uint8Array.from({ length: 1 + (rand() % 200) }, rand);
      try {
        expect(typeof decodeText(bytes).text).toBe('string');
      } catch (e) {
        expect(e).toBeInstanceOf(IngestError);
      }
    }
  });
});
