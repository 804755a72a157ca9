/**
 * Vietnamese text primitives: character classes, tone-mark placement, folding and the tokenizer
 * that decides what a diff unit is. Pure functions, no I/O.
 */

/** Combining tone marks (NFD): grave, acute, tilde, hook above, dot below. */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/** Base vowels (after tone removal, NFC), lower case. */
const VOWELS = 'aăâeêioôơuưy';
/** Vowels that carry a shape mark and so attract the tone ("thuyền", "người"). */
const MARKED_VOWELS = 'ăâêôơư';

/** Removes tone marks but keeps shape marks: "hoá" → "hoa", "thuyền" → "thuyên". */
export function stripTone(s: string): string {
  let out = '';
  for (const c of s.normalize('NFD')) if (!TONE_MARKS.has(c)) out += c;
  return out.normalize('NFC');
}

/*
 * Regular expressions of this module, made once: a literal inside a function is a new object at
 * every call, and each new object pays its first run again (a short command calls these thousands
 * of times).
 */
const MARK_RUN_RE = /\p{M}/gu;
const LOWER_D_RE = /đ/g;
const UPPER_D_RE = /Đ/g;
const ASCII_WORD_RE = /^[A-Za-z]+$/;
const LETTER_OR_MARK_RE = /[\p{L}\p{M}]/u;
const NUMBER_RE = /\p{N}/u;
const SPACE_RE = /\s/u;
const MARK_RE = /\p{M}/u;
const SURROGATE_RE = /[\uD800-\uDFFF]/;
const LETTERS_RE = /[\p{L}\p{M}]+/gu;

/** Removes every diacritic and maps đ to d: "Quyết định" → "Quyet dinh". */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(MARK_RUN_RE, '').replace(LOWER_D_RE, 'd').replace(UPPER_D_RE, 'D');
}

/**
 * Puts the tone mark of one syllable where the traditional rule puts it, so that old and new
 * placements compare equal: "hoá" → "hóa", "thuỷ" → "thủy", "khoẻ" → "khỏe", "hoàng" stays.
 */
export function placeTone(syllable: string): string {
  const nfd = syllable.normalize('NFD');
  let tone = '';
  let bare = '';
  for (const c of nfd) {
    if (TONE_MARKS.has(c)) {
      if (tone) return syllable.normalize('NFC'); // two tones: not a syllable we understand
      tone = c;
    } else bare += c;
  }
  if (!tone) return syllable.normalize('NFC');
  const base = [...bare.normalize('NFC')];
  const lower = base.map((c) => c.toLowerCase());
  let first = lower.findIndex((c) => VOWELS.includes(c));
  if (first < 0) return syllable.normalize('NFC');
  // "qu" and "gi" + vowel: the u / i belongs to the consonant
  if (first > 0 && ((lower[first - 1] === 'q' && lower[first] === 'u') || (lower[first - 1] === 'g' && lower[first] === 'i'))) {
    if (first + 1 < lower.length && VOWELS.includes(lower[first + 1]!)) first += 1;
  }
  let last = first;
  while (last + 1 < lower.length && VOWELS.includes(lower[last + 1]!)) last += 1;
  const cluster: number[] = [];
  for (let i = first; i <= last; i++) cluster.push(i);
  const marked = cluster.filter((i) => MARKED_VOWELS.includes(lower[i]!));
  let at: number;
  if (marked.length > 0) at = marked[marked.length - 1]!;
  else if (cluster.length === 1) at = first;
  else if (last === lower.length - 1) at = cluster.length === 2 ? first : first + 1; // open syllable
  else at = last; // closed syllable: "hoàng", "quyết"
  base[at] = (base[at]! + tone).normalize('NFC');
  return base.join('');
}

/** Syllables already placed: the vocabulary of plans is small, so this stays a few thousand entries. */
const placed = new Map<string, string>();
const PLACED_MAX = 100_000;

