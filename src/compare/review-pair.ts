/**
 * A pair of plans as a reviewer sees it: ordered parent → child, its fidelity report, the
 * comparison behind it, and every item to decide about (review-items.ts). The CLI's `review`,
 * the reports and the web view all take their items from here, so the ids agree.
 */
import { compareDocuments, type OrientedComparison } from './compare.js';
import { buildReport, orientFidelity, type FidelityReport } from './fidelity.js';
import { reviewItems, type ReviewItem } from './review-items.js';
import type { ParsedDocument } from '../types.js';

/** The reviewed pair. */
export interface ReviewPair {
  /** The parent (A) and the child (B), after ordering. */
  parent: ParsedDocument;
  child: ParsedDocument;
  report: FidelityReport;
  comparison: OrientedComparison;
  items: ReviewItem[];
}

/** Orders `child` and `parent` (swapping a pair given the wrong way round), judges the child's
 * fidelity and lists the review items. */
export function reviewPair(child: ParsedDocument, parent: ParsedDocument, options: { orient?: boolean } = {}): ReviewPair {
  const orientation = orientFidelity(child, parent, { orient: options.orient ?? true });
  const [p, c] = orientation.swapped ? [child, parent] : [parent, child];
  const comparison = compareDocuments(p, c, { relation: orientation.relation });
  const report = buildReport(c, p, comparison, {}, orientation);
  return { parent: p, child: c, report, comparison, items: reviewItems(comparison, report.findings) };
}
