/**
 * Citations: every legal document a plan refers to, found, identified and related to the plan.
 *
 * Pipeline: per passage, find anchors (a type word and a number, a law named by its title, a
 * short form) → read each anchor's tail (date, issuer, subject) and pinpoint → decide how the
 * anchor hangs in its sentence (a basis item, or a document named inside another one's subject) →
 * across the document, resolve short forms to full mentions and group mentions by identity
 * (symbol, number, year) → drop the document's own identity → one `Citation` per cited document.
 */
import { makeExpander, GLOSSARY } from '../text/abbreviations.js';
import { comparisonForm } from '../text/fold.js';
import * as P from '../patterns/citations.js';
import { stripDiacritics } from '../text/vietnamese.js';
import { latinLookalikes } from '../vocabulary/index.js';
import type { Citation, CitationRelation, DocumentMeta, Mention, Passage, Span, Warning } from '../types.js';

export interface CitationContext {
  /** The citing document's own identity, to exclude self-citations. */
  self: { number: string | null; symbol: string | null; year: number | null };
  /** The citing document's province ("Khánh Hòa"), used for scope of local instruments and for issuer inference of KH-UBND etc. */
  province: string | null;
}

/** The context of a parsed document: its own identity and its province (or place of issue). */
export function citationContextOf(meta: Pick<DocumentMeta, 'number' | 'symbol' | 'year' | 'province' | 'place'>): CitationContext {
  return { self: { number: meta.number, symbol: meta.symbol, year: meta.year }, province: meta.province ?? meta.place ?? null };
}

/** The regular expressions the stage runs; swap them in tests or benchmarks. */
export interface CitationPatterns {
  /** Every document number ("421/QĐ-UBND", "57-NQ/TW"), found first (global). */
  docNumber: RegExp;
  /** Type word + optional "số" right before a number ("Quyết định số "), anchored at the end. */
  typedBefore: RegExp;
  /** List joint right before a number without a type word (", ", " và "), anchored at the end. */
  continuationBefore: RegExp;
  /** "Luật " / "Bộ luật " opening a law named by its title. */
  law: RegExp;
  /** Type word + bare number ("Đề án 06", "Quyết định 766"). */
  shortForm: RegExp;
  /** "ngày 06/02/2024", "ngày 06 tháng 02 năm 2024" at a position (sticky). */
  dateClause: RegExp;
  /** "của " before an issuer (sticky). */
  issuerLead: RegExp;
  /** "về …", "ban hành …" opening a subject (sticky). */
  subjectLead: RegExp;
  /** Where a subject ends (global). */
  subjectEnd: RegExp;
  /** "khoản 2 Điều 8 " right before a reference (anchored at the end). */
  pinpointBefore: RegExp;
  /** "(Phần II Phụ lục, Mục 1, số thứ tự thứ 4)" after a reference (sticky). */
  pinpointAfter: RegExp;
  /** "(Ban hành kèm theo " right before a reference (anchored at the end). */
  annexBefore: RegExp;
}

export const CITATION_PATTERNS: CitationPatterns = {
  docNumber: P.DOCNUM_RE,
  typedBefore: P.TYPED_BEFORE_RE,
  continuationBefore: P.CONTINUATION_BEFORE_RE,
  law: P.LAW_RE,
  shortForm: P.SHORT_FORM_RE,
  dateClause: P.DATE_CLAUSE_RE,
  issuerLead: P.ISSUER_LEAD_RE,
  subjectLead: P.SUBJECT_LEAD_RE,
  subjectEnd: P.SUBJECT_END_RE,
  pinpointBefore: P.PINPOINT_BEFORE_RE,
  pinpointAfter: P.PINPOINT_AFTER_RE,
  annexBefore: P.ANNEX_BEFORE_RE,
};

// ---------------------------------------------------------------------------------------------
// Anchors
// ---------------------------------------------------------------------------------------------

/** One place in a passage where a reference is written. */
interface Anchor {
  /** numbered: has a number and symbol; law: named by title; short: type + bare number. */
  kind: 'numbered' | 'law' | 'short';
  /** First character (type word, or the number of a list continuation). */
  start: number;
  /** End of the number, or of the title's date/year/number marker. */
  numberEnd: number;
  /** End of what the mention text shows: the number plus a date written right after it. */
  coreEnd: number;
  /** End of the date and issuer that follow. */
  tailEnd: number;
  type: string | null;
  number: string | null;
  symbol: string | null;
  /** Year printed inside the number ("63/2010/NĐ-CP") or after a law's title ("Luật Thủy sản năm 2017"). */
  numberYear: number | null;
  /** Law title without the type word. */
  title: string | null;
  /** ISO date. */
  date: string | null;
  /** Issuer as written. */
  issuer: string | null;
  subject: string | null;
  pinpoint: string | null;
  /** Length of the pinpoint text written before the anchor (excluded from gaps). */
  pinpointBefore: number;
  /** In an annex line "(Ban hành kèm theo …)": names the document itself. */
  annex: boolean;
  /** Where the anchor hangs: a top-level item, inside another reference's subject, or after the lead sentence. */
  depth: 'top' | 'nested' | 'outside';
  /** True when the number was written with its own type word (not a list continuation). */
  typed: boolean;
  /** An OCR junk segment was dropped from the number ("3/HH/QĐ-UBND"). */
  garbled: boolean;
}

const TYPE_BY_WRITTEN = new Map(P.TYPE_WORDS.map((t) => [t.written.toLowerCase(), t.type]));

/** "quyết\nđịnh" → "Quyết định"; "Kế hoạch hành động" → "Kế hoạch". */
function canonicalType(written: string): string {
  const w = written.replace(/\s+/g, ' ').toLowerCase();
  return TYPE_BY_WRITTEN.get(w) ?? w.charAt(0).toUpperCase() + w.slice(1);
}

/** The symbol's type code, read as a type: "NĐ-CP" → Nghị định, "57-NQ/TW" → Nghị quyết. */
function typeFromSymbol(symbol: string | null): string | null {
  if (!symbol) return null;
  const first = symbol.split(/[-/]/)[0] ?? '';
  return P.TYPE_CODES[first] ?? null;
}

