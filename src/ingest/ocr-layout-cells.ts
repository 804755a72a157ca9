/**
 * Table cells of an OCR'd page after the layout (ocr-layout.ts) has put them back into rows: what
 * a narrow ruled cell does to its text, and what OCR loses in a table's numbering column.
 *   - A value cell too narrow for "Tối thiểu" breaks the word ("Tối / thiể / u / 80%"), which OCR
 *     then reads "Tối thể u 80%": the comparator is put back.
 *   - A numbering cell picks up a rule's stub or a stamp's edge ("=3.", "5. ——1,"): the label is kept.
 *   - A numbering cell OCR read as nothing, in a row that starts an item, takes the next number of
 *     the count its table keeps (items count from 1 under each group row: "I", "II").
 */

/**
 * "Tối thiểu" before a value as OCR reads it when a narrow cell broke the word: "Tối thể u",
 * "Tối thiể u", "Tối thể", "Tối thiể" (and whole). Only before a number: no other phrase reads so.
 */
const BROKEN_AT_LEAST_RE = /(?<![\p{L}\p{M}])([Tt])ối\s+th(?:i?[eêềếểễệ]|iê?)u?(?:\s+u)?(?=\s+[\dOo])/gu;
/** A numbering cell's label with rule stubs or specks around it ("=3.", "_5.", "5. ——1,", "3. |"). */
const NOISY_LABEL_RE = /^[=_~|\-–—.,'`"]*(\d{1,2}(?:\.\d{1,2}){0,3}[.,]?)(?:\s+[^\p{L}]*)?$/u;

/** One cell (`column` from 0) of a row the layout rebuilt, before the repairs of labels and numbers. */
export function tidyCell(cell: string, column: number): string {
  const text = cell.replace(BROKEN_AT_LEAST_RE, (_m, t: string) => `${t}ối thiểu`);
  if (column !== 0) return text;
  const label = NOISY_LABEL_RE.exec(text);
  return label ? label[1]!.replace(/,$/u, '.') : text;
}

/** A numbering cell: "1", "2.", "3.1", "1.2.", and the count it stands at. */
const ITEM_RE = /^(\d{1,2})((?:\.\d{1,2})*)(\.?)$/u;
/** A group row's numeral ("I", "II.", "IV"). */
const GROUP_RE = /^[IVX]{1,5}\.?$/u;
/** A group's numeral and name in one merged cell ("III NHIỆM VỤ THỰC HIỆN …", read "IH NHIỆM VỤ …"). */
const MERGED_GROUP_RE = /^([IVXLlHT1|]{1,5})\.?\s+(?=\p{Lu}{2})/u;
/** A table's header row: its numbering column's title. */
const HEADER_RE = /^S?TT$/u;

/** The count of a table's numbering column: the last item's label parts and how it writes them. */
interface ItemCount {
  parts: number[];
  stop: string;
}

/**
 * Rows whose numbering cell OCR read as nothing take the next number, when the row starts an item:
 * its name (second cell) opens with a capital and another cell beside it has text (a row of a
 * page-broken item carries on in lower case or has no name). The count is the table's: the item
 * before it ("4." → "5.", "1.2" → "1.3"; a row with only a name after "1.3" is the next group,
 * "2"), "1." after a group row. A row right after a header printed again on a new page is left as
 * it is (it may carry on the item before the page break), unless a group row came just before.
 */
export function mendRowNumbers(paragraphs: string[]): void {
  let count: ItemCount | null = null;
  let stop = '.';
  let previous: string[] | null = null;
  paragraphs.forEach((paragraph, i) => {
    const cells = paragraph.includes('\t') ? paragraph.split('\t') : null;
    const before = previous;
    previous = cells;
    if (!cells) {
      count = null;
      return;
    }
    const first = cells[0]!;
    const item = ITEM_RE.exec(first);
    if (item) {
      count = { parts: [item[1]!, ...item[2]!.split('.').slice(1)].map(Number), stop: item[3]! };
      if (count.parts.length === 1) stop = count.stop;
      return;
    }
    if (GROUP_RE.test(first)) {
      count = { parts: [0], stop };
      return;
    }
    if (first !== '' || count === null || !startsItem(cells)) return;
    if (before && HEADER_RE.test(before[0]!) && count.parts[0] !== 0) return;
    const named = cells.slice(2).some((c) => c.trim() !== '');
    const parts: number[] = named || count.parts.length === 1 ? [...count.parts.slice(0, -1), count.parts[count.parts.length - 1]! + 1] : [count.parts[0]! + 1];
    const next: ItemCount = { parts, stop: parts.length === 1 ? stop : count.stop };
    count = next;
    paragraphs[i] = `${parts.join('.')}${next.stop}${paragraph}`;
  });
}

/** A row that starts an item: a name opening with a capital (or a number: "100% TTHC …"), in sentence case (a name in capitals is a group's or a header's). */
function startsItem(cells: string[]): boolean {
  const name = cells[1]?.trim() ?? '';
  return /^[\p{Lu}\d]/u.test(name) && /\p{Ll}/u.test(name);
}

/** A cell in capitals: two letters or more and no small letter ("NỘI DUNG CÔNG VIỆC", "CƠ QUAN CHỦ TRÌ"). */
const capitals = (cell: string): boolean => /\p{Lu}.*\p{Lu}/u.test(cell) && !/\p{Ll}/u.test(cell);

/**
 * The numbering cell of a table's header and group rows as OCR misreads it. A header printed again
 * on each page ("TT | NỘI DUNG CÔNG VIỆC | CƠ QUAN CHỦ TRÌ | …", three titles or more in capitals)
 * has its "TT" read as "II", "1T", "V" or lost, which the count of group numerals would take for a
 * group: it is "TT" again. A group row (its name in capitals, the other cells empty) whose numeral
 * OCR read as a speck or letters ("mí", "l§") gets a numeral's look-alike, "I", which
 * mendRomanCells turns into the next numeral of its count; so does a group whose numeral and name
 * share a merged cell (the cell beside it empty or a speck), the two put apart, and a group row of a
 * table that counts groups whose numeral OCR lost (see lostGroupNumeral). A word in small letters
 * in the numbering cell ("ích", its box astride the rule) beside a name in small letters is the
 * name's: it goes to the name's end (beside a group's name in capitals it is a speck: "mí").
 */
export function mendTableLabels(paragraphs: string[]): void {
  let groups = false;
  paragraphs.forEach((paragraph, i) => {
    if (!paragraph.includes('\t')) {
      groups = false;
      return;
    }
    const cells = paragraph.split('\t');
    if (SPILLED_WORD_RE.test(cells[0]!) && /\p{Ll}/u.test(cells[1] ?? '')) {
      cells[1] = `${cells[1]} ${cells[0]}`;
      cells[0] = '';
      paragraphs[i] = cells.join('\t');
    }
    if (lostGroupNumeral(cells, groups, paragraphs[i - 1])) {
      cells[0] = 'I';
      paragraphs[i] = cells.join('\t');
    }
    groups ||= GROUP_RE.test(cells[0]!.trim());
    const merged = MERGED_GROUP_RE.exec(cells[0]!);
    if (merged && capitals(cells[0]!.slice(merged[0].length)) && !/\p{L}{2}/u.test(cells[1] ?? '')) {
      paragraphs[i] = [GROUP_RE.test(merged[1]!) ? merged[1]! : 'I', cells[0]!.slice(merged[0].length), '', ...cells.slice(2)].join('\t');
      return;
    }
    const first = cells[0]!.trim();
    if (ITEM_RE.test(first) || first.length > 4) return;
    const rest = cells.slice(1).filter((c) => c.trim() !== '');
    if (rest.length >= 3 && rest.every(capitals) && !/\p{Ll}/u.test(first)) cells[0] = 'TT';
    else if (first !== '' && !/^[IVX]{1,5}\.?$/u.test(first) && !/\d/u.test(first) && rest.length === 1 && cells[1]!.trim() !== '' && capitals(cells[1]!)) cells[0] = 'I';
    else return;
    paragraphs[i] = cells.join('\t');
  });
}

/** A word in small letters where a row's number goes: a syllable of the name beside it. */
const SPILLED_WORD_RE = /^\p{Ll}[\p{Ll}\p{M}]+$/u;

/**
 * A group row whose numeral OCR lost (a lone "V" in a narrow cell): its numbering cell is empty,
 * its name a title in capitals of three words or more, and a cell beside the name has text (a
 * group with its own tasks and bodies), in a table that has counted groups already; not right
 * after a header printed again on a new page, whose next row may carry on the group before it
 * ("LIÊN THÔNG" under the header), nor a short row of totals ("TỔNG CỘNG").
 */
function lostGroupNumeral(cells: string[], groups: boolean, before: string | undefined): boolean {
  if (!groups || cells[0]!.trim() !== '' || cells.length < 3) return false;
  if (before !== undefined && HEADER_RE.test(before.split('\t')[0]!.trim())) return false;
  const name = cells[1]!.trim();
  return capitals(name) && name.split(/\s+/u).length >= 3 && cells.slice(2).some((c) => /\p{L}/u.test(c));
}
