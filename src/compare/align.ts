/**
 * Clause alignment: every clause of A carried by the clause(s) of B, or dropped; every clause of B
 * not carried from A, added. Pipeline, one named step each:
 *   `flatten` both trees (marking the records of repeated templates) → `settleIdenticalSubtrees`
 *   (subtrees copied word for word pair clause by clause) → `gatherCandidates` (a shingle index
 *   both directions, clauses of the same text, pairs another stage vouches for) → `eligiblePairs`
 *   (text similarity plus structure: parents, children, label, order as weak evidence; aligned
 *   parents bring their children in) → `assignRounds` (a global one-to-one assignment, repeated
 *   with the pairs of the previous round as structure: a clause under a paired parent prefers its
 *   parent's partner's children, so the records of a repeated template pair first and their slots
 *   within them) → `leftoverSiblings` (two editions of one text) → `headingsByChildren` (a renamed
 *   heading whose children pair one to one) → `mergesAndSplits` (parts that cover most of the
 *   merged clause; a heading merged with its bullets) → `movedPairs` → `emitPairs`,
 *   `emitUnpaired` (statuses, nature, word diffs, reading order).
 */
import { fillingLikeness, framesOf, TEMPLATE_DEFAULTS, type TemplateOptions } from './align-template.js';
import { maxWeightAssignment } from './assignment.js';
import { changeNature, changeNatureOfWords, wordDiff } from './diff.js';
import { GLOSSARY } from '../text/abbreviations.js';
import { makeFolder } from '../text/fold.js';
import { SHINGLE_DEFAULTS, ShingleIndex, type ShingleOptions } from '../text/shingles.js';
import { profile, profileContainment, profileSimilarity, SHORT_WORDS, Vocabulary, type Profile } from '../text/similarity.js';
import { NO_DEADLINE, type Deadline } from '../text/deadline.js';
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
  /** Least text similarity for two short clauses whose parents were paired together. */
  shortPaired: number;
  /** Least similarity of the identifying lines of two records of a repeated template to pair them. */
  recordFloor: number;
  /** Least share of a clause carried inside another for a merge or split part when another stage
   * vouches for the pair (matched targets) and the assignment gave the other clause to a rival. */
  anchorContainment: number;
  /** Weight of the parents' likeness in the combined score. */
  parentWeight: number;
  /** Discount on the parents' likeness when one side's parent is skipped for its grandparent. */
  skipLevel: number;
  /** Weight of the children's agreement in the combined score. */
  childWeight: number;
  /** Bonus when both clauses have the same kind and label ("b" and "b"). */
  labelWeight: number;
  /** Weight of the order: how close the two clauses sit in their documents (weak evidence, a tie-break). */
  orderWeight: number;
  /** Penalty when a table row is paired with a body clause. */
  crossKindPenalty: number;
  /** Rounds of assignment: after the first, the pairs chosen stand in for the parents' likeness. */
  rounds: number;
  /** Least share of a clause carried inside another for a merge or split part next to its partner's mate. */
  containment: number;
  /** The time budget, checked as pairs are measured and assigned (a TimeLimitError when spent). */
  deadline: Deadline;
  /** Least share for a part that sits elsewhere (not next to the clause its container is paired with). */
  farContainment: number;
  /** Least words of a clause to be a merge or split part. */
  partWords: number;
  /** Least share of the merged (or split) clause that its partner and parts together must carry. */
  groupCover: number;
  /** Least share of each of two or more unpaired sibling leaves carried inside one unpaired clause of
   * the other side for them to be that clause's merge (or split) with no partner of its own: five
   * lines of legal bases written as one paragraph, each nearly whole inside it though spelt a little
   * differently ("193/2025/NĐ-CP" / "193/2025/NĐCP"). */
  gatherContainment: number;
  /** Least share of a renamed heading's children paired with the other heading's children (and at
   * least one pair) for the two headings to be paired on their children alone. */
  headingChildren: number;
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
  /** How much more alike two clauses must be than either is to a sibling of the other when their
   * text alone is below `threshold` (and for leftover siblings always): among near-equal look-alikes
   * (rules that differ only in a figure) only the number or the order would choose, and they alone
   * pair nothing. */
  lookAlikeMargin: number;
  /** Least share of the smaller plan's clauses paired at a text similarity of 0.8 or more for the
   * leftover pass to run at all: it serves two editions of one text (000/003 → 004: 0.37, 0.45),
   * not two plans that merely share a vocabulary (all other seed and holdout pairs: 0.15 or less). */
  leftoverKinship: number;
  /** Template lines (siblings written on one frame): how frames are found, and the least likeness of
   * what fills them for two such lines to pair (see align-template.ts). */
  template: TemplateOptions;
}

const glossaryFold = makeFolder(GLOSSARY);

/** Defaults, tuned on the seed plans (siblings 000 ↔ 003, next year 000/003 → 004); `npm run
 * calibrate` prints the margins on all labelled pairs. */
export const ALIGN_DEFAULTS: Readonly<AlignOptions> = {
  deadline: NO_DEADLINE,
  similarity: profileSimilarity,
  foldA: glossaryFold,
  foldB: glossaryFold,
  threshold: 0.6,
  textFloor: 0.3,
  anchors: [],
  anchorWeight: 0.3,
  anchorFloor: 0.15,
  shortAlone: 0.85,
  shortPaired: 0.55,
  recordFloor: 0.5,
  anchorContainment: 0.4,
  parentWeight: 0.2,
  skipLevel: 0.9,
  childWeight: 0.2,
  labelWeight: 0.05,
  orderWeight: 0.02,
  crossKindPenalty: 0.05,
  rounds: 6,
  containment: 0.75,
  farContainment: 0.9,
  partWords: 4,
  groupCover: 0.6,
  gatherContainment: 0.6,
  headingChildren: 0.5,
  childPairs: 400,
  diff: true,
  shingles: {},
  leftoverFloor: 0.25,
  leftoverContainment: 0.45,
  leftoverWords: 10,
  lookAlikeMargin: 0.01,
  leftoverKinship: 0.25,
  template: TEMPLATE_DEFAULTS,
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
  /** Pre-order position among the live clauses, 0..1 (for the order evidence). */
  place: number;
  /** The nearest enclosing record of a repeated template (see `markRecords`), -1 when none. */
  record: number;
  /** True when the clause is itself such a record (one procedure, unit or department of a series). */
  isRecord: boolean;
  /** The frame its sibling leaves share when it is a line written on one (see align-template.ts), else null. */
  frame: ReadonlySet<string> | null;
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
  const cellKey = keyCells.length > 0 ? profile(fold(keyCells.map((cell) => cell.text).join(' ')), vocabulary) : full;
  // a key cell that folds to nothing ("-", "+") identifies nothing: the whole row does
  const key = cellKey.words.length > 0 ? cellKey : full;
  const entry = { generation, full, key, fold };
  profileCache.set(c, entry);
  return entry;
}