interface DocNumber {
  number: string;
  symbol: string;
  year: number | null;
  /** A junk segment was dropped ("3/HH/QĐ-UBND"). */
  garbled: boolean;
}

/** Splits "63/2010/NĐ-CP", "57-NQ/TW", "476/VPCP- KSTT", "3/HH/QĐ-UBND" into number, symbol and year. */
export function parseDocNumber(raw: string): DocNumber | null {
  const m = P.DOCNUM_PARTS.exec(latinLookalikes(raw.replace(/\s+/g, '')));
  if (!m?.groups) return null;
  let symbol = m.groups['symbol']!;
  let garbled = false;
  if (m.groups['sep'] === '/') {
    const parts = symbol.split('/');
    const head = parts[0]!;
    if (parts.length >= 2 && P.JUNK_SEGMENT_RE.test(head) && !(head in P.TYPE_CODES) && !(head in P.ISSUER_CODES) && parts.slice(1).join('/').includes('-')) {
      symbol = parts.slice(1).join('/');
      garbled = true;
    }
  }
  const year = m.groups['year'] ? Number(m.groups['year']) : null;
  return { number: m.groups['number']!, symbol, year, garbled };
}

function isoDate(d: string | undefined, mo: string | undefined, y: string | undefined): string | null {
  if (!d || !mo || !y) return null;
  const day = Number(d);
  const month = Number(mo);
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads a date clause at `pos`; null when none starts there. */
function dateAt(text: string, pos: number, re: RegExp): { date: string | null; end: number } | null {
  re.lastIndex = pos;
  const m = re.exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  return { date: isoDate(g['d1'] ?? g['d2'], g['m1'] ?? g['m2'], g['y1'] ?? g['y2']), end: re.lastIndex };
}

/**
 * Every match of a global regex, reusing it (`matchAll` would clone and recompile it for every passage).
 * The regex is shared: its lastIndex is reset before and after.
 */
function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      yield m;
      if (m[0].length === 0) re.lastIndex += 1;
    }
  } finally {
    re.lastIndex = 0;
  }
}

/** True when a type word ("Kế hoạch số …") starts at `at` in `s`; the first syllable is checked before the regex. */
function typeWordAt(s: string, at: number): boolean {
  const first = /^\S+/u.exec(s.slice(at, at + 12))?.[0].toLowerCase();
  return first !== undefined && P.TYPE_FIRST_SYLLABLES.has(first) && P.TYPE_WORD_START_RE.test(s.slice(at, at + 40));
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * Reads the issuer from a run of words after "của": stops at a verb ("ban hành", "phê duyệt"),
 * a joining word ("về", "ngày"), a type word or a lower-case word that cannot sit in a body's name.
 * Returns the issuer and its length in the run.
 */
function readIssuer(run: string): { issuer: string; length: number } | null {
  const words = [...run.matchAll(/\S+/gu)];
  let taken = 0;
  let end = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]![0];
    const lw = w.toLowerCase();
    const next = words[i + 1]?.[0];
    if (i > 0) {
      // a stop word written in lower case ("bằng văn bản"), not a name's ("HĐND tỉnh Cao Bằng"); "V/v" either way
      if (P.ISSUER_STOP_WORDS.has(w) || lw === 'v/v') break;
      if (next && P.ISSUER_STOP_PAIRS.has(`${lw} ${next.toLowerCase()}`)) break;
      if (next && P.ISSUER_STOP_PAIRS_LOWER.has(`${w} ${next}`)) break;
      if (isCapitalised(w) && typeWordAt(run, words[i]!.index)) break;
    }
    if (lw === 'và') {
      if (!next || !isCapitalised(next) || typeWordAt(run, words[i + 1]!.index)) break;
    } else if (!isCapitalised(w) && !P.ISSUER_INNER_WORDS.has(lw)) break;
    taken = i + 1;
    end = words[i]!.index + w.length;
  }
  while (taken > 0 && words[taken - 1]![0].toLowerCase() === 'và') {
    taken -= 1;
    end = taken > 0 ? words[taken - 1]!.index + words[taken - 1]![0].length : 0;
  }
  if (taken === 0) return null;
  return { issuer: run.slice(0, end).replace(/\s+/g, ' '), length: end };
}

function blankAnchor(kind: Anchor['kind'], start: number, numberEnd: number): Anchor {
  return {
    kind,
    start,
    numberEnd,
    coreEnd: numberEnd,
    tailEnd: numberEnd,
    type: null,
    number: null,
    symbol: null,
    numberYear: null,
    title: null,
    date: null,
    issuer: null,
    subject: null,
    pinpoint: null,
    pinpointBefore: 0,
    annex: false,
    depth: 'top',
    typed: true,
    garbled: false,
  };
}

