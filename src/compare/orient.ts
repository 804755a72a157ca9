/**
 * Which of two plans is the parent. Fidelity and the target comparison judge a child against its
 * parent, so a pair given the wrong way round (a department plan first, the province plan second)
 * would blame the province for "weakening" the department's targets. `orientPair` orders a pair
 * parent → child by lineage (the child cites the parent, or an earlier edition of the parent's
 * series) and by level (national > province > department, district), says when it had to swap,
 * and warns about pairs that do not look like parent and child: the child older than the parent,
 * from another province, or citing neither the parent nor its series. Two editions of one series
 * (the 2024 and 2025 plans of one issuer) are neither: they are compared year on year, as peers,
 * and the orientation says so (`yearOnYear`), so that a lower target is "lowered" between
 * editions, never "weakened".
 */
import { sameSeries } from '../extract/series-identity.js';
import { normalizeTones, stripDiacritics } from '../text/vietnamese.js';
import type { Citation, DocumentMeta, ParsedDocument } from '../types.js';

/** Why the parent is the parent. */
export type OrientationReason =
  /** The child cites the parent by its number (implements, basis or refers). */
  | 'cites'
  /** The child implements or is based on an earlier edition of the parent's series. */
  | 'series'
  /** The parent's issuer is a level above the child's. */
  | 'level'
  /** The caller said so (`relation: 'parent'`). */
  | 'given';

/** Codes of the orientation warnings. */
export type OrientationWarningCode = 'child-older' | 'other-province' | 'cites-earlier-edition' | 'cites-neither' | 'undecided' | 'year-on-year';

/** Something odd about a parent → child pair, or (`year-on-year`) how a pair of editions is judged. */
export interface OrientationWarning {
  code: OrientationWarningCode;
  /** One English sentence (renderers localise from `code` and `detail`). */
  message: string;
  /** The facts the sentence is built from. */
  detail: Record<string, string | number | null>;
}

/** How a pair was ordered. */
export interface Orientation {
  /** 'parent' when one plan derives from the other, 'peer' otherwise (siblings, editions). */
  relation: 'parent' | 'peer';
  /** Which of the two plans as given is the parent; null for peers. */
  parent: 'first' | 'second' | null;
  /** True when the plans were given child first and the result has them swapped (parent first). */
  swapped: boolean;
  /** Why the parent is the parent; null for peers. */
  reason: OrientationReason | null;
  /** Warnings about the parent → child pair; for peers, only the `year-on-year` note of two editions. */
  warnings: OrientationWarning[];
}

/** Options of `orientPair`. */
export interface OrientOptions {
  /** Citation keys known (from a lineage graph) to be earlier editions of the parent's series. */
  parentSeries: readonly string[];
}

const LEVEL_RANK: Record<string, number> = { national: 0, province: 1, district: 2, department: 2 };

function foldId(s: string | null | undefined): string {
  return stripDiacritics(normalizeTones(s ?? '').toUpperCase()).replace(/\s+/g, '');
}

function foldNumber(s: string | null | undefined): string {
  return (s ?? '').trim().replace(/^0+(?=\d)/, '');
}

