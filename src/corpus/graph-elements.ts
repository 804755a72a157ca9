/**
 * The lineage graph as Cytoscape.js element definitions for the web view. Pure: the Cytoscape
 * wrapper component only hands these to `cy.add()`.
 */
import type { LineageGraph, LineageNode, LineageRelation } from '../types.js';
import { nodeLabel } from './lineage.js';

/** Data of a node element. */
export interface NodeElementData {
  /** Node id (as in the lineage graph). */
  id: string;
  /** Short display name ("421/QĐ-UBND (2024)", a plan's file). */
  label: string;
  /** national | province | department | district; null when unknown. */
  level: LineageNode['level'];
  /** Issue year, when known. */
  year: number | null;
  /** Type word (Kế hoạch, Quyết định, …). */
  type: string | null;
  /** True for plans present in the folder, false for documents only cited. */
  inCorpus: boolean;
  /** Title or subject, for tooltips. */
  title: string | null;
  /** Relative path, for plans of the folder. */
  file: string | null;
}

/** Data of an edge element. */
export interface EdgeElementData {
  /** Stable id: "relation:source->target". */
  id: string;
  source: string;
  target: string;
  relation: LineageRelation;
  /** Share of text in common for reuse; 1 for citations. */
  score: number;
  /** Mentions behind a citation edge; null for reuse. */
  mentions: number | null;
}

/** A Cytoscape node definition. */
export interface NodeElement {
  group: 'nodes';
  data: NodeElementData;
}

/** A Cytoscape edge definition. */
export interface EdgeElement {
  group: 'edges';
  data: EdgeElementData;
}

export type GraphElement = NodeElement | EdgeElement;

/**
 * Node elements first, then edges. Duplicate node ids keep the first; edges whose ends are not
 * nodes are left out (Cytoscape would refuse them); duplicate edge ids get "#2", "#3".
 */
export function toElements(graph: LineageGraph): GraphElement[] {
  const out: GraphElement[] = [];
  const ids = new Set<string>();
  for (const n of graph.nodes) {
    if (ids.has(n.id)) continue;
    ids.add(n.id);
    out.push({
      group: 'nodes',
      data: {
        id: n.id,
        label: nodeLabel(n),
        level: n.level ?? null,
        year: n.year ?? null,
        type: n.type ?? null,
        inCorpus: n.file !== undefined,
        title: n.title ?? null,
        file: n.file ?? null,
      },
    });
  }
  const edgeIds = new Map<string, number>();
  for (const e of graph.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    const base = `${e.relation}:${e.source}->${e.target}`;
    const seen = (edgeIds.get(base) ?? 0) + 1;
    edgeIds.set(base, seen);
    out.push({
      group: 'edges',
      data: {
        id: seen === 1 ? base : `${base}#${seen}`,
        source: e.source,
        target: e.target,
        relation: e.relation,
        score: e.score,
        mentions: e.mentions ?? null,
      },
    });
  }
  return out;
}
