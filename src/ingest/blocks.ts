/**
 * The text every binary reader (.docx, .pdf, .html) produces, in the shape the structure parser
 * reads: paragraphs separated by blank lines, list labels written out ("1.", "a)", "-"), table
 * rows as tab-separated lines (one row a line, a table's rows on consecutive lines), and
 * footnotes at the end as "¹ text" paragraphs.
 */
import { CELL_BREAK_RE, SPACE_RUN_RE } from './patterns.js';

/** One unit of extracted text. */
export type TextBlock =
  | {
      kind: 'paragraph';
      /** The paragraph with its visible label; soft line breaks kept as "\n". */
      text: string;
    }
  | {
      kind: 'row';
      /** Which table the row belongs to (rows of one table are printed together). */
      table: number;
      /** Cell texts, one per grid column. */
      cells: string[];
    };

/** A footnote or endnote, printed after the body. */
export interface Footnote {
  /** The marker as printed in the text: "¹", "²", "¹⁰". */
  label: string;
  text: string;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 12 → "¹²". */
export function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);
}

/** "1 2" → "¹ ²": digits of a run set in superscript. */
export function superscriptDigits(s: string): string {
  return s.replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);
}

/** Collapses runs of spaces inside a paragraph line and trims each line. */
export function cleanParagraph(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(SPACE_RUN_RE, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A table cell on one line: breaks and tabs become spaces. */
export function cleanCell(text: string): string {
  return text.replace(CELL_BREAK_RE, ' ').replace(SPACE_RUN_RE, ' ').trim();
}

/** Renders blocks and footnotes as the parser's text. */
export function renderBlocks(blocks: readonly TextBlock[], footnotes: readonly Footnote[] = []): string {
  const out: string[] = [];
  let table = -1;
  let rows: string[] = [];
  const flushRows = () => {
    if (rows.length > 0) out.push(rows.join('\n'));
    rows = [];
    table = -1;
  };
  for (const block of blocks) {
    if (block.kind === 'row') {
      const cells = block.cells.map(cleanCell);
      if (cells.every((c) => c === '')) continue;
      if (block.table !== table) flushRows();
      table = block.table;
      rows.push(cells.join('\t'));
      continue;
    }
    flushRows();
    const text = cleanParagraph(block.text);
    if (text !== '') out.push(text);
  }
  flushRows();
  for (const note of footnotes) {
    const text = cleanParagraph(note.text).replace(/\n/g, ' ');
    out.push(`${note.label} ${text}`.trim());
  }
  return out.length === 0 ? '' : `${out.join('\n\n')}\n`;
}
