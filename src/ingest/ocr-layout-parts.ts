/**
 * Labels of a document's parts and numbered clauses as OCR misreads them, mended from the count they
 * belong to: a bold "II" of "PHẦN II" read as "H" loses the part (every clause under it moves into
 * the part before), a "5." read as "S." loses the clause (its text joins clause 4).
 */

/**
 * "PHẦN H. NỘI DUNG …", "Phân II. NỘI DUNG …", "Chương 1I:": a part word (its tone mark as OCR may
 * misread it) and a token of the letters a Roman numeral is read as, before a title in capitals.
 */
const PART_RE = /^(P(?:HẦN|HÂN|HẨN|HÀN|hần|hân|hẩn|hàn)|CHƯƠNG|Chương)\s+([IVXLlHT1|]{1,5})(?=[.:]?\s+\p{Lu}{2})/u;
/** The part words as printed. */
const PART_WORD: Record<string, string> = { P: 'PHẦN', p: 'Phần', C: 'CHƯƠNG', c: 'Chương' };
const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

/**
 * Each part word keeps its own count ("PHẦN I", "PHẦN II", …; "Chương" apart): a part heading
 * whose numeral is not a numeral, or is behind the count, is the next one. Lines of prose and
 * table rows are left alone (the heading opens its paragraph).
 */
export function mendPartNumerals(paragraphs: string[]): void {
  const counts = new Map<string, number>();
  paragraphs.forEach((paragraph, i) => {
    if (paragraph.includes('\t')) return;
    const m = PART_RE.exec(paragraph);
    if (!m) return;
    const upper = m[1] === m[1]!.toUpperCase();
    const word = PART_WORD[upper ? m[1]![0]! : m[1]![0]!.toLowerCase()]!;
    const next = counts.get(word.toUpperCase()) ?? 0;
    const at = ROMANS.indexOf(m[2]!);
    if (at < next && next >= ROMANS.length) return;
    const numeral = at >= next ? m[2]! : ROMANS[next]!;
    counts.set(word.toUpperCase(), ROMANS.indexOf(numeral) + 1);
    paragraphs[i] = `${word} ${numeral}${paragraph.slice(m[0].length)}`;
  });
}

/** A clause number at the start of a paragraph: "4. Thực hiện …", "5.1. Triển khai …". */
const NUMBER_RE = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.\s/u;
/** A clause number whose first digit is read as the letter it looks like ("S. Kịp thời …", "S.2. Thực hiện …"), before a capital. */
const LETTER_NUMBER_RE = /^([SBOlI])((?:\.\d{1,2}){0,3})[.,]\s+(?=\p{Lu})/u;
const DIGIT_OF: Record<string, number> = { S: 5, B: 8, O: 0, l: 1, I: 1 };

/** The numbers that may follow `last` ([5, 1] → 5.2, 6): the next one at its level or at a level above. */
function successors(last: number[]): string[] {
  return last.map((_, k) => [...last.slice(0, k), last[k]! + 1].join('.'));
}

/**
 * A paragraph that opens with a letter OCR reads for a digit ("S." for "5.", "S.2." for "5.2.") is
 * that clause number when the count of numbered clauses before it says so (the last one was "4." or
 * "5.1."); otherwise it stays (a Roman "I." heading, an "S." that is not in a count).
 */
export function mendLetterNumbers(paragraphs: string[]): void {
  let last: number[] | null = null;
  paragraphs.forEach((paragraph, i) => {
    if (paragraph.includes('\t')) return;
    const n = NUMBER_RE.exec(paragraph);
    if (n) {
      last = n[1]!.split('.').map(Number);
      return;
    }
    const m = LETTER_NUMBER_RE.exec(paragraph);
    if (!m || last === null) return;
    const label = `${DIGIT_OF[m[1]!]}${m[2]}`;
    if (!successors(last).includes(label)) return;
    last = label.split('.').map(Number);
    paragraphs[i] = `${label}. ${paragraph.slice(m[0].length)}`;
  });
}
