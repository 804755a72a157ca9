/**
 * The layout of an OCR'd page, from the engine's word boxes: words cleaned and gathered into lines,
 * lines into paragraphs by their geometry (the engine's own paragraphs split a paragraph wherever a
 * stamp or a wide gap interrupts it), and a bordered table's cells, which the engine reads one
 * cell at a time, put back into rows.
 */
import type { OcrPage, OcrWord } from './ocr.js';
import { repairLabel } from './ocr-repair.js';

/** Layout of OCR words, in units of the text height unless said otherwise. */
export const OCR_LAYOUT = {
  /** Words below this confidence that are only punctuation or table rules ("|", "—") are noise. */
  noiseConfidence: 60,
  /** Words of one or two characters below this confidence are specks ("ø", "À`", "gò" over a seal). */
  speckConfidence: 45,
  /** A gap between two words wider than this many line heights separates two columns (table cells, header columns). */
  columnGap: 2.5,
  /** A line pitch this many times the page's usual pitch is extra spacing: a new paragraph. */
  paragraphPitch: 1.6,
  /** A line starting this many line heights right of the page's text margin is indented. */
  indent: 1.2,
  /** Two lines overlapping vertically by this share of the lower one's height sit side by side. */
  sideBySide: 0.5,
  /** A ruled table has a horizontal rule over at least this share of its width (its top or bottom border, a row's rule). */
  borderSpan: 0.5,
};

/** One line of a page: its words left to right and its box. */
export interface OcrLine {
  /** The engine's block ("3" of "3.1.2"). */
  block: string;
  words: OcrWord[];
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Median word height. */
  height: number;
}

/** What a page gives the text: paragraphs (lines joined by "\n") and table rows (cells joined by tabs), in reading order. */
export type PageBlock = { kind: 'paragraph'; lines: string[] } | { kind: 'row'; cells: string[] };