function numberedAnchor(start: number, end: number, type: string | null, doc: DocNumber, typed: boolean): Anchor {
  const a = blankAnchor('numbered', start, end);
  a.type = type ?? typeFromSymbol(doc.symbol);
  a.number = doc.number;
  a.symbol = doc.symbol;
  a.numberYear = doc.year;
  a.typed = typed;
  a.garbled = doc.garbled;
  return a;
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Reads a law named by its title from "Luật " at `start`; null when what follows is no title. */
function readLaw(text: string, start: number, titleStart: number, typeWord: string, limit: number): Anchor | null {
  // every search runs in a bounded window, so a run of "Luật Luật Luật …" stays linear
  const window = text.slice(titleStart, Math.min(limit, titleStart + P.LAW_REACH));
  P.LAW_HARD_STOP_RE.lastIndex = 0;
  const stop = P.LAW_HARD_STOP_RE.exec(window);
  const windowEnd = stop ? stop.index : window.length;
  const type = canonicalType(typeWord);
  P.LAW_END_RE.lastIndex = 0;
  const end = P.LAW_END_RE.exec(window);
  if (end && end.index < windowEnd && end.index > 0) {
    const title = window.slice(0, end.index).replace(/\s+/g, ' ').trim();
    if (
      P.LAW_TITLE_START_RE.test(title) &&
      words(title) <= P.LAW_TITLE_MAX_WORDS &&
      (P.AMENDING_TITLE_RE.test(title) || !P.LAW_DATED_TITLE_BREAK_RE.test(title))
    ) {
      const g = end.groups ?? {};
      const markEnd = titleStart + end.index + end[0].length;
      const a = blankAnchor('law', start, markEnd);
      a.type = type;
      a.title = title;
      if (g['docnum']) {
        const doc = parseDocNumber(g['docnum']);
        if (doc) {
          a.kind = 'numbered';
          a.number = doc.number;
          a.symbol = doc.symbol;
          a.numberYear = doc.year;
        }
      } else if (g['date']) {
        a.date = isoDate(g['d1'] ?? g['d2'], g['m1'] ?? g['m2'], g['y1'] ?? g['y2']);
      } else {
        a.numberYear = Number(g['yearWord'] ?? g['yearBare']);
      }
      return a;
    }
  }
  // undated: a short capitalised title up to a joining word or a pause
  const title = readUndatedTitle(window.slice(0, windowEnd));
  if (!title) return null;
  const a = blankAnchor('law', start, titleStart + title.length);
  a.type = type;
  a.title = title.replace(/\s+/g, ' ');
  return a;
}

/**
 * Reads an undated law title word by word: "Bảo vệ môi trường", "Phòng, chống tham nhũng",
 * "Quản lý và sử dụng tài sản công", "Khoa học và Công nghệ". Stops at a pause, a joining word,
 * another law or a type word ("Luật Viên chức; Luật …", "Luật Ngân sách nhà nước và các văn bản …").
 * Returns the title as written (its length in the text), or null.
 */
function readUndatedTitle(rest: string): string | null {
  const end = P.LAW_TITLE_END_CHARS_RE.exec(rest);
  const run = end ? rest.slice(0, end.index) : rest;
  let taken = 0;
  let count = 0;
  for (const m of matches(P.TITLE_WORD_RE, run)) {
    const comma = m[1] === ',';
    const w = m[3]!;
    const lw = w.toLowerCase();
    const at = m.index + m[1]!.length + m[2]!.length;
    if (count === 0) {
      if (!isCapitalised(w) || /\d/u.test(w) || typeWordAt(run, at)) return null;
    } else {
      if (/\d/u.test(w) || w === 'Luật' || (isCapitalised(w) && (P.CODE_WORD_RE.test(run.slice(at, at + 8)) || typeWordAt(run, at)))) break;
      if (comma && isCapitalised(w)) break;
      if (lw === 'và') {
        const next = /^\s*(\S+)/u.exec(run.slice(at + w.length))?.[1];
        if (!next || P.LAW_TITLE_STOP_WORDS.has(next.toLowerCase()) || P.LAW_WORD_RE.test(next) || typeWordAt(run, at + w.length + 1)) break;
      } else if (P.LAW_TITLE_STOP_WORDS.has(lw)) break;
    }
    count += 1;
    taken = at + w.length;
    if (count > P.LAW_UNDATED_MAX_WORDS) return null;
  }
  return taken > 0 ? run.slice(0, taken) : null;
}

/**
 * Which stretches of a passage anchors already take, asked in increasing order of position
 * (so the questions of one scan cost linear time in all).
 */
class Cursor {
  private at = 0;
  constructor(private readonly sorted: readonly Anchor[]) {}

  private advance(pos: number): void {
    while (this.at < this.sorted.length && this.sorted[this.at]!.numberEnd <= pos) this.at += 1;
  }

  /** True when [start, end) overlaps an anchor. `start` never decreases between calls. */
  covers(start: number, end: number): boolean {
    this.advance(start);
    const a = this.sorted[this.at];
    return a !== undefined && a.start < end;
  }

  /** Start of the first anchor after `pos`, or `fallback`. */
  nextStart(pos: number, fallback: number): number {
    this.advance(pos);
    for (let k = this.at; k < this.sorted.length; k++) if (this.sorted[k]!.start > pos) return this.sorted[k]!.start;
    return fallback;
  }
}

/** Every anchor of a passage, in text order, with tails, subjects, pinpoints and depth read. */
function scanText(text: string, patterns: CitationPatterns, annexPassage: boolean): Anchor[] {
  const anchors: Anchor[] = [];
  for (const m of matches(patterns.docNumber, text)) {
    const glued = P.GLUED_WORD_RE.exec(m[0]);
    const written = glued ? m[0].slice(0, glued.index) : m[0];
    const doc = parseDocNumber(written);
    if (!doc) continue;
    const end = m.index + written.length;
    const from = Math.max(0, m.index - P.TYPED_REACH);
    const before = text.slice(from, m.index);
    const typed = typedBefore(text, m.index, before, from, patterns);
    if (typed) {
      const a = numberedAnchor(typed.start, end, canonicalType(typed.type), doc, true);
      a.date = typed.date;
      if (typed.issuer) a.issuer = typed.issuer;
      anchors.push(a);
    } else if (patterns.continuationBefore.test(before)) {
      anchors.push(numberedAnchor(m.index, end, null, doc, false));
    }
  }
  anchors.sort((a, b) => a.start - b.start);
  const laws: Anchor[] = [];
  const numbered = new Cursor(anchors);
  for (const m of matches(patterns.law, text)) {
    const start = m.index;
    const last = laws[laws.length - 1];
    if ((last && start < last.numberEnd) || numbered.covers(start, start + m[0].length)) continue;
    const law = readLaw(text, start, start + m[0].length, m.groups?.['type'] ?? 'Luật', numbered.nextStart(start, text.length));
    if (law) laws.push(law);
  }
  anchors.push(...laws);
  anchors.sort((a, b) => a.start - b.start);
  const taken = new Cursor(anchors);
  const shorts: Anchor[] = [];
  for (const m of matches(patterns.shortForm, text)) {
    const span = m.indices?.groups?.['number'];
    if (!span || taken.covers(m.index, span[1])) continue;
    const a = blankAnchor('short', m.index, span[1]);
    a.type = canonicalType(m.groups?.['type'] ?? '');
    a.number = m.groups?.['number'] ?? null;
    shorts.push(a);
  }
  anchors.push(...shorts);
  anchors.sort((a, b) => a.start - b.start);

  for (const a of anchors) {
    readTail(text, a, patterns);
    readPinpoints(text, a, patterns);
    a.annex = annexPassage || isAnnexLine(text, a.start, patterns);
  }
  anchors.forEach((a, i) => readSubject(text, a, anchors, i + 1, patterns));
  placeAnchors(text, anchors);
  return anchors;
}

/**
 * The type word written before a number at `at`: right before it ("Quyết định số "), before its date
 * ("văn bản đề ngày 29 tháng 10 năm 2025 số "), or before its issuer ("Kết luận liên ngành của … số ").
 * A lower-case "luật" is a word of a law's title ("văn bản quy phạm pháp luật số 64/2025/QH15"), left to
 * the law reader.
 */
function typedBefore(text: string, at: number, before: string, from: number, patterns: CitationPatterns): { start: number; type: string; date: string | null; issuer: string | null } | null {
  const plain = patterns.typedBefore.exec(before);
  if (plain?.groups?.['type']) {
    if (/^(?:luật|bộ\s+luật)$/u.test(plain.groups['type'])) return null;
    return { start: from + plain.index, type: plain.groups['type'], date: null, issuer: null };
  }
  const dated = P.TYPED_DATED_BEFORE_RE.exec(before);
  if (dated?.groups?.['type']) {
    const g = dated.groups;
    return { start: from + dated.index, type: g['type']!, date: isoDate(g['d1'] ?? g['d2'], g['m1'] ?? g['m2'], g['y1'] ?? g['y2']), issuer: null };
  }
  const wide = Math.max(0, at - P.TYPED_ISSUER_REACH);
  const issued = P.TYPED_ISSUER_BEFORE_RE.exec(text.slice(wide, at));
  const issuer = issued?.groups?.['issuer'];
  if (issued?.groups?.['type'] && issuer && !containsTypeWord(issuer)) {
    // the issuer as its own words read it: "Chủ tịch UBND tỉnh" of "… của Chủ tịch UBND tỉnh về việc công bố …: số"
    return { start: wide + issued.index, type: issued.groups['type'], date: null, issuer: issuerUpToStop(issuer) };
  }
  return null;
}

/** An issuer run cut at its first stop word in lower case, commas kept ("Tòa án nhân dân tối cao, Viện …"). */
function issuerUpToStop(run: string): string | null {
  const out: string[] = [];
  const ws = run.trim().split(/\s+/u);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!.replace(/[,:]+$/u, '');
    if (i > 0 && (P.ISSUER_STOP_WORDS.has(w) || P.ISSUER_STOP_PAIRS.has(`${w} ${ws[i + 1] ?? ''}`.toLowerCase()))) break;
    out.push(ws[i]!);
  }
  const issuer = out.join(' ').replace(/[,:\s]+$/u, '');
  return issuer || null;
}

