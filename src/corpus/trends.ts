/**
 * Trends: how the commitments of one series of plans move over the years, and how the plans of
 * one year compare across issuers (provinces side by side).
 *
 * For a series (series.ts), the targets of consecutive editions are matched as the target
 * comparison matches two plans (`compareTargets`, relation 'peer' with both years, so an annual
 * plan restated next year is not a change), and each matched chain is one metric with its
 * commitment in each year, marked new, raised, lowered, unchanged or changed, and dropped when a
 * later edition no longer has it. An edition known only from citations (421/QĐ-UBND, whose file is
 * absent) has no targets of its own; by default the plans of the folder that implement it stand in
 * for it (the 2024 department plans restate the province's targets), and its values say so.
 *
 * The issuer matrix sets the targets of one year's plans side by side, one row per issuer, one
 * column per metric, metrics of different issuers matched by meaning in the same way.
 */
import { compareTargets, targetSimilarity } from '../compare/target-compare.js';
import type { Comparator, DocumentMeta, LineageGraph, Target, TargetChange } from '../types.js';
import { implementers } from './lineage.js';
import { findSeries, type PlanSeries, type SeriesEdition, type SeriesOptions } from './series.js';

/** What trends need of a plan of the folder: its identity and its targets. */
export interface TrendPlan {
  /** Relative path (as in the lineage graph). */
  file: string;
  meta: Pick<DocumentMeta, 'year' | 'issuer' | 'title' | 'province' | 'level'>;
  targets: readonly Target[];
}

/** How a value moved from the edition before. */
export type TrendChange = 'new' | 'raised' | 'lowered' | 'unchanged' | 'changed';

/** A metric's commitment in one year. */
export interface TrendValue {
  year: number;
  comparator: Comparator;
  value: number;
  unit: string | null;
  /** Year by which it is due, when written. */
  horizon: number | null;
  /** File the target was read from. */
  file: string;
  /** Target id in that file ("PL.I.2#1"). */
  targetId: string;
  /** Against the previous year's value of this metric: new (first seen), raised, lowered, unchanged, changed (comparator, unit or horizon only). */
  change: TrendChange;
  /** 'edition' when read from the edition itself; 'implementer' when the edition's file is absent and a
   * plan of the folder implementing it stands in (its restatement of the edition's targets). */
  via: 'edition' | 'implementer';
}

/** One metric of a series over the years. */
export interface TrendMetric {
  /** The indicator phrase as the newest edition having it writes it. */
  metric: string;
  /** Values, oldest first. */
  values: TrendValue[];
  /** Year of the first later edition without it; null while every later edition keeps it. */
  dropped: number | null;
}

/** A series with its metrics over the years (the `trends --json` shape). */
export interface TrendSeries extends PlanSeries {
  metrics: TrendMetric[];
}

/** The `plandiff trends --json` output. */
export interface Trends {
  series: TrendSeries[];
}

/** How trends are read. */
export interface TrendOptions {
  /** Series finding (see SERIES_DEFAULTS). */
  series: Partial<SeriesOptions>;
  /** Let a plan of the folder implementing an absent edition stand in for its targets. */
  implementers: boolean;
  /** Least metric similarity for two targets to be one metric (the target comparison's threshold when null). */
  threshold: number | null;
}

/** Defaults: implementers stand in for absent editions; the target comparison's own threshold. */
export const TREND_DEFAULTS: Readonly<TrendOptions> = { series: {}, implementers: true, threshold: null };

