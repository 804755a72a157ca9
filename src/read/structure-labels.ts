/**
 * Clause labels of the structure stage: what a paragraph's label is ("Điều 1.", "II.", "1.1.",
 * "a)", "-", "+"), how deep the clause it opens nests, and which labels open the body of a plan.
 */
import { slice, type MappedText } from '../text/mapped-text.js';
import { LABELS } from '../patterns/structure.js';
import type { ClauseKind, Zone } from '../types.js';

/**
 * Nesting ranks by label kind. Items take 2 + depth ("1." → 2, "1.1." → 3). An appendix ranks
 * above a part, so the "PHẦN I" / "PHẦN II" of an appendix nest in it.
 */
export const RANK = { appendix: -1, part: 0, article: 1, section: 1, item: 2, point: 6, bullet: 7, bullet2: 8, leaf: 100 } as const;

/** A paragraph's label, read off its start. */
export interface Labelled {
  /** The kind of clause the label opens. */
  kind: ClauseKind;
  /** The label as written ("Điều 1", "II", "1.1", "a"), "-" or "+" for bullets. */
  label: string;
  /** Nesting rank of the clause (see RANK). */
  rank: number;
  /** The paragraph after its label. */
  rest: MappedText;
}

/** Reads the label of a paragraph, if it has one. */
export function readLabel(m: MappedText, zone: Zone): Labelled | null {
  const t = m.text;
  let x: RegExpExecArray | null;
  if (zone === 'decision' || zone === 'body' || zone === 'appendix') {
    if ((x = LABELS.article.exec(t))) return { kind: 'article', label: x[1]!.replace(/\s+/g, ' '), rank: RANK.article, rest: slice(m, x[0].length) };
  }
  if ((x = LABELS.part.exec(t))) return { kind: 'section', label: x[1]!.replace(/\s+/g, ' '), rank: RANK.part, rest: slice(m, x[0].length) };
  if ((x = LABELS.section.exec(t))) return { kind: 'section', label: x[1]!, rank: RANK.section, rest: slice(m, x[0].length) };
  if ((x = LABELS.item.exec(t))) {
    const depth = x[1]!.split('.').length;
    return { kind: 'item', label: x[1]!, rank: RANK.item + depth - 1, rest: slice(m, x[0].length) };
  }
  if ((x = LABELS.point.exec(t))) return { kind: 'point', label: x[1]!, rank: RANK.point, rest: slice(m, x[0].length) };
  if ((x = LABELS.bullet2Combined.exec(t)) || (x = LABELS.bullet2.exec(t)))
    return { kind: 'bullet', label: '+', rank: RANK.bullet2, rest: slice(m, x[0].length) };
  if ((x = LABELS.bullet.exec(t))) return { kind: 'bullet', label: '-', rank: RANK.bullet, rest: slice(m, x[0].length) };
  return null;
}

/**
 * The body of a plan opens with its first section ("I.", "Phần I", "1."); a title wrapped onto a
 * line starting with a Roman numeral ("… ĐẠI HỘI LẦN THỨ" / "XIV CỦA ĐẢNG") does not open it.
 */
export function opensBody(lab: Labelled): boolean {
  if (lab.kind === 'bullet' || lab.kind === 'point') return false;
  const last = lab.label.split(/\s+/).pop() ?? '';
  return last === 'I' || last === '1';
}
