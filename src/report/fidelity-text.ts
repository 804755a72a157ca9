/**
 * Terminal rendering of a fidelity report (score and breakdown, findings, coverage, additions)
 * and of the folder matrix (parent clause/target × plan).
 */
import { orientationNote, orientationSentence } from './orientation-labels.js';
import pc, { createColors } from 'picocolors';
import type { ClauseCoverage, FidelityMatrix, FidelityReport, MatrixCell } from '../compare/fidelity.js';
import { clip } from '../text/clip.js';
import { documentName, findingLabel, findingSentence, formatSimilarity, labels, severityLabel, type Lang } from './compare-labels.js';

/** Options of the fidelity text renderers. */
export interface FidelityTextOptions {
  /** Use ANSI colours. */
  color: boolean;
  /** Leave copied clauses and skeleton out of the coverage list. */
  changesOnly: boolean;
  /** Label language. */
  lang: Lang;
  /** Longest clause text shown on a line. */
  textChars: number;
}

/** Defaults: colour when the terminal supports it, full coverage list, Vietnamese. */
export const FIDELITY_TEXT_DEFAULTS: Readonly<FidelityTextOptions> = { color: pc.isColorSupported, changesOnly: false, lang: 'vi', textChars: 70 };

const COVER_MARK = { copied: '=', modified: '~', dropped: '-' } as const;
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** The coverage line of a parent clause: "~ II.1.b → II.1.b (0.87)", "- III.1", "= I.1.a → I.1.a [khung chuẩn]". */
export function coverageLine(c: ClauseCoverage, lang: Lang = 'vi'): string {
  const L = labels(lang);
  const to = c.child.length > 0 ? ` → ${c.child.map((x) => x.id).join(', ')}` : '';
  const tags: string[] = [];
  if (c.status === 'modified' && c.similarity !== null) tags.push(`(${formatSimilarity(c.similarity)})`);
  if (c.nature === 'cosmetic') tags.push(L.cosmetic);
  if (c.skeleton) tags.push(`[${L.skeleton}]`);
  else if (!c.applies) tags.push(`[${L.notApplicable}]`);
  return [`${COVER_MARK[c.status]} ${c.parent.id}${to}`, ...tags].join(' ');
}

/** Renders one fidelity report for the terminal. */
/** The pair's orientation: swapped, and its warnings, one sentence each. */
function pairLines(report: FidelityReport, lang: 'vi' | 'en'): string[] {
  const o = report.orientation;
  if (!o) return [];
  const note = orientationNote(o, lang);
  return [...(note ? [note] : []), ...o.warnings.map((w) => orientationSentence(w, lang))];
}

