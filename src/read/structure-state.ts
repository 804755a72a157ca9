/**
 * The reading state of the structure stage and the moves on it: open a clause under the right
 * parent, put a table's rows into the tree, start an appendix, keep a block out of the tree.
 * The zone readers (structure-zones.ts) decide which move a paragraph makes.
 */
import { join, spanOf, type MappedText } from '../text/mapped-text.js';
import { namedCells, rowText, TableReader, type TableRow } from './tables.js';
import { RANK, type Labelled } from './structure-labels.js';
import type { Block, ClauseKind, TableCell, Warning, Zone } from '../types.js';

/** A clause of the tree before ids and comparison forms are given. */
export interface Node {
  kind: ClauseKind;
  label: string | null;
  /** Nesting rank: a node nests under the nearest open node of lower rank. */
  rank: number;
  m: MappedText;
  zone: Zone;
  cells?: TableCell[];
  children: Node[];
  /** Filled when ids are assigned. */
  id: string;
}

/** What the structure stage produces. */
export interface Structure {
  clauses: Node[];
  header: Array<Block & { m: MappedText }>;
  preamble: Array<Block & { m: MappedText }>;
  closing: Array<Block & { m: MappedText }>;
  footnotes: Array<Block & { m: MappedText }>;
  /** Page furniture of a legal-information site (banner, metadata table, footer), kept out of the tree. */
  furniture: Array<Block & { m: MappedText }>;
  warnings: Warning[];
}

/** The layout zone a paragraph is read in; the header and title zones share a reader. */
export type ZoneState = 'header' | 'title' | 'preamble' | 'decision' | 'body' | 'closing' | 'appendix';

/** What the structure stage knows while the paragraphs go by, shared by the zone readers. */
export interface Reading {
  /** What is being built: the clause tree and the blocks kept out of it. */
  out: Structure;
  /** The zone the next paragraph is read in. */
  state: ZoneState;
  /** The open clauses, outermost first: a new clause nests under the last one of lower rank. */
  stack: Node[];
  /** The table being read; its rows go into the tree when it ends. */
  table: TableReader | null;
  /** Where the rows of that table go (null: the top level). */
  tableParent: Node | null;
  /** The appendix being read, if any. */
  appendix: Node | null;
  /** The appendix title lines read so far, joined once when the title is complete (pairwise joins are quadratic). */
  titleLines: MappedText[];
  /** The document type word ("KẾ HOẠCH", "QUYẾT ĐỊNH") has been read. */
  sawType: boolean;
  /** The type word stood alone on its line, so the next paragraph is the subject. */
  expectSubject: boolean;
  /** The body closed with "./.": an unlabelled heading after it titles an appendix. */
  bodyEnded: boolean;
  /** The document is a letter ("Kính gửi: …"): its unnumbered paragraphs are clauses. */
  letter: boolean;
  /** The addressee list of a letter is being read. */
  addressee: boolean;
}

/** The state before the first paragraph: in the header, nothing read. */
export function newReading(): Reading {
  return {
    out: { clauses: [], header: [], preamble: [], closing: [], footnotes: [], furniture: [], warnings: [] },
    state: 'header',
    stack: [],
    table: null,
    tableParent: null,
    appendix: null,
    titleLines: [],
    sawType: false,
    expectSubject: false,
    bodyEnded: false,
    letter: false,
    addressee: false,
  };
}

/** Keeps a paragraph out of the tree as a block of the given zone and role ("header.3", "closing.1"). */
export function addBlock(list: Array<Block & { m: MappedText }>, prefix: string, zone: Zone, role: string, m: MappedText): void {
  list.push({ id: `${prefix}.${list.length + 1}`, zone, role, text: m.text, span: spanOf(m), m });
}

/** Puts the rows of the table being read under its parent (or at the top level). */
export function flushTable(r: Reading): void {
  if (!r.table) return;
  const host = r.tableParent;
  const nodes = r.table.rows.map((row) => rowNode(row, host ? host.zone : 'appendix'));
  const into = host ? host.children : r.out.clauses;
  for (const n of nodes) into.push(n); // a loop, not push(...nodes): a table may have 100,000 rows
  r.table = null;
  r.tableParent = null;
}

/** Opens a clause: it nests under the nearest open clause of lower rank (never under a leaf). */
export function pushNode(r: Reading, node: Node): void {
  flushTable(r);
  const stack = r.stack;
  while (stack.length && (stack[stack.length - 1]!.rank >= node.rank || stack[stack.length - 1]!.rank === RANK.leaf)) stack.pop();
  const parent = stack[stack.length - 1];
  if (parent) parent.children.push(node);
  else r.out.clauses.push(node);
  stack.push(node);
}

/** Joins the appendix title lines read so far onto the appendix's title. */
export function settleTitle(r: Reading): void {
  if (r.appendix && r.titleLines.length > 0) r.appendix.m = join(r.appendix.m.text ? [r.appendix.m, ...r.titleLines] : r.titleLines, ' ');
  r.titleLines = [];
}

/** Opens an appendix at the top level with the given title; the clauses after it nest in it. */
export function startAppendix(r: Reading, title: MappedText): void {
  settleTitle(r);
  flushTable(r);
  r.appendix = { kind: 'appendix', label: null, rank: RANK.appendix, m: title, zone: 'appendix', children: [], id: '' };
  r.out.clauses.push(r.appendix);
  r.stack = [r.appendix];
  r.state = 'appendix';
  r.bodyEnded = false;
}

/** Takes a node out of the tree, wherever it is. */
export function removeNode(list: Node[], node: Node): boolean {
  const k = list.indexOf(node);
  if (k >= 0) {
    list.splice(k, 1);
    return true;
  }
  return list.some((n) => removeNode(n.children, node));
}

/** The clause a labelled paragraph opens. */
export function labelledNode(lab: Labelled, zone: Zone): Node {
  return { kind: lab.kind, label: lab.label, rank: lab.rank, m: lab.rest, zone, children: [], id: '' };
}

/** An unlabelled paragraph or heading: a leaf, nothing nests under it. */
export function leafNode(kind: 'paragraph' | 'heading', m: MappedText, zone: Zone): Node {
  return { kind, label: null, rank: RANK.leaf, m, zone, children: [], id: '' };
}

function rowNode(row: TableRow, zone: Zone): Node {
  return {
    kind: row.kind,
    label: row.label,
    rank: RANK.leaf,
    m: rowText(row),
    zone,
    cells: namedCells(row),
    children: row.children.map((r) => rowNode(r, zone)),
    id: '',
  };
}

