/**
 * The comparison form of a text: NFC, one tone placement, abbreviations expanded, lower case,
 * punctuation and spacing folded. Two clauses are "identical" when their comparison forms are equal.
 */
import { makeExpander } from './abbreviations.js';
import { normalizeTones } from './vietnamese.js';

/** Punctuation between two digits is kept ("6,5", "1.000"); every other mark becomes a space. */
const PUNCT_RE = /(?<!\p{N})[^\p{L}\p{M}\p{N}\s%]|[^\p{L}\p{M}\p{N}\s%](?!\p{N})/gu;

/** Folds a text into its comparison form. */
export function comparisonForm(text: string, expand: (t: string) => string = (t) => t): string {
  const toned = normalizeTones(text);
  return expand(toned)
    .toLowerCase()
    .replace(PUNCT_RE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
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
