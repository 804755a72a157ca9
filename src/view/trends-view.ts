/**
 * View model of the "Xu hướng" (Trends) view: the series of the corpus as small multiples (one
 * chart per metric, its commitment year by year), each with the rows of its data table and its
 * CSV, and the issuer × metric heat table of one year. Pure: the Lit component only draws it.
 */
import type { IssuerMatrix, TrendChange, Trends } from '../corpus/trends.js';
import { toCsv } from '../compare/target-compare.js';
import type { Comparator } from '../types.js';

/** One point of a chart: a commitment in one year. */
export interface TrendPoint {
  year: number;
  value: number;
  comparator: Comparator;
  unit: string | null;
  change: TrendChange;
  /** True when read from a plan implementing an edition whose file is absent. */
  restated: boolean;
  /** "≥ 45%" */
  label: string;
  /** File the value was read from. */
  file: string;
}

/** One small chart: a metric of a series over the years. */
export interface TrendChart {
  /** Stable within the series ("m1", "m2" …). */
  id: string;
  metric: string;
  unit: string | null;
  points: TrendPoint[];
  /** Year of the first edition without it; null when kept. */
  dropped: number | null;
  /** One sentence for screen readers ("Tỷ lệ … : 2024 ≥ 45%, 2025 60% (raised)"). */
  summary: string;
}

/** A series as the view draws it. */
export interface TrendSeriesView {
  id: string;
  title: string;
  issuer: string;
  /** Years of its editions, oldest first (the shared x axis of its charts). */
  years: number[];
  /** Editions: year and file (null when only cited). */
  editions: Array<{ year: number; file: string | null }>;
  /** Charts, the metrics followed over most years first. */
  charts: TrendChart[];
}

const SIGN: Record<Comparator, string> = { '>=': '≥ ', '>': '> ', '=': '', '<=': '≤ ', '<': '< ' };

/** "≥ 45%", "100%", "≤ 5 ngày". */
export function commitmentLabel(v: { comparator: Comparator; value: number; unit: string | null }): string {
  const unit = v.unit === '%' ? '%' : v.unit ? ` ${v.unit}` : '';
  return `${SIGN[v.comparator] ?? ''}${v.value}${unit}`;
}

/** The series of the trends as small multiples. */
export function trendSeriesViews(trends: Trends): TrendSeriesView[] {
  return trends.series.map((s) => {
    const charts: TrendChart[] = s.metrics
      .filter((m) => m.values.length > 0)
      .map((m, i) => {
        const points = m.values.map((v) => ({
          year: v.year,
          value: v.value,
          comparator: v.comparator,
          unit: v.unit,
          change: v.change,
          restated: v.via === 'implementer',
          label: commitmentLabel(v),
          file: v.file,
        }));
        const steps = points.map((p) => `${p.year} ${p.label}${p.change === 'raised' || p.change === 'lowered' ? ` (${p.change})` : ''}`);
        return {
          id: `m${i + 1}`,
          metric: m.metric,
          unit: m.values[m.values.length - 1]?.unit ?? null,
          points,
          dropped: m.dropped,
          summary: `${m.metric}: ${steps.join(', ')}${m.dropped !== null ? `; dropped in ${m.dropped}` : ''}`,
        };
      })
      .sort((a, b) => b.points.length - a.points.length || Number(a.id.slice(1)) - Number(b.id.slice(1)));
    return {
      id: s.id,
      title: s.title,
      issuer: s.issuer,
      years: [...new Set(s.editions.map((e) => e.year))],
      editions: s.editions.map((e) => ({ year: e.year, file: e.file })),
      charts,
    };
  });
}

/** The data of one chart as CSV (what its table shows). */
export function chartCsv(series: TrendSeriesView, chart: TrendChart): string {
  return toCsv([
    ['series', 'metric', 'year', 'comparator', 'value', 'unit', 'change', 'restated', 'file'],
    ...chart.points.map((p) => [series.title, chart.metric, p.year, p.comparator, p.value, p.unit, p.change, p.restated ? 'yes' : 'no', p.file]),
  ]);
}

/** One cell of the heat table. */
export interface HeatCell {
  /** "≥ 80%"; empty when the issuer has no such target. */
  label: string;
  value: number | null;
  /** Place of the value between its column's lowest (0) and highest (1); null when empty or the column has one value only. */
  heat: number | null;
  /** Where it was read. */
  file: string | null;
  targetId: string | null;
}

/** The heat table: metric columns, issuer rows. */
export interface HeatTable {
  year: number;
  metrics: Array<{ id: string; metric: string; unit: string | null; issuers: number }>;
  rows: Array<{ issuer: string; cells: HeatCell[] }>;
}

/** The issuer matrix as a heat table; columns held by fewer than `minIssuers` issuers are left out. */
export function heatTable(matrix: IssuerMatrix, minIssuers = 1): HeatTable {
  const metrics = matrix.metrics.filter((m) => m.issuers >= minIssuers);
  const range = new Map<string, [number, number]>();
  for (const m of metrics) {
    const values = matrix.rows.map((r) => r.cells[m.id]?.value).filter((v): v is number => v !== undefined);
    range.set(m.id, [Math.min(...values), Math.max(...values)]);
  }
  return {
    year: matrix.year,
    metrics: metrics.map((m) => ({ id: m.id, metric: m.metric, unit: m.unit, issuers: m.issuers })),
    rows: matrix.rows.map((r) => ({
      issuer: r.issuer,
      cells: metrics.map((m) => {
        const c = r.cells[m.id];
        if (!c) return { label: '', value: null, heat: null, file: null, targetId: null };
        const [lo, hi] = range.get(m.id) as [number, number];
        return { label: commitmentLabel(c), value: c.value, heat: hi > lo ? (c.value - lo) / (hi - lo) : null, file: c.file, targetId: c.targetId };
      }),
    })),
  };
}

/** The heat table as CSV: issuer, then one column per metric. */
export function heatCsv(table: HeatTable): string {
  return toCsv([['issuer', ...table.metrics.map((m) => m.metric)], ...table.rows.map((r) => [r.issuer, ...r.cells.map((c) => c.label)])]);
}
