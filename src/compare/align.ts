/**
 * Clause alignment: every clause of A carried by the clause(s) of B, or dropped; every clause of B
 * not carried from A, added. Pipeline:
 *   flatten both trees → candidates from a shingle index (both directions) → text similarity →
 *   structure (aligned parents pull children, matching children pull parents, same label) →
 *   global one-to-one assignment (identical mutual-best pairs settled, each clause's five best
 *   candidates kept, Hungarian method on each connected part of the candidate graph) →
 *   leftover sibling leaves between two editions of one text → merges and splits from
 *   containment → order (moved) → statuses, nature, word diffs.
 */
import { maxWeightAssignment } from './assignment.js';
import { changeNature, wordDiff } from './diff.js';
import { GLOSSARY } from '../text/abbreviations.js';
import { makeFolder } from '../text/fold.js';
import { SHINGLE_DEFAULTS, ShingleIndex, type ShingleOptions } from '../text/shingles.js';
import { profile, profileContainment, profileSimilarity, SHORT_WORDS, Vocabulary, type Profile } from '../text/similarity.js';
import type { Alignment, AlignedClause, Clause } from '../types.js';

/** How the aligner scores and accepts pairs. */
export interface AlignOptions {
  /** Text similarity of two profiles (0..1). */
  similarity: (a: Profile, b: Profile) => number;
  /** Folds cell text of A's table rows into comparison form (A's own abbreviations). */
  foldA: (text: string) => string;
  /** Folds cell text of B's table rows into comparison form. */
  foldB: (text: string) => string;
  /** Least combined score (text + structure) for a one-to-one pair. */
  threshold: number;
  /** Least text similarity for a one-to-one pair, whatever the structure says. */
  textFloor: number;
  /** Least text similarity for two short clauses (headings) with neither the same label nor matching children. */
  shortAlone: number;
  /** Weight of the parents' likeness in the combined score. */
  parentWeight: number;
  /** Discount on the parents' likeness when one side's parent is skipped for its grandparent. */
  skipLevel: number;
  /** Weight of the children's agreement in the combined score. */
  childWeight: number;
  /** Bonus when both clauses have the same kind and label ("b" and "b"). */
  labelWeight: number;
  /** Penalty when a table row is paired with a body clause. */
  crossKindPenalty: number;
  /** Least share of a clause carried inside another for a merge or split part next to its partner's mate. */
  containment: number;
  /** Least share for a part that sits elsewhere (not next to the clause its container is paired with). */
  farContainment: number;
  /** Least words of a clause to be a merge or split part. */
  partWords: number;
  /** Most children pairs added as candidates under one aligned parent pair. */
  childPairs: number;
  /** Compute word diffs for modified pairs. */
  diff: boolean;
  /** Clause pairs (ids in A, B) another stage vouches for, e.g. rows whose targets were matched:
   * they become candidates and get `anchorWeight` added to their score. */
  anchors: ReadonlyArray<readonly [string, string]>;
  /** Bonus for a vouched-for pair. */
  anchorWeight: number;
  /** Least text similarity for a vouched-for pair (below `textFloor`: the other stage already matched them). */
  anchorFloor: number;
  /** Shingle index settings. */
  shingles: Partial<ShingleOptions>;
  /** Least text similarity for two leftover sibling leaves (see `leftoverContainment`). */
  leftoverFloor: number;
  /** Least share of the shorter of two leftover sibling leaves carried inside the longer: an
   * unmatched leaf under aligned parents pairs with an unmatched sibling leaf that restates and
   * widens it, when each is the other's best, the order agrees, and the text is at least `leftoverFloor`. */
  leftoverContainment: number;
  /** Least words of the shorter of two leftover sibling leaves. */
  leftoverWords: number;
  /** Least share of the smaller plan's clauses paired at a text similarity of 0.8 or more for the
   * leftover pass to run at all: it serves two editions of one text (000/003 → 004: 0.37, 0.45),
   * not two plans that merely share a vocabulary (all other seed and holdout pairs: 0.15 or less). */
  leftoverKinship: number;
}

