/**
 * A lineage graph that reads at corpus scale: what the web graph draws by default, made from the
 * full graph by a few named steps, each a documented option.
 *
 *  1. families: a parent and the plans implementing it, and the editions of a series, are one
 *     family (the connected parts of the `implements` and `succeeds` edges); a family is drawn as
 *     one node until it is opened;
 *  2. cited documents that head no family (the laws, decrees and letters plans cite as basis or
 *     reference) are one node per level until that node is opened;
 *  3. reuse edges are kept above a strength, at most a few per plan (the strongest), and again at
 *     most as many per drawn node once families are closed;
 *  4. "only documents in the folder" keeps the plans of the folder and nothing else;
 *  5. edges between the same two drawn nodes with the same relation become one, counting how many
 *     it stands for.
 * Pure: the Cytoscape wrapper hands the result to `graphElements`.
 */
import type { LineageEdge, LineageGraph, LineageNode } from '../types.js';

/** How the graph is condensed. */
export interface CondenseOptions {
  /** Draw each family as one node (except those in `expanded`). */
  families: boolean;
  /** Draw cited documents that head no family as one node per level (except levels in `expanded`). */
  collapseCited: boolean;
  /** Ids of the family and cited-group nodes drawn open. */
  expanded: ReadonlySet<string>;
  /** Least score of a reuse edge drawn (0..1). */
  reuseMin: number;
  /** Most reuse edges drawn per plan (its strongest). */
  reusePerPlan: number;
  /** Keep only the plans of the folder. */
  corpusOnly: boolean;
}

/** Defaults: families and cited documents closed; reuse from 50 % of shared text, three per plan at most. */
export const CONDENSE_DEFAULTS: Readonly<CondenseOptions> = {
  families: true,
  collapseCited: true,
  expanded: new Set<string>(),
  reuseMin: 0.5,
  reusePerPlan: 3,
  corpusOnly: false,
};

/** Prefix of family node ids ("family:QĐ-UBND/421/2024@Khánh Hòa"). */
export const FAMILY = 'family:';
/** Prefix of cited-group node ids ("cited:national"). */
export const CITED = 'cited:';

/** A family: the documents linked by implements and succeeds edges. */
export interface Family {
  /** Node id of the family ("family:" + its head). */
  id: string;
  /** The document it is named after: the parent most plans implement, else the newest edition. */
  head: string;
  /** Node ids of its members, head included, sorted. */
  members: string[];
}

/** What a drawn node stands for. */
export interface DrawnGroup {
  kind: 'family' | 'cited';
  /** Node ids of the documents it stands for. */
  members: string[];
  /** Whether any member is a plan of the folder. */
  inCorpus: boolean;
}

/** The condensed graph, with what each group node stands for and where each document went. */
export interface CondensedGraph {
  graph: LineageGraph;
  /** Group nodes (families, cited groups) by id. */
  groups: Map<string, DrawnGroup>;
  /** The drawn node of every document shown (itself, or the group holding it). */
  drawnAs: Map<string, string>;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Families of two documents or more: connected parts of the implements and succeeds edges. */
export function families(graph: LineageGraph): Family[] {
  const up = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (up.has(r) && up.get(r) !== r) r = up.get(r) as string;
    let c = x;
    while (c !== r) {
      const next = up.get(c) as string;
      up.set(c, r);
      c = next;
    }
    return r;
  };
  const nodes = new Set(graph.nodes.map((n) => n.id));
  for (const e of graph.edges) {
    if ((e.relation !== 'implements' && e.relation !== 'succeeds') || !nodes.has(e.source) || !nodes.has(e.target)) continue;
    if (!up.has(e.source)) up.set(e.source, e.source);
    if (!up.has(e.target)) up.set(e.target, e.target);
    const [a, b] = [find(e.source), find(e.target)];
    if (a !== b) up.set(a < b ? b : a, a < b ? a : b);
  }
  const parts = new Map<string, string[]>();
  for (const id of up.keys()) {
    const r = find(id);
    (parts.get(r) ?? parts.set(r, []).get(r)!).push(id);
  }
  const implementedBy = new Map<string, number>();
  for (const e of graph.edges) if (e.relation === 'implements') implementedBy.set(e.target, (implementedBy.get(e.target) ?? 0) + 1);
  const year = new Map(graph.nodes.map((n) => [n.id, n.year ?? -1]));
  const out: Family[] = [];
  for (const members of parts.values()) {
    if (members.length < 2) continue;
    members.sort(cmp);
    const head = [...members].sort((a, b) => (implementedBy.get(b) ?? 0) - (implementedBy.get(a) ?? 0) || (year.get(b) as number) - (year.get(a) as number) || cmp(a, b))[0] as string;
    out.push({ id: `${FAMILY}${head}`, head, members });
  }
  return out.sort((a, b) => cmp(a.id, b.id));
}

