import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { GLOSSARY } from '../../src/text/abbreviations.js';
import { makeFolder } from '../../src/text/fold.js';
import { assign, compareTargets, metricSimilarity, TARGET_COMPARE_DEFAULTS, TARGET_CSV_HEADER, targetsToCsv } from '../../src/compare/target-compare.js';
import { formatValue } from '../../src/extract/targets.js';
import type { Comparator, Target, TargetChange } from '../../src/types.js';
import { seed, sharedPath, hasShared, type SeedName } from '../corpus.js';

const fold = makeFolder(GLOSSARY);

/** A target with defaults; metric and value are the real ones of the row named in each test. */
function target(metric: string, value: number, more: Partial<Target> = {}): Target {
  const comparator: Comparator = more.comparator ?? '=';
  return {
    id: more.id ?? 'PL.I.1#1',
    clauseId: more.clauseId ?? 'PL.I.1',
    metric,
    metricNorm: fold(metric),
    comparator,
    value,
    unit: '%',
    horizon: 2024,
    deadline: null,
    lead: [],
    partners: [],
    basis: [],
    group: null,
    text: metric,
    span: [0, 0],
    ...more,
  };
}

/** Readable rendering of a change: "modified raised | Tỷ lệ thanh toán trực tuyến trên | >= 45% → 60%" (six words of the metric). */
function show(c: TargetChange): string {
  const m = (c.b ?? c.a)!.metric.split(' ').slice(0, 6).join(' ');
  const v = [c.a ? formatValue(c.a) : '∅', c.b ? formatValue(c.b) : '∅'].join(' → ');
  return `${c.status}${c.change ? ` ${c.change}` : ''} | ${m} | ${v}`;
}

describe('metric similarity', () => {
  test('reads an abbreviation and its expansion as the same indicator (000 PL.II.2 vs 004 PL.II.1)', () => {
    const s = metricSimilarity(fold('Tỷ lệ kết quả giải quyết TTHC điện tử'), fold('Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử.'));
    expect(s).toBeGreaterThan(0.85);
  });

  test('keeps two indicators of the same table apart (000 PL.II.4 vs PL.II.5, both "… đúng hạn")', () => {
    const s = metricSimilarity(fold('Tỷ lệ công bố, công khai TTHC đúng hạn'), fold('Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn'));
    expect(s).toBeLessThan(TARGET_COMPARE_DEFAULTS.threshold);
  });

  test('is 0 for an empty indicator', () => {
    expect(metricSimilarity('', fold('Tỷ lệ số hóa hồ sơ'))).toBe(0);
  });
});