/** Table rules and frame bits that OCR reads as characters. */
const RULE_RE = /^[|│¦!\[\]{}()_—–\-=~.,:;'"`°*]+$/u;
const EDGE_RULE_RE = /^[|│¦]+|[|│¦]+$/gu;
/** Dust read as an underscore stuck to a word ("_dụng", "_b)"). */
const LEADING_SPECK_RE = /^_+(?=\S)/u;
/** A list bullet as OCR reads it: "-", and a dash with a speck beside it ("-_", "—", "——"). */
const BULLET_RE = /^(?:[-–—]{1,3}_?|_?[-–—]{1,3}|[+•])$/u;
/**
 * A clause label as OCR reads it when it opens a line: "1.", "2,", "1.2.", "b)", "_b)" (dust
 * stripped), "a}", "II.", a Roman numeral as OCR reads it ("1L", "TH.": see mendRomanHeadings), a
 * table row's "I" or "2". Kept however unsure the engine is: a dropped label renumbers the clause.
 */
const LABEL_WORD_RE = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}[.,)]?|[a-zđ]\S?[)}\]]|[IVXLlEHT1|]{1,5}[.,:]?)$/u;
/** A percent sign, alone or with its brackets ("%", "(%)", "%)"): the unit of a target column. */
const PERCENT_WORD_RE = /^[(\[]?%[)\]]?$/u;
/** "2", "- 2 -", "Trang 2", "2/13". */
const PAGE_NUMBER_RE = /^(?:[-–—]\s*)?(?:trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*[-–—])?$/iu;
/** A clause label at the start of a line: "I.", "1.", "1.2.", "a)", "-", "+", "Điều 3." (not a number: "1.004082", a procedure's code). */
const LABEL_START_RE = /^(?:[IVXL]{1,5}[.:]|\d{1,2}(?:\.\d{1,2}){0,3}[.)](?!\d)|[a-zđ]\)|[-–—+•]\s|Điều\s+\d)/u;
/** A line that ends a sentence or a heading. */
const TERMINAL_RE = /[.:;!?…)]["”*]*$/u;

/** The middle value (the upper one of an even count), or `fallback` when there is none. */
const median = (values: number[], fallback: number): number => {
  if (values.length === 0) return fallback;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** The lines of a page: words cleaned of rules and specks, gathered by the engine's line, page numbers in the top and bottom bands dropped. */
export function pageLines(page: OcrPage): OcrLine[] {
  const lines = new Map<string, OcrLine>();
  for (const word of page.words) {
    let text = word.text.replace(EDGE_RULE_RE, '').replace(LEADING_SPECK_RE, '').trim();
    // A dash or plus that opens a line is a list bullet ("- Nâng cao …", "+ Tiếp tục …"), however unsure the engine is.
    const first = !lines.has(word.line);
    if (first && BULLET_RE.test(text)) text = text.includes('+') || text.includes('•') ? text : '-';
    const bullet = (first && (/^[-+•]$/u.test(text) || LABEL_WORD_RE.test(text))) || PERCENT_WORD_RE.test(text);
    // A "_" opening a line may be a dash the engine misplaced: mendBullet decides.
    const maybeDash = first && text === '_' && page.rules?.dashes !== undefined;
    if (!maybeDash && (text === '' || (!bullet && ((RULE_RE.test(text) && word.confidence < OCR_LAYOUT.noiseConfidence) || isSpeck(text, word.confidence))))) continue;
    const cleaned = { ...word, text };
    const line = lines.get(word.line);
    if (line) {
      line.words.push(cleaned);
      line.left = Math.min(line.left, word.left);
      line.right = Math.max(line.right, word.left + word.width);
      line.top = Math.min(line.top, word.top);
      line.bottom = Math.max(line.bottom, word.top + word.height);
    } else {
      lines.set(word.line, { block: word.line.split('.')[0]!, words: [cleaned], left: word.left, right: word.left + word.width, top: word.top, bottom: word.top + word.height, height: 0 });
    }
  }
  const all = [...lines.values()];
  for (const line of all) {
    line.words.sort((a, b) => a.left - b.left);
    line.height = median(line.words.map((w) => w.height), 0);
  }
  if (page.rules?.dashes) for (const line of all) mendBullet(line, page.rules.dashes);
  return all.filter((line) => line.words.length > 0 && !isPageNumber(line, page));
}

/**
 * A bullet dash as the image shows it: tesseract drops a thin "–" before a line or reads it as a
 * "_" two pixels wide. A dash printed just left of the line's first word, at its middle height, is
 * the bullet "-"; a "-" or "_" the engine read there with no dash on the image is dust.
 */
function mendBullet(line: OcrLine, dashes: NonNullable<NonNullable<OcrPage['rules']>['dashes']>): void {
  const h = line.height;
  const first = line.words[0]!;
  const opener = /^[-_]$/u.test(first.text) ? first : null;
  const text = opener ? line.words[1] : first;
  if (!text) return;
  const dash = dashes.find((d) => {
    const mid = d.top + d.height / 2;
    return d.left + d.width <= text.left + 2 && text.left - (d.left + d.width) < h * 2.5 && mid > line.top + h * 0.2 && mid < line.bottom - h * 0.1;
  });
  if (opener) line.words.shift();
  // The engine's own "-" where its box is a dash's (flat, at the middle height, read with confidence) and the image's dash finder missed it.
  const flat = opener && opener.text === '-' && opener.confidence >= 80 && opener.width >= opener.height * 2 && opener.top + opener.height / 2 > line.top + h * 0.2 && opener.top + opener.height / 2 < line.bottom - h * 0.1;
  if (!dash && flat) line.words.unshift(opener);
  else if (dash) line.words.unshift({ ...first, text: '-', left: dash.left, top: dash.top, width: dash.width, height: Math.max(dash.height, 1), confidence: 90 });
  // The line starts where its first word now does: a speck dropped here ("—" left of a heading) must
  // not stand as the line's margin, which would make the page's text margin and indent the next line.
  if (line.words[0]) line.left = line.words[0].left;
}

/** Dust, stamp strokes and seal edges read as a word: no letter or digit at all, or one or two characters the engine barely believes. */
function isSpeck(text: string, confidence: number): boolean {
  if (!/[\p{L}\p{N}]/u.test(text.replace(/[\p{Lm}\p{Sk}]/gu, ''))) return confidence < OCR_LAYOUT.noiseConfidence + 20 && !/^[-–•+*]$/u.test(text);
  return text.length <= 2 && confidence < OCR_LAYOUT.speckConfidence;
}

/** A page number ("2", "- 2 -", "Trang 2") alone on a line in the top or bottom band of the page. */
function isPageNumber(line: OcrLine, page: OcrPage): boolean {
  const text = line.words.map((w) => w.text).join(' ');
  const inBand = line.bottom < page.height * 0.1 || line.top > page.height * 0.92;
  return inBand && PAGE_NUMBER_RE.test(text);
}

/** The page's measures: usual text height, usual line pitch, text margins. */
interface PageMeasure {
  height: number;
  pitch: number;
  left: number;
  right: number;
}

function measure(lines: OcrLine[]): PageMeasure {
  const height = median(lines.map((l) => l.height), 1);
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i]!.top - lines[i - 1]!.top;
    if (d > height * 0.5 && d < height * 3) pitches.push(d);
  }
  // The text margins: most lines start at the left one (or right of it, indented) and long lines reach the right one.
  const lefts = lines.map((l) => l.left).sort((a, b) => a - b);
  const rights = lines.map((l) => l.right).sort((a, b) => a - b);
  return {
    height,
    pitch: median(pitches, height * 1.5),
    left: lefts[Math.floor(lefts.length * 0.1)] ?? 0,
    right: rights[Math.floor(rights.length * 0.9)] ?? 0,
  };
}