function flatten(roots: readonly Clause[], fold: (t: string) => string, template: TemplateOptions): Node[] {
  const nodes: Node[] = [];
  // an explicit stack, not recursion: the input decides the depth
  const stack: Array<[Clause, number]> = [...roots].reverse().map((c) => [c, -1]);
  while (stack.length > 0) {
    const [c, parent] = stack.pop()!;
    const order = nodes.length;
    const { full, key } = profilesOf(c, fold);
    nodes.push({ clause: c, order, parent, children: [], full, key, live: full.words.length > 0, liveChildren: [], isRow: c.kind === 'row' || c.kind === 'group', place: 0, record: -1, isRecord: false, frame: null });
    if (parent >= 0) nodes[parent]!.children.push(order);
    const kids = c.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, order]);
  }
  const live = nodes.filter((n) => n.live);
  live.forEach((n, i) => (n.place = live.length > 1 ? i / (live.length - 1) : 0));
  for (const n of nodes) n.liveChildren = n.children.filter((k) => nodes[k]!.live);
  markRecords(nodes);
  markFrames(nodes, template);
  return nodes;
}

/** The frame of each group of sibling leaves written on one (see align-template.ts). */
function markFrames(nodes: Node[], template: TemplateOptions): void {
  for (const n of nodes) {
    const leaves = n.liveChildren.filter((k) => nodes[k]!.liveChildren.length === 0 && !nodes[k]!.isRow);
    if (leaves.length < template.minSiblings) continue;
    framesOf(leaves.map((k) => nodes[k]!.full.words), template).forEach((frame, i) => (nodes[leaves[i]!]!.frame = frame));
  }
}

/** Two template lines are one clause only when what fills their frames agrees; their frame, number
 * and place alone never pair them. Null when either is no template line (or both say the same). */
function filling(na: Node, nb: Node): number | null {
  if (!na.frame || !nb.frame || na.full.norm === nb.full.norm) return null;
  return fillingLikeness(na.full.words, na.frame, nb.full.words, nb.frame);
}

function sameFilling(run: Run, na: Node, nb: Node): boolean {
  const f = filling(na, nb);
  return f === null || f >= run.o.template.fillingFloor;
}

/** Words of a slot's opening that make its signature ("Trực tuyến qua Cổng …" → "trực tuyến qua"). */
const SLOT_WORDS = 3;
/** Siblings after a clause that are compared with it when looking for a repeated template. */
const RECORD_WINDOW = 8;
/** Least slot signatures two sibling clauses must share to be records of one template. */
const RECORD_SLOTS = 2;

/** The slot signatures of a clause's descendants (their first words). */
function slotSignatures(nodes: readonly Node[], root: Node): Set<string> {
  const out = new Set<string>();
  const stack = [...root.liveChildren];
  while (stack.length > 0) {
    const n = nodes[stack.pop()!]!;
    out.add(n.full.words.slice(0, SLOT_WORDS).join(' '));
    stack.push(...n.liveChildren);
  }
  return out;
}

/**
 * Records of a repeated template: sibling clauses whose descendants open with the same slots (an
 * appendix of one section per procedure: "Trực tiếp tại …", "Trực tuyến qua …", "Qua dịch vụ bưu
 * chính …"). Each clause learns its nearest enclosing record, so that slots pair only inside paired
 * records.
 */
function markRecords(nodes: Node[]): void {
  const groups = new Map<number, number[]>();
  for (const n of nodes) if (n.live && n.liveChildren.length > 0) groups.set(n.parent, [...(groups.get(n.parent) ?? []), n.order]);
  for (const siblings of groups.values()) {
    if (siblings.length < 2) continue;
    const sigs = siblings.map((k) => slotSignatures(nodes, nodes[k]!));
    siblings.forEach((k, i) => {
      for (let j = i + 1; j < Math.min(siblings.length, i + 1 + RECORD_WINDOW); j++) {
        let shared = 0;
        for (const x of sigs[i]!) if (sigs[j]!.has(x)) shared += 1;
        if (shared >= Math.max(RECORD_SLOTS, 0.4 * Math.min(sigs[i]!.size, sigs[j]!.size))) {
          nodes[k]!.isRecord = true;
          nodes[siblings[j]!]!.isRecord = true;
        }
      }
    });
  }
  for (const n of nodes) {
    const up = n.parent >= 0 ? nodes[n.parent]! : null;
    n.record = up ? (up.isRecord ? up.order : up.record) : -1; // pre-order: the parent is done
  }
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
  /** Text plus structure: decides whether the pair may be chosen at all. */
  score: number;
  /** The score plus the order evidence: what the assignment maximises. */
  weight: number;
  /** Both clauses are short (headings): their text alone proves little. */
  short: boolean;
  /** Structure vouches for the pair: children that match each other, or the same label with a close
   * text or under aligned parents. */
  anchored: boolean;
  /** The bonus the same kind and label gave the score (position evidence: never decides alone). */
  labelBonus: number;
}

function pairKey(a: number, b: number): number {
  return a * 1_000_003 + b;
}

/** What the steps share: both flattened trees, the options, and what has been measured so far. */
interface Run {
  o: AlignOptions;
  A: Node[];
  B: Node[];
  liveA: Node[];
  liveB: Node[];
  /** Text similarity of every measured pair, by `pairKey`. */
  text: Map<number, number>;
  /** Candidate pairs, in the order they were first measured. */
  candidates: Array<[number, number]>;
  /** The candidates, by `pairKey`. */
  listed: Set<number>;
  /** Pairs another stage vouches for, by `pairKey`. */
  vouched: Set<number>;
  /** Best text similarity of each clause among the first candidates, and the clauses holding it. */
  bestOfA: Map<number, { text: number; parents: Set<number> }>;
  bestOfB: Map<number, { text: number; parents: Set<number> }>;
  supportCache: Map<number, number>;
  /** The pairs chosen in the previous round, each way (empty in the first round). */
  partnerA: Map<number, number>;
  partnerB: Map<number, number>;
  /** Pairs scored in this round. */
  scored: Map<number, Pair>;
  /** Pairs of identical subtrees settled before the assignment, and the clauses they hold. */
  settled: Pair[];
  settledA: Set<number>;
  settledB: Set<number>;
  /** Whether two records have alike identifying lines, by `pairKey`. */
  sameRecord: Map<number, boolean>;
  /** Identifying lines of records, by position. */
  identA: Map<number, Profile>;
  identB: Map<number, Profile>;
  /** Score every candidate, even those whose text alone rules them out (for calibration's list). */
  scoreAll: boolean;
}

