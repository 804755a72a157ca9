/**
 * Hostile files built from scratch, each small on disk and ruinous when read naively: text that
 * expands (a footnote referenced 20,000 times, a merged cell continued over 20,000 rows, nested
 * rowspans), depth the input controls (content controls nested 50,000 deep), zip headers that lie
 * about sizes, and 40,000 short lines. `hostileFile()` writes one into a temp cache keyed by its
 * content hash, so a test file generates each at most once.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { buildDocx, paragraph, table } from './docx.js';
import { keptTmp } from '../../tmp.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** One footnote of ~60 KB, referenced `refs` times from one paragraph. */
export function footnoteBomb(refs = 20_000): Uint8Array {
  const note = `<w:footnote w:id="1"><w:p><w:r><w:t>${'Công văn số 9867/UBND-KSTT ngày 12/12/2024 '.repeat(1500)}</w:t></w:r></w:p></w:footnote>`;
  const footnotes = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="${W}">${note}</w:footnotes>`;
  const body = `<w:p><w:r><w:t>Kế hoạch cải cách hành chính</w:t></w:r>${'<w:r><w:footnoteReference w:id="1"/></w:r>'.repeat(refs)}</w:p>`;
  return buildDocx({ body, parts: { 'word/footnotes.xml': footnotes } });
}

/** A bordered table whose first cell (~4 KB) is merged down over `rows` rows. */
export function mergedCellBomb(rows = 20_000): Uint8Array {
  const first = [{ content: 'Văn phòng UBND tỉnh chủ trì, phối hợp các sở, ban, ngành '.repeat(70), vMerge: 'restart' as const }, 'Tỷ lệ hồ sơ'];
  const rest = Array.from({ length: rows }, (_, i) => [{ content: '', vMerge: 'continue' as const }, `${i + 1}`]);
  return buildDocx({ body: table({ rows: [first, ...rest] }) });
}

/** Tables nested `levels` deep, each of 8 rows whose first cell spans them all and holds the level below. */
export function nestedRowspanHtml(levels = 30): Uint8Array {
  let inner = '<table><tr><td>Tỷ lệ hồ sơ trực tuyến</td><td>80%</td></tr></table>';
  for (let i = 0; i < levels; i++) inner = `<table><tr><td rowspan="8">${inner}</td><td>a</td></tr>${'<tr><td>b</td></tr>'.repeat(7)}</table>`;
  return new TextEncoder().encode(`<!DOCTYPE html><html><body><p>Kế hoạch</p>${inner}</body></html>`);
}

/** A table row wrapped in `depth` content controls (Word nests a few; the file decides). */
export function deepContentControls(depth = 50_000): Uint8Array {
  const cell = '<w:tc><w:p><w:r><w:t>Tỷ lệ</w:t></w:r></w:p></w:tc>';
  const row = `${'<w:sdt><w:sdtContent>'.repeat(depth)}<w:tr>${cell}${cell}</w:tr>${'</w:sdtContent></w:sdt>'.repeat(depth)}`;
  return buildDocx({ body: `${paragraph('Kế hoạch')}<w:tbl>${row}</w:tbl>` });
}

/** A .docx whose document.xml inflates to `inflated` bytes while its headers claim 1 KB. */
export function lyingSizes(inflated = 16 * 1024 * 1024): Uint8Array {
  const head = strToU8(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`);
  const filler = new Uint8Array(inflated).fill(0x61);
  filler.set(head);
  const deflated = deflateSync(filler, { level: 6 });
  const shell = zipSync({ 'word/document.xml': [new Uint8Array(0), { level: 0 }] }, { mtime: new Date('2025-01-01T00:00:00Z') });
  return replaceStoredEntry(shell, deflated, 1024);
}

/** Rebuilds a one-entry zip around deflated data, with the size fields set to `claimed`. */
function replaceStoredEntry(shell: Uint8Array, data: Uint8Array, claimed: number): Uint8Array {
  const view = new DataView(shell.buffer, shell.byteOffset, shell.byteLength);
  const nameLength = view.getUint16(26, true);
  const localLength = 30 + nameLength + view.getUint16(28, true);
  const central = shell.subarray(localLength);
  const out = new Uint8Array(localLength + data.length + central.length);
  out.set(shell.subarray(0, localLength));
  out.set(data, localLength);
  out.set(central, localLength + data.length);
  const o = new DataView(out.buffer);
  const setSizes = (at: number, compressedAt: number) => {
    o.setUint16(at, 8, true); // method: deflate
    o.setUint32(compressedAt, data.length, true);
    o.setUint32(compressedAt + 4, claimed, true);
  };
  setSizes(8, 18); // local header
  const cd = localLength + data.length;
  setSizes(cd + 10, cd + 20); // central directory
  o.setUint32(cd + 42, 0, true);
  const eocd = out.length - 22;
  o.setUint32(eocd + 16, cd, true);
  return out;
}

/** 40,000 short lines (80 KB): "a", "b", … one letter a line. */
export function shortLines(lines = 40_000): Uint8Array {
  return new TextEncoder().encode(Array.from({ length: lines }, (_, i) => 'abcdeghik'[i % 9]).join('\n'));
}

/** Writes `bytes` as `name` into a temp folder keyed by their hash; returns the path. */
export function hostileFile(name: string, make: () => Uint8Array): string {
  const bytes = make();
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const dir = join(keptTmp('plandiff-hostile'), hash);
  const path = join(dir, name);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, bytes);
  }
  return path;
}
