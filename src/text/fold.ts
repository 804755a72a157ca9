/**
 * The comparison form of a text: NFC, one tone placement, abbreviations expanded, lower case,
 * punctuation and spacing folded. Two clauses are "identical" when their comparison forms are equal.
 */
import { makeExpander } from './abbreviations.js';
import { CHAR_LETTER, CHAR_NUMBER, CHAR_SPACE, charClass, hasSurrogate, isLetterOrNumber, normalizeTones } from './vietnamese.js';

/** Punctuation between two digits is kept ("6,5", "1.000"); every other mark becomes a space. */
const PUNCT_RE = /(?<!\p{N})[^\p{L}\p{M}\p{N}\s%]|[^\p{L}\p{M}\p{N}\s%](?!\p{N})/gu;

/** Folds a text into its comparison form. */
export function comparisonForm(text: string, expand: (t: string) => string = (t) => t): string {
  const lower = expand(normalizeTones(text)).toLowerCase();
  if (hasSurrogate(lower)) return lower.replace(PUNCT_RE, ' ').replace(/\s+/g, ' ').trim();
  return foldMarksAndSpaces(lower);
}

/**
 * What `.replace(PUNCT_RE, ' ').replace(/\s+/g, ' ').trim()` gives, in one pass over the code
 * units of a BMP-only string: kept runs are copied, every run of spaces and marks becomes one space.
 */
function foldMarksAndSpaces(s: string): string {
  const n = s.length;
  let out = '';
  let runStart = -1; // start of the current kept run
  let gap = false; // a space or a mark since the last kept run
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    let keep: boolean;
    if (code === 37) keep = true; // "%"
    else {
      const k = code < 128 ? ASCII_CLASS[code]! : charClass(code);
      if (k === CHAR_LETTER || k === CHAR_NUMBER) keep = true;
      else if (k === CHAR_SPACE) keep = false;
      // a mark between two digits stays ("6,5", "1.000")
      else keep = i > 0 && i + 1 < n && isNumber(s.charCodeAt(i - 1)) && isNumber(s.charCodeAt(i + 1));
    }
    if (keep) {
      if (runStart < 0) {
        if (gap && out.length > 0) out += ' ';
        gap = false;
        runStart = i;
      }
    } else {
      if (runStart >= 0) {
        out += s.slice(runStart, i);
        runStart = -1;
      }
      gap = true;
    }
  }
  if (runStart >= 0) out += runStart === 0 ? s : s.slice(runStart);
  return out;
}

const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => charClass(c));

function isNumber(code: number): boolean {
  return (code < 128 ? ASCII_CLASS[code]! : charClass(code)) === CHAR_NUMBER;
}

/**
 * The runs of letters and numbers of a text joined by one space, everything between them (marks,
 * punctuation, spaces) dropped: `text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`, by hand in text of
 * the Basic Multilingual Plane.
 */
export function lettersAndNumbers(text: string): string {
  if (hasSurrogate(text)) return text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  let out = '';
  let runStart = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isLetterOrNumber(text, i)) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      out += (out ? ' ' : '') + text.slice(runStart, i);
      runStart = -1;
    }
  }
  return out;
}

/** Most texts one folder remembers (stages fold the same clause and cell texts more than once). */
const FOLDER_MEMO = 4096;

/** A folder bound to one document's abbreviations. */
export function makeFolder(abbreviations: Record<string, string>): (text: string) => string {
  const expand = makeExpander(abbreviations);
  const memo = new Map<string, string>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      out = comparisonForm(text, expand);
      if (memo.size >= FOLDER_MEMO) memo.clear();
      memo.set(text, out);
    }
    return out;
  };
}
