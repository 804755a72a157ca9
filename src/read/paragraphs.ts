/**
 * From normalised text to paragraphs: lines are split, `|`-delimited blocks (thuvienphapluat
 * markdown) become rows or paragraphs, hard-wrapped lines are joined, marks are stripped,
 * footnotes and page numbers are taken out of the flow, and sentences broken by a page break
 * are joined again.
 */
import { join, replace, slice, trim, type MappedText } from '../text/mapped-text.js';
import { NO_DEADLINE, type Deadline } from '../text/deadline.js';
import { stripMarks } from './normalize.js';
import { FOOTNOTE, LABELS, PAGE_NUMBER, STAR_BULLET, TABLE_RULE, WRAPS, ZONES } from '../patterns/structure.js';

/** One paragraph of the flow, or one table row. */
export interface Paragraph {
  /** Text with marks stripped and hard wraps joined (cells joined by tabs for rows). */
  m: MappedText;
  /** Cells of a table row (marks stripped, trimmed); undefined for prose. */
  cells?: MappedText[];
  /** True when every line of the paragraph was wrapped in bold marks or was a markdown heading. */
  emphasized: boolean;
}

/** What the paragraph stage produces. */
export interface Flow {
  paragraphs: Paragraph[];
  footnotes: Paragraph[];
}

function splitLines(m: MappedText, deadline: Deadline): MappedText[] {
  const out: MappedText[] = [];
  let start = 0;
  for (let i = 0; i <= m.text.length; i++) {
    if (i === m.text.length || m.text.charCodeAt(i) === 10) {
      // a million short lines take seconds here alone (a typed array each), before the first paragraph
      deadline.tick('splitting lines');
      out.push(slice(m, start, i));
      start = i + 1;
    }
  }
  return out;
}