/**
 * The page's paragraphs and table rows in reading order. A line starts a new paragraph after extra
 * spacing, when it opens with a clause label, when the line before it stopped short (the new line's
 * first word would have fitted on it: the author broke the line), or when it is indented and the
 * line before ended a sentence. Lines side by side (the header's two columns) are apart.
 */
export function layoutPage(page: OcrPage): PageBlock[] {
  const lines = pageLines(page);
  const m = measure(lines);
  const out: PageBlock[] = [];
  let current: { lines: string[]; last: OcrLine } | null = null;
  const flush = () => {
    if (current) out.push({ kind: 'paragraph', lines: current.lines });
    current = null;
  };
  for (const item of withTables(lines, page, m)) {
    if ('cells' in item) {
      flush();
      out.push({ kind: 'row', cells: item.cells });
      continue;
    }
    const text = repairLabel(lineText(item, m.height));
    // A bullet with nothing after it (beside a table, under its frame) is a stroke or dust, not a clause.
    if (text === '' || /^[-+•]$/u.test(text) || isStampWord(item, m)) continue;
    if (current && !startsParagraph(current.last, item, text, m, current.lines.length > 1)) {
      const last = current.lines.length - 1;
      current.lines[last] = dropTrailingDash(current.lines[last]!, text);
      current.lines.push(text);
      current.last = item;
    } else {
      flush();
      current = { lines: [text], last: item };
    }
  }
  flush();
  return out;
}

/**
 * A lone "-" or "_" that OCR puts at the end of a justified line (a speck at the margin: "đảm bảo
 * cắt giảm tối -" over "thiểu 30% …", "Tối thiểu -" over "50% hoạt động …") goes when the line
 * carries on into the next one (in small letters or a number) after a word; it would part a
 * comparator from its value. A dash after a number ("2021 -" over "2025") is a range and stays.
 */
function dropTrailingDash(line: string, next: string): string {
  return /[\p{L}\p{M}.,;:%)]\s+[-–_]$/u.test(line) && /^[\p{Ll}\d]/u.test(next) ? line.replace(/\s+[-–_]$/u, '') : line;
}

/**
 * A line of one word twice the page's text height that the engine barely believes ("TRốI" at
 * confidence 29): letters of a seal or a signature's stroke, not text. Left in, it stands between
 * two rows of a table as a paragraph and ends the table there.
 */
function isStampWord(line: OcrLine, m: PageMeasure): boolean {
  const [word, ...more] = line.words;
  return more.length === 0 && word !== undefined && word.confidence < OCR_LAYOUT.speckConfidence && word.height > m.height * 1.8;
}

/** "(Ban hành kèm theo …)" under a title in capitals belongs to the title (on the same page, or at the head of the next one). */
export function continuesTitle(prev: string, text: string): boolean {
  return text.startsWith('(') && !/\p{Ll}/u.test(prev);
}

/**
 * Whether `line` opens a new paragraph after `prev` (see layoutPage). An indent is measured from the
 * margin the open paragraph's lines keep once it has two (a list's hanging indent: "2. Tiếp tục …"
 * at the margin, its next lines a label's width right of it), else from the page's text margin.
 */
