/**
 * .docx → text. A small OOXML reader: fflate unzips the few parts we need, a DOMParser reads
 * them, and we walk the body ourselves so that Word's automatic list labels ("1.", "a)", "-"),
 * which live in numbering.xml and not in the text, come out as the visible labels the structure
 * parser needs. Tables with borders become tab rows (merged cells kept in their columns);
 * borderless layout tables (the issuer/motto header, the signature block) become paragraphs;
 * footnotes are marked "¹" in the text and printed at the end.
 */
import type { Warning } from '../types.js';
import { renderBlocks, superscript, superscriptDigits, type Footnote, type TextBlock } from './blocks.js';
import { Numbering, numPrOf, type LetterSequence } from './docx-numbering.js';
import { IngestError } from './errors.js';
import { DIGITS_ONLY_RE, DOCX_PART_RE } from './patterns.js';
import { formatBytes, type Deadline, type IngestLimits } from './limits.js';
import { readZip } from './zip.js';
import {
  attr,
  child,
  childElements,
  children,
  descendants,
  documentElement,
  isOn,
  localName,
  parseXml,
  path,
  textOf,
  type XmlDocument as Document,
  type XmlElement as Element,
} from './xml.js';

export interface DocxOptions {
  /** How lowerLetter lists count: a b c d đ e … (default) or Word's Latin a b c d e. */
  letters?: LetterSequence;
}

/** Nesting deeper than this (tables in tables, content controls in content controls) is read as plain text. */
const MAX_DEPTH = 24;


interface StyleInfo {
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
  hidden: boolean;
  caps: boolean;
  borders: boolean;
}

interface Context {
  numbering: Numbering;
  styles: Map<string, StyleInfo>;
  blocks: TextBlock[];
  notes: Array<{ kind: 'footnote' | 'endnote'; id: string; label: string }>;
  tables: number;
  warnings: Map<string, Warning>;
  deadline: Deadline;
  paragraphs: number;
  /** Characters of text produced so far, against `maxTextChars`. */
  chars: number;
  maxTextChars: number;
  /** Footnote labels already given, by kind and id (a note referenced twice is printed once). */
  noteLabels: Map<string, string>;
}

export async function readDocx(
  bytes: Uint8Array,
  limits: IngestLimits,
  deadline: Deadline,
  options: DocxOptions = {},
): Promise<{ text: string; warnings: Warning[] }> {
  const zip = readZip(bytes, (name) => DOCX_PART_RE.test(name), limits.maxUncompressedBytes, deadline);
  const mainPart = await findMainPart(zip.parts);
  const main = zip.parts.get(mainPart);
  if (!main) throw notWord(zip.names);
  deadline.check('unzipping the .docx');

  const rels = await readRels(zip.parts, relsPathOf(mainPart));
  const partOf = (type: string, fallback: string) => {
    const target = rels.get(type);
    return target ? resolvePart(mainPart, target) : fallback;
  };
  const optional = async (part: string) => {
    const data = zip.parts.get(part);
    return data ? parseXml(data, part) : null;
  };
  const [doc, stylesDoc, numberingDoc, footnotesDoc, endnotesDoc] = await Promise.all([
    parseXml(main, mainPart),
    optional(partOf('styles', 'word/styles.xml')),
    optional(partOf('numbering', 'word/numbering.xml')),
    optional(partOf('footnotes', 'word/footnotes.xml')),
    optional(partOf('endnotes', 'word/endnotes.xml')),
  ]);
  deadline.check('parsing the .docx XML');

  const styles = readStyles(stylesDoc);
  const styleNum = (id: string) => styleChain(styles, id, (s) => s.numId);
  const ctx: Context = {
    numbering: new Numbering(numberingDoc, styleNum, { letters: options.letters ?? 'vietnamese' }),
    styles,
    blocks: [],
    notes: [],
    tables: 0,
    warnings: new Map(),
    deadline,
    paragraphs: 0,
    chars: 0,
    maxTextChars: limits.maxTextChars,
    noteLabels: new Map(),
  };
  const body = path(documentElement(doc), 'body');
  if (!body) throw new IngestError('corrupt', `has no document body in ${mainPart}`);
  walkBlocks(body, ctx, 0);
  ctx.blocks = tabStopRows(ctx.blocks, () => ctx.tables++);

  const footnotes = collectNotes(ctx, footnotesDoc, endnotesDoc);
  const text = renderBlocks(ctx.blocks, footnotes);
  if (text.trim() === '') throw new IngestError('empty', 'has no text (a .docx with only images or empty paragraphs?)');
  return { text, warnings: [...ctx.warnings.values()] };
}