describe('classifying a matched pair', () => {
  const PAY_2024 = 'Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công Quốc gia trên tổng số giáo dịch thanh toán của dịch vụ công';
  const PAY_2025 = 'Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số giao dịch thanh toán của dịch vụ công';
  const ONTIME = 'hồ sơ thủ tục hành chính được giải quyết đúng hạn, trong đó có trên 60% trả trước hạn';
  const FULL = 'Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số TTHC có đủ điều kiện trên Cổng Dịch vụ công Quốc gia';
  test.each<[string, Target, Target, 'parent' | 'peer', TargetChange['status'], TargetChange['change'], string[], TargetChange['verdict']]>([
    ['"Tối thiểu 80%" → "80" under "(%)" is copied (000 → 004 PL.I.1)', target(FULL, 80, { comparator: '>=' }), target(FULL, 80), 'peer', 'copied', null, [], null],
    ['"100%" → "tối thiểu 100%" is copied', target(FULL, 100), target(FULL, 100, { comparator: '>=' }), 'parent', 'copied', null, [], null],
    ['45% → 60% is raised (000 → 004 PL.I.2)', target(PAY_2024, 45, { comparator: '>=' }), target(PAY_2025, 60), 'peer', 'modified', 'raised', ['value'], null],
    ['45% → 60% strengthens a derivative', target(PAY_2024, 45, { comparator: '>=' }), target(PAY_2025, 60), 'parent', 'modified', 'raised', ['value'], 'strengthened'],
    ['60% → 45% weakens a derivative', target(PAY_2025, 60), target(PAY_2024, 45, { comparator: '>=' }), 'parent', 'modified', 'lowered', ['value'], 'weakened'],
    ['"trên 60%" → "tối đa 60%" changes the comparator and weakens (001 II.5)', target(ONTIME, 60, { comparator: '>' }), target(ONTIME, 60, { comparator: '<=' }), 'parent', 'modified', null, ['comparator'], 'weakened'],
    ['a horizon moved from 2025 to 2030 (002 I.2.a → I.2.b)', target(FULL, 90, { horizon: 2025 }), target(FULL, 90, { horizon: 2030 }), 'parent', 'modified', null, ['horizon'], 'weakened'],
    ['another lead alone keeps the target copied but names it', target(FULL, 80, { lead: ['Văn phòng Sở'] }), target(FULL, 80, { lead: ['Các sở, ban, ngành'] }), 'peer', 'copied', null, ['lead'], null],
  ])('%s', (_case, a, b, relation, status, change, changes, verdict) => {
    const [c, ...rest] = compareTargets([a], [b], { relation });
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ status, change, changes, verdict });
    expect(c!.summary.length).toBeGreaterThan(10);
  });

  test('an annual plan restated next year does not move its horizon or deadline ("Trong năm 2024" → "Trong năm 2025")', () => {
    const a = [target(FULL, 80, { deadline: 'Trong năm 2024' }), target(PAY_2024, 45, { deadline: 'Trong năm 2024' })];
    const b = [target(FULL, 80, { deadline: 'Trong năm 2025', horizon: 2025 }), target(PAY_2025, 45, { deadline: 'Trong năm 2025', horizon: 2025 })];
    expect(compareTargets(a, b, { years: { a: 2024, b: 2025 } }).map((c) => [c.status, c.changes])).toEqual([
      ['copied', []],
      ['copied', []],
    ]);
  });

  test('a deadline brought forward within the same year is a change ("Trong năm 2024" → "trước tháng 6/2024")', () => {
    const [c] = compareTargets([target(FULL, 80, { deadline: 'Trong năm 2024' })], [target(FULL, 80, { deadline: 'trước tháng 6/2024' })]);
    expect(c).toMatchObject({ status: 'modified', changes: ['deadline'] });
  });

  test('writes the change as a readable sentence', () => {
    const [c] = compareTargets([target(PAY_2024, 45, { comparator: '>=' })], [target(PAY_2025, 60)], { relation: 'parent' });
    expect(c!.summary).toBe(`${PAY_2025.slice(0, 79)}…: ≥ 45% → 60% (raised; strengthened)`);
  });
});

describe('matching', () => {
  test('finds the best matching over all pairs, not the first that comes', () => {
    // A1 is slightly closer to B1, but A2 only fits B1: the global optimum pairs A1–B2 and A2–B1
    const a = [target('Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC', 50, { id: 'a1' }), target('hồ sơ TTHC được xử lý hoàn toàn trực tuyến', 80, { id: 'a2' })];
    const b = [target('Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính', 60, { id: 'b1' }), target('hồ sơ TTHC được giải quyết trực tuyến', 80, { id: 'b2' })];
    const table: Record<string, number> = { 'a1>b1': 0.9, 'a1>b2': 0.8, 'a2>b1': 0.85, 'a2>b2': 0.1 };
    const out = compareTargets(a, b, { similarity: (x, y) => table[`${x.id}>${y.id}`]! });
    expect(out.map((c) => `${c.a?.id}>${c.b?.id}`)).toEqual(['a1>b2', 'a2>b1']);
  });

  test('assign solves a small assignment problem exactly', () => {
    expect(assign([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ])).toEqual([1, 0, 2]);
  });

  test('never pairs a percentage with a count', () => {
    const out = compareTargets([target('Tỷ lệ tập dữ liệu mở được công bố', 20)], [target('Tỷ lệ tập dữ liệu mở được công bố', 20, { unit: 'tập dữ' })]);
    expect(out.map((c) => c.status)).toEqual(['dropped', 'added']);
  });
});

