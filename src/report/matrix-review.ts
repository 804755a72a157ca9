/**
 * A folder's fidelity matrix as the reports hand it in: for each plan judged against the parent, its
 * score, its findings by severity and the review decisions kept on the pair (isomorphic: the CLI
 * reads the decisions from the store, the web view from the server).
 */
import type { FidelityMatrix, FidelityReport } from '../compare/fidelity.js';
import type { Lang } from './compare-labels.js';
import type { DecisionMap } from './review-decisions.js';

/** What a folder report is made from. */
export interface MatrixReportInput {
  matrix: FidelityMatrix;
  /** The decisions on each plan's pair (parent → that plan), in the order of `matrix.plans`. */
  decisions: readonly DecisionMap[];
  lang: Lang;
}

/** One plan's line of the summary. */
export interface PlanReview {
  report: FidelityReport;
  score: number;
  findings: { total: number; high: number; medium: number; low: number };
  /** Decisions kept on the pair, by status (findings, target changes and clauses alike). */
  decided: { confirmed: number; explained: number; 'false-alarm': number };
  /** Findings with no decision yet. */
  openFindings: number;
  /** Decisions made on an earlier version of either plan. */
  earlier: number;
}

/** The summary line of each plan of the matrix. */
export function planReviews(input: MatrixReportInput): PlanReview[] {
  return input.matrix.reports.map((report, k) => {
    const decisions: DecisionMap = input.decisions[k] ?? new Map();
    const bySeverity = (s: 'high' | 'medium' | 'low'): number => report.findings.filter((f) => f.severity === s).length;
    const decided = { confirmed: 0, explained: 0, 'false-alarm': 0 };
    let earlier = 0;
    for (const d of decisions.values()) {
      decided[d.status] += 1;
      if (d.earlierVersion) earlier += 1;
    }
    return {
      report,
      score: report.score.value,
      findings: { total: report.findings.length, high: bySeverity('high'), medium: bySeverity('medium'), low: bySeverity('low') },
      decided,
      openFindings: report.findings.filter((f) => !decisions.has(f.id)).length,
      earlier,
    };
  });
}
