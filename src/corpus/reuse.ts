/**
 * Text reuse between plans at corpus scale: word shingles of the clauses' comparison forms,
 * a skeleton discount (stock headings and phrases every plan carries, and shingles found in a
 * large share of the corpus), MinHash signatures with LSH banding to find candidate pairs
 * (never all pairs), then the exact share of text in common on the candidates only.
 *
 * Per document the index keeps one sorted array of shingle hashes, nothing else of its text,
 * so memory grows linearly with the corpus while documents stream through.
 */
import type { Clause, Zone } from '../types.js';
import { makeFolder } from '../text/fold.js';
import { GLOSSARY } from '../text/abbreviations.js';
import { words } from '../text/vietnamese.js';

/** How reuse is measured and how candidate pairs are found. */
export interface ReuseOptions {
  /** Words per shingle. Six keeps stock administrative phrases ("thủ tục hành chính") from
   * matching across unrelated plans while copied sentences still share many shingles. */
  shingleWords: number;
  /** MinHash values per signature (one-permutation hashing; a power of two). */
  hashes: number;
  /** Signature values per LSH band (bands = hashes / rows). Two rows catch pairs whose
   * shingle sets overlap by a Jaccard of about 0.1 and more. */
  rows: number;
  /** Least score (share of the smaller plan's text found in the other) for a reuse pair. */
  threshold: number;
  /** Least weighted number of shared shingles for a reuse pair (keeps tiny documents from scoring 1). */
  minShared: number;
  /** Most partners kept per plan, strongest first (a pair stays when either side keeps it). */
  maxPartners: number;
  /** Most candidates scored exactly per plan, by number of LSH bands shared. */
  maxCandidates: number;
  /** In an LSH bucket, a plan meets at most this many members on each side (bounds the work in
   * large near-duplicate clusters; smaller buckets are met whole). */
  bucketWindow: number;
  /** Document-frequency share above which a shingle starts to be discounted. */
  dfLow: number;
  /** Document-frequency share at which a shingle counts for nothing. */
  dfHigh: number;
  /** The document-frequency discount applies only from this many documents on (in a handful of
   * plans, a phrase in two of them is reuse, not skeleton). */
  dfMinDocs: number;
  /** Standard plan skeleton: headings and stock phrases whose shingles never count. */
  skeleton: readonly string[];
  /** Zones whose clauses are not plan text (identity block, signature, footnotes). */
  skipZones: readonly Zone[];
}

/**
 * Headings and stock sentences of the standard plan skeleton, as printed in plans
 * (they are folded to comparison form before use).
 */
export const SKELETON_PHRASES: readonly string[] = [
  'I. MỤC ĐÍCH, YÊU CẦU',
  'I. MỤC TIÊU, YÊU CẦU',
  'II. NỘI DUNG, NHIỆM VỤ CỤ THỂ',
  'III. TỔ CHỨC THỰC HIỆN',
  'KINH PHÍ THỰC HIỆN',
  'Nơi nhận',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc',
  'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc',
  'Trong quá trình triển khai thực hiện, nếu có khó khăn, vướng mắc, phát sinh',
  'kịp thời báo cáo, phản ánh về',
  'để tổng hợp, báo cáo cấp có thẩm quyền xem xét, giải quyết',
  'Quyết định này có hiệu lực thi hành kể từ ngày ký',
  'Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện, thị xã, thành phố; Chủ tịch UBND các xã, phường, thị trấn',
  'và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này',
  'Ban hành kèm theo Quyết định này Kế hoạch',
  'Trên đây là Kế hoạch',
  'yêu cầu các phòng, đơn vị thuộc và trực thuộc Sở nghiêm túc triển khai thực hiện',
  'Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành',
  'theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này',
];

/**
 * Defaults, each reasoned in its field comment above. The threshold sits in the gap measured on
 * the seeds (parsed clauses, share of the smaller plan): related plans score 0.95 (Sở Công Thương
 * 2024 ~ Sở GDĐT 2024) and 0.39–0.40 (each of them ~ the 2025 province plan); every other pair
 * 0.03–0.08, from common administrative phrasing and decrees cited in the same words.
 */
export const REUSE_DEFAULTS: Readonly<ReuseOptions> = {
  shingleWords: 6,
  hashes: 256,
  rows: 2,
  threshold: 0.2,
  minShared: 12,
  maxPartners: 5,
  maxCandidates: 24,
  bucketWindow: 64,
  dfLow: 0.3,
  dfHigh: 0.6,
  dfMinDocs: 20,
  skeleton: SKELETON_PHRASES,
  skipZones: ['header', 'closing', 'footnote'],
};

