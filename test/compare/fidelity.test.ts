import { describe, expect, test } from 'vitest';
import { fidelity, fidelityMatrix, isSkeleton, ownUnit, planYear, staleReferences, unitMentions, yearMentions } from '../../src/compare/fidelity.js';
import { makeFolder } from '../../src/text/fold.js';
import { GLOSSARY } from '../../src/text/abbreviations.js';
import { parseDocument } from '../../src/read/parse.js';
import type { Citation, Clause, ParsedDocument } from '../../src/types.js';
import { clause, seed, seedText, SEEDS } from '../corpus.js';

const fold = makeFolder(GLOSSARY);

/** A department plan made the careless way: seed 003 (Sở GDĐT, 2024) with `edits` applied to its text. */
function edited(edits: Array<[string, string]>): ParsedDocument {
  let text = seedText('gddt2024');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  return parseDocument(text, { file: 'edited-' + SEEDS.gddt2024 });
}

/** 003 re-dated to 2025 in its title and date line only, the body left as it was. */
const REDATED: Array<[string, string]> = [
  ['KẾ HOẠCH Cải cách thủ tục hành chính trọng tâm năm 2024', 'KẾ HOẠCH Cải cách thủ tục hành chính trọng tâm năm 2025'],
  ['Khánh Hòa, ngày tháng 02 năm 2024', 'Khánh Hòa, ngày tháng 02 năm 2025'],
];

/** A citation as the citations stage gives it. */
function citation(number: string, symbol: string, year: number, mention: string, clauseId = 'I.2.p1'): Citation {
  return {
    key: `${symbol}/${number}/${year}`,
    type: 'Nghị quyết',
    number,
    symbol,
    year,
    date: null,
    issuer: 'Chính phủ',
    subject: null,
    scope: null,
    relation: 'implements',
    mentions: [{ clauseId, text: mention, span: [0, mention.length] }],
  };
}

describe('units and years', () => {
  test.each([
    ['Sở Giáo dục và Đào tạo tỉnh Khánh Hòa', 'so-gddt', '003 issuer'],
    ['Sở GDĐT yêu cầu các đơn vị', 'so-gddt', '003 closing, abbreviated'],
    ['Sở Công Thương tỉnh Bắc Giang', 'so-cong-thuong', '001 issuer'],
    ['Văn phòng UBND tỉnh tăng cường, phát huy vai trò thẩm tra', 'vp-ubnd-tinh', '004 II.1.a'],
    ['Sở Lao động - Thương binh và Xã hội', 'so-ldtbxh', 'a department with a dash'],
  ])('reads "%s" as %s (%s)', (text, key) => {
    expect(unitMentions(fold(text))[0]?.key).toBe(key);
  });

  test('does not read "Văn phòng Sở" or "các sở, ban, ngành" as a named unit (000 III.2, 004 I.3)', () => {
    expect(unitMentions(fold('Văn phòng Sở là đầu mối tham mưu; các sở, ban, ngành tiếp tục'))).toEqual([]);
  });

  test('finds a plan’s own unit from its issuer (003: Sở Giáo dục và Đào tạo) and none for a province', () => {
    expect([ownUnit(seed('gddt2024').meta), ownUnit(seed('sct2024').meta), ownUnit(seed('ubnd2025').meta)]).toEqual(['so-gddt', 'so-cong-thuong', null]);
  });

  test('reads the plan year from the title, and not from a horizon ("định hướng đến năm 2030" in 002’s title)', () => {
    expect([planYear(seed('ubnd2025').meta), planYear(seed('sct2024').meta), planYear(seed('gialai2021').meta)]).toEqual([2025, 2024, 2021]);
  });

  test.each([
    ['đề ra trong năm 2024.', [2024], '000 I.1.a'],
    ['Quyết định số 421/QĐ-UBND ngày 06 tháng 02 năm 2024 của UBND tỉnh', [], '000 intro: a date, not a year'],
    ['giai đoạn 2022 - 2025, tầm nhìn đến năm 2030', [], '000 II.2.-7: a horizon, not the plan year'],
    ['Bố trí kinh phí thực hiện Kế hoạch này trong dự toán ngân sách năm 2025', [2025], '004 III.1.b'],
  ])('reads the years of "%s" as %j (%s)', (text, years) => {
    expect(yearMentions(text).map((m) => m.year)).toEqual(years);
  });
});

