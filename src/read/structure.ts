/**
 * The structure stage: paragraphs → layout zones (header, title, preamble, decision, body,
 * closing, appendix) → a clause tree with stable path ids, plus the blocks kept out of the tree.
 */
import { join, slice, spanOf, type MappedText } from '../text/mapped-text.js';
import { NO_DEADLINE, type Deadline } from '../text/deadline.js';
import { paragraphs, type Paragraph } from './paragraphs.js';
import { LABELS, SITE, ZONES } from '../patterns/structure.js';
import { namedCells, rowText, TableReader, type TableRow } from './tables.js';
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

/** Nesting ranks by label kind. Items take 2 + depth ("1." → 2, "1.1." → 3). */
const RANK = { part: 0, article: 1, section: 1, item: 2, point: 6, bullet: 7, bullet2: 8, leaf: 100 } as const;

interface Labelled {
  kind: ClauseKind;
  label: string;
  rank: number;
  rest: MappedText;
}

/** Reads the label of a paragraph, if it has one. */
export function readLabel(m: MappedText, zone: Zone): Labelled | null {
  const t = m.text;
  let x: RegExpExecArray | null;
  if (zone === 'decision' || zone === 'body' || zone === 'appendix') {
    if ((x = LABELS.article.exec(t))) return { kind: 'article', label: x[1]!.replace(/\s+/g, ' '), rank: RANK.article, rest: slice(m, x[0].length) };
  }
  if ((x = LABELS.part.exec(t))) return { kind: 'section', label: x[1]!.replace(/\s+/g, ' '), rank: RANK.part, rest: slice(m, x[0].length) };
  if ((x = LABELS.section.exec(t))) return { kind: 'section', label: x[1]!, rank: RANK.section, rest: slice(m, x[0].length) };
  if ((x = LABELS.item.exec(t))) {
    const depth = x[1]!.split('.').length;
    return { kind: 'item', label: x[1]!, rank: RANK.item + depth - 1, rest: slice(m, x[0].length) };
  }
  if ((x = LABELS.point.exec(t))) return { kind: 'point', label: x[1]!, rank: RANK.point, rest: slice(m, x[0].length) };
  if ((x = LABELS.bullet2Combined.exec(t)) || (x = LABELS.bullet2.exec(t)))
    return { kind: 'bullet', label: '+', rank: RANK.bullet2, rest: slice(m, x[0].length) };
  if ((x = LABELS.bullet.exec(t))) return { kind: 'bullet', label: '-', rank: RANK.bullet, rest: slice(m, x[0].length) };
  return null;
}

/**
 * The body of a plan opens with its first section ("I.", "Phần I", "1."); a title wrapped onto a
 * line starting with a Roman numeral ("… ĐẠI HỘI LẦN THỨ" / "XIV CỦA ĐẢNG") does not open it.
 */
function opensBody(lab: Labelled): boolean {
  if (lab.kind === 'bullet' || lab.kind === 'point') return false;
  const last = lab.label.split(/\s+/).pop() ?? '';
  return last === 'I' || last === '1';
}

const THREE_LETTERS = /\p{L}(?:[^\p{L}]*\p{L}){2}/u;

/** True for a line in capitals ("PHỤ LỤC", "UBND TỈNH KHÁNH HÒA"): at least three letters, none lower case. */
function isUpperLine(t: string): boolean {
  if (t.length > 400) return false; // headings are short; long capitals are not a heading line
  return t === t.toUpperCase() && THREE_LETTERS.test(t);
}

/** Role of a preamble paragraph. */
function preambleRole(t: string): string {
  if (ZONES.basis.test(t)) return 'basis';
  if (ZONES.implementsLine.test(t)) return 'implements';
  if (ZONES.proposal.test(t)) return 'proposal';
  return 'intro';
}

