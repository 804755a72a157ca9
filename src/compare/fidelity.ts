/**
 * Fidelity of a derivative plan to its parent: what of the parent's clauses and targets the child
 * carries (copied, modified, dropped, with evidence on both sides), what it adds, what an inspector
 * should act on (weakened targets, dropped tasks, stale references, copy-paste residue,
 * inconsistencies), and one documented score (docs/fidelity.md) that the standard plan skeleton
 * does not inflate. `fidelityMatrix` does it for a folder of plans against one parent.
 */
import { GLOSSARY } from '../text/abbreviations.js';
import { compareDocuments, type CompareOptions } from './compare.js';
import { orientPair, yearOnYear, type Orientation, type OrientOptions } from './orient.js';
import { findingIds } from './review-items.js';
import { makeFolder } from '../text/fold.js';
import {
  DISTRICT_SUBJECT,
  GENERIC_SUBJECT,
  PAST_YEAR_CONTEXT,
  SELF_AFTER,
  SELF_BEFORE,
  SKELETON_HEADINGS,
  SKELETON_SENTENCE,
  UNITS,
  YEAR_MENTION,
} from '../patterns/fidelity.js';
import { normalizeTones, stripDiacritics, words } from '../text/vietnamese.js';
import type {
  AlignedClause,
  Alignment,
  Citation,
  Clause,
  Comparison,
  DocumentMeta,
  ParsedDocument,
  Span,
  Target,
  TargetChange,
} from '../types.js';
import { clip } from '../text/clip.js';

/** How a parent clause or target fared in the child. */
export type CoverageStatus = 'copied' | 'modified' | 'dropped';

/** A parent clause and what carries it in the child. */
export interface ClauseCoverage {
  /** The parent clause. */
  parent: AlignedClause;
  /** Its kind in the parent. */
  kind: Clause['kind'];
  /** copied (same comparison form), modified (reworded, merged or split), dropped. */
  status: CoverageStatus;
  /** Best similarity of the carrying clauses; null when dropped. */
  similarity: number | null;
  /** Cosmetic or substantive rewording; null unless modified. */
  nature: 'cosmetic' | 'substantive' | null;
  /** The child clauses carrying it (several for a split). */
  child: AlignedClause[];
  /** Part of the standard plan skeleton (headings, stock sentences, non-body zones): not scored. */
  skeleton: boolean;
  /** False when the parent addresses the clause to another named unit (e.g. "Sở Tư pháp làm tốt …"
   * in a plan of the Sở Giáo dục và Đào tạo): shown, not scored. */
  applies: boolean;
  /** Weight in the clause score: min(words, 30) / 30; 0 for skeleton or clauses that do not apply. */
  weight: number;
  /** Credit earned (0..1): 1 copied or cosmetic, the similarity when substantive, 0 dropped. */
  credit: number;
}

/** A parent target and what became of it in the child. */
export interface TargetCoverage {
  /** copied, modified or dropped. */
  status: CoverageStatus;
  /** The target comparison behind it. */
  change: TargetChange;
  /** False when the target's lead units are other named units. */
  applies: boolean;
  /** Credit earned (0..1): copied or strengthened 1, other modification 0.75, weakened 0.25, dropped 0. */
  credit: number;
}

/** One place a finding points at. */
export interface Evidence {
  /** Which plan. */
  side: 'parent' | 'child';
  /** Clause, block or citation id. */
  id: string;
  /** The text quoted (the clause text, or the phrase found). */
  text: string;
  /** Where it lies in that plan's original text. */
  span: Span | null;
}

/** Kinds of findings. */
export type FindingKind =
  | 'weakened-target'
  | 'dropped-target'
  | 'dropped-task'
  | 'stale-reference'
  | 'residue-unit'
  | 'residue-year'
  | 'inconsistency';

/** Something an inspector should look at. */
export interface Finding {
  /** Stable id from content and position ("f-1x9k3m0a2b", see review-items.ts). */
  id: string;
  kind: FindingKind;
  /** high: a real error in the plan; medium: likely one; low: worth a look. */
  severity: 'high' | 'medium' | 'low';
  /** One English sentence (renderers localise from `kind` and `detail`). */
  message: string;
  /** The facts the sentence is built from. */
  detail: Record<string, string | number | null>;
  /** Where, on each side. */
  evidence: Evidence[];
}

/** A finding before it gets its id. */
export type FindingDraft = Omit<Finding, 'id'>;

