import { describe, expect, test } from 'vitest';
import { compareDocuments } from '../../src/compare/compare.js';
import type { Alignment } from '../../src/types.js';
import {
  cellText,
  clauseOfRow,
  diffCounts,
  diffRows,
  filterDiffRows,
  idDepth,
  minimapMarks,
  rowOfClause,
  stepChange,
  type DiffCell,
} from '../../src/view/diff-rows.js';
import { seed } from '../corpus.js';

/** 000 → 003: the two 2024 Khánh Hòa department plans. */
const siblings = compareDocuments(seed('sct2024'), seed('gddt2024'));
const rows = diffRows(siblings);

/** A readable rendering of a cell: kept text, <del>deleted</del>, <ins>inserted</ins>. */
function render(c: DiffCell | null): string {
  return c ? c.segments.map((s) => (s.mark === 'del' ? `<del>${s.text}</del>` : s.mark === 'ins' ? `<ins>${s.text}</ins>` : s.text)).join('') : '∅';
}

describe('diff rows', () => {
  test('makes one row per alignment, with the same base statuses as the comparison', () => {
    expect(rows.map((r) => r.base)).toEqual(siblings.alignments.map((a) => a.status));
  });

  test.each([
    // 000 "MỤC TIÊU, YÊU CẦU" → 003 "MỤC ĐÍCH, YÊU CẦU"
    ['I', 'MỤC <del>TIÊU</del>, YÊU CẦU', 'MỤC <ins>ĐÍCH</ins>, YÊU CẦU'],
    // 000 "Mục tiêu" → 003 "Mục đích"
    ['I.1', 'Mục <del>tiêu</del>', 'Mục <ins>đích</ins>'],
  ])('highlights words in clause %s of 000 → 003', (id, a, b) => {
    const row = rows.find((r) => r.a?.id === id)!;
    expect(row.status).toBe('modified');
    expect(render(row.a)).toBe(a);
    expect(render(row.b)).toBe(b);
  });

  test('keeps the full clause text on each side of a modified pair', () => {
    for (const [k, al] of siblings.alignments.entries()) {
      expect(cellText(rows[k]!.a)).toBe(al.a?.text ?? '');
      expect(cellText(rows[k]!.b)).toBe(al.b?.text ?? '');
    }
  });

  test('counts statuses as the comparison does', () => {
    const counts = diffCounts(rows);
    const by = (s: Alignment['status']) => siblings.alignments.filter((a) => a.status === s && !(a.moved && (s === 'identical' || s === 'modified'))).length;
    expect({ identical: counts.identical, modified: counts.modified, dropped: counts.dropped, added: counts.added }).toEqual({
      identical: by('identical'),
      modified: by('modified'),
      dropped: by('dropped'),
      added: by('added'),
    });
    expect(counts.moved).toBe(siblings.alignments.filter((a) => a.moved && a.status !== 'dropped' && a.status !== 'added').length);
    expect(counts.total).toBe(siblings.alignments.length);
  });

  test('shows a moved pair as moved, whatever its base status', () => {
    const moved: Alignment = { status: 'identical', a: { id: 'II.3', text: 'Chế độ báo cáo', span: [0, 14] }, b: { id: 'II.5', text: 'Chế độ báo cáo', span: [0, 14] }, similarity: 1, moved: true, nature: null, group: null };
    const [row] = diffRows({ alignments: [moved] });
    expect(row).toMatchObject({ status: 'moved', base: 'identical', changed: true, substantive: false, change: 0 });
  });

  test('"only changes" hides identical pairs; "only substantive" also hides cosmetic rewordings', () => {
    const changes = filterDiffRows(rows, 'changes');
    const substantive = filterDiffRows(rows, 'substantive');
    expect(changes.every((r) => r.status !== 'identical')).toBe(true);
    expect(substantive.every((r) => r.base !== 'identical' && r.nature !== 'cosmetic')).toBe(true);
    expect(substantive.length).toBeLessThan(changes.length);
    expect(filterDiffRows(rows, 'all')).toHaveLength(rows.length);
  });

  test('steps to the next and previous change, and stops at the ends', () => {
    const first = stepChange(rows, null, 1)!;
    expect(first.changed).toBe(true);
    const second = stepChange(rows, first.index, 1)!;
    expect(second.index).toBeGreaterThan(first.index);
    expect(stepChange(rows, second.index, -1)?.index).toBe(first.index);
    expect(stepChange(rows, first.index, -1)).toBeNull();
    const last = stepChange(rows, null, -1)!;
    expect(stepChange(rows, last.index, 1)).toBeNull();
  });

  test('finds the row of a clause of either side, and links a row by B when it has one', () => {
    const row = rowOfClause(rows, { side: 'b', id: 'I.1' })!;
    expect(row.a?.id).toBe('I.1');
    expect(clauseOfRow(row)).toEqual({ side: 'b', id: 'I.1' });
    const dropped = rows.find((r) => r.status === 'dropped')!;
    expect(clauseOfRow(dropped)).toEqual({ side: 'a', id: dropped.a!.id });
    expect(rowOfClause(rows, { side: 'a', id: 'no-such-clause' })).toBeNull();
  });

  test('puts one minimap mark per run of changes, inside the bar, in reading order', () => {
    const marks = minimapMarks(rows);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) {
      expect(m.top).toBeGreaterThanOrEqual(0);
      expect(m.top + m.height).toBeLessThanOrEqual(1.0001);
    }
    expect(marks.map((m) => m.top)).toEqual([...marks.map((m) => m.top)].sort((x, y) => x - y));
  });

  test.each([
    ['I', 0],
    ['II.1.b', 2],
    ['PL.I.2', 2],
    ['II.2.-5', 2],
  ])('nests clause %s at depth %i', (id, depth) => {
    expect(idDepth(id)).toBe(depth);
  });

  test('never throws on an empty or odd comparison', () => {
    expect(diffRows({ alignments: [] })).toEqual([]);
    const odd: Alignment = { status: 'modified', a: { id: '', text: '', span: [0, 0] }, b: { id: '', text: '', span: [0, 0] }, similarity: null, moved: false, nature: null, group: null, diff: [[0, ''], [1, '\u0301']] };
    expect(() => minimapMarks(diffRows({ alignments: [odd] }))).not.toThrow();
  });
});

describe('segments laid on each side\'s own text', () => {
  test.each([
    // 000 II.? "hạn chế, yếu kém" → 003 "hạn chế": the diff's kept run ends in a space the text does not have before the comma
    ['Chấn chỉnh kỷ luật', 'hạn chế<del>, yếu kém</del> trong thực thi'],
    // 000 "Thanh tra Sở … đôn đốc các phòng" → 003 "Các phòng": A keeps its own lower-case "các"
    ['Thanh tra Sở thường xuyên', '<del>Thanh tra Sở thường xuyên kiểm tra đôn đốc</del> các phòng thuộc Sở phối hợp <del>với</del> Văn phòng'],
  ])('renders A of "%s…" (000 → 003) with A\'s own casing and spacing', (start, fragment) => {
    const row = rows.find((r) => r.a?.segments.map((s) => s.text).join('').startsWith(start))!;
    expect(render(row.a)).toContain(fragment);
  });
});