/** True when a run of words holds a type word starting with a capital ("… và Công văn …"). */
function containsTypeWord(run: string): boolean {
  for (const w of run.matchAll(/(?<![\p{L}\p{N}])\p{Lu}/gu)) if (typeWordAt(run, w.index)) return true;
  return false;
}

/** Reads the date and issuer after an anchor's number, in either order. */
function readTail(text: string, a: Anchor, patterns: CitationPatterns): void {
  let pos = a.numberEnd;
  const first = dateAt(text, pos, patterns.dateClause);
  if (first) {
    a.date ??= first.date;
    pos = first.end;
    a.coreEnd = pos;
  }
  patterns.issuerLead.lastIndex = pos;
  const lead = patterns.issuerLead.exec(text);
  if (lead) {
    const runStart = patterns.issuerLead.lastIndex;
    P.ISSUER_RUN_RE.lastIndex = runStart;
    const run = P.ISSUER_RUN_RE.exec(text);
    const issuer = run ? readIssuer(run[0]) : null;
    if (issuer) {
      a.issuer = issuer.issuer;
      pos = runStart + issuer.length;
      const more = P.ROLE_ONLY_RE.test(issuer.issuer) ? P.ISSUER_ROLE_COMMA_RE.exec(text.slice(pos, pos + 4)) : null;
      if (more) {
        P.ISSUER_RUN_RE.lastIndex = pos + more[0].length;
        const run2 = P.ISSUER_RUN_RE.exec(text);
        const rest = run2 ? readIssuer(run2[0]) : null;
        if (rest) {
          a.issuer = `${issuer.issuer}, ${rest.issuer}`;
          pos += more[0].length + rest.length;
        }
      }
      P.ISSUER_ASIDE_RE.lastIndex = pos;
      if (P.ISSUER_ASIDE_RE.exec(text)) pos = P.ISSUER_ASIDE_RE.lastIndex;
      if (!first) {
        const second = dateAt(text, pos, patterns.dateClause);
        if (second) {
          a.date ??= second.date;
          pos = second.end;
        }
      }
    }
  }
  a.tailEnd = pos;
}

/** Reads "về …" (or "ban hành …") after the tail, up to ";", a sentence end or the next listed reference (from `anchors[next]` on). */
function readSubject(text: string, a: Anchor, anchors: Anchor[], next: number, patterns: CitationPatterns): void {
  patterns.subjectLead.lastIndex = a.tailEnd;
  if (!patterns.subjectLead.exec(text)) return;
  const from = patterns.subjectLead.lastIndex;
  patterns.subjectEnd.lastIndex = from;
  const stop = patterns.subjectEnd.exec(text);
  let to = stop ? stop.index : text.length;
  for (let k = next; k < anchors.length; k++) {
    const b = anchors[k]!;
    if (b.start >= to) break;
    if (b.start <= from) continue;
    const before = text.slice(from, b.start - b.pinpointBefore);
    if (P.GAP_JOINT_END_RE.test(before)) {
      to = b.start - b.pinpointBefore;
      break;
    }
  }
  let subject = text
    .slice(from, to)
    .replace(/\s+/g, ' ')
    .replace(P.SUBJECT_TRAIL_RE, '')
    .trim();
  if (subject.length > P.SUBJECT_MAX) subject = subject.slice(0, subject.lastIndexOf(' ', P.SUBJECT_MAX)).trim() + ' …';
  if (subject) a.subject = subject;
}

