/**
 * The identity of a signed scan where OCR loses the number line's usual shape. Read only when the
 * header gives no number line at all, so a typed document reads as before:
 *
 * - a number written by hand in the blank of "Số: …/STTTT-CNTT", which OCR reads as signs
 *   ("Số: 2†§ /STTTT-CNTT"): the symbol is read, the number is not guessed;
 * - a number line whose "Số:" lies under a receipt stamp ("CÔNG VĂN ĐẾN … 2023/TT-BCA"): a symbol
 *   with its year and a known type code in a line of the header row (motto, place and date); its
 *   number only when OCR left digits;
 * - the forms issued with a circular or decree, which name it at their head ("Mẫu CT01 ban hành kèm
 *   theo Thông tư số 53/2025/TT-BCA ngày 01/7/2025"): the document's number when the header's is lost,
 *   taken from forms whose type agrees with their symbol and whose year is the header date's;
 * - a receipt stamp ("ĐẾN Giờ: … Ngày: …") read into the title's lines: the type word at the end of
 *   a line of its debris ("ĐẾN GÈ:-..S-....... NGHỊ ĐỊNH"), its debris before the subject;
 * - in the symbols read so, a code no vocabulary knows, one letter OCR confuses away from exactly one
 *   code it knows, is read as that code ("UEND-KSTTHC" → "UBND-KSTTHC": B read as E).
 */
import { HEADER_TYPE_WORDS, META } from '../patterns/meta.js';
import { bodyByCode, departmentByCode, foldName, localBodyByCode, typeByCode, typeByWord } from '../vocabulary/index.js';
import { spanOf } from '../text/mapped-text.js';
import type { Node, Structure } from './structure.js';
import type { Span } from '../types.js';

export interface ObscuredLine {
  number: string | null;
  symbol: string;
  year: number | null;
  /** What OCR printed where the number stands ("2†§"), when it is not a number. */
  unread: string | null;
}

