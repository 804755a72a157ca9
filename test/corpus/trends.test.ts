import { describe, expect, test } from 'vitest';
import { buildLineage } from '../../src/corpus/lineage.js';
import { buildTrends, issuerMatrix, type TrendPlan } from '../../src/corpus/trends.js';
import { loadSeeds, synthesizeSeries, type SeriesSynthPlan } from '../../src/node/synth.js';
import { parseDocument } from '../../src/read/parse.js';
import type { ParsedDocument } from '../../src/types.js';
import { corpusPath, SEEDS, seed } from '../corpus.js';

const trendPlan = (file: string, doc: ParsedDocument): TrendPlan => ({ file, meta: doc.meta, targets: doc.targets });

const bundledDocs = () => (Object.keys(SEEDS) as Array<keyof typeof SEEDS>).map((k) => ({ file: SEEDS[k], doc: seed(k) }));
const bundledTrends = () => {
  const docs = bundledDocs();
  return buildTrends(buildLineage(docs, { reuse: false }), docs.map((d) => trendPlan(d.file, d.doc)));
};

describe('trends of the bundled plans', () => {
  test('one series: the Khánh Hòa province plan, 2024 (cited only) and 2025', () => {
    const { series } = bundledTrends();
    expect(series.map((s) => [s.id, s.issuer, s.editions.map((e) => [e.year, e.file])])).toEqual([
      ['khanh-hoa/uy-ban-nhan-dan/ke-hoach/cai-cach-thu-tuc-hanh-chinh-trong-tam', 'UBND tỉnh Khánh Hòa', [[2024, null], [2025, SEEDS.ubnd2025]]],
    ]);
  });

  test('"Tỷ lệ thanh toán trực tuyến": ≥ 45 % in 2024 (restated by a department plan implementing 421/QĐ-UBND) → 60 % in 2025, raised', () => {
    const [series] = bundledTrends().series;
    const payment = series!.metrics.find((m) => m.metric.startsWith('Tỷ lệ thanh toán trực tuyến'));
    expect(payment?.values.map((v) => [v.year, v.comparator, v.value, v.unit, v.change, v.via, v.file])).toEqual([
      [2024, '>=', 45, '%', 'new', 'implementer', SEEDS.sct2024],
      [2025, '=', 60, '%', 'raised', 'edition', SEEDS.ubnd2025],
    ]);
    expect(payment?.dropped).toBeNull();
  });

  test('marks metrics of 2024 missing from 2025 as dropped, and 2025 ones as new', () => {
    const [series] = bundledTrends().series;
    const dropped = series!.metrics.filter((m) => m.dropped === 2025).map((m) => m.metric);
    expect(dropped).toContain('đơn giản hóa TTHC');
    const fresh = series!.metrics.filter((m) => m.values[0]?.year === 2025).map((m) => m.values[0]?.change);
    expect(fresh.length).toBeGreaterThan(0);
    expect(new Set(fresh)).toEqual(new Set(['new']));
  });

  test('without implementers standing in, the 2024 edition gives no values', () => {
    const docs = bundledDocs();
    const { series } = buildTrends(buildLineage(docs, { reuse: false }), docs.map((d) => trendPlan(d.file, d.doc)), { implementers: false });
    expect(series[0]!.metrics.every((m) => m.values.every((v) => v.year === 2025))).toBe(true);
  });
});

describe('trends of a synthetic corpus of several provinces over 2021–2026', () => {
  // 2 provinces × 6 years × (1 province plan + 1 department plan) = 24 plans, parsed once
  const plans: SeriesSynthPlan[] = [...synthesizeSeries(loadSeeds(corpusPath('')), { provinces: ['Khánh Hòa', 'Nghệ An'], departments: 1, seed: 3 })];
  const docs = plans.map((p) => ({ file: p.file, doc: parseDocument(p.text, { file: p.file }) }));
  const graph = buildLineage(docs, { reuse: false });
  const trends = buildTrends(graph, docs.map((d) => trendPlan(d.file, d.doc)));

  test('every generated plan has a number of its own, read back as written', () => {
    expect(new Set(plans.map((p) => p.number)).size).toBe(plans.length);
    expect(docs.map((d) => [d.doc.meta.number, d.doc.meta.year])).toEqual(plans.map((p) => [p.number, p.year]));
  });

  test('each province plan and each department plan is a series of six editions linked newer → older', () => {
    const own = trends.series.filter((s) => s.editions.every((e) => e.file !== null));
    expect(own.map((s) => s.id).sort()).toEqual([
      'khanh-hoa/so-cong-thuong/ke-hoach/cai-cach-thu-tuc-hanh-chinh-trong-tam',
      'khanh-hoa/uy-ban-nhan-dan/ke-hoach/cai-cach-thu-tuc-hanh-chinh-trong-tam',
      'nghe-an/so-cong-thuong/ke-hoach/cai-cach-thu-tuc-hanh-chinh-trong-tam',
      'nghe-an/uy-ban-nhan-dan/ke-hoach/cai-cach-thu-tuc-hanh-chinh-trong-tam',
    ]);
    for (const s of own) expect(s.editions.map((e) => e.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    const succeeds = graph.edges.filter((e) => e.relation === 'succeeds' && own.some((s) => s.editions.some((x) => x.node === e.source)));
    expect(succeeds).toHaveLength(4 * 5);
  });

  test('metrics are followed through all six years, and each value is the one the generator wrote in that year', () => {
    for (const s of trends.series.filter((x) => x.editions.every((e) => e.file !== null))) {
      const full = s.metrics.filter((m) => m.values.length === 6);
      expect(full.length).toBeGreaterThanOrEqual(10);
      for (const m of full) {
        for (const v of m.values) {
          const written = plans.find((p) => p.file === v.file)!.values;
          expect(written).toContain(v.value);
        }
      }
    }
  });

  test('changes are marked by the direction the value moved', () => {
    let raised = 0;
    let lowered = 0;
    for (const s of trends.series) {
      for (const m of s.metrics) {
        m.values.forEach((v, i) => {
          if (i === 0) return expect(v.change).toBe('new');
          const before = m.values[i - 1]!.value;
          if (v.value > before) expect(v.change).toBe('raised');
          else if (v.value < before) expect(v.change).toBe('lowered');
          else expect(['unchanged', 'changed']).toContain(v.change);
          if (v.change === 'raised') raised += 1;
          if (v.change === 'lowered') lowered += 1;
        });
      }
    }
    expect(raised).toBeGreaterThan(0);
    expect(lowered).toBeGreaterThan(0);
  });

  test('the 2025 plans side by side: one row per issuer, metrics matched across provinces', () => {
    const m = issuerMatrix(docs.map((d) => trendPlan(d.file, d.doc)), 2025);
    expect(m.rows.map((r) => r.issuer)).toEqual(['Sở Công Thương tỉnh Khánh Hòa', 'Sở Công Thương tỉnh Nghệ An', 'UBND tỉnh Khánh Hòa', 'UBND tỉnh Nghệ An']);
    const payment = m.metrics.find((x) => x.metric.startsWith('Tỷ lệ thanh toán trực tuyến'));
    expect(payment?.issuers).toBe(4);
    for (const r of m.rows) expect(r.files.every((f) => f.includes('/2025-'))).toBe(true);
    // the same metric is one column, not one per province
    expect(m.metrics.filter((x) => x.metric.startsWith('Tỷ lệ thanh toán trực tuyến'))).toHaveLength(1);
  });
});
