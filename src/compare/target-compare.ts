/**
 * Target comparison: the commitments of plan A (parent or older) matched to those of plan B
 * (derivative or newer) by what they measure, then classified as copied, modified, dropped or
 * added, each change named ("45% → 60%, raised").
 *
 * Matching is global: every pair of metrics gets a similarity (IDF-weighted word overlap plus
 * word-pair overlap on the comparison forms, so "TTHC" and "thủ tục hành chính" agree), and an
 * optimal assignment (Hungarian method) picks the pairs — not the first that comes.
 */
import { minCostAssignment } from './assignment.js';
import { LOWER_IS_BETTER_RE } from '../patterns/targets.js';
import { formatValue } from '../extract/targets.js';
import type { Comparator, Target, TargetChange, TargetChangeKind } from '../types.js';
import { clip } from '../text/clip.js';
import { lettersAndNumbers } from '../text/fold.js';

export interface TargetCompareOptions {
  /** 'parent': B derives from A, so a lower ask in B is "weakened"; 'peer' compares siblings/years without verdicts. */
  relation?: 'parent' | 'peer';
  /** Least metric similarity (0..1) for two targets to be the same indicator. */
  threshold?: number;
  /** The two plans' own years; a horizon or deadline that moves by exactly their difference is a restatement,
   * not a change. When absent, it is read from the most common horizon of each side (three dated targets or more). */
  years?: { a: number | null; b: number | null };
  /** Metric similarity; swap it in tests and benchmarks. Defaults to {@link metricSimilarity} over both plans' metrics. */
  similarity?: (a: Target, b: Target) => number;
}

/** Documented defaults of {@link compareTargets}. */
export const TARGET_COMPARE_DEFAULTS = {
  relation: 'peer' as 'parent' | 'peer',
  /** Below this, two metrics are different indicators (on the Khánh Hòa seeds true pairs score ≥ 0.55, the
   * nearest wrong ones ≤ 0.40; across provinces loose look-alikes reach 0.5, so read those pairs with care). */
  threshold: 0.45,
  /** Bonus, scaled by how alike their table groups or headings are, for two targets under the same group. */
  sameGroupBonus: 0.08,
  /** Bonus when both sit at the same place of their table ("PL.III.1" and "PL.III.1"). */
  samePlaceBonus: 0.03,
  /** Weight of the likeness of the whole sentences of two sums of money (their indicator is often
   * named around the figure rather than before it). */
  sentenceWeight: 0.9,
  /** Below this, two sums of money are different amounts (few in a document, so a looser bar: on the
   * one labelled pair, a decree and a council resolution, the true pair scores 0.31, the nearest wrong
   * one 0.17; `npm run calibrate` prints the margin). */
  moneyThreshold: 0.25,
};

/** Words that carry no meaning of their own in an indicator. */
const STOPWORDS = new Set(
  'các của và được trên trong với cho tại theo về từ đến là có những đã để thì này đó một hoặc như khi'.split(' '),
);

function wordsOf(norm: string): string[] {
  return norm.split(' ').filter((w) => w.length > 0 && !STOPWORDS.has(w));
}

function bigrams(ws: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < ws.length; i++) out.add(`${ws[i]} ${ws[i + 1]}`);
  return out;
}

/** Word weights: rarer words across both plans' metrics weigh more. */
export function idfOf(metrics: string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const m of metrics) for (const w of new Set(wordsOf(m))) df.set(w, (df.get(w) ?? 0) + 1);
  const n = Math.max(1, metrics.length);
  const idf = new Map<string, number>();
  for (const [w, d] of df) idf.set(w, Math.log(1 + n / d));
  return idf;
}

/** What {@link metricSimilarity} needs of one phrase, worked out once: its distinct words in order,
 * their summed weight, and its word pairs. */
interface MetricWords {
  words: Set<string>;
  weight: number;
  pairs: Set<string>;
}

function metricWords(norm: string, idf: Map<string, number>): MetricWords {
  const ws = wordsOf(norm);
  const words = new Set(ws);
  let weight = 0;
  for (const w of words) weight += idf.get(w) ?? 1;
  return { words, weight, pairs: bigrams(ws) };
}