function startsParagraph(prev: OcrLine, line: OcrLine, text: string, m: PageMeasure, prevCarries: boolean): boolean {
  if (LABEL_START_RE.test(text)) return true;
  const pitch = line.top - prev.top;
  // Side by side or above: not the same paragraph.
  if (pitch < m.height * 0.5) return true;
  const prevText = prev.words.map((w) => w.text).join(' ');
  if (continuesTitle(prevText, text) && pitch < m.pitch * 2.5) return false;
  if (pitch > m.pitch * OCR_LAYOUT.paragraphPitch) return true;
  const firstWord = line.words[0]!;
  const room = m.right - prev.right;
  if (room > firstWord.width + m.height * 0.8) return true;
  const margin = prevCarries ? Math.max(m.left, prev.left) : m.left;
  return line.left > margin + m.height * OCR_LAYOUT.indent && TERMINAL_RE.test(prevText);
}

/**
 * A line's words with spaces; on a line that gaps wider than a column gap split into three cells or
 * more (a table row), those gaps are tabs. A line of two columns (the header block's "Số: …" and
 * "Hà Nội, ngày …") keeps a space, as a text layer gives it.
 */
function lineText(line: OcrLine, typical: number): string {
  const words = line.words;
  const wide = words.map((w, i) => i > 0 && w.left - (words[i - 1]!.left + words[i - 1]!.width) > typical * OCR_LAYOUT.columnGap);
  // A line whose words were nearly all spread apart (a justified short line, a spaced-out title) is one block, not cells.
  const wideGaps = wide.filter(Boolean).length;
  // So is a list item ("- Đơn vị phối hợp:   Các   phòng …", justified wide): a bullet opens no table row.
  const spread = (words.length >= 3 && wideGaps >= (words.length - 1) * 0.6) || /^[-+•]$/u.test(words[0]?.text ?? '');
  const cells = spread ? 1 : wideGaps + 1;
  return words.map((w, i) => (i === 0 ? '' : wide[i] && cells >= 3 ? '\t' : ' ') + w.text).join('').trim();
}

/** A ruled table found on a page: its column boundaries (x of each vertical rule) and row boundaries (y of each horizontal rule). */
interface RuledTable {
  columns: number[];
  rows: number[];
  top: number;
  bottom: number;
  /** Vertical rules of the table, to tell a cell spanning columns (a rule missing at its height). */
  vertical: Array<{ x: number; top: number; bottom: number }>;
}

/**
 * The bordered tables of a page, from its ruled lines: vertical rules that run over a common
 * stretch of the page, three or more (two columns at least), with the horizontal rules between
 * them as row boundaries.
 */
function ruledTables(page: OcrPage, height: number): RuledTable[] {
  const rules = page.rules;
  if (!rules || rules.vertical.length < 3) return [];
  const vertical = [...rules.vertical].sort((a, b) => a.top - b.top);
  const groups: Array<typeof vertical> = [];
  for (const v of vertical) {
    const g = groups.find((list) => list.some((o) => v.top < o.bottom - height && v.bottom > o.top + height));
    if (g) g.push(v);
    else groups.push([v]);
  }
  const tables: RuledTable[] = [];
  for (const g of groups) {
    const columns = clusterValues(g.map((v) => v.x), height * 0.5);
    if (columns.length < 3) continue;
    const top = Math.min(...g.map((v) => v.top));
    const bottom = Math.max(...g.map((v) => v.bottom));
    const left = columns[0]!;
    const right = columns[columns.length - 1]!;
    const crossing = rules.horizontal.filter((h) => h.y >= top - height && h.y <= bottom + height && h.left < right - height && h.right > left + height);
    // A border runs across the table: vertical strokes no rule crosses (a fold of the paper, a scratch down the header's two columns) frame nothing.
    if (!crossing.some((h) => Math.min(h.right, right) - Math.max(h.left, left) >= (right - left) * OCR_LAYOUT.borderSpan)) continue;
    const rows = clusterValues(crossing.map((h) => h.y), height * 0.5);
    tables.push({ columns, rows: [Math.min(top, rows[0] ?? top), ...rows, Math.max(bottom, rows[rows.length - 1] ?? bottom)], top, bottom, vertical: g });
  }
  return tables;
}

