/**
 * Ingest-time normalisation of a document's text, in small named steps, each keeping the offset
 * map back to the original: BOM, line endings, NFC, odd spaces. Markdown and HTML marks are
 * removed per line by `stripMarks`, because the structure stage still reads heading marks.
 */
import { identity, replace, type MappedText } from '../text/mapped-text.js';

/** Drops a leading byte-order mark. */
export function stripBom(m: MappedText): MappedText {
  return replace(m, /^\uFEFF/g, '');
}

/** CRLF and lone CR become LF; form feeds (page breaks) become blank lines. */
export function unifyLineEndings(m: MappedText): MappedText {
  return replace(m, /\r\n?|\f/g, (x) => (x[0] === '\f' ? '\n\n' : '\n'));
}

/** NFC, one combining cluster at a time, so every composed character maps to its cluster's start. */
export function toNfc(m: MappedText): MappedText {
  if (m.text === m.text.normalize('NFC')) return m;
  return replace(m, /\P{M}\p{M}+/gu, (x) => x[0].normalize('NFC'));
}

/** No-break, zero-width and other odd spaces become plain spaces (zero-width ones vanish). */
export function unifySpaces(m: MappedText): MappedText {
  const spaced = replace(m, /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  return replace(spaced, /[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '');
}

/** The default normalisation pipeline. */
export const NORMALIZE_STEPS: ReadonlyArray<(m: MappedText) => MappedText> = [stripBom, unifyLineEndings, toNfc, unifySpaces];

/** Normalises the original text of a document; offsets point into `raw`. */
export function normalize(raw: string, steps = NORMALIZE_STEPS): MappedText {
  return steps.reduce((m, step) => step(m), identity(raw));
}

/**
 * Removes markdown and HTML marks from one line: heading hashes, bold/italic stars and
 * underscores, tags such as <b>…</b>, backslash escapes, trailing hard-break spaces.
 *   "## **II. NỘI DUNG, NHIỆM VỤ CỤ THỂ**" → "II. NỘI DUNG, NHIỆM VỤ CỤ THỂ"
 *   "<b>I.</b>"                          → "I."
 *   "*Căn cứ Nghị quyết số 76/NQ-CP …;*"  → "Căn cứ Nghị quyết số 76/NQ-CP …;"
 */
export function stripMarks(m: MappedText): MappedText {
  let out = replace(m, /^\s{0,3}#{1,6}\s+/g, '');
  out = replace(out, /<\/?[a-zA-Z][^>]{0,200}>/g, '');
  out = replace(out, /\*{1,3}|(?<![\p{L}\p{N}])_{1,3}|_{1,3}(?![\p{L}\p{N}])/gu, '');
  out = replace(out, /\\([\\`*_{}[\]()#+\-.!|])/g, (x) => x[1]!);
  return out;
}