/** Two documents of the index that share text. */
export interface ReusePair {
  /** Index (order of `add`) of one document. */
  a: number;
  /** Index of the other; always greater than `a`. */
  b: number;
  /** Share of the smaller document's (discounted) text found in the other, 0..1. */
  score: number;
  /** Weighted number of shingles in common. */
  shared: number;
}

// ---------------------------------------------------------------------------------------------
// Hashing

/** Murmur3 finaliser: spreads the bits of a 32-bit integer. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, finalised. */
function hashWord(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) {
    h ^= w.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Order-sensitive hash of `n` word hashes starting at `from`. */
function hashRun(wordHashes: Uint32Array | number[], from: number, n: number): number {
  let h = 0x9747b28c;
  for (let k = 0; k < n; k++) {
    h = Math.imul(((h << 5) | (h >>> 27)) ^ (wordHashes[from + k] as number), 0x27d4eb2d);
  }
  return fmix32(h ^ n);
}

/** Hashes of the word shingles of one comparison form (none when it has fewer words than a shingle). */
export function shingleHashes(norm: string, shingleWords: number): number[] {
  const ws = words(norm);
  if (ws.length < shingleWords) return [];
  const wh = ws.map(hashWord);
  const out: number[] = [];
  for (let i = 0; i + shingleWords <= wh.length; i++) out.push(hashRun(wh, i, shingleWords));
  return out;
}

/** Sorted distinct values. */
function sortedUnique(values: number[]): Uint32Array {
  const arr = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < arr.length; i++) if (i === 0 || arr[i] !== arr[i - 1]) arr[n++] = arr[i] as number;
  return arr.slice(0, n);
}

