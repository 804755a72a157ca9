/**
 * View model of the side-by-side diff: one row per alignment with its display status (moved wins
 * over identical/modified), each side's text cut into kept / deleted / inserted segments from the
 * alignment's word diff, the change ordinals behind next/previous and the change list, the filters
 * ("only changes", "only substantive") and the minimap marks.
 */
import type { Alignment, AlignmentStatus, Comparison } from '../types.js';
import { stripDiacritics } from '../text/vietnamese.js';
import type { ClauseRef } from './route.js';

/** Status as coloured in the view. */
export type RowStatus = 'identical' | 'modified' | 'moved' | 'dropped' | 'added';

/** Every display status, in legend order. */
export const ROW_STATUSES: readonly RowStatus[] = ['identical', 'modified', 'moved', 'dropped', 'added'];

/** A run of text on one side: kept, deleted (side A) or inserted (side B). */
export interface Segment {
  text: string;
  mark: 'same' | 'del' | 'ins';
}

/** One side of a row. */
export interface DiffCell {
  /** Clause id ("II.1.b"). */
  id: string;
  /** Nesting depth from the id (0 for "I", 2 for "II.1.b"). */
  depth: number;
  /** The clause text cut into segments; one "same" segment when there is no word diff. */
  segments: Segment[];
}

/** One aligned pair as shown. */
export interface DiffRow {
  /** Position of the alignment in the comparison. */
  index: number;
  /** Display status: moved when the pair moved, else the alignment's status. */
  status: RowStatus;
  /** The alignment's own status. */
  base: AlignmentStatus;
  /** The pair sits at another place in B's order. */
  moved: boolean;
  /** Cosmetic or substantive rewording; null unless modified. */
  nature: Alignment['nature'];
  /** Part of a merge or split. */
  group: Alignment['group'];
  /** Text similarity (0..1); null for dropped/added. */
  similarity: number | null;
  a: DiffCell | null;
  b: DiffCell | null;
  /** Anything but an identical pair in place. */
  changed: boolean;
  /** A change of substance: dropped, added, or a substantive rewording. */
  substantive: boolean;
  /** Ordinal among the changes (0-based); null for unchanged rows. */
  change: number | null;
  /** Length of the longer side's text, for the minimap. */
  size: number;
}

/** Which rows the diff shows. */
export type DiffFilter = 'all' | 'changes' | 'substantive';

/** Depth of a clause id: the number of "." separators ("PL.I.2" → 2). */
export function idDepth(id: string): number {
  let n = 0;
  for (const ch of id) if (ch === '.') n += 1;
  return n;
}

/** One character in the form two texts are matched in: no diacritics, lower case. */
function charKey(ch: string): string {
  return stripDiacritics(ch).toLowerCase();
}

const SPACE = /\s/u;

/**
 * Lays diff segments back onto the side's own text. The word diff is built on tokens: its kept
 * runs carry B's casing and tone marks and its spacing around punctuation is regular, so joining
 * them need not give A's text back. Walking both texts (spaces skipped, letters compared without
 * case and diacritics) recovers each segment's own characters; if they cannot be matched the
 * segments are kept as they are.
 */
export function onOwnText(segments: Segment[], own: string): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const seg of segments) {
    const start = pos;
    for (const ch of seg.text) {
      if (SPACE.test(ch)) continue;
      while (pos < own.length && SPACE.test(own[pos] as string)) pos += 1;
      const mine = own.codePointAt(pos);
      if (mine === undefined || charKey(String.fromCodePoint(mine)) !== charKey(ch)) return segments;
      pos += mine > 0xffff ? 2 : 1;
    }
    if (pos > start) out.push({ text: own.slice(start, pos), mark: seg.mark });
  }
  if (pos < own.length) {
    if (own.slice(pos).trim()) return segments;
    const last = out[out.length - 1];
    if (last) last.text += own.slice(pos);
  }
  // Spaces between segments were taken by the segment after them; give a run's leading space to a kept neighbour.
  for (let k = 1; k < out.length; k++) {
    const seg = out[k] as Segment;
    const prev = out[k - 1] as Segment;
    const lead = /^\s+/u.exec(seg.text)?.[0];
    if (lead && seg.mark !== 'same' && prev.mark === 'same') {
      prev.text += lead;
      seg.text = seg.text.slice(lead.length);
    }
  }
  return out.filter((x) => x.text.length > 0);
}

function cell(side: Alignment['a'], diff: Alignment['diff'], which: 'a' | 'b'): DiffCell | null {
  if (!side) return null;
  let segments: Segment[];
  if (diff && diff.length) {
    const skip = which === 'a' ? 1 : -1;
    const mark = which === 'a' ? 'del' : 'ins';
    segments = [];
    for (const [op, text] of diff) {
      if (op === skip || !text) continue;
      const m: Segment['mark'] = op === 0 ? 'same' : mark;
      const last = segments[segments.length - 1];
      if (last && last.mark === m) last.text += text;
      else segments.push({ text, mark: m });
    }
    segments = onOwnText(segments, side.text);
  } else segments = [{ text: side.text, mark: 'same' }];
  return { id: side.id, depth: idDepth(side.id), segments };
}