export function renderFidelityText(report: FidelityReport, options: Partial<FidelityTextOptions> = {}): string {
  const o: FidelityTextOptions = { ...FIDELITY_TEXT_DEFAULTS, ...options };
  const L = labels(o.lang);
  const c = createColors(o.color);
  const s = report.score;
  const lines: string[] = [
    c.bold(L.fidelityTitle),
    `${L.child}: ${documentName(report.child)}${report.child.file ? `  ${c.dim(report.child.file)}` : ''}`,
    `${L.parent}: ${documentName(report.parent)}${report.parent.file ? `  ${c.dim(report.parent.file)}` : ''}`,
    ...pairLines(report, o.lang).map((l) => c.yellow(`! ${l}`)),
    '',
    `${c.bold(`${L.score}: ${s.value.toFixed(1)}/100`)}`,
    `  ${L.scoreClauses}: ${s.clauses === null ? L.none : (s.clauses * 100).toFixed(1) + '%'} (${L.counted}: ${s.counted.clauses}; ${L.skeleton}: ${s.counted.skeleton}; ${L.notApplicable}: ${s.counted.notApplicable})`,
    `  ${L.scoreTargets}: ${s.targets === null ? L.none : (s.targets * 100).toFixed(1) + '%'} (${L.counted}: ${s.counted.targets})`,
  ];
  for (const p of s.penalties) lines.push(`  ${L.penalties}: −${p.points} (${findingLabel(p.kind, o.lang)} × ${p.count})`);
  lines.push('', c.bold(`${L.findings} (${report.findings.length})`));
  if (report.findings.length === 0) lines.push(`  ${L.noFindings}`);
  const findings = [...report.findings].sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
  for (const f of findings) {
    const sev = `[${severityLabel(f.severity, o.lang)}]`;
    const paint = f.severity === 'high' ? c.red : f.severity === 'medium' ? c.yellow : c.dim;
    lines.push(`  ${paint(sev)} ${findingLabel(f.kind, o.lang)}: ${findingSentence(f, o.lang)}`);
  }
  lines.push('', c.bold(L.coverage));
  for (const cov of report.clauses) {
    if (o.changesOnly && (cov.status === 'copied' || cov.skeleton || !cov.applies)) continue;
    const line = `  ${coverageLine(cov, o.lang)}  ${clip(cov.parent.text.replace(/\s+/g, ' '), o.textChars)}`;
    lines.push(cov.status === 'copied' ? c.dim(line) : cov.status === 'dropped' && cov.applies && !cov.skeleton ? c.red(line) : line);
  }
  if (report.targets.length > 0) {
    lines.push('', c.bold(L.targets));
    for (const t of report.targets) {
      if (o.changesOnly && t.status === 'copied') continue;
      const verdict = t.change.verdict ? ` [${L[t.change.verdict]}]` : '';
      const na = t.applies ? '' : ` [${L.notApplicable}]`;
      const line = `  ${COVER_MARK[t.status]} ${t.change.summary}${verdict}${na}`;
      lines.push(t.change.verdict === 'weakened' ? c.red(line) : t.status === 'copied' ? c.dim(line) : line);
    }
  }
  if (report.additions.clauses.length > 0 || report.additions.targets.length > 0) {
    lines.push('', c.bold(`${L.additions} (${report.additions.clauses.length})`));
    for (const a of report.additions.clauses) lines.push(c.green(`  + ${a.id}  ${clip(a.text.replace(/\s+/g, ' '), o.textChars)}`));
    for (const t of report.additions.targets) lines.push(c.green(`  + ${t.id}  ${clip(t.metric, 60)}: ${t.comparator} ${t.value}${t.unit ?? ''}`));
  }
  return lines.join('\n') + '\n';
}

function cellMark(cell: MatrixCell): string {
  const base = COVER_MARK[cell.status];
  return cell.flag === 'weakened' ? '!' : base;
}

/** Renders the folder matrix: one column per plan, one row per parent clause or target. */
export function renderFidelityMatrixText(matrix: FidelityMatrix, options: Partial<FidelityTextOptions> = {}): string {
  const o: FidelityTextOptions = { ...FIDELITY_TEXT_DEFAULTS, ...options };
  const L = labels(o.lang);
  const c = createColors(o.color);
  const lines: string[] = [c.bold(L.matrixTitle), `${L.parent}: ${documentName(matrix.parent)}`, ''];
  matrix.plans.forEach((p, i) => lines.push(`  [${i + 1}] ${p.file ?? p.title ?? '?'} — ${L.score} ${p.score.toFixed(1)}`));
  lines.push('');
  const head = matrix.plans.map((_, i) => String(i + 1).padStart(3)).join('');
  lines.push(`${'ID'.padEnd(14)}${head}  `);
  for (const row of matrix.rows) {
    if (row.skeleton && o.changesOnly) continue;
    const marks = row.cells
      .map((cell) => {
        const m = cellMark(cell).padStart(3);
        if (row.skeleton || cell.status === 'copied') return c.dim(m);
        return cell.status === 'dropped' || cell.flag === 'weakened' ? c.red(m) : c.yellow(m);
      })
      .join('');
    const id = clip(row.kind === 'target' ? `◎ ${row.id}` : row.id, 13).padEnd(14);
    lines.push(`${id}${marks}  ${c.dim(clip(row.text.replace(/\s+/g, ' '), o.textChars))}`);
  }
  lines.push('', c.dim(`= ${L.copied}  ~ ${L.modified}  - ${L.dropped}  ! ${L.weakened}  ◎ ${L.targets}`));
  return lines.join('\n') + '\n';
}