function startRun(treeA: readonly Clause[], treeB: readonly Clause[], o: AlignOptions, scoreAll = false): Run {
  const A = flatten(treeA, o.foldA, o.template);
  const B = flatten(treeB, o.foldB, o.template);
  return {
    o, A, B,
    liveA: A.filter((n) => n.live),
    liveB: B.filter((n) => n.live),
    text: new Map(), candidates: [], listed: new Set(), vouched: new Set(),
    bestOfA: new Map(), bestOfB: new Map(), supportCache: new Map(),
    partnerA: new Map(), partnerB: new Map(), scored: new Map(), identA: new Map(), identB: new Map(), sameRecord: new Map(), settled: [], settledA: new Set(), settledB: new Set(), scoreAll,
  };
}

/** Text similarity of two clauses: 1 for the same comparison form; table rows mostly by their key cells. */
function similarityOf(run: Run, a: number, b: number): number {
  const na = run.A[a]!;
  const nb = run.B[b]!;
  if (na.full.norm === nb.full.norm) return 1;
  const { similarity } = run.o;
  return na.isRow && nb.isRow ? 0.75 * similarity(na.key, nb.key) + 0.25 * similarity(na.full, nb.full) : similarity(na.key, nb.key);
}

/** The text similarity of a pair, measured once. A pair measured as a candidate (not only as the
 * parents of one) is listed in `candidates`. */
function measure(run: Run, a: number, b: number, candidate = true): number {
  run.o.deadline.tick('aligning clauses');
  const k = pairKey(a, b);
  let s = run.text.get(k);
  if (s === undefined) {
    s = similarityOf(run, a, b);
    run.text.set(k, s);
  }
  if (candidate && !run.listed.has(k)) {
    run.listed.add(k);
    run.candidates.push([a, b]);
  }
  return s;
}

/** Clauses of one text on both sides are all candidates of each other up to this many pairs a text;
 * beyond it (a line repeated in every record) each is paired with those at about the same rank. */
const SAME_TEXT_PAIRS = 400;
const SAME_TEXT_BAND = 3;

/** Candidates: pairs sharing rare shingles (both directions), clauses of the same text (however
 * common: boilerplate shingles are skipped by the index), and pairs another stage vouches for. */
function gatherCandidates(run: Run): void {
  const { o, A, B } = run;
  const liveA = run.liveA.filter((n) => !run.settledA.has(n.order));
  const liveB = run.liveB.filter((n) => !run.settledB.has(n.order));
  const shingleOptions = { ...SHINGLE_DEFAULTS, ...o.shingles };
  const shA = liveA.map((n) => shingleIds(n.key, shingleOptions.shortWords));
  const shB = liveB.map((n) => shingleIds(n.key, shingleOptions.shortWords));
  const indexB = new ShingleIndex(shB, shingleOptions);
  liveA.forEach((na, i) => {
    for (const c of indexB.query(shA[i]!)) measure(run, na.order, liveB[c.index]!.order);
  });
  const indexA = new ShingleIndex(shA, shingleOptions);
  liveB.forEach((nb, i) => {
    for (const c of indexA.query(shB[i]!)) measure(run, liveA[c.index]!.order, nb.order);
  });
  const sameB = new Map<string, number[]>();
  for (const n of liveB) {
    const list = sameB.get(n.full.norm);
    if (list) list.push(n.order);
    else sameB.set(n.full.norm, [n.order]);
  }
  const sameA = new Map<string, number[]>();
  for (const n of liveA) if (sameB.has(n.full.norm)) sameA.set(n.full.norm, [...(sameA.get(n.full.norm) ?? []), n.order]);
  for (const [norm, xs] of sameA) {
    const ys = sameB.get(norm)!;
    const all = xs.length * ys.length <= SAME_TEXT_PAIRS;
    xs.forEach((x, i) => {
      const at = Math.round((i * ys.length) / xs.length);
      ys.forEach((y, j) => {
        if (all || Math.abs(j - at) <= SAME_TEXT_BAND) measure(run, x, y);
      });
    });
  }
  const orderA = new Map(A.map((n) => [n.clause.id, n.order]));
  const orderB = new Map(B.map((n) => [n.clause.id, n.order]));
  for (const [ia, ib] of o.anchors) {
    const a = orderA.get(ia);
    const b = orderB.get(ib);
    if (a === undefined || b === undefined || !A[a]!.live || !B[b]!.live || run.settledA.has(a) || run.settledB.has(b)) continue;
    run.vouched.add(pairKey(a, b));
    measure(run, a, b);
  }
  noteBestPartners(run);
}

/** Each clause's best text similarity among the candidates, and the parents of the clauses holding it. */
function noteBestPartners(run: Run): void {
  const note = (best: Run['bestOfA'], x: number, parent: number, s: number): void => {
    const known = best.get(x);
    if (!known || s > known.text + 1e-9) best.set(x, { text: s, parents: new Set([parent]) });
    else if (s >= known.text - 1e-9) known.parents.add(parent);
  };
  for (const [a, b] of run.candidates) {
    const s = run.text.get(pairKey(a, b))!;
    note(run.bestOfA, a, run.B[b]!.parent, s);
    note(run.bestOfB, b, run.A[a]!.parent, s);
  }
}

/** Share of the two clauses' children whose best partner (at 0.8 or more) is a child of the other. */
function childSupport(run: Run, a: number, b: number): number {
  const ca = run.A[a]!.liveChildren;
  const cb = run.B[b]!.liveChildren;
  if (ca.length + cb.length === 0) return 0;
  const k = pairKey(a, b);
  const known = run.supportCache.get(k);
  if (known !== undefined) return known;
  let agree = 0;
  for (const c of ca) {
    const best = run.bestOfA.get(c);
    if (best && best.text >= 0.8 && best.parents.has(b)) agree += 1;
  }
  for (const c of cb) {
    const best = run.bestOfB.get(c);
    if (best && best.text >= 0.8 && best.parents.has(a)) agree += 1;
  }
  const support = agree / (ca.length + cb.length);
  run.supportCache.set(k, support);
  return support;
}

/** How alike two parents are: after the first round, 1 when they were paired together and 0 when
 * either was paired with another clause (slots of one record do not pair with another record's);
 * otherwise their text or their children's agreement. */
function parentLikeness(run: Run, pa: number, pb: number): number {
  if (pa < 0 && pb < 0) return 0.5;
  if (pa < 0 || pb < 0) return 0;
  const ma = run.partnerA.get(pa);
  if (ma === pb) return 1;
  if (ma !== undefined || run.partnerB.has(pb)) return 0;
  return Math.max(measure(run, pa, pb, false), childSupport(run, pa, pb));
}

/** A sub-heading one plan inserts ("a) Các sở, ban, ngành …:") must not cut a clause off from its
 * section: the grandparent on either side also counts, a little less. */
