/**
 * View model of the fidelity view: the coverage matrix (a row per parent clause or target, a
 * column per child plan), each cell linking to its place in the diff of parent and child, and the
 * findings of the chosen child in the chosen language, each with links to the clauses it cites.
 */
import type { CoverageStatus, Finding, FidelityMatrix, FidelityReport, MatrixCell } from '../compare/fidelity.js';
import { findingLabel, findingSentence, severityLabel, type Lang } from '../report/compare-labels.js';
import { formatRoute, type ClauseRef } from './route.js';

/** A column of the matrix: one child plan. */
export interface MatrixColumn {
  /** The plan's identity. */
  file: string;
  /** Its title, or its file. */
  title: string;
  /** Issuing body. */
  issuer: string | null;
  /** Fidelity score 0..100. */
  score: number;
}

/** A cell of the matrix. */
export interface MatrixCellView {
  status: CoverageStatus;
  /** Weakened target or substantive rewording. */
  flag: MatrixCell['flag'];
  /** Similarity (0..1) of the carrying clause or target. */
  similarity: number | null;
  /** Hash of the diff of parent and this plan at this clause. */
  href: string;
}

/** A row of the matrix. */
export interface MatrixRowView {
  kind: 'clause' | 'target';
  /** Parent clause id, or target id ("PL.I.2#1"). */
  id: string;
  /** The parent clause's id in the diff (a target's clause: "PL.I.2"). */
  clauseId: string;
  text: string;
  /** Part of the standard skeleton: listed, not scored. */
  skeleton: boolean;
  cells: MatrixCellView[];
  /** Some plan does not copy it. */
  changed: boolean;
}

/** The clause a target or clause id stands in ("PL.I.2#1" → "PL.I.2"). */
export function clauseIdOf(id: string): string {
  const hash = id.indexOf('#');
  return hash < 0 ? id : id.slice(0, hash);
}

function diffHref(parent: string, child: string, clause: ClauseRef): string {
  return formatRoute({ view: 'diff', a: parent, b: child, clause });
}

/** Columns and rows of the matrix; `parentFile` and the plans' files build the links. */
export function matrixView(matrix: FidelityMatrix, parentFile: string): { columns: MatrixColumn[]; rows: MatrixRowView[] } {
  const columns: MatrixColumn[] = matrix.plans.map((p) => ({
    file: p.file ?? '',
    title: p.title ?? p.file ?? '?',
    issuer: p.issuer,
    score: p.score,
  }));
  const rows = matrix.rows.map((r) => {
    const clauseId = clauseIdOf(r.id);
    return {
      kind: r.kind,
      id: r.id,
      clauseId,
      text: r.text,
      skeleton: r.skeleton,
      changed: r.cells.some((c) => c.status !== 'copied'),
      cells: r.cells.map((c, k) => ({
        status: c.status,
        flag: c.flag,
        similarity: c.similarity,
        href: diffHref(parentFile, columns[k]?.file ?? '', { side: 'a', id: clauseId }),
      })),
    };
  });
  return { columns, rows };
}

/** Rows kept by the matrix filters. */
export function filterMatrixRows(rows: readonly MatrixRowView[], options: { skeleton: boolean; changesOnly: boolean }): MatrixRowView[] {
  return rows.filter((r) => (options.skeleton || !r.skeleton) && (!options.changesOnly || r.changed));
}

/** One finding as shown. */
export interface FindingView {
  kind: Finding['kind'];
  severity: Finding['severity'];
  /** The kind's label ("Chỉ tiêu bị hạ thấp"). */
  label: string;
  /** The severity's label. */
  severityLabel: string;
  /** One sentence in the chosen language. */
  sentence: string;
  /** Links to the places the finding cites, in the diff of parent (A) and child (B). */
  links: Array<{ side: 'a' | 'b'; id: string; href: string }>;
  /** The finding's stable review id. */
  id: string;
  /** Its English sentence, kept with a decision as the text decided on. */
  message: string;
}

const SEVERITY_RANK: Record<Finding['severity'], number> = { high: 0, medium: 1, low: 2 };

/** The report's findings, most severe first, in `lang`, linking into the diff of parent and child. */
export function findingViews(report: FidelityReport, parentFile: string, childFile: string, lang: Lang): FindingView[] {
  return report.findings
    .map((f, k) => ({ f, k }))
    .sort((x, y) => SEVERITY_RANK[x.f.severity] - SEVERITY_RANK[y.f.severity] || x.k - y.k)
    .map(({ f }) => {
      const seen = new Set<string>();
      const links: FindingView['links'] = [];
      for (const e of f.evidence) {
        const side = e.side === 'parent' ? 'a' : 'b';
        const id = clauseIdOf(e.id);
        if (!id || seen.has(`${side}:${id}`)) continue;
        seen.add(`${side}:${id}`);
        links.push({ side, id, href: diffHref(parentFile, childFile, { side, id }) });
      }
      return {
        id: f.id,
        message: f.message,
        kind: f.kind,
        severity: f.severity,
        label: findingLabel(f.kind, lang),
        severityLabel: severityLabel(f.severity, lang),
        sentence: findingSentence(f, lang),
        links,
      };
    });
}

/** Copied / modified / dropped counts of one column over the scored (non-skeleton) rows. */
export function columnCoverage(rows: readonly MatrixRowView[], column: number): Record<CoverageStatus, number> {
  const out = { copied: 0, modified: 0, dropped: 0 };
  for (const r of rows) {
    if (r.skeleton) continue;
    const c = r.cells[column];
    if (c) out[c.status] += 1;
  }
  return out;
}
