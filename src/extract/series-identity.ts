/**
 * What series a document belongs to, read from its own facts (title, type, symbol, issuer, year,
 * province): the identity the lineage stage groups editions by (src/corpus/series.ts) and the
 * comparison uses to compare two editions year on year. See series.ts for the rules.
 */
import type { LineageNode } from '../types.js';
import { makeFolder } from '../text/fold.js';
import { GLOSSARY } from '../text/abbreviations.js';
import { stripDiacritics } from '../text/vietnamese.js';
import { PROVINCE_PREFIX, SPACE_RUN, SYMBOL_SEPARATOR } from '../patterns/lineage.js';
import {
  COMMITTEE_PART,
  DEPARTMENT_CODE,
  DEPARTMENT_SUCCESSOR,
  ISSUER_CHAIR,
  ISSUER_COMMITTEE,
  ISSUER_DEPARTMENT,
  PROVINCE_SUCCESSOR,
  SUBJECT_FILLER,
  TITLE_ABBREVIATION,
  TITLE_CARRIER,
  TITLE_KIND,
  TITLE_PERIOD,
  TITLE_TAIL,
  TITLE_YEAR,
} from '../patterns/series.js';

/** How series are found. */
export interface SeriesOptions {
  /** Kinds of plan that make series (folded type words). */
  kinds: readonly string[];
  /** Most years between two consecutive annual editions (a missing year in between is allowed up to this). */
  maxGap: number;
  /** Fewest words of a subject: shorter ones ("kế hoạch năm 2024") say too little to tie two documents. */
  minSubjectWords: number;
}

/** Defaults: plans, programmes and schemes; a gap of one missing year at most; subjects of two words or more. */
export const SERIES_DEFAULTS: Readonly<SeriesOptions> = {
  kinds: ['kế hoạch', 'chương trình', 'đề án'],
  maxGap: 2,
  minSubjectWords: 2,
};

/** What ties a document to its series. */
export interface SeriesIdentity {
  /** Stable id of the series ("khanh-hoa/ubnd/ke-hoach/cai-cach-thu-tuc-hanh-chinh-trong-tam"). */
  id: string;
  /** Kind of plan, folded ("kế hoạch"). */
  kind: string;
  /** Issuing body, folded, successor applied ("ủy ban nhân dân", "sở tài chính"). */
  body: string;
  /** Province, successor applied ("Khánh Hòa"); null for national bodies and unknown places. */
  province: string | null;
  /** Subject, folded, without years ("cải cách thủ tục hành chính trọng tâm"). */
  subject: string;
  /** Length in years of the period a plan covers (5 for "giai đoạn 2021 – 2025"); 1 for an annual plan. */
  span: number;
}

const fold = makeFolder(GLOSSARY);

function slug(s: string): string {
  return stripDiacritics(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Province of a node: the "@province" of its id, else the place named in its issuer ("Sở Công Thương tỉnh Gia Lai"). */
function provinceOf(node: LineageNode): string | null {
  const at = node.id.lastIndexOf('@');
  let name: string | null = at >= 0 ? node.id.slice(at + 1) : null;
  if (!name && node.issuer) {
    const m = /(?:tỉnh|thành\s+phố|TP\.?)\s+(\p{Lu}.*)$/u.exec(node.issuer.normalize('NFC'));
    name = m ? (m[1] as string).replace(PROVINCE_PREFIX, '').replace(SPACE_RUN, ' ').trim() : null;
  }
  if (!name) return null;
  return PROVINCE_SUCCESSOR[name] ?? name;
}

function department(name: string): string {
  const n = name.trim();
  return `sở ${DEPARTMENT_SUCCESSOR[n] ?? n}`;
}

/** The issuing body from the symbol's issuer part ("QĐ-UBND" → committee, "KH-SCT" → Sở Công Thương), else from the issuer's name. */
function bodyOf(node: LineageNode): string | null {
  const parts = (node.symbol ?? '').split(SYMBOL_SEPARATOR).filter(Boolean).slice(1);
  for (const p of parts) {
    if (COMMITTEE_PART.test(p)) return 'ủy ban nhân dân';
    const dept = DEPARTMENT_CODE[p];
    if (dept) return department(dept);
  }
  if (!node.issuer) return null;
  const who = fold(node.issuer).replace(ISSUER_CHAIR, '');
  if (ISSUER_COMMITTEE.test(who)) return 'ủy ban nhân dân';
  const d = ISSUER_DEPARTMENT.exec(who);
  if (d) return department(d[1] as string);
  return who || null;
}

/** Kind, subject and period length read from a title (and the node's type word when the title has none). */
export function titleParts(title: string, type: string | null): { kind: string | null; subject: string; span: number } {
  let s = fold(title.replace(TITLE_ABBREVIATION, ' ')).replace(TITLE_CARRIER, '');
  const k = TITLE_KIND.exec(s);
  let kind = k ? (k[1] as string).replace(SPACE_RUN, ' ') : null;
  if (k) s = s.slice(k[0].length);
  if (!kind && type) kind = fold(type);
  s = s.replace(TITLE_TAIL, '');
  const period = TITLE_PERIOD.exec(s);
  const span = period ? Math.max(1, Number(period[2]) - Number(period[1]) + 1) : 1;
  if (period) s = s.replace(TITLE_PERIOD, ' ');
  s = s.replace(TITLE_YEAR, ' ').replace(SPACE_RUN, ' ').trim();
  let before: string;
  do {
    before = s;
    s = s.replace(SUBJECT_FILLER, '').trim();
  } while (s !== before);
  return { kind, subject: s, span };
}

/** What ties a node to a series; null when it cannot be an edition (no year, no title, no issuer, not a plan). */
export function seriesIdentity(node: LineageNode, options: Partial<SeriesOptions> = {}): SeriesIdentity | null {
  const o = { ...SERIES_DEFAULTS, ...options };
  if (node.year === null || !node.title) return null;
  const { kind, subject, span } = titleParts(node.title, node.type);
  if (!kind || !o.kinds.includes(kind)) return null;
  if (subject.split(' ').length < o.minSubjectWords) return null;
  const body = bodyOf(node);
  if (!body) return null;
  const province = node.level === 'national' ? null : provinceOf(node);
  if (node.level !== 'national' && !province) return null;
  const id = [province ? slug(province) : 'national', slug(body), slug(kind), span > 1 ? `${span}y` : null, slug(subject)].filter(Boolean).join('/');
  return { id, kind, body, province, subject, span };
}

/** Whether two documents are editions of one series issued in different years (from their own meta:
 * a province plan of 2025 and the one of 2024, even when one cites the other). */
export function sameSeries(a: Pick<LineageNode, 'type' | 'symbol' | 'year' | 'title' | 'issuer' | 'level'> & { province?: string | null }, b: typeof a, options: Partial<SeriesOptions> = {}): boolean {
  if (a.year === null || b.year === null || a.year === b.year) return false;
  const asNode = (m: typeof a, id: string): LineageNode => ({
    id: m.province ? `${id}@${m.province}` : id,
    key: null,
    number: null,
    date: null,
    type: m.type,
    symbol: m.symbol,
    year: m.year,
    title: m.title,
    issuer: m.issuer,
    level: m.level,
  });
  const x = seriesIdentity(asNode(a, 'a'), options);
  const y = seriesIdentity(asNode(b, 'b'), options);
  return !!x && !!y && x.id === y.id;
}