/** Sorted values with those closer than `tolerance` to the previous one merged (their mean). */
function clusterValues(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= tolerance) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => Math.round(c.reduce((a, b) => a + b, 0) / c.length));
}

/** The row and column of a ruled table's cell a word's centre falls in, or null outside the table. */
function cellOf(table: RuledTable, word: OcrWord): { row: number; column: number } | null {
  const x = word.left + word.width / 2;
  const y = word.top + word.height / 2;
  const { columns, rows } = table;
  if (x <= columns[0]! || x >= columns[columns.length - 1]! || y <= rows[0]! || y >= rows[rows.length - 1]!) return null;
  let row = 0;
  while (row < rows.length - 2 && y > rows[row + 1]!) row++;
  // The rule on the word's left at its height: where its cell starts (a cell spanning columns has no rule inside it).
  let column = 0;
  for (let c = columns.length - 2; c >= 0; c--) {
    if (columns[c]! >= x) continue;
    const drawn = c === 0 || table.vertical.some((v) => Math.abs(v.x - columns[c]!) <= word.height && v.top <= y && v.bottom >= y);
    if (drawn) {
      column = c;
      break;
    }
  }
  return { row, column };
}

/**
 * A cell's words as a reader goes: line by line from the top (a word joins the line its middle
 * height falls in), left to right. The engine's own lines cross a table's cells and, over a cell
 * spanning rows, come in another order ("thực hiện … Chỉ tiêu cụ thể về" for "Chỉ tiêu cụ thể về
 * thực hiện …").
 */
function readingOrder(words: OcrWord[]): OcrWord[] {
  const lines: Array<{ middle: number; height: number; words: OcrWord[] }> = [];
  for (const word of [...words].sort((a, b) => a.top + a.height / 2 - (b.top + b.height / 2))) {
    const middle = word.top + word.height / 2;
    const line = lines.find((l) => Math.abs(l.middle - middle) < Math.max(l.height, word.height) * 0.5);
    if (line) line.words.push(word);
    else lines.push({ middle, height: word.height, words: [word] });
  }
  return lines.flatMap((l) => l.words.sort((a, b) => a.left - b.left));
}

/**
 * Lines in reading order, with the words inside a bordered table taken out and put back as its
 * rows (cells joined by tabs, a cell's lines by spaces) where the table starts. Tesseract reads a
 * table either cell by cell or as lines across the cells; the rules say which cell a word is in.
 */
function withTables(lines: OcrLine[], page: OcrPage, m: PageMeasure): Array<OcrLine | { cells: string[] }> {
  const tables = ruledTables(page, m.height);
  if (tables.length === 0) return lines;
  const cells = tables.map(() => new Map<string, OcrWord[]>());
  const emitted = new Set<number>();
  // Lines, and a placeholder where each table starts (its rows are known once every word is in its cell).
  const out: Array<OcrLine | { table: number }> = [];
  for (const line of lines) {
    const kept: OcrWord[] = [];
    const into = new Set<number>();
    for (const word of line.words) {
      let t = -1;
      let cell: { row: number; column: number } | null = null;
      while (cell === null && ++t < tables.length) cell = cellOf(tables[t]!, word);
      if (cell === null) {
        kept.push(word);
        continue;
      }
      const key = `${cell.row}:${cell.column}`;
      const list = cells[t]!.get(key) ?? [];
      list.push(word);
      cells[t]!.set(key, list);
      into.add(t);
    }
    for (const t of into) {
      if (emitted.has(t)) continue;
      emitted.add(t);
      out.push({ table: t });
    }
    if (kept.length > 0) out.push({ ...line, words: kept, left: kept[0]!.left, right: Math.max(...kept.map((w) => w.left + w.width)) });
  }
  return out.flatMap((item): Array<OcrLine | { cells: string[] }> => {
    if (!('table' in item)) return [item];
    const t = item.table;
    const table = tables[t]!;
    const rows: Array<{ cells: string[] }> = [];
    for (let r = 0; r < table.rows.length - 1; r++) {
      const row: string[] = [];
      for (let c = 0; c < table.columns.length - 1; c++) {
        row.push(readingOrder(cells[t]!.get(`${r}:${c}`) ?? []).map((w) => w.text).join(' '));
      }
      if (row.some((c) => c !== '')) rows.push({ cells: row });
    }
    return rows;
  });
}
