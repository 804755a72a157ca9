/**
 * .pdf (with a text layer) → text, on pdf.js (through unpdf 1.7, which runs on Node 20 and in
 * browsers without a worker). pdf.js gives positioned text runs; the layout is ours to rebuild:
 *   1. runs → lines (same baseline; small raised digits become superscript footnote marks),
 *   2. page furniture dropped: page numbers and running headers/footers in the top/bottom bands,
 *   3. footnotes (small type at the foot of a page, starting with their number) set aside,
 *   4. tables found from rivers (free vertical strips that run through every line of a block,
 *      at least two of them: three columns) and rebuilt row by row into tab-separated cells
 *      (tokens a narrow column broke mended, a row cut by a page break finished on the next page),
 *   5. the other lines joined into paragraphs, across page breaks: a paragraph ends at extra
 *      spacing, a first-line indent, a line left of the hanging lines after a full stop, a label
 *      such as "1." / "a)" / "-", a short line (not inside a wrapped title in capitals) or a
 *      change of type size; a line spread to the margin ended at a manual break.
 */
import type { Warning } from '../types.js';
import { stripTone } from '../text/vietnamese.js';
import { renderBlocks, superscriptDigits, type Footnote, type TextBlock } from './blocks.js';
import { IngestError } from './errors.js';
import type { Deadline, IngestLimits } from './limits.js';
import { isVietnameseSyllable } from './plausibility.js';
import { CAPITALS_RE, CAPITAL_RE, CLAUSE_START_RE, DIGITS_RE, FIRST_TOKEN_RE, FOOTNOTE_START_RE, HYPHEN_BREAK_RE, LABEL_RUN_RE, LEADING_DIGIT_RE, LEADING_LETTERS_RE, LETTERS_RE, LINE_END_RE, LOWER_LETTER_RE, NUMBER_PIECE_RE, OPEN_DIPHTHONG_RE, PAGE_NUMBER_LINE_RE, PDF_BULLET_RE, PERCENT_START_RE, SINGLE_TOKEN_RE, SUPERSCRIPT_MARK_RE, TRAILING_DIGIT_RE, UPPER_LETTER_RE } from './patterns.js';

/** Layout thresholds, in units of the font size (em) unless said otherwise. */
export const PDF_LAYOUT = {
  /** Free space at least this wide (in em), on every line of a run of lines, separates table columns. */
  riverGap: 0.45,
  /** A gap wider than this between two runs gets a space. */
  spaceGap: 0.12,
  /** Baselines closer than this belong to one line. */
  baselineTolerance: 0.35,
  /** Top band (share of page height) where running headers and page numbers live. */
  headerBand: 0.08,
  /** Bottom band (share of page height) for footers. */
  footerBand: 0.06,
  /** Extra line spacing (as a multiple of the usual line pitch) that starts a new paragraph or table row. */
  breakPitch: 1.3,
  /** A line ending this far (share of the text width) before the right margin is a short line. */
  shortLine: 0.15,
  /** Word gaps wider than this (em) on a line spread to the margin mean it ended at a manual line
   * break; justified lines that just wrap stretch their gaps to at most 0.95 em in the seed plans. */
  spreadGap: 1.5,
};