/** Role of a closing paragraph. */
function closingRole(t: string): string {
  if (ZONES.recipients.test(t)) return 'recipients';
  if (ZONES.motto.test(t)) return 'motto';
  if (ZONES.signature.test(t)) return 'signature';
  if (ZONES.issuerBlock.test(t)) return 'issuer';
  if (/^[-+]/u.test(t)) return 'recipient';
  return 'name';
}

/** Role of a header paragraph. */
function headerRole(t: string): string {
  if (/^source\s*:/iu.test(t)) return 'source'; // "# source: github.com/…" (provenance line of a scraped copy)
  if (ZONES.motto.test(t)) return 'motto';
  if (ZONES.numberLine.test(t)) return 'number';
  if (ZONES.placeDate.test(t)) return 'place-date';
  if (ZONES.annex.test(t)) return 'annex';
  if (ZONES.typeWord.test(t)) return 'type';
  if (ZONES.authority.test(t)) return 'authority';
  if (ZONES.issuerBlock.test(t)) return 'issuer';
  return 'subject';
}

/** A short proper name line under a signature: "Nguyễn Đức Sơn", "Trần Quang Tấn". */
function isPersonName(t: string): boolean {
  return /^(?:[\p{Lu}][\p{Ll}]+\s){1,4}[\p{Lu}][\p{Ll}]+$/u.test(t) && t.length < 40;
}

type State = 'header' | 'title' | 'preamble' | 'decision' | 'body' | 'closing' | 'appendix';