function notWord(names: string[]): IngestError {
  if (names.includes('content.xml') || names.includes('mimetype')) {
    return new IngestError('unsupported', 'is an OpenDocument file (.odt), not a .docx; save it as .docx');
  }
  if (names.some((n) => n.startsWith('xl/'))) return new IngestError('unsupported', 'is an Excel workbook (.xlsx), not a Word document');
  if (names.some((n) => n.startsWith('ppt/'))) return new IngestError('unsupported', 'is a PowerPoint file (.pptx), not a Word document');
  return new IngestError('corrupt', 'is a zip archive without a Word document inside (no word/document.xml)');
}

async function findMainPart(parts: Map<string, Uint8Array>): Promise<string> {
  const rels = await readRels(parts, '_rels/.rels');
  const target = rels.get('officeDocument');
  const candidate = target ? target.replace(/^\//, '') : 'word/document.xml';
  return parts.has(candidate) ? candidate : 'word/document.xml';
}

/** Relationships of a part, by the last segment of their type ("styles", "numbering", "footnotes"). */
async function readRels(parts: Map<string, Uint8Array>, relsPath: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const data = parts.get(relsPath);
  if (!data) return out;
  const doc = await parseXml(data, relsPath);
  for (const rel of children(documentElement(doc), 'Relationship')) {
    const type = attr(rel, 'Type')?.split('/').pop();
    const target = attr(rel, 'Target');
    if (type && target && attr(rel, 'TargetMode') !== 'External') out.set(type, target);
  }
  return out;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = from.slice(0, from.lastIndexOf('/') + 1).split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.') base.push(seg);
  }
  return base.join('/');
}

// ── styles ─────────────────────────────────────────────────────────────────────────────────

function readStyles(doc: Document | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!documentElement(doc)) return styles;
  for (const style of children(documentElement(doc), 'style')) {
    const id = attr(style, 'styleId');
    if (id === null) continue;
    const numPr = numPrOf(child(style, 'pPr'));
    const rPr = child(style, 'rPr');
    styles.set(id, {
      basedOn: attr(child(style, 'basedOn'), 'val'),
      numId: numPr?.numId || null,
      ilvl: numPr?.ilvl ?? null,
      hidden: isOn(child(rPr, 'vanish')),
      caps: isOn(child(rPr, 'caps')),
      borders: styleHasBorders(style),
    });
  }
  return styles;
}

/** The first defined value along a style's basedOn chain. */
function styleChain<T>(styles: Map<string, StyleInfo>, id: string | null, pick: (s: StyleInfo) => T | null): T | null {
  for (let depth = 0; id !== null && depth < 16; depth++) {
    const style = styles.get(id);
    if (!style) return null;
    const value = pick(style);
    if (value !== null && value !== false) return value;
    id = style.basedOn;
  }
  return null;
}

// ── body ───────────────────────────────────────────────────────────────────────────────────

/** Adds a block, counting its characters against the text budget (merged cells and notes repeat text). */
function pushBlock(ctx: Context, block: TextBlock): void {
  ctx.chars += block.kind === 'paragraph' ? block.text.length : block.cells.reduce((n, c) => n + c.length + 1, 0);
  if (ctx.chars > ctx.maxTextChars) {
    throw new IngestError(
      'limits',
      `expands to more than ${formatBytes(ctx.maxTextChars)} of text, the text limit (merged cells and notes count each time they repeat); refusing it`,
    );
  }
  ctx.blocks.push(block);
}

function warn(ctx: Context, code: string, message: string): void {
  if (!ctx.warnings.has(code)) ctx.warnings.set(code, { code, message });
}

/** Walks a block container (body, cell, text box, content control). */
function walkBlocks(container: Element, ctx: Context, depth: number): void {
  if (depth > MAX_DEPTH) {
    warn(ctx, 'docx-deep-nesting', `Content nested more than ${MAX_DEPTH} levels deep was read as plain text.`);
    pushBlock(ctx, { kind: 'paragraph', text: textOf(container) });
    return;
  }
  for (const el of childElements(container)) {
    switch (localName(el)) {
      case 'p':
        emitParagraph(el, ctx, depth);
        break;
      case 'tbl':
        emitTable(el, ctx, depth);
        break;
      case 'sdt': {
        const content = child(el, 'sdtContent');
        if (content) walkBlocks(content, ctx, depth + 1);
        break;
      }
      case 'customXml':
      case 'ins':
      case 'moveTo':
        walkBlocks(el, ctx, depth + 1);
        break;
      case 'AlternateContent': {
        const choice = child(el, 'Choice');
        if (choice) walkBlocks(choice, ctx, depth + 1);
        break;
      }
      default:
        break; // sectPr, bookmarks, del, moveFrom, …
    }
  }
}