const glossaryFold = makeFolder(GLOSSARY);

/** Defaults, tuned on the seed plans (siblings 000 ↔ 003, next year 000/003 → 004). */
export const ALIGN_DEFAULTS: Readonly<AlignOptions> = {
  similarity: profileSimilarity,
  foldA: glossaryFold,
  foldB: glossaryFold,
  threshold: 0.6,
  textFloor: 0.3,
  anchors: [],
  anchorWeight: 0.3,
  anchorFloor: 0.15,
  shortAlone: 0.85,
  parentWeight: 0.2,
  skipLevel: 0.9,
  childWeight: 0.2,
  labelWeight: 0.05,
  crossKindPenalty: 0.05,
  containment: 0.75,
  farContainment: 0.9,
  partWords: 4,
  childPairs: 400,
  diff: true,
  shingles: {},
  leftoverFloor: 0.25,
  leftoverContainment: 0.45,
  leftoverWords: 10,
  leftoverKinship: 0.25,
};

/** One clause of a flattened tree. */
interface Node {
  clause: Clause;
  /** Pre-order position. */
  order: number;
  /** Nearest ancestor's position, -1 at the top. */
  parent: number;
  children: number[];
  /** Whole text profile (decides identical and is shown). */
  full: Profile;
  /** Identity profile: the task/metric cells of a table row, the text otherwise. */
  key: Profile;
  /** True when the clause has text and takes part in the alignment. */
  live: boolean;
  /** Positions of the children that take part. */
  liveChildren: number[];
  isRow: boolean;
}

const KEY_ROLES = new Set(['task', 'metric']);

/**
 * Profiles are cached per clause object, over one vocabulary shared by all comparisons, so that a
 * parent compared with every plan of a folder is profiled once. The vocabulary starts afresh (and
 * the cache with it) once it holds VOCABULARY_LIMIT words and bigrams, which bounds memory.
 */
const VOCABULARY_LIMIT = 1 << 21;
let shared = { vocabulary: new Vocabulary(), generation: 0 };
const profileCache = new WeakMap<Clause, { generation: number; full: Profile; key: Profile; fold: (t: string) => string }>();

function profilesOf(c: Clause, fold: (t: string) => string): { full: Profile; key: Profile } {
  const known = profileCache.get(c);
  if (known && known.generation === shared.generation && known.fold === fold) return known;
  const { vocabulary, generation } = shared;
  const full = known && known.generation === generation ? known.full : profile(c.norm ?? '', vocabulary);
  const keyCells = (c.cells ?? []).filter((cell) => KEY_ROLES.has(cell.role) && cell.text.trim());
  const key = keyCells.length > 0 ? profile(fold(keyCells.map((cell) => cell.text).join(' ')), vocabulary) : full;
  const entry = { generation, full, key, fold };
  profileCache.set(c, entry);
  return entry;
}

function flatten(roots: readonly Clause[], fold: (t: string) => string): Node[] {
  const nodes: Node[] = [];
  const visit = (c: Clause, parent: number): void => {
    const order = nodes.length;
    const { full, key } = profilesOf(c, fold);
    const node: Node = {
      clause: c,
      order,
      parent,
      children: [],
      full,
      key,
      live: full.words.length > 0,
      liveChildren: [],
      isRow: c.kind === 'row' || c.kind === 'group',
    };
    nodes.push(node);
    if (parent >= 0) nodes[parent]!.children.push(order);
    for (const child of c.children ?? []) visit(child, order);
  };
  for (const c of roots) visit(c, -1);
  for (const n of nodes) n.liveChildren = n.children.filter((k) => nodes[k]!.live);
  return nodes;
}

/** Shingles of a profile as interned ids: word bigrams, plus single words for short texts. */
function shingleIds(p: Profile, shortWords: number): Set<number> {
  const out = new Set<number>(p.bi);
  if (p.words.length <= shortWords || p.bi.length === 0) for (const id of p.uni) out.add(id);
  return out;
}