function placeToneCached(word: string): string {
  if (ASCII_WORD_RE.test(word)) return word; // no marks at all
  let out = placed.get(word);
  if (out === undefined) {
    out = placeTone(word);
    if (placed.size >= PLACED_MAX) placed.clear();
    placed.set(word, out);
  }
  return out;
}

/** Classes of one UTF-16 code unit, as {@link charClass} returns them. */
export const CHAR_LETTER = 1; // \p{L} or \p{M}
export const CHAR_NUMBER = 2; // \p{N}
export const CHAR_SPACE = 3; // \s
export const CHAR_OTHER = 4; // punctuation, symbols, controls
export const CHAR_SURROGATE = 5; // half of an astral code point (classify the pair with a regular expression)

/** Class of every BMP code unit, filled on first use (0: not yet known). */
const CLASSES = new Uint8Array(0x10000);

function classify(code: number): number {
  if (code < 128) return classifyAscii(code);
  if (code >= 0xd800 && code <= 0xdfff) return CHAR_SURROGATE;
  const ch = String.fromCharCode(code);
  if (LETTER_OR_MARK_RE.test(ch)) return CHAR_LETTER;
  if (NUMBER_RE.test(ch)) return CHAR_NUMBER;
  if (SPACE_RE.test(ch)) return CHAR_SPACE;
  return CHAR_OTHER;
}

/** The same answer for ASCII without a regular expression: letters, digits, and \s's six (tab to
 * carriage return, space). */
function classifyAscii(code: number): number {
  if (isAsciiLetter(code)) return CHAR_LETTER;
  if (code >= 48 && code <= 57) return CHAR_NUMBER;
  if ((code >= 9 && code <= 13) || code === 32) return CHAR_SPACE;
  return CHAR_OTHER;
}

/**
 * The class of a UTF-16 code unit: letter or mark, number, space, other, or surrogate. The same
 * answer as the Unicode property escapes, looked up in a table instead of running a regular expression.
 */
export function charClass(code: number): number {
  let k = CLASSES[code]!;
  if (k === 0) CLASSES[code] = k = classify(code);
  return k;
}

/** True when a string holds an astral code point (the table above only knows the BMP). */
export function hasSurrogate(s: string): boolean {
  return SURROGATE_RE.test(s);
}