/** Reads "khoản 2 Điều 8" before an anchor and "(Phần II Phụ lục, Mục 1, …)" after it. */
function readPinpoints(text: string, a: Anchor, patterns: CitationPatterns): void {
  const reach = Math.max(0, a.start - P.PINPOINT_BEFORE_REACH);
  const before = patterns.pinpointBefore.exec(text.slice(reach, a.start));
  if (before?.groups?.['pin']) {
    a.pinpoint = before.groups['pin'].replace(/\s+/g, ' ');
    a.pinpointBefore = a.start - reach - before.index;
  }
  patterns.pinpointAfter.lastIndex = a.tailEnd;
  const after = patterns.pinpointAfter.exec(text);
  if (after?.groups?.['pin']) {
    const pin = after.groups['pin'].replace(/\s+/g, ' ');
    a.pinpoint = a.pinpoint ? `${a.pinpoint}; ${pin}` : pin;
  }
}

/** True when the anchor follows "(Ban hành kèm theo" / "(Kèm theo" at the start of a line or parenthesis. */
function isAnnexLine(text: string, start: number, patterns: CitationPatterns): boolean {
  const from = Math.max(0, start - P.ANNEX_REACH);
  const prefix = text.slice(from, start);
  const m = patterns.annexBefore.exec(prefix);
  if (!m) return false;
  return m[0].trimStart().startsWith('(') || from + m.index === 0 || P.LINE_BREAK_END_RE.test(text.slice(Math.max(0, from + m.index - 8), from + m.index));
}

/**
 * Decides how each anchor hangs: "top" (an item of the lead's list), "nested" (named inside
 * another reference's subject: "… sửa đổi, bổ sung Nghị định số 20/2008/NĐ-CP"), or "outside"
 * (in a later sentence). Also gives list continuations their type and lends a trailing issuer
 * to the earlier items of a list ("Nghị quyết số 76/NQ-CP …, Nghị quyết số 68/NQ-CP … của Chính phủ").
 */
function placeAnchors(text: string, anchors: Anchor[]): void {
  for (let i = 1; i < anchors.length; i++) {
    const prev = anchors[i - 1]!;
    const cur = anchors[i]!;
    cur.type ??= prev.type;
    const gap = gapBetween(text, prev, cur);
    if (prev.depth === 'outside' || P.GAP_SENTENCE_END_RE.test(gap)) cur.depth = 'outside';
    else if (gap.includes(';')) cur.depth = 'top';
    else if (P.GAP_SIBLING_RE.test(gap.trim())) cur.depth = prev.depth;
    else cur.depth = 'nested';
  }
  for (let i = anchors.length - 2; i >= 0; i--) {
    const cur = anchors[i]!;
    const next = anchors[i + 1]!;
    if (cur.issuer || !next.issuer || cur.subject || cur.kind !== 'numbered' || next.kind !== 'numbered') continue;
    const gap = gapBetween(text, cur, next).trim();
    if (P.GAP_RESET_RE.test(gap) || !P.GAP_SIBLING_RE.test(gap)) continue;
    const a = issuerCodeOf(cur.symbol);
    const b = issuerCodeOf(next.symbol);
    if (a === null || a === b) cur.issuer = next.issuer;
  }
}

function gapBetween(text: string, a: Anchor, b: Anchor): string {
  const from = Math.max(a.tailEnd, a.coreEnd);
  const to = b.start - b.pinpointBefore;
  return to > from ? text.slice(from, to) : '';
}

// ---------------------------------------------------------------------------------------------
// Issuer, level, scope
// ---------------------------------------------------------------------------------------------

/** The issuer code a symbol carries: "NQ-CP" → CP, "UBND-KSTT" → UBND, "QĐ-BNN-KHCN" → BNN, "TTr-SoNNMT" → SoNNMT. */
function issuerCodeOf(symbol: string | null): string | null {
  if (!symbol) return null;
  const segs = symbol.split(/[-/]/);
  // "CT-UBND": CT is the type (Chỉ thị); "CT-CS": with no issuer after it, CT is the issuer (Cục Thuế)
  if (segs.length > 1 && segs[0]! in P.TYPE_CODES) return issuerCodeIn(segs.slice(1)) ?? issuerCodeIn(segs);
  return issuerCodeIn(segs);
}

function issuerCodeIn(segs: readonly string[]): string | null {
  for (const seg of segs) {
    if (P.TERM_CODE_RE.test(seg)) return seg.replace(/\d+$/u, '');
    if (seg in P.ISSUER_CODES) return seg;
    if (!(seg in P.TYPE_CODES) && P.DEPARTMENT_CODE_RE.test(seg)) return seg;
  }
  return null;
}

function unitOf(province: string | null): string {
  if (!province) return 'tỉnh';
  return P.CENTRAL_CITIES.has(province) ? `thành phố ${province}` : `tỉnh ${province}`;
}

function committeeOf(province: string | null): string {
  if (!province) return 'Tỉnh ủy';
  return P.CENTRAL_CITIES.has(province) ? `Thành ủy ${province}` : `Tỉnh ủy ${province}`;
}

/** The issuer a symbol implies: NQ-CP → Chính phủ, QĐ-TTg → Thủ tướng Chính phủ, KH-UBND → UBND tỉnh <province>. */
export function issuerFromSymbol(symbol: string | null, province: string | null): string | null {
  const code = issuerCodeOf(symbol);
  if (!code) return null;
  const known = P.ISSUER_CODES[code];
  if (!known) return null;
  return known.issuer.replace('{unit}', unitOf(province)).replace('{committee}', committeeOf(province));
}

function levelOf(symbol: string | null, issuer: string | null, kind: Anchor['kind'] | 'programme'): P.IssuerLevel | null {
  const code = issuerCodeOf(symbol);
  if (code) {
    const known = P.ISSUER_CODES[code];
    if (known) return known.level;
    if (P.DEPARTMENT_CODE_RE.test(code)) return 'local';
  }
  if (issuer) {
    if (P.NATIONAL_ISSUER_RE.test(issuer)) return 'national';
    if (P.LOCAL_ISSUER_RE.test(issuer)) return 'local';
  }
  if (kind === 'law') return 'national';
  return null;
}