/** A deduction from the score. */
export interface Penalty {
  kind: FindingKind;
  /** How many findings of this kind. */
  count: number;
  /** Points deducted (capped per kind). */
  points: number;
}

/** The fidelity score and how it was made (see docs/fidelity.md). */
export interface FidelityScore {
  /** 0..100. */
  value: number;
  /** Weighted clause credit (0..1) over the scored parent clauses; null when none are scored. */
  clauses: number | null;
  /** Mean target credit (0..1) over the applicable parent targets; null when the parent has none. */
  targets: number | null;
  /** Deductions for findings. */
  penalties: Penalty[];
  /** What was counted. */
  counted: { clauses: number; skeleton: number; notApplicable: number; targets: number };
}

/** The `fidelity --json` output. */
export interface FidelityReport {
  child: DocumentMeta & { file: string | null };
  parent: DocumentMeta & { file: string | null };
  /** Every parent clause in reading order. */
  clauses: ClauseCoverage[];
  /** Every parent target. */
  targets: TargetCoverage[];
  /** What the child adds. */
  additions: { clauses: AlignedClause[]; targets: Target[] };
  findings: Finding[];
  score: FidelityScore;
  /** How the pair was ordered: swapped when the plans were given child first, with warnings
   * (child older than its parent, from another province, citing neither it nor its series). */
  orientation: Orientation;
}

/** Options of `fidelity`. */
export interface FidelityOptions {
  /** Passed to the comparison (target comparer, alignment settings); the relation is "parent", or
   * "peer" for two editions of one series (compared year on year: lowered, never weakened). */
  compare: Partial<Omit<CompareOptions, 'relation'>>;
  /** Words at which a clause weighs fully. */
  fullWeightWords: number;
  /** Least words of a dropped parent clause reported as a dropped task. */
  taskWords: number;
  /** Share of the score from clauses when the parent has targets (the rest from targets). */
  clauseShare: number;
  /** Points per finding and cap per kind. */
  penalties: Partial<Record<FindingKind, { each: number; cap: number }>>;
  /** Order the pair parent → child by lineage and level (swapping a pair given child first);
   * false keeps the order given and only adds the warnings. */
  orient: boolean;
  /** Citation keys known to be earlier editions of the parent's series (from a lineage graph). */
  parentSeries: OrientOptions['parentSeries'];
}

/** Defaults, documented in docs/fidelity.md. */
export const FIDELITY_DEFAULTS: Readonly<FidelityOptions> = {
  compare: {},
  orient: true,
  parentSeries: [],
  fullWeightWords: 30,
  taskWords: 8,
  clauseShare: 0.6,
  penalties: {
    'stale-reference': { each: 3, cap: 15 },
    'residue-unit': { each: 3, cap: 15 },
    'residue-year': { each: 3, cap: 15 },
    inconsistency: { each: 1, cap: 5 },
  },
};

const fold = makeFolder(GLOSSARY);

// ---------- units ----------

interface UnitHit {
  key: string;
  /** Offsets in the folded text. */
  start: number;
  end: number;
  name: string;
}