/** {@link metricSimilarity} of two phrases' words (the same sums, added in the same order). */
function wordsSimilarity(a: MetricWords, b: MetricWords, idf: Map<string, number>): number {
  if (a.words.size === 0 || b.words.size === 0) return 0;
  let common = 0;
  for (const w of a.words) if (b.words.has(w)) common += idf.get(w) ?? 1;
  const dice = (2 * common) / (a.weight + b.weight);
  const overlap = common / Math.min(a.weight, b.weight);
  let shared = 0;
  for (const g of a.pairs) if (b.pairs.has(g)) shared += 1;
  const pairDice = a.pairs.size + b.pairs.size > 0 ? (2 * shared) / (a.pairs.size + b.pairs.size) : dice;
  return 0.4 * dice + 0.3 * overlap + 0.3 * pairDice;
}

/**
 * Similarity of two indicator phrases in comparison form (0..1): a blend of the IDF-weighted
 * Dice and overlap coefficients over words and the Dice coefficient over word pairs.
 */
export function metricSimilarity(aNorm: string, bNorm: string, idf: Map<string, number> = new Map()): number {
  return wordsSimilarity(metricWords(aNorm, idf), metricWords(bNorm, idf), idf);
}

/** {@link metricSimilarity} against one IDF table, each phrase's words worked out once (a plan's
 * metric is compared with every metric of the other plan). */
function memoSimilarity(idf: Map<string, number>): (aNorm: string, bNorm: string) => number {
  const memo = new Map<string, MetricWords>();
  const of = (norm: string): MetricWords => {
    let m = memo.get(norm);
    if (!m) memo.set(norm, (m = metricWords(norm, idf)));
    return m;
  };
  return (aNorm, bNorm) => wordsSimilarity(of(aNorm), of(bNorm), idf);
}

/** Minimum-cost assignment of a square cost matrix, row → column (see src/assignment.ts). */
export const assign = minCostAssignment;

/** The commitment a comparator states: a plain value is read as a floor ("100%" = "tối thiểu 100%"). */
function canonical(c: Comparator): Comparator {
  return c === '=' ? '>=' : c;
}

/** Units of money: "đồng", "triệu đồng", "USD". */
const MONEY_UNIT_RE = /(?:^|\s)(?:đồng|usd)$/iu;

/** How many đồng one unit of money holds ("triệu đồng" → 1,000,000), so "1,17 triệu đồng" and
 * "1.170.000 đồng" are one sum. */
const MONEY_SCALE: Record<string, number> = { đồng: 1, 'nghìn đồng': 1e3, 'ngàn đồng': 1e3, 'triệu đồng': 1e6, 'tỷ đồng': 1e9 };

/** Units of time a duration is counted in: "không quá 05 ngày làm việc", "là 06 tháng". */
const DURATION_UNIT_RE = /^(?:ngày(?:\s+làm\s+việc)?|giờ|tuần|tháng|năm)$/iu;

/** The commitment a target states. A plain percentage or count is a level to reach (a floor); a sum
 * of money or a duration is compared as written: "bằng 2.340.000 đồng" sets the level where "không
 * thấp hơn 1.170.000 đồng" set a floor (a decree and the council resolution that fixes its amounts),
 * "là 07 ngày làm việc" where "không quá 10 ngày làm việc" set a ceiling. */
function commitment(t: Target): Comparator {
  return isMoney(t) || isDuration(t) ? t.comparator : canonical(t.comparator);
}

function isMoney(t: Target): boolean {
  return !!t.unit && MONEY_UNIT_RE.test(t.unit);
}

function isDuration(t: Target): boolean {
  return !!t.unit && DURATION_UNIT_RE.test(t.unit.trim());
}

