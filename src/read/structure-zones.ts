/**
 * One reader per layout zone of the structure stage (header and title, preamble, decision, body,
 * closing, appendix), picked from a table by the zone the reader is in. Each takes one paragraph:
 * it keeps it as a block, opens a clause with it, or moves the reading to another zone. A table
 * row, and the signals that hold in any zone (recipients, an appendix heading, an annex line),
 * are read before the zone's reader.
 */
import { slice } from '../text/mapped-text.js';
import type { Paragraph } from './paragraphs.js';
import { LABELS, ZONES } from '../patterns/structure.js';
import { TableReader } from './tables.js';
import { opensBody, RANK, readLabel } from './structure-labels.js';
import {
  addBlock,
  flushTable,
  labelledNode,
  leafNode,
  pushNode,
  removeNode,
  startAppendix,
  type Node,
  type Reading,
  type ZoneState,
} from './structure-state.js';
import type { Zone } from '../types.js';

/** Reads one paragraph (not page furniture, not a header laid out as a table row) in the current zone. */
export function readParagraph(r: Reading, p: Paragraph): void {
  if (p.cells) return readTableParagraph(r, p);
  if (readAnyZoneSignal(r, p)) return;
  ZONE_READERS[r.state](r, p);
}

/** The reader of each zone. */
const ZONE_READERS: Record<ZoneState, (r: Reading, p: Paragraph) => void> = {
  header: readHeader,
  title: readHeader,
  preamble: readPreamble,
  decision: readClauseZone,
  body: readClauseZone,
  closing: readClosing,
  appendix: readClauseZone,
};

/** A table row goes to the table being read (a new one under the open clause or appendix). */
function readTableParagraph(r: Reading, p: Paragraph): void {
  // a table outside the body, or after its end, without an appendix heading: an appendix all the same
  if (r.state === 'header' || r.state === 'title' || r.state === 'preamble' || r.state === 'closing' || (r.state === 'body' && r.bodyEnded)) {
    startAppendix(r, slice(p.m, 0, 0));
  }
  if (!r.table) {
    r.table = new TableReader();
    r.tableParent = r.state === 'appendix' ? openClause(r) : (r.stack[r.stack.length - 1] ?? null);
  }
  r.table.add(p.cells!);
}

/**
 * Where a table of an appendix goes: under the innermost numbered clause open in it ("1. Danh mục
 * thủ tục …", "PHẦN I. DANH MỤC …", "a) …"), not under a bullet ("- Đơn vị tính: …"), a heading or
 * a paragraph; the appendix itself when none is open.
 */
function openClause(r: Reading): Node | null {
  for (let k = r.stack.length - 1; k >= 0; k--) if (r.stack[k]!.rank < RANK.bullet) return r.stack[k]!;
  return r.appendix;
}

/** Signals valid in any zone: "Nơi nhận:" opens the closing, "PHỤ LỤC" an appendix, "(Kèm theo …)" titles one. */
function readAnyZoneSignal(r: Reading, p: Paragraph): boolean {
  const t = p.m.text;
  if (ZONES.recipients.test(t) && r.state !== 'header') {
    flushTable(r);
    r.state = 'closing';
    addBlock(r.out.closing, 'closing', 'closing', 'recipients', p.m);
    return true;
  }
  if (ZONES.appendix.test(t) && r.state !== 'header' && r.state !== 'title' && (t.length < 30 || isUpperLine(t))) {
    startAppendix(r, p.m);
    return true;
  }
  if (ZONES.annex.test(t) && (r.state === 'body' || r.state === 'closing' || r.state === 'appendix')) {
    readAnnexLine(r, p);
    return true;
  }
  return false;
}

/**
 * "(Kèm theo Kế hoạch …)" after the body: the paragraph before it titled an appendix, unless
 * it introduces the carried plan of a decision ("KẾ HOẠCH … (Ban hành kèm theo Quyết định …)").
 */
function readAnnexLine(r: Reading, p: Paragraph): void {
  addBlock(r.out.header, 'header', 'title', 'annex', p.m);
  if (r.state === 'body' || (r.state === 'appendix' && r.appendix && r.appendix.children.length > 0)) {
    const prev = r.stack[r.stack.length - 1];
    if (prev && prev.kind === 'heading' && prev.children.length === 0) {
      removeNode(r.out.clauses, prev);
      startAppendix(r, prev.m);
    } else startAppendix(r, slice(p.m, 0, 0));
  }
}

