/**
 * Targets: every numeric commitment of a plan read as a typed fact — from appendix table rows
 * (by column meaning) and from prose ("tối thiểu 80% hồ sơ …", "… đạt từ 30% trở lên").
 *
 * Pipeline per passage: pick the text to read (a prose clause, or the cells of a table row) →
 * split into sentences → find value mentions (PERCENT_RE, COUNT_RE) → cut each mention's
 * indicator phrase out of its sentence → attach horizon, deadline, units, basis.
 */
import type { Deadline } from '../text/deadline.js';
import * as P from '../patterns/targets.js';
import type { CellRole, Comparator, Passage, Span, TableCell, Target } from '../types.js';

export interface TargetContext {
  /** The plan's own year (fallback horizon). */
  year: number | null;
  /** Comparison-form folder bound to the document's abbreviations (from src/text/fold.ts makeFolder). */
  fold: (text: string) => string;
  /** Maps a piece of text (a "Căn cứ thực hiện" cell or a sentence) to the citation keys found in it; optional (citations land separately). */
  citationKeys?: (text: string) => string[];
  /**
   * The document lays down rules (a law, a decree, a circular, a regulation): its percentages and
   * plain figures are rules or entitlements unless a target word or a horizon stands beside them;
   * the durations, counts and sums it bounds ("không quá 03 lần") are limits it sets. Plans leave it unset.
   */
  rules?: boolean;
  /** The document's time budget, checked once per passage (outside the per-passage error guard). */
  deadline?: Deadline;
}

/** The regular expressions the stage runs; swap them in tests or benchmarks. */
export interface TargetPatterns {
  /** Percentages with their comparator words. */
  percent: RegExp;
  /** Counts, durations and money behind a commitment word. */
  count: RegExp;
  /** The value at the start of a table cell. */
  cellValue: RegExp;
  /** Due dates with the word that makes them due ("trước tháng 6/2024"). */
  due: RegExp;
}

export const TARGET_PATTERNS: TargetPatterns = {
  percent: P.PERCENT_RE,
  count: P.COUNT_RE,
  cellValue: P.CELL_VALUE_RE,
  due: P.DUE_RE,
};

/** Zones whose text can hold the plan's own commitments. */
const TARGET_ZONES = new Set(['body', 'appendix', 'decision']);

/** A run of text with a map back to original offsets. */
interface Segment {
  text: string;
  /** Original offset of text[i] (i may equal text.length: the end). */
  at: (i: number) => number;
}

/** A value found in a sentence. */
interface Mention {
  /** Start of the comparator words (or of the number). */
  start: number;
  /** End of the number, unit and suffix. */
  end: number;
  value: number;
  comparator: Comparator;
  unit: string | null;
  /** A count, duration or amount (its indicator is written before it). */
  count: boolean;
}

/** Parses "100", "6,5", "1.000", "05". */
export function parseNumber(s: string): number {
  const t = s.trim();
  if (/^\d{1,3}(?:\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ''));
  return Number(t.replace(',', '.'));
}

function segmentOf(passage: Passage): Segment {
  const { offsets, text } = passage;
  return {
    text,
    at: (i) => {
      if (offsets.length === 0) return i;
      const k = Math.max(0, Math.min(i, offsets.length - 1));
      return offsets[k] ?? i;
    },
  };
}

/** A cell's text as a segment, mapped through the passage when the cell text is found in it. */
function cellSegment(cell: TableCell, passage: Passage): Segment {
  const within = passage.text.indexOf(cell.text);
  if (within >= 0 && cell.text.length > 0) {
    const base = segmentOf(passage);
    return { text: cell.text, at: (i) => base.at(within + i) };
  }
  const [s, e] = cell.span;
  return { text: cell.text, at: (i) => Math.min(e, s + i) };
}

function spanOf(seg: Segment, start: number, end: number): Span {
  if (end <= start) return [seg.at(start), seg.at(start)];
  return [seg.at(start), seg.at(end - 1) + 1];
}

/** [start, end) ranges of the sentences of a text. */
export function sentenceRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (const m of text.matchAll(P.SENTENCE_END_RE)) {
    const end = m.index + (m[0].startsWith('\n') ? 0 : m[0].length);
    if (end > from) out.push([from, end]);
    from = m.index + m[0].length;
  }
  if (from < text.length) out.push([from, text.length]);
  return out.filter(([s, e]) => text.slice(s, e).trim().length > 0);
}

/** A space run other than one plain space (squash has work to do only when one is there). */
const SPACE_TO_SQUASH_RE = /\s\s|[^\S ]/;

