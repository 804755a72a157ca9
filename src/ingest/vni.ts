/**
 * VNI-Windows (the "VNI-Times" fonts): a base letter followed by one or two mark bytes, typed in
 * the Windows-1252 code page. "ế" is "e" + "á" (0xE1), "Việt" is "Vieät", "đ" is "ñ", "ư" is "ö",
 * "ơ" is "ô"; i/y with tones are single bytes ("í", "ì", "æ", "ó", "ò", "î"). Upper-case letters
 * take the upper-case mark bytes ("AÙ" = "Á").
 */
import { WINDOWS_1252_HIGH, decodeSingleByte } from './codepages.js';

/** Marks after a base vowel, lower-case form: [mark bytes as Windows-1252 text, combining marks]. */
const MARKS: ReadonlyArray<readonly [string, string]> = [
  ['ù', '\u0301'], // sắc: "aù" á
  ['ø', '\u0300'], // huyền: "aø" à
  ['û', '\u0309'], // hỏi: "aû" ả
  ['õ', '\u0303'], // ngã: "aõ" ã
  ['ï', '\u0323'], // nặng: "aï" ạ
  ['â', '\u0302'], // mũ: "aâ" â, "eâ" ê, "oâ" ô
  ['á', '\u0302\u0301'], // mũ + sắc: "eá" ế
  ['à', '\u0302\u0300'], // mũ + huyền: "aà" ầ
  ['å', '\u0302\u0309'], // mũ + hỏi: "oå" ổ
  ['ã', '\u0302\u0303'], // mũ + ngã: "eã" ễ
  ['ä', '\u0302\u0323'], // mũ + nặng: "eä" ệ
  ['ê', '\u0306'], // trăng: "aê" ă
  ['é', '\u0306\u0301'], // trăng + sắc: "aé" ắ
  ['è', '\u0306\u0300'], // trăng + huyền: "aè" ằ
  ['ú', '\u0306\u0309'], // trăng + hỏi: "aú" ẳ
  ['ü', '\u0306\u0303'], // trăng + ngã: "aü" ẵ
  ['ë', '\u0306\u0323'], // trăng + nặng: "aë" ặ
];

/** Which marks each base letter takes (the circumflex only on a/e/o, the breve only on a). */
const BASES: Record<string, string> = {
  a: 'ùøûõïâáàåãäêéèúüë',
  e: 'ùøûõïâáàåãä',
  o: 'ùøûõïâáàåãä',
  u: 'ùøûõï',
  y: 'ùøûõ',
  ô: 'ùøûõï', // ơ + tone
  ö: 'ùøûõï', // ư + tone
};

/** Letters that are one byte on their own. */
const SINGLES: Record<string, string> = {
  ñ: 'đ',
  Ñ: 'Đ',
  ô: 'ơ',
  Ô: 'Ơ',
  ö: 'ư',
  Ö: 'Ư',
  í: 'í',
  ì: 'ì',
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  î: 'ỵ',
  Í: 'Í',
  Ì: 'Ì',
  Æ: 'Ỉ',
  Ó: 'Ĩ',
  Ò: 'Ị',
  Î: 'Ỵ',
};

/** Two-character sequences (as Windows-1252 text) to the Vietnamese letter they stand for. */
const PAIRS: ReadonlyMap<string, string> = buildPairs();

function buildPairs(): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const [base, allowed] of Object.entries(BASES)) {
    const letter = SINGLES[base] ?? base; // ô → ơ, ö → ư
    for (const [mark, combining] of MARKS) {
      if (!allowed.includes(mark)) continue;
      const lower = (letter + combining).normalize('NFC');
      pairs.set(base + mark, lower);
      pairs.set(base.toUpperCase() + mark.toUpperCase(), lower.toUpperCase());
    }
  }
  return pairs;
}

/** Decodes VNI-Windows bytes to Unicode (NFC). */
export function decodeVni(bytes: Uint8Array): string {
  const latin = decodeSingleByte(bytes, WINDOWS_1252_HIGH);
  let out = '';
  for (let i = 0; i < latin.length; i++) {
    const pair = PAIRS.get(latin.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i += 1;
      continue;
    }
    const ch = latin[i]!;
    out += SINGLES[ch] ?? ch;
  }
  return out.normalize('NFC');
}

/** Encodes Unicode text as VNI-Windows bytes (for tests and fixtures); letters VNI lacks become "?". */
export function encodeVni(text: string): Uint8Array {
  const reverse = new Map<string, string>();
  for (const [seq, letter] of PAIRS) reverse.set(letter, seq);
  for (const [byte, letter] of Object.entries(SINGLES)) if (!reverse.has(letter)) reverse.set(letter, byte);
  const bytes: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const seq = ch.charCodeAt(0) < 0x80 ? ch : (reverse.get(ch) ?? '?');
    for (const c of seq) bytes.push(latin1Byte(c));
  }
  return Uint8Array.from(bytes);
}

function latin1Byte(c: string): number {
  const code = c.charCodeAt(0);
  if (code < 0x100) return code;
  const at = WINDOWS_1252_HIGH.indexOf(c);
  return at >= 0 ? 0x80 + at : 0x3f;
}