describe('skeleton', () => {
  test.each([
    ['I', true, 'I. MỤC ĐÍCH, YÊU CẦU'],
    ['I.1', true, '1. Mục đích:'],
    ['I.3', true, '3. Yêu cầu:'],
    ['III', true, 'III. TỔ CHỨC THỰC HIỆN'],
    ['D2', true, 'Điều 2. Quyết định này có hiệu lực (a decision article)'],
    ['I.1.a', false, 'a) Triển khai thực hiện các nhiệm vụ … (a task)'],
    ['II.1.b', false, 'b) Cắt giảm, đơn giản hóa TTHC nội bộ (a task heading)'],
  ])('counts 004 %s as skeleton: %s (%s)', (id, want) => {
    expect(isSkeleton(clause(seed('ubnd2025'), id))).toBe(want);
  });
});

describe('fidelity of a department plan to a province plan', () => {
  const report = fidelity(seed('gddt2024'), seed('ubnd2025'));

  test('finds the targets the child asks less of than the parent (003 against 004: 60% → ≥ 45%, 60% → ≥ 50%)', () => {
    const weakened = report.findings.filter((f) => f.kind === 'weakened-target').map((f) => `${f.detail.parent} → ${f.detail.child}`);
    expect(weakened).toEqual(['60% → ≥ 45%', '60% → ≥ 50%']);
  });

  test('does not hold the child to tasks the parent gives to another named unit (004 "Sở Tư pháp làm tốt …", "II.3.b Sở Thông tin và Truyền thông" and its bullets)', () => {
    const notFor = report.clauses.filter((c) => !c.applies).map((c) => c.parent.id);
    expect(notFor).toEqual(expect.arrayContaining(['II.1.a.-2', 'II.1.a.-3', 'II.3.b', 'II.3.b.-1', 'II.3.b.-2', 'II.3.b.-3', 'III.3', 'III.3.-1']));
    expect(notFor).not.toContain('II.2.a.-1'); // "Các sở, ban, ngành, UBND các huyện …" applies to every unit
    expect(report.findings.filter((f) => f.kind === 'dropped-task').map((f) => f.detail.id)).not.toContain('II.3.b.-1');
  });

  test('gives evidence on both sides for carried clauses', () => {
    const c = report.clauses.find((x) => x.parent.id === 'II.2.a.-8')!;
    expect([c.status, c.child.map((x) => x.id), c.nature]).toEqual(['modified', ['II.2.-5'], 'cosmetic']);
    const original = seedText('ubnd2025');
    expect(original.slice(...c.parent.span)).toContain('Tổ chức thực hiện nghiêm việc tiếp nhận');
    expect(seedText('gddt2024').slice(...c.child[0]!.span)).toContain('Tổ chức thực hiện nghiêm việc tiếp nhận');
  });

  test('finds the 2024 resolutions cited where the parent cites their 2025 editions (01/NQ-CP, 02/NQ-CP)', () => {
    expect(report.findings.filter((f) => f.kind === 'stale-reference').map((f) => `${f.detail.cited} ${f.detail.citedYear} → ${f.detail.currentYear}`)).toEqual([
      '01/NQ-CP 2024 → 2025',
      '02/NQ-CP 2024 → 2025',
    ]);
  });

  test('reports no copy-paste residue in the plan as it was issued', () => {
    expect(report.findings.filter((f) => f.kind.startsWith('residue'))).toEqual([]);
  });

  test('scores the plan against its own text at 100 for clauses and targets', () => {
    const self = fidelity(seed('ubnd2025'), seed('ubnd2025'));
    expect([self.score.clauses, self.score.targets]).toEqual([1, 1]);
    expect(self.findings.filter((f) => f.kind !== 'inconsistency')).toEqual([]);
  });

  test('does not let the standard skeleton inflate the score: a plan of only the parent’s headings scores near 0', () => {
    const parent = seed('ubnd2025');
    const headings = (cs: Clause[]): Clause[] => cs.filter((c) => isSkeleton(c)).map((c) => ({ ...c, children: headings(c.children) }));
    const hollow: ParsedDocument = { ...parent, meta: { ...parent.meta, issuer: 'Sở Giáo dục và Đào tạo' }, clauses: headings(parent.clauses), targets: [] };
    const r = fidelity(hollow, parent);
    expect(r.score.counted.skeleton).toBeGreaterThanOrEqual(8);
    expect(r.score.clauses).toBe(0);
    expect(r.score.value).toBe(0);
  });
});