function parentSim(run: Run, a: number, b: number): number {
  const pa = run.A[a]!.parent;
  const pb = run.B[b]!.parent;
  let best = parentLikeness(run, pa, pb);
  if (best < 0.9) {
    const ga = pa >= 0 ? run.A[pa]!.parent : -1;
    const gb = pb >= 0 ? run.B[pb]!.parent : -1;
    if (gb >= 0) best = Math.max(best, run.o.skipLevel * parentLikeness(run, pa, gb));
    if (ga >= 0) best = Math.max(best, run.o.skipLevel * parentLikeness(run, ga, pb));
  }
  return best;
}

/** Scores a pair: text, parents, children, label, vouching, kinds; the order only in its weight. */
function scorePair(run: Run, a: number, b: number): Pair {
  const k = pairKey(a, b);
  const known = run.scored.get(k);
  if (known) return known;
  run.o.deadline.tick('scoring clause pairs');
  const { o } = run;
  const na = run.A[a]!;
  const nb = run.B[b]!;
  const t = measure(run, a, b);
  const sameLabel = na.clause.kind === nb.clause.kind && na.clause.label !== null && na.clause.label === nb.clause.label;
  const support = childSupport(run, a, b);
  const parents = parentSim(run, a, b);
  const isVouched = run.vouched.has(k);
  const score =
    t +
    o.parentWeight * parents +
    o.childWeight * support +
    (sameLabel ? o.labelWeight : 0) +
    (isVouched ? o.anchorWeight : 0) -
    (na.isRow !== nb.isRow ? o.crossKindPenalty : 0);
  const short = na.key.words.length <= SHORT_WORDS && nb.key.words.length <= SHORT_WORDS;
  const weight = score + o.orderWeight * (1 - Math.abs(na.place - nb.place));
  const anchored = isVouched || support >= 0.3 || (sameLabel && (t >= 0.7 || parents >= 0.7));
  const pair = { a, b, text: t, score, weight, short, anchored, labelBonus: sameLabel ? o.labelWeight : 0 };
  run.scored.set(k, pair);
  return pair;
}

/** The identifying line of a record: its own text, with its first child's when it is short (a
 * procedure's code "014466" and its name "Công nhận kết quả thăm dò khoáng sản …"). */
function identifyingLine(run: Run, side: 'a' | 'b', n: Node): Profile {
  const cache = side === 'a' ? run.identA : run.identB;
  let p = cache.get(n.order);
  if (!p) {
    const first = n.liveChildren[0];
    const nodes = side === 'a' ? run.A : run.B;
    p = n.full.words.length <= SHORT_WORDS && first !== undefined ? joinedProfile([n, nodes[first]!]) : n.full;
    cache.set(n.order, p);
  }
  return p;
}

/** Records of a template pair by their identifying lines; the slots of two records only when the
 * records were paired (in the previous round): "Không" of procedure 1 is not "Không" of procedure 28. */
function recordsAgree(run: Run, a: number, b: number): boolean {
  const na = run.A[a]!;
  const nb = run.B[b]!;
  if (na.isRecord && nb.isRecord) {
    const k = pairKey(a, b);
    let same = run.sameRecord.get(k);
    if (same === undefined) run.sameRecord.set(k, (same = run.o.similarity(identifyingLine(run, 'a', na), identifyingLine(run, 'b', nb)) >= run.o.recordFloor));
    if (!same) return false;
  }
  return na.record < 0 || nb.record < 0 || run.partnerA.get(na.record) === nb.record;
}

/** Two short headings sharing a generic word ("GIẢI PHÁP THỰC HIỆN", "KINH PHÍ THỰC HIỆN") need
 * structure on their side unless nearly the same; under parents paired together a closer look at
 * the characters is enough ("Phí, lệ phí (nếu có)" ↔ "Phí, lệ phí" in two tables' headers). */
function eligible(run: Run, p: Pair): boolean {
  const { o } = run;
  const siblings = (): boolean => p.text >= o.shortPaired && run.partnerA.get(run.A[p.a]!.parent) === run.B[p.b]!.parent && run.A[p.a]!.parent >= 0;
  if (run.settledA.has(p.a) || run.settledB.has(p.b)) return false;
  const vouched = run.vouched.has(pairKey(p.a, p.b));
  // a pair another stage matched (their targets) needs only a little text in common
  return (
    p.text >= (vouched ? o.anchorFloor : o.textFloor) &&
    // the label is position evidence: it may rank pairs but never lift one over the threshold
    (vouched || p.score - p.labelBonus >= o.threshold) &&
    (!p.short || p.anchored || p.text >= o.shortAlone || siblings()) &&
    recordsAgree(run, p.a, p.b) &&
    sameFilling(run, run.A[p.a]!, run.B[p.b]!) &&
    (vouched || p.text >= o.threshold || !lookAlikes(run, p.a, p.b, p.text))
  );
}

/** Most siblings looked at for look-alikes (a long list of rows is left to the assignment). */
const LOOK_ALIKE_SIBLINGS = 64;

/** Whether a sibling of b is as alike to a as b is (or a sibling of a to b): then only the number or
 * the order would tell them apart. */
function lookAlikes(run: Run, a: number, b: number, t: number): boolean {
  const near = (s: number): boolean => Math.abs(s - t) < run.o.lookAlikeMargin;
  const siblingsOf = (nodes: readonly Node[], x: number): number[] => {
    const up = nodes[x]!.parent;
    const kids = up >= 0 ? nodes[up]!.liveChildren : [];
    return kids.length <= LOOK_ALIKE_SIBLINGS ? kids.filter((k) => k !== x) : [];
  };
  return siblingsOf(run.B, b).some((y) => near(measure(run, a, y, false))) || siblingsOf(run.A, a).some((x) => near(measure(run, x, b, false)));
}

/** Whether a pair's text alone keeps it from being eligible (see `eligible`), so that it need not be scored. */
function hopeless(run: Run, a: number, b: number): boolean {
  const t = measure(run, a, b);
  return !run.scoreAll && t < (run.vouched.has(pairKey(a, b)) ? run.o.anchorFloor : run.o.textFloor);
}

/** The eligible candidates; aligned parents bring their children in (short children share no shingles). */
function eligiblePairs(run: Run): Pair[] {
  const queue: Pair[] = [];
  for (const [a, b] of [...run.candidates]) {
    if (hopeless(run, a, b)) continue;
    const p = scorePair(run, a, b);
    if (eligible(run, p)) queue.push(p);
  }
  const expanded = new Set<number>();
  const pairs: Pair[] = [];
  while (queue.length > 0) {
    const p = queue.pop()!;
    const k = pairKey(p.a, p.b);
    if (expanded.has(k)) continue;
    expanded.add(k);
    pairs.push(p);
    const ca = run.A[p.a]!.liveChildren;
    const cb = run.B[p.b]!.liveChildren;
    if (ca.length * cb.length > run.o.childPairs) continue;
    for (const x of ca)
      for (const y of cb) {
        if (hopeless(run, x, y)) continue;
        const q = scorePair(run, x, y);
        if (eligible(run, q) && !expanded.has(pairKey(x, y))) queue.push(q);
      }
  }
  return pairs;
}