/** Folds the skeleton phrases and returns the set of their shingle hashes. */
export function skeletonShingles(phrases: readonly string[], shingleWords: number): Set<number> {
  const fold = makeFolder({ ...GLOSSARY });
  const out = new Set<number>();
  for (const p of phrases) for (const h of shingleHashes(fold(p), shingleWords)) out.add(h);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Document frequency: a count-min sketch (fixed memory whatever the corpus size)

/** Counters per sketch row (2^21: 8 MB a row). */
const SKETCH_BITS = 21;

class FrequencySketch {
  private readonly rowA = new Uint32Array(1 << SKETCH_BITS);
  private readonly rowB = new Uint32Array(1 << SKETCH_BITS);
  private readonly mask = (1 << SKETCH_BITS) - 1;

  /** Counts one document holding the shingle (conservative update). */
  add(h: number): void {
    const i = h & this.mask;
    const j = fmix32(h ^ 0x5bd1e995) & this.mask;
    const a = this.rowA[i] as number;
    const b = this.rowB[j] as number;
    const m = a < b ? a : b;
    if (a === m) this.rowA[i] = a + 1;
    if (b === m) this.rowB[j] = b + 1;
  }

  /** Upper estimate of the number of documents holding the shingle. */
  count(h: number): number {
    const a = this.rowA[h & this.mask] as number;
    const b = this.rowB[fmix32(h ^ 0x5bd1e995) & this.mask] as number;
    return a < b ? a : b;
  }
}

// ---------------------------------------------------------------------------------------------
// MinHash (one-permutation hashing with densification)

/** Signature of a shingle set: `hashes` minima, one per bin; null for an empty set. */
export function minhashSignature(shingles: Uint32Array, hashes: number): Uint32Array | null {
  if (shingles.length === 0) return null;
  const bits = Math.round(Math.log2(hashes));
  const sig = new Uint32Array(hashes).fill(0xffffffff);
  const filled = new Uint8Array(hashes);
  for (let i = 0; i < shingles.length; i++) {
    const s = shingles[i] as number;
    const bin = fmix32(s ^ 0x3c6ef372) >>> (32 - bits);
    const v = fmix32(s ^ 0xa54ff53a);
    if (filled[bin] === 0 || v < (sig[bin] as number)) {
      sig[bin] = v;
      filled[bin] = 1;
    }
  }
  // Densification by rotation: an empty bin borrows the next filled bin's value, offset by the distance.
  for (let bin = 0; bin < hashes; bin++) {
    if (filled[bin] === 1) continue;
    for (let d = 1; d < hashes; d++) {
      const from = (bin + d) % hashes;
      if (filled[from] === 1) {
        sig[bin] = fmix32((sig[from] as number) + Math.imul(d, 0x9e3779b9));
        break;
      }
    }
  }
  return sig;
}

/** Hash of one LSH band of a signature. */
function bandKey(sig: Uint32Array, band: number, rows: number): number {
  let h = band;
  for (let r = 0; r < rows; r++) h = Math.imul(((h << 13) | (h >>> 19)) ^ (sig[band * rows + r] as number), 0x9e3779b1);
  return fmix32(h);
}

// ---------------------------------------------------------------------------------------------
// The index

/** Comparison forms of a clause tree's own texts, depth first, skipping the given zones. */
export function* clauseNorms(clauses: readonly Clause[], skipZones: readonly Zone[] = REUSE_DEFAULTS.skipZones): Generator<string> {
  for (const c of clauses) {
    if (!skipZones.includes(c.zone) && typeof c.norm === 'string') yield c.norm;
    if (Array.isArray(c.children)) yield* clauseNorms(c.children, skipZones);
  }
}

/** What the last `pairs()` call did, for benchmarks and tests. */
export interface ReuseStats {
  /** Documents in the index. */
  documents: number;
  /** Pairs whose exact share was computed (candidates from LSH). */
  scored: number;
  /** Pairs returned. */
  pairs: number;
}

/** 2^21: room for two million documents beside a 32-bit band key in one float64. */
const INDEX_SPAN = 2 ** 21;

/** The options that decide a document's shingle set (the rest only weigh and pair the sets). */
type ShinglingOptions = Pick<ReuseOptions, 'shingleWords' | 'skeleton' | 'skipZones'>;

/**
 * A document's shingle set: the sorted distinct hashes of its clauses' word shingles, the
 * skeleton's left out. Made where the document is parsed (a worker thread, or read back from the
 * cache beside it), so that only the set travels to the index. `key` names the options that made
 * it: a set is added only to an index that makes sets the same way.
 */
export class Shingler {
  /** Names the shingling options ("6:header,closing,footnote:1a2b3c4d"). */
  readonly key: string;
  private readonly skeleton: Set<number>;

  constructor(readonly options: Readonly<ShinglingOptions>) {
    if (!Number.isInteger(options.shingleWords) || options.shingleWords < 1) throw new Error(`reuse option shingleWords: expected a whole number of words, got ${options.shingleWords}`);
    this.skeleton = skeletonShingles(options.skeleton, options.shingleWords);
    this.key = `${options.shingleWords}:${options.skipZones.join(',')}:${hashWord(options.skeleton.join('\u0000')).toString(16)}`;
  }

  /** The shingle set of some comparison forms. */
  fromNorms(norms: Iterable<string>): Uint32Array {
    const hashes: number[] = [];
    for (const norm of norms) {
      for (const h of shingleHashes(norm, this.options.shingleWords)) if (!this.skeleton.has(h)) hashes.push(h);
    }
    return sortedUnique(hashes);
  }

  /** The shingle set of a clause tree (the skipped zones left out). */
  fromClauses(clauses: readonly Clause[]): Uint32Array {
    return this.fromNorms(clauseNorms(clauses, this.options.skipZones));
  }
}

/**
 * Reuse index: `add` every document's clause comparison forms (streaming: only a sorted array of
 * shingle hashes is kept per document), then `pairs()` once.
 */
export class ReuseIndex {
  readonly options: Readonly<ReuseOptions>;
  /** How this index makes a document's shingle set (see {@link addSet}). */
  readonly shingler: Shingler;
  private readonly sketch = new FrequencySketch();
  private readonly docs: Uint32Array[] = [];
  /** What the last `pairs()` call did. */
  stats: ReuseStats = { documents: 0, scored: 0, pairs: 0 };

  constructor(options: Partial<ReuseOptions> = {}) {
    this.options = { ...REUSE_DEFAULTS, ...options };
    const { hashes, rows } = this.options;
    this.shingler = new Shingler(this.options);
    if (!Number.isInteger(Math.log2(hashes)) || hashes < 2) throw new Error(`reuse option hashes: expected a power of two, got ${hashes}`);
    if (!Number.isInteger(rows) || rows < 1 || hashes % rows !== 0) throw new Error(`reuse option rows: expected a divisor of ${hashes}, got ${rows}`);
  }

  /** Number of documents added. */
  get size(): number {
    return this.docs.length;
  }

  /** Adds one document by its clauses' comparison forms; returns its index. */
  add(norms: Iterable<string>): number {
    return this.addSet(this.shingler.fromNorms(norms));
  }

  /** Adds one document by its clause tree. */
  addClauses(clauses: readonly Clause[]): number {
    return this.addSet(this.shingler.fromClauses(clauses));
  }

  /** Adds one document by its shingle set, made by a {@link Shingler} of this index's options; returns its index. */
  addSet(set: Uint32Array): number {
    if (this.docs.length >= INDEX_SPAN) throw new Error(`reuse index: more than ${INDEX_SPAN} documents`);
    for (let i = 0; i < set.length; i++) this.sketch.add(set[i] as number);
    this.docs.push(set);
    return this.docs.length - 1;
  }

  /** Weight of a shingle from its document frequency: 1 when rare, 0 when in most documents. */
  private weightOf(h: number): number {
    const n = this.docs.length;
    const { dfLow, dfHigh, dfMinDocs } = this.options;
    if (n < dfMinDocs) return 1;
    const share = this.sketch.count(h) / n;
    if (share <= dfLow) return 1;
    if (share >= dfHigh) return 0;
    return (dfHigh - share) / (dfHigh - dfLow);
  }

  /**
   * Pairs of documents sharing text above the threshold. Candidates come from LSH buckets;
   * each document's `maxCandidates` most frequent bucket mates are scored exactly.
   */
  pairs(onProgress?: (done: number, total: number) => void): ReusePair[] {
    const scoring = this.scoring();
    while (!scoring.done) {
      if (onProgress && scoring.next % 500 === 0) onProgress(scoring.next, this.size);
      const candidates = scoring.candidates(scoring.next + 1);
      scoring.accept(candidates, sharedWeights(scoring.sets, candidates));
    }
    onProgress?.(this.size, this.size);
    return scoring.result();
  }

  /**
   * The work of {@link pairs} in steps, so that the costly one — the share of text of each
   * candidate pair, {@link sharedWeights} — can run elsewhere (worker threads) on `scoring.sets`,
   * whose buffers `alloc` makes (a SharedArrayBuffer for threads). Call once, after every add:
   * the index then holds the discounted sets instead of the ones added (the same pairs again).
   */
  scoring(alloc: (bytes: number) => ArrayBufferLike = (bytes) => new ArrayBuffer(bytes)): ReuseScoring {
    const discounted = this.discounted(alloc);
    for (let i = 0; i < this.docs.length; i++) this.docs[i] = discounted.views[i] as Uint32Array;
    const { hashes, rows } = this.options;
    return new ReuseScoring(this.options, discounted.sets, discounted.views, bandIndex(discounted.views, hashes, rows), (stats) => (this.stats = stats));
  }

  /**
   * Step 1, the discount: shingles that count for nothing dropped, weights kept for the partly
   * discounted; the sets laid end to end in buffers of `alloc`.
   */
  private discounted(alloc: (bytes: number) => ArrayBufferLike): { sets: FlatSets; views: Uint32Array[] } {
    const n = this.docs.length;
    let room = 0;
    for (const raw of this.docs) room += raw.length;
    // one look at the sketch per shingle (the costly part: two reads at random places), into room for every shingle
    const kept = new Uint32Array(alloc(4 * room));
    const starts = new Float64Array(alloc(8 * (n + 1)));
    const weightStarts = new Float64Array(alloc(8 * n)).fill(-1);
    const totals = new Float64Array(n);
    const partial: Float32Array[] = [];
    let scratch = new Float32Array(0);
    let weighted = 0;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const raw = this.docs[i] as Uint32Array;
      starts[i] = at;
      if (scratch.length < raw.length) scratch = new Float32Array(raw.length);
      let count = 0;
      let isPartial = false;
      for (let k = 0; k < raw.length; k++) {
        const h = raw[k] as number;
        const wt = this.weightOf(h);
        if (wt <= 0) continue;
        kept[at++] = h;
        scratch[count++] = wt;
        if (wt < 1) isPartial = true;
        totals[i] = (totals[i] as number) + wt;
      }
      if (isPartial) {
        weightStarts[i] = weighted;
        weighted += count;
        partial.push(scratch.slice(0, count));
      }
    }
    starts[n] = at;
    const weights = new Float32Array(alloc(4 * weighted));
    let w = 0;
    for (const part of partial) {
      weights.set(part, w);
      w += part.length;
    }
    const sets: FlatSets = { hashes: kept.subarray(0, at), starts, weights, weightStarts, totals };
    return { sets, views: Array.from({ length: n }, (_, i) => setOf(sets, i)) };
  }

}

