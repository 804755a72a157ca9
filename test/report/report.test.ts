import { describe, expect, test } from 'vitest';
import { compareDocuments } from '../../src/compare/compare.js';
import { fidelity, fidelityMatrix } from '../../src/compare/fidelity.js';
import { labels } from '../../src/report/compare-labels.js';
import { renderCompareHtml } from '../../src/report/compare-html.js';
import { renderCompareMd } from '../../src/report/compare-md.js';
import { renderCompareText } from '../../src/report/compare-text.js';
import { renderFidelityHtml, renderFidelityMatrixHtml } from '../../src/report/fidelity-html.js';
import { renderFidelityMatrixText, renderFidelityText } from '../../src/report/fidelity-text.js';
import type { Comparison } from '../../src/types.js';
import { seed } from '../corpus.js';

// 000 ↔ 003 (corpus/khanh-hoa/2024-so-cong-thuong-… and …-so-gddt-…): siblings with a renamed heading,
// a typo fixed, a merge, a split, a dropped and an added item.
const siblings = compareDocuments(seed('sct2024'), seed('gddt2024'));
// 003 → 004 (corpus/khanh-hoa/2025-ubnd-cai-cach-tthc.txt): next year's province plan, with target changes.
const nextYear = compareDocuments(seed('gddt2024'), seed('ubnd2025'));
const ANSI = /\x1b\[[0-9;]*m/;
const strip = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('renderCompareText', () => {
  const plain = renderCompareText(siblings, { color: false });

  test('prints one line per pair with the diff under modified pairs, git-style when colours are off', () => {
    const lines = plain.split('\n');
    const at = lines.findIndex((l) => l.startsWith('~ I ↔ I (0.75)'));
    expect(lines[at]).toBe('~ I ↔ I (0.75)  MỤC ĐÍCH, YÊU CẦU');
    expect(lines[at + 1]).toBe('    MỤC [-TIÊU-]{+ĐÍCH+}, YÊU CẦU');
    expect(lines).toContain('- III.1  Trưởng các phòng, đơn vị tổ chức quán triệt và phổ biến đến từng công…');
    expect(plain).not.toMatch(ANSI);
  });

  test('heads the page with both documents and the counts in Vietnamese by default', () => {
    expect(plain.split('\n').slice(0, 4).join('\n')).toMatch(/^So sánh văn bản\nVăn bản A: .*\nVăn bản B: .*\nTóm tắt: = \d+ Giữ nguyên · ~ \d+ Sửa đổi · - \d+ Bỏ · \+ \d+ Bổ sung$/);
  });

  test('leaves identical pairs out with changesOnly', () => {
    const changes = renderCompareText(siblings, { color: false, changesOnly: true });
    expect(changes).not.toMatch(/^= /m);
    expect(changes).toMatch(/^~ II\.2\.-7 ↔ II\.2\.-7 \(0\.96\) đổi vị trí|^~ II\.2\.-7 ↔ II\.2\.-7 \(0\.96\) hình thức/m);
  });

  test('lays A and B side by side within the width in the columns layout', () => {
    const cols = renderCompareText(siblings, { color: true, layout: 'columns', width: 90, changesOnly: true, lang: 'en' });
    const rows = strip(cols).split('\n').filter((l) => l.includes(' │ '));
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect([...r].length).toBeLessThanOrEqual(90);
    expect(strip(cols)).toContain('MỤC TIÊU, YÊU CẦU');
    expect(cols).toMatch(ANSI);
  });

  test('lists target changes with the weakened/strengthened verdict only when asked for a parent', () => {
    const text = renderCompareText(nextYear, { color: false, lang: 'en' });
    expect(text).toContain('\nTargets\n');
    expect(text).toMatch(/^~ .*thanh toán trực tuyến.*45%.*60%/m);
  });

  test('prints a short notice for a comparison without changes', () => {
    const same = compareDocuments(seed('sct2024'), seed('sct2024'));
    expect(renderCompareText(same, { color: false, changesOnly: true, lang: 'en' })).toContain('No changes.');
  });
});

describe('renderCompareMd', () => {
  const md = renderCompareMd(siblings);

  test('gives one table row per pair with <del>/<ins> on each side', () => {
    expect(md).toContain('| ~ | **I** MỤC <del>TIÊU</del>, YÊU CẦU | **I** MỤC <ins>ĐÍCH</ins>, YÊU CẦU | Sửa đổi, nội dung | 0.75 |');
    expect(md).toContain('| - | **III.1** Trưởng các phòng');
  });

  test('keeps each row on one line and escapes pipes from table cells (row texts join cells with " | ")', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| = | **PL.I.1**'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(' \\| ');
  });
});