/** Reuse edges above `min`, the strongest first, each plan in at most `perPlan` of them. */
export function strongestReuse(edges: readonly LineageEdge[], min: number, perPlan: number): LineageEdge[] {
  const count = new Map<string, number>();
  const out: LineageEdge[] = [];
  const reuse = edges.filter((e) => e.relation === 'reuse' && e.score >= min).sort((a, b) => b.score - a.score || cmp(a.source, b.source) || cmp(a.target, b.target));
  for (const e of reuse) {
    const [a, b] = [count.get(e.source) ?? 0, count.get(e.target) ?? 0];
    if (a >= perPlan || b >= perPlan) continue;
    count.set(e.source, a + 1);
    count.set(e.target, b + 1);
    out.push(e);
  }
  return out;
}

const LEVEL_NAME: Record<string, string> = { national: 'trung ương', province: 'cấp tỉnh', department: 'cấp sở', district: 'cấp huyện' };

/** The graph as drawn by default (see the module comment). */
export function condense(graph: LineageGraph, options: Partial<CondenseOptions> = {}): CondensedGraph {
  const o: CondenseOptions = { ...CONDENSE_DEFAULTS, ...options };
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const keep = (n: LineageNode): boolean => !o.corpusOnly || n.file !== undefined;
  const drawnAs = new Map<string, string>();
  const groups = new Map<string, DrawnGroup>();
  const nodes: LineageNode[] = [];
  const familyOf = new Map<string, Family>();
  for (const f of families(graph)) for (const m of f.members) familyOf.set(m, f);

  // 1. families
  for (const f of familyOf.size ? new Set(familyOf.values()) : []) {
    const shown = f.members.filter((m) => keep(byId.get(m) as LineageNode));
    if (!shown.length) continue;
    if (!o.families || o.expanded.has(f.id) || shown.length < 2) {
      for (const m of shown) drawnAs.set(m, m);
      continue;
    }
    const head = byId.get(f.head) as LineageNode;
    const inCorpus = shown.some((m) => byId.get(m)?.file !== undefined);
    groups.set(f.id, { kind: 'family', members: shown, inCorpus });
    nodes.push({ ...head, id: f.id, file: undefined, files: undefined, warnings: undefined, title: head.title } as LineageNode);
    for (const m of shown) drawnAs.set(m, f.id);
  }
  // 2. cited documents heading no family
  for (const n of graph.nodes) {
    if (drawnAs.has(n.id) || familyOf.has(n.id) || !keep(n)) continue;
    if (n.file !== undefined || !o.collapseCited) {
      drawnAs.set(n.id, n.id);
      continue;
    }
    const id = `${CITED}${n.level ?? 'unknown'}`;
    if (o.expanded.has(id)) {
      drawnAs.set(n.id, n.id);
      continue;
    }
    const g = groups.get(id) ?? { kind: 'cited' as const, members: [], inCorpus: false };
    g.members.push(n.id);
    groups.set(id, g);
    drawnAs.set(n.id, id);
  }
  for (const [id, g] of groups) {
    if (g.kind !== 'cited') continue;
    const level = id.slice(CITED.length);
    nodes.push({ id, key: null, type: null, number: null, symbol: null, year: null, date: null, title: `${g.members.length} văn bản được dẫn chiếu ${LEVEL_NAME[level] ?? ''}`.trim(), issuer: null, level: level === 'unknown' ? null : (level as LineageNode['level']) });
  }
  for (const n of graph.nodes) if (drawnAs.get(n.id) === n.id) nodes.push(n);

  // 3–5. edges: reuse thinned, ends mapped to what is drawn, duplicates merged
  const edges = new Map<string, LineageEdge>();
  const reuse = strongestReuse(graph.edges, o.reuseMin, o.reusePerPlan);
  for (const e of [...graph.edges.filter((x) => x.relation !== 'reuse'), ...reuse]) {
    const source = drawnAs.get(e.source);
    const target = drawnAs.get(e.target);
    if (!source || !target || source === target) continue;
    const k = `${e.relation}\u0000${source}\u0000${target}`;
    const seen = edges.get(k);
    if (!seen) edges.set(k, { ...e, source, target, count: 1 } as LineageEdge);
    else {
      seen.score = Math.max(seen.score, e.score);
      if (e.mentions !== undefined) seen.mentions = (seen.mentions ?? 0) + e.mentions;
      (seen as LineageEdge & { count: number }).count += 1;
    }
  }
  // the cap per plan holds for drawn nodes too: a closed family keeps its few strongest reuse links
  const merged = [...edges.values()];
  const kept = new Set(strongestReuse(merged, o.reuseMin, o.reusePerPlan));
  return { graph: { nodes, edges: merged.filter((e) => e.relation !== 'reuse' || kept.has(e)) }, groups, drawnAs };
}