/** A scored candidate pair. */
interface Pair {
  a: number;
  b: number;
  text: number;
  score: number;
  /** Both clauses are short (headings): their text alone proves little. */
  short: boolean;
  /** Structure vouches for the pair: children that match each other, or the same label with a close
   * text or under aligned parents. */
  anchored: boolean;
}

function pairKey(a: number, b: number): number {
  return a * 1_000_003 + b;
}

/** Maximum-weight assignment of an n×m weight matrix (n ≤ m): for each row the chosen column. */
export const hungarian = maxWeightAssignment;

/** Union-find over node ids, to cut the candidate graph into independent parts. */
class Parts {
  private readonly up = new Map<string, string>();
  find(x: string): string {
    let r = x;
    while (this.up.has(r) && this.up.get(r) !== r) r = this.up.get(r)!;
    let c = x;
    while (c !== r) {
      const next = this.up.get(c)!;
      this.up.set(c, r);
      c = next;
    }
    if (!this.up.has(r)) this.up.set(r, r);
    return r;
  }
  join(x: string, y: string): void {
    const rx = this.find(x);
    const ry = this.find(y);
    if (rx !== ry) this.up.set(rx, ry);
  }
}

/** Each clause keeps at most this many of its best candidate pairs for the assignment. */
const KEEP_BEST = 5;
/** Parts of the candidate graph larger than this (clauses on the smaller side) are assigned greedily. */
const MAX_HUNGARIAN = 300;

function bestByNode(pairs: readonly Pair[], side: 'a' | 'b'): Map<number, Pair[]> {
  const out = new Map<number, Pair[]>();
  for (const p of pairs) {
    const list = out.get(p[side]);
    if (list) list.push(p);
    else out.set(p[side], [p]);
  }
  for (const list of out.values()) list.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  return out;
}

/**
 * Global one-to-one choice among eligible pairs: best total score, not first come.
 * Identical pairs that are each other's single best are settled first; every clause then keeps
 * its few best candidates, and each connected part of what remains is solved by the Hungarian method.
 */
function assign(all: readonly Pair[]): Pair[] {
  const settled: Pair[] = [];
  const byA = bestByNode(all, 'a');
  const byB = bestByNode(all, 'b');
  const unique = (list: Pair[] | undefined, p: Pair): boolean => !!list && list[0] === p && (list.length === 1 || list[1]!.score < p.score);
  for (const p of all) if (p.text === 1 && unique(byA.get(p.a), p) && unique(byB.get(p.b), p)) settled.push(p);
  const doneA = new Set(settled.map((p) => p.a));
  const doneB = new Set(settled.map((p) => p.b));
  const open = all.filter((p) => !doneA.has(p.a) && !doneB.has(p.b));
  const rankA = bestByNode(open, 'a');
  const rankB = bestByNode(open, 'b');
  const pairs = open.filter((p) => rankA.get(p.a)!.indexOf(p) < KEEP_BEST || rankB.get(p.b)!.indexOf(p) < KEEP_BEST);

  const parts = new Parts();
  for (const p of pairs) parts.join(`a${p.a}`, `b${p.b}`);
  const groups = new Map<string, Pair[]>();
  for (const p of pairs) {
    const root = parts.find(`a${p.a}`);
    const list = groups.get(root);
    if (list) list.push(p);
    else groups.set(root, [p]);
  }
  const chosen: Pair[] = [...settled];
  for (const group of groups.values()) {
    if (group.length === 1) {
      chosen.push(group[0]!);
      continue;
    }
    const as = [...new Set(group.map((p) => p.a))];
    const bs = [...new Set(group.map((p) => p.b))];
    if (Math.min(as.length, bs.length) > MAX_HUNGARIAN) {
      chosen.push(...greedy(group));
      continue;
    }
    const transpose = as.length > bs.length;
    const rows = transpose ? bs : as;
    const cols = transpose ? as : bs;
    const rowAt = new Map(rows.map((x, i) => [x, i]));
    const colAt = new Map(cols.map((x, i) => [x, i]));
    const weights = rows.map(() => new Array<number>(cols.length).fill(0));
    const byCell = new Map<number, Pair>();
    for (const p of group) {
      const r = rowAt.get(transpose ? p.b : p.a)!;
      const c = colAt.get(transpose ? p.a : p.b)!;
      weights[r]![c] = p.score;
      byCell.set(r * cols.length + c, p);
    }
    hungarian(weights).forEach((c, r) => {
      const p = c >= 0 ? byCell.get(r * cols.length + c) : undefined;
      if (p) chosen.push(p);
    });
  }
  return chosen;
}