function foldName(s: string | null | undefined): string {
  return stripDiacritics(normalizeTones(s ?? '').toLowerCase())
    .replace(/^(?:tinh|thanh pho|tp\.?)\s+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The child's citation of `parent` by number and symbol (and year, when both have one). */
export function citationOf(child: ParsedDocument, parent: DocumentMeta): Citation | null {
  if (!parent.number || !parent.symbol) return null;
  return (
    (child.citations ?? []).find(
      (c) =>
        c.number !== null &&
        foldNumber(c.number) === foldNumber(parent.number) &&
        foldId(c.symbol) === foldId(parent.symbol) &&
        (c.year === null || parent.year === null || c.year === parent.year),
    ) ?? null
  );
}

/** The child's citation of an earlier edition of the parent's series: a citation known to be one
 * (`known`), else one the child implements or is based on, issued by the parent's issuer under
 * the parent's symbol in an earlier year ("Thực hiện Quyết định số 421/QĐ-UBND ngày 06/02/2024 của
 * UBND tỉnh Khánh Hòa" in a 2024 plan, against the province's 344/QĐ-UBND of 2025). */
export function earlierEditionOf(child: ParsedDocument, parent: DocumentMeta, known: readonly string[] = []): Citation | null {
  const cites = child.citations ?? [];
  const listed = cites.find((c) => known.includes(c.key));
  if (listed) return listed;
  if (!parent.symbol || parent.year === null || !parent.issuer) return null;
  return (
    cites.find(
      (c) =>
        (c.relation === 'implements' || c.relation === 'basis') &&
        foldId(c.symbol) === foldId(parent.symbol) &&
        c.year !== null &&
        c.year < parent.year! &&
        c.issuer !== null &&
        foldName(c.issuer) === foldName(parent.issuer),
    ) ?? null
  );
}

function rank(meta: DocumentMeta): number | undefined {
  return meta.level ? LEVEL_RANK[meta.level] : undefined;
}

/** The date a plan bears, as a comparable "YYYY-MM-DD" prefix, else its year. */
function when(meta: DocumentMeta): string | null {
  if (meta.date) return meta.date;
  return meta.year !== null ? String(meta.year) : null;
}

/** True when `child` was issued before `parent` (compared on what both dates tell). */
function issuedBefore(child: DocumentMeta, parent: DocumentMeta): boolean {
  const c = when(child);
  const p = when(parent);
  if (!c || !p) return false;
  const n = Math.min(c.length, p.length);
  return c.slice(0, n) < p.slice(0, n);
}

function label(meta: DocumentMeta): string {
  if (meta.number && meta.symbol) return `${meta.number}/${meta.symbol}`;
  return meta.title ?? meta.issuer ?? 'the plan';
}

/** Warnings about `child` judged against `parent`. */
export function orientationWarnings(parent: ParsedDocument, child: ParsedDocument, options: Partial<OrientOptions> = {}): OrientationWarning[] {
  const p = parent.meta;
  const c = child.meta;
  const out: OrientationWarning[] = [];
  if (issuedBefore(c, p)) {
    out.push({
      code: 'child-older',
      message: `The child plan (${when(c)}) is older than its parent (${when(p)}).`,
      detail: { child: when(c), parent: when(p) },
    });
  }
  const pp = p.level === 'national' ? null : (p.province ?? null);
  if (pp && c.province && foldName(pp) !== foldName(c.province)) {
    out.push({
      code: 'other-province',
      message: `The child plan is from ${c.province}, its parent from ${pp}.`,
      detail: { child: c.province, parent: pp },
    });
  }
  if (!citationOf(child, p)) {
    const earlier = earlierEditionOf(child, p, options.parentSeries);
    if (earlier) {
      out.push({
        code: 'cites-earlier-edition',
        message: `The child does not cite ${label(p)}; it ${earlier.relation === 'implements' ? 'implements' : 'is based on'} ${earlier.number}/${earlier.symbol} of ${earlier.year}, an earlier edition of the parent's series.`,
        detail: { parent: label(p), cited: `${earlier.number}/${earlier.symbol}`, citedYear: earlier.year, citedKey: earlier.key },
      });
    } else {
      out.push({
        code: 'cites-neither',
        message: `The child cites neither ${label(p)} nor an earlier edition of it.`,
        detail: { parent: label(p) },
      });
    }
  }
  return out;
}

/** How two editions of one series (sameSeries: one issuer or its successor, one kind of plan, one
 * subject, different years) are judged: year on year, as peers, in the order given, with a note
 * saying so; null when the two are not editions of one series. */
export function yearOnYear(first: ParsedDocument, second: ParsedDocument): Orientation | null {
  const [a, b] = [first.meta, second.meta];
  if (!sameSeries(a, b)) return null;
  const [older, newer] = (a.year as number) < (b.year as number) ? [a, b] : [b, a];
  const order = older === a ? 'older first' : 'newer first';
  return {
    relation: 'peer',
    parent: null,
    swapped: false,
    reason: null,
    warnings: [
      {
        code: 'year-on-year',
        message: `The two plans are editions of one series (${older.year} and ${newer.year}, given ${order}): compared year on year, a target set lower or higher is lowered or raised between editions, not weakened or strengthened.`,
        detail: { older: older.year, newer: newer.year, olderPlan: label(older), newerPlan: label(newer), first: a.year },
      },
    ],
  };
}

/**
 * Orders `first` and `second` parent → child. Two editions of one series are peers compared year
 * on year (`yearOnYear`), even when one cites the other. Lineage next: a plan that cites the other by
 * number, or implements an earlier edition of the other's series, is the child; then level: the
 * higher issuer is the parent. Neither → peers, in the order given. `relation: 'parent'` keeps the
 * order given (first is the parent) and only adds the warnings.
 */
export function orientPair(
  first: ParsedDocument,
  second: ParsedDocument,
  options: Partial<OrientOptions> & { relation?: 'parent' | 'peer' | 'auto' } = {},
): Orientation {
  const relation = options.relation ?? 'auto';
  if (relation === 'peer') return yearOnYear(first, second) ?? { relation: 'peer', parent: null, swapped: false, reason: null, warnings: [] };
  const parentIs = (parent: ParsedDocument, child: ParsedDocument, reason: OrientationReason, swapped: boolean): Orientation => ({
    relation: 'parent',
    parent: swapped ? 'second' : 'first',
    swapped,
    reason,
    warnings: orientationWarnings(parent, child, options),
  });
  if (relation === 'parent') return parentIs(first, second, 'given', false);
  const editions = yearOnYear(first, second);
  if (editions) return editions;
  const [r1, r2] = [rank(first.meta), rank(second.meta)];
  const higher = r1 !== undefined && r2 !== undefined ? Math.sign(r2 - r1) : 0; // 1: first is higher
  // A citation by number wins unless it points down the levels (a province citing a department's report).
  if (citationOf(second, first.meta) && higher >= 0) return parentIs(first, second, 'cites', false);
  if (citationOf(first, second.meta) && higher <= 0) return parentIs(second, first, 'cites', true);
  if (higher > 0) return parentIs(first, second, earlierEditionOf(second, first.meta, options.parentSeries) ? 'series' : 'level', false);
  if (higher < 0) return parentIs(second, first, earlierEditionOf(first, second.meta, options.parentSeries) ? 'series' : 'level', true);
  return { relation: 'peer', parent: null, swapped: false, reason: null, warnings: [] };
}