function unitKey(t: Target): string {
  return (t.unit ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The value in its unit's base: a sum of money in đồng, anything else as written. */
function amount(t: Target): number {
  return t.value * (MONEY_SCALE[unitKey(t)] ?? 1);
}

/** Whether two targets' values differ, in their units' base (relative to the size: 1,17 triệu đồng is 1.170.000 đồng). */
function differ(a: Target, b: Target): boolean {
  const x = amount(a);
  const y = amount(b);
  return Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

/** Two units that measure alike: the same unit, or two units of money of one currency. */
function sameUnit(x: Target, y: Target): boolean {
  if (!x.unit || !y.unit || x.unit === y.unit) return true;
  return MONEY_SCALE[unitKey(x)] !== undefined && MONEY_SCALE[unitKey(y)] !== undefined;
}

/** One spelling of words written two ways: "hằng tháng" / "hàng tháng", "hằng năm" / "hàng năm". */
const SPELLING_VARIANTS: Record<string, string> = { hằng: 'hàng' };

/** The words of the sentence a target came from, figures left out, for comparing sums of money. */
function sentenceNorm(t: Target): string {
  return t.text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !/\p{N}/u.test(w))
    .map((w) => SPELLING_VARIANTS[w] ?? w)
    .join(' ');
}

function isCeiling(c: Comparator): boolean {
  return c === '<=' || c === '<';
}

/** The most common horizon of a plan's targets (its own year, for an annual plan); null for fewer than three dated targets. */
function modalHorizon(ts: Target[]): number | null {
  if (ts.filter((t) => t.horizon !== null).length < 3) return null;
  const counts = new Map<number, number>();
  for (const t of ts) if (t.horizon !== null) counts.set(t.horizon, (counts.get(t.horizon) ?? 0) + 1);
  let best: number | null = null;
  let n = 0;
  for (const [h, c] of counts) if (c > n || (c === n && best !== null && h < best)) [best, n] = [h, c];
  return best;
}

function foldUnits(xs: string[]): string {
  return xs
    .map((x) => x.toLowerCase().replace(/\s+/g, ' ').trim())
    .sort()
    .join('; ');
}

/** Where a clause sits relative to its parent: "PL.III.1" → "III.1". */
function place(id: string): string {
  const parts = id.split('.');
  return parts.slice(-2).join('.');
}

function foldGroup(g: string | null): string {
  return lettersAndNumbers((g ?? '').toLowerCase());
}

function short(s: string, n = 80): string {
  return clip(s.replace(/\s+/g, ' ').trim(), n);
}

/** Renders a target's value with ≥/≤ for a summary sentence. */
function shown(t: Target): string {
  return formatValue(t).replace('>=', '≥').replace('<=', '≤');
}

/** Compares one matched pair. `shift` is how many years B's plan is later than A's. */
function classify(a: Target, b: Target, similarity: number, shift: number, relation: 'parent' | 'peer'): TargetChange {
  const changes: TargetChangeKind[] = [];
  const notes: string[] = [];
  const valueChanged = differ(a, b);
  if (valueChanged) changes.push('value');
  if (commitment(a) !== commitment(b)) changes.push('comparator');
  if (a.unit && b.unit && unitKey(a) !== unitKey(b) && !sameUnit(a, b)) changes.push('unit');
  let horizonMove = 0;
  if (a.horizon !== null && b.horizon !== null && b.horizon - a.horizon !== shift) {
    horizonMove = b.horizon - a.horizon - shift;
    changes.push('horizon');
    notes.push(`horizon ${a.horizon} → ${b.horizon}`);
  }
  if (a.deadline && b.deadline) {
    const rolled = a.deadline.replace(/(?<!\d)((?:19|20)\d{2})(?!\d)/g, (y) => String(Number(y) + shift));
    const f = (s: string) => lettersAndNumbers(s.toLowerCase());
    if (f(rolled) !== f(b.deadline)) {
      changes.push('deadline');
      notes.push(`deadline "${a.deadline}" → "${b.deadline}"`);
    }
  }
  if (a.lead.length > 0 && b.lead.length > 0 && foldUnits(a.lead) !== foldUnits(b.lead)) {
    changes.push('lead');
    notes.push(`lead ${a.lead.join('; ')} → ${b.lead.join('; ')}`);
  }
  const change = valueChanged ? (amount(b) > amount(a) ? 'raised' : 'lowered') : null;
  // a change of responsibility alone does not make a commitment different (derivative plans hand the
  // same target to their own units); it is named in `changes` and the summary
  const substantive = changes.some((c) => c !== 'lead');
  let verdict: TargetChange['verdict'] = null;
  if (relation === 'parent' && substantive) verdict = askDirection(a, b, horizonMove);
  const head = `${short(b.metric || a.metric)}: ${shown(a)}`;
  const summary = substantive
    ? `${head} → ${shown(b)}${[change, ...notes, verdict].filter(Boolean).length ? ` (${[change, ...notes, verdict].filter(Boolean).join('; ')})` : ''}`
    : `${head} (copied${notes.length ? `; ${notes.join('; ')}` : ''})`;
  return {
    status: substantive ? 'modified' : 'copied',
    change,
    changes,
    verdict,
    similarity: Math.round(similarity * 1000) / 1000,
    summary,
    a,
    b,
  };
}

/** Whether B asks more (strengthened) or less (weakened) than A; null when it cannot be told. */
function askDirection(a: Target, b: Target, horizonMove: number): TargetChange['verdict'] {
  const lowerBetter = (t: Target) => isCeiling(t.comparator) || LOWER_IS_BETTER_RE.test(t.metric);
  const ca = canonical(a.comparator);
  const cb = canonical(b.comparator);
  // a level set as written ("bằng 2.340.000 đồng", "là 07 ngày làm việc") is no floor: the bound it
  // replaces tells which way is better
  const level = (t: Target): boolean => (isMoney(t) || isDuration(t)) && t.comparator === '=';
  if (!level(a) && !level(b) && isCeiling(ca) !== isCeiling(cb)) return isCeiling(cb) ? 'weakened' : 'strengthened';
  if (differ(a, b)) {
    const more = amount(b) > amount(a);
    return more !== (lowerBetter(b) || (level(b) && lowerBetter(a))) ? 'strengthened' : 'weakened';
  }
  if (ca !== cb) {
    // same value, strict versus inclusive bound: "trên 60%" asks more than "tối thiểu 60%"
    const strict = (c: Comparator) => c === '>' || c === '<';
    return strict(cb) ? 'strengthened' : 'weakened';
  }
  if (horizonMove !== 0) return horizonMove > 0 ? 'weakened' : 'strengthened';
  return null;
}

/** The default likeness of two targets of plans A and B (0..1): their indicators (IDF over both plans'
 * metrics), a bonus for the same table group or place, and for sums of money their whole sentences. */
export function targetSimilarity(a: readonly Target[], b: readonly Target[]): (x: Target, y: Target) => number {
  const metrics = memoSimilarity(idfOf([...a, ...b].map((t) => t.metricNorm)));
  const sentences = memoSimilarity(idfOf([...a, ...b].filter(isMoney).map(sentenceNorm)));
  const groups = memoSimilarity(new Map());
  const folded = new Map<string, string>();
  const groupOf = (g: string): string => {
    let f = folded.get(g);
    if (f === undefined) folded.set(g, (f = foldGroup(g)));
    return f;
  };
  return (x: Target, y: Target) => {
    let s = metrics(x.metricNorm, y.metricNorm);
    // a sum of money is often named around its figure, not before it ("Đối với Thôn đội trưởng: Mức
    // hưởng phụ cấp … không thấp hơn 1.170.000 đồng"): the whole sentence speaks for it too
    if (isMoney(x) && isMoney(y)) s = Math.max(s, TARGET_COMPARE_DEFAULTS.sentenceWeight * sentences(sentenceNorm(x), sentenceNorm(y)));
    if (s <= 0) return 0;
    if (x.group && y.group) {
      const g = groups(groupOf(x.group), groupOf(y.group));
      if (g >= 0.5) s += TARGET_COMPARE_DEFAULTS.sameGroupBonus * g;
    }
    if (place(x.clauseId) === place(y.clauseId)) s += TARGET_COMPARE_DEFAULTS.samePlaceBonus;
    return Math.min(1, s);
  };
}

/** Whether two targets are sums of money (matched with the looser `moneyThreshold`). */
export function bothMoney(x: Target, y: Target): boolean {
  return isMoney(x) && isMoney(y);
}

/**
 * Matches the targets of A to those of B by metric meaning and classifies every pair:
 * copied (same value and commitment; "Tối thiểu 80%" and "80" under "(%)" are the same),
 * modified (value, comparator, unit, horizon or deadline changed — each named in `changes`),
 * dropped (only in A), added (only in B). Horizons and deadlines that move by exactly the
 * years between the two plans (an annual plan restated next year) are not a change.
 */
export function compareTargets(a: Target[], b: Target[], options: TargetCompareOptions = {}): TargetChange[] {
  const relation = options.relation ?? TARGET_COMPARE_DEFAULTS.relation;
  if (relation !== 'parent' && relation !== 'peer') {
    throw new Error(`compareTargets: relation must be 'parent' or 'peer', got ${JSON.stringify(relation)}`);
  }
  const threshold = options.threshold ?? TARGET_COMPARE_DEFAULTS.threshold;
  const thresholdOf = (x: Target, y: Target): number => (isMoney(x) && isMoney(y) ? Math.min(threshold, TARGET_COMPARE_DEFAULTS.moneyThreshold) : threshold);
  const similarity = options.similarity ?? targetSimilarity(a, b);
  const ya = options.years ? options.years.a : modalHorizon(a);
  const yb = options.years ? options.years.b : modalHorizon(b);
  const shift = ya !== null && yb !== null ? yb - ya : 0;

  const n = Math.max(a.length, b.length);
  const scores: number[][] = a.map((x) =>
    b.map((y) => {
      if (!sameUnit(x, y)) return 0;
      return similarity(x, y);
    }),
  );
  const cost: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      const s = i < a.length && j < b.length ? scores[i]![j]! : 0;
      // the gain of a pair is how far it clears the threshold, so one strong pair beats two weak ones
      const least = i < a.length && j < b.length ? thresholdOf(a[i]!, b[j]!) : threshold;
      row.push(s >= least ? least - s : 0);
    }
    cost.push(row);
  }
  const rowTo = n > 0 ? assign(cost) : [];
  const out: TargetChange[] = [];
  const usedB = new Set<number>();
  a.forEach((x, i) => {
    const j = rowTo[i] ?? -1;
    const s = j >= 0 && j < b.length ? scores[i]![j]! : 0;
    if (j >= 0 && j < b.length && s >= thresholdOf(x, b[j]!)) {
      usedB.add(j);
      out.push(classify(x, b[j]!, s, shift, relation));
    } else {
      out.push({
        status: 'dropped',
        change: null,
        changes: [],
        verdict: null,
        similarity: null,
        summary: `${short(x.metric)}: ${shown(x)} (dropped)`,
        a: x,
        b: null,
      });
    }
  });
  b.forEach((y, j) => {
    if (usedB.has(j)) return;
    out.push({
      status: 'added',
      change: null,
      changes: [],
      verdict: null,
      similarity: null,
      summary: `${short(y.metric)}: ${shown(y)} (added)`,
      a: null,
      b: y,
    });
  });
  return out;
}