interface Run {
  str: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

interface Line {
  page: number;
  y: number;
  size: number;
  runs: Run[];
  x0: number;
  x1: number;
  text: string;
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

interface PdfPage {
  view: number[];
  getTextContent(options?: object): Promise<{ items: Array<PdfTextItem | { type: string }> }>;
  getOperatorList(): Promise<{ fnArray: number[] }>;
  cleanup(): void;
}

interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

/** When a PDF is a scan. */
export const PDF_SCAN = {
  /** A page whose text runs cover less than this share of its area, and that paints an image, is a
   * page image: a signed scan's only text is the digital-signature box (about 1 % of the page),
   * a typed page of a plan covers 15–45 %. */
  textCoverage: 0.03,
};

/** pdf.js operator codes that paint an image (paintImageMaskXObject … paintImageXObjectRepeat). */
const PAINT_IMAGE_OPS = new Set([83, 84, 85, 86, 87, 88]);

/** The message for a PDF that needs OCR; `why` says what was seen. */
export function scannedPdfError(why: string): IngestError {
  return new IngestError('scanned-pdf', `is a scan (${why}) and needs OCR, which is off or not available here`);
}

export async function readPdf(bytes: Uint8Array, limits: IngestLimits, deadline: Deadline): Promise<{ text: string; warnings: Warning[] }> {
  const doc = await openPdf(bytes);
  const warnings: Warning[] = [];
  try {
    if (doc.numPages > limits.maxPdfPages) {
      throw new IngestError('limits', `has ${doc.numPages} pages, more than the ${limits.maxPdfPages}-page limit`);
    }
    const pages: Line[][] = [];
    const heights: number[] = [];
    const empty: number[] = [];
    /** Pages with a little text over a page image (a signature box on a scan). */
    const imaged: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      deadline.check(`reading PDF page ${n} of ${doc.numPages}`);
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const [x0 = 0, y0 = 0, x1 = 595, y1 = 842] = page.view;
      heights.push(Math.abs(y1 - y0) || 842);
      const runs = toRuns(content.items, y0);
      if (runs.length === 0) empty.push(n);
      else if (coverage(runs, Math.abs((x1 - x0) * (y1 - y0)) || 595 * 842) < PDF_SCAN.textCoverage && (await paintsImage(page))) imaged.push(n);
      pages.push(buildLines(runs, n - 1));
      page.cleanup();
    }
    if (empty.length === doc.numPages) throw scannedPdfError('no text layer');
    if (empty.length + imaged.length === doc.numPages) {
      throw scannedPdfError(`page images; the text layer covers little of ${imaged.length > 1 ? `pages ${summarizePages(imaged)}` : `page ${imaged[0]}`}, as a signature box does`);
    }
    if (empty.length > 0) {
      warnings.push({
        code: 'pdf-page-without-text',
        message:
          empty.length > 1
            ? `Pages ${summarizePages(empty)} have no text layer (scanned?); their text is missing.`
            : `Page ${empty[0]} has no text layer (scanned?); its text is missing.`,
      });
    }
    const text = layoutPages(pages, heights);
    if (text.trim() === '') throw scannedPdfError('no readable text layer');
    return { text, warnings };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** The number of pages of a PDF (for OCR, which reads page by page). */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const doc = await openPdf(bytes);
  try {
    return doc.numPages;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** The share of a page's area that its text runs cover. */
function coverage(runs: Run[], area: number): number {
  let inked = 0;
  for (const run of runs) inked += Math.max(run.x1 - run.x0, 0) * run.size;
  return inked / area;
}

/** True when the page paints an image (asked only of pages with little text, so cheap overall). */
async function paintsImage(page: PdfPage): Promise<boolean> {
  try {
    const ops = await page.getOperatorList();
    return ops.fnArray.some((fn) => PAINT_IMAGE_OPS.has(fn));
  } catch {
    return false;
  }
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocumentProxy } = await import('unpdf');
  try {
    // pdf.js refuses a Node Buffer and may detach the buffer it is given: hand it a plain
    // Uint8Array copy (`Buffer.slice()` is a view, and `slice` on a Buffer gives a Buffer).
    return (await getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
    })) as unknown as PdfDocument;
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    const message = err instanceof Error ? err.message : String(err);
    if (name === 'PasswordException' || /password/i.test(message)) {
      throw new IngestError('encrypted', 'is a password-protected PDF; open it with the password and save an unprotected copy');
    }
    throw new IngestError('corrupt', `is not a readable PDF (${message.split('\n')[0]?.slice(0, 100)})`);
  }
}

function summarizePages(pages: number[]): string {
  return pages.length > 8 ? `${pages.slice(0, 8).join(', ')} and ${pages.length - 8} more` : pages.join(', ');
}

/** pdf.js items → runs in page coordinates (y up), dropping empty and rotated runs. */
function toRuns(items: Array<PdfTextItem | { type: string }>, pageBottom: number): Run[] {
  const runs: Run[] = [];
  for (const item of items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
    if (Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1) continue; // rotated: stamps, watermarks
    const size = Math.hypot(c, d) || Math.abs(a) || item.height || 10;
    const str = item.str.replace(/\s+/g, ' ');
    const lead = str.length - str.trimStart().length;
    const width = item.width || size * 0.5 * str.length;
    runs.push({ str: str.trim(), x0: e + (lead * width) / Math.max(str.length, 1), x1: e + width, y: f - pageBottom, size });
  }
  return runs;
}

/** Groups runs into lines, top to bottom; small raised digits join their line as superscripts. */
function buildLines(runs: Run[], page: number): Line[] {
  const typical = median(runs.map((r) => r.size), 12);
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x0 - q.x0);
  const groups: Run[][] = [];
  const place = (run: Run, small: boolean) => {
    const group = groups.find((g) => {
      const main = g[0]!;
      if (Math.abs(main.y - run.y) <= PDF_LAYOUT.baselineTolerance * Math.max(main.size, run.size)) return true;
      // A superscript: smaller, raised less than one line above a bigger baseline.
      return small && run.size < main.size * 0.8 && run.y > main.y && run.y - main.y < main.size * 0.6;
    });
    if (group) group.push(run);
    else groups.push([run]);
  };
  // Body-sized runs first, so that a raised footnote mark finds the line it belongs to.
  for (const run of sorted) if (run.size >= typical * 0.8) place(run, false);
  for (const run of sorted) if (run.size < typical * 0.8) place(run, true);
  groups.sort((p, q) => q[0]!.y - p[0]!.y);
  return groups.map((g) => {
    const size = Math.max(...g.map((r) => r.size));
    const base = g.find((r) => r.size === size)!;
    const line = g
      .sort((p, q) => p.x0 - q.x0)
      .map((r) => (r.size < size * 0.8 && r.y > base.y + size * 0.15 && /^\d+$/.test(r.str) ? { ...r, str: superscriptDigits(r.str) } : r));
    return { page, y: base.y, size, runs: line, x0: line[0]!.x0, x1: Math.max(...line.map((r) => r.x1)), text: joinRuns(line) };
  });
}