/** Best score first, each clause once: the fallback for parts too large for the Hungarian method. */
function greedy(pairs: readonly Pair[]): Pair[] {
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: Pair[] = [];
  for (const p of [...pairs].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)) {
    if (usedA.has(p.a) || usedB.has(p.b)) continue;
    usedA.add(p.a);
    usedB.add(p.b);
    out.push(p);
  }
  return out;
}

/** Positions of a longest increasing subsequence of `xs`. */
function lisPositions(xs: readonly number[]): Set<number> {
  const tails: number[] = [];
  const tailAt: number[] = [];
  const prev = new Array<number>(xs.length).fill(-1);
  xs.forEach((x, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
    tailAt[lo] = i;
    prev[i] = lo > 0 ? tailAt[lo - 1]! : -1;
  });
  const keep = new Set<number>();
  let i = tails.length > 0 ? tailAt[tails.length - 1]! : -1;
  while (i >= 0) {
    keep.add(i);
    i = prev[i]!;
  }
  return keep;
}

/** Text similarity of a pair carried nearly word for word (for `leftoverKinship`). */
const KIN_TEXT = 0.8;

/**
 * Leftover siblings: under each aligned pair of parents, a leaf of A and a leaf of B that the
 * assignment left unmatched are paired when the shorter is largely carried inside the longer, each
 * is the other's most similar leftover, and the pair keeps the order of the siblings already
 * paired. This catches a clause reworded and widened the next year (000/003 I.1.b "Tiếp tục triển
 * khai thực hiện rà soát, kiến nghị cắt giảm …" → 004 I.1.c "Tiếp tục rà soát, đề xuất cắt giảm …,
 * trong đó tập trung …"), whose whole-text similarity a long addition pulls below the floor.
 */
function leftoverSiblings(
  A: readonly Node[],
  B: readonly Node[],
  chosen: readonly Pair[],
  similarityOf: (a: number, b: number) => number,
  o: AlignOptions,
): Pair[] {
  const usedA = new Set(chosen.map((p) => p.a));
  const usedB = new Set(chosen.map((p) => p.b));
  // Only between two editions of one text: enough clauses carried nearly word for word.
  const fewer = Math.min(A.filter((n) => n.live).length, B.filter((n) => n.live).length);
  const close = chosen.filter((p) => p.text >= KIN_TEXT).length;
  if (fewer === 0 || close / fewer < o.leftoverKinship) return [];
  const leftover = (n: Node, used: Set<number>): boolean => !used.has(n.order) && n.liveChildren.length === 0 && !n.isRow;
  const out: Pair[] = [];
  for (const parent of chosen) {
    const xs = A[parent.a]!.liveChildren.filter((x) => leftover(A[x]!, usedA));
    const ys = B[parent.b]!.liveChildren.filter((y) => leftover(B[y]!, usedB));
    if (xs.length === 0 || ys.length === 0 || xs.length * ys.length > o.childPairs) continue;
    const sim = new Map<number, number>();
    for (const x of xs) for (const y of ys) sim.set(pairKey(x, y), similarityOf(x, y));
    const bestY = (x: number): number => ys.reduce((b, y) => (sim.get(pairKey(x, y))! > sim.get(pairKey(x, b))! ? y : b));
    const bestX = (y: number): number => xs.reduce((b, x) => (sim.get(pairKey(x, y))! > sim.get(pairKey(b, y))! ? x : b));
    // siblings already paired under these parents fix the order
    const fixed = chosen.filter((p) => A[p.a]!.parent === parent.a && B[p.b]!.parent === parent.b);
    for (const x of xs) {
      const y = bestY(x);
      if (bestX(y) !== x) continue;
      const t = sim.get(pairKey(x, y))!;
      if (t < o.leftoverFloor) continue;
      const [short, long] = A[x]!.full.words.length <= B[y]!.full.words.length ? [A[x]!.full, B[y]!.full] : [B[y]!.full, A[x]!.full];
      if (short.words.length < o.leftoverWords || profileContainment(short, long) < o.leftoverContainment) continue;
      if (fixed.some((p) => p.a < x !== p.b < y)) continue;
      out.push({ a: x, b: y, text: t, score: t, short: false, anchored: false });
      usedA.add(x);
      usedB.add(y);
    }
  }
  return out;
}

