/**
 * View model of the side-by-side diff: one row per alignment with its display status (moved wins
 * over identical/modified), each side's text cut into kept / deleted / inserted segments from the
 * alignment's word diff, the change ordinals behind next/previous and the change list, the filters
 * (by status, "only substantive"), search hits and the minimap marks.
 *
 * Beyond the alignment's own verdicts, the view model
 *  - says why an identical pair is identical (`folded`: the folds it needed, see fold-explain.ts),
 *    and shows it as a cosmetic modification when the reader stops ignoring one of those folds;
 *  - counts a cosmetic pair as substantive when a mark replaced by another makes a different word
 *    ("nhũng nhiễu" → "những nhiều", `swaps`);
 *  - shows a modified pair below BLOCK_REPLACE_BELOW similarity as a block replacement (A's text
 *    struck whole, B's inserted whole) rather than a word-by-word soup.
 */
import { diffArrays } from 'diff';
import { abbreviationsFor, makeExpander } from '../text/abbreviations.js';
import type { Alignment, AlignmentStatus, Comparison } from '../types.js';
import { stripDiacritics, tokenize } from '../text/vietnamese.js';
import { ALL_FOLDS, equalUnder, foldsNeeded, wordSwaps, type Expand, type FoldKind, type WordSwap } from './fold-explain.js';
import type { ClauseRef } from './route.js';

/**
 * Below this similarity a modified pair is shown as a block replacement. Pairs of the bundled plans
 * at 0.50–0.58 (000 → 003 I.1 "Mục tiêu" → "Mục đích", III.3.p1) share so few words that a word
 * diff strikes and inserts every other word; at 0.6 and above the kept words still carry the sentence.
 */
export const BLOCK_REPLACE_BELOW = 0.6;

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
  /** Where the clause sits in its plan's original text. */
  span: [number, number];
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
  /** For a pair equal after folding: the folds it needed ([] when equal as written; null when the
   * view cannot tell, e.g. an abbreviation defined outside the clauses). Null for other rows. */
  folded: FoldKind[] | null;
  /** Words whose marks were replaced by others (a different word): why a pair the alignment
   * called cosmetic counts as substantive here. */
  swaps: WordSwap[];
  /** Shown as a block replacement (low similarity): each side one deleted / inserted segment. */
  block: boolean;
}

/** How rows are built: which folds are ignored, where block replacement starts. */
export interface DiffRowOptions {
  /** Kinds of difference ignored (all by default, as the alignment does); an identical pair that
   * needs a fold left out here is shown as a cosmetic modification. */
  ignore: ReadonlySet<FoldKind>;
  /** Similarity below which a modified pair is a block replacement. */
  blockBelow: number;
}

/** Defaults: every fold ignored; block replacement below BLOCK_REPLACE_BELOW. */
export const DIFF_ROW_DEFAULTS: Readonly<DiffRowOptions> = { ignore: ALL_FOLDS, blockBelow: BLOCK_REPLACE_BELOW };

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
  return { id: side.id, depth: idDepth(side.id), segments, span: side.span };
}

/** Word diff on exact tokens (case, tone placement and spacing count): for pairs the alignment folded equal. */
export function exactDiff(a: string, b: string): Array<[-1 | 0 | 1, string]> {
  const units = (text: string): string[] => {
    const out: string[] = [];
    for (const t of tokenize(text.normalize('NFC'))) {
      if (t.kind === 'space' && out.length) out[out.length - 1] += t.text;
      else out.push(t.text);
    }
    return out;
  };
  const out: Array<[-1 | 0 | 1, string]> = [];
  for (const part of diffArrays(units(a), units(b))) {
    const op = part.added ? 1 : part.removed ? -1 : 0;
    const text = part.value.join('');
    const last = out[out.length - 1];
    if (last && last[0] === op) last[1] += text;
    else out.push([op, text]);
  }
  return out;
}

function sideExpander(texts: Array<string | undefined>): Expand {
  return makeExpander(abbreviationsFor(texts.filter(Boolean).join('\n')));
}