function emitParagraph(p: Element, ctx: Context, depth: number): void {
  if (++ctx.paragraphs % 256 === 0) ctx.deadline.check('reading .docx paragraphs');
  const pPr = child(p, 'pPr');
  const styleId = attr(child(pPr, 'pStyle'), 'val');
  const label = paragraphLabel(pPr, styleId, ctx);
  const extra: Element[] = [];
  const styleHidden = styleChain(ctx.styles, styleId, (s) => (s.hidden ? true : null)) === true;
  const text = styleHidden ? '' : inlineText(p, ctx, extra, depth);
  // leading spaces go; leading tabs stay (the empty first cells of a tab-stop row; prose trims them)
  const body = text.replace(/^ +/, '');
  if (body.trim() !== '' || (label !== null && label !== '-' && label !== '+')) {
    pushBlock(ctx, { kind: 'paragraph', text: label === null ? body : `${label} ${body}` });
  }
  for (const box of extra) walkBlocks(box, ctx, depth + 1);
}

function paragraphLabel(pPr: Element | null, styleId: string | null, ctx: Context): string | null {
  const direct = numPrOf(pPr);
  const numId = direct?.numId || styleChain(ctx.styles, styleId, (s) => s.numId);
  if (!numId || numId === '0') return null;
  const ilvl = direct?.ilvl ?? styleChain(ctx.styles, styleId, (s) => s.ilvl) ?? 0;
  if (!Number.isInteger(ilvl) || ilvl < 0 || ilvl > 8) return null;
  return ctx.numbering.next(numId, ilvl);
}

/** Inline content of a paragraph (runs, links, fields, insertions); text boxes are set aside in `extra`. */
function inlineText(el: Element, ctx: Context, extra: Element[], depth: number): string {
  let out = '';
  for (const node of childElements(el)) {
    switch (localName(node)) {
      case 'r':
        out += runText(node, ctx, extra);
        break;
      case 'hyperlink':
      case 'ins':
      case 'moveTo':
      case 'smartTag':
      case 'customXml':
      case 'fldSimple':
      case 'dir':
      case 'bdo':
        if (depth < MAX_DEPTH) out += inlineText(node, ctx, extra, depth + 1);
        break;
      case 'sdt': {
        const content = child(node, 'sdtContent');
        if (content && depth < MAX_DEPTH) out += inlineText(content, ctx, extra, depth + 1);
        break;
      }
      default:
        break; // pPr, del, moveFrom, bookmarks, proofErr, comments
    }
  }
  return out;
}

function runText(r: Element, ctx: Context, extra: Element[]): string {
  const rPr = child(r, 'rPr');
  const rStyle = attr(child(rPr, 'rStyle'), 'val');
  if (isOn(child(rPr, 'vanish')) || styleChain(ctx.styles, rStyle, (s) => (s.hidden ? true : null))) return '';
  const caps = isOn(child(rPr, 'caps')) || styleChain(ctx.styles, rStyle, (s) => (s.caps ? true : null)) === true;
  const superscripted = attr(child(rPr, 'vertAlign'), 'val') === 'superscript';
  let out = '';
  for (const node of childElements(r)) {
    switch (localName(node)) {
      case 't':
        out += textOf(node);
        break;
      case 'tab':
      case 'ptab':
        out += '\t'; // a tab stop: a column of a tab-stop table, or a space (see tabStopRows)
        break;
      case 'br':
      case 'cr':
        out += '\n';
        break;
      case 'noBreakHyphen':
        out += '-';
        break;
      case 'sym': {
        const code = parseInt(attr(node, 'char') ?? '', 16);
        if (Number.isFinite(code) && code > 0x1f && code < 0xf000) out += String.fromCharCode(code);
        break;
      }
      case 'footnoteReference':
      case 'endnoteReference': {
        const id = attr(node, 'id') ?? '';
        const kind = localName(node) === 'footnoteReference' ? 'footnote' : 'endnote';
        let label = ctx.noteLabels.get(`${kind}:${id}`);
        if (label === undefined) {
          label = superscript(ctx.notes.length + 1);
          ctx.noteLabels.set(`${kind}:${id}`, label);
          ctx.notes.push({ kind, id, label });
        }
        const custom = attr(node, 'customMarkFollows');
        if (custom !== '1' && custom !== 'true' && custom !== 'on') out += label;
        break;
      }
      case 'drawing':
      case 'pict':
      case 'object':
        extra.push(...descendants(node, 'txbxContent', 16));
        break;
      case 'AlternateContent': {
        const choice = child(node, 'Choice');
        if (choice) extra.push(...descendants(choice, 'txbxContent', 16));
        break;
      }
      default:
        break; // rPr, delText, instrText, fldChar, footnoteRef, lastRenderedPageBreak, softHyphen
    }
  }
  if (superscripted && DIGITS_ONLY_RE.test(out)) return superscriptDigits(out.trim());
  return caps ? out.toUpperCase() : out;
}