/**
 * Discounted shingle sets laid end to end, in buffers that worker threads can share: what
 * {@link sharedWeights} reads.
 */
export interface FlatSets {
  /** Every document's sorted shingle hashes, one document after the other. */
  hashes: Uint32Array;
  /** Where each document's hashes start (one more entry: where the last one ends). */
  starts: Float64Array;
  /** Weights of the shingles of the partly discounted documents, laid out as their hashes. */
  weights: Float32Array;
  /** Where each document's weights start in `weights`; -1 when every shingle of it weighs 1. */
  weightStarts: Float64Array;
  /** Weighted size of each document's set. */
  totals: Float64Array;
}

/** The hashes of document `i` (a view, not a copy). */
function setOf(sets: FlatSets, i: number): Uint32Array {
  return sets.hashes.subarray(sets.starts[i] as number, sets.starts[i + 1] as number);
}

/**
 * Step 4, the weighted number of shingles in common of each candidate pair (`pairs`: document
 * indexes two by two). Reads only `sets`, so it runs in any thread that shares them.
 */
export function sharedWeights(sets: FlatSets, pairs: Int32Array): Float64Array {
  const out = new Float64Array(pairs.length / 2);
  for (let k = 0; k < out.length; k++) {
    const i = pairs[2 * k] as number;
    const w = sets.weightStarts[i] as number;
    const a = setOf(sets, i);
    out[k] = sharedWeight(a, w < 0 ? null : sets.weights.subarray(w, w + a.length), setOf(sets, pairs[2 * k + 1] as number));
  }
  return out;
}

