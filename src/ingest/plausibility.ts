/**
 * How much a decoded text looks like Vietnamese: the share of its accented words that are real
 * Vietnamese syllables, less the characters only a wrong decoding produces. Used to choose
 * between Windows-1258, TCVN3 and VNI for a file that is not UTF-8.
 */
import { NON_ASCII_RE, ODD_CHAR_RE, SYLLABLE_RE, TONE_MARK_RE, WORD_RE } from './patterns.js';


export interface Plausibility {
  /** Words with at least one non-ASCII letter. */
  accented: number;
  /** Of those, the ones that read as one Vietnamese syllable with at most one tone. */
  syllables: number;
  /** Characters Vietnamese never uses but mis-decodings produce ("¸", "ø", "ñ", C1 controls, U+FFFD). */
  odd: number;
  /** syllables / (accented + odd), 0..1; 0 when there is nothing accented. */
  score: number;
}

/** Scores at most `sample` characters of the text (the start is enough to tell encodings apart). */
export function scoreVietnamese(text: string, sample = 200_000): Plausibility {
  const part = text.length > sample ? text.slice(0, sample) : text;
  let accented = 0;
  let syllables = 0;
  for (const m of part.matchAll(WORD_RE)) {
    const word = m[0];
    if (!NON_ASCII_RE.test(word)) continue;
    accented += 1;
    if (isVietnameseSyllable(word)) syllables += 1;
  }
  const odd = part.match(ODD_CHAR_RE)?.length ?? 0;
  const score = accented + odd === 0 ? 0 : syllables / (accented + odd);
  return { accented, syllables, odd, score };
}

/** True for one Vietnamese syllable in any case: "Quyết", "NGHIỆP", "người", "đ"-initial words; false for "Vieät", "Quy¸t". */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONE_MARK_RE)?.length ?? 0;
  if (tones > 1) return false;
  const bare = nfd.replace(TONE_MARK_RE, '').normalize('NFC');
  return SYLLABLE_RE.test(bare);
}