// ── tables ─────────────────────────────────────────────────────────────────────────────────

function hasBorderSide(borders: Element | null): boolean {
  if (!borders) return false;
  return childElements(borders).some((side) => {
    const val = attr(side, 'val');
    return val !== null && val !== 'nil' && val !== 'none';
  });
}

/**
 * A table style draws borders when its table, its cells or one of its conditional parts (header
 * row, banded rows…) has a border side: pandoc's "Table" style rules only under the first row
 * (`tblStylePr type="firstRow"` → `tcPr/tcBorders/bottom`), Word's "Table Grid" every side.
 */
function styleHasBorders(style: Element): boolean {
  const parts = [style, ...children(style, 'tblStylePr')];
  return parts.some((part) => hasBorderSide(path(part, 'tblPr', 'tblBorders')) || hasBorderSide(path(part, 'tcPr', 'tcBorders')));
}

/** A table whose cells show borders is a data table; a borderless one only lays text out. */
function hasVisibleBorders(tbl: Element, rows: Element[][], ctx: Context): boolean {
  const tblPr = child(tbl, 'tblPr');
  if (hasBorderSide(child(tblPr, 'tblBorders'))) return true;
  if (styleChain(ctx.styles, attr(child(tblPr, 'tblStyle'), 'val'), (s) => (s.borders ? true : null))) return true;
  return rows.slice(0, 4).some((cells) => cells.some((tc) => hasBorderSide(path(tc, 'tcPr', 'tcBorders'))));
}

/**
 * A table that repeats a header row on every page (`w:tblHeader`) and has three columns or more
 * is a data table even without borders (LibreOffice's import of an HTML table); the layout tables
 * of a plan (issuer and motto, signature) have two columns and no header row.
 */
function hasHeaderRow(trs: Element[], widest: number): boolean {
  const first = trs[0];
  return widest >= 3 && first !== undefined && isOn(path(first, 'trPr', 'tblHeader'));
}

/** Rows of a table and cells of a row, looking through content controls and custom XML wrappers (a loop: the file sets the depth). */
function unwrap(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const stack: Element[] = childElements(el).reverse();
  while (stack.length > 0) {
    const c = stack.pop()!;
    const local = localName(c);
    if (local === name) out.push(c);
    else if (local === 'sdt' || local === 'customXml') {
      const inner = childElements(local === 'sdt' ? (child(c, 'sdtContent') ?? c) : c);
      for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i]!);
    }
  }
  return out;
}

function emitTable(tbl: Element, ctx: Context, depth: number): void {
  const trs = unwrap(tbl, 'tr');
  const rows = trs.map((tr) => unwrap(tr, 'tc'));
  const widest = Math.max(0, ...rows.map((r) => r.length));
  if (widest <= 1 || !(hasVisibleBorders(tbl, rows, ctx) || hasHeaderRow(trs, widest))) {
    for (const cells of rows) for (const tc of cells) if (!isMergeContinue(tc)) walkBlocks(tc, ctx, depth + 1);
    return;
  }
  const table = ctx.tables++;
  const merged = new Map<number, string>();
  trs.forEach((tr, r) => {
    ctx.deadline.tick('reading .docx table rows');
    const cells: string[] = [];
    const before = Number(attr(path(tr, 'trPr', 'gridBefore'), 'val') ?? 0);
    for (let i = 0; i < before && i < 64; i++) cells.push('');
    for (const tc of rows[r]!) {
      const col = cells.length;
      const span = Math.min(Math.max(Number(attr(path(tc, 'tcPr', 'gridSpan'), 'val') ?? 1) || 1, 1), 64);
      let text: string;
      if (isMergeContinue(tc)) {
        text = merged.get(col) ?? '';
      } else {
        text = cellText(tc, ctx, depth);
        if (path(tc, 'tcPr', 'vMerge')) merged.set(col, text);
        else merged.delete(col);
      }
      cells.push(text);
      for (let i = 1; i < span; i++) cells.push('');
    }
    pushBlock(ctx, { kind: 'row', table, cells });
  });
}