/** Rounds of global assignment: each round scores the parents by the pairs the previous round chose,
 * so structure found at one level (records paired by their identifying line) guides the next. */
function assignRounds(run: Run): Pair[] {
  let chosen: Pair[] = [];
  const known = (pairs: readonly Pair[]): void => {
    run.partnerA = new Map([...run.settled, ...pairs].map((p) => [p.a, p.b]));
    run.partnerB = new Map([...run.settled, ...pairs].map((p) => [p.b, p.a]));
  };
  known([]);
  for (let round = 0; round < Math.max(1, run.o.rounds); round++) {
    run.o.deadline.check('assigning clause pairs');
    run.scored.clear();
    const next = assign(eligiblePairs(run));
    const same = round > 0 && next.length === chosen.length && next.every((p) => run.partnerA.get(p.a) === p.b);
    chosen = next;
    if (same) break;
    known(next);
  }
  return [...run.settled, ...chosen];
}

/** Identity of a subtree: one number per distinct comparison form with the same live children's
 * identities in order, interned in `ids` (shared by both sides, so equal numbers mean equal subtrees). */
function subtreeKeys(nodes: readonly Node[], ids: Map<string, number>): number[] {
  const keys = new Array<number>(nodes.length).fill(0);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    const body = `${n.full.norm}\u0001${n.liveChildren.map((c) => keys[c]).join(',')}`;
    let id = ids.get(body);
    if (id === undefined) ids.set(body, (id = ids.size));
    keys[i] = id;
  }
  return keys;
}

/** The live clauses of a subtree in pre-order. */
function liveSubtree(nodes: readonly Node[], root: number): number[] {
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const k = stack.pop()!;
    out.push(k);
    const kids = nodes[k]!.liveChildren;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/**
 * Identical subtrees (a heading and everything under it word for word, a record copied whole) are
 * paired clause by clause before anything else, the k-th copy in A with the k-th in B: nothing is
 * left to guess there, and the structure they give guides the rest from the first round.
 */
function settleIdenticalSubtrees(run: Run): void {
  const ids = new Map<string, number>();
  const keysA = subtreeKeys(run.A, ids);
  const keysB = subtreeKeys(run.B, ids);
  const free = new Map<number, number[]>();
  for (const n of run.B) if (n.live && n.liveChildren.length > 0) free.set(keysB[n.order]!, [...(free.get(keysB[n.order]!) ?? []), n.order]);
  for (const n of run.A) {
    if (!n.live || n.liveChildren.length === 0 || run.settledA.has(n.order)) continue;
    // the first copy in B not already settled, whole (not nested inside or around a settled one)
    let zs: number[] | null = null;
    for (const y of free.get(keysA[n.order]!) ?? []) {
      if (run.settledB.has(y)) continue;
      const sub = liveSubtree(run.B, y);
      if (!sub.some((z) => run.settledB.has(z))) {
        zs = sub;
        break;
      }
    }
    if (!zs) continue;
    const xs = liveSubtree(run.A, n.order);
    xs.forEach((x, i) => {
      const z = zs[i]!;
      run.settled.push({ a: x, b: z, text: 1, score: 1, weight: 1, short: false, anchored: true, labelBonus: 0 });
      run.settledA.add(x);
      run.settledB.add(z);
      run.text.set(pairKey(x, z), 1);
    });
  }
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
  for (const list of out.values()) list.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
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
  const unique = (list: Pair[] | undefined, p: Pair): boolean => !!list && list[0] === p && (list.length === 1 || list[1]!.weight < p.weight);
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
      weights[r]![c] = p.weight;
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
  for (const p of [...pairs].sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b)) {
    if (usedA.has(p.a) || usedB.has(p.b)) continue;
    usedA.add(p.a);
    usedB.add(p.b);
    out.push(p);
  }
  return out;
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
function leftoverSiblings(run: Run, chosen: readonly Pair[]): Pair[] {
  const { A, B, o } = run;
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
    for (const x of xs) for (const y of ys) sim.set(pairKey(x, y), similarityOf(run, x, y));
    const bestY = (x: number): number => ys.reduce((b, y) => (sim.get(pairKey(x, y))! > sim.get(pairKey(x, b))! ? y : b));
    const bestX = (y: number): number => xs.reduce((b, x) => (sim.get(pairKey(x, y))! > sim.get(pairKey(b, y))! ? x : b));
    // siblings already paired under these parents fix the order
    const fixed = chosen.filter((p) => A[p.a]!.parent === parent.a && B[p.b]!.parent === parent.b);
    for (const x of xs) {
      const y = bestY(x);
      if (bestX(y) !== x) continue;
      const t = sim.get(pairKey(x, y))!;
      if (t < o.leftoverFloor || !sameFilling(run, A[x]!, B[y]!)) continue;
      const rival = Math.max(...ys.filter((z) => z !== y).map((z) => sim.get(pairKey(x, z))!), ...xs.filter((z) => z !== x).map((z) => sim.get(pairKey(z, y))!), 0);
      if (t - rival < o.lookAlikeMargin) continue;
      const [short, long] = A[x]!.full.words.length <= B[y]!.full.words.length ? [A[x]!.full, B[y]!.full] : [B[y]!.full, A[x]!.full];
      if (short.words.length < o.leftoverWords || profileContainment(short, long) < o.leftoverContainment) continue;
      if (fixed.some((p) => p.a < x !== p.b < y)) continue;
      out.push({ a: x, b: y, text: t, score: t, weight: t, short: false, anchored: false, labelBonus: 0 });
      usedA.add(x);
      usedB.add(y);
    }
  }
  return out;
}

/**
 * Renamed headings: an unpaired clause of A whose children are paired, one to one, with the children
 * of an unpaired clause of B ("TỔ CHỨC THỰC HIỆN" ↔ "THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN") is paired
 * with it whatever their own text. Children come before parents, so a pairing climbs the tree.
 */
