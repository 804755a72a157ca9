/**
 * Why the diff calls two texts equal, and when a change of marks is a change of words.
 *
 * The alignment calls a pair identical when the comparison forms are equal (src/text/fold.ts):
 * tone placement, abbreviations, case, punctuation and spacing are folded away. The diff view
 * shows which of these folds a row needed ("TTHC" ↔ "thủ tục hành chính" needs `abbreviation`,
 * "Bộ" ↔ "bộ" needs `case`), and lets the reader stop ignoring one kind, as Word's compare
 * options do. `foldWith(text, every kind)` is the comparison form itself (a test holds them equal).
 *
 * Vietnamese marks are letters: "nhũng nhiễu" (harassment) → "những nhiều" (many, much) is
 * another phrase, not a typo. `markChange` tells a mark replaced by another (a different word)
 * from a mark only added or left out (the usual typo, "hiên" for "hiện").
 */
import { normalizeTones, stripDiacritics, tokenize } from '../text/vietnamese.js';

/** One kind of difference the comparison folds away. */
export type FoldKind = 'tone' | 'abbreviation' | 'case' | 'punctuation' | 'spacing';

/** Every kind, in the order they are applied (and listed). */
export const FOLD_KINDS: readonly FoldKind[] = ['tone', 'abbreviation', 'case', 'punctuation', 'spacing'];

/** Every kind folded: the alignment's own notion of equal. */
export const ALL_FOLDS: ReadonlySet<FoldKind> = new Set(FOLD_KINDS);

/** The rule of src/text/fold.ts: a mark between two digits stays ("6,5", "1.000"); every other
 * mark goes, here with the spaces around it ("tham gia, phối hợp" → "tham gia phối hợp"). */
const PUNCT_RUN_RE = /\s*(?:(?<!\p{N})[^\p{L}\p{M}\p{N}\s%]|[^\p{L}\p{M}\p{N}\s%](?!\p{N}))+\s*/gu;
/** Spaces before a closing mark or after an opening one ("a , b" → "a, b", "( x )" → "(x)"). */
const SPACE_BEFORE_MARK_RE = /\s+(?=[,.;:!?)\]}])/gu;
const SPACE_AFTER_MARK_RE = /(?<=[([{])\s+/gu;

/** Spells a text's abbreviations out (see makeExpander); each side has its own. */
export type Expand = (text: string) => string;

const same: Expand = (t) => t;

/** Folds the chosen kinds out of a text (NFC always); `expand` spells abbreviations out. */
export function foldWith(text: string, kinds: ReadonlySet<FoldKind>, expand: Expand = same): string {
  let s = text.normalize('NFC');
  if (kinds.has('tone')) s = normalizeTones(s);
  if (kinds.has('abbreviation')) s = expand(s);
  if (kinds.has('case')) s = s.toLowerCase();
  if (kinds.has('punctuation')) s = s.replace(PUNCT_RUN_RE, (run, at: number, all: string) => (at === 0 || at + run.length === all.length ? '' : ' '));
  if (kinds.has('spacing')) s = s.replace(SPACE_BEFORE_MARK_RE, '').replace(SPACE_AFTER_MARK_RE, '').replace(/\s+/g, ' ').trim();
  return s;
}

/**
 * The folds two texts need to compare equal: [] when they are equal as written (after NFC), null
 * when even every fold leaves them different; else a minimal set, in FOLD_KINDS order (a kind is
 * kept only when the texts differ without it).
 */
export function foldsNeeded(a: string, b: string, expandA: Expand = same, expandB: Expand = expandA): FoldKind[] | null {
  if (a.normalize('NFC') === b.normalize('NFC')) return [];
  if (!equalUnder(a, b, ALL_FOLDS, expandA, expandB)) return null;
  const kept = new Set(FOLD_KINDS);
  for (const k of FOLD_KINDS) {
    kept.delete(k);
    if (!equalUnder(a, b, kept, expandA, expandB)) kept.add(k);
  }
  return FOLD_KINDS.filter((k) => kept.has(k));
}

/** Whether two texts are equal with only the chosen kinds folded. */
export function equalUnder(a: string, b: string, kinds: ReadonlySet<FoldKind>, expandA: Expand = same, expandB: Expand = expandA): boolean {
  return foldWith(a, kinds, expandA) === foldWith(b, kinds, expandB);
}

/** Combining tone marks (NFD): grave, acute, tilde, hook above, dot below. */
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/** A syllable taken apart: base letters, the shape mark on each (breve, circumflex, horn, "đ"), the tone. */
function marksOf(word: string): { base: string; shapes: string[]; tone: string } {
  const nfd = normalizeTones(word).toLowerCase().normalize('NFD');
  const shapes: string[] = [];
  let base = '';
  let tone = '';
  for (const ch of nfd) {
    if (TONES.has(ch)) tone = ch;
    else if (/\p{M}/u.test(ch)) shapes[base.length - 1] = (shapes[base.length - 1] ?? '') + ch;
    else if (ch === 'đ') {
      base += 'd';
      shapes[base.length - 1] = 'đ';
    } else base += ch;
  }
  return { base, shapes, tone };
}

/**
 * How the marks of one word changed into another's: 'none' (the same word, tone placement aside),
 * 'added' (marks only added or left out: "hiên" → "hiện", "nhung" → "những"), 'replaced' (a tone or
 * a shape mark became another: "nhiễu" → "nhiều", "hạn" → "hàn", "ô" → "ơ": another word), or
 * 'letters' (the letters themselves differ: not a change of marks).
 */
export function markChange(x: string, y: string): 'none' | 'added' | 'replaced' | 'letters' {
  const mx = marksOf(x);
  const my = marksOf(y);
  if (mx.base !== my.base) return 'letters';
  let added = false;
  if (mx.tone !== my.tone) {
    if (mx.tone && my.tone) return 'replaced';
    added = true;
  }
  for (let i = 0; i < mx.base.length; i++) {
    const sx = mx.shapes[i] ?? '';
    const sy = my.shapes[i] ?? '';
    if (sx === sy) continue;
    if (sx && sy) return 'replaced';
    added = true;
  }
  return added ? 'added' : 'none';
}

/** A word whose marks were replaced: another word, not a typo. */
export interface WordSwap {
  /** The word in A ("nhiễu"). */
  a: string;
  /** The word in B ("nhiều"). */
  b: string;
}

function wordsOf(text: string): string[] {
  return tokenize(text.normalize('NFC'))
    .filter((t) => t.kind !== 'space' && /\p{L}/u.test(t.text))
    .map((t) => t.text);
}

/**
 * The words of a word diff whose marks were replaced by other marks: each deleted run set against
 * the inserted run that follows it, word by word when both have as many words. "làm rõ hành vi
 * nhũng nhiễu" → "… những nhiều" gives [nhiễu → nhiều] (nhũng → những only adds a horn).
 */
export function wordSwaps(diff: ReadonlyArray<readonly [number, string]>): WordSwap[] {
  const out: WordSwap[] = [];
  for (let i = 0; i + 1 < diff.length; i++) {
    const [op, text] = diff[i] as readonly [number, string];
    const [nextOp, next] = diff[i + 1] as readonly [number, string];
    if (op !== -1 || nextOp !== 1) continue;
    const wa = wordsOf(text);
    const wb = wordsOf(next);
    if (wa.length !== wb.length) continue;
    wa.forEach((w, k) => {
      const v = wb[k] as string;
      if (stripDiacritics(w).toLowerCase() === stripDiacritics(v).toLowerCase() && markChange(w, v) === 'replaced') out.push({ a: w, b: v });
    });
  }
  return out;
}