/** Builds the structure of a normalised document. */
export function structure(clean: MappedText, deadline: Deadline = NO_DEADLINE): Structure {
  const flow = paragraphs(clean, deadline);
  const out: Structure = { clauses: [], header: [], preamble: [], closing: [], footnotes: [], furniture: [], warnings: [] };
  const counters = { header: 0, preamble: 0, closing: 0, appendix: 0 };
  const block = (list: Array<Block & { m: MappedText }>, prefix: string, zone: Zone, role: string, m: MappedText): void => {
    list.push({ id: `${prefix}.${list.length + 1}`, zone, role, text: m.text, span: spanOf(m), m });
  };

  flow.footnotes.forEach((p, k) => {
    const x = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*/u.exec(p.m.text);
    const m = x ? slice(p.m, x[0].length) : p.m;
    out.footnotes.push({ id: `fn.${k + 1}`, zone: 'footnote', role: 'footnote', label: x?.[1], text: m.text, span: spanOf(m), m });
  });

  const st: { s: State } = { s: 'header' };
  let stack: Node[] = [];
  let table = null as TableReader | null;
  let tableParent = null as Node | null;
  let appendix = null as Node | null;
  let sawType = false;
  let expectSubject = false;
  let bodyEnded = false;

  const flushTable = (): void => {
    if (!table) return;
    const host = tableParent;
    const nodes = table.rows.map((r) => rowNode(r, host ? host.zone : 'appendix'));
    const into = host ? host.children : out.clauses;
    for (const n of nodes) into.push(n); // a loop, not push(...nodes): a table may have 100,000 rows
    table = null;
    tableParent = null;
  };

  const push = (node: Node): void => {
    flushTable();
    while (stack.length && (stack[stack.length - 1]!.rank >= node.rank || stack[stack.length - 1]!.rank === RANK.leaf)) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else out.clauses.push(node);
    stack.push(node);
  };

  // appendix title lines, joined once when the title is complete (pairwise joins are quadratic)
  let titleLines: MappedText[] = [];
  const settleTitle = (): void => {
    if (appendix && titleLines.length > 0) appendix.m = join(appendix.m.text ? [appendix.m, ...titleLines] : titleLines, ' ');
    titleLines = [];
  };

  const startAppendix = (title: MappedText): void => {
    settleTitle();
    flushTable();
    counters.appendix += 1;
    appendix = { kind: 'appendix', label: null, rank: RANK.part, m: title, zone: 'appendix', children: [], id: '' };
    out.clauses.push(appendix);
    stack = [appendix];
    st.s = 'appendix';
    bodyEnded = false;
  };

  const paras = flow.paragraphs;
  const furniture = new Set([...siteFurniture(paras)].map((k) => paras[k]!));
  let letter = false;
  let addressee = false;
  for (let i = 0; i < paras.length; i++) {
    deadline.tick('reading the clause structure');
    const p: Paragraph = paras[i]!;
    const t = p.m.text;
    if (!(st.s === 'appendix' && appendix && appendix.children.length === 0)) settleTitle();
    if (furniture.has(p)) {
      block(out.furniture, 'site', 'header', 'furniture', p.m);
      continue;
    }

    if (p.cells && st.s === 'header' && !sawType && isHeaderRow(p.cells)) {
      // the header laid out as a table row ("BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM",
      // "Số 383-QĐ/TW | Hà Nội, ngày 19 …"): each cell is a header line
      paras.splice(i, 1, ...p.cells.filter((c) => c.text.trim()).map((c) => ({ m: c, emphasized: false })));
      i -= 1;
      continue;
    }
    if (p.cells) {
      // a table outside the body, or after its end, without an appendix heading: an appendix all the same
      if (st.s === 'header' || st.s === 'title' || st.s === 'preamble' || st.s === 'closing' || (st.s === 'body' && bodyEnded)) {
        startAppendix(slice(p.m, 0, 0));
      }
      if (!table) {
        table = new TableReader();
        tableParent = st.s === 'appendix' ? appendix : (stack[stack.length - 1] ?? null);
      }
      table.add(p.cells);
      continue;
    }

    // Signals valid in any st.s.
    if (ZONES.recipients.test(t) && st.s !== 'header') {
      flushTable();
      st.s = 'closing';
      block(out.closing, 'closing', 'closing', 'recipients', p.m);
      continue;
    }
    if (ZONES.appendix.test(t) && st.s !== 'header' && st.s !== 'title' && (t.length < 30 || isUpperLine(t))) {
      startAppendix(p.m);
      continue;
    }
    if (ZONES.annex.test(t) && (st.s === 'body' || st.s === 'closing' || st.s === 'appendix')) {
      // "(Kèm theo Kế hoạch …)" after the body: the paragraph before it titled an appendix, unless
      // it introduces the carried plan of a decision ("KẾ HOẠCH … (Ban hành kèm theo Quyết định …)").
      block(out.header, 'header', 'title', 'annex', p.m);
      if (st.s === 'body' || (st.s === 'appendix' && appendix && appendix.children.length > 0)) {
        const prev = stack[stack.length - 1];
        if (prev && prev.kind === 'heading' && prev.children.length === 0) {
          removeNode(out.clauses, prev);
          startAppendix(prev.m);
        } else startAppendix(slice(p.m, 0, 0));
      }
      continue;
    }

    switch (st.s) {
      case 'header':
      case 'title': {
        if (ZONES.typeWord.test(t) && !sawType) {
          sawType = true;
          st.s = 'title';
          block(out.header, 'header', 'title', 'type', p.m);
          expectSubject = t.replace(ZONES.typeWord, '').trim().length === 0;
          continue;
        }
        if (expectSubject) {
          expectSubject = false;
          block(out.header, 'header', 'title', 'subject', p.m);
          continue;
        }
        if (ZONES.addressee.test(t) && !sawType) {
          // a letter: "Kính gửi: …" then unnumbered paragraphs, each a clause
          letter = true;
          addressee = true;
          // with no end to split at, the lead "Kính gửi:" alone is the addressee block
          const end = addresseeEnd(t) || /^Kính\s+gửi\s*:?/u.exec(t)![0].length;
          block(out.header, 'header', 'header', 'addressee', end < t.length ? slice(p.m, 0, end) : p.m);
          if (end < t.length) {
            // the addressee and the first paragraph joined into one ("Kính gửi: Thuế tỉnh Quảng Trị. Cục Thuế nhận được …")
            addressee = false;
            st.s = 'body';
            const rest = t.length - t.slice(end).trimStart().length;
            push({ kind: 'paragraph', label: null, rank: RANK.leaf, m: slice(p.m, rest), zone: 'body', children: [], id: '' });
          }
          continue;
        }
        if (addressee && /^[-+•]\s*\S/u.test(t) && t.length < 250) {
          block(out.header, 'header', 'header', 'addressee', p.m);
          continue;
        }
        addressee = false;
        if (letter && !ZONES.basis.test(t) && !ZONES.numberLine.test(t) && !ZONES.placeDate.test(t)) {
          st.s = 'body';
          const lab = readLabel(p.m, 'body');
          push(lab ? labelledNode(lab, 'body') : { kind: 'paragraph', label: null, rank: RANK.leaf, m: p.m, zone: 'body', children: [], id: '' });
          continue;
        }
        const role = headerRole(t);
        if (role === 'annex' || role === 'authority' || role === 'motto' || role === 'number' || role === 'place-date' || role === 'issuer' || role === 'source') {
          block(out.header, 'header', st.s === 'title' || role === 'annex' || role === 'authority' ? 'title' : 'header', role, p.m);
          continue;
        }
        if (ZONES.basis.test(t) || ZONES.implementsLine.test(t) || ZONES.proposal.test(t)) {
          st.s = 'preamble';
          block(out.preamble, 'preamble', 'preamble', preambleRole(t), p.m);
          continue;
        }
        const lab = readLabel(p.m, 'body');
        if (lab && opensBody(lab)) {
          st.s = 'body';
          push(labelledNode(lab, 'body'));
          continue;
        }
        block(out.header, 'header', sawType ? 'title' : 'header', sawType ? 'subject' : role, p.m);
        continue;
      }
      case 'preamble': {
        if (ZONES.decisionMarker.test(t)) {
          st.s = 'decision';
          block(out.preamble, 'preamble', 'preamble', 'marker', p.m);
          continue;
        }
        const lab = readLabel(p.m, 'decision');
        if (lab && (lab.kind === 'article' || opensBody(lab))) {
          st.s = lab.kind === 'article' ? 'decision' : 'body';
          push(labelledNode(lab, st.s));
          continue;
        }
        if (ZONES.typeWord.test(t) && isUpperLine(t)) {
          st.s = 'title';
          block(out.header, 'header', 'title', 'type', p.m);
          continue;
        }
        if (letter && preambleRole(t) === 'intro') {
          // a letter's "Căn cứ …" lines are its basis; its other paragraphs are its body
          st.s = 'body';
          push({ kind: 'paragraph', label: null, rank: RANK.leaf, m: p.m, zone: 'body', children: [], id: '' });
          continue;
        }
        block(out.preamble, 'preamble', 'preamble', preambleRole(t), p.m);
        continue;
      }
      case 'closing': {
        if (ZONES.typeWord.test(t) && isUpperLine(t.slice(0, 20))) {
          // the plan carried by a decision starts: "KẾ HOẠCH CẢI CÁCH … KHÁNH HÒA"
          st.s = 'title';
          block(out.header, 'header', 'title', 'carried-title', p.m);
          continue;
        }
        const lab = readLabel(p.m, 'body');
        if (lab && (lab.kind === 'section' || (lab.kind === 'item' && !/^[-+]/u.test(t)))) {
          st.s = 'body';
          stack = [];
          push(labelledNode(lab, 'body'));
          continue;
        }
        block(out.closing, 'closing', 'closing', closingRole(t), p.m);
        continue;
      }
      case 'decision':
      case 'body':
      case 'appendix': {
        const zone: Zone = st.s === 'decision' ? 'decision' : st.s === 'appendix' ? 'appendix' : 'body';
        if (st.s === 'decision' && LABELS.section.test(t) && !LABELS.article.test(t)) {
          st.s = 'body';
        }
        if (ZONES.signature.test(t) && t.length < 60) {
          flushTable();
          st.s = 'closing';
          block(out.closing, 'closing', 'closing', 'signature', p.m);
          continue;
        }
        if (ZONES.motto.test(t) || (isUpperLine(t) && ZONES.issuerBlock.test(t) && t.length < 80)) {
          flushTable();
          st.s = 'closing';
          block(out.closing, 'closing', 'closing', ZONES.motto.test(t) ? 'motto' : 'issuer', p.m);
          continue;
        }
        if (st.s === 'body' && ZONES.typeWord.test(t) && isUpperLine(t.slice(0, 20)) && stack.length === 0) {
          block(out.header, 'header', 'title', 'carried-title', p.m);
          continue;
        }
        if (st.s === 'appendix' && appendix && appendix.children.length === 0 && !readLabel(p.m, zone) && (isUpperLine(t) || p.emphasized)) {
          // appendix title lines
          titleLines.push(p.m);
          continue;
        }
        const lab = readLabel(p.m, st.s === 'body' ? 'body' : zone);
        if (lab) {
          push(labelledNode(lab, st.s === 'body' ? 'body' : zone));
        } else {
          const heading = (p.emphasized || isUpperLine(t)) && t.length < 200;
          if (bodyEnded && heading && st.s === 'body') {
            // "CHỈ TIÊU CỤ THỂ …" after "./.": an appendix title (its "(Kèm theo …)" line follows)
            startAppendix(p.m);
            continue;
          }
          push({ kind: heading ? 'heading' : 'paragraph', label: null, rank: RANK.leaf, m: p.m, zone: st.s === 'body' ? 'body' : zone, children: [], id: '' });
        }
        if (ZONES.endMark.test(t) && st.s === 'body') bodyEnded = true;
        continue;
      }
    }
  }
  settleTitle();
  flushTable();
  assignIds(out.clauses, '', out.warnings);
  if (out.furniture.length > 0) {
    out.warnings.push({
      code: 'site-furniture',
      message: `${out.furniture.length} paragraph(s) of a legal-information site's page (banner, metadata table, related documents, login and contact notices) left out of the document`,
      span: out.furniture[0]!.span,
    });
  }
  return out;
}

