/**
 * The structure stage: paragraphs → layout zones (header, title, preamble, decision, body,
 * closing, appendix) → a clause tree with stable path ids, plus the blocks kept out of the tree.
 * Labels are read in structure-labels.ts, each zone's paragraphs by its reader in
 * structure-zones.ts, and the tree is built by the moves of structure-state.ts.
 */
import { slice, spanOf, type MappedText } from '../text/mapped-text.js';
import { NO_DEADLINE, type Deadline } from '../text/deadline.js';
import { paragraphs, type Paragraph } from './paragraphs.js';
import { SITE, ZONES } from '../patterns/structure.js';
import { addBlock, flushTable, newReading, settleTitle, type Node, type Reading, type Structure } from './structure-state.js';
import { readParagraph } from './structure-zones.js';
import type { Warning } from '../types.js';

export type { Node, Structure } from './structure-state.js';

/** Builds the structure of a normalised document. */
export function structure(clean: MappedText, deadline: Deadline = NO_DEADLINE): Structure {
  const flow = paragraphs(clean, deadline);
  const r = newReading();
  readFootnotes(flow.footnotes, r.out);
  const paras = flow.paragraphs;
  const furniture = new Set([...siteFurniture(paras)].map((k) => paras[k]!));
  for (let i = 0; i < paras.length; i++) {
    deadline.tick('reading the clause structure');
    const p: Paragraph = paras[i]!;
    if (!(r.state === 'appendix' && r.appendix && r.appendix.children.length === 0)) settleTitle(r);
    if (furniture.has(p)) {
      addBlock(r.out.furniture, 'site', 'header', 'furniture', p.m);
      continue;
    }
    if (p.cells && r.state === 'header' && !r.sawType && isHeaderRow(p.cells)) {
      // the header laid out as a table row ("BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM",
      // "Số 383-QĐ/TW | Hà Nội, ngày 19 …"): each cell is a header line
      paras.splice(i, 1, ...p.cells.filter((c) => c.text.trim()).map((c) => ({ m: c, emphasized: false })));
      i -= 1;
      continue;
    }
    readParagraph(r, p);
  }
  return finish(r);
}

/** Footnotes ("¹ …") are blocks of their own, labelled by their mark. */
function readFootnotes(footnotes: readonly Paragraph[], out: Structure): void {
  footnotes.forEach((p, k) => {
    const x = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*/u.exec(p.m.text);
    const m = x ? slice(p.m, x[0].length) : p.m;
    out.footnotes.push({ id: `fn.${k + 1}`, zone: 'footnote', role: 'footnote', label: x?.[1], text: m.text, span: spanOf(m), m });
  });
}

/** After the last paragraph: the pending title and table go in, ids are given, the furniture left out is reported. */
function finish(r: Reading): Structure {
  const out = r.out;
  settleTitle(r);
  flushTable(r);
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