function joinRuns(runs: Run[]): string {
  let out = '';
  let prev: Run | null = null;
  for (const run of runs) {
    if (prev) {
      const gap = run.x0 - prev.x1;
      const superscriptMark = SUPERSCRIPT_MARK_RE.test(run.str);
      if (!superscriptMark && gap > PDF_LAYOUT.spaceGap * Math.min(prev.size, run.size)) out += ' ';
    }
    out += run.str;
    prev = run;
  }
  return out;
}

/**
 * A justified line whose words were spread apart (the last line before a manual break, in
 * LibreOffice): every word its own run, all gaps nearly equal. Table cells leave unequal gaps.
 * The gap after a leading bullet or label ("–", "a)") is left out of the comparison.
 */
function isSpreadLine(line: Line, gaps: number[], left: number, right: number): boolean {
  // Spread lines run from the left margin (or a list indent) to the right margin.
  if (line.x1 < right - line.size || line.x0 > left + line.size * 3) return false;
  const first = line.runs[0]!.str;
  const rest = gaps.slice(1);
  const labelled = PDF_BULLET_RE.test(first) || LABEL_RUN_RE.test(first);
  // The gap after a label counts unless it is much wider than the spread gaps (then it is a column gap).
  const body = labelled && gaps[0]! <= 2 * median(rest, gaps[0]!) ? rest : gaps;
  const spaced = body.filter((g) => g > PDF_LAYOUT.spaceGap * line.size);
  if (spaced.length === 1 && body.length === 1) return spaced[0]! > line.size * 3 && line.x0 < left + 1; // "Phụ                lục"
  if (spaced.length < 2 || spaced.length < body.length * 0.8) return false;
  const min = Math.min(...spaced);
  const max = Math.max(...spaced);
  // Three words spread over a line leave two gaps equal to a point; more words, within a quarter.
  return spaced.length === 2 ? max < min * 1.03 + 1 : max < min * 1.25 + 0.5;
}

