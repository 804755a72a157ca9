/**
 * Repairs of what OCR misreads where the structure parser and the target reader look: clause
 * labels (Roman section numerals, a heading's markdown marks), the number line's "Số:", and digits
 * inside percentages. Each repair is a pattern of OCR confusion in a place where the context makes
 * it safe (the start of a line before a heading in capitals, the first cell of a table row, a
 * token of digits before "%"), never a document's wording.
 */
import { stripDiacritics } from '../text/vietnamese.js';

/**
 * The number line's "Số:" as OCR misreads its tone marks ("Sô:", "Luật sô:", "Só:", and before a
 * number "Sắ: 79/2024/TT-BCA"), at the start of a line: the reading stage looks for "Số:".
 */
const NUMBER_WORD_RE = /^((?:Luật |Pháp lệnh |Nghị quyết )?)[Ss](?:[ôóòồốo0]|[ơớờởỡợăắằẳẵặâấầẩẫậáàảãạ](?=\s*:\s*[\d/]))\s*:/u;
/**
 * A heading in capitals under a label that looks like a Roman numeral as OCR reads it ("IL. MỤC
 * TIÊU", "E1. MỤC ĐÍCH", "TH. TỔ CHỨC", "HI. TỔ CHỨC", its full stop lost: "1L NỘI DUNG", "II TỔ CHỨC").
 */
const ROMAN_HEADING_RE = /^([IVXLlEHT1|]{1,5})(?:[.,:]\s+|\s+(?=[\p{Lu}]{2}))(?=[\p{Lu}\d][\p{Lu}\d ,;–-]{3})/u;
/** Marks OCR puts before a heading's label ("## II.", "##t 1V."). */
const HEADING_JUNK_RE = /^#{1,3}\S?\s+(?=[IVXLlEHT1|]{1,5}[.,:]\s)/u;
/**
 * A markdown heading's marks as OCR reads them ("‡#ttt##", "####t#", "##tữ", "#ttớt", "###®"): "#"
 * mixed with the letters and signs it is mistaken for. Written back as the plain marks the reading stage strips.
 */
