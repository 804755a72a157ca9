/**
 * .html → text. A small tokenizer rather than a DOM, so that Node and the browser give the
 * same text: block elements end paragraphs, <br> breaks a line, list items get visible labels
 * ("-" for <ul>, "1." / "a)" / "I." for <ol>), table rows become tab-separated lines (colspan
 * padded, rowspan repeated, nested tables flattened into their cell), and script/style are dropped.
 */
import type { Warning } from '../types.js';
import { renderBlocks, type TextBlock } from './blocks.js';
import { decodeText, type TextEncoding } from './decode.js';
import { formatNumber } from './docx-numbering.js';
import type { Deadline } from './limits.js';
import { HTML_ATTR_RE, HTML_CHARSET_RE, HTML_ENTITY_RE, HTML_SPACE_RE, HTML_TOKEN_RE } from './patterns.js';

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

/** Named character references of Vietnamese and office HTML. */
const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', hellip: '…',
  laquo: '«', raquo: '»', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', bull: '•', middot: '·', deg: '°',
  shy: '', zwnj: '', zwj: '', ensp: ' ', emsp: ' ', thinsp: ' ', times: '×', divide: '÷', sect: '§', copy: '©',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', egrave: 'è', eacute: 'é', ecirc: 'ê', igrave: 'ì',
  iacute: 'í', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ugrave: 'ù', uacute: 'ú', yacute: 'ý',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Igrave: 'Ì',
  Iacute: 'Í', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ugrave: 'Ù', Uacute: 'Ú', Yacute: 'Ý',
};

export function decodeEntities(text: string): string {
  return text.replace(HTML_ENTITY_RE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[name!] ?? whole;
  });
}

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

/** HTML source → the parser's text. */
export function htmlToText(html: string, deadline?: Deadline): string {
  const blocks: TextBlock[] = [];
  const tables: Table[] = [];
  const lists: List[] = [];
  let tableCount = 0;
  const tableIds: number[] = [];
  let para = '';
  let skipping: string | null = null;
  let pre = 0;
  let tokens = 0;

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
    const rows = expandSpans(table.rows);
    const outer = tables[tables.length - 1];
    if (outer?.cell) {
      outer.cell.text += ` ${rows.map((r) => r.filter((c) => c.trim() !== '').join(' ')).join('; ')} `;
    } else if (rows.every((r) => r.filter((c) => c.trim() !== '').length <= 1)) {
      for (const r of rows) blocks.push({ kind: 'paragraph', text: r.join(' ') });
    } else {
      for (const cells of rows) blocks.push({ kind: 'row', table: id, cells });
    }
  };

  for (const m of html.matchAll(HTML_TOKEN_RE)) {
    if (deadline && ++tokens % 4096 === 0) deadline.check('reading HTML');
    const token = m[0];
    const name = m[2]?.toLowerCase();
    if (skipping !== null) {
      if (name === skipping && m[1] === '/') skipping = null;
      continue;
    }
    if (name === undefined) {
      if (token.startsWith('<!') || token.startsWith('<?')) {
        if (token.startsWith('<![CDATA[')) append(token.slice(9).replace(/\]\]>$/, ''));
        continue;
      }
      const text = decodeEntities(token);
      append(pre > 0 ? text : text.replace(HTML_SPACE_RE, ' '));
      continue;
    }
    const closing = m[1] === '/';
    const attrs = closing ? {} : readAttrs(m[3] ?? '');
    if (!closing && SKIPPED_TAGS.has(name) && !/\/\s*$/.test(m[3] ?? '')) {
      skipping = name;
      continue;
    }
    if (name === 'br') {
      append('\n');
      continue;
    }
    if (name === 'table') {
      if (closing) closeTable();
      else if (tables.length >= MAX_TABLE_DEPTH) continue;
      else {
        if (tables.length === 0) endParagraph();
        tables.push({ rows: [], row: null, cell: null });
        tableIds.push(tableCount++);
      }
      continue;
    }
    const table = tables[tables.length - 1];
    if (table && (name === 'tr' || name === 'td' || name === 'th')) {
      if (name === 'tr') {
        closeRow(table);
        if (!closing) table.row = [];
      } else if (closing) closeCell(table);
      else {
        closeCell(table);
        table.row ??= [];
        table.cell = { text: '', colspan: spanOf(attrs['colspan']), rowspan: spanOf(attrs['rowspan']) };
      }
      continue;
    }
    if (name === 'ul' || name === 'ol') {
      endParagraph();
      if (closing) lists.pop();
      else lists.push({ ordered: name === 'ol', type: attrs['type'] ?? '1', next: Number(attrs['start'] ?? 1) || 1 });
      continue;
    }
    if (name === 'li') {
      endParagraph();
      if (!closing) {
        const list = lists[lists.length - 1];
        const value = Number(attrs['value'] ?? NaN);
        if (list && Number.isFinite(value)) list.next = value;
        append(`${listLabel(list)} `);
        if (list) list.next += 1;
      }
      continue;
    }
    if (name === 'pre') pre += closing ? -1 : 1;
    if (BLOCK_TAGS.has(name)) endParagraph();
  }
  while (tables.length > 0) closeTable();
  endParagraph();
  return renderBlocks(blocks);
}

function readAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(HTML_ATTR_RE)) attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
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
function expandSpans(rows: Cell[][]): string[][] {
  const pending = new Map<number, { text: string; left: number }>();
  const out: string[][] = [];
  for (const row of rows.slice(0, 100_000)) {
    const cells: string[] = [];
    const fillPending = () => {
      for (let p = pending.get(cells.length); p; p = pending.get(cells.length)) {
        cells.push(p.text);
        if (--p.left === 0) pending.delete(cells.length - 1);
      }
    };
    for (const cell of row) {
      fillPending();
      const text = cell.text.replace(HTML_SPACE_RE, ' ').trim();
      if (cell.rowspan > 1) pending.set(cells.length, { text, left: cell.rowspan - 1 });
      cells.push(text);
      for (let i = 1; i < cell.colspan; i++) cells.push('');
    }
    fillPending();
    out.push(cells);
  }
  return out;
}