describe('on the seeds', () => {
  function pair(a: SeedName, b: SeedName, relation: 'parent' | 'peer' = 'peer'): string[] {
    return compareTargets(seed(a).targets, seed(b).targets, { relation }).map(show);
  }

  test('Khánh Hòa 2024 Sở Công Thương → 2025 UBND: raised, lowered, dropped, added (000 → 004)', () => {
    const rows = pair('sct2024', 'ubnd2025');
    expect(rows).toEqual(
      expect.arrayContaining([
        'modified raised | Tỷ lệ thanh toán trực tuyến | >= 45% → 60%',
        'modified raised | Tỷ lệ hồ sơ trực tuyến | >= 50% → 60%',
        'modified lowered | Tỷ lệ văn bản, hồ sơ | 100% → 90%',
        'copied | Tỷ lệ cung cấp dịch vụ | >= 80% → 80%',
        'copied | Tỷ lệ số hóa hồ sơ, | >= 80% → 80%',
        'copied | Tỷ lệ kết quả xử lý | 100% → 100%',
        'copied | Tỷ lệ cấp kết quả giải | 100% → 100%',
        'copied | Tỷ lệ khai thác, sử dụng | >= 50% → >= 50%',
        'copied | Tỷ lệ xử lý phản ánh, | 100% → 100%',
        'copied | Mức độ hài lòng trong tiếp | >= 90% → >= 90%',
        'dropped | Cập nhật dữ liệu quy định | 100% → ∅',
        'dropped | Tỷ lệ công bố, công khai | 100% → ∅',
        'added | Tỷ lệ thông tin, số liệu | ∅ → 100%',
        'added | Tỷ lệ Hệ thống giải quyết | ∅ → 100%',
      ]),
    );
  });

  test('names the lead change of a copied target (000 PL.I.1 "Văn phòng Sở" → 004 "Các sở, ban, ngành")', () => {
    const c = compareTargets(seed('sct2024').targets, seed('ubnd2025').targets).find((x) => x.b?.clauseId === 'PL.I.1')!;
    expect(c).toMatchObject({ status: 'copied', changes: ['lead'] });
    expect(c.summary).toContain('lead Văn phòng Sở → Các sở, ban, ngành');
  });

  test('two sibling department plans of the same year copy every target (000 → 003)', () => {
    const out = compareTargets(seed('sct2024').targets, seed('gddt2024').targets);
    expect(out.filter((c) => c.status !== 'copied').map(show)).toEqual([]);
  });

  test.skipIf(!hasShared('eval'))('meets the hand-made answers in ../shared/eval/gold/targetdiff.json (needs ../shared/eval)', () => {
    type Side = { key: string; value: number } | null;
    const gold = JSON.parse(readFileSync(sharedPath('eval/gold/targetdiff.json'), 'utf8')) as Record<string, Array<{ status: string; change?: string; a: Side; b: Side }>>;
    const bySeed: Record<string, SeedName> = { '000': 'sct2024', '001': 'bacgiang2023', '002': 'gialai2021', '003': 'gddt2024', '004': 'ubnd2025' };
    const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    const hit = (t: Target | null, w: Side) => (w === null ? t === null : t !== null && Math.abs(t.value - w.value) < 1e-9 && norm(`${t.metric} ${t.text}`).includes(norm(w.key)));
    const missed: string[] = [];
    for (const [key, rows] of Object.entries(gold)) {
      if (key.startsWith('_')) continue;
      const [fa, fb] = key.split('>');
      const out = compareTargets(seed(bySeed[fa!.slice(0, 3)]!).targets, seed(bySeed[fb!.slice(0, 3)]!).targets);
      for (const r of rows) {
        const ok = out.some((c) => c.status === r.status && (!('change' in r) || c.change === r.change) && hit(c.a, r.a) && hit(c.b, r.b));
        if (!ok) missed.push(`${key.slice(0, 3)}>${fb!.slice(0, 3)} ${r.status} ${r.a?.key ?? '-'} → ${r.b?.key ?? '-'}`);
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('CSV', () => {
  const changes = compareTargets(
    [target('Tỷ lệ công bố, công khai TTHC đúng hạn', 100, { lead: ['Văn phòng Sở'] }), target('Tỷ lệ thanh toán trực tuyến, "toàn trình"', 45, { comparator: '>=' })],
    [target('Tỷ lệ thanh toán trực tuyến, "toàn trình"', 60), target('=SUM(A1)', 1)],
  );
  const csv = targetsToCsv(changes);

  test('starts with a BOM and the header, and ends lines with CRLF', () => {
    expect(csv.startsWith(`\uFEFF${TARGET_CSV_HEADER.join(',')}\r\n`)).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(changes.length + 2);
  });

  test('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    expect(csv).toContain('"Tỷ lệ thanh toán trực tuyến, ""toàn trình"""');
    expect(csv).toContain(`'=SUM(A1)`);
    expect(csv).not.toMatch(/,=SUM/);
  });
});

describe('odd input', () => {
  test('rejects an unknown relation with a one-line message', () => {
    expect(() => compareTargets([], [], { relation: 'child' as 'peer' })).toThrow(/relation must be 'parent' or 'peer', got "child"/);
  });

  test('compares empty and degenerate target lists without throwing', () => {
    expect(compareTargets([], [])).toEqual([]);
    const odd = [target('', 0), target('%%%', Number.NaN), target('x'.repeat(3000), 1e12, { horizon: null, unit: null })];
    expect(() => compareTargets(odd, odd.slice().reverse(), { relation: 'parent' })).not.toThrow();
    expect(() => targetsToCsv(compareTargets(odd, []))).not.toThrow();
  });
});

describe('sums of money set as levels (a decree and the council resolution fixing its amounts, ../shared/realcorpus 4ea650b6 → 832399d0)', () => {
  // the decree: "Đối với Thôn đội trưởng: Mức hưởng phụ cấp hằng tháng … nhưng không thấp hơn 1.170.000 đồng"
  const floor = target('Mức hưởng phụ cấp hằng tháng do Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp quyết định nhưng', 1_170_000, {
    id: 'D1.2.c.p1#1', clauseId: 'D1.2.c.p1', comparator: '>=', unit: 'đồng', horizon: null,
    text: 'Đối với Thôn đội trưởng: Mức hưởng phụ cấp hằng tháng do Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp quyết định nhưng không thấp hơn 1.170.000 đồng".',
  });
  // another sum of the decree, for another allowance
  const meals = target('mức tiền ăn mỗi người mỗi ngày', 234_000, {
    id: 'D1.3.d.p1#2', clauseId: 'D1.3.d.p1', unit: 'đồng', horizon: null,
    text: 'b) Khi làm nhiệm vụ đấu tranh bảo vệ hải đảo, vùng biển: Mức trợ cấp ngày công lao động bằng 585.000 đồng; mức tiền ăn mỗi người mỗi ngày bằng 234.000 đồng;',
  });
  // the resolution: "Mức phụ cấp hàng tháng đối với Thôn (tổ) đội trưởng bằng 2.340.000 đồng"
  const level = target('Mức phụ cấp hàng tháng đối với Thôn (tổ) đội trưởng', 2_340_000, {
    id: 'D3.1#1', clauseId: 'D3.1', unit: 'đồng', horizon: null,
    text: 'Mức phụ cấp hàng tháng đối với Thôn (tổ) đội trưởng bằng 2.340.000 đồng (tương đương 1,0 lần mức lương cơ sở).',
  });

  test('matches the floor with the level that fixes it, by their sentences, and not with another sum', () => {
    const out = compareTargets([floor, meals], [level], { relation: 'parent' });
    expect(out.map((c) => `${c.status} ${c.a?.id ?? '-'} ${c.b?.id ?? '-'}`)).toEqual(['modified D1.2.c.p1#1 D3.1#1', 'dropped D1.3.d.p1#2 -']);
  });

  test('reads "không thấp hơn 1.170.000 đồng" → "bằng 2.340.000 đồng" as raised with the comparator changed', () => {
    const [c] = compareTargets([floor], [level], { relation: 'parent' });
    expect([c!.change, c!.changes, c!.verdict]).toEqual(['raised', ['value', 'comparator'], 'strengthened']);
  });

  test('compares sums written in different units as one amount ("1.170.000 đồng" → "1,17 triệu đồng": copied, no unit change)', () => {
    const same: Target = { ...level, value: 1.17, unit: 'triệu đồng', comparator: '>=' };
    const [c] = compareTargets([floor], [same], { relation: 'parent' });
    expect([c!.status, c!.changes]).toEqual(['copied', []]);
    const [d] = compareTargets([floor], [{ ...same, value: 2.34, comparator: '=' }], { relation: 'parent' });
    expect([d!.change, d!.changes, d!.verdict]).toEqual(['raised', ['value', 'comparator'], 'strengthened']);
  });

  test('still reads a plain percentage as the floor it states ("Tối thiểu 80%" → "80": copied)', () => {
    const [c] = compareTargets([target('Tỷ lệ số hóa hồ sơ', 80, { comparator: '>=' })], [target('Tỷ lệ số hóa hồ sơ', 80)]);
    expect(c!.status).toBe('copied');
  });
});

describe('durations and counts set as levels (forms of a procedure decision and the province decision that shortens it)', () => {
  const time = (value: number, comparator: Comparator, id: string): Target =>
    target('Thời gian giải quyết thủ tục cấp giấy phép khai thác khoáng sản', value, { id: `${id}#1`, clauseId: id, comparator, unit: 'ngày làm việc', horizon: null });
  const visits = (value: number, comparator: Comparator, id: string): Target =>
    target('kiểm tra tình hình thực hiện tại cơ sở', value, { id: `${id}#1`, clauseId: id, comparator, unit: 'lần', horizon: null });

  test('reads "không quá 10 ngày làm việc" → "là 07 ngày làm việc" as lowered, the ceiling made a level, and a stronger ask', () => {
    const [c] = compareTargets([time(10, '<=', 'D5.2')], [time(7, '=', 'PL.1.a')], { relation: 'parent' });
    expect([c!.status, c!.change, c!.changes, c!.verdict]).toEqual(['modified', 'lowered', ['value', 'comparator'], 'strengthened']);
  });

  test('reads "không quá 10 ngày làm việc" → "là 12 ngày làm việc" as raised and a weaker ask', () => {
    const [c] = compareTargets([time(10, '<=', 'D5.2')], [time(12, '=', 'PL.1.a')], { relation: 'parent' });
    expect([c!.change, c!.verdict]).toEqual(['raised', 'weakened']);
  });

  test('keeps a count a floor as percentages are ("tối thiểu 02 lần" → "đạt 02 lần": copied; → "đạt 03 lần": raised)', () => {
    expect(compareTargets([visits(2, '>=', 'II.3')], [visits(2, '=', 'II.4')])[0]!.status).toBe('copied');
    const [c] = compareTargets([visits(2, '>=', 'II.3')], [visits(3, '=', 'II.4')], { relation: 'parent' });
    expect([c!.change, c!.changes, c!.verdict]).toEqual(['raised', ['value'], 'strengthened']);
  });

  test('never pairs a duration with a sum of money', () => {
    const fee = target('Thời gian giải quyết thủ tục cấp giấy phép khai thác khoáng sản', 10, { id: 'D6#1', clauseId: 'D6', unit: 'triệu đồng', horizon: null });
    expect(compareTargets([time(10, '<=', 'D5.2')], [fee]).map((c) => c.status)).toEqual(['dropped', 'added']);
  });
});