function provinceIn(issuer: string | null): string | null {
  if (!issuer) return null;
  return P.ISSUER_PROVINCE_RE.exec(issuer)?.groups?.['name'] ?? null;
}

/** A written issuer completed with the province when it stops at its unit word: "UBND tỉnh" → "UBND tỉnh Khánh Hòa". */
function completeIssuer(issuer: string, province: string | null): string {
  return province && P.UNNAMED_UNIT_RE.test(issuer) ? `${issuer} ${province}` : issuer;
}

// ---------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------

const expandGlossary = makeExpander(GLOSSARY);

const foldedTitles = new Map<string, string>();

/** A law title in comparison form: "Tổ chức chính quyền địa phương", "ban hành văn bản QPPL" → "… quy phạm pháp luật". */
function foldTitle(title: string): string {
  let folded = foldedTitles.get(title);
  if (folded === undefined) {
    folded = comparisonForm(title, expandGlossary);
    if (foldedTitles.size > 1000) foldedTitles.clear();
    foldedTitles.set(title, folded);
  }
  return folded;
}

/** A symbol in comparison form: case, spaces and diacritics folded ("QĐ-UBND" = "QD-UBND"). */
function foldSymbol(symbol: string): string {
  return stripDiacritics(symbol.replace(/\s+/g, '')).toUpperCase();
}

function numberValue(n: string): number {
  return Number.parseInt(n, 10);
}

/**
 * The canonical identity of a cited document: "SYMBOL/NUMBER/YEAR" ("NQ-CP/01/2024"), without the
 * year part when no year is known ("QĐ-TTg/766"); laws by title "Luật/<folded title>/YEAR";
 * programmes by bare number "Đề án/06".
 */
/**
 * A document number as it is printed: "421/QĐ-UBND", but "57-NQ/TW" and "45-CT/TW" for the
 * Party's slash-style symbols, and "63/2010/NĐ-CP" when the year is part of the number.
 */
export function printedNumber(number: string, symbol: string | null, yearInNumber: number | null = null): string {
  if (!symbol) return number;
  if (symbol.includes('/') && !/^\d/u.test(symbol)) return `${number}-${symbol}`;
  return yearInNumber ? `${number}/${yearInNumber}/${symbol}` : `${number}/${symbol}`;
}

export function citationKey(c: { type: string | null; number: string | null; symbol: string | null; year: number | null; title?: string }): string {
  const symbol = c.symbol?.replace(/\s+/g, '') || null;
  const number = c.number?.trim() || null;
  const year = c.year !== null && Number.isFinite(c.year) ? `/${c.year}` : '';
  const type = c.type?.trim() || 'Văn bản';
  if (symbol && number) return `${symbol}/${number}${year}`;
  if (number) return `${type}/${number}${year}`;
  if (c.title) return `${type}/${foldTitle(c.title)}${year}`;
  return `${type}${year}`;
}

/** One anchor placed in the document. */
interface Found {
  anchor: Anchor;
  passage: Passage;
  relation: CitationRelation;
  /** Document order. */
  order: number;
}

/** Mentions of one cited document. */
interface Group {
  kind: 'numbered' | 'law' | 'programme';
  year: number | null;
  found: Found[];
}

const RELATION_RANK: Record<CitationRelation, number> = { implements: 3, basis: 2, refers: 1 };

function yearOf(a: Anchor): number | null {
  return a.numberYear ?? (a.date ? Number(a.date.slice(0, 4)) : null);
}

/** The relation a passage gives the references at its top level. */
function passageRelation(p: Passage): CitationRelation {
  if (p.zone !== 'preamble') return 'refers';
  if (p.role === 'implements') return 'implements';
  if (p.role === 'basis') return 'basis';
  if (P.BASIS_LEAD_RE.test(p.text)) return 'basis';
  if (P.IMPLEMENTS_LEAD_RE.test(p.text)) return 'implements';
  return 'refers';
}

function spanIn(p: Passage, start: number, end: number): Span {
  const o = p.offsets;
  const s = o[start];
  const e = end > start ? o[end - 1] : undefined;
  if (s === undefined) return [start, end];
  return [s, e === undefined ? s : e + 1];
}

/** Picks among groups of other years the one a yearless mention means: the nearest mentioned before it, else the first. */
function nearest(groups: Group[], order: number): Group {
  let best: Group | null = null;
  let bestOrder = -1;
  for (const g of groups) {
    for (const f of g.found) if (f.order < order && f.order > bestOrder) [best, bestOrder] = [g, f.order];
  }
  return best ?? groups[0]!;
}

function isSelf(g: Group, self: CitationContext['self']): boolean {
  if (g.kind !== 'numbered' || !self.number || !self.symbol) return false;
  const a = g.found[0]!.anchor;
  if (!a.number || !a.symbol) return false;
  if (numberValue(a.number) !== numberValue(self.number) || foldSymbol(a.symbol) !== foldSymbol(self.symbol)) return false;
  return self.year === null || g.year === null || self.year === g.year;
}

// ---------------------------------------------------------------------------------------------
// The stage
// ---------------------------------------------------------------------------------------------

/** What the stage reads from a document: its citations and the oddities met on the way. */
export interface CitationReading {
  citations: Citation[];
  warnings: Warning[];
}

/**
 * Reads every citation of a document from its passages (in document order), with warnings:
 * "citation-date-mismatch" (the number's year and the date's year differ), "citation-garbled-number"
 * (an OCR junk segment dropped), "citation-ambiguous-short-form" (a yearless mention that several
 * dated mentions could mean).
 */