describe('renderCompareHtml', () => {
  const html = renderCompareHtml(siblings);

  test('is one self-contained page: inline style and script, no external asset', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<link\b|<script\s+src|src="http|href="http|@import/);
  });

  test('has a change list linking into the side-by-side table, one table row per alignment', () => {
    const rows = html.match(/<tr id="c\d+"/g) ?? [];
    expect(rows).toHaveLength(siblings.alignments.length);
    const changed = siblings.alignments.filter((al) => al.status !== 'identical').length;
    expect(html.match(/<li class="(?:modified|dropped|added)"><a href="#c\d+">/g)).toHaveLength(changed);
    expect(html).toContain('<td class="side a"><span class="id">I</span>MỤC <del>TIÊU</del>, YÊU CẦU</td>');
  });

  test('escapes document text', () => {
    const tricky: Comparison = {
      ...siblings,
      alignments: [{ status: 'added', a: null, b: { id: 'X', text: '<script>alert(1)</script> & "Sở"', span: [0, 1] }, similarity: null, moved: false, nature: null, group: null }],
    };
    const page = renderCompareHtml(tricky, { lang: 'en' });
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Sở&quot;');
    expect(page).not.toContain('<script>alert');
  });

  test('switches its labels to English', () => {
    const en = renderCompareHtml(siblings, { lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain(labels('en').sideBySide);
    expect(en).not.toContain(labels('vi').sideBySide);
  });
});

describe('fidelity renderers', () => {
  const report = fidelity(seed('gddt2024'), seed('ubnd2025'));

  test('prints the score with its breakdown and the findings, high severity first', () => {
    const text = renderFidelityText(report, { color: false });
    expect(text).toMatch(/^Điểm: \d+\.\d\/100$/m);
    expect(text).toMatch(/^ {2}Nội dung được thể hiện: \d+\.\d% \(Đã tính: \d+; khung chuẩn: \d+; không áp dụng: \d+\)$/m);
    const findings = text.split('\n').filter((l) => /^ {2}\[(Cao|Trung bình|Thấp)\]/.test(l));
    expect(findings[0]).toBe('  [Cao] Chỉ tiêu bị hạ thấp: Chỉ tiêu "Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số giao dịch thanh toán của dịch vụ công" bị hạ: 60% → ≥ 45%.');
  });

  test('marks skeleton and not-applicable parent clauses in the coverage list', () => {
    const text = renderFidelityText(report, { color: false, lang: 'en' });
    expect(text).toContain('  = I → I [skeleton]  MỤC ĐÍCH, YÊU CẦU');
    expect(text).toMatch(/^ {2}- II\.3\.b \[not applicable\] {2}Sở Thông tin và Truyền thông$/m);
  });

  test('renders a self-contained fidelity page and a matrix page', () => {
    const page = renderFidelityHtml(report);
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('class="sev-high"');
    const matrix = fidelityMatrix([seed('sct2024'), seed('gddt2024')], seed('ubnd2025'));
    const mpage = renderFidelityMatrixHtml(matrix, { lang: 'en' });
    expect(mpage.match(/<tr class=/g)).toHaveLength(matrix.rows.length);
    const mtext = renderFidelityMatrixText(matrix, { color: false });
    expect(mtext).toMatch(/^PL\.I\.2 +~ +~ +Tỷ lệ thanh toán/m);
    expect(mtext).toMatch(/^◎ PL\.I\.2#1 +! +! +Tỷ lệ thanh toán/m);
  });
});

describe('odd input', () => {
  const empty: Comparison = { a: seed('sct2024').meta as Comparison['a'], b: { ...seed('gddt2024').meta, file: null }, alignments: [], targets: [] };

  test('renders an empty comparison in every format', () => {
    expect(() => renderCompareText(empty, { color: false })).not.toThrow();
    expect(renderCompareMd(empty, { lang: 'en' })).toContain('No changes.');
    expect(renderCompareHtml(empty)).toContain('Không có thay đổi.');
  });

  test('fails with a one-line message on an unknown language', () => {
    expect(() => renderCompareText(siblings, { lang: 'fr' as 'en' })).toThrow(/^unknown report language "fr": expected "vi" or "en"$/);
  });
});