const HASH_JUNK_RE = /^(?:#[#‡t]*|‡[#‡t]*#[#‡t]*)[\p{Ll}®©°]{0,2}[#‡t]*\s+/u;
/** An appendix heading: Roman numbering starts again under it. */
const APPENDIX_RE = /^(?:PHỤ LỤC|Phụ lục)\b/u;
/** Digits before "%" with the letters OCR takes them for: "8O%", "l00%", "1O0 %". */
const PERCENT_RE = /(?<![\p{L}\p{N}])([\dOoIl]{1,3}(?:[,.][\dOo]{1,2})?)(\s?%)/gu;
/** A table row's first cell that looks like a Roman numeral ("I", "IL.", "Il", "1I."). */
const ROMAN_CELL_RE = /^([IVXLlHT1|]{1,5})(\.?)$/u;

/**
 * A numbered label at the start of a line as OCR misreads it, before a word in capitals: its full
 * stop read as a comma or set apart ("1, Mục đích", "2 . Chỉ tiêu", "6,1, Phát triển", "2. 4. Thường
 * xuyên"), a "1" read as "l" ("l. Mục tiêu"), a dash or a capital stuck before it ("-3. Yêu cầu",
 * "G6. Xây dựng"; not a letter a Roman numeral is misread as: "I1. MỤC ĐÍCH" is for mendRomanHeadings).
 */
const NUMBER_LABEL_RE = /^(?:[-–—_]|(?![IVXLEHT])\p{Lu}(?=\d))?([\dl]{1,2}(?:[.,]\s?\d{1,2}){0,3})\s?[.,](?=\s+\p{Lu})/u;
/** A lettered label whose bracket is read as a brace or square bracket ("a}", "b]") or with a speck before it ("c©)"). */
const LETTER_LABEL_RE = /^([a-zđ])(?:[}\]]|[©®°'`"]\))(?=\s)/u;

/** The clause label a line opens with (after a heading's marks), repaired; the line is otherwise left as it is. */
export function repairLabel(line: string): string {
  const marks = HASH_JUNK_RE.exec(line)?.[0] ?? '';
  const rest = line
    .slice(marks.length)
    .replace(NUMBER_LABEL_RE, (m, digits: string) => (/\d/u.test(digits) || digits === 'l' ? `${digits.replace(/l/gu, '1').replace(/,/gu, '.').replace(/\s/gu, '')}.` : m))
    .replace(LETTER_LABEL_RE, '$1)');
  return marks + rest;
}

/** One line of a paragraph, repaired. */
export function repairLine(line: string): string {
  return repairNumbers(line.replace(NUMBER_WORD_RE, (_m, before: string) => `${before}${before === '' ? 'Số' : 'số'}:`).replace(HASH_JUNK_RE, '#### '));
}

/**
 * A narrow "STT" column's header as OCR reads it: the printed cell stacks its letters ("S T T", "T T",
 * "5 T 1T", "T T ti,"): only S, T and their look-alikes, with a T.
 */
const STT_CELL_RE = /^(?=.*T)[STst5$1Iil.,:;'`_\-–—\s]{1,12}$/u;
/** A year a narrow cell wraps inside its digits ("Chỉ tiêu năm 202 5 (%)"). */
const SPLIT_YEAR_RE = /(?<!\d)((?:19|20)\d?)\s((?:\d){1,2})(?![\d.,/%])/gu;

/** One table cell (`column` from 0), repaired. */
export function repairCell(cell: string, column: number): string {
  if (column === 0 && !/^S?TT$/u.test(cell) && STT_CELL_RE.test(cell) && /T.*T|S/u.test(cell)) return 'STT';
  // An item number with the rule before it read as "I" or "|" ("I5.").
  if (column === 0 && /^[I|]\d{1,2}\.$/u.test(cell)) return cell.slice(1);
  return repairNumbers(cell.replace(SPLIT_YEAR_RE, (m, a: string, b: string) => (a.length + b.length === 4 ? `${a}${b}` : m)));
}

/** A syllable's first consonants ("ngh", "gi", "tr", "b"), on letters without diacritics. */
const INITIAL_RE = /^(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnpqrstvx])(?=[aeiouy])/u;
/** How a syllable can end: a vowel or a final consonant. */
const FINAL_RE = /[aeiouy](?:c|ch|m|n|ng|nh|p|t)?$/u;

/**
 * Two syllables OCR read as one word ("Chỉtiêu", "đánhgiá", "Ghichú"): split where the left part is a
 * whole syllable and the right one starts as a syllable does (consonants, then a vowel). A
 * Vietnamese word is one syllable, so a narrow header cell's lost space is the only way to get one.
 */
function splitSyllables(word: string): string {
  if (word.length < 5 || !/^\p{L}\p{Ll}+$/u.test(word)) return word;
  const plain = stripDiacritics(word.toLowerCase()).replace(/đ/gu, 'd');
  if (plain.length !== word.length) return word;
  for (let i = 2; i <= word.length - 2; i++) {
    if (FINAL_RE.test(plain.slice(0, i)) && INITIAL_RE.test(plain.slice(i))) return `${word.slice(0, i)} ${splitSyllables(word.slice(i))}`;
  }
  return word;
}

/**
 * A table's header printed again on every page is read a little differently each time ("Chỉ tiêu
 * năm 2025 (%)" once as "Chi tiêu năm 2025 _)", once without its "(%)"): each column of the header
 * rows ("STT" first, the same number of cells) takes the reading whose words most of them share
 * (a word counts for as many readings as have it, less half of them: a misread word counts against
 * it), the first one's on a tie; a row of that many cells whose cells share most words with those
 * is the same header with its "STT" lost. Words run together in a header cell are split into their
 * syllables first.
 */
export function mendHeaderRows(paragraphs: string[]): void {
  const rows = paragraphs.map((p, i) => ({ i, cells: p.split('\t') })).filter((r) => r.cells.length >= 3);
  const headers = rows.filter((r) => /^S?TT$/u.test(r.cells[0]!));
  for (const h of headers) h.cells = h.cells.map((cell) => cell.split(' ').map(splitSyllables).join(' '));
  for (const h of headers) paragraphs[h.i] = h.cells.join('\t');
  const groups = new Map<number, typeof headers>();
  for (const h of headers) groups.set(h.cells.length, [...(groups.get(h.cells.length) ?? []), h]);
  for (const [size, group] of groups) {
    if (group.length < 3) continue;
    const voted = group[0]!.cells.map((_, c) => {
      const readings = group.map((h) => h.cells[c]!);
      const support = (word: string) => readings.filter((r) => r.split(' ').includes(word)).length - readings.length / 2;
      const score = (r: string) => r.split(' ').filter(Boolean).reduce((sum, w) => sum + support(w), 0);
      return readings.reduce((best, next) => (score(next) > score(best) ? next : best));
    });
    const words = voted.map((cell) => new Set(cell.split(' ').filter(Boolean)));
    const same = (cells: string[]) => {
      const mine = cells.slice(1).flatMap((cell) => cell.split(' ').filter(Boolean));
      return mine.length > 0 && mine.filter((w) => words.slice(1).some((set) => set.has(w))).length >= mine.length * 0.8;
    };
    for (const r of rows) if (r.cells.length === size && (group.includes(r) || same(r.cells))) paragraphs[r.i] = ['STT', ...voted.slice(1)].join('\t');
  }
}

/** "8O%" → "80%", "l00%" → "100%": inside a token of digits before "%" only, and only when it has a digit. */
function repairNumbers(text: string): string {
  return text.replace(PERCENT_RE, (m, digits: string, sign: string) => (/\d/u.test(digits) ? `${digits.replace(/[Oo]/gu, '0').replace(/[Il]/gu, '1')}${sign}` : m));
}

/** "I.", "II.", … "XX." */
const ROMANS = Array.from({ length: 20 }, (_, i) => toRoman(i + 1));

function toRoman(n: number): string {
  const digits: Array<[number, string]> = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, r] of digits) while (n >= v) (out += r), (n -= v);
  return out;
}