export function readCitations(passages: Passage[], context: CitationContext, patterns: CitationPatterns = CITATION_PATTERNS): CitationReading {
  const warnings: Warning[] = [];
  const found: Found[] = [];
  let order = 0;
  for (const p of passages) {
    if (typeof p?.text !== 'string' || p.text.length === 0) continue;
    const base = passageRelation(p);
    const annexPassage = p.role === 'annex';
    for (const a of scanText(p.text, patterns, annexPassage)) {
      const relation: CitationRelation = a.depth === 'top' ? base : 'refers';
      found.push({ anchor: a, passage: p, relation, order: order++ });
      if (a.garbled) {
        warnings.push({
          code: 'citation-garbled-number',
          message: `"${mentionText({ anchor: a, passage: p, relation, order })}" has a stray segment in its number; read as ${a.number}/${a.symbol}.`,
          span: spanIn(p, a.start, a.coreEnd),
        });
      }
      if (a.numberYear !== null && a.date && a.kind === 'numbered' && Number(a.date.slice(0, 4)) !== a.numberYear) {
        warnings.push({
          code: 'citation-date-mismatch',
          message: `"${a.number}/${a.numberYear}/${a.symbol}" is dated ${a.date}, another year than its number's.`,
          span: spanIn(p, a.start, a.coreEnd),
        });
      }
    }
  }
  const groups = groupMentions(
    found.filter((f) => !f.anchor.annex),
    warnings,
  );
  const citations: Citation[] = [];
  for (const g of groups) {
    if (isSelf(g, context.self)) continue;
    citations.push(toCitation(g, context));
  }
  return { citations, warnings };
}

/** Every distinct document cited by the passages, one entry each, in order of first mention. */
export function extractCitations(passages: Passage[], context: CitationContext, patterns: CitationPatterns = CITATION_PATTERNS): Citation[] {
  return readCitations(passages, context, patterns).citations;
}

/** The groups being formed, indexed by the identities later mentions are matched on. */
interface GroupIndex {
  /** Every group, in order of creation. */
  groups: Group[];
  /** Numbered groups by folded symbol and number value ("QĐ-UBND|421"). */
  numbered: Map<string, Group[]>;
  /** Laws by type and folded title (a numbered group with a title too), programmes by type and number. */
  laws: Map<string, Group[]>;
}

/**
 * Groups found anchors by identity: dated mentions first, then yearless mentions (joined to the
 * dated document with the same number or title), then short forms ("Chương trình 06").
 */
function groupMentions(found: Found[], warnings: Warning[]): Group[] {
  const index: GroupIndex = { groups: [], numbered: new Map(), laws: new Map() };
  const yearless: Found[] = [];
  const shorts: Found[] = [];
  for (const f of found) {
    const year = yearOf(f.anchor);
    if (f.anchor.kind === 'short') shorts.push(f);
    else if (year === null) yearless.push(f);
    else groupDated(index, f, year);
  }
  for (const f of yearless) groupYearless(index, f, warnings);
  const byNumber = numberedByValue(index.groups);
  for (const f of shorts) groupShortForm(index, f, byNumber);
  for (const g of index.groups) g.found.sort((x, y) => x.order - y.order);
  index.groups.sort((x, y) => x.found[0]!.order - y.found[0]!.order);
  return index.groups;
}

/** The identity of a numbered mention: folded symbol and number value ("QĐ-UBND|421"). */
function numberKey(a: Anchor): string {
  return `${foldSymbol(a.symbol!)}|${numberValue(a.number!)}`;
}

/** The identity of a law by its type and folded title. */
function lawKey(a: Anchor): string {
  return `${a.type}|${foldTitle(a.title!)}`;
}

function addToIndex(index: Map<string, Group[]>, key: string, g: Group): void {
  const list = index.get(key);
  if (list) list.push(g);
  else index.set(key, [g]);
}

/** Puts a mention into the group of `list` with the same year, or into a new group. */
function joinGroup(index: GroupIndex, f: Found, kind: Group['kind'], year: number | null, list: Group[] | undefined): Group {
  const hit = list?.find((g) => g.year === year);
  if (hit) {
    hit.found.push(f);
    return hit;
  }
  const g: Group = { kind, year, found: [f] };
  index.groups.push(g);
  return g;
}

/** A dated mention: the group of its number (and title) or of its type and title, in that year. */
function groupDated(index: GroupIndex, f: Found, year: number): void {
  const a = f.anchor;
  if (a.kind === 'numbered') {
    const key = numberKey(a);
    const g = joinGroup(index, f, 'numbered', year, index.numbered.get(key));
    if (g.found.length === 1) addToIndex(index.numbered, key, g);
    if (a.title && g.found.length === 1) addToIndex(index.laws, lawKey(a), g);
  } else {
    const key = lawKey(a);
    const g = joinGroup(index, f, 'law', year, index.laws.get(key));
    if (g.found.length === 1) addToIndex(index.laws, key, g);
  }
}

/** A yearless mention: the dated document with the same number (or title), else one yearless entry. */
function groupYearless(index: GroupIndex, f: Found, warnings: Warning[]): void {
  const a = f.anchor;
  const key = a.kind === 'numbered' ? numberKey(a) : lawKey(a);
  const byKey = a.kind === 'numbered' ? index.numbered : index.laws;
  const list = byKey.get(key) ?? [];
  const dated = list.filter((g) => g.year !== null);
  if (dated.length > 0) {
    if (new Set(dated.map((g) => g.year)).size > 1) {
      warnings.push({
        code: 'citation-ambiguous-short-form',
        message: `"${mentionText(f)}" has no year and the document cites several years of it; the nearest earlier one is taken.`,
        span: spanIn(f.passage, a.start, a.coreEnd),
      });
    }
    nearest(dated, f.order).found.push(f);
  } else {
    const g = joinGroup(index, f, a.kind === 'numbered' ? 'numbered' : 'law', null, list);
    if (g.found.length === 1) addToIndex(byKey, key, g);
  }
}

/** The numbered groups by number value, for the short forms to find theirs. */
function numberedByValue(groups: Group[]): Map<number, Group[]> {
  const byNumber = new Map<number, Group[]>();
  for (const g of groups) {
    const b = g.found[0]!.anchor;
    if (g.kind !== 'numbered' || b.number === null) continue;
    const n = numberValue(b.number);
    const list = byNumber.get(n);
    if (list) list.push(g);
    else byNumber.set(n, [g]);
  }
  return byNumber;
}

