/**
 * Text similarity on comparison forms (`Clause.norm`): token Dice and containment for long texts,
 * Levenshtein distance (fastest-levenshtein) on characters for short ones. Pure functions, no I/O.
 */
import { distance } from 'fastest-levenshtein';
import { words } from './vietnamese.js';

/** A text similarity: 0 (nothing in common) .. 1 (the same). */
export type Similarity = (normA: string, normB: string) => number;

/** Texts with at most this many words are compared on characters (headings, short rows). */
export const SHORT_WORDS = 6;

/** Character similarity 1 − distance / longer length. */
export function charSimilarity(normA: string, normB: string): number {
  const longer = Math.max(normA.length, normB.length);
  if (longer === 0) return 1;
  return 1 - distance(normA, normB) / longer;
}

/**
 * Default similarity: characters for short texts (where one changed word is a big share but a
 * token measure is too coarse: "mục tiêu yêu cầu" vs "mục đích yêu cầu"); for longer texts the mean
 * of word Dice and word-bigram Dice, so that two unrelated sentences of the same administrative
 * vocabulary ("thực hiện", "thủ tục hành chính") do not look alike.
 */
export function textSimilarity(normA: string, normB: string): number {
  const vocabulary = new Vocabulary();
  return profileSimilarity(profile(normA, vocabulary), profile(normB, vocabulary));
}

/** Interns words and bigrams as integers, so profiles built with one vocabulary compare as sorted id arrays. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  /** How many words and bigrams it holds. */
  get size(): number {
    return this.ids.size;
  }
  /** The id of a word or bigram, new ids given in order of first sight. */
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }
}

/** Precomputed word and bigram multisets of one text (sorted interned ids), so the aligner measures
 * many pairs cheaply. Two profiles are comparable only when built with the same vocabulary. */
export interface Profile {
  /** The comparison form. */
  norm: string;
  /** Its words. */
  words: string[];
  /** Word ids, sorted (a multiset). */
  uni: Int32Array;
  /** Word-bigram ids, sorted (a multiset). */
  bi: Int32Array;
}

/** Builds the profile of one comparison form. */
export function profile(norm: string, vocabulary: Vocabulary = new Vocabulary()): Profile {
  const ws = words(norm);
  const uni = Int32Array.from(ws, (w) => vocabulary.id(w)).sort();
  const bi = new Int32Array(Math.max(0, ws.length - 1));
  for (let i = 0; i + 1 < ws.length; i++) bi[i] = vocabulary.id(ws[i] + ' ' + ws[i + 1]);
  bi.sort();
  return { norm, words: ws, uni, bi };
}

/** Size of the intersection of two sorted id multisets. */
export function sortedOverlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return n;
}

function dice(a: Int32Array, b: Int32Array): number {
  return a.length + b.length === 0 ? 0 : (2 * sortedOverlap(a, b)) / (a.length + b.length);
}

/** `textSimilarity` on two profiles of one vocabulary. */
export function profileSimilarity(a: Profile, b: Profile): number {
  if (a.norm === b.norm) return 1;
  const na = a.words.length;
  const nb = b.words.length;
  if (na === 0 || nb === 0) return 0;
  if (na <= SHORT_WORDS && nb <= SHORT_WORDS) return charSimilarity(a.norm, b.norm);
  return (dice(a.uni, b.uni) + dice(a.bi, b.bi)) / 2;
}

/** Share of A carried inside B: mean of word and bigram containment (1 when A is a passage of B). */
export function profileContainment(a: Profile, b: Profile): number {
  const na = a.words.length;
  if (na === 0) return 0;
  const uni = sortedOverlap(a.uni, b.uni) / na;
  if (na < 2) return uni;
  return (uni + sortedOverlap(a.bi, b.bi) / (na - 1)) / 2;
}