function median(values: number[], fallback: number): number {
  if (values.length === 0) return fallback;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// ── page furniture and footnotes ────────────────────────────────────────────────────────────

/** Masks digits so that "Trang 3" and "Trang 4" compare equal. */
function furnitureKey(text: string): string {
  return text.replace(DIGITS_RE, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

function removeFurniture(pages: Line[][], heights: number[]): Line[][] {
  const counts = new Map<string, number>();
  const inBand = (line: Line) => {
    const h = heights[line.page] ?? 842;
    return line.y > h * (1 - PDF_LAYOUT.headerBand) ? 'top' : line.y < h * PDF_LAYOUT.footerBand ? 'bottom' : null;
  };
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const line of lines) {
      const band = inBand(line);
      if (band) seen.add(`${band}:${furnitureKey(line.text)}`);
    }
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = (key: string) => pages.length >= 3 && (counts.get(key) ?? 0) >= Math.max(3, pages.length * 0.5);
  return pages.map((lines) =>
    lines.filter((line) => {
      const band = inBand(line);
      if (!band) return true;
      return !PAGE_NUMBER_LINE_RE.test(line.text.trim()) && !repeated(`${band}:${furnitureKey(line.text)}`);
    }),
  );
}

/** Splits off the footnotes at the foot of each page: the trailing lines in smaller type, the first starting with its number. */
function splitFootnotes(lines: Line[], bodySize: number): { body: Line[]; notes: Footnote[] } {
  let start = lines.length;
  while (start > 0 && lines[start - 1]!.size < bodySize * 0.92) start -= 1;
  const tail = lines.slice(start);
  const first = tail.findIndex((l) => FOOTNOTE_START_RE.test(l.text));
  if (first < 0) return { body: lines, notes: [] };
  const notes: Footnote[] = [];
  for (const line of tail.slice(first)) {
    const m = FOOTNOTE_START_RE.exec(line.text);
    if (m && (notes.length === 0 || line.x0 <= tail[first]!.x0 + 1)) {
      notes.push({ label: superscriptDigits(m[1]!), text: line.text.slice(m[0].length) });
    } else if (notes.length > 0) {
      notes[notes.length - 1]!.text += ` ${line.text}`;
    }
  }
  return { body: [...lines.slice(0, start), ...tail.slice(0, first)], notes };
}

// ── tables ──────────────────────────────────────────────────────────────────────────────────

/** An x interval [from, to]. */
type Span = [number, number];

interface Region {
  kind: 'table';
  lines: Line[];
  /** Column boundaries (x), left to right, between the columns. */
  bounds: number[];
}

/** Where a line has ink: its runs, with gaps narrower than a column gap closed; a spread line is one block. */
function gapsOf(line: Line): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < line.runs.length; i++) gaps.push(line.runs[i]!.x0 - line.runs[i - 1]!.x1);
  return gaps;
}

function inkOf(line: Line, left: number, right: number): Span[] {
  const gaps = gapsOf(line);
  if (isSpreadLine(line, gaps, left, right)) return [[line.x0, line.x1]];
  const minGap = PDF_LAYOUT.riverGap * line.size;
  const out: Span[] = [];
  for (const run of line.runs) {
    const last = out[out.length - 1];
    if (last && run.x0 - last[1] < minGap) last[1] = Math.max(last[1], run.x1);
    else out.push([run.x0, run.x1]);
  }
  return out;
}

/** Free space inside [left, right] shared by every line: the rivers between table columns. */
function rivers(inks: Span[][], size: number): Span[] {
  const all = inks.flat().sort((a, b) => a[0] - b[0]);
  if (all.length === 0) return [];
  const out: Span[] = [];
  let reach = all[0]![1];
  for (const [x0, x1] of all.slice(1)) {
    if (x0 - reach >= PDF_LAYOUT.riverGap * size) out.push([reach, x0]);
    reach = Math.max(reach, x1);
  }
  return out;
}

/**
 * Splits a page's lines into table regions and plain lines, in order. A table region is a run
 * of at least two lines that leaves at least two rivers (three columns) of free space between
 * its text; body text, whose lines run across the page, closes the region.
 */
function findTables(lines: Line[], pitch: number): Array<Line | Region> {
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(0, ...lines.map((l) => l.x1));
  const inks = lines.map((l) => inkOf(l, left, right));
  const out: Array<Line | Region> = [];
  let i = 0;
  while (i < lines.length) {
    let end = i;
    let found: Span[] = [];
    if (inks[i]!.length >= 3) {
      for (let j = i + 1; j < lines.length; j++) {
        if (lines[j - 1]!.y - lines[j]!.y > pitch * 3) break;
        const free = rivers(inks.slice(i, j + 1), lines[i]!.size);
        if (free.length < 2) break;
        // A one-block line from the left margin that closes a river with text on both of its sides
        // in earlier lines is text under the table ("Nơi nhận:"): a cell never runs across a column gap.
        const starts = inks[j]![0]![0];
        if (inks[j]!.length === 1 && starts < left + lines[j]!.size && closesColumn(found, free, inks.slice(i, j))) break;
        end = j;
        found = free;
      }
    }
    // At least three lines, two of them with three blocks or more: a centred two-line title is no table.
    if (end >= i + 2 && inks.slice(i, end + 1).filter((ink) => ink.length >= 3).length >= 2) {
      out.push({ kind: 'table', lines: lines.slice(i, end + 1), bounds: found.map(([a, b]) => (a + b) / 2) });
      i = end + 1;
    } else {
      out.push(lines[i]!);
      i += 1;
    }
  }
  return out;
}