function shown(c: Clause): AlignedClause {
  return { id: c.id, text: c.text, span: c.span };
}

/**
 * Aligns the clause trees of A (parent or older) and B (derivative or newer).
 * Returns alignments in reading order: A's order; each addition of B sits just before the A clause
 * carried by the next (not moved) clause of B, so after whatever A dropped there.
 */
export function alignClauses(treeA: readonly Clause[], treeB: readonly Clause[], options: Partial<AlignOptions> = {}): Alignment[] {
  const o: AlignOptions = { ...ALIGN_DEFAULTS, ...options };
  if (shared.vocabulary.size > VOCABULARY_LIMIT) shared = { vocabulary: new Vocabulary(), generation: shared.generation + 1 };
  const A = flatten(treeA, o.foldA);
  const B = flatten(treeB, o.foldB);
  const liveA = A.filter((n) => n.live);
  const liveB = B.filter((n) => n.live);

  // 1. Text similarity on candidates from the shingle index, both directions.
  const text = new Map<number, number>();
  const candidates: Array<[number, number]> = [];
  const similarityOf = (a: number, b: number): number => {
    const na = A[a]!;
    const nb = B[b]!;
    if (na.full.norm === nb.full.norm) return 1;
    return na.isRow && nb.isRow ? 0.75 * o.similarity(na.key, nb.key) + 0.25 * o.similarity(na.full, nb.full) : o.similarity(na.key, nb.key);
  };
  const measure = (a: number, b: number): number => {
    const k = pairKey(a, b);
    let s = text.get(k);
    if (s === undefined) {
      s = similarityOf(a, b);
      text.set(k, s);
      candidates.push([a, b]);
    }
    return s;
  };
  const shingleOptions = { ...SHINGLE_DEFAULTS, ...o.shingles };
  const shA = liveA.map((n) => shingleIds(n.key, shingleOptions.shortWords));
  const shB = liveB.map((n) => shingleIds(n.key, shingleOptions.shortWords));
  const indexB = new ShingleIndex(shB, shingleOptions);
  liveA.forEach((na, i) => {
    for (const c of indexB.query(shA[i]!)) measure(na.order, liveB[c.index]!.order);
  });
  const indexA = new ShingleIndex(shA, shingleOptions);
  liveB.forEach((nb, i) => {
    for (const c of indexA.query(shB[i]!)) measure(liveA[c.index]!.order, nb.order);
  });

  // Pairs vouched for by another stage (matched targets) are candidates whatever their shingles.
  const orderA = new Map(A.map((n) => [n.clause.id, n.order]));
  const orderB = new Map(B.map((n) => [n.clause.id, n.order]));
  const vouched = new Set<number>();
  for (const [ia, ib] of o.anchors) {
    const a = orderA.get(ia);
    const b = orderB.get(ib);
    if (a === undefined || b === undefined || !A[a]!.live || !B[b]!.live) continue;
    vouched.add(pairKey(a, b));
    measure(a, b);
  }

  // 2. Structure. Best text partner of each clause (for children's agreement).
  const bestOfA = new Map<number, [number, number]>();
  const bestOfB = new Map<number, [number, number]>();
  const noteBest = (a: number, b: number, s: number): void => {
    const ba = bestOfA.get(a);
    if (!ba || s > ba[1]) bestOfA.set(a, [b, s]);
    const bb = bestOfB.get(b);
    if (!bb || s > bb[1]) bestOfB.set(b, [a, s]);
  };
  for (const [a, b] of candidates) noteBest(a, b, text.get(pairKey(a, b))!);

  const supportCache = new Map<number, number>();
  const childSupport = (a: number, b: number): number => {
    const ca = A[a]!.liveChildren;
    const cb = B[b]!.liveChildren;
    if (ca.length + cb.length === 0) return 0;
    const k = pairKey(a, b);
    const known = supportCache.get(k);
    if (known !== undefined) return known;
    let agree = 0;
    for (const c of ca) {
      const best = bestOfA.get(c);
      if (best && best[1] >= 0.8 && B[best[0]]!.parent === b) agree += 1;
    }
    for (const c of cb) {
      const best = bestOfB.get(c);
      if (best && best[1] >= 0.8 && A[best[0]]!.parent === a) agree += 1;
    }
    const support = agree / (ca.length + cb.length);
    supportCache.set(k, support);
    return support;
  };
  const parentLikeness = (pa: number, pb: number): number => {
    if (pa < 0 && pb < 0) return 0.5;
    if (pa < 0 || pb < 0) return 0;
    return Math.max(measure(pa, pb), childSupport(pa, pb));
  };
  // A sub-heading one plan inserts ("a) Các sở, ban, ngành …:") must not cut a clause off from its
  // section: the grandparent on either side also counts, a little less.
  const parentSim = (a: number, b: number): number => {
    const pa = A[a]!.parent;
    const pb = B[b]!.parent;
    let best = parentLikeness(pa, pb);
    if (best < 0.9) {
      const ga = pa >= 0 ? A[pa]!.parent : -1;
      const gb = pb >= 0 ? B[pb]!.parent : -1;
      if (gb >= 0) best = Math.max(best, o.skipLevel * parentLikeness(pa, gb));
      if (ga >= 0) best = Math.max(best, o.skipLevel * parentLikeness(ga, pb));
    }
    return best;
  };
  const scored = new Map<number, Pair>();
  const score = (a: number, b: number): Pair => {
    const k = pairKey(a, b);
    const known = scored.get(k);
    if (known) return known;
    const na = A[a]!;
    const nb = B[b]!;
    const t = measure(a, b);
    const sameLabel = na.clause.kind === nb.clause.kind && na.clause.label !== null && na.clause.label === nb.clause.label;
    const support = childSupport(a, b);
    const parents = parentSim(a, b);
    const isVouched = vouched.has(k);
    const s =
      t +
      o.parentWeight * parents +
      o.childWeight * support +
      (sameLabel ? o.labelWeight : 0) +
      (isVouched ? o.anchorWeight : 0) -
      (na.isRow !== nb.isRow ? o.crossKindPenalty : 0);
    const short = na.key.words.length <= SHORT_WORDS && nb.key.words.length <= SHORT_WORDS;
    const pair = { a, b, text: t, score: s, short, anchored: isVouched || support >= 0.3 || (sameLabel && (t >= 0.7 || parents >= 0.7)) };
    scored.set(k, pair);
    return pair;
  };
  // Two short headings sharing a generic word ("GIẢI PHÁP THỰC HIỆN", "KINH PHÍ THỰC HIỆN") need
  // structure on their side unless nearly the same.
  const eligible = (p: Pair): boolean =>
    p.text >= (vouched.has(pairKey(p.a, p.b)) ? o.anchorFloor : o.textFloor) &&
    p.score >= o.threshold &&
    (!p.short || p.anchored || p.text >= o.shortAlone);

  // Aligned parents bring their children in as candidates (short children share no shingles).
  const queue: Pair[] = [];
  for (const [a, b] of [...candidates]) {
    const p = score(a, b);
    if (eligible(p)) queue.push(p);
  }
  const expanded = new Set<number>();
  const pairs: Pair[] = [];
  while (queue.length > 0) {
    const p = queue.pop()!;
    const k = pairKey(p.a, p.b);
    if (expanded.has(k)) continue;
    expanded.add(k);
    pairs.push(p);
    const ca = A[p.a]!.liveChildren;
    const cb = B[p.b]!.liveChildren;
    if (ca.length * cb.length > o.childPairs) continue;
    for (const x of ca)
      for (const y of cb) {
        const q = score(x, y);
        if (eligible(q) && !expanded.has(pairKey(x, y))) queue.push(q);
      }
  }

  // 3. Global one-to-one assignment, then leftover siblings.
  const chosen = assign(pairs);
  chosen.push(...leftoverSiblings(A, B, chosen, similarityOf, o));
  const partnerOfA = new Map<number, Pair>();
  const partnerOfB = new Map<number, Pair>();
  for (const p of chosen) {
    partnerOfA.set(p.a, p);
    partnerOfB.set(p.b, p);
  }

  // 4. Merges and splits: an unmatched clause carried inside a matched clause of the other side
  //    whose partner does not carry all of it.
  const parts: Array<{ a: number; b: number; share: number; group: 'merge' | 'split' }> = [];
  const neighboursA = new Map<number, number[]>();
  const neighboursB = new Map<number, number[]>();
  for (const [a, b] of candidates) {
    const la = neighboursA.get(a);
    if (la) la.push(b);
    else neighboursA.set(a, [b]);
    const lb = neighboursB.get(b);
    if (lb) lb.push(a);
    else neighboursB.set(b, [a]);
  }
  const candidatesOf = (side: 'a' | 'b', x: number): number[] => (side === 'a' ? neighboursA.get(x) : neighboursB.get(x)) ?? [];
  const near = (x: number, xs: Node[], y: number): boolean => {
    // the container's partner y sits next to x: same parent, or x's parent
    const nx = xs[x]!;
    const ny = xs[y]!;
    return nx.parent === ny.parent || nx.parent === y || ny.parent === x;
  };
  const findContainer = (x: Node, side: 'a' | 'b'): { y: number; share: number } | null => {
    // A part is a leaf (a continuation paragraph, a sentence moved out), not a heading over others.
    if (x.full.words.length < o.partWords || x.liveChildren.length > 0) return null;
    let best: { y: number; share: number; rank: number } | null = null;
    for (const y of candidatesOf(side, x.order)) {
      const ny = side === 'a' ? B[y]! : A[y]!;
      const partner = side === 'a' ? partnerOfB.get(y) : partnerOfA.get(y);
      if (!partner) continue;
      const mate = side === 'a' ? A[partner.a]! : B[partner.b]!;
      const share = profileContainment(x.full, ny.full);
      if (share < o.containment) continue;
      if (profileContainment(ny.full, mate.full) >= 0.95) continue; // y is wholly carried already
      if (profileContainment(x.full, mate.full) >= share) continue; // x's partner-to-be is its own mate
      const isNear = near(x.order, side === 'a' ? A : B, mate.order);
      if (!isNear && (share < o.farContainment || x.full.words.length < 2 * o.partWords)) continue;
      const rank = share + (isNear ? 0.1 : 0);
      if (!best || rank > best.rank) best = { y, share, rank };
    }
    return best ? { y: best.y, share: best.share } : null;
  };
  for (const x of liveB) {
    if (partnerOfB.has(x.order)) continue;
    const hit = findContainer(x, 'b');
    if (hit) parts.push({ a: hit.y, b: x.order, share: hit.share, group: 'split' });
  }
  for (const x of liveA) {
    if (partnerOfA.has(x.order)) continue;
    const hit = findContainer(x, 'a');
    if (hit) parts.push({ a: x.order, b: hit.y, share: hit.share, group: 'merge' });
  }
  const groupOfA = new Map<number, 'merge' | 'split'>();
  const groupOfB = new Map<number, 'merge' | 'split'>();
  for (const p of parts) {
    if (p.group === 'split') groupOfA.set(p.a, 'split');
    else groupOfB.set(p.b, 'merge');
  }

  // 5. Order: pairs outside a longest increasing run of B positions are moved.
  const byA = [...chosen].sort((x, y) => x.a - y.a);
  const inOrder = lisPositions(byA.map((p) => p.b));
  const moved = new Set<number>();
  byA.forEach((p, i) => {
    if (!inOrder.has(i)) moved.add(p.a);
  });

  // 6. Alignments, statuses, nature, diffs.
  const joined = (ids: number[], xs: Node[]): string => ids.map((i) => xs[i]!.full.norm).join(' ');
  const natureOf = (a: number, b: number): 'cosmetic' | 'substantive' => {
    // A group is judged as a whole: the pieces joined in reading order.
    const g = groupOfA.get(a) ?? groupOfB.get(b);
    if (g === 'split') {
      const pieces = [partnerOfA.get(a)?.b, ...parts.filter((p) => p.a === a).map((p) => p.b)].filter((x): x is number => x !== undefined);
      return changeNature(A[a]!.full.norm, joined(pieces.sort((x, y) => x - y), B));
    }
    if (g === 'merge') {
      const pieces = [partnerOfB.get(b)?.a, ...parts.filter((p) => p.b === b).map((p) => p.a)].filter((x): x is number => x !== undefined);
      return changeNature(joined(pieces.sort((x, y) => x - y), A), B[b]!.full.norm);
    }
    return changeNature(A[a]!.full.norm, B[b]!.full.norm);
  };
  const make = (a: number, b: number, similarity: number, group: 'merge' | 'split' | null, isMoved: boolean): Alignment => {
    const ca = A[a]!.clause;
    const cb = B[b]!.clause;
    const identical = A[a]!.full.norm === B[b]!.full.norm;
    const al: Alignment = {
      status: identical ? 'identical' : 'modified',
      a: shown(ca),
      b: shown(cb),
      similarity: identical ? 1 : round(Math.min(similarity, 0.99)),
      moved: isMoved,
      nature: identical ? null : natureOf(a, b),
      group,
    };
    if (!identical && o.diff) al.diff = wordDiff(ca.text, cb.text);
    return al;
  };

  // Reading order: each entry gets a sort key (A position, then B position).
  const out: Array<{ ka: number; kb: number; al: Alignment }> = [];
  for (const p of chosen) {
    const group = groupOfA.get(p.a) ?? groupOfB.get(p.b) ?? null;
    out.push({ ka: p.a, kb: p.b, al: make(p.a, p.b, p.text, group, moved.has(p.a)) });
  }
  for (const p of parts) {
    const primary = p.group === 'split' ? partnerOfA.get(p.a) : partnerOfB.get(p.b);
    const isMoved = primary ? moved.has(primary.a) : false;
    out.push({ ka: p.a, kb: p.b, al: make(p.a, p.b, p.share, p.group, isMoved) });
  }
  const carriedA = new Set([...chosen.map((p) => p.a), ...parts.map((p) => p.a)]);
  const carriedB = new Set([...chosen.map((p) => p.b), ...parts.map((p) => p.b)]);
  for (const n of liveA) {
    if (carriedA.has(n.order)) continue;
    const al: Alignment = { status: 'dropped', a: shown(n.clause), b: null, similarity: null, moved: false, nature: null, group: null };
    out.push({ ka: n.order, kb: -1, al });
  }
  // An added clause of B goes just before the A position of the next carried clause in B, so that
  // it follows what B puts before it and comes after A's dropped clauses there (deletions first).
  const partOfB = new Map(parts.map((p) => [p.b, p.a]));
  const nextAnchor = new Map<number, number>();
  let anchor = Number.POSITIVE_INFINITY;
  for (let i = B.length - 1; i >= 0; i--) {
    const p = partnerOfB.get(i);
    const part = partOfB.get(i);
    nextAnchor.set(i, anchor);
    if (p && !moved.has(p.a)) anchor = p.a; // a moved pair is no landmark for reading order
    else if (!p && part !== undefined && !moved.has(part)) anchor = part;
  }
  for (const n of liveB) {
    if (carriedB.has(n.order)) continue;
    const al: Alignment = { status: 'added', a: null, b: shown(n.clause), similarity: null, moved: false, nature: null, group: null };
    out.push({ ka: nextAnchor.get(n.order)! - 0.5, kb: n.order, al });
  }
  out.sort((x, y) => x.ka - y.ka || x.kb - y.kb);
  return out.map((x) => x.al);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