const UNIT_RES = UNITS.map((u) => ({
  key: u.key,
  re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${u.names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
}));

/** Named units mentioned in a folded text, in order. */
export function unitMentions(folded: string): UnitHit[] {
  const out: UnitHit[] = [];
  for (const { key, re } of UNIT_RES) {
    for (const m of folded.matchAll(re)) out.push({ key, start: m.index, end: m.index + m[0].length, name: m[0] });
  }
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

/** The unit a plan speaks for: its issuer, else the unit named in its title. */
export function ownUnit(meta: DocumentMeta): string | null {
  for (const source of [meta.issuer, meta.title]) {
    if (!source) continue;
    const hit = unitMentions(fold(source))[0];
    if (hit) return hit.key;
  }
  return null;
}

/** Units a clause is addressed to when it opens with their names ("Sở Tư pháp làm tốt …"); null when
 * it opens with no name or with a subject for every unit ("Các sở, ban, ngành …"). */
function addressees(folded: string): { units: string[]; districts: boolean } | null {
  if (GENERIC_SUBJECT.test(folded)) return null;
  if (DISTRICT_SUBJECT.test(folded)) return { units: [], districts: true };
  const units: string[] = [];
  let at = 0;
  for (const hit of unitMentions(folded)) {
    const gap = folded.slice(at, hit.start).trim();
    if (gap !== '' && gap !== 'và' && !(units.length === 0 && /^(?:giao|chủ trì)$/u.test(gap))) break;
    units.push(hit.key);
    at = hit.end;
  }
  return units.length > 0 ? { units, districts: false } : null;
}

/** Whether a clause addressed as `folded` applies to the child; undefined when it names no addressee. */
function appliesTo(folded: string, own: string | null, childLevel: DocumentMeta['level']): boolean | undefined {
  const to = addressees(folded);
  if (!to) return GENERIC_SUBJECT.test(folded) ? true : undefined;
  if (!own && childLevel !== 'district') return true;
  if (to.districts) return childLevel === 'district';
  return own !== null && to.units.includes(own);
}

/** Applicability of every clause, inherited from the nearest ancestor that names an addressee
 * ("II.3.b Sở Thông tin và Truyền thông" covers its bullets). */
function applicability(roots: readonly Clause[], own: string | null, level: DocumentMeta['level']): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const visit = (c: Clause, inherited: boolean): void => {
    const leads = (c.cells ?? []).filter((x) => x.role === 'lead');
    const folded = leads.length > 0 ? fold(leads.map((x) => x.text).join(', ')) : (c.norm ?? '');
    const mine = appliesTo(folded, own, level) ?? inherited;
    out.set(c.id, mine);
    for (const child of c.children ?? []) visit(child, mine);
  };
  for (const c of roots) visit(c, true);
  return out;
}

/** A target value as written in a sentence: "≥ 45%", "60%", "< 5 ngày". */
export function valueText(t: Target): string {
  const sign = { '>=': '≥ ', '>': '> ', '=': '', '<=': '≤ ', '<': '< ' }[t.comparator] ?? '';
  return `${sign}${t.value}${t.unit ?? ''}`;
}

// ---------- skeleton ----------

const SKELETON_SET = new Set(SKELETON_HEADINGS);
const SCORED_ZONES = new Set(['body', 'appendix']);

/** True for the standard plan skeleton: stock headings, stock closing sentences, non-body zones. */
export function isSkeleton(c: Clause): boolean {
  if (!SCORED_ZONES.has(c.zone)) return true;
  const norm = c.norm ?? '';
  if (SKELETON_SET.has(norm)) return true;
  if (words(norm).length <= 40 && SKELETON_SENTENCE.test(norm)) return true;
  return false;
}

// ---------- helpers ----------

function walk(clauses: readonly Clause[], out: Clause[] = []): Clause[] {
  for (const c of clauses) {
    out.push(c);
    walk(c.children ?? [], out);
  }
  return out;
}

function evidenceOf(side: 'parent' | 'child', c: AlignedClause | Clause, text = c.text): Evidence {
  return { side, id: c.id, text, span: c.span ?? null };
}

function metaOf(doc: ParsedDocument): DocumentMeta & { file: string | null } {
  return { ...doc.meta, file: doc.file };
}

/** The year a plan is for: the year in its title ("… trọng tâm năm 2025"), else its issue year
 * (a horizon such as "định hướng đến năm 2030" is not the plan's year). */
export function planYear(meta: DocumentMeta): number | null {
  if (meta.title) {
    const years = yearMentions(meta.title).map((m) => m.year);
    if (years.length > 0) return Math.max(...years);
  }
  return meta.year;
}

/** Years written as "năm YYYY" in a text, not as the tail of a date nor after "giai đoạn", "từ", "đến" …. */
export function yearMentions(text: string): Array<{ year: number; index: number; phrase: string }> {
  const out: Array<{ year: number; index: number; phrase: string }> = [];
  for (const m of text.matchAll(YEAR_MENTION)) {
    if (PAST_YEAR_CONTEXT.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    out.push({ year: Number(m[1]), index: m.index, phrase: m[0] });
  }
  return out;
}

function foldSymbol(s: string | null): string {
  return stripDiacritics((s ?? '').toUpperCase()).replace(/\s+/g, '');
}

function foldNumber(s: string | null): string {
  return (s ?? '').replace(/^0+(?=\d)/, '');
}

// ---------- the report ----------

/** How `fidelity` orders a pair given as (child, parent): swapped when the "parent" is the child by
 * lineage or level; kept as given (with its warnings) when the pair does not tell; two editions of
 * one series are peers judged year on year (`yearOnYear`), in the order given. */
export function orientFidelity(child: ParsedDocument, parent: ParsedDocument, options: Partial<Pick<FidelityOptions, 'orient' | 'parentSeries'>> = {}): Orientation {
  const editions = yearOnYear(parent, child);
  if (editions) return editions;
  const series = { parentSeries: options.parentSeries ?? [] };
  if (options.orient !== false) {
    const found = orientPair(parent, child, series);
    if (found.relation === 'parent') return found;
  }
  const given = orientPair(parent, child, { ...series, relation: 'parent' });
  if (options.orient === false) return given;
  const undecided = {
    code: 'undecided' as const,
    message: 'Neither plan derives from the other by lineage or level: the pair is judged in the order given.',
    detail: { parent: parent.meta.level, child: child.meta.level },
  };
  return { ...given, warnings: [undecided, ...given.warnings] };
}

/** Fidelity of `child` to `parent`, ordered parent → child first (see `orientFidelity`). Odd input
 * never throws: missing parts give empty sections. */
export function fidelity(child: ParsedDocument, parent: ParsedDocument, options: Partial<FidelityOptions> = {}): FidelityReport {
  const o: FidelityOptions = { ...FIDELITY_DEFAULTS, ...options, penalties: { ...FIDELITY_DEFAULTS.penalties, ...options.penalties } };
  const orientation = orientFidelity(child, parent, o);
  const [p, c] = orientation.swapped ? [child, parent] : [parent, child];
  const comparison = compareDocuments(p, c, { ...o.compare, relation: orientation.relation });
  return buildReport(c, p, comparison, o, orientation);
}

/** Builds the report from a comparison already made (parent = A, child = B). */
export function buildReport(
  child: ParsedDocument,
  parent: ParsedDocument,
  comparison: Comparison,
  options: Partial<FidelityOptions> = {},
  orientation: Orientation = orientPair(parent, child, { relation: 'parent', parentSeries: options.parentSeries ?? [] }),
): FidelityReport {
  const o: FidelityOptions = { ...FIDELITY_DEFAULTS, ...options, penalties: { ...FIDELITY_DEFAULTS.penalties, ...options.penalties } };
  const own = ownUnit(child.meta);
  const level = child.meta.level;
  const applies = applicability(parent.clauses ?? [], own, level);
  const parentClauses = walk(parent.clauses ?? []).filter((c) => (c.norm ?? '').length > 0);
  const clauses = clauseCoverage(parentClauses, alignmentsByParent(comparison), applies, o);
  const targets = targetCoverage(comparison, applies, own, level);
  const additions = {
    clauses: comparison.alignments.filter((al) => al.status === 'added' && al.b).map((al) => al.b!),
    targets: comparison.targets.filter((t) => t.status === 'added' && t.b).map((t) => t.b!),
  };
  const drafts = [
    ...targetFindings(targets),
    ...droppedTasks(clauses, parentClauses, parent, o.taskWords),
    ...staleReferences(child.citations ?? [], parent.citations ?? []),
    ...unitResidue(child, parent, own),
    ...yearResidue(child, parent, comparison),
    ...inconsistencies(child),
  ];
  const ids = findingIds(drafts);
  const findings: Finding[] = drafts.map((f, i) => ({ id: ids[i]!, ...f }));

  return {
    child: metaOf(child),
    parent: metaOf(parent),
    clauses,
    targets,
    additions,
    findings,
    score: scoreOf(clauses, targets, findings, o),
    orientation,
  };
}

/** The alignments of each parent clause, by its id. */
function alignmentsByParent(comparison: Comparison): Map<string, Alignment[]> {
  const byParent = new Map<string, Alignment[]>();
  for (const al of comparison.alignments) {
    if (!al.a) continue;
    const list = byParent.get(al.a.id);
    if (list) list.push(al);
    else byParent.set(al.a.id, [al]);
  }
  return byParent;
}

/** Clause coverage: each parent clause copied, modified or dropped, with its weight and credit in the score. */
function clauseCoverage(
  parentClauses: readonly Clause[],
  byParent: Map<string, Alignment[]>,
  applies: Map<string, boolean>,
  o: FidelityOptions,
): ClauseCoverage[] {
  return parentClauses.map((c) => {
    const als = byParent.get(c.id) ?? [];
    const carried = als.filter((al) => al.b !== null);
    const identical = carried.find((al) => al.status === 'identical');
    const best = carried.reduce<Alignment | null>((m, al) => (!m || (al.similarity ?? 0) > (m.similarity ?? 0) ? al : m), null);
    const status: CoverageStatus = identical ? 'copied' : best ? 'modified' : 'dropped';
    const nature = status === 'modified' ? (best!.nature ?? 'substantive') : null;
    const skeleton = isSkeleton(c);
    const isFor = applies.get(c.id) ?? true;
    const n = words(c.norm).length;
    const weight = skeleton || !isFor ? 0 : Math.min(n, o.fullWeightWords) / o.fullWeightWords;
    const credit = status === 'copied' || nature === 'cosmetic' ? 1 : status === 'modified' ? (best!.similarity ?? 0) : 0;
    return {
      parent: { id: c.id, text: c.text, span: c.span },
      kind: c.kind,
      status,
      similarity: status === 'dropped' ? null : identical ? 1 : (best!.similarity ?? null),
      nature,
      child: carried.map((al) => al.b!),
      skeleton,
      applies: isFor,
      weight,
      credit,
    };
  });
}

/**
 * Target coverage: each parent target copied, modified or dropped, and whether it is for the
 * child (by its lead units, else by its clause), with its credit in the score.
 */
function targetCoverage(comparison: Comparison, applicable: Map<string, boolean>, own: string | null, level: DocumentMeta['level']): TargetCoverage[] {
  const applicabilityOf = (clauseId: string): boolean => applicable.get(clauseId) ?? true;
  return comparison.targets
    .filter((t) => t.a !== null)
    .map((change) => {
      const status: CoverageStatus = change.status === 'copied' ? 'copied' : change.b ? 'modified' : 'dropped';
      const leads = change.a!.lead ?? [];
      const applies = (leads.length > 0 ? appliesTo(fold(leads.join(', ')), own, level) : undefined) ?? applicabilityOf(change.a!.clauseId);
      const credit =
        status === 'copied' ? 1 : status === 'dropped' ? 0 : change.verdict === 'weakened' ? 0.25 : change.verdict === 'strengthened' ? 1 : 0.75;
      return { status, change, applies, credit };
    });
}

function targetFindings(targets: readonly TargetCoverage[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const t of targets) {
    if (!t.applies) continue;
    const { a, b } = t.change;
    if (t.change.verdict === 'weakened' && a && b) {
      out.push({
        kind: 'weakened-target',
        severity: 'high',
        message: `Target weakened: "${a.metric}" ${valueText(a)} → ${valueText(b)}.`,
        detail: { metric: a.metric, summary: t.change.summary, parent: valueText(a), child: valueText(b) },
        evidence: [
          { side: 'parent', id: a.id, text: a.text, span: a.span },
          { side: 'child', id: b.id, text: b.text, span: b.span },
        ],
      });
    } else if (t.status === 'dropped' && a) {
      out.push({
        kind: 'dropped-target',
        severity: 'medium',
        message: `Target dropped: "${a.metric}" (${valueText(a)}) is not in the plan.`,
        detail: { metric: a.metric, parent: valueText(a) },
        evidence: [{ side: 'parent', id: a.id, text: a.text, span: a.span }],
      });
    }
  }
  return out;
}

const TASK_KINDS = new Set<Clause['kind']>(['item', 'point', 'bullet', 'paragraph', 'row', 'article']);

function droppedTasks(coverage: readonly ClauseCoverage[], clauses: readonly Clause[], parent: ParsedDocument, taskWords: number): FindingDraft[] {
  const withTargets = new Set((parent.targets ?? []).map((t) => t.clauseId));
  const out: FindingDraft[] = [];
  coverage.forEach((cov, i) => {
    const c = clauses[i]!;
    if (cov.status !== 'dropped' || cov.skeleton || !cov.applies) return;
    if (!TASK_KINDS.has(c.kind) || withTargets.has(c.id)) return;
    if (words(c.norm).length < taskWords) return;
    out.push({
      kind: 'dropped-task',
      severity: 'medium',
      message: `Task ${c.id} of the parent is not carried: "${clip(c.text, 90)}".`,
      detail: { id: c.id, text: c.text },
      evidence: [evidenceOf('parent', c)],
    });
  });
  return out;
}

/** A child citing an older year's instrument where the parent cites the current one (same type, number, symbol). */
export function staleReferences(childCitations: readonly Citation[], parentCitations: readonly Citation[]): FindingDraft[] {
  const same = (x: Citation, y: Citation): boolean =>
    x.number !== null &&
    foldNumber(x.number) === foldNumber(y.number) &&
    foldSymbol(x.symbol) === foldSymbol(y.symbol) &&
    (x.type === null || y.type === null || foldSymbol(x.type) === foldSymbol(y.type));
  const out: FindingDraft[] = [];
  for (const c of childCitations) {
    if (c.year === null || !c.symbol) continue;
    const newer = parentCitations.filter((p) => same(p, c) && p.year !== null && p.year > c.year!);
    if (newer.length === 0) continue;
    if (childCitations.some((x) => x !== c && same(x, c) && newer.some((p) => p.year === x.year))) continue; // cites both
    const p = newer.sort((x, y) => y.year! - x.year!)[0]!;
    const mention = c.mentions[0];
    out.push({
      kind: 'stale-reference',
      severity: 'high',
      message: `Cites ${c.number}/${c.symbol} of ${c.year} where the parent cites ${p.number}/${p.symbol} of ${p.year}.`,
      detail: { cited: `${c.number}/${c.symbol}`, current: `${p.number}/${p.symbol}`, citedYear: c.year, currentYear: p.year, citedKey: c.key, currentKey: p.key },
      evidence: [
        { side: 'child', id: mention?.clauseId ?? c.key, text: mention?.text ?? c.key, span: mention?.span ?? null },
        { side: 'parent', id: p.mentions[0]?.clauseId ?? p.key, text: p.mentions[0]?.text ?? p.key, span: p.mentions[0]?.span ?? null },
      ],
    });
  }
  return out;
}

/** Places of a document that may hold residue: its clauses, preamble and closing blocks. */
function places(doc: ParsedDocument): Array<{ id: string; text: string; span: Span }> {
  return [
    ...walk(doc.clauses ?? []).map((c) => ({ id: c.id, text: c.text, span: c.span })),
    ...(doc.preamble ?? []).map((b) => ({ id: b.id, text: b.text, span: b.span })),
    ...(doc.closing ?? []).filter((b) => b.role !== 'recipients').map((b) => ({ id: b.id, text: b.text, span: b.span })),
  ];
}

/** The spelling of a folded unit name in the text it was found in ("sở công thương" → "Sở Công Thương"). */
function asWritten(text: string, folded: string): string {
  const pattern = folded
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s,.&-]+');
  const m = new RegExp(pattern, 'iu').exec(normalizeTones(text));
  return m ? m[0] : folded;
}

/** Another department's name left in the child: speaking as the plan's own unit, or absent from the parent. */
export function unitResidue(child: ParsedDocument, parent: ParsedDocument, own: string | null): FindingDraft[] {
  if (!own) return [];
  const parentUnits = new Set<string>();
  for (const p of places(parent)) for (const h of unitMentions(fold(p.text))) parentUnits.add(h.key);
  if (parent.meta.title) for (const h of unitMentions(fold(parent.meta.title))) parentUnits.add(h.key);
  const out: FindingDraft[] = [];
  const seen = new Set<string>();
  const consider = (id: string, text: string, span: Span | null, inTitle: boolean): void => {
    const folded = fold(text);
    for (const h of unitMentions(folded)) {
      if (h.key === own) continue;
      const selfRef = inTitle || (h.start === 0 && SELF_AFTER.test(folded.slice(h.end))) || SELF_BEFORE.test(folded.slice(0, h.start));
      const severity = selfRef ? 'high' : !parentUnits.has(h.key) ? 'low' : null;
      if (!severity) continue;
      const key = `${id}|${h.key}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = asWritten(text, h.name);
      out.push({
        kind: 'residue-unit',
        severity,
        message: selfRef
          ? `"${name}" speaks as the plan's own unit in ${id}: likely left from another unit's plan.`
          : `"${name}" is named in ${id} but not in the parent: check it is not left from another unit's plan.`,
        detail: { unit: name, id, selfReference: selfRef ? 1 : 0 },
        evidence: [{ side: 'child', id, text, span }],
      });
    }
  };
  if (child.meta.title) consider('title', child.meta.title, null, true);
  for (const p of places(child)) consider(p.id, p.text, p.span, false);
  return out;
}

