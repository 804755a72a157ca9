/**
 * `plandiff trends DIR`: the series of a folder and their metrics over the years (text, JSON, CSV,
 * markdown), or with `--year Y --by issuer` the plans of one year side by side, issuer × metric.
 */
import { buildLineage } from '../corpus/lineage.js';
import { buildTrends, issuerMatrix, type IssuerMatrix, type TrendPlan, type Trends, type TrendValue } from '../corpus/trends.js';
import { toCsv } from '../compare/target-compare.js';
import { listPlanFiles, readPlanFile, UserError } from '../node/files.js';
import { parseDocument } from '../read/parse.js';
import type { LineageInput } from '../corpus/lineage.js';
import type { Comparator } from '../types.js';
import { EXIT_SKIPPED, type CliContext, type CliIo } from './io.js';

/** Options of the command. */
export interface TrendsCommandOptions {
  json?: boolean;
  format?: string;
  year?: string;
  by?: string;
}

const SIGN: Record<Comparator, string> = { '>=': '≥ ', '>': '> ', '=': '', '<=': '≤ ', '<': '< ' };

/** "≥ 45%", "100%", "≤ 3 ngày". */
export function commitment(v: { comparator: Comparator; value: number; unit: string | null }): string {
  const unit = v.unit === '%' ? '%' : v.unit ? ` ${v.unit}` : '';
  return `${SIGN[v.comparator] ?? ''}${v.value}${unit}`;
}

const CHANGE_MARK: Record<TrendValue['change'], string> = { new: '', raised: ' ↑', lowered: ' ↓', unchanged: '', changed: ' ~' };

/** Header of the trends CSV: one row per value. */
export const TRENDS_CSV_HEADER = ['series', 'issuer', 'title', 'metric', 'year', 'comparator', 'value', 'unit', 'horizon', 'change', 'dropped', 'via', 'file', 'targetId'];

/** The trends as CSV rows (one per metric and year). */
export function trendsToCsv(trends: Trends): string {
  const rows: Array<Array<string | number | null>> = [TRENDS_CSV_HEADER];
  for (const s of trends.series) {
    for (const m of s.metrics) {
      for (const v of m.values) rows.push([s.id, s.issuer, s.title, m.metric, v.year, v.comparator, v.value, v.unit, v.horizon, v.change, m.dropped, v.via, v.file, v.targetId]);
    }
  }
  return toCsv(rows);
}

function mdCell(s: string): string {
  return s.replaceAll('|', '\\|').replace(/\s+/g, ' ');
}

/** The years of a series with a column each. */
function yearsOf(s: Trends['series'][number]): number[] {
  return [...new Set(s.editions.map((e) => e.year))];
}

function cellOf(values: readonly TrendValue[], year: number, dropped: number | null): string {
  const v = values.find((x) => x.year === year);
  if (v) return `${commitment(v)}${CHANGE_MARK[v.change]}${v.via === 'implementer' ? '*' : ''}`;
  return dropped !== null && year >= dropped ? '(dropped)' : '—';
}

/** The trends as markdown: one table per series, a column per year. */
export function trendsToMd(trends: Trends): string {
  const out: string[] = ['# Trends', ''];
  if (!trends.series.length) out.push('No series of two editions or more in this folder.');
  for (const s of trends.series) {
    const years = yearsOf(s);
    out.push(`## ${mdCell(s.title)}`, '', `${mdCell(s.issuer)} · editions: ${s.editions.map((e) => `${e.year} ${e.file ?? '(cited only)'}`).join(', ')}`, '');
    if (!s.metrics.length) {
      out.push('No targets read for these editions.', '');
      continue;
    }
    out.push(`| Metric | ${years.join(' | ')} |`, `|---|${years.map(() => '---').join('|')}|`);
    for (const m of s.metrics) out.push(`| ${mdCell(m.metric)} | ${years.map((y) => mdCell(cellOf(m.values, y, m.dropped))).join(' | ')} |`);
    out.push('');
  }
  out.push('↑ raised, ↓ lowered, ~ changed otherwise; * read from a plan implementing an edition whose file is absent.');
  return out.join('\n');
}

/** The trends as text for a terminal. */
export function trendsToText(trends: Trends): string {
  if (!trends.series.length) return '(no series of two editions or more)';
  const out: string[] = [];
  for (const s of trends.series) {
    out.push(s.title, `  ${s.issuer} — ${s.editions.map((e) => `${e.year}: ${e.file ?? 'cited only'}`).join('; ')}`);
    const years = yearsOf(s);
    for (const m of s.metrics) out.push(`  · ${m.metric.length > 70 ? `${m.metric.slice(0, 69)}…` : m.metric}`, `      ${years.map((y) => `${y} ${cellOf(m.values, y, m.dropped)}`).join('   ')}`);
    out.push('');
  }
  out.push('↑ raised, ↓ lowered, ~ changed otherwise; * read from a plan implementing an edition whose file is absent.');
  return out.join('\n');
}