/** True when a river of `before` is gone from `after` and at least two lines had text on both of its sides. */
function closesColumn(before: Span[], after: Span[], inks: Span[][]): boolean {
  const killed = before.filter(([a, b]) => !after.some(([c, d]) => c < b && d > a));
  return killed.some(([a, b]) => {
    let sides = 0;
    for (const ink of inks) if (ink.some((s) => s[1] <= a + 1) && ink.some((s) => s[0] >= b - 1)) sides += 1;
    return sides >= 2;
  });
}

/** One line of text inside one table cell. */
interface CellLine {
  text: string;
  /** The line reaches the right edge of its column's text, so the column may have broken a word there. */
  full: boolean;
}

/** A table row as cell lines, one list per column (joined into cell texts only when printed). */
type CellRow = CellLine[][];

/** Rebuilds the rows of a table region: a row starts at extra spacing or where the first column gets new text. */
function regionRows(region: Region, pitch: number): CellRow[] {
  const columns = region.bounds.length + 1;
  const columnOf = (run: Run) => {
    const mid = (run.x0 + run.x1) / 2;
    let col = 0;
    while (col < region.bounds.length && mid > region.bounds[col]!) col += 1;
    return col;
  };
  // The right edge of each column's text: a cell line that reaches it was full, and may end mid-word.
  const edge = Array.from({ length: columns }, () => 0);
  for (const line of region.lines) for (const run of line.runs) edge[columnOf(run)] = Math.max(edge[columnOf(run)]!, run.x1);
  const rows: CellRow[] = [];
  let prev: Line | null = null;
  let prevHadFirst = false;
  for (const line of region.lines) {
    const cells: Run[][] = Array.from({ length: columns }, () => []);
    for (const run of line.runs) cells[columnOf(run)]!.push(run);
    const hasFirst = cells[0]!.length > 0;
    const gap = prev ? prev.y - line.y : 0;
    const newRow = !prev || gap > pitch * PDF_LAYOUT.breakPitch || (hasFirst && !prevHadFirst);
    if (newRow) rows.push(Array.from({ length: columns }, () => []));
    const row = rows[rows.length - 1]!;
    cells.forEach((runs, c) => {
      if (runs.length === 0) return;
      const full = runs[runs.length - 1]!.x1 >= edge[c]! - line.size * 0.5;
      row[c]!.push({ text: joinRuns(runs), full });
    });
    prev = line;
    prevHadFirst = hasFirst;
  }
  return rows;
}

/** A piece that cannot end a syllable: not a syllable at all, or "iê/yê/uô/ươ" without its final ("thiể", "tiê"). */
function incompleteSyllable(piece: string): boolean {
  return !isVietnameseSyllable(piece) || OPEN_DIPHTHONG_RE.test(stripTone(piece.toLowerCase()));
}

/**
 * True when a column too narrow for one token broke it between two cell lines. Such a token
 * starts its own line and fills it (a token that fits would have moved to the next line whole),
 * and the two pieces make one token: digits ("202" + "5", "15/01/" + "2023", "3,6,9," + "12/20",
 * "100" + "%"), a syllable ("thiể" + "u", "Thườn" + "g xuyên", "THÀN" + "H"), or capitals
 * broken letter by letter ("S" + "T" + "T").
 */
