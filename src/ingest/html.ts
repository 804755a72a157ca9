/**
 * .html → text. htmlparser2's tokenizer (in Node and in the browser alike, so both give the
 * same text; every HTML5 entity through `entities`), events rather than a DOM: block elements end paragraphs, <br> breaks a line, list items get visible labels
 * ("-" for <ul>, "1." / "a)" / "I." for <ol>), table rows become tab-separated lines (colspan
 * padded, rowspan repeated, nested tables flattened into their cell), and script/style are dropped.
 */
import type { Warning } from '../types.js';
import { renderBlocks, type TextBlock } from './blocks.js';
import { decodeText, type TextEncoding } from './decode.js';
import { formatNumber } from './docx-numbering.js';
import { Parser } from 'htmlparser2';
import { IngestError } from './errors.js';
import { DEFAULT_LIMITS, Deadline, formatBytes } from './limits.js';
import { HTML_CHARSET_RE, HTML_SPACE_RE, XML_TAG_RE as HTML_TAG_RE } from './patterns.js';

/** Elements that end the current paragraph. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote',
  'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'pre', 'hr', 'caption',
  'center', 'address', 'figure', 'figcaption', 'form', 'fieldset', 'legend', 'body', 'html', 'title',
]);

/** Elements whose content is never text. */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'object', 'iframe', 'select']);

/** Elements an HTML page may nest before we refuse it: the parser's stack work grows with the depth
 * at every tag (a page of 200,000 unclosed <div> would take minutes); real pages nest a few dozen. */
export const MAX_HTML_DEPTH = 4000;

/** Elements never pushed on the stack (void), or closed by their next sibling (so unclosed ones do not nest). */
const FLAT_TAGS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'rb', 'rt', 'rp',
]);

/** How deep the elements of a page nest, by a linear scan of its tags (an estimate: it only guards the parser). */
export function htmlNesting(html: string): number {
  let depth = 0;
  let deepest = 0;
  HTML_TAG_RE.lastIndex = 0;
  for (let m = HTML_TAG_RE.exec(html); m; m = HTML_TAG_RE.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (FLAT_TAGS.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > deepest) deepest = depth;
  }
  return deepest;
}

/** Nesting of tables kept apart; deeper tables are flattened like any other cell text. */
const MAX_TABLE_DEPTH = 32;

interface Cell {
  text: string;
  colspan: number;
  rowspan: number;
}

interface Table {
  rows: Cell[][];
  row: Cell[] | null;
  cell: Cell | null;
}

interface List {
  ordered: boolean;
  type: string;
  next: number;
}

/** Reads the charset an HTML file declares in its head (ASCII-compatible scan of the first 4 KB). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) head += String.fromCharCode(bytes[i]!);
  return HTML_CHARSET_RE.exec(head)?.[1];
}

export function readHtml(bytes: Uint8Array, deadline: Deadline): { text: string; encoding: TextEncoding; warnings: Warning[] } {
  const charset = declaredCharset(bytes);
  const decoded = decodeText(bytes, charset ? { declared: charset } : {});
  return { text: htmlToText(decoded.text, deadline), encoding: decoded.encoding, warnings: decoded.warnings };
}

/** What bounds the reading of one page. */
export interface HtmlBudget {
  /** The file's time budget. */
  deadline?: Deadline;
  /** Most characters the expanded tables may produce (rowspan repeats text; nested tables multiply it). */
  maxTextChars?: number;
}