/** NFC plus one tone placement for every syllable of a text. */
export function normalizeTones(text: string): string {
  const s = text.normalize('NFC');
  if (hasSurrogate(s)) return s.replace(LETTERS_RE, placeToneCached);
  // one pass over the code units: only runs of letters with a non-ASCII letter can change
  let out = '';
  let copied = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    let code = s.charCodeAt(i);
    if (code < 128 ? !isAsciiLetter(code) : charClass(code) !== CHAR_LETTER) {
      i += 1;
      continue;
    }
    const start = i;
    let ascii = true;
    while (i < n) {
      code = s.charCodeAt(i);
      if (code < 128) {
        if (!isAsciiLetter(code)) break;
      } else if (charClass(code) === CHAR_LETTER) ascii = false;
      else break;
      i += 1;
    }
    if (ascii || !tonePlacementMayMove(s, start, i)) continue;
    const word = s.slice(start, i);
    const placedWord = placeToneCached(word);
    if (placedWord !== word) {
      out += s.slice(copied, start) + placedWord;
      copied = i;
    }
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** What a code unit is to tone placement: a vowel with or without a tone, or something placement must look at. */
const TONE_PLAIN = 1; // a letter that is no vowel and carries no tone ("đ", "n")
const TONE_VOWEL = 2; // a vowel without a tone ("ơ", "â", "a")
const TONE_VOWEL_TONED = 3; // a vowel with its tone ("ệ", "ó")
const TONE_SPECIAL = 4; // a combining mark, or a tone on a letter that is no vowel
const TONE_UNITS = new Uint8Array(0x10000);

function toneUnit(code: number): number {
  let k = TONE_UNITS[code]!;
  if (k === 0) {
    const ch = String.fromCharCode(code);
    const nfd = ch.normalize('NFD');
    const toned = [...nfd].some((c) => TONE_MARKS.has(c));
    if (MARK_RE.test(ch)) k = TONE_SPECIAL;
    else if (VOWELS.includes(stripTone(ch).toLowerCase()) && stripTone(ch).length === 1) k = toned ? TONE_VOWEL_TONED : TONE_VOWEL;
    else k = toned ? TONE_SPECIAL : TONE_PLAIN;
    TONE_UNITS[code] = k;
  }
  return k;
}

/**
 * False when placeTone would give the word back as it is: no tone, or its one tone on its only
 * vowel (most syllables: "định", "hành"). Saves a lookup for every word of a text.
 */
function tonePlacementMayMove(s: string, start: number, end: number): boolean {
  let vowels = 0;
  let toned = false;
  for (let i = start; i < end; i++) {
    const k = toneUnit(s.charCodeAt(i));
    if (k === TONE_SPECIAL) return true;
    if (k === TONE_VOWEL_TONED) toned = true;
    if (k >= TONE_VOWEL) vowels += 1;
  }
  return toned && vowels > 1;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A token of our own: a syllable, a number ("6,5%", "1.000"), a document number ("421/QĐ-UBND"), a space run or a mark. */
export interface Token {
  /** The token text. */
  text: string;
  /** Its kind. */
  kind: 'word' | 'number' | 'docnum' | 'space' | 'punct';
  /** Offset in the tokenized string. */
  start: number;
}

/**
 * Token pattern. Alternatives, in order:
 *   docnum  "421/QĐ-UBND", "63/2010/NĐ-CP", "57-NQ/TW", "142/2024/QH15", "221/VPCP-KSTT"
 *   number  "6,5%", "1.000", "100%", "27/03/2021" (dates stay whole)
 *   word    a syllable or an abbreviation ("TTHC", "hóa")
 *   space, punct
 * {@link tokenize} reads text of the Basic Multilingual Plane by hand ({@link scanToken}: the same
 * tokens, without compiling this pattern, which costs a short command more than the rest of its
 * word diff); text with astral code points goes through the pattern itself.
 */
const TOKEN_RE =
  /(\p{N}+(?:[-/][\p{L}\p{N}]*\p{L}[\p{L}\p{N}]*|\/\p{N}{4}\/[\p{L}\p{N}]+)(?:[-/][\p{L}\p{N}]+)*)|(\p{N}+(?:[.,/]\p{N}+)*%?)|([\p{L}\p{M}\p{N}]+)|(\s+)|([^\s\p{L}\p{M}\p{N}])/gu;

/** Splits text into tokens; concatenating their texts gives the input back. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  if (hasSurrogate(text)) {
    for (const m of text.matchAll(TOKEN_RE)) {
      const kind = m[1] ? 'docnum' : m[2] ? 'number' : m[3] ? 'word' : m[4] ? 'space' : 'punct';
      out.push({ text: m[0], kind, start: m.index });
    }
    return out;
  }
  for (let start = 0; start < text.length; ) {
    const token = scanToken(text, start);
    out.push(token);
    start += token.text.length;
  }
  return out;
}

/** Whether a code unit is a combining mark (\p{M}), filled on first use (0: not yet known, 1 no, 2 yes). */
const MARKS = new Uint8Array(0x10000);

function isMark(code: number): boolean {
  let k = MARKS[code]!;
  if (k === 0) MARKS[code] = k = MARK_RE.test(String.fromCharCode(code)) ? 2 : 1;
  return k === 2;
}

/** \p{L} (a letter, not a mark) for a BMP code unit. */
function isLetterOnly(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  return charClass(code) === CHAR_LETTER && (code < 128 || !isMark(code));
}

/** [\p{L}\p{N}] (a letter or a number, not a mark) for the code unit at `i` of a BMP-only text; false past either end. */
export function isLetterOrNumber(s: string, i: number): boolean {
  if (i < 0) return false;
  if (i >= s.length) return false;
  const k = charClass(s.charCodeAt(i));
  return k === CHAR_NUMBER || (k === CHAR_LETTER && isLetterOnly(s, i));
}

function isDigit(s: string, i: number): boolean {
  return i < s.length && charClass(s.charCodeAt(i)) === CHAR_NUMBER;
}

/** End of the run of code units from `i` whose class is `x` or `y`. */
function classRun(s: string, i: number, x: number, y: number): number {
  let j = i;
  while (j < s.length) {
    const k = charClass(s.charCodeAt(j));
    if (k !== x && k !== y) break;
    j += 1;
  }
  return j;
}

/** End of the run of code units from `i` that `test` accepts. */
function runEnd(s: string, i: number, test: (s: string, i: number) => boolean): number {
  let j = i;
  while (j < s.length && test(s, j)) j += 1;
  return j;
}

/** End of a document number starting with the digits s[i..digits) ("421/QĐ-UBND"), or -1 when there is none. */
function docnumEnd(s: string, digits: number): number {
  let end = -1;
  const sep = s[digits];
  if (sep === '-' || sep === '/') {
    // [-/][\p{L}\p{N}]*\p{L}[\p{L}\p{N}]*: the whole run after the separator, when it holds a letter
    const run = runEnd(s, digits + 1, isLetterOrNumber);
    for (let k = digits + 1; k < run; k++) if (isLetterOnly(s, k)) {
      end = run;
      break;
    }
  }
  if (end < 0 && sep === '/') {
    // \/\p{N}{4}\/[\p{L}\p{N}]+
    const year = digits + 1;
    const fourDigits = isDigit(s, year) && isDigit(s, year + 1) && isDigit(s, year + 2) && isDigit(s, year + 3);
    if (fourDigits && s[year + 4] === '/' && isLetterOrNumber(s, year + 5)) end = runEnd(s, year + 5, isLetterOrNumber);
  }
  if (end < 0) return -1;
  // (?:[-/][\p{L}\p{N}]+)*
  while ((s[end] === '-' || s[end] === '/') && isLetterOrNumber(s, end + 1)) end = runEnd(s, end + 1, isLetterOrNumber);
  return end;
}

/** End of a number starting with the digits s[i..digits): (?:[.,/]\p{N}+)*%? */
function numberEnd(s: string, digits: number): number {
  let end = digits;
  while ((s[end] === '.' || s[end] === ',' || s[end] === '/') && isDigit(s, end + 1)) end = classRun(s, end + 1, CHAR_NUMBER, CHAR_NUMBER);
  return s[end] === '%' ? end + 1 : end;
}

/** The token TOKEN_RE matches at `start` of a BMP-only text. */
function scanToken(s: string, start: number): Token {
  const k = charClass(s.charCodeAt(start));
  let end: number;
  let kind: Token['kind'];
  if (k === CHAR_NUMBER) {
    const digits = classRun(s, start, CHAR_NUMBER, CHAR_NUMBER);
    end = docnumEnd(s, digits);
    kind = 'docnum';
    if (end < 0) {
      end = numberEnd(s, digits);
      kind = 'number';
    }
  } else if (k === CHAR_LETTER) {
    end = classRun(s, start, CHAR_LETTER, CHAR_NUMBER);
    kind = 'word';
  } else if (k === CHAR_SPACE) {
    end = classRun(s, start, CHAR_SPACE, CHAR_SPACE);
    kind = 'space';
  } else {
    end = start + 1;
    kind = 'punct';
  }
  return { text: s.slice(start, end), kind, start };
}

/** Words of a text in comparison form (no spaces, no punctuation), for similarity and shingling. */
export function words(normText: string): string[] {
  return normText.split(' ').filter((w) => w.length > 0);
}