/** One row per alignment, in the comparison's reading order. */
export function diffRows(comparison: Pick<Comparison, 'alignments'>, options: Partial<DiffRowOptions> = {}): DiffRow[] {
  const { ignore, blockBelow } = { ...DIFF_ROW_DEFAULTS, ...options };
  const expandA = sideExpander(comparison.alignments.map((al) => al.a?.text));
  const expandB = sideExpander(comparison.alignments.map((al) => al.b?.text));
  let changes = 0;
  return comparison.alignments.map((al, index) => {
    const moved = !!al.moved && (al.status === 'identical' || al.status === 'modified');
    let folded: FoldKind[] | null = null;
    let diff = al.diff;
    let nature = al.nature ?? null;
    let base: RowStatus = al.status;
    if (al.status === 'identical' && al.a && al.b && al.a.text !== al.b.text) {
      folded = foldsNeeded(al.a.text, al.b.text, expandA, expandB);
      if (!equalUnder(al.a.text, al.b.text, ignore, expandA, expandB)) {
        // A difference the reader asked to see: shown as a cosmetic rewording.
        base = 'modified';
        nature = 'cosmetic';
        diff = exactDiff(al.a.text, al.b.text);
      }
    } else if (al.status === 'identical') folded = [];
    const swaps = al.status === 'modified' && al.diff ? wordSwaps(al.diff) : [];
    if (swaps.length && nature === 'cosmetic') nature = 'substantive';
    const block = base === 'modified' && al.similarity !== null && al.similarity !== undefined && al.similarity < blockBelow;
    if (block) diff = undefined;
    const status: RowStatus = moved ? 'moved' : base;
    const changed = status !== 'identical';
    const substantive = al.status === 'dropped' || al.status === 'added' || (base === 'modified' && nature !== 'cosmetic');
    const a = block && al.a ? { id: al.a.id, depth: idDepth(al.a.id), segments: [{ text: al.a.text, mark: 'del' as const }], span: al.a.span } : cell(al.a, diff, 'a');
    const b = block && al.b ? { id: al.b.id, depth: idDepth(al.b.id), segments: [{ text: al.b.text, mark: 'ins' as const }], span: al.b.span } : cell(al.b, diff, 'b');
    return {
      index,
      status,
      base: al.status,
      moved,
      nature: base === 'modified' ? nature : null,
      group: al.group ?? null,
      similarity: al.similarity ?? null,
      a,
      b,
      changed,
      substantive,
      change: changed ? changes++ : null,
      size: Math.max(al.a?.text.length ?? 0, al.b?.text.length ?? 0),
      folded,
      swaps,
      block,
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
    if (r.nature) out[r.nature] += 1;
  }
  return out;
}

/** Which rows the diff shows: the chosen statuses (none chosen: every status), substantive only or not. */
export interface RowPick {
  /** Display statuses picked by their chips; empty for all. */
  statuses: ReadonlySet<RowStatus>;
  /** Only dropped, added and substantively reworded pairs. */
  substantiveOnly: boolean;
}

/** The rows a pick keeps, in order. */
export function pickRows(rows: readonly DiffRow[], pick: RowPick): DiffRow[] {
  return rows.filter((r) => (pick.statuses.size === 0 || pick.statuses.has(r.status)) && (!pick.substantiveOnly || r.substantive));
}

/** What next/previous stops at under a pick: every row shown when statuses were chosen, else the changes. */
export function stopsAt(pick: RowPick): (row: DiffRow) => boolean {
  return pick.statuses.size ? () => true : (r) => r.changed;
}

/**
 * The next (dir 1) or previous (dir -1) row among `rows` that `stops` accepts (the changed rows by
 * default) from the row at `from` (an alignment index; null starts before the first or after the
 * last). Null when there is none.
 */
export function stepChange(rows: readonly DiffRow[], from: number | null, dir: 1 | -1, stops: (row: DiffRow) => boolean = (r) => r.changed): DiffRow | null {
  const changed = rows.filter(stops);
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

/** Which side a search looks in. */
export type SearchSide = 'a' | 'b' | 'both';

/** One place a search found: a range of a cell's text. */
export interface SearchHit {
  /** Alignment index of the row. */
  index: number;
  side: 'a' | 'b';
  /** Range [start, end) in the cell's text (cellText). */
  start: number;
  end: number;
}

/** Lower case, and without marks when the query has none; null when folding would move offsets. */
function searchForm(text: string, marks: boolean): string | null {
  const lower = text.normalize('NFC').toLowerCase();
  const out = marks ? lower : stripDiacritics(lower);
  return out.length === text.length ? out : null;
}

/**
 * Every place `query` occurs in the rows' text on the chosen side(s), in reading order (row, then A
 * before B). Case never counts; marks count only when the query has some ("nhung" finds "nhũng"
 * and "những", "những" finds only "những").
 */
export function searchRows(rows: readonly DiffRow[], query: string, side: SearchSide = 'both'): SearchHit[] {
  const q = query.normalize('NFC').trim().toLowerCase();
  if (!q) return [];
  const marks = stripDiacritics(q) !== q;
  const needle = marks ? q : stripDiacritics(q);
  const hits: SearchHit[] = [];
  for (const r of rows) {
    for (const s of ['a', 'b'] as const) {
      if (side !== 'both' && side !== s) continue;
      const text = cellText(r[s]);
      const hay = searchForm(text, marks) ?? text.toLowerCase();
      for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
        hits.push({ index: r.index, side: s, start: at, end: at + needle.length });
      }
    }
  }
  return hits;
}

/** A segment cut further by search hits. */
export interface MarkedSegment extends Segment {
  /** Inside a search hit: 'current' for the one stepped to. */
  hit: 'none' | 'hit' | 'current';
}

/**
 * Cuts a cell's segments at search hits (ranges into its text), marking the current one. With
 * `skip`, segments of that mark hold no text of the side the hits were found in (the inline
 * layout's deletions, for hits in B): they are kept unmarked and not counted.
 */
export function markHits(
  segments: readonly Segment[],
  hits: ReadonlyArray<{ start: number; end: number; current: boolean }>,
  skip: Segment['mark'] | null = null,
): MarkedSegment[] {
  if (!hits.length) return segments.map((s) => ({ ...s, hit: 'none' }));
  const cuts = new Set<number>();
  for (const h of hits) cuts.add(h.start).add(h.end);
  const out: MarkedSegment[] = [];
  let at = 0;
  for (const seg of segments) {
    if (seg.mark === skip) {
      out.push({ ...seg, hit: 'none' });
      continue;
    }
    let from = 0;
    const end = at + seg.text.length;
    const points = [...cuts].filter((c) => c > at && c < end).sort((x, y) => x - y);
    for (const p of [...points, end]) {
      const piece = seg.text.slice(from, p - at);
      if (piece) {
        const mid = at + from;
        const h = hits.find((x) => x.start <= mid && mid < x.end);
        out.push({ text: piece, mark: seg.mark, hit: h ? (h.current ? 'current' : 'hit') : 'none' });
      }
      from = p - at;
    }
    at = end;
  }
  return out;
}

/**
 * One column for the inline (unified) layout: A's deletions, then B's insertions, then the text
 * both keep, in reading order. Falls back to A struck whole and B inserted whole when the two
 * sides' kept runs do not line up.
 */
export function unifiedSegments(row: DiffRow): Segment[] {
  const a = row.a?.segments ?? [];
  const b = row.b?.segments ?? [];
  const keptA = a.filter((s) => s.mark === 'same').length;
  const keptB = b.filter((s) => s.mark === 'same').length;
  if (!row.a || !row.b) return row.a ? a.map((s) => ({ ...s, mark: 'del' })) : b.map((s) => ({ ...s, mark: 'ins' }));
  if (row.status === 'identical' || (row.base === 'identical' && !row.changed)) return b.map((s) => ({ ...s }));
  if (keptA !== keptB) return [{ text: cellText(row.a), mark: 'del' }, { text: cellText(row.b), mark: 'ins' }];
  const out: Segment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && (a[i] as Segment).mark !== 'same') out.push({ ...(a[i++] as Segment) });
    while (j < b.length && (b[j] as Segment).mark !== 'same') out.push({ ...(b[j++] as Segment) });
    if (j < b.length) out.push({ ...(b[j++] as Segment) });
    i += 1;
  }
  return out;
}

/**
 * The row a reading warning points at on one side: the clause whose span holds the warning's
 * start (the innermost when clauses nest); null when the warning has no place or sits outside
 * every clause (a number or a date in the document's header).
 */
export function rowOfWarning(rows: readonly DiffRow[], side: 'a' | 'b', warning: { span?: [number, number] }): DiffRow | null {
  const at = warning.span?.[0];
  if (at === undefined) return null;
  let best: DiffRow | null = null;
  let width = Infinity;
  for (const r of rows) {
    const c = r[side];
    if (!c || at < c.span[0] || at >= c.span[1]) continue;
    if (c.span[1] - c.span[0] < width) {
      best = r;
      width = c.span[1] - c.span[0];
    }
  }
  return best;
}