/** A wrong year left in the child: "năm 2024" where the parent's matching clause says "năm 2025",
 * and targets due before the plan's own year. */
export function yearResidue(child: ParsedDocument, parent: ParsedDocument, comparison: Comparison): FindingDraft[] {
  const year = planYear(child.meta);
  if (year === null) return [];
  const parentYear = planYear(parent.meta);
  const out: FindingDraft[] = [];
  for (const al of comparison.alignments) {
    if (!al.a || !al.b || al.status === 'identical') continue;
    const inChild = yearMentions(al.b.text).filter((m) => m.year < year);
    if (inChild.length === 0) continue;
    const inParent = new Set(yearMentions(al.a.text).map((m) => m.year));
    if (!inParent.has(year) && !(parentYear !== null && inParent.has(parentYear))) continue;
    const stale = [...new Set(inChild.filter((m) => !inParent.has(m.year)).map((m) => m.year))];
    if (stale.length === 0) continue;
    const found = stale.join(', ');
    out.push({
      kind: 'residue-year',
      severity: 'high',
      message: `${al.b.id} says "năm ${found}" where the parent's ${al.a.id} says "năm ${year}".`,
      detail: { id: al.b.id, found, expected: year },
      evidence: [evidenceOf('child', al.b), evidenceOf('parent', al.a)],
    });
  }
  if (child.meta.title) {
    for (const m of yearMentions(child.meta.title)) {
      if (child.meta.year !== null && m.year < child.meta.year && m.year !== year) {
        out.push({
          kind: 'residue-year',
          severity: 'medium',
          message: `The title says "${m.phrase}" in a plan issued in ${child.meta.year}.`,
          detail: { id: 'title', found: m.year, expected: child.meta.year },
          evidence: [{ side: 'child', id: 'title', text: child.meta.title, span: null }],
        });
      }
    }
  }
  const late = (child.targets ?? []).filter((t) => t.horizon !== null && t.horizon < year && (t.deadline ?? '').includes(String(t.horizon)));
  if (late.length > 0) {
    const years = [...new Set(late.map((t) => t.horizon))].join(', ');
    out.push({
      kind: 'residue-year',
      severity: 'medium',
      message: `${late.length} target(s) are due in ${years} in a plan for ${year}: ${late.map((t) => t.id).join(', ')}.`,
      detail: { id: late.map((t) => t.id).join(', '), count: late.length, found: years, expected: year },
      evidence: late.map((t) => ({ side: 'child' as const, id: t.id, text: t.deadline ?? t.text, span: t.span })),
    });
  }
  return out;
}