function squash(s: string): string {
  return SPACE_TO_SQUASH_RE.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

/** Cleans a unit or indicator edge: drops edge punctuation and filler words. */
function trimPhrase(s: string): string {
  let t = squash(s);
  for (let i = 0; i < 4; i++) {
    const before = t;
    t = t.replace(/^[\s,;:.\-–+*•|]+/u, '').replace(/[\s,;:\-–|]+$/u, '');
    t = t.replace(P.ENUMERATOR_RE, '');
    t = (t + ' ').replace(P.LEADING_FILLER_RE, '').trim();
    t = t.replace(P.TRAILING_FILLER_RE, '').trim();
    t = t.replace(/\.$/u, '').replace(/\s+([,;.)])/gu, '$1').replace(/\(\s+/gu, '(').trim();
    if (t === before) break;
  }
  // unbalanced parentheses at the edges
  if ((t.match(/\(/g) ?? []).length < (t.match(/\)/g) ?? []).length) t = t.replace(/^\)\s*/, '');
  return t;
}

/** True when a percentage sits inside the subject of a cited document ("Quyết định số … về việc giảm 20% …"). */
function insideCitation(sentence: string, at: number): boolean {
  return P.CITATION_SUBJECT_BEFORE_RE.test(sentence.slice(Math.max(0, at - 240), at));
}

/** Scanners built so far, one per pattern (built once, not once per sentence). */
const SCANNERS = new WeakMap<RegExp, RegExp>();

/** A global copy of a pattern with match indices ("d"), so group positions are known. */
function scanner(re: RegExp): RegExp {
  let out = SCANNERS.get(re);
  if (!out) {
    let flags = re.flags;
    if (!flags.includes('g')) flags += 'g';
    if (!flags.includes('d')) flags += 'd';
    out = new RegExp(re.source, flags);
    SCANNERS.set(re, out);
  }
  return out;
}