describe('copy-paste residue', () => {
  test('finds the old year left in a plan re-dated to 2025 where the parent says 2025 (003 I.1.a "trong năm 2024")', () => {
    const r = fidelity(edited(REDATED), seed('ubnd2025'));
    const years = r.findings.filter((f) => f.kind === 'residue-year');
    expect(years.filter((f) => f.severity === 'high').map((f) => f.detail.id)).toEqual(['I.1.a', 'I.2.p1', 'II.p1']);
    expect(years.find((f) => f.severity === 'medium')!.detail.count).toBe(11); // "Trong năm 2024" in the appendix
  });

  test('finds another department speaking as the plan’s own unit (000’s closing line left in 003)', () => {
    const r = fidelity(edited([['Sở GDĐT yêu cầu các đơn vị', 'Sở Công Thương đề nghị các phòng, đơn vị']]), seed('ubnd2025'));
    const units = r.findings.filter((f) => f.kind === 'residue-unit');
    expect(units.map((f) => [f.severity, f.detail.unit, f.detail.id])).toEqual([['high', 'Sở Công Thương', 'III.3.p1']]);
  });

  test('does not call a department named as a partner residue when the parent names it too', () => {
    const r = fidelity(edited([['Sở GDĐT yêu cầu các đơn vị', 'Sở GDĐT phối hợp với Sở Thông tin và Truyền thông, yêu cầu các đơn vị']]), seed('ubnd2025'));
    expect(r.findings.filter((f) => f.kind === 'residue-unit')).toEqual([]);
  });
});

describe('staleReferences', () => {
  test('finds a child citing 01/NQ-CP of 2024 where the parent cites 01/NQ-CP of 2025 (003 vs 004)', () => {
    const child = [citation('01', 'NQ-CP', 2024, 'Nghị quyết số 01/NQ-CP ngày 05/01/2024')];
    const parent = [citation('01', 'NQ-CP', 2025, 'Nghị quyết số 01/NQ-CP ngày 08/01/2025')];
    expect(staleReferences(child, parent).map((f) => [f.severity, f.detail.citedKey, f.detail.currentKey, f.message])).toEqual([
      ['high', 'NQ-CP/01/2024', 'NQ-CP/01/2025', 'Cites 01/NQ-CP of 2024 where the parent cites 01/NQ-CP of 2025.'],
    ]);
  });

  test('does not flag a child that cites both years, nor one citing a different number (76/NQ-CP of 2021 in both)', () => {
    const both = [citation('01', 'NQ-CP', 2024, 'Nghị quyết số 01/NQ-CP ngày 05/01/2024'), citation('01', 'NQ-CP', 2025, 'Nghị quyết số 01/NQ-CP ngày 08/01/2025')];
    expect(staleReferences(both, [citation('01', 'NQ-CP', 2025, 'Nghị quyết số 01/NQ-CP ngày 08/01/2025')])).toEqual([]);
    expect(staleReferences([citation('76', 'NQ-CP', 2021, 'Nghị quyết số 76/NQ-CP ngày 15/7/2021')], [citation('76', 'NQ-CP', 2021, 'Nghị quyết số 76/NQ-CP ngày 15/7/2021')])).toEqual([]);
  });

  test('reads "1/NQ-CP" and "01/NQ-CP" as the same number', () => {
    expect(staleReferences([citation('1', 'NQ-CP', 2024, 'Nghị quyết 1/NQ-CP')], [citation('01', 'NQ-CP', 2025, 'Nghị quyết số 01/NQ-CP')])).toHaveLength(1);
  });
});

describe('fidelityMatrix', () => {
  test('gives one row per parent clause and target and one cell per plan (000, 003 against 004)', () => {
    const m = fidelityMatrix([seed('sct2024'), seed('gddt2024')], seed('ubnd2025'));
    expect(m.plans.map((p) => p.file)).toEqual([SEEDS.sct2024, SEEDS.gddt2024]);
    expect(m.rows.every((r) => r.cells.length === 2)).toBe(true);
    expect(m.rows.filter((r) => r.kind === 'target')).toHaveLength(seed('ubnd2025').targets.length);
    const payment = m.rows.find((r) => r.kind === 'target' && r.text.includes('thanh toán trực tuyến'))!;
    expect(payment.cells.map((c) => c.flag)).toEqual(['weakened', 'weakened']);
  });

  test('returns an empty matrix for no plans', () => {
    expect(fidelityMatrix([], seed('ubnd2025')).rows.filter((r) => r.kind === 'clause')).toEqual([]);
  });
});

describe('odd input', () => {
  test('never throws on empty or garbage documents', () => {
    const blank: ParsedDocument = parseDocument('', { file: null });
    const garbage = parseDocument('I. \u0301\u0301 🙂\n- Sở Sở Sở năm 99999\n\tTT\t\t\n1.\tnăm 2024\n', { file: null });
    for (const [c, p] of [[blank, blank], [garbage, seed('ubnd2025')], [seed('gddt2024'), garbage], [garbage, garbage]] as const) {
      expect(() => fidelity(c, p)).not.toThrow();
    }
    expect(() => fidelityMatrix([garbage, blank], blank)).not.toThrow();
  });
});