/** The targets standing for one year of a series, and where they come from. */
interface YearTargets {
  year: number;
  file: string;
  targets: readonly Target[];
  via: TrendValue['via'];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The targets of each year of a series: the first edition of the year with a file, else (optionally) its first implementer. */
function yearTargets(editions: readonly SeriesEdition[], plans: ReadonlyMap<string, TrendPlan>, nodeFile: ReadonlyMap<string, string>, implementedBy: ReadonlyMap<string, string[]>, o: TrendOptions): YearTargets[] {
  const out: YearTargets[] = [];
  for (const year of [...new Set(editions.map((e) => e.year))]) {
    const same = editions.filter((e) => e.year === year);
    const own = same.map((e) => (e.file ? plans.get(e.file) : undefined)).find((p) => p !== undefined);
    if (own) {
      out.push({ year, file: own.file, targets: own.targets, via: 'edition' });
      continue;
    }
    if (!o.implementers) continue;
    const stand = same
      .flatMap((e) => implementedBy.get(e.node) ?? [])
      .map((id) => nodeFile.get(id))
      .filter((f): f is string => f !== undefined && plans.has(f))
      .sort(cmp)
      .map((f) => plans.get(f) as TrendPlan)
      .find((p) => p.targets.length > 0);
    if (stand) out.push({ year, file: stand.file, targets: stand.targets, via: 'implementer' });
  }
  return out;
}

function valueOf(t: Target, year: number, file: string, via: TrendValue['via'], change: TrendChange): TrendValue {
  return { year, comparator: t.comparator, value: t.value, unit: t.unit, horizon: t.horizon, file, targetId: t.id, change, via };
}

function changeOf(c: TargetChange): TrendChange {
  if (c.status === 'copied') return 'unchanged';
  if (c.change === 'raised' || c.change === 'lowered') return c.change;
  return c.changes.length ? 'changed' : 'unchanged';
}

/** The metrics of one series: chains of matched targets over its years. */
export function seriesMetrics(years: readonly YearTargets[], threshold: number | null = null): TrendMetric[] {
  interface Chain {
    metric: TrendMetric;
    last: Target;
  }
  const chains: Chain[] = [];
  let open: Chain[] = [];
  let prev: YearTargets | null = null;
  for (const y of years) {
    const next: Chain[] = [];
    if (!prev) {
      for (const t of y.targets) next.push({ metric: { metric: t.metric, values: [valueOf(t, y.year, y.file, y.via, 'new')], dropped: null }, last: t });
    } else {
      const byTarget = new Map(open.map((c) => [c.last, c]));
      const changes = compareTargets(open.map((c) => c.last), [...y.targets], { relation: 'peer', years: { a: prev.year, b: y.year }, ...(threshold !== null ? { threshold } : {}) });
      for (const c of changes) {
        if (c.a && c.b) {
          const chain = byTarget.get(c.a) as Chain;
          chain.metric.values.push(valueOf(c.b, y.year, y.file, y.via, changeOf(c)));
          chain.metric.metric = c.b.metric;
          chain.last = c.b;
          next.push(chain);
        } else if (c.a) (byTarget.get(c.a) as Chain).metric.dropped = y.year;
        else if (c.b) next.push({ metric: { metric: c.b.metric, values: [valueOf(c.b, y.year, y.file, y.via, 'new')], dropped: null }, last: c.b });
      }
    }
    for (const c of next) if (!chains.includes(c)) chains.push(c);
    open = next;
    prev = y;
  }
  return chains.map((c) => c.metric);
}

/**
 * The trends of a folder: every series of two editions or more (found in the lineage graph's
 * nodes), its editions by year and its metrics over the years. `plans` are the plans of the folder
 * by relative path.
 */
export function buildTrends(graph: LineageGraph, plans: Iterable<TrendPlan>, options: Partial<TrendOptions> = {}): Trends {
  const o: TrendOptions = { ...TREND_DEFAULTS, ...options };
  const byFile = new Map<string, TrendPlan>();
  for (const p of plans) byFile.set(p.file, p);
  const nodeFile = new Map<string, string>();
  for (const n of graph.nodes) if (n.file !== undefined) nodeFile.set(n.id, n.file);
  const implementedBy = implementers(graph);
  const series = findSeries(graph.nodes, o.series).map((s) => ({ ...s, metrics: seriesMetrics(yearTargets(s.editions, byFile, nodeFile, implementedBy, o), o.threshold) }));
  return { series };
}

// ---------------------------------------------------------------------------------------------
// Issuers side by side

/** A metric column of the issuer matrix. */
export interface MatrixMetric {
  /** Column id ("m1", "m2" …), in the order of the columns. */
  id: string;
  /** The indicator phrase of its first commitment. */
  metric: string;
  /** Unit of its values, when they agree. */
  unit: string | null;
  /** Year its first commitment is due by, when written (a plan of the year may also commit for 2030):
   * two commitments of one indicator due by different years are two columns. */
  horizon: number | null;
  /** How many issuers commit to it. */
  issuers: number;
}

/** One issuer's commitment to a metric. */
export interface MatrixCell {
  comparator: Comparator;
  value: number;
  unit: string | null;
  /** Year it is due by, when written. */
  horizon: number | null;
  file: string;
  targetId: string;
}

/** One row: an issuer and its commitments by metric column id. */
export interface MatrixRow {
  issuer: string;
  /** Province of the issuer, when known. */
  province: string | null;
  /** Plans of the year read for it. */
  files: string[];
  cells: Record<string, MatrixCell>;
}

/** The `plandiff trends --year Y --by issuer` output. */
export interface IssuerMatrix {
  year: number;
  by: 'issuer';
  /** Columns, the metrics most issuers commit to first. */
  metrics: MatrixMetric[];
  rows: MatrixRow[];
}

/** An issuer's targets with each commitment once: a target restated word for word (the same indicator,
 * value, comparator, unit and horizon — in the plan's text and again in its appendix table, or in two
 * plans of the year) is one commitment, not two columns. Two commitments of one indicator that
 * differ (another value or horizon) stay apart. */
function restatedOnce<T extends { t: Target }>(targets: readonly T[]): T[] {
  const seen = new Set<string>();
  return targets.filter(({ t }) => {
    const key = [t.metricNorm, t.unit ?? '', t.horizon ?? '', t.comparator, t.value].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether two targets can share a column: the same unit (the target comparison's rule: two units of
 * money compare too), or no unit beside a percentage. A figure without a unit ("≥ 95" in a table)
 * is a rate or a count; it never shares a column with a duration or a sum of money ("≤ 9 ngày làm
 * việc" beside "Tỉ lệ hồ sơ …: 100" is another indicator). */
function unitsAgree(x: Target, y: Target): boolean {
  if (!x.unit === !y.unit) return true;
  return (x.unit ?? y.unit) === '%';
}

/**
 * The targets of the plans issued in `year`, one row per issuer and one column per metric: each
 * issuer's targets (each commitment once: `restatedOnce`) are matched to the columns so far as the
 * target comparison matches two plans, a column taking only targets of its unit (`unitsAgree`) and
 * of its year due; those left over open new columns. An issuer with several plans that year gets
 * the targets of all.
 */
export function issuerMatrix(plans: Iterable<TrendPlan>, year: number, options: { threshold?: number } = {}): IssuerMatrix {
  const byIssuer = new Map<string, TrendPlan[]>();
  for (const p of plans) {
    if (p.meta.year !== year || !p.meta.issuer) continue;
    const list = byIssuer.get(p.meta.issuer) ?? [];
    list.push(p);
    byIssuer.set(p.meta.issuer, list);
  }
  interface Column {
    metric: MatrixMetric;
    /** The target standing for the column in matching (its first commitment). */
    repr: Target;
  }
  const columns: Column[] = [];
  const rows: MatrixRow[] = [];
  for (const issuer of [...byIssuer.keys()].sort((a, b) => a.localeCompare(b, 'vi'))) {
    const list = (byIssuer.get(issuer) as TrendPlan[]).sort((a, b) => cmp(a.file, b.file));
    const row: MatrixRow = { issuer, province: list[0]?.meta.province ?? null, files: list.map((p) => p.file), cells: {} };
    const targets = restatedOnce(list.flatMap((p) => p.targets.map((t) => ({ t, file: p.file }))));
    const fileOf = new Map(targets.map((x) => [x.t, x.file]));
    const byRepr = new Map(columns.map((c) => [c.repr, c]));
    const reprs = columns.map((c) => c.repr);
    const own = targets.map((x) => x.t);
    const alike = targetSimilarity(reprs, own);
    const changes = compareTargets(reprs, own, {
      relation: 'peer',
      years: { a: year, b: year },
      // one column per indicator, unit and year due: never a duration beside a rate, nor a 2030 figure beside a 2025 one
      similarity: (x, y) => (unitsAgree(x, y) && (x.horizon === null || y.horizon === null || x.horizon === y.horizon) ? alike(x, y) : 0),
      ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
    });
    for (const c of changes) {
      if (!c.b) continue;
      let column = c.a ? byRepr.get(c.a) : undefined;
      if (!column) {
        column = { metric: { id: '', metric: c.b.metric, unit: c.b.unit, horizon: c.b.horizon, issuers: 0 }, repr: c.b };
        columns.push(column);
      }
      const key = String(columns.indexOf(column));
      if (row.cells[key] !== undefined) continue;
      column.metric.issuers += 1;
      row.cells[key] = { comparator: c.b.comparator, value: c.b.value, unit: c.b.unit, horizon: c.b.horizon, file: fileOf.get(c.b) as string, targetId: c.b.id };
    }
    rows.push(row);
  }
  // columns: most issuers first, then first seen; ids follow that order
  const ordered = columns.map((c, i) => ({ c, i })).sort((x, y) => y.c.metric.issuers - x.c.metric.issuers || x.i - y.i);
  const idOf = new Map<string, string>();
  ordered.forEach(({ c, i }, k) => {
    c.metric.id = `m${k + 1}`;
    idOf.set(String(i), c.metric.id);
  });
  for (const row of rows) {
    const cells: Record<string, MatrixCell> = {};
    for (const [key, cell] of Object.entries(row.cells)) cells[idOf.get(key) as string] = cell;
    row.cells = cells;
  }
  return { year, by: 'issuer', metrics: ordered.map(({ c }) => c.metric), rows };
}