/** Header of {@link targetsToCsv}. */
export const TARGET_CSV_HEADER = [
  'status',
  'change',
  'changes',
  'verdict',
  'similarity',
  'a_id',
  'a_metric',
  'a_comparator',
  'a_value',
  'a_unit',
  'a_horizon',
  'a_deadline',
  'a_lead',
  'b_id',
  'b_metric',
  'b_comparator',
  'b_value',
  'b_unit',
  'b_horizon',
  'b_deadline',
  'b_lead',
  'summary',
];

/** One CSV field: quoted when needed; a leading = + - @ is neutralised so spreadsheets do not run it. */
function csvField(v: string | number | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(?:[.,]\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function side(t: Target | null): Array<string | number | null> {
  if (!t) return ['', '', '', '', '', '', '', ''];
  return [t.id, t.metric, t.comparator, t.value, t.unit, t.horizon, t.deadline, t.lead.join('; ')];
}

/** Rows as CSV for spreadsheets: UTF-8 with a BOM (Excel reads Vietnamese right), CRLF line ends. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The changes as CSV (see `toCsv`). */
export function targetsToCsv(changes: TargetChange[]): string {
  const rows = [
    TARGET_CSV_HEADER,
    ...changes.map((c) => [
      c.status,
      c.change,
      c.changes.join('; '),
      c.verdict,
      c.similarity,
      ...side(c.a),
      ...side(c.b),
      c.summary,
    ]),
  ];
  return toCsv(rows);
}
