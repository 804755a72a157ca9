import { describe, expect, test } from 'vitest';
import { fidelityMatrix } from '../../src/compare/fidelity.js';
import { clauseIdOf, columnCoverage, filterMatrixRows, findingViews, matrixView } from '../../src/view/fidelity-view.js';
import { parseRoute } from '../../src/view/route.js';
import { seed, SEEDS } from '../corpus.js';

/** 003 and 000 (department plans 2024) against 004 (UBND tỉnh Khánh Hòa 2025) as the parent. */
const matrix = fidelityMatrix([seed('gddt2024'), seed('sct2024')], seed('ubnd2025'));
const view = matrixView(matrix, SEEDS.ubnd2025);
const report = matrix.reports[0]!;

describe('fidelity view', () => {
  test('has one column per child plan, the chosen child first, with its score', () => {
    expect(view.columns.map((c) => c.file)).toEqual([SEEDS.gddt2024, SEEDS.sct2024]);
    expect(view.columns[0]!.score).toBe(report.score.value);
  });

  test('links every matrix cell to the parent clause in the diff of parent and that plan', () => {
    const row = view.rows.find((r) => r.kind === 'target')!;
    const route = parseRoute(row.cells[1]!.href);
    expect(route).toMatchObject({ view: 'diff', a: SEEDS.ubnd2025, b: SEEDS.sct2024, clause: { side: 'a', id: row.clauseId } });
    expect(row.clauseId).not.toContain('#');
  });

  test.each([
    ['PL.I.2#1', 'PL.I.2'],
    ['II.2.a.-5#2', 'II.2.a.-5'],
    ['I.1', 'I.1'],
  ])('reads target id %s as clause %s', (id, clause) => {
    expect(clauseIdOf(id)).toBe(clause);
  });

  test('hides skeleton rows unless asked, and can keep only rows some plan does not copy', () => {
    const all = filterMatrixRows(view.rows, { skeleton: true, changesOnly: false });
    const plain = filterMatrixRows(view.rows, { skeleton: false, changesOnly: false });
    const gaps = filterMatrixRows(view.rows, { skeleton: false, changesOnly: true });
    expect(all).toHaveLength(view.rows.length);
    expect(plain.every((r) => !r.skeleton)).toBe(true);
    expect(gaps.every((r) => r.cells.some((c) => c.status !== 'copied'))).toBe(true);
  });

  test('counts coverage of a column over the scored rows', () => {
    const c = columnCoverage(view.rows, 0);
    expect(c.copied + c.modified + c.dropped).toBe(view.rows.filter((r) => !r.skeleton).length);
  });

  test('puts high-severity findings first, in Vietnamese, with links into the diff', () => {
    const findings = findingViews(report, SEEDS.ubnd2025, SEEDS.gddt2024, 'vi');
    expect(findings.length).toBe(report.findings.length);
    const order = { high: 0, medium: 1, low: 2 };
    expect(findings.map((f) => order[f.severity])).toEqual([...findings.map((f) => order[f.severity])].sort());
    const weakened = findings.find((f) => f.kind === 'weakened-target');
    if (weakened) {
      expect(weakened.label).toBe('Chỉ tiêu bị hạ thấp');
      expect(weakened.links.map((l) => l.side)).toEqual(['a', 'b']);
      expect(parseRoute(weakened.links[0]!.href)).toMatchObject({ view: 'diff', a: SEEDS.ubnd2025, b: SEEDS.gddt2024 });
    }
  });

  test('gives the English sentence when asked', () => {
    const en = findingViews(report, SEEDS.ubnd2025, SEEDS.gddt2024, 'en');
    expect(en.map((f) => f.sentence)).toEqual([...report.findings].sort((x, y) => ({ high: 0, medium: 1, low: 2 })[x.severity] - ({ high: 0, medium: 1, low: 2 })[y.severity]).map((f) => f.message));
  });
});