function brokenToken(before: CellLine, after: CellLine): boolean {
  const tail = before.text;
  if (!before.full || !SINGLE_TOKEN_RE.test(tail)) return false;
  const head = FIRST_TOKEN_RE.exec(after.text)?.[1] ?? '';
  if (NUMBER_PIECE_RE.test(tail) && (LEADING_DIGIT_RE.test(head) || (TRAILING_DIGIT_RE.test(tail) && PERCENT_START_RE.test(head)))) return true;
  if (CAPITAL_RE.test(tail) && CAPITALS_RE.test(head)) return true;
  const letters = LETTERS_RE.test(tail) ? LEADING_LETTERS_RE.exec(head)?.[0] : undefined;
  // "u" is a syllable on its own, so "thiể" + "u" needs the open "thiể"; "g" is none, so "Thườn" + "g" joins.
  return letters !== undefined && isVietnameseSyllable(tail + letters) && (incompleteSyllable(tail) || !isVietnameseSyllable(letters));
}

/** Joins the lines of one cell with spaces, except inside a token the column broke (see `brokenToken`). */
function joinCellLines(parts: CellLine[]): string {
  let out = '';
  parts.forEach((part, i) => {
    const before = parts[i - 1];
    out += !before ? part.text : brokenToken(before, part) ? part.text : ` ${part.text}`;
  });
  return out;
}

// ── paragraphs ──────────────────────────────────────────────────────────────────────────────

/** A line placed in a paragraph, with what was measured on its own page. */
interface PlacedLine {
  line: Line;
  /** Ends well before the right margin: the last line of a paragraph, a heading, a manual break. */
  short: boolean;
  /** A few words spread over the whole line: the line before a manual break in justified text. */
  spread: boolean;
  /** Opens with a label ("–  Nâng cao…", "1. Mục đích"), so the next line may hang further right. */
  opensLabel: boolean;
}

/** The page geometry the paragraph rules measure against. */
interface PageFrame {
  /** The usual left edge of body lines (median). */
  left: number;
  /** The usual distance between baselines inside a paragraph. */
  pitch: number;
  /** The body type size of the document (median), the unit of the em thresholds. */
  bodySize: number;
}

/**
 * True when `line` opens a new paragraph after `last` (and `beforeLast`, the line before it in the
 * same paragraph, if any). A paragraph ends
 *   - at extra spacing between lines on one page,
 *   - at a label ("1.", "a)", "-", "Căn cứ") printed apart from its text or after a line that ended a block,
 *   - at a first-line indent,
 *   - after a short line (not at a wrapped title in capitals: "… THỦ TỤC HÀNH" / "CHÍNH" / "VÀ CƠ CHẾ …"),
 *   - at a line that starts left of the paragraph's continuation lines after a sentence ended
 *     (across a page break, where there is no spacing to see: "… thấp nhất." / "Thực hiện nghiêm …"),
 *   - at a change of type size.
 */
function startsParagraph(line: Line, text: string, last: PlacedLine, beforeLast: PlacedLine | null, frame: PageFrame): boolean {
  const prev = last.line;
  const { left, pitch, bodySize } = frame;
  const samePage = prev.page === line.page;
  const endsSentence = LINE_END_RE.test(prev.text);
  if (samePage && prev.y - line.y > pitch * PDF_LAYOUT.breakPitch) return true;
  if (CLAUSE_START_RE.test(text) && (labelStandsApart(line) || last.short || endsSentence)) return true;
  if (samePage && line.x0 > left + bodySize * 0.8 && prev.x0 <= left + bodySize * 0.8 && !last.opensLabel) return true;
  if (last.short && !last.spread && !wrapsTitle(text, last, beforeLast)) return true;
  if (beforeLast && endsSentence && line.x0 < prev.x0 - bodySize * 0.8) return true;
  return Math.abs(line.size - prev.size) > bodySize * 0.15;
}

/**
 * A title in capitals wrapped over lines and broken by hand: the line before the short one
 * reached the margin, and the next line goes on in capitals ("NHIỆM VỤ … THỦ TỤC HÀNH" /
 * "CHÍNH" / "VÀ CƠ CHẾ MỘT CỬA …", 001 Bắc Giang appendix). A short heading followed by body
 * text ("II. NỘI DUNG KẾ HOẠCH" / "Trong năm 2023, …") or by a lone heading is not one.
 */
function wrapsTitle(text: string, last: PlacedLine, beforeLast: PlacedLine | null): boolean {
  return (
    beforeLast !== null &&
    !beforeLast.short &&
    !LINE_END_RE.test(last.line.text) &&
    [beforeLast.line.text, last.line.text, text].every(inCapitals)
  );
}