function headingsByChildren(run: Run, chosen: readonly Pair[]): Pair[] {
  const { A, B, o } = run;
  const partnerA = new Map(chosen.map((p) => [p.a, p.b]));
  const partnerB = new Map(chosen.map((p) => [p.b, p.a]));
  const out: Pair[] = [];
  for (let x = A.length - 1; x >= 0; x--) {
    const nx = A[x]!;
    if (!nx.live || partnerA.has(x) || nx.liveChildren.length === 0) continue;
    const votes = new Map<number, number>();
    for (const c of nx.liveChildren) {
      const m = partnerA.get(c);
      const y = m === undefined ? -1 : B[m]!.parent;
      if (y >= 0 && B[y]!.live && !partnerB.has(y)) votes.set(y, (votes.get(y) ?? 0) + 1);
    }
    let best = -1;
    let most = 0;
    for (const [y, n] of votes) if (n > most || (n === most && y < best)) [best, most] = [y, n];
    if (best < 0) continue;
    const wide = Math.max(nx.liveChildren.length, B[best]!.liveChildren.length);
    if (most < o.headingChildren * wide || nx.isRow !== B[best]!.isRow) continue;
    const t = measure(run, x, best);
    const pair = { a: x, b: best, text: t, score: t, weight: t, short: false, anchored: true, labelBonus: 0 };
    out.push(pair);
    partnerA.set(x, best);
    partnerB.set(best, x);
  }
  return out;
}

/** A merge or split part: a clause of one side carried inside a paired clause of the other. */
interface Part {
  a: number;
  b: number;
  /** Symmetric text similarity of the part and the clause carrying it. */
  similarity: number;
  group: 'merge' | 'split';
}

/** The profile of several clauses' comparison forms joined in reading order. */
function joinedProfile(nodes: readonly Node[]): Profile {
  return profile([...nodes].sort((x, y) => x.order - y.order).map((n) => n.full.norm).join(' '), shared.vocabulary);
}

/** The partner and the candidate containers of a clause, for merges (side 'a') and splits (side 'b'). */
interface Sides {
  own: readonly Node[];
  other: readonly Node[];
  partnerOther: Map<number, Pair>;
  neighbours: Map<number, number[]>;
  mateOf: (p: Pair) => number;
  /** The pair of x (this side) and y (the other) as (A, B) positions. */
  asPair: (x: number, y: number) => [number, number];
}

/** The best container of an unpaired leaf x among its candidates: a paired clause that carries most
 * of x while its own partner does not already carry all of it. */
function containerOf(run: Run, x: Node, s: Sides): { y: number; share: number } | null {
  const { o } = run;
  if (x.full.words.length < o.partWords || x.liveChildren.length > 0) return null;
  let best: { y: number; share: number; rank: number } | null = null;
  for (const y of s.neighbours.get(x.order) ?? []) {
    const partner = s.partnerOther.get(y);
    if (!partner) continue;
    const ny = s.other[y]!;
    const mate = s.own[s.mateOf(partner)]!;
    const share = profileContainment(x.full, ny.full);
    const [pa, pb] = s.asPair(x.order, y);
    const vouched = run.vouched.has(pairKey(pa, pb));
    if (share < (vouched ? o.anchorContainment : o.containment) || !recordsAgree(run, pa, pb) || !sameFilling(run, run.A[pa]!, run.B[pb]!)) continue;
    if (profileContainment(ny.full, mate.full) >= 0.95) continue; // y is wholly carried already
    if (profileContainment(x.full, mate.full) >= share) continue; // x's partner-to-be is its own mate
    // next to the container's mate: same parent, or one the parent of the other
    const isNear = x.parent === mate.parent || x.parent === mate.order || mate.parent === x.order;
    if (!isNear && !vouched && (share < o.farContainment || x.full.words.length < 2 * o.partWords)) continue;
    const rank = share + (isNear ? 0.1 : 0);
    if (!best || rank > best.rank) best = { y, share, rank };
  }
  return best ? { y: best.y, share: best.share } : null;
}

/** Least gain in the share of the merged clause carried that one more part must bring. */
const PART_GAIN = 0.05;

/** The parts of one container kept: each must carry more of it than the pieces before, and all
 * pieces together (its partner included) most of it. */
function coveringParts(run: Run, container: Node, mate: Node, xs: ReadonlyArray<{ x: Node; share: number }>): Node[] {
  const kept: Node[] = [];
  let covered = profileContainment(container.full, mate.full);
  for (const { x } of [...xs].sort((p, q) => q.share - p.share || p.x.order - q.x.order)) {
    const next = profileContainment(container.full, joinedProfile([mate, ...kept, x]));
    if (next - covered < PART_GAIN) continue;
    kept.push(x);
    covered = next;
  }
  return covered >= run.o.groupCover ? kept : [];
}

/**
 * Merges and splits with no partner yet: an unpaired clause that carries, nearly whole, two or more
 * unpaired sibling leaves of the other side that together cover most of it (legal bases listed one
 * a line in A, one paragraph in B). The most alike part becomes its partner, the others its parts.
 */
function gatheredParts(run: Run, chosen: readonly Pair[]): { primaries: Pair[]; parts: Part[] } {
  const { o } = run;
  const usedA = new Set(chosen.map((p) => p.a));
  const usedB = new Set(chosen.map((p) => p.b));
  const byB = new Map<number, number[]>();
  const byA = new Map<number, number[]>();
  for (const [a, b] of run.candidates) {
    if (usedA.has(a) || usedB.has(b)) continue;
    byB.set(b, [...(byB.get(b) ?? []), a]);
    byA.set(a, [...(byA.get(a) ?? []), b]);
  }
  const primaries: Pair[] = [];
  const parts: Part[] = [];
  const taken = { a: new Set<number>(), b: new Set<number>() };
  const gather = (group: 'merge' | 'split', container: Node, pool: readonly number[], own: readonly Node[]): void => {
    const leaves = pool
      .map((k) => own[k]!)
      .filter((x) => !(group === 'merge' ? taken.a : taken.b).has(x.order) && x.liveChildren.length === 0 && x.full.words.length >= o.partWords)
      .filter((x) => {
        const [pa, pb] = group === 'merge' ? [x.order, container.order] : [container.order, x.order];
        return profileContainment(x.full, container.full) >= o.gatherContainment && recordsAgree(run, pa, pb) && sameFilling(run, run.A[pa]!, run.B[pb]!);
      });
    // siblings only: the lines of one list, not pieces gathered from across the document
    const byParent = new Map<number, Node[]>();
    for (const x of leaves) byParent.set(x.parent, [...(byParent.get(x.parent) ?? []), x]);
    for (const xs of byParent.values()) {
      if (xs.length < 2 || profileContainment(container.full, joinedProfile(xs)) < o.groupCover) continue;
      const similarity = (x: Node): number => o.similarity(x.full, container.full);
      const [first, ...rest] = [...xs].sort((x, y) => similarity(y) - similarity(x) || x.order - y.order);
      const t = similarity(first!);
      const [pa, pb] = group === 'merge' ? [first!.order, container.order] : [container.order, first!.order];
      primaries.push({ a: pa, b: pb, text: t, score: t, weight: t, short: false, anchored: true, labelBonus: 0 });
      for (const x of [first!, ...rest]) (group === 'merge' ? taken.a : taken.b).add(x.order);
      (group === 'merge' ? taken.b : taken.a).add(container.order);
      for (const x of rest) parts.push(group === 'merge' ? { a: x.order, b: container.order, similarity: similarity(x), group } : { a: container.order, b: x.order, similarity: similarity(x), group });
      return;
    }
  };
  for (const [b, as] of byB) if (run.B[b]!.liveChildren.length === 0 && !taken.b.has(b)) gather('merge', run.B[b]!, as, run.A);
  for (const [a, bs] of byA) if (run.A[a]!.liveChildren.length === 0 && !taken.a.has(a)) gather('split', run.A[a]!, bs, run.B);
  return { primaries, parts };
}

