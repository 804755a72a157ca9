import { describe, expect, test } from 'vitest';
import { orientPair } from '../../src/compare/orient.js';
import { compareDocuments } from '../../src/compare/compare.js';
import { fidelity, fidelityMatrix } from '../../src/compare/fidelity.js';
import { parseDocument } from '../../src/read/parse.js';
import { seed, seedText, SEEDS } from '../corpus.js';

const codes = (ws: Array<{ code: string }>): string[] => ws.map((w) => w.code);

/** 003 (Sở GDĐT Khánh Hòa, 2024) re-issued under another province's name: every "Khánh Hòa" → "Bắc Giang". */
function movedProvince(): ReturnType<typeof parseDocument> {
  return parseDocument(seedText('gddt2024').replaceAll('Khánh Hòa', 'Bắc Giang'), { file: 'moved-' + SEEDS.gddt2024 });
}

/** 003 made to implement the province plan 344/QĐ-UBND of 2025 instead of last year's 421/QĐ-UBND, and re-dated. */
function citingParent(): ReturnType<typeof parseDocument> {
  const text = seedText('gddt2024');
  expect(text).toContain('421/QĐ-UBND');
  return parseDocument(
    text.replaceAll('421/QĐ-UBND ngày 06/02/2024', '344/QĐ-UBND ngày 13/02/2025').replace('ngày tháng 02 năm 2024', 'ngày 20 tháng 02 năm 2025'),
    { file: 'citing-' + SEEDS.gddt2024 },
  );
}

describe('orientPair', () => {
  test('a department plan given first is swapped under the province plan (level, and it implements the series)', () => {
    const o = orientPair(seed('gddt2024'), seed('ubnd2025'));
    expect(o).toMatchObject({ relation: 'parent', swapped: true, reason: 'series' });
  });

  test('the province plan given first is kept as the parent', () => {
    expect(orientPair(seed('ubnd2025'), seed('gddt2024'))).toMatchObject({ relation: 'parent', swapped: false });
  });

  test('warns that the 2024 department plan is older than the 2025 parent and implements last year\'s 421/QĐ-UBND, not 344/QĐ-UBND', () => {
    const o = orientPair(seed('ubnd2025'), seed('gddt2024'));
    expect(codes(o.warnings)).toEqual(['child-older', 'cites-earlier-edition']);
    expect(o.warnings[1]!.detail).toMatchObject({ cited: '421/QĐ-UBND', citedYear: 2024, parent: '344/QĐ-UBND' });
  });

  test('a child that cites the parent by number is ordered by the citation and draws no citation warning', () => {
    const o = orientPair(citingParent(), seed('ubnd2025'));
    expect(o).toMatchObject({ relation: 'parent', swapped: true, reason: 'cites' });
    expect(codes(o.warnings)).toEqual([]);
  });

  test('a plan of another province that cites nothing of the parent gets both warnings', () => {
    const o = orientPair(seed('ubnd2025'), seed('bacgiang2023'));
    expect(o).toMatchObject({ relation: 'parent', swapped: false, reason: 'level' });
    expect(codes(o.warnings)).toEqual(['child-older', 'other-province', 'cites-neither']);
  });

  test('two department plans of one province are peers, in the order given', () => {
    expect(orientPair(seed('gddt2024'), seed('sct2024'))).toEqual({ relation: 'peer', parent: null, swapped: false, reason: null, warnings: [] });
  });

  test('relation peer is never swapped, relation parent keeps the order given with its warnings', () => {
    expect(orientPair(seed('gddt2024'), seed('ubnd2025'), { relation: 'peer' }).swapped).toBe(false);
    const given = orientPair(seed('gddt2024'), seed('ubnd2025'), { relation: 'parent' });
    expect(given).toMatchObject({ relation: 'parent', swapped: false, reason: 'given' });
    expect(codes(given.warnings)).toContain('cites-neither');
  });

  test('a series key known from the lineage graph counts as citing the series', () => {
    const o = orientPair(seed('ubnd2025'), seed('sct2024'), { relation: 'parent', parentSeries: ['QĐ-UBND/421/2024'] });
    expect(codes(o.warnings)).toContain('cites-earlier-edition');
  });
});

describe('fidelity and compare order the pair', () => {
  test('fidelity(province, department) swaps: the province is not blamed for weakening the department\'s targets', () => {
    const wrong = fidelity(seed('ubnd2025'), seed('gddt2024'));
    const right = fidelity(seed('gddt2024'), seed('ubnd2025'));
    expect(wrong.orientation.swapped).toBe(true);
    expect(wrong.parent.file).toBe(right.parent.file);
    expect(wrong.child.file).toBe(right.child.file);
    expect(wrong.findings.map((f) => f.kind)).toEqual(right.findings.map((f) => f.kind));
    expect(wrong.score.value).toBe(right.score.value);
  });

  test('orient: false keeps the order given', () => {
    const kept = fidelity(seed('ubnd2025'), seed('gddt2024'), { orient: false });
    expect(kept.orientation.swapped).toBe(false);
    expect(kept.parent.file).toContain('gddt');
  });

  test('two peers are judged as given with an "undecided" warning', () => {
    const r = fidelity(seed('sct2024'), seed('gddt2024'));
    expect(r.orientation.swapped).toBe(false);
    expect(codes(r.orientation.warnings)[0]).toBe('undecided');
  });

  test('compare with orient puts the parent on side A and says it swapped; the target verdicts are the parent\'s', () => {
    const cmp = compareDocuments(seed('gddt2024'), seed('ubnd2025'), { orient: true });
    expect(cmp.orientation).toMatchObject({ swapped: true, parent: 'second', relation: 'parent' });
    expect(cmp.a.file).toContain('ubnd');
    expect(cmp.relation).toBe('parent');
    expect(cmp.targets.some((t) => t.verdict !== null)).toBe(true);
  });

  test('compare without orient keeps A and B as given (older → newer) and only tells which is the parent', () => {
    const cmp = compareDocuments(seed('gddt2024'), seed('ubnd2025'));
    expect(cmp.orientation).toMatchObject({ swapped: false, parent: 'second' });
    expect(cmp.a.file).toContain('gddt');
    expect(cmp.relation).toBe('peer');
    expect(compareDocuments(seed('gddt2024'), seed('ubnd2025'), { relation: 'peer', orient: true }).a.file).toContain('gddt');
  });

  test('the matrix of a province parent lists only its province\'s plans unless asked', () => {
    const m = fidelityMatrix([seed('sct2024'), seed('bacgiang2023'), movedProvince()], seed('ubnd2025'));
    expect(m.plans.map((p) => p.file)).toEqual([seed('sct2024').file]);
    expect(m.excluded.map((x) => x.province)).toEqual(['Bắc Giang', 'Bắc Giang']);
    const all = fidelityMatrix([seed('sct2024'), seed('bacgiang2023')], seed('ubnd2025'), { sameProvince: false });
    expect(all.plans).toHaveLength(2);
    expect(codes(all.reports[1]!.orientation.warnings)).toContain('other-province');
  });
});