/** Longest addressee line kept whole when no sentence end splits it from the letter's first paragraph. */
const ADDRESSEE_MAX = 150;

/**
 * Where the addressee of a "Kính gửi" paragraph ends: at its first sentence end when the letter's
 * first paragraph was joined to it ("Kính gửi: Thuế tỉnh Quảng Trị. Cục Thuế nhận được …"); the
 * whole paragraph when nothing follows that end; 0 (only its lead is the addressee) when a long
 * paragraph has no sentence end to split at ("Kính gửi: Ông … Cục Thuế nhận được đơn …").
 */
function addresseeEnd(t: string): number {
  const stop = /[.;:]\s+(?=\p{Lu})/u.exec(t.slice(0, 2 * ADDRESSEE_MAX));
  if (stop && stop.index > 10 && t.length - stop.index > 30) return stop.index + 1;
  return t.length > ADDRESSEE_MAX ? 0 : t.length;
}

/** A table row of a header: a few cells, one of them the motto, the number line or the place and date. */
function isHeaderRow(cells: readonly MappedText[]): boolean {
  return cells.length <= 4 && cells.some((c) => ZONES.motto.test(c.text) || ZONES.numberLine.test(c.text) || ZONES.placeDate.test(c.text));
}

/** How far into a page the site's banner and metadata table are looked for, in paragraphs. */
const SITE_HEAD_REACH = 80;