/** Merges and splits: unpaired leaves carried inside a paired clause of the other side whose
 * partner does not carry all of it, kept when together they cover most of it. */
function mergesAndSplits(run: Run, chosen: readonly Pair[]): Part[] {
  const neighboursA = new Map<number, number[]>();
  const neighboursB = new Map<number, number[]>();
  for (const [a, b] of run.candidates) {
    neighboursA.set(a, [...(neighboursA.get(a) ?? []), b]);
    neighboursB.set(b, [...(neighboursB.get(b) ?? []), a]);
  }
  const partnerOfA = new Map(chosen.map((p) => [p.a, p]));
  const partnerOfB = new Map(chosen.map((p) => [p.b, p]));
  const merges: Sides = { own: run.A, other: run.B, partnerOther: partnerOfB, neighbours: neighboursA, mateOf: (p) => p.a, asPair: (x, y) => [x, y] };
  const splits: Sides = { own: run.B, other: run.A, partnerOther: partnerOfA, neighbours: neighboursB, mateOf: (p) => p.b, asPair: (x, y) => [y, x] };
  const out: Part[] = [];
  // a pair is a split or a merge, not both: a clause of A split over B takes no merge parts
  const splitA = new Set<number>();
  for (const [group, sides, live, paired] of [
    ['split', splits, run.liveB, partnerOfB],
    ['merge', merges, run.liveA, partnerOfA],
  ] as const) {
    const byContainer = new Map<number, Array<{ x: Node; share: number }>>();
    for (const x of live) {
      if (paired.has(x.order)) continue;
      const hit = containerOf(run, x, sides);
      if (!hit || (group === 'merge' && splitA.has(partnerOfB.get(hit.y)!.a))) continue;
      byContainer.set(hit.y, [...(byContainer.get(hit.y) ?? []), { x, share: hit.share }]);
    }
    for (const [y, xs] of byContainer) {
      const container = sides.other[y]!;
      const mate = sides.own[sides.mateOf(sides.partnerOther.get(y)!)]!;
      for (const x of coveringParts(run, container, mate, xs)) {
        const similarity = run.o.similarity(x.full, container.full);
        out.push(group === 'merge' ? { a: x.order, b: y, similarity, group } : { a: y, b: x.order, similarity, group });
        if (group === 'split') splitA.add(y);
      }
    }
  }
  out.push(...headingParts(run, chosen, out));
  return out;
}

/**
 * A heading merged with its bullets ("Sở Văn hóa, Thể thao và Du lịch:" over three bullets → one
 * bullet "Sở Văn hóa, Thể thao và Du lịch phối hợp …"), or split into them: an unpaired heading
 * whose children all went into one clause of the other side is a part of that merge or split too,
 * when its own text is carried there.
 */