function inconsistencies(child: ParsedDocument): FindingDraft[] {
  return (child.meta.warnings ?? []).map((w) => ({
    kind: 'inconsistency' as const,
    severity: 'low' as const,
    message: w.message,
    detail: { code: w.code },
    evidence: [{ side: 'child' as const, id: w.code, text: w.message, span: w.span ?? null }],
  }));
}

function scoreOf(clauses: readonly ClauseCoverage[], targets: readonly TargetCoverage[], findings: readonly FindingDraft[], o: FidelityOptions): FidelityScore {
  const scored = clauses.filter((c) => c.weight > 0);
  const totalWeight = scored.reduce((s, c) => s + c.weight, 0);
  const clauseScore = totalWeight > 0 ? scored.reduce((s, c) => s + c.weight * c.credit, 0) / totalWeight : null;
  const live = targets.filter((t) => t.applies);
  const targetScore = live.length > 0 ? live.reduce((s, t) => s + t.credit, 0) / live.length : null;
  const base =
    clauseScore !== null && targetScore !== null
      ? o.clauseShare * clauseScore + (1 - o.clauseShare) * targetScore
      : (clauseScore ?? targetScore ?? 0);
  const penalties: Penalty[] = [];
  for (const [kind, rule] of Object.entries(o.penalties) as Array<[FindingKind, { each: number; cap: number }]>) {
    const count = findings.filter((f) => f.kind === kind && f.severity !== 'low').length;
    if (count > 0) penalties.push({ kind, count, points: Math.min(rule.cap, count * rule.each) });
  }
  const value = Math.max(0, Math.min(100, 100 * base - penalties.reduce((s, p) => s + p.points, 0)));
  return {
    value: Math.round(value * 10) / 10,
    clauses: clauseScore === null ? null : round3(clauseScore),
    targets: targetScore === null ? null : round3(targetScore),
    penalties,
    counted: {
      clauses: scored.length,
      skeleton: clauses.filter((c) => c.skeleton).length,
      notApplicable: clauses.filter((c) => !c.skeleton && !c.applies).length,
      targets: live.length,
    },
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}


// ---------- the folder matrix ----------

/** One cell of the matrix: how one plan carries one parent clause or target. */
export interface MatrixCell {
  status: CoverageStatus;
  /** Similarity (clauses) or null. */
  similarity: number | null;
  /** Child clause or target ids carrying it. */
  childIds: string[];
  /** Weakened (targets) or substantive rewording (clauses). */
  flag: 'weakened' | 'substantive' | null;
}

/** One row of the matrix: a parent clause or target. */
export interface MatrixRow {
  kind: 'clause' | 'target';
  /** Parent clause id or target id. */
  id: string;
  /** Clause text or target metric. */
  text: string;
  /** Skeleton rows are listed but not scored. */
  skeleton: boolean;
  /** One cell per plan, in `plans` order. */
  cells: MatrixCell[];
}

/** The `fidelity DIR --parent P` output. */
export interface FidelityMatrix {
  parent: DocumentMeta & { file: string | null };
  /** Plans left out because they belong to another province than a province parent. */
  excluded: Array<{ file: string | null; province: string | null }>;
  /** Plans in the order given, with their scores. */
  plans: Array<{ file: string | null; title: string | null; issuer: string | null; score: number }>;
  rows: MatrixRow[];
  /** The full report of each plan, same order. */
  reports: FidelityReport[];
}

/** Options of `fidelityMatrix`. */
export interface MatrixOptions extends FidelityOptions {
  /** With a province (or department, district) parent, list only the plans of its province. */
  sameProvince: boolean;
}

function provinceKey(name: string | null | undefined): string | null {
  if (!name) return null;
  return stripDiacritics(normalizeTones(name).toLowerCase()).replace(/^(?:tinh|thanh pho)\s+/u, '').replace(/\s+/g, ' ').trim() || null;
}

/** True when `doc` may sit in the matrix of `parent`: a national parent takes every plan, a local
 * one the plans of its province (and plans whose province is not known). */
export function inProvinceOf(parent: ParsedDocument, doc: ParsedDocument): boolean {
  const own = parent.meta.level === 'national' ? null : provinceKey(parent.meta.province);
  const theirs = provinceKey(doc.meta.province);
  return !own || theirs === null || theirs === own;
}

/** Fidelity of every plan of a folder to one parent: a coverage matrix (parent clause/target × plan).
 * The parent stays the parent (no swapping); each report carries its orientation warnings. */
export function fidelityMatrix(all: readonly ParsedDocument[], parent: ParsedDocument, options: Partial<MatrixOptions> = {}): FidelityMatrix {
  const keep = (c: ParsedDocument): boolean => options.sameProvince === false || inProvinceOf(parent, c);
  const children = all.filter(keep);
  const excluded = all.filter((c) => !keep(c)).map((c) => ({ file: c.file, province: c.meta.province }));
  const reports = children.map((c) => fidelity(c, parent, { ...options, orient: false }));
  const rows: MatrixRow[] = [];
  const clauseCount = reports[0]?.clauses.length ?? walk(parent.clauses ?? []).filter((c) => (c.norm ?? '').length > 0).length;
  for (let i = 0; i < clauseCount; i++) {
    const first = reports[0]?.clauses[i];
    if (!first) break;
    rows.push({
      kind: 'clause',
      id: first.parent.id,
      text: first.parent.text,
      skeleton: first.skeleton,
      cells: reports.map((r) => {
        const c = r.clauses[i]!;
        return { status: c.status, similarity: c.similarity, childIds: c.child.map((x) => x.id), flag: c.nature === 'substantive' ? 'substantive' : null };
      }),
    });
  }
  for (const t of parent.targets ?? []) {
    rows.push({
      kind: 'target',
      id: t.id,
      text: t.metric,
      skeleton: false,
      cells: reports.map((r) => {
        const cov = r.targets.find((x) => x.change.a?.id === t.id);
        if (!cov) return { status: 'dropped', similarity: null, childIds: [], flag: null };
        return {
          status: cov.status,
          similarity: cov.change.similarity,
          childIds: cov.change.b ? [cov.change.b.id] : [],
          flag: cov.change.verdict === 'weakened' ? 'weakened' : null,
        };
      }),
    });
  }
  return {
    parent: metaOf(parent),
    excluded,
    plans: reports.map((r) => ({ file: r.child.file, title: r.child.title, issuer: r.child.issuer, score: r.score.value })),
    rows,
    reports,
  };
}
