import { describe, expect, test } from 'vitest';
import { compareDocuments } from '../../src/compare/compare.js';
import type { Alignment } from '../../src/types.js';
import {
  cellText,
  clauseOfRow,
  diffCounts,
  diffRows,
  BLOCK_REPLACE_BELOW,
  filterDiffRows,
  idDepth,
  markHits,
  minimapMarks,
  pickRows,
  rowOfClause,
  rowOfWarning,
  searchRows,
  stepChange,
  stopsAt,
  unifiedSegments,
  type DiffCell,
  type RowStatus,
  type Segment,
} from '../../src/view/diff-rows.js';
import type { FoldKind } from '../../src/view/fold-explain.js';
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

function renderSegments(segs: Segment[]): string {
  return segs.map((s) => (s.mark === 'del' ? `<del>${s.text}</del>` : s.mark === 'ins' ? `<ins>${s.text}</ins>` : s.text)).join('');
}

describe('why unchanged, and what the reader chooses to ignore', () => {
  test.each<[string, FoldKind[]]>([
    // 000 "Đối với TTHC thuộc thẩm quyền ban hành của tỉnh" → 003 "Đối với thủ tục hành chính …"
    ['II.2.-9', ['abbreviation']],
    // 000 "Phối hợp với các Bộ, cơ quan ngang bộ" → 003 "các bộ"
    ['II.2.-8', ['case']],
    // 000 → 003 "… TTHC của Bộ, ngành …" → "… thủ tục hành chính của bộ, ngành …"
    ['II.2.-10', ['abbreviation', 'case', 'punctuation']],
  ])('says identical pair %s of 000 → 003 needed %j to be equal', (id, kinds) => {
    const row = rows.find((r) => r.a?.id === id)!;
    expect(row.status).toBe('identical');
    expect(row.folded).toEqual(kinds);
  });

  test('gives no fold to pairs equal as written', () => {
    const plain = rows.filter((r) => r.status === 'identical' && cellText(r.a) === cellText(r.b));
    expect(plain.length).toBeGreaterThan(20);
    expect(plain.every((r) => r.folded?.length === 0)).toBe(true);
  });

  test('shows a pair equal only by its capital as a cosmetic change once case is no longer ignored', () => {
    const ignore = new Set<FoldKind>(['tone', 'abbreviation', 'punctuation', 'spacing']);
    const strict = diffRows(siblings, { ignore });
    const row = strict.find((r) => r.a?.id === 'II.2.-8')!;
    expect(row).toMatchObject({ status: 'modified', base: 'identical', nature: 'cosmetic', changed: true, substantive: false });
    expect(render(row.a)).toContain('các <del>Bộ</del>, cơ quan');
    expect(render(row.b)).toContain('các <ins>bộ</ins>, cơ quan');
    // the abbreviation-only pair stays unchanged: abbreviations are still ignored
    expect(strict.find((r) => r.a?.id === 'II.2.-9')!.status).toBe('identical');
    const counts = diffCounts(strict);
    expect(counts.modified).toBe(diffCounts(rows).modified + strict.filter((r) => r.base === 'identical' && r.status === 'modified').length);
    expect(counts.cosmetic + counts.substantive).toBe(strict.filter((r) => r.nature !== null).length);
  });

  test('counts "nhũng nhiễu" → "những nhiều" (000 → 003 II.2.-5) as substantive though the alignment calls it cosmetic', () => {
    const al = siblings.alignments.find((x) => x.a?.id === 'II.2.-5' && x.b?.id === 'II.2.-5')!;
    expect(al.nature).toBe('cosmetic');
    const row = rows.find((r) => r.a?.id === 'II.2.-5' && r.b?.id === 'II.2.-5')!;
    expect(row).toMatchObject({ nature: 'substantive', substantive: true, swaps: [{ a: 'nhiễu', b: 'nhiều' }] });
    expect(pickRows(rows, { statuses: new Set(), substantiveOnly: true })).toContain(row);
  });
});

describe('block replacement of pairs that share few words', () => {
  test(`shows 000 → 003 I.1 "Mục tiêu" → "Mục đích" (similarity 0.5 < ${BLOCK_REPLACE_BELOW}) struck and inserted whole`, () => {
    const row = rows.find((r) => r.a?.id === 'I.1')!;
    expect(row.similarity).toBeLessThan(BLOCK_REPLACE_BELOW);
    expect(row.block).toBe(true);
    expect(render(row.a)).toBe('<del>Mục tiêu</del>');
    expect(render(row.b)).toBe('<ins>Mục đích</ins>');
  });

  test('keeps the word diff at or above the threshold, and everywhere when the threshold is 0', () => {
    for (const r of rows) if (r.base === 'modified' && (r.similarity ?? 0) >= BLOCK_REPLACE_BELOW) expect(r.block).toBe(false);
    const word = diffRows(siblings, { blockBelow: 0 }).find((r) => r.a?.id === 'I.1')!;
    expect(render(word.a)).toBe('Mục <del>tiêu</del>');
  });
});

