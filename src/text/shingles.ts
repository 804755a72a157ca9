/**
 * Clause shingle index: an inverted index from word shingles to the clauses that hold them, so
 * the aligner looks only at pairs that share text instead of every pair.
 */

/** How shingles are cut and how the index answers. */
export interface ShingleOptions {
  /** Words per shingle for ordinary clauses. */
  size: number;
  /** Clauses with at most this many words also index single words (short headings). */
  shortWords: number;
  /** Shingles held by more clauses than this are boilerplate and ignored at query time. */
  maxPosting: number;
  /** Most candidates returned for one query. */
  limit: number;
  /** Least share of the query's shingles a candidate must hold (at least one shingle in any case). */
  minShare: number;
}

/** Defaults: word bigrams, unigrams for headings, boilerplate cut at 24 clauses, 10 candidates
 * holding at least a tenth of the query's shingles. */
export const SHINGLE_DEFAULTS: Readonly<ShingleOptions> = {
  size: 2,
  shortWords: 6,
  maxPosting: 24,
  limit: 10,
  minShare: 0.1,
};

/** The distinct shingles of one text's words. */
export function shinglesOf(ws: readonly string[], options: ShingleOptions = SHINGLE_DEFAULTS): Set<string> {
  const out = new Set<string>();
  const k = options.size;
  if (ws.length <= options.shortWords || ws.length < k) for (const w of ws) out.add(w);
  for (let i = 0; i + k <= ws.length; i++) out.add(ws.slice(i, i + k).join(' '));
  return out;
}

/** A candidate found by the index: which entry, and the share of the query's shingles it holds. */
export interface Candidate {
  /** Index of the entry in the array the index was built from. */
  index: number;
  /** Shared shingles / the query's shingles (0..1). */
  share: number;
}

/** An inverted index from shingles (strings, or interned ids) to the clauses of one document holding them. */
export class ShingleIndex<K = string> {
  private readonly postings = new Map<K, number[]>();
  private readonly options: ShingleOptions;
  private readonly hits: Int32Array;

  /** Indexes `entries` (each a clause's shingles, see `shinglesOf`); entry i is returned as index i. */
  constructor(entries: ReadonlyArray<ReadonlySet<K>>, options: Partial<ShingleOptions> = {}) {
    this.options = { ...SHINGLE_DEFAULTS, ...options };
    this.hits = new Int32Array(entries.length);
    entries.forEach((shingles, i) => {
      for (const s of shingles) {
        const list = this.postings.get(s);
        if (list) list.push(i);
        else this.postings.set(s, [i]);
      }
    });
  }

  /** Entries sharing shingles with `mine` (a clause's shingles), best share first, at most `limit`. */
  query(mine: ReadonlySet<K>, limit = this.options.limit): Candidate[] {
    if (mine.size === 0) return [];
    const hits = this.hits;
    const touched: number[] = [];
    const count = (list: readonly number[]): void => {
      for (const i of list) if (hits[i]!++ === 0) touched.push(i);
    };
    let rare = 0;
    for (const s of mine) {
      const list = this.postings.get(s);
      if (!list || list.length > this.options.maxPosting) continue;
      rare += 1;
      count(list);
    }
    // A clause made only of boilerplate shingles still deserves candidates: fall back to all of them.
    if (rare === 0) for (const s of mine) count(this.postings.get(s) ?? []);
    const least = Math.max(1, Math.ceil(this.options.minShare * mine.size));
    const out: Candidate[] = [];
    for (const index of touched) {
      if (hits[index]! >= least) out.push({ index, share: hits[index]! / mine.size });
      hits[index] = 0;
    }
    out.sort((x, y) => y.share - x.share || x.index - y.index);
    return out.slice(0, limit);
  }
}