/**
 * The steps of {@link ReuseIndex.pairs} after the discount and the band index: the candidates of
 * the documents in order (a pair met from both sides is scored once), their shares of text
 * accepted in the same order, then each document's strongest pairs.
 */
export class ReuseScoring {
  /** The next document whose candidates are to be found. */
  next = 0;
  private readonly scored = new Set<number>();
  private readonly hits: Int32Array;
  private readonly found: ReusePair[] = [];

  constructor(
    private readonly options: Readonly<ReuseOptions>,
    /** The discounted sets, for {@link sharedWeights}. */
    readonly sets: FlatSets,
    private readonly views: readonly Uint32Array[],
    private readonly bands: BandIndex,
    private readonly report: (stats: ReuseStats) => void,
  ) {
    this.hits = new Int32Array(views.length);
  }

  /** True once every document's candidates were found. */
  get done(): boolean {
    return this.next >= this.views.length;
  }

  /** Step 3, the candidate pairs of the documents from {@link next} up to `end` (excluded), two indexes a pair. */
  candidates(end: number): Int32Array {
    const n = this.views.length;
    const out: number[] = [];
    for (; this.next < Math.min(end, n); this.next++) {
      const i = this.next;
      for (const j of candidatesOf(i, this.bands, this.scored, this.hits, this.options)) {
        this.scored.add(pairKey(i, j, n));
        out.push(i, j);
      }
    }
    return Int32Array.from(out);
  }

  /** Takes the shares of text of candidate pairs ({@link sharedWeights} of them), in the order they were found. */
  accept(pairs: Int32Array, shared: Float64Array): void {
    const { threshold, minShared } = this.options;
    const totals = this.sets.totals;
    for (let k = 0; k < shared.length; k++) {
      const i = pairs[2 * k] as number;
      const j = pairs[2 * k + 1] as number;
      const weight = shared[k] as number;
      const smaller = Math.min(totals[i] as number, totals[j] as number);
      if (smaller <= 0 || weight < minShared) continue;
      const score = Math.min(1, weight / smaller);
      if (score < threshold) continue;
      this.found.push({ a: Math.min(i, j), b: Math.max(i, j), score: round3(score), shared: round3(weight) });
    }
  }

  /** Step 5, the pairs kept: each document's `maxPartners` strongest. */
  result(): ReusePair[] {
    const kept = keepStrongest(this.found, this.views.length, this.options.maxPartners);
    this.report({ documents: this.views.length, scored: this.scored.size, pairs: kept.length });
    return kept;
  }
}

/**
 * Step 3, candidates of document `i`: its bucket mates within `bucketWindow` places in each band,
 * the `maxCandidates` that share most bands (ties by index), skipping pairs already scored.
 * `hits` is a zeroed counter per document, left zeroed.
 */