describe('picking rows by status, stepping within them', () => {
  test('keeps the rows of several chosen statuses at once, in reading order', () => {
    const statuses = new Set<RowStatus>(['dropped', 'added']);
    const picked = pickRows(rows, { statuses, substantiveOnly: false });
    const counts = diffCounts(rows);
    expect(picked).toHaveLength(counts.dropped + counts.added);
    expect(picked.map((r) => r.index)).toEqual([...picked.map((r) => r.index)].sort((x, y) => x - y));
    expect(pickRows(rows, { statuses: new Set(), substantiveOnly: false })).toHaveLength(rows.length);
  });

  test('steps through dropped rows only when "dropped" is chosen', () => {
    const pick = { statuses: new Set<RowStatus>(['dropped']), substantiveOnly: false };
    const shown = pickRows(rows, pick);
    const seen: number[] = [];
    for (let r = stepChange(shown, null, 1, stopsAt(pick)); r; r = stepChange(shown, r.index, 1, stopsAt(pick))) seen.push(r.index);
    expect(seen).toEqual(rows.filter((r) => r.status === 'dropped').map((r) => r.index));
  });

  test('stops at identical rows too when "identical" is chosen', () => {
    const pick = { statuses: new Set<RowStatus>(['identical']), substantiveOnly: false };
    const first = stepChange(pickRows(rows, pick), null, 1, stopsAt(pick))!;
    expect(first.status).toBe('identical');
  });
});

describe('search inside the diff', () => {
  test('finds a word on either side, without case, and only on the side asked for', () => {
    const both = searchRows(rows, 'nhũng nhiễu');
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((h) => h.side === 'a')).toBe(true);
    expect(searchRows(rows, 'nhũng nhiễu', 'b')).toEqual([]);
    const hit = both[0]!;
    const row = rows.find((r) => r.index === hit.index)!;
    expect(cellText(row.a).slice(hit.start, hit.end)).toBe('nhũng nhiễu');
    expect(searchRows(rows, 'NHŨNG NHIỄU')).toEqual(both);
  });

  test('a query without marks finds the words with any marks ("nhung nhieu" finds both spellings)', () => {
    const hits = searchRows(rows, 'nhung nhieu');
    expect(new Set(hits.map((h) => h.side))).toEqual(new Set(['a', 'b']));
  });

  test('cuts segments at hits and marks the current one', () => {
    const segs: Segment[] = [{ text: 'làm rõ hành vi ', mark: 'same' }, { text: 'nhũng nhiễu', mark: 'del' }];
    const out = markHits(segs, [{ start: 11, end: 20, current: true }]);
    expect(out.map((s) => `${s.mark}:${s.hit}:${s.text}`)).toEqual(['same:none:làm rõ hành', 'same:current: vi ', 'del:current:nhũng', 'del:none: nhiễu']);
  });

  test('marks B\'s hits in the inline column, past A\'s deletions (000 → 003 "MỤC TIÊU" → "MỤC ĐÍCH")', () => {
    const row = rows.find((r) => r.a?.id === 'I')!;
    const hit = searchRows([row], 'đích', 'b')[0]!;
    const out = markHits(unifiedSegments(row), [{ ...hit, current: true }], 'del');
    expect(out.filter((s) => s.hit === 'current').map((s) => `${s.mark}:${s.text}`)).toEqual(['ins:ĐÍCH']);
    expect(out.find((s) => s.mark === 'del')!.hit).toBe('none');
  });

  test('finds nothing for an empty query', () => {
    expect(searchRows(rows, '  ')).toEqual([]);
  });
});

describe('inline (unified) layout', () => {
  test('puts A\'s deletion before B\'s insertion in one column (000 → 003 "MỤC TIÊU" → "MỤC ĐÍCH")', () => {
    const row = rows.find((r) => r.a?.id === 'I')!;
    expect(renderSegments(unifiedSegments(row))).toBe('MỤC <del>TIÊU</del><ins>ĐÍCH</ins>, YÊU CẦU');
  });

  test('shows a dropped clause struck, an added one inserted, an identical one once', () => {
    const dropped = rows.find((r) => r.status === 'dropped')!;
    expect(renderSegments(unifiedSegments(dropped))).toBe(`<del>${cellText(dropped.a)}</del>`);
    const added = rows.find((r) => r.status === 'added')!;
    expect(renderSegments(unifiedSegments(added))).toBe(`<ins>${cellText(added.b)}</ins>`);
    const same = rows.find((r) => r.status === 'identical')!;
    expect(renderSegments(unifiedSegments(same))).toBe(cellText(same.b));
  });

  test('reads back A from its kept and deleted runs and B from its kept and inserted runs', () => {
    for (const r of rows.filter((x) => x.status === 'modified')) {
      const u = unifiedSegments(r);
      // kept text is B's spelling; compare without case and marks
      const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();
      expect(fold(u.filter((s) => s.mark !== 'ins').map((s) => s.text).join(''))).toBe(fold(cellText(r.a)));
      expect(u.filter((s) => s.mark !== 'del').map((s) => s.text).join('')).toBe(cellText(r.b));
    }
  });
});

describe('reading warnings in the diff header', () => {
  const toNew = compareDocuments(seed('sct2024'), seed('ubnd2025'));
  const newRows = diffRows(toNew);

  test('links a warning inside a clause to the row of that clause (the innermost)', () => {
    const row = newRows.find((r) => r.b && r.b.id.split('.').length >= 2)!;
    const at = row.b!.span[0] + 1;
    const found = rowOfWarning(newRows, 'b', { span: [at, at + 1] })!;
    expect(found.b!.span[0]).toBeLessThanOrEqual(at);
    expect(found.b!.span[1]).toBeGreaterThan(at);
    expect(found.b!.span[1] - found.b!.span[0]).toBeLessThanOrEqual(row.b!.span[1] - row.b!.span[0]);
  });

  test('sends the 2025 plan\'s number and date warnings ("3HH", "3/HH", "344"; two dates) to its header, outside every clause', () => {
    const codes = toNew.b.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['number-mismatch', 'date-mismatch']));
    for (const w of toNew.b.warnings.filter((x) => x.code === 'number-mismatch' || x.code === 'date-mismatch')) expect(rowOfWarning(newRows, 'b', w)).toBeNull();
    expect(rowOfWarning(newRows, 'b', { span: undefined })).toBeNull();
  });
});
