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
import { SERIES_DEFAULTS, seriesIdentity, type SeriesIdentity, type SeriesOptions } from '../extract/series-identity.js';
import { SPACE_RUN } from '../patterns/lineage.js';

export { sameSeries, seriesIdentity, titleParts, type SeriesOptions } from '../extract/series-identity.js';

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