/** A cell that continues a vertical merge (vMerge without val="restart"). */
function isMergeContinue(tc: Element): boolean {
  const vMerge = path(tc, 'tcPr', 'vMerge');
  if (!vMerge) return false;
  const val = attr(vMerge, 'val');
  return val === null || val === 'continue';
}

/** The text of one cell on one line: its paragraphs (with labels) and nested tables, flattened. */
function cellText(tc: Element, ctx: Context, depth: number): string {
  const saved = ctx.blocks;
  ctx.blocks = [];
  walkBlocks(tc, ctx, depth + 1);
  const inner = ctx.blocks;
  ctx.blocks = saved;
  const parts: string[] = [];
  let lastTable = -1;
  for (const b of inner) {
    if (b.kind === 'paragraph') parts.push(b.text);
    else {
      if (lastTable === b.table) parts.push(';');
      parts.push(b.cells.filter((c) => c.trim() !== '').join(' '));
      lastTable = b.table;
    }
  }
  return parts.join(' ').replace(/ ;/g, ';');
}

// ── tab-stop tables ─────────────────────────────────────────────────────────────────────────

/** Fewest cells of the rows that make a run a table: two of its rows have that many (a label and its
 * text are two; a form's "…, ngày⇥tháng⇥năm" line after a tabbed sentence is one row of three). */
const TAB_TABLE_MIN_CELLS = 3;

/**
 * Paragraphs laid out in columns with tab stops (LibreOffice's import of a tab-separated text,
 * a table typed with tabs) become table rows: a run of consecutive paragraphs with tabs between
 * their words, two of which have at least three cells. A lone tabbed paragraph ("Nơi
 * nhận:⇥KT. CHỦ TỊCH") or a run of two-cell lines ("a)⇥Nội dung") stays prose, tabs read as spaces.
 */
export function tabStopRows(blocks: TextBlock[], nextTable: () => number): TextBlock[] {
  const out: TextBlock[] = [];
  /** The cells of a tabbed paragraph; tabs only in front are an indent, unless the paragraph
   * continues a run of rows (a row cut by a page break: "⇥⇥⇥⇥⇥ngày 10/01/2024 của …"). */
  const cellsOf = (b: TextBlock, inRun: boolean): string[] | null => {
    if (b.kind !== 'paragraph' || b.text.includes('\n')) return null;
    const columns = b.text.replace(/^[\t ]+|[\t ]+$/g, '').includes('\t');
    if (!columns && !(inRun && b.text.startsWith('\t'))) return null;
    return b.text.replace(/^ +| +$/g, '').split('\t').map((c) => c.trim());
  };
  for (let i = 0; i < blocks.length; ) {
    const run: string[][] = [];
    for (let j = i; j < blocks.length; j++) {
      const cells = cellsOf(blocks[j]!, run.length > 0);
      if (!cells) break;
      run.push(cells);
    }
    const wide = run.filter((cells) => cells.filter((c) => c !== '').length >= TAB_TABLE_MIN_CELLS).length;
    if (run.length >= 2 && wide >= 2) {
      const table = nextTable();
      for (const cells of run) out.push({ kind: 'row', table, cells });
      i += run.length;
    } else {
      out.push(blocks[i]!);
      i += 1;
    }
  }
  return out;
}

// ── footnotes ──────────────────────────────────────────────────────────────────────────────

function collectNotes(ctx: Context, footnotes: Document | null, endnotes: Document | null): Footnote[] {
  const index = (doc: Document | null, name: string) => {
    const map = new Map<string, Element>();
    if (documentElement(doc)) for (const n of children(documentElement(doc), name)) map.set(attr(n, 'id') ?? '', n);
    return map;
  };
  const notes = { footnote: index(footnotes, 'footnote'), endnote: index(endnotes, 'endnote') };
  const out: Footnote[] = [];
  for (const ref of ctx.notes) {
    const el = notes[ref.kind].get(ref.id);
    if (!el) {
      warn(ctx, 'docx-missing-note', `A ${ref.kind} reference points to no ${ref.kind} (id ${ref.id}).`);
      continue;
    }
    const saved = ctx.blocks;
    const savedNotes = ctx.notes;
    ctx.blocks = [];
    ctx.notes = [];
    walkBlocks(el, ctx, 1);
    const text = ctx.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.cells.join(' '))).join(' ');
    ctx.blocks = saved;
    ctx.notes = savedNotes;
    out.push({ label: ref.label, text: text.trim() });
  }
  return out;
}