/**
 * Indices of the paragraphs that are a legal-information site's page furniture: from a banner
 * at the top through the value of the last label of its metadata table ("Tình trạng:" / "Đã
 * biết"), and from the footer's start ("Văn bản này chưa cập nhật nội dung Tiếng Anh", "## Văn
 * bản liên quan", with the site's title line before it) or the site's English translation
 * ("MINISTRY OF FINANCE" / "THE SOCIALIST REPUBLIC OF VIETNAM") to the end.
 */
export function siteFurniture(paras: readonly Paragraph[]): Set<number> {
  const out = new Set<number>();
  const head = Math.min(paras.length, SITE_HEAD_REACH);
  let banner = -1;
  for (let i = 0; i < Math.min(head, 15); i++) if (SITE.banner.test(paras[i]!.m.text)) banner = i;
  if (banner >= 0) {
    let end = banner;
    for (let i = banner; i < head; i++) if (SITE.metaLabel.test(paras[i]!.m.text)) end = Math.min(i + 1, head - 1);
    for (let i = 0; i <= end; i++) out.add(i);
  }
  for (let i = Math.max(out.size, 1); i < paras.length; i++) {
    if (banner >= 0 && i > out.size + 10 && SITE.englishMotto.test(paras[i]!.m.text)) {
      // the site's English translation, appended after the document, up to the footer
      const from = SITE.englishIssuer.test(paras[i - 1]!.m.text) ? i - 1 : i;
      for (let k = from; k < paras.length; k++) out.add(k);
      break;
    }
    if (!SITE.footerStart.test(paras[i]!.m.text)) continue;
    const from = SITE.siteTitle.test(paras[i - 1]!.m.text) ? i - 1 : i;
    for (let k = from; k < paras.length; k++) out.add(k);
    break;
  }
  return out;
}