/**
 * The numeral a Roman label stands for, counting as it goes: the label itself when it is a numeral
 * not behind the count, else the next numeral of the count (a misread one); null past "XX".
 */
function countNumeral(count: { next: number }, label: string): string | null {
  const at = ROMANS.indexOf(label);
  if (at >= 0 && at + 1 >= count.next) {
    count.next = at + 2;
    return label;
  }
  if (count.next > ROMANS.length) return null;
  count.next += 1;
  return ROMANS[count.next - 2]!;
}

/**
 * Section headings numbered in Roman numerals ("I. MỤC TIÊU", "II. NHIỆM VỤ") are where OCR
 * errs most (a bold "I." read as "IL.", "L.", "E1.", "1."), and one misread label renumbers every
 * clause under it. A heading in capitals whose label is not the next numeral but looks like one
 * (I, L, l, 1, E, |, V, X) gets the next numeral; the count starts again at an appendix ("PHỤ LỤC").
 */
export function mendRomanHeadings(paragraphs: string[]): void {
  const count = { next: 1 };
  paragraphs.forEach((paragraph, i) => {
    if (paragraph.includes('\t')) return;
    const lines = paragraph.split('\n');
    lines.forEach((raw, j) => {
      const line = raw.replace(HEADING_JUNK_RE, '');
      if (APPENDIX_RE.test(line)) count.next = 1;
      const m = ROMAN_HEADING_RE.exec(line);
      // "1. MỤC ĐÍCH" is a numbered heading, not a misread "I.".
      if (!m || !/[IVXLlEHT|]/u.test(m[1]!)) return;
      const numeral = countNumeral(count, m[1]!);
      if (numeral !== null) lines[j] = `${numeral}. ${line.slice(m[0].length)}`;
    });
    // A heading that ends the engine's paragraph stands apart from the text before it.
    paragraphs[i] = lines.map((l, j) => (j > 0 && ROMAN_HEADING_RE.test(l) && ROMANS.includes(ROMAN_HEADING_RE.exec(l)![1]!) ? `\n${l}` : l)).join('\n');
  });
}

/**
 * The Roman numerals of a table's group rows ("I | Chỉ tiêu cụ thể …", "II | Thực hiện …"), read
 * as "IL.", "Il", "1I": a first cell that looks like a numeral but is not the next one gets the
 * next one. Digits alone ("1.", "2.") are item numbers and stay; the count starts again at an
 * appendix heading.
 */
export function mendRomanCells(paragraphs: string[]): void {
  const count = { next: 1 };
  paragraphs.forEach((paragraph, i) => {
    if (!paragraph.includes('\t')) {
      if (APPENDIX_RE.test(paragraph)) count.next = 1;
      return;
    }
    const tab = paragraph.indexOf('\t');
    const m = ROMAN_CELL_RE.exec(paragraph.slice(0, tab));
    if (!m || !/[IVXLl|]/u.test(m[1]!)) return;
    const numeral = countNumeral(count, m[1]!);
    if (numeral !== null && numeral !== m[1]) paragraphs[i] = `${numeral}${m[2]}${paragraph.slice(tab)}`;
  });
}