/** One row per alignment, in the comparison's reading order. */
export function diffRows(comparison: Pick<Comparison, 'alignments'>): DiffRow[] {
  let changes = 0;
  return comparison.alignments.map((al, index) => {
    const moved = !!al.moved && (al.status === 'identical' || al.status === 'modified');
    const status: RowStatus = moved ? 'moved' : al.status;
    const changed = status !== 'identical';
    const substantive = al.status === 'dropped' || al.status === 'added' || (al.status === 'modified' && al.nature !== 'cosmetic');
    return {
      index,
      status,
      base: al.status,
      moved,
      nature: al.nature ?? null,
      group: al.group ?? null,
      similarity: al.similarity ?? null,
      a: cell(al.a, al.diff, 'a'),
      b: cell(al.b, al.diff, 'b'),
      changed,
      substantive,
      change: changed ? changes++ : null,
      size: Math.max(al.a?.text.length ?? 0, al.b?.text.length ?? 0),
    };
  });
}

/** The rows a filter keeps. */
export function filterDiffRows(rows: readonly DiffRow[], filter: DiffFilter): DiffRow[] {
  if (filter === 'changes') return rows.filter((r) => r.changed);
  if (filter === 'substantive') return rows.filter((r) => r.substantive);
  return [...rows];
}

/** How many rows of each display status, and how many modified pairs are cosmetic or substantive. */
export function diffCounts(rows: readonly DiffRow[]): Record<RowStatus, number> & { cosmetic: number; substantive: number; total: number } {
  const out = { identical: 0, modified: 0, moved: 0, dropped: 0, added: 0, cosmetic: 0, substantive: 0, total: rows.length };
  for (const r of rows) {
    out[r.status] += 1;
    if (r.base === 'modified') out[r.nature === 'cosmetic' ? 'cosmetic' : 'substantive'] += 1;
  }
  return out;
}

/**
 * The next (dir 1) or previous (dir -1) changed row among `rows` from the row at `from` (an
 * alignment index; null starts before the first or after the last). Null when there is none.
 */
export function stepChange(rows: readonly DiffRow[], from: number | null, dir: 1 | -1): DiffRow | null {
  const changed = rows.filter((r) => r.changed);
  if (!changed.length) return null;
  if (from === null) return dir === 1 ? (changed[0] as DiffRow) : (changed[changed.length - 1] as DiffRow);
  if (dir === 1) return changed.find((r) => r.index > from) ?? null;
  for (let k = changed.length - 1; k >= 0; k--) if ((changed[k] as DiffRow).index < from) return changed[k] as DiffRow;
  return null;
}

/** The row showing a clause of one side; null when no row does. */
export function rowOfClause(rows: readonly DiffRow[], ref: ClauseRef | null): DiffRow | null {
  if (!ref) return null;
  return rows.find((r) => r[ref.side]?.id === ref.id) ?? null;
}

/** The clause a row stands for in links: B's side when it has one, else A's. */
export function clauseOfRow(row: DiffRow): ClauseRef {
  return row.b ? { side: 'b', id: row.b.id } : { side: 'a', id: (row.a as DiffCell).id };
}

/** One mark of the minimap: where a changed row sits in the whole list, as fractions of its height. */
export interface MinimapMark {
  /** Alignment index of the row. */
  index: number;
  status: RowStatus;
  /** Top of the mark (0..1). */
  top: number;
  /** Height of the mark (0..1), at least `minHeight`. */
  height: number;
}

/**
 * Minimap marks of the changed rows; a row's share of the height follows its text length plus a
 * fixed line (`rowChars`), close to how tall it renders. Marks of adjacent rows of one status merge.
 */
export function minimapMarks(rows: readonly DiffRow[], options: { rowChars?: number; minHeight?: number } = {}): MinimapMark[] {
  const rowChars = options.rowChars ?? 120;
  const minHeight = options.minHeight ?? 0.004;
  const weights = rows.map((r) => rowChars + r.size);
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const marks: MinimapMark[] = [];
  let at = 0;
  rows.forEach((r, k) => {
    const h = (weights[k] as number) / total;
    if (r.changed) {
      const last = marks[marks.length - 1];
      if (last && last.status === r.status && Math.abs(last.top + last.height - at) < 1e-9) last.height += h;
      else marks.push({ index: r.index, status: r.status, top: at, height: h });
    }
    at += h;
  });
  for (const m of marks) m.height = Math.max(m.height, minHeight);
  return marks;
}

/** The text of a cell as one string. */
export function cellText(c: DiffCell | null): string {
  return c ? c.segments.map((s) => s.text).join('') : '';
}