/** Header and title: the type word and subject, a letter's addressee, the header lines, until the preamble or the body opens. */
function readHeader(r: Reading, p: Paragraph): void {
  if (readTypeAndSubject(r, p) || readLetterOpening(r, p)) return;
  readHeaderLine(r, p);
}

/** "KẾ HOẠCH" (the document type) and, when it stood alone on its line, the subject line after it. */
function readTypeAndSubject(r: Reading, p: Paragraph): boolean {
  const t = p.m.text;
  if (ZONES.typeWord.test(t) && !r.sawType) {
    r.sawType = true;
    r.state = 'title';
    addBlock(r.out.header, 'header', 'title', 'type', p.m);
    r.expectSubject = t.replace(ZONES.typeWord, '').trim().length === 0;
    return true;
  }
  if (r.expectSubject) {
    r.expectSubject = false;
    addBlock(r.out.header, 'header', 'title', 'subject', p.m);
    return true;
  }
  return false;
}

/** A letter: "Kính gửi: …" and its list of addressees, then its paragraphs, each a clause of its body. */
function readLetterOpening(r: Reading, p: Paragraph): boolean {
  const t = p.m.text;
  if (ZONES.addressee.test(t) && !r.sawType) {
    readAddressee(r, p);
    return true;
  }
  if (r.addressee && /^[-+•]\s*\S/u.test(t) && t.length < 250) {
    addBlock(r.out.header, 'header', 'header', 'addressee', p.m);
    return true;
  }
  r.addressee = false;
  if (r.letter && !ZONES.basis.test(t) && !ZONES.numberLine.test(t) && !ZONES.placeDate.test(t)) {
    r.state = 'body';
    const lab = readLabel(p.m, 'body');
    pushNode(r, lab ? labelledNode(lab, 'body') : leafNode('paragraph', p.m, 'body'));
    return true;
  }
  return false;
}

/** "Kính gửi: …" opens a letter: its addressee block, split from the first paragraph when the two were joined. */
function readAddressee(r: Reading, p: Paragraph): void {
  const t = p.m.text;
  r.letter = true;
  r.addressee = true;
  // with no end to split at, the lead "Kính gửi:" alone is the addressee block
  const end = addresseeEnd(t) || /^Kính\s+gửi\s*:?/u.exec(t)![0].length;
  addBlock(r.out.header, 'header', 'header', 'addressee', end < t.length ? slice(p.m, 0, end) : p.m);
  if (end < t.length) {
    // the addressee and the first paragraph joined into one ("Kính gửi: Thuế tỉnh Quảng Trị. Cục Thuế nhận được …")
    r.addressee = false;
    r.state = 'body';
    const rest = t.length - t.slice(end).trimStart().length;
    pushNode(r, leafNode('paragraph', slice(p.m, rest), 'body'));
  }
}

/** Header roles kept as header blocks as they come; the others ("type", "subject") are read by their place. */
const HEADER_LINE_ROLES = new Set(['annex', 'authority', 'motto', 'number', 'place-date', 'issuer', 'source']);

/** Any other header line: a block by its role, or the first line of the preamble or of the body. */
function readHeaderLine(r: Reading, p: Paragraph): void {
  const t = p.m.text;
  const role = headerRole(t);
  if (HEADER_LINE_ROLES.has(role)) {
    addBlock(r.out.header, 'header', r.state === 'title' || role === 'annex' || role === 'authority' ? 'title' : 'header', role, p.m);
    return;
  }
  if (ZONES.basis.test(t) || ZONES.implementsLine.test(t) || ZONES.proposal.test(t)) {
    r.state = 'preamble';
    addBlock(r.out.preamble, 'preamble', 'preamble', preambleRole(t), p.m);
    return;
  }
  const lab = readLabel(p.m, 'body');
  if (lab && opensBody(lab)) {
    r.state = 'body';
    pushNode(r, labelledNode(lab, 'body'));
    return;
  }
  addBlock(r.out.header, 'header', r.sawType ? 'title' : 'header', r.sawType ? 'subject' : role, p.m);
}

