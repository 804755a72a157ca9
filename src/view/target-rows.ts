/**
 * View model of the target comparison table: old → new value of every target of A and B, the
 * markers that say how it changed (raised, lowered, weakened, strengthened, dropped, added), the
 * other aspects that changed, sorting by column, and the CSV export (the core's `targetsToCsv`).
 */
import { reviewItems } from '../compare/review-items.js';
import { targetsToCsv } from '../compare/target-compare.js';
import { formatValue } from '../extract/targets.js';
import type { Target, TargetChange, TargetChangeKind, TargetStatus } from '../types.js';
import { sortRows, type SortOrder } from './table-sort.js';

/** A marker shown next to a target. */
export type TargetMarker = 'raised' | 'lowered' | 'weakened' | 'strengthened' | 'dropped' | 'added';

/** One row of the target table. */
export interface TargetRow {
  /** Position in the comparison's target list. */
  index: number;
  status: TargetStatus;
  /** How it changed, most telling first (dropped/added, then raised/lowered, then weakened/strengthened). */
  markers: TargetMarker[];
  /** The indicator: B's wording when B has the target, else A's. */
  metric: string;
  /** A's wording when it differs from `metric` (folded comparison aside); null otherwise. */
  metricBefore: string | null;
  /** A's value as written ("≥ 45%"), null when added. */
  before: string | null;
  /** B's value as written, null when dropped. */
  after: string | null;
  /** A's value, for sorting. */
  valueBefore: number | null;
  /** B's value, for sorting. */
  valueAfter: number | null;
  /** B − A when both are in the same unit; null otherwise. */
  delta: number | null;
  /** Unit of the values. */
  unit: string | null;
  /** Due years of A and B. */
  horizonBefore: number | null;
  horizonAfter: number | null;
  /** Aspects other than the value that changed ("deadline", "lead", "comparator", …). */
  alsoChanged: TargetChangeKind[];
  /** Metric similarity (0..1) of matched targets. */
  similarity: number | null;
  /** Clause of A and of B the targets sit in (for links into the diff). */
  clauseBefore: string | null;
  clauseAfter: string | null;
  /** The core's one-sentence summary. */
  summary: string;
  /** Stable review id of the target change ("t-…", review-items.ts), the same as the CLI's. */
  reviewId: string;
  /** The change as a reviewer saw it (kept with a decision). */
  reviewText: string;
}

function valueOf(t: Target | null): string | null {
  return t ? formatValue(t).replace('>=', '≥').replace('<=', '≤') : null;
}

/** One row per target change, in the comparison's order. */
export function targetRows(changes: readonly TargetChange[]): TargetRow[] {
  const items = reviewItems({ alignments: [], targets: [...changes] });
  return changes.map((c, index) => {
    const markers: TargetMarker[] = [];
    if (c.status === 'dropped' || c.status === 'added') markers.push(c.status);
    if (c.change) markers.push(c.change);
    if (c.verdict) markers.push(c.verdict);
    const shown = (c.b ?? c.a) as Target;
    const sameUnit = c.a && c.b && (c.a.unit ?? '') === (c.b.unit ?? '');
    return {
      index,
      status: c.status,
      markers,
      metric: shown.metric,
      metricBefore: c.a && c.b && c.a.metric !== c.b.metric && c.a.metricNorm !== c.b.metricNorm ? c.a.metric : null,
      before: valueOf(c.a),
      after: valueOf(c.b),
      valueBefore: c.a?.value ?? null,
      valueAfter: c.b?.value ?? null,
      delta: sameUnit ? Math.round(((c.b as Target).value - (c.a as Target).value) * 1000) / 1000 : null,
      unit: shown.unit,
      horizonBefore: c.a?.horizon ?? null,
      horizonAfter: c.b?.horizon ?? null,
      alsoChanged: c.changes.filter((k) => k !== 'value'),
      similarity: c.similarity,
      clauseBefore: c.a?.clauseId ?? null,
      clauseAfter: c.b?.clauseId ?? null,
      summary: c.summary,
      reviewId: items[index]!.id,
      reviewText: items[index]!.text,
    };
  });
}

/** Columns the target table sorts by. */
export type TargetColumn = 'status' | 'metric' | 'before' | 'after' | 'delta' | 'horizon';

const STATUS_RANK: Record<TargetStatus, number> = { modified: 0, dropped: 1, added: 2, copied: 3 };

/** Rows sorted by a column (status: modified, dropped, added, copied; values numerically). */
export function sortTargetRows(rows: readonly TargetRow[], order: SortOrder<TargetColumn>): TargetRow[] {
  return sortRows(rows, order, (r, key) => {
    switch (key) {
      case 'status':
        return STATUS_RANK[r.status];
      case 'metric':
        return r.metric;
      case 'before':
        return r.valueBefore;
      case 'after':
        return r.valueAfter;
      case 'delta':
        return r.delta;
      case 'horizon':
        return r.horizonAfter ?? r.horizonBefore;
    }
  });
}

/** Counts by status and by marker, for the table's summary line. */
export function targetCounts(rows: readonly TargetRow[]): Record<TargetStatus | TargetMarker, number> {
  const out = { copied: 0, modified: 0, dropped: 0, added: 0, raised: 0, lowered: 0, weakened: 0, strengthened: 0 };
  for (const r of rows) {
    out[r.status] += 1;
    for (const m of r.markers) if (m !== 'dropped' && m !== 'added') out[m] += 1;
  }
  return out;
}

/** The comparison's targets as CSV (UTF-8 with BOM, CRLF), as `plandiff compare --format csv` writes it. */
export function targetCsv(changes: TargetChange[]): string {
  return targetsToCsv(changes);
}