function headingParts(run: Run, chosen: readonly Pair[], parts: readonly Part[]): Part[] {
  const out: Part[] = [];
  for (const group of ['merge', 'split'] as const) {
    const own = group === 'merge' ? run.A : run.B;
    const other = group === 'merge' ? run.B : run.A;
    const into = new Map<number, number>(); // clause of this side → the clause of the other side carrying it
    for (const p of chosen) into.set(group === 'merge' ? p.a : p.b, group === 'merge' ? p.b : p.a);
    for (const p of parts) if (p.group === group) into.set(group === 'merge' ? p.a : p.b, group === 'merge' ? p.b : p.a);
    const taken = new Set(into.keys());
    // a pair is a split or a merge, not both
    const partnerOf = new Map(chosen.map((p) => (group === 'merge' ? [p.b, p.a] : [p.a, p.b])));
    const otherGroup = new Set(parts.filter((p) => p.group !== group).map((p) => (group === 'merge' ? p.a : p.b)));
    for (const x of own) {
      if (!x.live || taken.has(x.order) || x.liveChildren.length === 0 || x.full.words.length < run.o.partWords) continue;
      const targets = new Set(x.liveChildren.map((c) => into.get(c) ?? -1));
      const [y] = [...targets];
      if (targets.size !== 1 || y === undefined || y < 0 || otherGroup.has(partnerOf.get(y) ?? -1)) continue;
      if (profileContainment(x.full, other[y]!.full) < run.o.containment) continue;
      const similarity = run.o.similarity(x.full, other[y]!.full);
      out.push(group === 'merge' ? { a: x.order, b: y, similarity, group } : { a: y, b: x.order, similarity, group });
    }
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

/** A clauses of the pairs outside a longest run of B positions in A's order: they moved. */
function movedPairs(chosen: readonly Pair[]): Set<number> {
  const byA = [...chosen].sort((x, y) => x.a - y.a);
  const inOrder = lisPositions(byA.map((p) => p.b));
  const moved = new Set<number>();
  byA.forEach((p, i) => {
    if (!inOrder.has(i)) moved.add(p.a);
  });
  return moved;
}

function shown(c: Clause): AlignedClause {
  return { id: c.id, text: c.text, span: c.span };
}

/** An entry of the output with its reading-order keys (A position, then B position). */
interface Placed {
  ka: number;
  kb: number;
  al: Alignment;
}

/** Cosmetic or substantive; a merge or split is judged as a whole, its pieces joined in reading order. */
function natureOf(run: Run, a: number, b: number, chosen: readonly Pair[], parts: readonly Part[]): 'cosmetic' | 'substantive' {
  const joined = (ids: number[], xs: readonly Node[]): string => [...new Set(ids)].sort((x, y) => x - y).map((i) => xs[i]!.full.norm).join(' ');
  const split = parts.filter((p) => p.group === 'split' && p.a === a);
  if (split.length > 0) return changeNature(run.A[a]!.full.norm, joined([...chosen.filter((p) => p.a === a).map((p) => p.b), ...split.map((p) => p.b)], run.B));
  const merge = parts.filter((p) => p.group === 'merge' && p.b === b);
  if (merge.length > 0) return changeNature(joined([...chosen.filter((p) => p.b === b).map((p) => p.a), ...merge.map((p) => p.a)], run.A), run.B[b]!.full.norm);
  return changeNatureOfWords(run.A[a]!.full.words, run.B[b]!.full.words);
}

/** The alignments of pairs and parts, with statuses, nature and word diffs. */
function emitPairs(run: Run, chosen: readonly Pair[], parts: readonly Part[], moved: ReadonlySet<number>): Placed[] {
  const groupOfA = new Map(parts.filter((p) => p.group === 'split').map((p) => [p.a, p.group]));
  const groupOfB = new Map(parts.filter((p) => p.group === 'merge').map((p) => [p.b, p.group]));
  const partnerOfA = new Map(chosen.map((p) => [p.a, p]));
  const partnerOfB = new Map(chosen.map((p) => [p.b, p]));
  const make = (a: number, b: number, similarity: number, group: 'merge' | 'split' | null, isMoved: boolean): Alignment => {
    const ca = run.A[a]!.clause;
    const cb = run.B[b]!.clause;
    const identical = run.A[a]!.full.norm === run.B[b]!.full.norm;
    const al: Alignment = {
      status: identical ? 'identical' : 'modified',
      a: shown(ca),
      b: shown(cb),
      similarity: identical ? 1 : round(Math.min(similarity, 0.99)),
      moved: isMoved,
      nature: identical ? null : natureOf(run, a, b, chosen, parts),
      group,
    };
    if (!identical && run.o.diff) al.diff = wordDiff(ca.text, cb.text);
    return al;
  };
  const out: Placed[] = [];
  for (const p of chosen) out.push({ ka: p.a, kb: p.b, al: make(p.a, p.b, p.text, groupOfA.get(p.a) ?? groupOfB.get(p.b) ?? null, moved.has(p.a)) });
  for (const p of parts) {
    const primary = p.group === 'split' ? partnerOfA.get(p.a) : partnerOfB.get(p.b);
    out.push({ ka: p.a, kb: p.b, al: make(p.a, p.b, p.similarity, p.group, primary ? moved.has(primary.a) : false) });
  }
  return out;
}

/** Dropped clauses of A and added clauses of B. An added clause goes just before the A position of
 * the next carried clause in B, so that it follows what B puts before it and comes after A's dropped
 * clauses there (deletions first). */
function emitUnpaired(run: Run, chosen: readonly Pair[], parts: readonly Part[], moved: ReadonlySet<number>): Placed[] {
  const out: Placed[] = [];
  const carriedA = new Set([...chosen.map((p) => p.a), ...parts.map((p) => p.a)]);
  const carriedB = new Set([...chosen.map((p) => p.b), ...parts.map((p) => p.b)]);
  for (const n of run.liveA) {
    if (carriedA.has(n.order)) continue;
    out.push({ ka: n.order, kb: -1, al: { status: 'dropped', a: shown(n.clause), b: null, similarity: null, moved: false, nature: null, group: null } });
  }
  const partnerOfB = new Map(chosen.map((p) => [p.b, p]));
  const partOfB = new Map(parts.map((p) => [p.b, p.a]));
  const nextAnchor = new Map<number, number>();
  let anchor = Number.POSITIVE_INFINITY;
  for (let i = run.B.length - 1; i >= 0; i--) {
    const p = partnerOfB.get(i);
    const part = partOfB.get(i);
    nextAnchor.set(i, anchor);
    if (p && !moved.has(p.a)) anchor = p.a; // a moved pair is no landmark for reading order
    else if (!p && part !== undefined && !moved.has(part)) anchor = part;
  }
  for (const n of run.liveB) {
    if (carriedB.has(n.order)) continue;
    out.push({ ka: nextAnchor.get(n.order)! - 0.5, kb: n.order, al: { status: 'added', a: null, b: shown(n.clause), similarity: null, moved: false, nature: null, group: null } });
  }
  return out;
}

/**
 * Aligns the clause trees of A (parent or older) and B (derivative or newer).
 * Returns alignments in reading order: A's order; each addition of B sits just before the A clause
 * carried by the next (not moved) clause of B, so after whatever A dropped there.
 */
export function alignClauses(treeA: readonly Clause[], treeB: readonly Clause[], options: Partial<AlignOptions> = {}): Alignment[] {
  const o: AlignOptions = { ...ALIGN_DEFAULTS, ...options };
  if (shared.vocabulary.size > VOCABULARY_LIMIT) shared = { vocabulary: new Vocabulary(), generation: shared.generation + 1 };
  const run = startRun(treeA, treeB, o);
  settleIdenticalSubtrees(run);
  gatherCandidates(run);
  const chosen = assignRounds(run);
  chosen.push(...leftoverSiblings(run, chosen));
  chosen.push(...headingsByChildren(run, chosen));
  const gathered = gatheredParts(run, chosen);
  chosen.push(...gathered.primaries);
  // a clause gathered into a merge or split is a part of no other one
  const own = (p: Part): string => (p.group === 'merge' ? `a${p.a}` : `b${p.b}`);
  const gatheredOwn = new Set(gathered.parts.map(own));
  const parts = [...mergesAndSplits(run, chosen).filter((p) => !gatheredOwn.has(own(p))), ...gathered.parts];
  const moved = movedPairs(chosen);
  const out = [...emitPairs(run, chosen, parts, moved), ...emitUnpaired(run, chosen, parts, moved)];
  out.sort((x, y) => x.ka - y.ka || x.kb - y.kb);
  return out.map((x) => x.al);
}

/** A candidate pair as the aligner scored it, for calibration (`npm run calibrate`). */
export interface ScoredCandidate {
  /** Clause ids in A and B. */
  a: string;
  b: string;
  /** Text similarity. */
  text: number;
  /** Text plus structure. */
  score: number;
  /** Both clauses are short (headings). */
  short: boolean;
  /** Whether the global assignment chose it. */
  chosen: boolean;
  /** For two template lines, the likeness of what fills their frames; null otherwise. */
  filling: number | null;
}

/** Every candidate pair scored in the last round of the assignment, with whether it was chosen. */
export function scoredCandidates(treeA: readonly Clause[], treeB: readonly Clause[], options: Partial<AlignOptions> = {}): ScoredCandidate[] {
  const o: AlignOptions = { ...ALIGN_DEFAULTS, ...options };
  const run = startRun(treeA, treeB, o, true);
  settleIdenticalSubtrees(run);
  gatherCandidates(run);
  const chosen = new Set(assignRounds(run).map((p) => pairKey(p.a, p.b)));
  return [...run.settled, ...run.scored.values()].map((p) => ({ a: run.A[p.a]!.clause.id, b: run.B[p.b]!.clause.id, text: round(p.text), score: round(p.score), short: p.short, chosen: chosen.has(pairKey(p.a, p.b)), filling: filling(run.A[p.a]!, run.B[p.b]!) }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