function removeNode(list: Node[], node: Node): boolean {
  const k = list.indexOf(node);
  if (k >= 0) {
    list.splice(k, 1);
    return true;
  }
  return list.some((n) => removeNode(n.children, node));
}

function labelledNode(lab: Labelled, zone: Zone): Node {
  return { kind: lab.kind, label: lab.label, rank: lab.rank, m: lab.rest, zone, children: [], id: '' };
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

/** The id segment of a node among its siblings. */
function segment(node: Node, ordinal: Map<string, number>): string {
  const next = (key: string): number => {
    const n = (ordinal.get(key) ?? 0) + 1;
    ordinal.set(key, n);
    return n;
  };
  switch (node.kind) {
    case 'appendix': {
      const n = next('PL');
      return n === 1 ? 'PL' : `PL${n}`;
    }
    case 'article':
      return `D${node.label!.replace(/\D+/g, '')}`;
    case 'bullet':
      return `${node.label === '+' ? '+' : '-'}${next(node.label ?? '-')}`;
    case 'paragraph':
      return `p${next('p')}`;
    case 'heading':
      return `h${next('h')}`;
    case 'section':
      if (node.label && /\s/u.test(node.label)) {
        const [word, num] = node.label.split(/\s+/);
        return `${word!.charAt(0).toUpperCase()}${num}`;
      }
      return node.label ?? `s${next('s')}`;
    case 'item':
      return node.label!.split('.').pop()!;
    case 'row':
    case 'group':
      return node.label ? node.label.split('.').pop()! : `r${next('r')}`;
    default:
      return node.label ?? `n${next('n')}`;
  }
}

function assignIds(nodes: Node[], prefix: string, warnings: Warning[]): void {
  const ordinal = new Map<string, number>();
  const used = new Map<string, number>();
  for (const node of nodes) {
    let seg = segment(node, ordinal);
    const seen = used.get(seg) ?? 0;
    used.set(seg, seen + 1);
    if (seen > 0) {
      seg = `${seg}_${seen + 1}`;
      if (node.kind !== 'paragraph' && node.kind !== 'heading' && node.kind !== 'bullet') {
        warnings.push({
          code: 'duplicate-label',
          message: `Label "${node.label}" appears ${seen + 1} times under ${prefix || 'the top level'}; this one is ${prefix ? `${prefix}.` : ''}${seg}`,
          span: spanOf(node.m),
        });
      }
    }
    node.id = prefix ? `${prefix}.${seg}` : seg;
    assignIds(node.children, node.id, warnings);
  }
}