/** A short form: the one cited document with that number (a programme: the decision approving it), else a programme of its own. */
function groupShortForm(index: GroupIndex, f: Found, byNumber: Map<number, Group[]>): void {
  const a = f.anchor;
  const n = numberValue(a.number!);
  const year = yearOf(a);
  const candidates = (byNumber.get(n) ?? []).filter((g) => {
    if (year !== null && g.year !== null && g.year !== year) return false;
    const t = g.found.find((x) => x.anchor.typed && x.anchor.kind !== 'short')?.anchor.type ?? g.found[0]!.anchor.type;
    return t === a.type || (P.PROGRAMME_TYPES.has(a.type!) && t !== null && P.PROGRAMME_CARRIERS.has(t));
  });
  if (candidates.length === 1) candidates[0]!.found.push(f);
  else if (P.PROGRAMME_TYPES.has(a.type!)) {
    const key = `${a.type}|${n}`;
    const g = joinGroup(index, f, 'programme', null, index.laws.get(key));
    if (g.found.length === 1) addToIndex(index.laws, key, g);
  }
}

function mentionText(f: Found): string {
  return f.passage.text.slice(f.anchor.start, f.anchor.coreEnd).replace(/\s+/g, ' ').trim();
}

/** Builds the citation of one group: identity from its fullest mention, facts from the first that gives them. */
function toCitation(g: Group, context: CitationContext): Citation {
  const anchors = g.found.map((f) => f.anchor);
  const main = anchors.find((a) => a.kind !== 'short' && a.typed) ?? anchors.find((a) => a.kind !== 'short') ?? anchors[0]!;
  const type = main.type ?? anchors.find((a) => a.type)?.type ?? null;
  const number = g.kind === 'law' ? null : main.number;
  const symbol = g.kind === 'numbered' ? main.symbol?.replace(/\s+/g, '') ?? null : null;
  const title = anchors.find((a) => a.title)?.title ?? null;
  const dated = anchors.find((a) => a.date && (g.year === null || Number(a.date.slice(0, 4)) === g.year || a.numberYear !== null));
  const written = anchors.find((a) => a.issuer)?.issuer ?? null;
  const level = levelOf(symbol, written, g.kind === 'programme' ? 'programme' : main.kind);
  const scope = level === 'local' ? provinceIn(written) ?? context.province : null;
  const issuer = written
    ? completeIssuer(written, level === 'local' ? scope : null)
    : (issuerFromSymbol(symbol, scope ?? context.province) ?? (type && P.LAW_TYPES.has(type) ? P.LAW_ISSUER : null));
  const subject = anchors.find((a) => a.subject)?.subject ?? (g.kind === 'law' || (title && g.kind === 'numbered') ? title : null);
  let relation: CitationRelation = 'refers';
  const mentions: Mention[] = [];
  for (const f of g.found) {
    if (RELATION_RANK[f.relation] > RELATION_RANK[relation]) relation = f.relation;
    const m: Mention = { clauseId: f.passage.clauseId, text: mentionText(f), span: spanIn(f.passage, f.anchor.start, f.anchor.coreEnd) };
    if (f.anchor.pinpoint) m.pinpoint = f.anchor.pinpoint;
    mentions.push(m);
  }
  const key = citationKey({ type, number, symbol, year: g.year, ...(g.kind === 'law' && title ? { title } : {}) });
  return { key, type, number, symbol, year: g.year, date: dated?.date ?? null, issuer, subject, scope, relation, mentions };
}

// ---------------------------------------------------------------------------------------------
// Single references
// ---------------------------------------------------------------------------------------------

/** A passage over a bare string, offsets equal to indices. */
function passageOf(text: string): Passage {
  const offsets = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = i;
  return { clauseId: 'text', zone: 'body', role: 'paragraph', text, offsets, headings: [] };
}

/**
 * Parses the first reference in a string ("Quyết định số 344/QĐ-UBND ngày 13/02/2025 của Chủ tịch
 * UBND tỉnh Khánh Hòa", an annex line included); null if there is none. `province` completes
 * issuers inferred from local symbols.
 */
export function readReference(text: string, province: string | null = null): (Omit<Citation, 'mentions' | 'relation' | 'key'> & { key: string }) | null {
  if (typeof text !== 'string' || !text) return null;
  const p = passageOf(text.normalize('NFC'));
  const anchors = scanText(p.text, CITATION_PATTERNS, false).filter((a) => a.kind !== 'short');
  const a = anchors[0];
  if (!a) return null;
  const g: Group = { kind: a.kind === 'law' ? 'law' : 'numbered', year: yearOf(a), found: [{ anchor: a, passage: p, relation: 'refers', order: 0 }] };
  const { mentions: _m, relation: _r, ...rest } = toCitation(g, { self: { number: null, symbol: null, year: null }, province });
  return rest;
}

/**
 * The citation keys of the references written in a piece of text (a "Căn cứ thực hiện" cell, a
 * sentence). With the document's citations, yearless and short mentions take the key of the
 * document they mean.
 */
export function citationKeysIn(text: string, known: readonly Citation[] = []): string[] {
  if (typeof text !== 'string' || !text) return [];
  const p = passageOf(text.normalize('NFC'));
  const keys: string[] = [];
  for (const a of scanText(p.text, CITATION_PATTERNS, false)) {
    let key: string | null = null;
    const year = yearOf(a);
    if (a.kind === 'numbered' && a.number && a.symbol) {
      const same = known.filter(
        (c) => c.number && c.symbol && numberValue(c.number) === numberValue(a.number!) && foldSymbol(c.symbol) === foldSymbol(a.symbol!) && (year === null || c.year === year),
      );
      key = same[0]?.key ?? citationKey({ type: a.type, number: a.number, symbol: a.symbol.replace(/\s+/g, ''), year });
    } else if (a.kind === 'law' && a.title) {
      const folded = foldTitle(a.title);
      const same = known.find((c) => c.subject && c.type === a.type && foldTitle(c.subject) === folded && (year === null || c.year === year));
      key = same?.key ?? citationKey({ type: a.type, number: null, symbol: null, year, title: a.title });
    } else if (a.kind === 'short' && a.number) {
      const n = numberValue(a.number);
      const same = known.filter((c) => c.number && numberValue(c.number) === n && (c.type === a.type || (P.PROGRAMME_TYPES.has(a.type!) && c.type !== null && P.PROGRAMME_CARRIERS.has(c.type))));
      key = same.length === 1 ? same[0]!.key : null;
    }
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}