/** A line in capitals: letters, none of them lower case ("VÀ CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG NĂM 2023"). */
function inCapitals(text: string): boolean {
  return UPPER_LETTER_RE.test(text) && !LOWER_LETTER_RE.test(text);
}

/**
 * A line spread over the whole width that ended at a manual line break: a few words
 * ("Phụ                lục"), or gaps far wider than any justified line stretches
 * ("CÔNG     THƯƠNG     TỈNH     BẮC     GIANG"). A long justified line with wide gaps ("Căn  cứ
 * Nghị  quyết  số  01/NQ-CP …", at most 0.95 em in the seed plans) just wraps.
 */
function endsAtManualBreak(line: Line, pageLeft: number, right: number): boolean {
  if (line.runs.length < 2) return false; // one run: pdf.js saw no gap wider than a space
  const gaps = gapsOf(line);
  if (!isSpreadLine(line, gaps, pageLeft, right)) return false;
  return line.text.split(' ').length <= 4 || median(gaps, 0) > PDF_LAYOUT.spreadGap * line.size;
}

/** What is carried from line to line and from page to page while the pages are laid out. */
interface Flow {
  blocks: TextBlock[];
  /** The open paragraph as pieces (joined once when it closes: no string rebuilt per line). */
  paragraph: string[] | null;
  /** The last two characters of the open paragraph. */
  paragraphEnd: string;
  /** The last line of the open paragraph, and the line before it in the same paragraph. */
  last: PlacedLine | null;
  beforeLast: PlacedLine | null;
  /** The id of the last table begun. */
  tableId: number;
  /** The header row of that table, without spaces. */
  lastHeader: string | null;
  /** The number of column bounds of the last table region. */
  lastColumns: number;
  /** Only table rows since the last table began: it may go on at the top of the next page. */
  tableOpen: boolean;
  /** The last printed row of the open table, kept as cell lines so that the next page can finish it. */
  openRow: { block: number; cells: CellRow } | null;
}

/** What the line rules measure on one page. */
interface PageMeasures {
  frame: PageFrame;
  /** The left edge of the leftmost body line. */
  pageLeft: number;
  /** The right edge of the rightmost body line. */
  right: number;
  /** From the usual left edge to the right edge (at least 1). */
  width: number;
  /** The first body line of the page. */
  firstLine: Line | undefined;
}

/** The lines of every page → text blocks: paragraphs joined across lines and pages, tables as rows, footnotes at the end. */
function layoutPages(rawPages: Line[][], heights: number[]): string {
  const pages = removeFurniture(rawPages, heights);
  const allSizes = pages.flatMap((lines) => lines.flatMap((l) => l.runs.map((r) => r.size)));
  const bodySize = median(allSizes, 12);
  const footnotes: Footnote[] = [];
  const flow: Flow = {
    blocks: [],
    paragraph: null,
    paragraphEnd: '',
    last: null,
    beforeLast: null,
    tableId: -1,
    lastHeader: null,
    lastColumns: -1,
    tableOpen: false,
    openRow: null,
  };
  for (const pageLines of pages) {
    const { body, notes } = splitFootnotes(pageLines, bodySize);
    footnotes.push(...notes);
    layoutPage(flow, body, bodySize);
  }
  closeParagraph(flow);
  return renderBlocks(flow.blocks, footnotes);
}

/** One page's body lines: its table regions become rows, its other lines go into paragraphs. */
function layoutPage(flow: Flow, body: Line[], bodySize: number): void {
  const pitch = linePitch(body, bodySize);
  const left = median(body.map((l) => l.x0), 0);
  const pageLeft = Math.min(...body.map((l) => l.x0));
  const right = Math.max(0, ...body.map((l) => l.x1));
  const width = Math.max(right - left, 1);
  const page: PageMeasures = { frame: { left, pitch, bodySize }, pageLeft, right, width, firstLine: body[0] };
  for (const item of findTables(body, pitch)) {
    if ('kind' in item) placeTable(flow, item, pitch);
    else placeLine(flow, item, page);
  }
  flow.tableOpen = flow.tableOpen && flow.paragraph === null;
}

function closeParagraph(flow: Flow): void {
  const text = flow.paragraph?.join('') ?? '';
  if (text.trim() !== '') flow.blocks.push({ kind: 'paragraph', text });
  flow.paragraph = null;
}