/** Preamble ("Căn cứ …", "Theo đề nghị …"): until "QUYẾT ĐỊNH:", an article, the first section, or a title. */
function readPreamble(r: Reading, p: Paragraph): void {
  const t = p.m.text;
  if (ZONES.decisionMarker.test(t)) {
    r.state = 'decision';
    addBlock(r.out.preamble, 'preamble', 'preamble', 'marker', p.m);
    return;
  }
  const lab = readLabel(p.m, 'decision');
  if (lab && (lab.kind === 'article' || opensBody(lab))) {
    r.state = lab.kind === 'article' ? 'decision' : 'body';
    pushNode(r, labelledNode(lab, r.state));
    return;
  }
  if (ZONES.typeWord.test(t) && isUpperLine(t)) {
    r.state = 'title';
    addBlock(r.out.header, 'header', 'title', 'type', p.m);
    return;
  }
  if (r.letter && preambleRole(t) === 'intro') {
    // a letter's "Căn cứ …" lines are its basis; its other paragraphs are its body
    r.state = 'body';
    pushNode(r, leafNode('paragraph', p.m, 'body'));
    return;
  }
  addBlock(r.out.preamble, 'preamble', 'preamble', preambleRole(t), p.m);
}

/** Closing (recipients, signature, names): until the plan carried by a decision starts, or a section resumes the body. */
function readClosing(r: Reading, p: Paragraph): void {
  const t = p.m.text;
  if (ZONES.typeWord.test(t) && isUpperLine(t.slice(0, 20))) {
    // the plan carried by a decision starts: "KẾ HOẠCH CẢI CÁCH … KHÁNH HÒA"
    r.state = 'title';
    addBlock(r.out.header, 'header', 'title', 'carried-title', p.m);
    return;
  }
  const lab = readLabel(p.m, 'body');
  if (lab && (lab.kind === 'section' || (lab.kind === 'item' && !/^[-+]/u.test(t)))) {
    r.state = 'body';
    r.stack = [];
    pushNode(r, labelledNode(lab, 'body'));
    return;
  }
  addBlock(r.out.closing, 'closing', 'closing', closingRole(t), p.m);
}

/** Decision, body and appendix: clauses, until a signature, a motto or an issuer block opens the closing. */
function readClauseZone(r: Reading, p: Paragraph): void {
  const t = p.m.text;
  const zone: Zone = r.state === 'decision' ? 'decision' : r.state === 'appendix' ? 'appendix' : 'body';
  if (r.state === 'decision' && LABELS.section.test(t) && !LABELS.article.test(t)) {
    r.state = 'body';
  }
  if (readClosingStart(r, p)) return;
  if (r.state === 'body' && ZONES.typeWord.test(t) && isUpperLine(t.slice(0, 20)) && r.stack.length === 0) {
    addBlock(r.out.header, 'header', 'title', 'carried-title', p.m);
    return;
  }
  if (r.state === 'appendix' && r.appendix && r.appendix.children.length === 0 && !readLabel(p.m, zone) && (isUpperLine(t) || p.emphasized)) {
    // appendix title lines
    r.titleLines.push(p.m);
    return;
  }
  readClause(r, p, r.state === 'body' ? 'body' : zone);
}

/** A signature ("KT. CHỦ TỊCH"), the motto or an issuer block in capitals ends the clauses: the closing starts. */
function readClosingStart(r: Reading, p: Paragraph): boolean {
  const t = p.m.text;
  if (ZONES.signature.test(t) && t.length < 60) {
    flushTable(r);
    r.state = 'closing';
    addBlock(r.out.closing, 'closing', 'closing', 'signature', p.m);
    return true;
  }
  // in an appendix, a line in capitals naming a body ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG") heads a group of its table
  if (ZONES.motto.test(t) || (r.state !== 'appendix' && isUpperLine(t) && ZONES.issuerBlock.test(t) && t.length < 80)) {
    flushTable(r);
    r.state = 'closing';
    addBlock(r.out.closing, 'closing', 'closing', ZONES.motto.test(t) ? 'motto' : 'issuer', p.m);
    return true;
  }
  return false;
}

/** A clause: labelled, or a heading or paragraph leaf; a heading after the body's "./." titles an appendix. */
function readClause(r: Reading, p: Paragraph, zone: Zone): void {
  const t = p.m.text;
  const lab = readLabel(p.m, zone);
  if (lab) {
    pushNode(r, labelledNode(lab, zone));
  } else {
    const heading = (p.emphasized || isUpperLine(t)) && t.length < 200;
    if (r.bodyEnded && heading && r.state === 'body') {
      // "CHỈ TIÊU CỤ THỂ …" after "./.": an appendix title (its "(Kèm theo …)" line follows)
      startAppendix(r, p.m);
      return;
    }
    pushNode(r, leafNode(heading ? 'heading' : 'paragraph', p.m, zone));
  }
  if (ZONES.endMark.test(t) && r.state === 'body') r.bodyEnded = true;
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
