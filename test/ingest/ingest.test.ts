import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS, ingest, sniffFormat } from '../../src/ingest/index.js';

const SEED_TEXTS = [
  ['000 Sở Công Thương Khánh Hòa 2024', 'corpus/khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt'],
  ['001 Sở Công Thương Bắc Giang 2023', 'corpus/bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt'],
  ['002 Sở Công Thương Gia Lai 2021-2025', 'corpus/gia-lai/2021-2025-so-cong-thuong-cai-cach-hanh-chinh.txt'],
  ['003 Sở GDĐT Khánh Hòa 2024', 'corpus/khanh-hoa/2024-so-gddt-cai-cach-tthc.txt'],
  ['004 UBND Khánh Hòa 2025', 'corpus/khanh-hoa/2025-ubnd-cai-cach-tthc.txt'],
] as const;
// Paths are relative to the repository, whatever the working directory.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOLDOUT = join(ROOT, '..', 'shared', 'holdout', 'daklak-ubnd-2025-012-ct.txt');
const TEXTS: Array<readonly [string, string]> = [
  ...SEED_TEXTS.map(([name, rel]) => [name, join(ROOT, rel)] as const),
  // held-out, when ../shared sits beside the repository
  ...(existsSync(HOLDOUT) ? [['holdout: Đắk Lắk chỉ thị 012/CT-UBND (thuvienphapluat markdown)', HOLDOUT] as const] : []),
];

describe('ingest() on text files', () => {
  test.each(TEXTS)('%s comes through exactly as a plain UTF-8 read', async (_name, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    const result = await ingest(bytes, path);
    expect(result).toMatchObject({ format: 'txt', encoding: 'utf-8', warnings: [] });
    expect(result.text).toBe(readFileSync(path, 'utf8'));
  });

  test('a .md name gives format md, the text untouched', async () => {
    const text = '**I. MỤC TIÊU**\n\n**1. Mục tiêu chung**\n';
    expect(await ingest(new TextEncoder().encode(text), 'ke-hoach.md')).toMatchObject({ format: 'md', text });
  });

  test('a .txt that holds inline <b> tags stays text for the normaliser (not HTML)', async () => {
    const text = '<b>Điều 1.</b> Ban hành kèm theo Quyết định này Kế hoạch.\n';
    expect(await ingest(new TextEncoder().encode(text), 'ke-hoach.txt')).toMatchObject({ format: 'txt', text });
  });

  test.each([
    ['%PDF-1.7 …', new TextEncoder().encode('%PDF-1.7\n'), 'x.bin', 'pdf'],
    ['PK zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'x', 'docx'],
    ['<!DOCTYPE html> with no name', new TextEncoder().encode('<!DOCTYPE html><html><body><p>Kế hoạch</p>'), 'download', 'html'],
    ['an .htm fragment', new TextEncoder().encode('<p>Kế hoạch</p>'), 'ke-hoach.htm', 'html'],
    ['plain text with no extension', new TextEncoder().encode('KẾ HOẠCH'), 'ke-hoach', 'txt'],
  ])('sniffs %s as %s', (_name, bytes, name, format) => {
    expect(sniffFormat(bytes, name).format).toBe(format);
  });

  test('the default limits are 20 MB in, 40 MB unpacked (twice the text limit), 20 MB of text out, 1000 pages', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ maxBytes: 20 * 1024 * 1024, maxUncompressedBytes: 40 * 1024 * 1024, maxTextChars: 20 * 1024 * 1024, maxPdfPages: 1000 });
  });
});