/**
 * A table region's rows. A table that goes on from the previous page keeps its id and drops its
 * repeated header row; a row the page break split is finished by its lines on this page.
 */
function placeTable(flow: Flow, region: Region, pitch: number): void {
  closeParagraph(flow);
  const rows = regionRows(region, pitch);
  // Compared without spaces: a narrow header cell may break differently on each page ("S T T" / "STT").
  const header = rows[0]?.map(joinCellLines).join('').replace(/\s+/g, '') ?? '';
  const continues = flow.tableOpen && flow.lastColumns === region.bounds.length;
  if (!continues) {
    flow.tableId += 1;
    flow.openRow = null;
  }
  let first = true;
  rows.forEach((cells, r) => {
    if (r === 0 && continues && header === flow.lastHeader) return;
    if (first && continues && flow.openRow && cells[0]!.length === 0) {
      // The page break split this row: its lines on this page finish the cells of the last row.
      const openRow = flow.openRow;
      const merged = openRow.cells.map((lines, c) => [...lines, ...(cells[c] ?? [])]);
      flow.openRow = { block: openRow.block, cells: merged };
      flow.blocks[openRow.block] = { kind: 'row', table: flow.tableId, cells: merged.map(joinCellLines) };
    } else {
      flow.blocks.push({ kind: 'row', table: flow.tableId, cells: cells.map(joinCellLines) });
      flow.openRow = { block: flow.blocks.length - 1, cells };
    }
    first = false;
  });
  if (!continues) flow.lastHeader = header;
  flow.lastColumns = region.bounds.length;
  flow.tableOpen = true;
  flow.last = null;
  flow.beforeLast = null;
}

/** A line outside tables: it opens a paragraph (see `startsParagraph`) or goes on with the open one. */
function placeLine(flow: Flow, line: Line, page: PageMeasures): void {
  let text = line.text;
  const firstRun = line.runs[0]!;
  if (PDF_BULLET_RE.test(firstRun.str) && line.runs.length > 1) text = `-${text.slice(firstRun.str.length)}`;
  if (text.trim() === '') return;
  flow.tableOpen = flow.tableOpen && flow.last === null && flow.paragraph === null && line === page.firstLine;
  if (!flow.tableOpen) flow.openRow = null;
  const placed: PlacedLine = {
    line,
    short: line.x1 < page.right - page.width * PDF_LAYOUT.shortLine,
    spread: endsAtManualBreak(line, page.pageLeft, page.right),
    opensLabel: false,
  };
  if (flow.paragraph === null || flow.last === null || startsParagraph(line, text, flow.last, flow.beforeLast, page.frame)) {
    closeParagraph(flow);
    flow.paragraph = [text];
    flow.paragraphEnd = text.slice(-2);
    placed.opensLabel = CLAUSE_START_RE.test(text);
    flow.beforeLast = null;
  } else {
    // After a line that ended at a manual break (a spread line, or the short line inside a
    // wrapped title) comes a line break; "…/NĐ-" + "CP" is one word broken at its hyphen;
    // "kinh tế -" + "xã hội" keeps its space.
    const last = flow.last;
    const joint: string = last.spread || last.short ? '\n' : HYPHEN_BREAK_RE.test(flow.paragraphEnd) ? '' : ' ';
    flow.paragraph.push(joint, text);
    flow.paragraphEnd = `${flow.paragraphEnd}${joint}${text}`.slice(-2);
    flow.beforeLast = last;
  }
  flow.last = placed;
}

/** A label printed as its own run with a gap after it ("–   Tiếp tục", "a)  Triển khai"): a list item, not a wrapped "- 2030". */
function labelStandsApart(line: Line): boolean {
  const [first, second] = line.runs;
  return first !== undefined && second !== undefined && first.str.length <= 6 && second.x0 - first.x1 > line.size * 0.4;
}

/** The usual distance between consecutive baselines of a page (its line pitch). */
function linePitch(lines: Line[], bodySize: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1]!.y - lines[i]!.y;
    if (gap > bodySize * 0.5 && gap < bodySize * 2.5) gaps.push(gap);
  }
  const sorted = gaps.sort((a, b) => a - b);
  // The lower quartile: lines inside paragraphs, not the extra space between them.
  return sorted[Math.floor(sorted.length / 4)] ?? bodySize * 1.2;
}
