import { describe, expect, test } from 'vitest';
import { buildLineage } from '../../src/corpus/lineage.js';
import { buildTrends, issuerMatrix } from '../../src/corpus/trends.js';
import { chartCsv, commitmentLabel, heatCsv, heatTable, trendSeriesViews } from '../../src/view/trends-view.js';
import { Workspace } from '../../src/view/workspace.js';
import { SEEDS, seed, seedText } from '../corpus.js';

const docs = (Object.keys(SEEDS) as Array<keyof typeof SEEDS>).map((k) => ({ file: SEEDS[k], doc: seed(k) }));
const plans = docs.map((d) => ({ file: d.file, meta: d.doc.meta, targets: d.doc.targets }));
const trends = buildTrends(buildLineage(docs, { reuse: false }), plans);

describe('trendSeriesViews', () => {
  test('one chart per metric with values, those followed over both years first', () => {
    const [s] = trendSeriesViews(trends);
    expect(s!.years).toEqual([2024, 2025]);
    expect(s!.charts.length).toBe(trends.series[0]!.metrics.length);
    const lengths = s!.charts.map((c) => c.points.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  test('a chart says in words what it draws, restated 2024 values marked', () => {
    const [s] = trendSeriesViews(trends);
    const payment = s!.charts.find((c) => c.metric.startsWith('Tỷ lệ thanh toán trực tuyến'))!;
    expect(payment.summary).toMatch(/: 2024 ≥ 45%, 2025 60% \(raised\)$/u);
    expect(payment.points.map((p) => p.restated)).toEqual([true, false]);
    const csv = chartCsv(s!, payment).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csv).toHaveLength(3);
    expect(csv[2]).toMatch(/,2025,'=,60,%,raised,no,khanh-hoa\/2025-ubnd-cai-cach-tthc\.txt$/u);
  });

  test('a dropped metric keeps its last year and says when it went', () => {
    const [s] = trendSeriesViews(trends);
    const dropped = s!.charts.filter((c) => c.dropped === 2025);
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((c) => c.summary.endsWith('; dropped in 2025'))).toBe(true);
  });
});

describe('heatTable', () => {
  test('2024: two departments, every value of a column alike, so no heat is made up', () => {
    const t = heatTable(issuerMatrix(plans, 2024));
    expect(t.rows.map((r) => r.issuer)).toEqual(['Sở Công Thương tỉnh Khánh Hòa', 'Sở Giáo dục và Đào tạo tỉnh Khánh Hòa']);
    const col = t.metrics.findIndex((m) => m.metric.startsWith('Tỷ lệ thanh toán trực tuyến'));
    expect(t.rows.map((r) => [r.cells[col]!.label, r.cells[col]!.heat])).toEqual([
      ['≥ 45%', null],
      ['≥ 45%', null],
    ]);
    expect(heatCsv(t).replace(/^\uFEFF/, '').split(/\r?\n/)[1]).toMatch(/^Sở Công Thương tỉnh Khánh Hòa,100%,/u);
  });

  test('heat runs from 0 at a column\u2019s lowest value to 1 at its highest', () => {
    const t = heatTable({
      year: 2025,
      by: 'issuer',
      metrics: [{ id: 'm1', metric: 'Tỷ lệ thanh toán trực tuyến', unit: '%', issuers: 3 }],
      rows: [40, 60, 50].map((value, i) => ({ issuer: `UBND tỉnh ${i}`, province: null, files: [], cells: { m1: { comparator: '>=' as const, value, unit: '%', file: 'f', targetId: 't' } } })),
    });
    expect(t.rows.map((r) => r.cells[0]!.heat)).toEqual([0, 1, 0.5]);
  });

  test.each([
    [{ comparator: '>=', value: 45, unit: '%' }, '≥ 45%'],
    [{ comparator: '=', value: 100, unit: '%' }, '100%'],
    [{ comparator: '<=', value: 5, unit: 'ngày' }, '≤ 5 ngày'],
  ] as const)('commitmentLabel(%o) is %s', (v, label) => {
    expect(commitmentLabel(v)).toBe(label);
  });
});

describe('Workspace.trends', () => {
  test('the corpus read from bytes gives the same series, and the issuer table of the latest year', async () => {
    const ws = new Workspace();
    for (const k of Object.keys(SEEDS) as Array<keyof typeof SEEDS>) await ws.add({ file: SEEDS[k], source: 'corpus', bytes: new TextEncoder().encode(seedText(k)) });
    const r = ws.trends(null);
    expect(r.years).toEqual([2021, 2023, 2024, 2025]);
    expect(r.year).toBe(2025);
    expect(r.trends.series.map((s) => s.id)).toEqual(trends.series.map((s) => s.id));
    expect(r.matrix?.rows.map((x) => x.issuer)).toEqual(['UBND tỉnh Khánh Hòa']);
    expect(ws.trends(2024).matrix?.rows).toHaveLength(2);
    expect(ws.trends(1999).year).toBe(2025);
  });
});