function candidatesOf(i: number, index: BandIndex, scored: Set<number>, hits: Int32Array, options: Readonly<ReuseOptions>): number[] {
  const n = hits.length;
  const { bucketWindow, maxCandidates } = options;
  if ((index.position[0]?.[i] ?? -1) < 0) return [];
  const touched: number[] = [];
  const count = (j: number): void => {
    if (hits[j] === 0) touched.push(j);
    hits[j] = (hits[j] as number) + 1;
  };
  for (let b = 0; b < index.keys.length; b++) {
    const keys = index.keys[b] as Uint32Array;
    const docs = index.docs[b] as Int32Array;
    const p = (index.position[b] as Int32Array)[i] as number;
    const key = keys[p] as number;
    const lo = Math.max(0, p - bucketWindow);
    const hi = Math.min(keys.length - 1, p + bucketWindow);
    for (let q = p - 1; q >= lo && keys[q] === key; q--) count(docs[q] as number);
    for (let q = p + 1; q <= hi && keys[q] === key; q++) count(docs[q] as number);
  }
  // Rank bucket mates by bands shared (a counting sort: at most `bands` distinct counts).
  const byHits: number[][] = [];
  for (const j of touched) {
    const h = hits[j] as number;
    (byHits[h] ??= []).push(j);
    hits[j] = 0;
  }
  const candidates: number[] = [];
  for (let h = byHits.length - 1; h > 0 && candidates.length < maxCandidates; h--) {
    const group = byHits[h];
    if (!group) continue;
    group.sort((x, y) => x - y);
    for (const j of group) {
      if (candidates.length >= maxCandidates) break;
      if (!scored.has(pairKey(i, j, n))) candidates.push(j);
    }
  }
  return candidates;
}

/** Per LSH band: band keys in sorted order, the document at each place, and each document's place (-1: none). */
interface BandIndex {
  keys: Uint32Array[];
  docs: Int32Array[];
  position: Int32Array[];
}

/** Step 2, signatures and LSH bands of the discounted sets. */
function bandIndex(sets: readonly Uint32Array[], hashes: number, rows: number): BandIndex {
  const n = sets.length;
  const bands = hashes / rows;
  const members: number[] = [];
  const signatures: Array<Uint32Array | null> = sets.map((s) => minhashSignature(s, hashes));
  for (let i = 0; i < n; i++) if (signatures[i]) members.push(i);
  const index: BandIndex = { keys: [], docs: [], position: [] };
  const packed = new Float64Array(members.length);
  for (let b = 0; b < bands; b++) {
    members.forEach((doc, k) => {
      packed[k] = bandKey(signatures[doc] as Uint32Array, b, rows) * INDEX_SPAN + doc;
    });
    packed.sort();
    const keys = new Uint32Array(members.length);
    const docs = new Int32Array(members.length);
    const pos = new Int32Array(n).fill(-1);
    for (let k = 0; k < packed.length; k++) {
      const v = packed[k] as number;
      const doc = v % INDEX_SPAN;
      keys[k] = (v - doc) / INDEX_SPAN;
      docs[k] = doc;
      pos[doc] = k;
    }
    index.keys.push(keys);
    index.docs.push(docs);
    index.position.push(pos);
  }
  return index;
}

function pairKey(i: number, j: number, n: number): number {
  return i < j ? i * n + j : j * n + i;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Weighted size of the intersection of two sorted shingle sets (weights are those of `a`'s shingles;
 * a shingle has the same weight in every document). */
function sharedWeight(a: Uint32Array, weightsA: Float32Array | null, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared += weightsA ? (weightsA[i] as number) : 1;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Keeps a pair when it is among the `maxPartners` strongest of either of its documents. */
function keepStrongest(pairs: ReusePair[], n: number, maxPartners: number): ReusePair[] {
  const byDoc: number[][] = Array.from({ length: n }, () => []);
  pairs.forEach((p, k) => {
    (byDoc[p.a] as number[]).push(k);
    (byDoc[p.b] as number[]).push(k);
  });
  const keep = new Uint8Array(pairs.length);
  const strongest = (x: number, y: number) => (pairs[y] as ReusePair).score - (pairs[x] as ReusePair).score || x - y;
  for (const list of byDoc) for (const k of list.sort(strongest).slice(0, maxPartners)) keep[k] = 1;
  return pairs
    .filter((_, k) => keep[k] === 1)
    .sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}