/** The issuer matrix as rows: issuer, then one column per metric. */
function matrixRows(m: IssuerMatrix): string[][] {
  return [['issuer', ...m.metrics.map((x) => metricHead(x, m.year))], ...m.rows.map((r) => [r.issuer, ...m.metrics.map((x) => (r.cells[x.id] ? commitment(r.cells[x.id] as never) : ''))])];
}

/** A column's heading: its indicator, and the year it is due by when that is not the matrix's year ("… (2030)"). */
function metricHead(x: IssuerMatrix['metrics'][number], year: number): string {
  return x.horizon !== null && x.horizon !== year ? `${x.metric} (${x.horizon})` : x.metric;
}

/** The issuer matrix as CSV. */
export function matrixToCsv(m: IssuerMatrix): string {
  return toCsv(matrixRows(m));
}

/** The issuer matrix as markdown. */
export function matrixToMd(m: IssuerMatrix): string {
  const rows = matrixRows(m);
  const head = rows[0] as string[];
  return [
    `# Targets of ${m.year} by issuer`,
    '',
    `| ${head.map(mdCell).join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.slice(1).map((r) => `| ${r.map((c) => mdCell(c || '—')).join(' | ')} |`),
  ].join('\n');
}

/** The issuer matrix as text: one block per issuer. */
export function matrixToText(m: IssuerMatrix): string {
  if (!m.rows.length) return `(no plans of ${m.year} with an issuer)`;
  const out: string[] = [`${m.rows.length} issuer(s), ${m.metrics.length} metric(s) in ${m.year}`, ''];
  for (const r of m.rows) {
    out.push(r.issuer);
    for (const x of m.metrics) {
      const head = metricHead(x, m.year);
      if (r.cells[x.id]) out.push(`  ${commitment(r.cells[x.id] as never).padEnd(10)} ${head.length > 90 ? `${head.slice(0, 89)}…` : head}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Reads every plan of a folder: the lineage inputs and what trends need of each (meta and targets). */
async function readFolder(io: CliIo, dir: string): Promise<{ plans: TrendPlan[]; inputs: LineageInput[]; skipped: Array<{ file: string; error: string }> }> {
  const files = await listPlanFiles(dir);
  const plans: TrendPlan[] = [];
  const inputs: LineageInput[] = [];
  const skipped: Array<{ file: string; error: string }> = [];
  for (const f of files) {
    try {
      const read = await readPlanFile(f.path);
      const doc = parseDocument(read.text, { file: f.path, encoding: read.encoding });
      plans.push({ file: f.relative, meta: doc.meta, targets: doc.targets });
      // the lineage needs identity and citations only: no clauses (no reuse is measured)
      inputs.push({ file: f.relative, doc: { ...doc, clauses: [] } });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      skipped.push({ file: f.relative, error: e.message });
      io.stderr.write(`plandiff: skipped ${e.message}\n`);
    }
  }
  return { plans, inputs, skipped };
}

function parseYear(year: string): number {
  const y = Number(year);
  if (!/^\d{4}$/.test(year.trim()) || y < 1945 || y > 2100) throw new UserError(`--year ${year}: expected a year such as 2025`);
  return y;
}

export async function commandTrends(cli: CliContext, dir: string, opts: TrendsCommandOptions): Promise<void> {
  if (opts.by !== undefined && opts.year === undefined) throw new UserError(`--by ${opts.by}: needs --year (the year whose plans are set side by side)`);
  const year = opts.year !== undefined ? parseYear(opts.year) : null;
  const { plans, inputs, skipped } = await readFolder(cli, dir);
  const format = opts.json ? 'json' : (opts.format ?? 'text');
  let text: string;
  if (year !== null) {
    const matrix = issuerMatrix(plans, year);
    if (format === 'json') text = JSON.stringify(skipped.length ? { ...matrix, skipped } : matrix, null, 2);
    else text = format === 'csv' ? matrixToCsv(matrix) : format === 'md' ? matrixToMd(matrix) : matrixToText(matrix);
  } else {
    const trends = buildTrends(buildLineage(inputs, { reuse: false }), plans);
    if (format === 'json') text = JSON.stringify(skipped.length ? { ...trends, skipped } : trends, null, 2);
    else text = format === 'csv' ? trendsToCsv(trends) : format === 'md' ? trendsToMd(trends) : trendsToText(trends);
  }
  cli.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  if (skipped.length) cli.exitCode = EXIT_SKIPPED;
}
