/**
 * Repairs of what OCR misreads where the structure parser and the target reader look: clause
 * labels (Roman section numerals, a heading's markdown marks), the number line's "Số:", and digits
 * inside percentages. Each repair is a pattern of OCR confusion in a place where the context makes
 * it safe (the start of a line before a heading in capitals, the first cell of a table row, a
 * token of digits before "%"), never a document's wording.
 */

/**
 * The number line's "Số:" as OCR misreads its tone marks ("Sô:", "Luật sô:", "Só:"), at the start
 * of a line: the reading stage looks for "Số:".
 */
const NUMBER_WORD_RE = /^((?:Luật |Pháp lệnh |Nghị quyết )?)[Ss][ôóòồốo0]\s*:/u;
/** A heading in capitals under a label that looks like a Roman numeral as OCR reads it ("IL. MỤC TIÊU", "E1. MỤC ĐÍCH"). */
const ROMAN_HEADING_RE = /^([IVXLlE1|]{1,5})[.,:]\s+(?=[\p{Lu}\d][\p{Lu}\d ,;–-]{3})/u;
/** Marks OCR puts before a heading's label ("## II.", "##t 1V."). */
const HEADING_JUNK_RE = /^#{1,3}\S?\s+(?=[IVXLlE1|]{1,5}[.,:]\s)/u;
/**
 * A markdown heading's marks as OCR reads them ("‡#ttt##", "####t#", "##tữ"): "#" mixed with the
 * letters and signs it is mistaken for. Written back as the plain marks the reading stage strips.
 */
const HASH_JUNK_RE = /^(?=[#‡]*#[#‡]*[t‡#]*#)[#‡t]{2,8}[\p{Ll}]?\s+/u;
/** An appendix heading: Roman numbering starts again under it. */
const APPENDIX_RE = /^(?:PHỤ LỤC|Phụ lục)\b/u;
/** Digits before "%" with the letters OCR takes them for: "8O%", "l00%", "1O0 %". */
const PERCENT_RE = /(?<![\p{L}\p{N}])([\dOoIl]{1,3}(?:[,.][\dOo]{1,2})?)(\s?%)/gu;
/** A table row's first cell that looks like a Roman numeral ("I", "IL.", "Il", "1I."). */
const ROMAN_CELL_RE = /^([IVXLl1|]{1,5})(\.?)$/u;

/** One line of a paragraph, repaired. */
export function repairLine(line: string): string {
  return repairNumbers(line.replace(NUMBER_WORD_RE, (_m, before: string) => `${before}${before === '' ? 'Số' : 'số'}:`).replace(HASH_JUNK_RE, '#### '));
}

/** One table cell, repaired. */
export function repairCell(cell: string): string {
  return repairNumbers(cell);
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
      if (!m || !/[IVXLlE|]/u.test(m[1]!)) return;
      const numeral = countNumeral(count, m[1]!);
      if (numeral !== null) lines[j] = numeral === m[1] ? line : `${numeral}.${line.slice(m[1]!.length + 1)}`;
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