/** Every match of a pattern in a text, as `text.matchAll` gives them, without copying the pattern each time. */
function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const sc = scanner(re);
  const out: RegExpExecArray[] = [];
  sc.lastIndex = 0;
  for (let m = sc.exec(text); m; m = sc.exec(text)) {
    out.push(m);
    if (m[0].length === 0) sc.lastIndex += (text.codePointAt(sc.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  sc.lastIndex = 0;
  return out;
}

/** Patterns that match nothing without an ASCII digit (the value is `\d…`): a sentence without one is skipped. */
const NEED_DIGIT = new WeakSet<RegExp>([P.PERCENT_RE, P.COUNT_RE]);
const DIGIT_RE = /\d/;

/** Finds the values of one sentence (positions relative to the sentence). */
function findMentions(sentence: string, patterns: TargetPatterns): Mention[] {
  const out: Mention[] = [];
  if (NEED_DIGIT.has(patterns.percent) && NEED_DIGIT.has(patterns.count) && !DIGIT_RE.test(sentence)) return out;
  for (const m of matchesOf(patterns.percent, sentence)) {
    const g = m.groups ?? {};
    const at = m.indices?.groups?.num;
    if (!g.num || !at) continue;
    if (insideCitation(sentence, m.index)) continue;
    if (g.ge?.trim().toLowerCase() === 'từ' && !g.suffix && P.BASELINE_AFTER_RE.test(sentence.slice(m.index + m[0].length))) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      value: parseNumber(g.num),
      comparator: g.high ? '>=' : P.comparatorOf(g),
      unit: '%',
      count: false,
    });
  }
  const overlaps = (s: number, e: number) => out.some((x) => s < x.end && x.start < e);
  for (const m of matchesOf(patterns.count, sentence)) {
    const g = m.groups ?? {};
    const at = m.indices?.groups?.num;
    const unitAt = m.indices?.groups?.unit;
    if (!g.num || !g.unit || !at || !unitAt) continue;
    const unit = countUnit(g.unit);
    if (!unit) continue;
    const end = unitAt[0] + g.unit.indexOf(unit) + unit.length;
    if (overlaps(m.index, end)) continue;
    if (P.NOT_A_VALUE_BEFORE_RE.test(sentence.slice(Math.max(0, at[0] - 12), at[0]))) continue;
    // "trong thời hạn …" bounds a duration only ("trong thời hạn 05 ngày làm việc", not "trong vòng 02 người")
    if (g.within !== undefined && !P.TIME_UNIT_RE.test(unit)) continue;
    out.push({
      start: m.index,
      end,
      value: parseNumber(g.num),
      comparator: g.ge ? '>=' : g.le !== undefined ? '<=' : '=',
      unit,
      count: true,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Words that cannot be (the start of) a counted unit. */
const NOT_UNIT_WORDS = new Set([
  'của', 'và', 'trên', 'trong', 'được', 'có', 'là', 'với', 'cho', 'theo', 'tại', 'về', 'các', 'những', 'từ', 'đến', 'đã', 'sẽ', 'để',
  'trở', 'so', 'hoặc', 'mỗi', 'một', 'lần', 'này', 'đó',
]);

/** Keeps the noun of a count ("tập dữ liệu mở" from "tập dữ liệu mở của …"); null when it is no unit. */
function countUnit(raw: string): string | null {
  const ws = squash(raw).split(' ');
  const first = ws[0]?.toLowerCase();
  if (!first) return null;
  if (first === 'lần') return 'lần';
  if (NOT_UNIT_WORDS.has(first) || /^\p{Lu}/u.test(ws[0] ?? '') || /\p{N}/u.test(first)) return null;
  const kept: string[] = [];
  for (const w of ws) {
    if (NOT_UNIT_WORDS.has(w.toLowerCase()) || /\p{N}/u.test(w)) break;
    kept.push(w);
  }
  return kept.length > 0 ? kept.join(' ') : null;
}

/** Words (with positions) of a text. */
function wordsWithPos(text: string): Array<{ w: string; s: number; e: number }> {
  const out: Array<{ w: string; s: number; e: number }> = [];
  for (const m of text.matchAll(/[^\s]+/gu)) out.push({ w: m[0], s: m.index, e: m.index + m[0].length });
  return out;
}

/**
 * The verb written just before a value ("rà soát", "cắt giảm", "đồng bộ"): up to four syllables
 * back to punctuation, a number or a conjunction. Returns its start (or `at` when there is none).
 */
function leadInStart(sentence: string, at: number, floor: number): number {
  const before = sentence.slice(floor, at);
  const ws = wordsWithPos(before);
  let start = at;
  let count = 0;
  for (let i = ws.length - 1; i >= 0 && count < 4; i--) {
    const w = ws[i]!;
    const bare = w.w.replace(/[,;:()]+$/u, '');
    if (w.w !== bare && i !== ws.length - 1) break; // punctuation after this word: a boundary
    if (P.LEAD_IN_STOP_RE.test(bare) || bare.length === 0) break;
    if (w.w !== bare) break;
    start = floor + w.s;
    count += 1;
  }
  let lead = sentence.slice(start, at);
  const commitments = [...lead.matchAll(new RegExp(P.COMMITMENT_WORD_RE.source, 'giu'))];
  const lastCommitment = commitments[commitments.length - 1];
  if (lastCommitment) {
    start += lastCommitment.index + lastCommitment[0].length;
    lead = sentence.slice(start, at);
  }
  lead = lead.trim();
  if (!lead || P.LEAD_IN_PREPOSITION_RE.test(lead)) return at;
  const kept = trimPhrase(lead);
  if (!kept) return at;
  const idx = sentence.lastIndexOf(kept, at);
  return idx >= start ? idx : at;
}

/** The indicator phrase of each mention of one sentence. */
function metricsOf(sentence: string, mentions: Mention[]): string[] {
  const leadStarts = mentions.map((m, i) => leadInStart(sentence, m.start, i > 0 ? mentions[i - 1]!.end : 0));
  const out: string[] = [];
  let prevEnd = 0;
  let prevMetric = '';
  mentions.forEach((m, i) => {
    const after = sentence.slice(m.end);
    const nextStart = i + 1 < mentions.length ? Math.min(leadStarts[i + 1]!, mentions[i + 1]!.start) : sentence.length;
    const forward = !P.NO_FORWARD_PHRASE_RE.test(after) && /^\s*[\p{L}"“(]/u.test(after);
    let metric = '';
    let end = m.end;
    const forwardBody = (): string => {
      const tail = sentence.slice(m.end, nextStart);
      const stop = tail.search(P.FORWARD_STOP_RE);
      const body = stop >= 0 ? tail.slice(0, stop) : tail;
      end = m.end + body.length;
      return body;
    };
    const backward = (): string => {
      const region = sentence.slice(prevEnd, m.start);
      let from = 0;
      for (const b of region.matchAll(new RegExp(P.BACKWARD_STOP_RE.source, 'giu'))) {
        // a colon right before the value names the indicator before it ("Tỷ lệ cắt giảm chi phí: 10%")
        if (region.slice(b.index + b[0].length).trim() === '' && b[0] === ':') continue;
        from = b.index + b[0].length;
      }
      return region.slice(from).replace(P.FROM_VALUE_TAIL_RE, '');
    };
    if (m.count) {
      // "có tối thiểu 05 kịch bản ứng dụng dữ liệu …": the counted noun and what follows name the indicator;
      // "giảm thời gian giải quyết … còn 09 ngày làm việc": a duration or amount is named before it
      const before = backward();
      if (P.COUNTED_UNIT_RE.test(m.unit ?? '')) {
        const subject = P.POSSESSIVE_END_RE.test(before.trim()) ? '' : trimPhrase(before);
        metric = trimPhrase(`${subject} ${m.unit} ${forwardBody()}`);
      } else metric = withoutEvent(trimPhrase(before));
      if (P.DURATION_FRAME_RE.test(metric)) metric = '';
      if (!metric && P.TIME_UNIT_RE.test(m.unit ?? '')) metric = boundAction(sentence.slice(m.end, nextStart));
    } else if (forward) {
      const body = forwardBody();
      const lead = leadStarts[i]! < m.start ? sentence.slice(leadStarts[i], m.start) : '';
      const before = sentence.slice(prevEnd, m.start);
      const words = trimPhrase(body).split(' ').filter(Boolean).length;
      if (words <= 3 && P.LINKING_VERB_END_RE.test(before) && trimPhrase(backward())) {
        // "Tỷ lệ phủ sóng 5G trên địa bàn đạt 100% dân số": the value completes the indicator before it
        metric = `${trimPhrase(backward())} (${trimPhrase(body)})`;
      } else {
        metric = trimPhrase(`${trimPhrase(lead)} ${body}`);
      }
      const intro = sentence.slice(Math.max(prevEnd, 0), m.start);
      if (metric.split(' ').length < 4 && /trong\s+(?:số\s+)?đó/iu.test(intro) && prevMetric) metric = `${metric} (${prevMetric})`;
    }
    if (!metric) {
      metric = trimPhrase(backward());
      if (!metric && !forward && prevMetric) metric = prevMetric;
    }
    out.push(metric);
    prevEnd = Math.max(end, m.end);
    prevMetric = metric;
  });
  return out;
}

/** The longest indicator read for a duration from the words after it. */
const ACTION_WORDS = 16;

/**
 * What a duration written first bounds, read after it: the action once its starting event is said
 * ("Trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản đề nghị, Sở Tư pháp trình Chủ tịch
 * UBND tỉnh …" → "Sở Tư pháp trình Chủ tịch UBND tỉnh …"), else that event ("… 05 ngày làm việc kể từ
 * ngày nhận đủ hồ sơ hợp lệ").
 */
function boundAction(after: string): string {
  const words = withoutEvent(trimPhrase(after.split(/[;.]/u)[0] ?? '')).split(' ').filter(Boolean);
  return words.slice(0, ACTION_WORDS).join(' ');
}

/** A phrase without the event a duration is counted from at its start ("kể từ ngày nhận được hồ sơ, đại diện …" → "đại diện …"), unless that event is all of it. */
function withoutEvent(phrase: string): string {
  const comma = P.FROM_EVENT_RE.test(phrase) ? phrase.indexOf(',') : -1;
  return (comma >= 0 && trimPhrase(phrase.slice(comma + 1))) || phrase;
}

/** A due date found in a sentence. */
interface Due {
  start: number;
  text: string;
  year: number | null;
}

function dueDates(sentence: string, patterns: TargetPatterns): Due[] {
  const out: Due[] = [];
  for (const m of matchesOf(patterns.due, sentence)) {
    out.push({ start: m.index, text: squash(m[0]), year: P.dueYear(m.groups ?? {}) });
  }
  return out;
}

/** Due dates written in a text, with their years: "trước tháng 6/2024" → 2024, "Quý III năm 2025" → 2025. */
export function deadlinesIn(text: string, patterns: TargetPatterns = TARGET_PATTERNS): Array<{ text: string; year: number | null }> {
  return dueDates(text, patterns).map(({ text: t, year }) => ({ text: t, year }));
}

/** The due date of a value: the nearest one written after it in its clause (up to ";"), else the nearest before. */
function dueFor(dues: Due[], m: Mention, sentence: string): Due | null {
  const sameClause = (from: number, to: number) => !sentence.slice(from, to).includes(';');
  // a bare year written right after the figure is its horizon ("đạt từ 10% trở lên năm 2026")
  const right = P.YEAR_RIGHT_AFTER_RE.exec(sentence.slice(m.end, m.end + 40));
  if (right?.groups?.['y']) return { start: m.end, text: squash(right[0]), year: Number(right.groups['y']) };
  const after = dues.filter((d) => d.start >= m.end && sameClause(m.end, d.start));
  if (after.length > 0) return after[0]!;
  const before = dues.filter((d) => d.start < m.start && sameClause(d.start, m.start));
  if (before.length > 0) return before[before.length - 1]!;
  const lead = P.YEAR_LEAD_RE.exec(sentence);
  return lead?.groups?.['y'] && sameClause(0, m.start) ? { start: 0, text: squash(lead[0]).replace(/[,:]$/u, ''), year: Number(lead.groups['y']) } : null;
}

/** The last year written in a time text ("Trong năm 2024" → 2024, "Tháng 3,6,9,12/2023" → 2023). */
function lastYear(text: string): number | null {
  const ys = [...text.matchAll(P.ANY_YEAR_RE)].map((m) => Number(m[0]));
  return ys.length > 0 ? ys[ys.length - 1]! : null;
}

/** Headings already stripped: every passage under a heading asks for it again. */
const HEADING_TEXTS = new Map<string, string>();
const HEADING_TEXTS_MAX = 4096;

/** Strips a heading's label and marks: "a) Đến năm 2025:" → "Đến năm 2025". */
export function headingText(h: string): string {
  let out = HEADING_TEXTS.get(h);
  if (out === undefined) {
    out = stripHeading(h);
    if (HEADING_TEXTS.size >= HEADING_TEXTS_MAX) HEADING_TEXTS.clear();
    HEADING_TEXTS.set(h, out);
  }
  return out;
}

function stripHeading(h: string): string {
  return squash(h.replace(/[*#_]/g, ''))
    .replace(/^(?:[-+•]\s*)+/u, '')
    .replace(/^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]?\s+(?=\S)/u, '')
    .replace(/[:.\s]+$/u, '')
    .trim();
}

/** The horizon set by the nearest heading that names one ("Đến năm 2025", "Định hướng đến năm 2030"). */
function headingHorizon(headings: string[]): number | null {
  for (let i = headings.length - 1; i >= 0; i--) {
    const h = headingText(headings[i]!);
    const m = P.HEADING_HORIZON_RE.exec(h);
    if (!m?.groups) continue;
    // "đến năm 2030" sets a horizon wherever it is written; a bare year or period only in a short
    // heading or one about targets ("CHỈ TIÊU … NĂM 2024"), not in a long task title
    if (m.groups.to) return Number(m.groups.to);
    const short = h.split(' ').length <= 10 || /^(?:mục tiêu|chỉ tiêu|giai đoạn|năm|phụ lục)|chỉ tiêu|mục tiêu/iu.test(h);
    if (short) return Number(m.groups.end ?? m.groups.year);
  }
  return null;
}

function isRetrospective(headings: string[]): boolean {
  return headings.some((h) => P.RETROSPECTIVE_HEADING_RE.test(h) && !/mục tiêu|chỉ tiêu|nhiệm vụ|giải pháp/iu.test(h));
}

/** Splits a list of units: "Các sở, ban, ngành; UBND cấp huyện, UBND cấp xã" → 3 units. */
export function splitUnits(text: string): string[] {
  return text
    .split(P.UNIT_SPLIT_RE)
    .map((u) => trimPhrase(u.replace(/^(?:-\s*)/u, '')))
    .filter((u) => u.length > 0);
}

/** Lead and partners from an assignment text ("- Đơn vị chủ trì: Văn phòng Sở - Đơn vị phối hợp: Các phòng thuộc Sở"). */
export function readAssignment(text: string): { lead: string[]; partners: string[] } {
  const leadAt = text.search(P.LEAD_LABEL_RE);
  const partnerAt = text.search(P.PARTNER_LABEL_RE);
  if (leadAt < 0 && partnerAt < 0) return { lead: splitUnits(text), partners: [] };
  const after = (re: RegExp, at: number, until: number) => {
    const m = re.exec(text.slice(at));
    if (!m) return '';
    const from = at + m.index + m[0].length;
    return text.slice(from, until > from ? until : text.length);
  };
  const lead = leadAt >= 0 ? splitUnits(after(P.LEAD_LABEL_RE, leadAt, partnerAt > leadAt ? partnerAt : text.length)) : [];
  const partners = partnerAt >= 0 ? splitUnits(after(P.PARTNER_LABEL_RE, partnerAt, leadAt > partnerAt ? leadAt : text.length)) : [];
  return { lead, partners };
}

/** Facts a target inherits from where it sits (a table row's cells or a prose item's sibling lines). */
interface Surroundings {
  lead: string[];
  partners: string[];
  basis: string[];
  /** Deadline as written in a time column or a "Thời gian thực hiện:" line. */
  deadline: string | null;
  /** Year from that time text. */
  timeYear: number | null;
  /** Year from the value column's header ("Chỉ tiêu năm 2025 (%)"). */
  headerYear: number | null;
  headingYear: number | null;
  group: string | null;
}

function cellsOf(cells: TableCell[] | undefined, ...roles: CellRole[]): TableCell[] {
  return (cells ?? []).filter((c) => roles.includes(c.role) && c.text.trim().length > 0);
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Reads one passage's targets. */
class PassageReader {
  private ordinal = 0;
  readonly targets: Target[] = [];

  constructor(
    private readonly passage: Passage,
    private readonly context: TargetContext,
    private readonly patterns: TargetPatterns,
    private readonly around: Surroundings,
  ) {}

  private push(t: Omit<Target, 'id' | 'clauseId' | 'metricNorm'>): void {
    this.ordinal += 1;
    this.targets.push({
      id: `${this.passage.clauseId}#${this.ordinal}`,
      clauseId: this.passage.clauseId,
      ...t,
      metricNorm: this.context.fold(t.metric),
    });
  }

  /** In a regulation, a heading or a row that names targets ("Mục tiêu", "Chỉ tiêu năm 2026") makes its figures commitments. */
  private aroundCommits(): boolean {
    return this.passage.headings.some((h) => P.REGULATION_COMMITMENT_RE.test(h)) || (this.passage.cells ?? []).some((c) => P.REGULATION_COMMITMENT_RE.test(c.header));
  }

  private horizon(sentenceYear: number | null): number | null {
    const a = this.around;
    return sentenceYear ?? a.timeYear ?? a.headerYear ?? a.headingYear ?? this.context.year;
  }

  /** Prose: every value of every sentence. `metricOverride` names the indicator of a value column's text. */
  readProse(seg: Segment, text: string | null = null, metricOverride: string | null = null): void {
    for (const [s, e] of sentenceRanges(seg.text)) {
      const sentence = seg.text.slice(s, e);
      const mentions = findMentions(sentence, this.patterns);
      if (mentions.length === 0) continue;
      const metrics = metricsOf(sentence, mentions);
      const dues = dueDates(sentence, this.patterns);
      const sentenceBasis = this.context.citationKeys ? this.context.citationKeys(sentence) : [];
      const achieved = P.ACHIEVED_RE.test(sentence) && !P.COMMITMENT_CLAUSE_RE.test(sentence);
      // a regulation's figures are rules unless a target word or a horizon stands beside them; a
      // duration, count or sum it bounds ("không quá 03 lần", "trong thời hạn 05 ngày làm việc") is a limit it sets
      const committed = !this.context.rules || P.REGULATION_COMMITMENT_RE.test(sentence) || this.aroundCommits();
      mentions.forEach((m, i) => {
        if (!committed && !(m.count && m.comparator !== '=')) return;
        const due = dueFor(dues, m, sentence);
        const metric = metricOverride || metrics[i] || '';
        if (!metric || achieved) return;
        // a figure due before the plan's own year is a result being reported, not a commitment
        if (due?.year && this.context.year && due.year < this.context.year) return;
        this.push({
          metric,
          comparator: m.comparator,
          value: m.value,
          unit: m.unit,
          horizon: this.horizon(due?.year ?? null),
          deadline: due?.text ?? this.around.deadline,
          lead: this.around.lead,
          partners: this.around.partners,
          basis: uniq([...this.around.basis, ...sentenceBasis]),
          group: this.around.group,
          text: text ?? squash(sentence),
          span: spanOf(seg, s + m.start, s + m.end),
        });
      });
    }
  }

  /** A table row: the value column when it holds a value, else the values written in the task text. */
  readRow(): void {
    const p = this.passage;
    if (this.context.rules && !this.aroundCommits() && !P.REGULATION_COMMITMENT_RE.test(p.text)) return;
    const cells = p.cells ?? [];
    const metricCell = cellsOf(cells, 'metric')[0] ?? cellsOf(cells, 'task')[0] ?? null;
    const valueCells = cellsOf(cells, 'target');
    const fallback =
      valueCells.length > 0
        ? []
        : cells.filter((c) => (c.role === 'other' || c.role === 'note') && P.VALUE_HEADER_RE.test(c.header) && !P.CODE_HEADER_RE.test(c.header));
    const candidates = [...valueCells, ...fallback];
    const unitColumn = cells.find((c) => P.UNIT_HEADER_RE.test(c.header.trim()));
    const rowText = squash(p.text);
    for (const cell of candidates) {
      const m = this.patterns.cellValue.exec(cell.text);
      if (!m?.groups?.num) continue;
      // a fallback column must hold just a value ("80", "Tối thiểu 50%"), not a sentence with a number in it
      const rest = cell.text.slice(m.index + m[0].length).trim();
      if (cell.role !== 'target' && rest.length > 0 && rest.split(/\s+/).length > 3) continue;
      // "2025: 100%" starts with a year, not with the value
      if (!m.groups.pct && (rest.startsWith(':') || /^(?:19|20)\d{2}$/.test(m.groups.num))) continue;
      if (!metricCell) continue;
      const pct = Boolean(m.groups.pct) || P.HEADER_PERCENT_RE.test(cell.header) || (unitColumn ? /%/.test(unitColumn.text) : false);
      const unit = pct ? '%' : unitColumn ? squash(unitColumn.text) || null : null;
      const seg = cellSegment(cell, p);
      const valueAt = m.index + (m[0].length - m[0].trimStart().length);
      this.push({
        metric: trimPhrase(metricCell.text) || squash(metricCell.text),
        comparator: m.groups.high ? '>=' : P.comparatorOf(m.groups),
        value: parseNumber(m.groups.num),
        unit,
        horizon: this.horizon(null),
        deadline: this.around.deadline,
        lead: this.around.lead,
        partners: this.around.partners,
        basis: this.around.basis,
        group: this.around.group,
        text: rowText,
        span: spanOf(seg, valueAt, m.index + m[0].trimEnd().length),
      });
      return;
    }
    // a value column written as text ("Năm 2025: 100%"): its values, named by the indicator column
    const metricText = metricCell ? trimPhrase(metricCell.text) : '';
    if (metricText) for (const cell of valueCells) this.readProse(cellSegment(cell, p), rowText, metricText);
    if (this.targets.length > 0) return;
    // no value column: read the task text as prose ("… đạt tối thiểu 90%.")
    for (const cell of cellsOf(cells, 'metric', 'task', 'product')) {
      this.readProse(cellSegment(cell, p), rowText);
    }
  }
}

/** The facts a table row carries about the targets in it. */
function rowSurroundings(p: Passage, context: TargetContext, headingYear: number | null, group: string | null): Surroundings {
  const cells = p.cells ?? [];
  let lead = cellsOf(cells, 'lead').flatMap((c) => splitUnits(c.text));
  let partners = cellsOf(cells, 'partner').flatMap((c) => splitUnits(c.text));
  for (const c of cellsOf(cells, 'assignment')) {
    const a = readAssignment(c.text);
    lead = [...lead, ...a.lead];
    partners = [...partners, ...a.partners];
  }
  const time = cellsOf(cells, 'time')
    .map((c) => squash(c.text))
    .find((t) => P.HAS_DATE_RE.test(t));
  const basisText = cellsOf(cells, 'basis', 'note').map((c) => c.text);
  const basis = context.citationKeys ? uniq(basisText.flatMap((t) => context.citationKeys!(t))) : [];
  const header = cellsOf(cells, 'target')
    .map((c) => c.header)
    .find((h) => P.HEADING_HORIZON_RE.test(h));
  const hm = header ? P.HEADING_HORIZON_RE.exec(header) : null;
  const headerYear = hm?.groups ? Number(hm.groups.to ?? hm.groups.end ?? hm.groups.year) || null : null;
  return {
    lead: uniq(lead),
    partners: uniq(partners),
    basis,
    deadline: time ?? null,
    timeYear: time ? lastYear(time) : null,
    headerYear,
    headingYear,
    group,
  };
}

/** The nearest heading short enough to name a group (long item texts are not group names). */
function nearestGroup(headings: string[]): string | null {
  for (let i = headings.length - 1; i >= 0; i--) {
    const h = headingText(headings[i]!);
    if (h && h.split(' ').length <= 25) return h;
  }
  return null;
}

/** Units named by the nearest heading that names units ("a) Các sở, ban, ngành, UBND các huyện, …:"). */
function headingUnits(headings: string[]): string[] {
  for (let i = headings.length - 1; i >= 0; i--) {
    const h = headingText(headings[i]!);
    if (h.split(' ').length <= 16 && P.UNIT_HEADING_RE.test(h) && !/\p{N}/u.test(h)) return splitUnits(h);
  }
  return [];
}

/** The parent clause id: "II.2.6.3" → "II.2.6". */
function parentId(id: string): string {
  const i = id.lastIndexOf('.');
  return i > 0 ? id.slice(0, i) : '';
}

/** Labelled lines under one prose item ("- Đơn vị chủ trì: …", "- Thời gian thực hiện: …"), by parent clause. */
function siblingFacts(passages: Passage[]): Map<string, { lead: string[]; partners: string[]; time: string | null }> {
  const out = new Map<string, { lead: string[]; partners: string[]; time: string | null }>();
  for (const p of passages) {
    if (p.cells) continue;
    const t = p.text.trim();
    const isLead = P.LEAD_LABEL_RE.test(t.slice(0, 60)) && t.search(P.LEAD_LABEL_RE) < 5;
    const isPartner = P.PARTNER_LABEL_RE.test(t.slice(0, 60)) && t.search(P.PARTNER_LABEL_RE) < 5;
    const time = P.TIME_LABEL_RE.exec(t);
    if (!isLead && !isPartner && !time) continue;
    const key = parentId(p.clauseId);
    const facts = out.get(key) ?? { lead: [], partners: [], time: null };
    if (isLead || isPartner) {
      const a = readAssignment(t);
      facts.lead.push(...a.lead);
      facts.partners.push(...a.partners);
    }
    if (time) {
      const rest = squash(t.slice(time[0].length));
      if (P.HAS_DATE_RE.test(rest)) facts.time = rest.split(/\s+và\s+|[;.]/u)[0] ?? rest;
    }
    out.set(key, facts);
  }
  return out;
}

/**
 * Reads every numeric commitment of a plan. Passages outside the body, appendix and decision
 * zones, and passages under a retrospective heading ("Kết quả thực hiện năm 2023"), are skipped.
 * Odd text never throws: a passage that cannot be read yields no target.
 */
export function extractTargets(passages: Passage[], context: TargetContext, patterns: TargetPatterns = TARGET_PATTERNS): Target[] {
  const out: Target[] = [];
  const siblings = siblingFacts(passages);
  // the passages under one heading share its headings array: what it says is read once for all of them
  const retrospective = new Map<string[], boolean>();
  const horizons = new Map<string[], number | null>();
  const groups = new Map<string[], string | null>();
  const units = new Map<string[], string[]>();
  for (const p of passages) {
    context.deadline?.check('reading targets');
    if (!TARGET_ZONES.has(p.zone)) continue;
    if (p.role === 'group') continue;
    if (byHeadings(retrospective, p.headings, isRetrospective)) continue;
    try {
      const headingYear = byHeadings(horizons, p.headings, headingHorizon);
      const group = byHeadings(groups, p.headings, nearestGroup);
      if (p.cells && p.cells.length > 0) {
        const reader = new PassageReader(p, context, patterns, rowSurroundings(p, context, headingYear, group));
        reader.readRow();
        out.push(...reader.targets);
        continue;
      }
      const facts = siblings.get(parentId(p.clauseId));
      const around: Surroundings = {
        lead: uniq(facts?.lead.length ? facts.lead : byHeadings(units, p.headings, headingUnits)),
        partners: uniq(facts?.partners ?? []),
        basis: [],
        deadline: facts?.time ?? null,
        timeYear: facts?.time ? lastYear(facts.time) : null,
        headerYear: null,
        headingYear,
        group,
      };
      const reader = new PassageReader(p, context, patterns, around);
      reader.readProse(segmentOf(p));
      out.push(...reader.targets);
    } catch {
      // odd text: skip the passage rather than fail the document
    }
  }
  return out;
}

/** What `read` gives for a headings array, computed once per array. */
function byHeadings<T>(memo: Map<string[], T>, headings: string[], read: (headings: string[]) => T): T {
  if (memo.has(headings)) return memo.get(headings) as T;
  const value = read(headings);
  memo.set(headings, value);
  return value;
}

/** Header of {@link extractTargetsTable}. */
export const TARGET_TABLE_HEADER = ['id', 'metric', 'comparator', 'value', 'unit', 'horizon', 'deadline', 'lead', 'partners', 'basis', 'group'];

/** Renders a comparator and value: ">= 80%", "= 100%", "<= 5 ngày". */
export function formatValue(t: Pick<Target, 'comparator' | 'value' | 'unit'>): string {
  const unit = t.unit === '%' ? '%' : t.unit ? ` ${t.unit}` : '';
  const cmp = t.comparator === '=' ? '' : `${t.comparator} `;
  return `${cmp}${String(t.value).replace('.', ',')}${unit}`;
}

/** Rows for a terminal or CSV table of one plan's targets, one per target (the header is {@link TARGET_TABLE_HEADER}). */
export function extractTargetsTable(targets: Target[]): string[][] {
  return targets.map((t) => [
    t.id,
    t.metric,
    t.comparator,
    String(t.value),
    t.unit ?? '',
    t.horizon === null ? '' : String(t.horizon),
    t.deadline ?? '',
    t.lead.join('; '),
    t.partners.join('; '),
    t.basis.join('; '),
    t.group ?? '',
  ]);
}
