/**
 * Series and succession: the editions of one plan over the years ("Kế hoạch cải cách TTHC trọng
 * tâm năm 2024" → "… năm 2025" of UBND tỉnh Khánh Hòa), read from the lineage graph's nodes, so a
 * document known only from the citations of other plans (421/QĐ-UBND, cited by the 2024
 * department plans) is an edition like a plan of the folder.
 *
 * Two documents are editions of one series when they have
 * - the same issuer, or its successor after the 2025 mergers (UBND tỉnh Ninh Thuận → UBND tỉnh
 *   Khánh Hòa, Sở Kế hoạch và Đầu tư → Sở Tài chính), read from the symbol ("QĐ-UBND", "KH-SCT")
 *   or else from the issuer's name, in the same province;
 * - the same kind of plan (a Kế hoạch, a Chương trình, an Đề án; a decision "ban hành Kế hoạch …"
 *   carries a Kế hoạch), annual or for a period of the same length;
 * - the same subject once the title's type word, years, periods, issuer and place are cut.
 * Consecutive editions (the nearest older year within `maxGap` years, or one period) are linked
 * by `succeeds` edges, newer → older.
 */
import type { LineageEdge, LineageNode } from '../types.js';
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

/** One edition of a series. */
export interface SeriesEdition {
  /** Issue year. */
  year: number;
  /** Lineage node id. */
  node: string;
  /** Relative path when the edition is a plan of the folder; null when it is only cited. */
  file: string | null;
}

/** A series of editions of one plan. */
export interface PlanSeries {
  /** Stable id (see SeriesIdentity.id). */
  id: string;
  /** Issuer as printed on the newest edition. */
  issuer: string;
  /** Title of the newest edition with its years left out ("Kế hoạch cải cách thủ tục hành chính trọng tâm năm … trên địa bàn tỉnh Khánh Hòa"). */
  title: string;
  /** Editions, oldest first (several in one year when merged issuers each issued one). */
  editions: SeriesEdition[];
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

/** The newest edition's title with its years left out. */
function seriesTitle(title: string): string {
  return title.replace(/(?<![\p{L}\p{N}])(?:19|20)\d\d(?![\p{L}\p{N}])(?:\s*[-–]\s*(?:19|20)\d\d)?/gu, '…').replace(SPACE_RUN, ' ').trim();
}

/** Series of two editions or more (in two years or more), by id; editions oldest first. */
export function findSeries(nodes: readonly LineageNode[], options: Partial<SeriesOptions> = {}): PlanSeries[] {
  const groups = new Map<string, Array<{ node: LineageNode; identity: SeriesIdentity }>>();
  for (const node of nodes) {
    const identity = seriesIdentity(node, options);
    if (!identity) continue;
    const list = groups.get(identity.id) ?? [];
    list.push({ node, identity });
    groups.set(identity.id, list);
  }
  const out: PlanSeries[] = [];
  for (const [id, list] of groups) {
    if (new Set(list.map((x) => x.node.year)).size < 2) continue;
    list.sort((a, b) => (a.node.year as number) - (b.node.year as number) || (a.node.file === undefined ? 1 : 0) - (b.node.file === undefined ? 1 : 0) || cmp(a.node.id, b.node.id));
    const newest = (list[list.length - 1] as { node: LineageNode }).node;
    out.push({
      id,
      issuer: newest.issuer ?? '',
      title: seriesTitle(newest.title ?? ''),
      editions: list.map(({ node }) => ({ year: node.year as number, node: node.id, file: node.file ?? null })),
    });
  }
  return out.sort((a, b) => cmp(a.id, b.id));
}

/** `succeeds` edges of the series: every edition → each edition of the nearest older year of its series,
 * when that year is within `maxGap` years (or one period of a period plan). */
export function successionEdges(nodes: readonly LineageNode[], options: Partial<SeriesOptions> = {}): LineageEdge[] {
  const o = { ...SERIES_DEFAULTS, ...options };
  const out: LineageEdge[] = [];
  for (const series of findSeries(nodes, o)) {
    const span = Number(/\/(\d+)y\//.exec(series.id)?.[1] ?? 1);
    const years = [...new Set(series.editions.map((e) => e.year))];
    for (let i = 1; i < years.length; i++) {
      const [older, newer] = [years[i - 1] as number, years[i] as number];
      if (newer - older > Math.max(o.maxGap, span)) continue;
      for (const n of series.editions.filter((e) => e.year === newer)) {
        for (const p of series.editions.filter((e) => e.year === older)) out.push({ source: n.node, target: p.node, relation: 'succeeds', score: 1 });
      }
    }
  }
  return out.sort((a, b) => cmp(a.source, b.source) || cmp(a.target, b.target));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