/** "TT-BCA", "UBND- KSTTHC" (OCR puts a space after a hyphen before a capital). */
const SYMBOL = String.raw`([\p{Lu}Đ][\p{L}\p{N}Đđ&.]*(?:-(?: (?=\p{Lu}))?[\p{L}\p{N}Đđ&.]+)+)`;
const END = String.raw`(?=[\s,.;:|]|$)`;
/** "Số: 2†§ /STTTT-CNTT", "Số: ~/2011/QĐ-UBND", "Số: /4;7/UBND- KSTTHC": signs where the number stands, then the symbol. */
const SCRAWLED = new RegExp(String.raw`(?:^|[\s|_*])Số\s*[:.]?\s*(?![:.])\/?([^\s/]{1,8}?)\s*\/\s*(?:((?:19|20)\d\d)\s*\/\s*)?${SYMBOL}${END}`, 'u');
/** "… ôipøj 2023/TT-BCA", "56/2023/TT-BCA": a year and a symbol with no "Số" before them. */
const STAMPED = new RegExp(String.raw`(?:^|\s)(?:([^\s/]{1,6})\s*\/\s*|([^\s/]{1,8})\s+)?((?:19|20)\d\d)\s*\/\s*${SYMBOL}${END}`, 'gu');
/** A form's heading: "Mẫu CT01 ban hành kèm theo …", "Mẫu số 25 (Kèm theo …". */
const FORM_HEAD = /^Mẫu\s+(?:số\s+)?[\p{L}\p{N}.\-/]{1,10}\s*\(?\s*(?:ban\s+hành\s+)?kèm\s+theo\s/iu;
/** "… hành kèm theo Thông tư số 66/2023/TT-BCA" anywhere in a text: a form's head whose "Mẫu …" OCR lost (the carrier's type word, the token). */
const LOOSE_HEAD = new RegExp(String.raw`hành\s+kèm\s+theo\s+(\p{L}+(?:\s+\p{L}+)?)\s+số\s*[:.]?\s*([\p{L}\p{N}]*(?:\s*[/-]\s*[\p{L}\p{N}Đđ&.]+)+)`, 'giu');
/** Roles of the header lines a number line shares a row with. */
const ROW_ROLES = new Set(['motto', 'place-date', 'number', 'issuer']);

/** True when the symbol's first part is a document type's code ("TT" in "TT-BCA"). */
function typed(symbol: string): boolean {
  return typeByCode(symbol.split('-')[0] ?? '') !== null;
}

/** "… Thông tư số", "… theo Nghị định": words before a number that cite another document. */
function cited(before: string): boolean {
  const words = foldName(before).replace(/[:.]\s*$/u, '').split(' ').filter(Boolean);
  if (words[words.length - 1] === 'so') return true;
  for (let k = 1; k <= Math.min(4, words.length); k++) if (typeByWord(words.slice(-k).join(' '))) return true;
  return false;
}

/** Capitals OCR takes for one another on a scan's header (stroke shapes, not sounds). */
const CONFUSED: readonly string[] = ['BERP8', 'ODQ0', 'CG', 'UV', 'ILT1', 'NHM', 'S5', 'Z2'];

/** True when a symbol part is a code of the vocabulary: a type, a central or local body, a department. */
function knownCode(part: string): boolean {
  return typeByCode(part) !== null || bodyByCode(part) !== null || localBodyByCode(part) !== null || departmentByCode(part) !== null;
}

/** A symbol part no vocabulary knows, one confused letter from exactly one known code: that code; else the part as it is. */
function mendCode(part: string): string {
  if (part.length < 3 || !/^[A-Z0-9]+$/u.test(part) || knownCode(part)) return part;
  const found = new Set<string>();
  for (let i = 0; i < part.length; i++) {
    const group = CONFUSED.find((g) => g.includes(part[i]!));
    for (const c of group ?? '') {
      const candidate = part.slice(0, i) + c + part.slice(i + 1);
      if (c !== part[i] && /[A-Z]/u.test(c) && knownCode(candidate)) found.add(candidate);
    }
  }
  return found.size === 1 ? [...found][0]! : part;
}

/** "UEND-KSTTHC" → "UBND-KSTTHC": each part mended on its own (mendCode). */
function mendSymbol(symbol: string): string {
  return symbol.split('-').map(mendCode).join('-');
}

/** "Số: 2†§ /STTTT-CNTT": a number line whose number OCR read as signs (a number written by hand). */
export function readScrawledNumberLine(text: string): ObscuredLine | null {
  const m = SCRAWLED.exec(text);
  if (!m || /^[\p{L}\p{N}]*$/u.test(m[1]!)) return null;
  return { number: null, symbol: mendSymbol(m[3]!.replace(/\s+/gu, '')), year: m[2] ? Number(m[2]) : null, unread: m[1]! };
}

/** "… ôipøj 2023/TT-BCA" in a header row: the number line with its "Số:" under a stamp. */
export function readStampedNumberLine(text: string, role: string): ObscuredLine | null {
  if (!ROW_ROLES.has(role) && text.length > 40) return null;
  for (const m of text.matchAll(STAMPED)) {
    const before = m[1] ?? m[2] ?? null;
    if (!typed(m[4]!) || cited(`${text.slice(0, m.index)} ${m[2] ?? ''}`)) continue;
    const digits = m[1] !== undefined && /^\d{1,5}$/u.test(m[1]);
    return { number: digits ? m[1]! : null, symbol: mendSymbol(m[4]!.replace(/\s+/gu, '')), year: Number(m[3]), unread: digits ? null : before };
  }
  return null;
}

/** A form's heading that names its carrier: "Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA" → the carrier's type word and token. */
function readFormLine(text: string): { carrier: string; token: string } | null {
  if (!FORM_HEAD.test(text)) return null;
  const head = text.slice(0, 120);
  const m = META.annexNumber.exec(head);
  const carrier = META.annexCarrierType.exec(head)?.[1];
  if (!m || !carrier) return null;
  return { carrier, token: m[1]! };
}

/** True when a form's carrier and its symbol name the same type ("Thông tư" and "TT-BCA"). */
function carrierAgrees(carrier: string, symbol: string): boolean {
  const byWord = typeByWord(carrier);
  const byCode = typeByCode(symbol.split('-')[0] ?? '');
  return byWord !== null && byCode !== null && byWord.name === byCode.name;
}

type HeaderBlock = Structure['header'][number];

/** The number line of a header that has none OCR kept whole: the block and what it gives. */
export function readObscuredNumberLine(header: readonly HeaderBlock[], titleAt: number): { line: ObscuredLine; block: HeaderBlock } | null {
  for (const [k, b] of header.entries()) {
    if (b.role === 'annex' || (titleAt >= 0 && k >= titleAt)) continue;
    const line = readScrawledNumberLine(b.text) ?? readStampedNumberLine(b.text, b.role);
    if (line) return { line, block: b };
  }
  return null;
}

type Split = (token: string) => { number: string | null; symbol: string | null; year: number | null };

/**
 * The document's number as the heads of the forms issued with it give it, when its header lost it:
 * forms whose carrier is the document's type word (when known) and agrees with their symbol's type
 * code, with a number, and of the header date's year (when known). A head whose "Mẫu CT01" OCR lost
 * under the form's frame or a stamp ("tÀ ban hành kèm theo Thông tư số 66/2023/TT-BCA", run into the
 * last note of the form before it) counts when two such heads or more give the same number: every
 * page of a form repeats it, a passing citation of another document seldom does.
 */
export function readFormNumbers(st: Structure, split: Split, typeWord: string | null, year: number | null): Array<{ value: ReturnType<Split>; span: Span }> {
  const heads: Array<{ value: ReturnType<Split>; span: Span }> = [];
  const loose: Array<{ value: ReturnType<Split>; span: Span }> = [];
  const fits = (carrier: string, token: string): ReturnType<Split> | null => {
    if (typeWord !== null && foldName(carrier) !== foldName(typeWord)) return null;
    const v = split(token);
    if (!v.symbol || !v.number || !/^\d+$/u.test(v.number) || !carrierAgrees(carrier, v.symbol)) return null;
    return year !== null && v.year !== year ? null : v;
  };
  const take = (text: string, span: Span): void => {
    const form = readFormLine(text);
    const v = form && fits(form.carrier, form.token);
    if (v) heads.push({ value: v, span });
    for (const m of text.matchAll(LOOSE_HEAD)) {
      const w = (!form || m.index > 120) && fits(m[1]!, m[2]!);
      if (w) loose.push({ value: w, span });
    }
  };
  const walk = (nodes: readonly Node[]): void => {
    for (const n of nodes) {
      take(n.m.text, spanOf(n.m));
      walk(n.children);
    }
  };
  walk(st.clauses);
  for (const b of [...st.closing, ...st.footnotes]) take(b.text, b.span);
  const repeated = loose.filter((h) => loose.filter((o) => o.value.number === h.value.number).length >= 2);
  return [...heads, ...repeated];
}

/** A receipt stamp's own words as OCR reads them: "ĐẾN", "Giờ:", "Ngày:", "Ngy.Ot!O1…". */
const STAMP_WORD = /^(?:Đ?ẾN|Gi[ờỏ]|Ngày|Ngy)(?![\p{Ll}])/u;
/** A line ending with a type word in capitals: "… NGHỊ ĐỊNH". */
const TYPE_AT_END = new RegExp(`^(.*?\\S)\\s+(${HEADER_TYPE_WORDS})$`, 'u');

/** A word of stamp debris: a stamp's word, one or two letters, or letters mixed with digits and signs ("I2094.....", "tay..).3-1A-LÄ"). */
function debris(word: string): boolean {
  const bare = word.replace(/[.,:;]+$/u, '');
  return STAMP_WORD.test(word) || bare.length <= 2 || /[^\p{L}\p{M}]/u.test(bare);
}

/** The leading words of stamp debris of a line ("ĐẾN Ngày:. pm I2094….. " before "Quy định về …"): their length, 0 when the line does not open with a stamp's word. */
function stampLead(text: string): number {
  const words = text.split(' ');
  if (!STAMP_WORD.test(words[0] ?? '')) return 0;
  let k = 0;
  while (k < words.length && debris(words[k]!)) k++;
  return words.slice(0, k).join(' ').length;
}

/** A title line with the stamp's debris before it: the line without it ("ĐẾN Ngày:. pm I2094..... Quy định về …" → "Quy định về …"); "" when the line is all debris. */
export function dropStampLead(text: string): string {
  const n = stampLead(text);
  const rest = text.slice(n).trim();
  return n === 0 || rest === '' || /^\p{Lu}/u.test(rest) ? rest : text;
}

/**
 * The header line where a receipt stamp's debris runs into the type word ("ĐẾN GÈ:-..S-....... NGHỊ
 * ĐỊNH", "&a‡v..08. 202 Š THÔNG TƯ"), before the type line the structure found (if any): its index
 * and the type word. Debris is a stamp's word or words no longer than two letters or mixed with signs.
 */
export function readStampedTypeLine(header: readonly HeaderBlock[], typeAt: number): { at: number; word: string } | null {
  for (const [k, b] of header.entries()) {
    if (typeAt >= 0 && k >= typeAt) break;
    if (b.role !== 'subject' || b.text.length > 60) continue;
    const m = TYPE_AT_END.exec(b.text);
    if (!m) continue;
    const words = m[1]!.split(/\s+/u);
    if (words.every(debris) || words.some((w) => STAMP_WORD.test(w))) return { at: k, word: m[2]! };
  }
  return null;
}