const EMPHASIS_RE = /^\s*(?:#{1,6}\s+|\*\*|__|<b>)/u;

/** A markdown table row: "| TT | Chỉ tiêu | Đơn vị |" (at least two cells). */
const MD_TABLE_ROW = /^\s*\|(?:[^|\n]*\|){2,}\s*$/u;

/** A line that always starts a paragraph of its own, even without a blank line before it. */
function breaksBefore(text: string): boolean {
  return (
    startsWithLabel(text) ||
    ZONES.annex.test(text) ||
    ZONES.motto.test(text) ||
    ZONES.numberLine.test(text) ||
    ZONES.placeDate.test(text) ||
    ZONES.recipients.test(text) ||
    ZONES.basis.test(text) ||
    FOOTNOTE.test(text)
  );
}

/** A paragraph that stands alone: the next line starts a new one. */
function standsAlone(text: string): boolean {
  return ZONES.appendix.test(text) && text.length < 20;
}

/** `standsAlone` of the lines gathered so far, joined only while they are short (no quadratic re-join). */
function standsAloneLines(lines: readonly MappedText[]): boolean {
  let length = -1;
  for (const l of lines) {
    length += l.text.length + 1;
    if (length >= 20) return false;
  }
  return standsAlone(lines.map((l) => l.text).join(' '));
}

/** True when the text starts with a clause label (article, part, section, item, point, bullet). */
export function startsWithLabel(text: string): boolean {
  return Object.values(LABELS).some((re) => re.test(text));
}

/**
 * Reads a `|`-delimited block (thuvienphapluat markdown): a lone "|" line closes one cell and opens
 * the next; an empty cell ("|" right after "|") ends a row. Blank lines inside the block are
 * skipped; the block ends at a blank line not followed by another "|".
 */
function pipeCells(lines: MappedText[], from: number): { rows: MappedText[][][]; next: number } {
  const rows: MappedText[][][] = [];
  let row: MappedText[][] = [];
  let cell: MappedText[] | null = null;
  let i = from;
  while (i < lines.length) {
    const t = lines[i]!.text.trim();
    if (t === '|') {
      if (cell !== null) {
        if (cell.length === 0) {
          if (row.length) rows.push(row);
          row = [];
        } else row.push(cell);
      }
      cell = [];
      i += 1;
      continue;
    }
    if (t === '') {
      let j = i + 1;
      while (j < lines.length && lines[j]!.text.trim() === '') j += 1;
      if (j < lines.length && lines[j]!.text.trim() === '|') {
        i = j;
        continue;
      }
      break;
    }
    (cell ??= []).push(lines[i]!);
    i += 1;
  }
  if (cell && cell.length) row.push(cell);
  if (row.length) rows.push(row);
  return { rows, next: i };
}

function cleanCell(parts: MappedText[]): MappedText {
  const stripped = parts.map((p) => trim(stripMarks(p))).filter((p) => p.text.length > 0);
  return stripped.length ? join(stripped, ' ') : slice(parts[0] ?? { text: '', offsets: new Int32Array(1) }, 0, 0);
}

/** True for a pipe block that is a document header (issuer, motto, number) or a signature, not a table. */
function isLayoutBlock(rows: MappedText[][][]): boolean {
  const text = rows.flat(2).map((l) => l.text).join(' ');
  return ZONES.motto.test(text) || /Nơi\s+nhận|Số\s*:/u.test(text) || rows.every((r) => r.length <= 1);
}

/** Splits normalised text into paragraphs and table rows. */
export function paragraphs(clean: MappedText, deadline: Deadline = NO_DEADLINE): Flow {
  const lines = splitLines(clean, deadline);
  const out: Paragraph[] = [];
  let current: MappedText[] = [];
  let currentEmph = true;
  let lastEmph = true;
  /** Ends the open paragraph; its last `keep` lines stay open as the start of the next one. */
  const flush = (keep = 0): void => {
    const done = current.slice(0, current.length - keep);
    if (done.length) {
      const m = trim(join(done, ' '));
      if (m.text.length) out.push({ m, emphasized: currentEmph });
    }
    current = current.slice(current.length - keep);
    currentEmph = keep ? lastEmph : true;
  };

  for (let i = 0; i < lines.length; i++) {
    deadline.tick('reading paragraphs');
    const line = lines[i]!;
    const raw = line.text;
    if (raw.trim() === '|') {
      flush();
      const { rows, next } = pipeCells(lines, i);
      if (isLayoutBlock(rows)) {
        for (const row of rows) for (const cellLines of row) pushLayoutCell(out, cellLines);
      } else {
        for (const row of rows) {
          const cells = row.map(cleanCell);
          out.push({ m: join(cells, '\t'), cells, emphasized: false });
        }
      }
      i = next - 1;
      continue;
    }
    if (MD_TABLE_ROW.test(raw) || (raw.includes('\t') && raw.replace(/\t/g, '').trim() !== '')) {
      // "| 1 | Tiềm lực … | Thứ bậc |" (a markdown table row; "| --- | --- |" rules are dropped later), or cells split by tabs
      flush();
      const cells = MD_TABLE_ROW.test(raw) ? markdownCells(line) : tabCells(line);
      out.push({ m: join(cells, '\t'), cells, emphasized: false });
      continue;
    }
    if (raw.trim() === '') {
      flush();
      continue;
    }
    const unstarred = STAR_BULLET.test(raw) ? replace(line, /^\s*\*(?=\s)/g, '-') : line;
    const m = trim(stripMarks(unstarred));
    if (m.text.length === 0 || /^#+$/u.test(m.text)) {
      // an empty line, or one of only heading marks ("#" above "# PHẦN")
      flush();
      continue;
    }
    const how = current.length ? joining(current, m.text) : 'join';
    if (how !== 'join') flush(how === 'carry' ? 1 : 0);
    current.push(m);
    lastEmph = EMPHASIS_RE.test(raw);
    currentEmph = currentEmph && lastEmph;
  }
  flush();
  return settle(out, deadline);
}

/** The cells of a markdown table row: "| 1 | Tiềm lực … | Thứ bậc |" (an escaped "\\|" stays in its cell). */
function markdownCells(line: MappedText): MappedText[] {
  const raw = line.text;
  const cells: MappedText[] = [];
  const last = raw.lastIndexOf('|');
  let at = raw.indexOf('|') + 1;
  for (let k = at; k <= last; k++) {
    if (raw[k] === '|' && raw[k - 1] !== '\\') {
      cells.push(trim(stripMarks(slice(line, at, k))));
      at = k + 1;
    }
  }
  return cells;
}

/** The cells of a line split by tabs. */
function tabCells(line: MappedText): MappedText[] {
  const cells: MappedText[] = [];
  let at = 0;
  for (const part of line.text.split('\t')) {
    cells.push(trim(stripMarks(slice(line, at, at + part.length))));
    at += part.length + 1;
  }
  return cells;
}

/** How a prose line goes with the lines gathered before it: joined on, as a new paragraph, or as a new paragraph that takes their last line along. */
function joining(current: readonly MappedText[], text: string): 'join' | 'break' | 'carry' {
  if (standsAloneLines(current)) return 'break';
  if (!breaksBefore(text)) return 'join';
  if (!wrapsReference(tailOf(current), text)) return 'break';
  // "**Điều" / "1**. Công bố …" at the end of other lines: the lone word and this line open a clause together
  const last = current[current.length - 1]!.text;
  return current.length > 1 && !/\s/u.test(last) && startsWithLabel(`${last} ${text}`) ? 'carry' : 'join';
}

function pushLayoutCell(out: Paragraph[], cellLines: MappedText[]): void {
  let current: MappedText[] = [];
  /** Ends the open paragraph; its last `keep` lines stay open as the start of the next one. */
  const flush = (keep = 0): void => {
    const done = current.slice(0, current.length - keep);
    if (done.length) out.push({ m: join(done, ' '), emphasized: false });
    current = current.slice(current.length - keep);
  };
  for (const l of cellLines) {
    const m = trim(stripMarks(l));
    if (!m.text.length || /^#+$/u.test(m.text)) continue;
    if (/^[-–—_=]{3,}$/u.test(m.text)) {
      // a rule ("-------" under the issuer's name) ends the lines above it
      flush();
      continue;
    }
    const how = current.length ? joining(current, m.text) : 'join';
    if (how !== 'join') flush(how === 'carry' ? 1 : 0);
    current.push(m);
  }
  flush();
}

const TERMINAL_RE = /[.;:!?…)\]”"]$/u;
const LOWER_START_RE = /^[\p{Ll}]/u;
const DIGIT_START_RE = /^\p{N}/u;

/** Takes footnotes and page numbers out of the flow and joins sentences broken by page breaks. */
function settle(paras: Paragraph[], deadline: Deadline = NO_DEADLINE): Flow {
  const footnotes: Paragraph[] = [];
  const flow: Paragraph[] = [];
  // Sentences cut by page breaks are gathered as parts and joined once (joining pairwise is quadratic).
  let parts: MappedText[] = [];
  let partsText = '';
  const settleLast = (): void => {
    const last = flow[flow.length - 1];
    if (last && parts.length > 1) flow[flow.length - 1] = { m: join(parts, ' '), emphasized: last.emphasized };
    parts = [];
    partsText = '';
  };
  for (const p of paras) {
    deadline.tick('joining paragraphs');
    if (!p.cells) {
      if (FOOTNOTE.test(p.m.text)) {
        footnotes.push(p);
        continue;
      }
      if (PAGE_NUMBER.test(p.m.text)) continue;
    } else if (p.cells.every((c) => c.text === '' || TABLE_RULE.test(c.text))) continue;
    const prev = flow[flow.length - 1];
    // The joined text so far, as `continues` reads it: its start (first part) and its end (last part).
    const prevText = parts.length > 1 ? `${parts[0]!.text.slice(0, 64)} ${partsText}` : (prev?.m.text ?? '');
    if (prev && !prev.cells && !p.cells && continues(prevText, p.m.text)) {
      if (parts.length === 0) {
        parts = [prev.m];
        partsText = prev.m.text;
      }
      parts.push(p.m);
      partsText = p.m.text;
      flow[flow.length - 1] = { m: prev.m, emphasized: prev.emphasized && p.emphasized };
      continue;
    }
    settleLast();
    flow.push(p);
  }
  settleLast();
  return { paragraphs: flow, footnotes };
}

/** The end of the lines gathered so far, as `wrapsReference` reads it (the last line and the one before). */
function tailOf(lines: readonly MappedText[]): string {
  const last = lines[lines.length - 1]!.text;
  return lines.length > 1 ? `${lines[lines.length - 2]!.text.slice(-40)} ${last}` : last;
}

/**
 * True when `next`, though it starts like a label, goes on with a reference cut at the end of
 * `prev`: "… tại khoản 2 Điều" + "35 Luật …", "**PHẦN" + "I. DANH MỤC …", "… XI.23, XI.24," + "XI.25, XI.26 của mục 1 …",
 * "… Mã TTHC" + "1.004082" (a procedure's code).
 */
function wrapsReference(prev: string, next: string): boolean {
  if (WRAPS.numberWordEnd.test(prev)) return WRAPS.numberStart.test(next);
  if (WRAPS.codeWordEnd.test(prev)) return WRAPS.procedureCode.test(next);
  return WRAPS.referenceList.test(next) && !TERMINAL_RE.test(prev);
}

/** True when `next` continues the sentence `prev` was cut in ("Nghị quyết số" + "02/NQ-CP …"). */
export function continues(prev: string, next: string): boolean {
  if (wrapsReference(prev, next)) return true;
  if (LOWER_START_RE.test(next)) return !startsWithLabel(next) && !ZONES.recipients.test(prev);
  if (DIGIT_START_RE.test(next) && !startsWithLabel(next) && !PAGE_NUMBER.test(next)) return !TERMINAL_RE.test(prev);
  return false;
}