/** HTML source → the parser's text. htmlparser2 tokenizes (and closes what HTML leaves implied); we lay out blocks. */
export function htmlToText(html: string, budget: Deadline | HtmlBudget = {}): string {
  const { deadline, maxTextChars = DEFAULT_LIMITS.maxTextChars } = budget instanceof Deadline ? { deadline: budget } : budget;
  if (htmlNesting(html) > MAX_HTML_DEPTH) {
    throw new IngestError('limits', `nests HTML elements more than ${MAX_HTML_DEPTH} deep (real pages nest a few dozen); refusing it`);
  }
  const blocks: TextBlock[] = [];
  const tables: Table[] = [];
  const lists: List[] = [];
  let tableCount = 0;
  const tableIds: number[] = [];
  let para = '';
  let skipping = 0;
  let ignoredTables = 0;
  let pre = 0;
  let events = 0;
  let expanded = 0;

  const spend = (chars: number): void => {
    expanded += chars;
    if (expanded > maxTextChars) {
      throw new IngestError('limits', `expands to more than ${formatBytes(maxTextChars)} of text (table cells repeated by rowspan); refusing it`);
    }
  };
  const append = (text: string) => {
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.text += text;
    else if (table && tables.length > 0) return; // stray text between cells
    else para += text;
  };
  const endParagraph = () => {
    const table = tables[tables.length - 1];
    if (table?.cell) {
      table.cell.text += ' ';
      return;
    }
    if (para.trim() !== '') blocks.push({ kind: 'paragraph', text: para });
    para = '';
  };
  const closeCell = (table: Table) => {
    if (table.cell && table.row) table.row.push(table.cell);
    table.cell = null;
  };
  const closeRow = (table: Table) => {
    closeCell(table);
    if (table.row) table.rows.push(table.row);
    table.row = null;
  };
  const closeTable = () => {
    const table = tables.pop();
    if (!table) return;
    closeRow(table);
    const id = tableIds.pop() ?? 0;
    const rows = expandSpans(table.rows, spend);
    const outer = tables[tables.length - 1];
    if (outer?.cell) {
      const flat = rows.map((r) => r.filter((c) => c.trim() !== '').join(' ')).join('; ');
      spend(flat.length);
      outer.cell.text += ` ${flat} `;
    } else if (rows.every((r) => r.filter((c) => c.trim() !== '').length <= 1)) {
      for (const r of rows) blocks.push({ kind: 'paragraph', text: r.join(' ') });
    } else {
      for (const cells of rows) blocks.push({ kind: 'row', table: id, cells });
    }
  };

  const open = (name: string, attrs: Record<string, string>): void => {
    if (skipping > 0 || SKIPPED_TAGS.has(name)) {
      skipping += 1;
      return;
    }
    if (name === 'br') return append('\n');
    if (name === 'table') {
      if (tables.length >= MAX_TABLE_DEPTH) ignoredTables += 1;
      else {
        if (tables.length === 0) endParagraph();
        tables.push({ rows: [], row: null, cell: null });
        tableIds.push(tableCount++);
      }
      return;
    }
    const table = tables[tables.length - 1];
    if (table && name === 'tr') {
      closeRow(table);
      table.row = [];
      return;
    }
    if (table && (name === 'td' || name === 'th')) {
      closeCell(table);
      table.row ??= [];
      table.cell = { text: '', colspan: spanOf(attrs['colspan']), rowspan: spanOf(attrs['rowspan']) };
      return;
    }
    if (name === 'ul' || name === 'ol') {
      endParagraph();
      lists.push({ ordered: name === 'ol', type: attrs['type'] ?? '1', next: Number(attrs['start'] ?? 1) || 1 });
      return;
    }
    if (name === 'li') {
      endParagraph();
      const list = lists[lists.length - 1];
      const value = Number(attrs['value'] ?? NaN);
      if (list && Number.isFinite(value)) list.next = value;
      append(`${listLabel(list)} `);
      if (list) list.next += 1;
      return;
    }
    if (name === 'pre') pre += 1;
    if (BLOCK_TAGS.has(name)) endParagraph();
  };

  const close = (name: string): void => {
    if (skipping > 0) {
      skipping -= 1;
      return;
    }
    if (name === 'br') return;
    if (name === 'table') {
      if (ignoredTables > 0) ignoredTables -= 1;
      else closeTable();
      return;
    }
    const table = tables[tables.length - 1];
    if (table && name === 'tr') return closeRow(table);
    if (table && (name === 'td' || name === 'th')) return closeCell(table);
    if (name === 'ul' || name === 'ol') {
      endParagraph();
      lists.pop();
      return;
    }
    if (name === 'li') return endParagraph();
    if (name === 'pre') pre = Math.max(0, pre - 1);
    if (BLOCK_TAGS.has(name)) endParagraph();
  };

  const parser = new Parser(
    {
      onopentag: (name, attrs) => {
        if (deadline && ++events % 4096 === 0) deadline.check('reading HTML');
        open(name, attrs);
      },
      onclosetag: (name) => close(name),
      ontext: (text) => {
        if (skipping > 0) return;
        append(pre > 0 ? text : text.replace(HTML_SPACE_RE, ' '));
      },
      oncdatastart: () => undefined,
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.end(html);
  while (tables.length > 0) closeTable();
  endParagraph();
  return renderBlocks(blocks);
}

function spanOf(value: string | undefined): number {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 64) : 1;
}

/** The visible label of a list item: "-" in <ul>, "1." / "a)" / "A." / "I." / "i." in <ol>. */
function listLabel(list: List | undefined): string {
  if (!list || !list.ordered) return '-';
  switch (list.type) {
    case 'a':
      return `${formatNumber(list.next, 'lowerLetter')})`;
    case 'A':
      return `${formatNumber(list.next, 'upperLetter')}.`;
    case 'i':
      return `${formatNumber(list.next, 'lowerRoman')}.`;
    case 'I':
      return `${formatNumber(list.next, 'upperRoman')}.`;
    default:
      return `${list.next}.`;
  }
}

/** Lays cells onto a grid: colspan pads with empty cells, rowspan repeats the text in the rows below. */
function expandSpans(rows: Cell[][], spend: (chars: number) => void): string[][] {
  const pending = new Map<number, { text: string; left: number }>();
  const out: string[][] = [];
  for (const row of rows.slice(0, 100_000)) {
    const cells: string[] = [];
    const fillPending = () => {
      for (let p = pending.get(cells.length); p; p = pending.get(cells.length)) {
        spend(p.text.length + 1);
        cells.push(p.text);
        if (--p.left === 0) pending.delete(cells.length - 1);
      }
    };
    for (const cell of row) {
      fillPending();
      const text = cell.text.replace(HTML_SPACE_RE, ' ').trim();
      spend(text.length + cell.colspan);
      if (cell.rowspan > 1) pending.set(cells.length, { text, left: cell.rowspan - 1 });
      cells.push(text);
      for (let i = 1; i < cell.colspan; i++) cells.push('');
    }
    fillPending();
    out.push(cells);
  }
  return out;
}
