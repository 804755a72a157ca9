/**
 * Lays out the events of an HTML page as text blocks: block elements end paragraphs, <br> breaks
 * a line, list items get visible labels ("-" for <ul>, "1." / "a)" / "I." for <ol>), table rows
 * become tab-separated rows (colspan padded, rowspan repeated, nested tables flattened into their
 * cell), and script/style are dropped. html.ts feeds it the parser's open, close and text events.
 */
import { renderBlocks, type TextBlock } from './blocks.js';
import { formatNumber } from './docx-numbering.js';
import { IngestError } from './errors.js';
import { formatBytes } from './limits.js';
import { HTML_SPACE_RE } from './patterns.js';

/** Elements that end the current paragraph. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote',
  'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'pre', 'hr', 'caption',
  'center', 'address', 'figure', 'figcaption', 'form', 'fieldset', 'legend', 'body', 'html', 'title',
]);

/** Elements whose content is never text. */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'object', 'iframe', 'select']);

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

/** The text blocks of one page, built event by event. */
export class HtmlLayout {
  private readonly blocks: TextBlock[] = [];
  /** Open tables, outermost first. */
  private readonly tables: Table[] = [];
  /** The block-level table number of each open table. */
  private readonly tableIds: number[] = [];
  private tableCount = 0;
  /** Open tables past MAX_TABLE_DEPTH, read as cell text. */
  private ignoredTables = 0;
  /** Open lists, outermost first. */
  private readonly lists: List[] = [];
  /** The paragraph being read outside tables. */
  private para = '';
  /** Depth inside elements whose content is skipped. */
  private skipping = 0;
  /** Depth inside <pre>, where white space is kept. */
  private pre = 0;
  /** Characters the expanded tables have produced so far. */
  private expanded = 0;

  /** Most characters the expanded tables may produce (rowspan repeats text; nested tables multiply it). */
  private readonly maxTextChars: number;

  constructor(maxTextChars: number) {
    this.maxTextChars = maxTextChars;
  }

  /** An element opens. */
  open(name: string, attrs: Record<string, string>): void {
    if (this.skipping > 0 || SKIPPED_TAGS.has(name)) {
      this.skipping += 1;
      return;
    }
    if (name === 'br') return this.append('\n');
    if (name === 'table') return this.openTable();
    const table = this.tables[this.tables.length - 1];
    if (table && name === 'tr') {
      this.closeRow(table);
      table.row = [];
      return;
    }
    if (table && (name === 'td' || name === 'th')) {
      this.closeCell(table);
      table.row ??= [];
      table.cell = { text: '', colspan: spanOf(attrs['colspan']), rowspan: spanOf(attrs['rowspan']) };
      return;
    }
    if (name === 'ul' || name === 'ol') {
      this.endParagraph();
      this.lists.push({ ordered: name === 'ol', type: attrs['type'] ?? '1', next: Number(attrs['start'] ?? 1) || 1 });
      return;
    }
    if (name === 'li') return this.openListItem(attrs);
    if (name === 'pre') this.pre += 1;
    if (BLOCK_TAGS.has(name)) this.endParagraph();
  }

  /** An element closes. */
  close(name: string): void {
    if (this.skipping > 0) {
      this.skipping -= 1;
      return;
    }
    if (name === 'br') return;
    if (name === 'table') {
      if (this.ignoredTables > 0) this.ignoredTables -= 1;
      else this.closeTable();
      return;
    }
    const table = this.tables[this.tables.length - 1];
    if (table && name === 'tr') return this.closeRow(table);
    if (table && (name === 'td' || name === 'th')) return this.closeCell(table);
    if (name === 'ul' || name === 'ol') {
      this.endParagraph();
      this.lists.pop();
      return;
    }
    if (name === 'li') return this.endParagraph();
    if (name === 'pre') this.pre = Math.max(0, this.pre - 1);
    if (BLOCK_TAGS.has(name)) this.endParagraph();
  }

  /** Text between tags: runs of white space become one space, except in <pre>. */
  text(text: string): void {
    if (this.skipping > 0) return;
    this.append(this.pre > 0 ? text : text.replace(HTML_SPACE_RE, ' '));
  }

  /** After the last event: what is still open is closed, and the blocks are rendered as text. */
  finish(): string {
    while (this.tables.length > 0) this.closeTable();
    this.endParagraph();
    return renderBlocks(this.blocks);
  }

  private openTable(): void {
    if (this.tables.length >= MAX_TABLE_DEPTH) this.ignoredTables += 1;
    else {
      if (this.tables.length === 0) this.endParagraph();
      this.tables.push({ rows: [], row: null, cell: null });
      this.tableIds.push(this.tableCount++);
    }
  }

  /** A list item starts a paragraph with its label; a value="…" renumbers it. */
  private openListItem(attrs: Record<string, string>): void {
    this.endParagraph();
    const list = this.lists[this.lists.length - 1];
    const value = Number(attrs['value'] ?? NaN);
    if (list && Number.isFinite(value)) list.next = value;
    this.append(`${listLabel(list)} `);
    if (list) list.next += 1;
  }

  private spend(chars: number): void {
    this.expanded += chars;
    if (this.expanded > this.maxTextChars) {
      throw new IngestError('limits', `expands to more than ${formatBytes(this.maxTextChars)} of text (table cells repeated by rowspan); refusing it`);
    }
  }

  /** Text goes to the open cell, or to the paragraph outside tables; stray text between cells is dropped. */
  private append(text: string): void {
    const table = this.tables[this.tables.length - 1];
    if (table?.cell) table.cell.text += text;
    else if (table && this.tables.length > 0) return; // stray text between cells
    else this.para += text;
  }

  /** Ends the paragraph outside tables (inside a cell, a paragraph end is a space). */
  private endParagraph(): void {
    const table = this.tables[this.tables.length - 1];
    if (table?.cell) {
      table.cell.text += ' ';
      return;
    }
    if (this.para.trim() !== '') this.blocks.push({ kind: 'paragraph', text: this.para });
    this.para = '';
  }

  private closeCell(table: Table): void {
    if (table.cell && table.row) table.row.push(table.cell);
    table.cell = null;
  }

  private closeRow(table: Table): void {
    this.closeCell(table);
    if (table.row) table.rows.push(table.row);
    table.row = null;
  }

  /** A table ends: flattened into the outer cell, as paragraphs when it has one column, else as tab rows. */
  private closeTable(): void {
    const table = this.tables.pop();
    if (!table) return;
    this.closeRow(table);
    const id = this.tableIds.pop() ?? 0;
    const rows = expandSpans(table.rows, (chars) => this.spend(chars));
    const outer = this.tables[this.tables.length - 1];
    if (outer?.cell) {
      const flat = rows.map((r) => r.filter((c) => c.trim() !== '').join(' ')).join('; ');
      this.spend(flat.length);
      outer.cell.text += ` ${flat} `;
    } else if (rows.every((r) => r.filter((c) => c.trim() !== '').length <= 1)) {
      for (const r of rows) this.blocks.push({ kind: 'paragraph', text: r.join(' ') });
    } else {
      for (const cells of rows) this.blocks.push({ kind: 'row', table: id, cells });
    }
  }
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
