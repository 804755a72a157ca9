/**
 * The corpus lineage graph: every plan of a folder and every document it cites, merged by
 * identity, linked by citation edges (implements / basis / refers) and by `reuse` edges between
 * plans that share text (see reuse.ts).
 *
 * Documents stream through a `LineageBuilder`: `add` keeps the node facts, the citation edges
 * and a shingle set of each plan, never its text, so a folder of tens of thousands of plans fits.
 */
import type { Citation, CitationRelation, DocumentMeta, LineageEdge, LineageGraph, LineageNode, ParsedDocument } from '../types.js';
import { citationKey, printedNumber } from '../extract/citations.js';
import { REUSE_DEFAULTS, ReuseIndex, Shingler, type ReuseOptions, type ReusePair } from './reuse.js';
import { successionEdges } from './series.js';
import { normalizeTones } from '../text/vietnamese.js';
import { provinceByName } from '../vocabulary/index.js';
import {
  ISSUER_LEVEL,
  NATIONAL_TYPE,
  PROVINCE_PREFIX,
  SPACE_RUN,
  SYMBOL_LEVEL,
  SYMBOL_SEPARATOR,
  SYMBOL_YEAR_PREFIX,
} from '../patterns/lineage.js';

/** One parsed plan of the folder. */
export interface LineageInput {
  /** Path relative to the folder, "/"-separated ("khanh-hoa/2024-so-gddt-cai-cach-tthc.txt"). */
  file: string;
  /** The plan as parsed, citations included. */
  doc: ParsedDocument;
}

/** The meta fields of a plan that the graph reads. */
const RECORD_META = ['number', 'symbol', 'year', 'type', 'level', 'issuer', 'province', 'place', 'date', 'title'] as const;

/** What the graph keeps of one citation: its identity and how it was cited, with the number of mentions. */
export type LineageCitation = Pick<Citation, 'key' | 'type' | 'number' | 'symbol' | 'year' | 'date' | 'issuer' | 'subject' | 'scope' | 'relation'> & { mentions: number };

/**
 * All that the graph takes from one parsed plan: a few meta fields, its citations and the shingle
 * set of its text (see reuse.ts). Small and made of plain data, so it is made where the plan is
 * parsed (a worker thread) and can be cached instead of the whole document.
 */
export interface LineageRecord {
  /** The plan's meta fields that name and place it (see RECORD_META). */
  meta: Partial<Pick<DocumentMeta, (typeof RECORD_META)[number]>>;
  /** Its citations that have a key. */
  citations: LineageCitation[];
  /** Its shingle set, null when reuse is not measured. */
  shingles: Uint32Array | null;
  /** Names the options that made the shingle set ({@link Shingler.key}); null with no set. */
  shingling: string | null;
}

/** The shingler of the default reuse options (what `plandiff lineage` runs), made once. */
let defaultShingler: Shingler | null = null;
const theDefaultShingler = (): Shingler => (defaultShingler ??= new Shingler(REUSE_DEFAULTS));

/** Names how the default reuse options make shingle sets ({@link Shingler.key}). */
export function defaultShingling(): string {
  return theDefaultShingler().key;
}

/**
 * The lineage record of a parsed plan. `shingler` makes the shingle set (default: the one of
 * REUSE_DEFAULTS; null: no set). Odd documents never throw.
 */
export function lineageRecord(doc: ParsedDocument, shingler: Shingler | null = theDefaultShingler()): LineageRecord {
  const meta: LineageRecord['meta'] = {};
  const from = (doc?.meta ?? {}) as unknown as Record<string, unknown>;
  for (const k of RECORD_META) if (from[k] !== undefined) (meta as Record<string, unknown>)[k] = from[k];
  const citations: LineageCitation[] = [];
  for (const c of Array.isArray(doc?.citations) ? doc.citations : []) {
    if (!c || typeof c.key !== 'string' || !c.key.trim()) continue;
    citations.push({
      key: c.key,
      type: c.type,
      number: c.number,
      symbol: c.symbol,
      year: c.year,
      date: c.date,
      issuer: c.issuer,
      subject: c.subject,
      scope: c.scope,
      relation: c.relation,
      mentions: Array.isArray(c.mentions) ? c.mentions.length : 0,
    });
  }
  const shingles = shingler ? shingler.fromClauses(Array.isArray(doc?.clauses) ? doc.clauses : []) : null;
  return { meta, citations, shingles, shingling: shingler ? shingler.key : null };
}

/** How the graph is built. */
export interface LineageOptions {
  /** Compute `reuse` edges (the costly part at scale). */
  reuse: boolean;
  /** Options of the reuse measure (see REUSE_DEFAULTS). */
  reuseOptions: Partial<ReuseOptions>;
  /** Called now and then while reuse pairs are scored: (documents done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** Defaults: reuse edges on, with the reuse module's defaults. */
export const LINEAGE_DEFAULTS: Readonly<LineageOptions> = {
  reuse: true,
  reuseOptions: {},
};

export type Level = NonNullable<LineageNode['level']>;

const RELATION_RANK: Record<CitationRelation, number> = { implements: 3, basis: 2, refers: 1 };

/** Administrative level of a document from its issuer, its symbol or its type word; null when none tells. */
export function inferLevel(symbol: string | null, issuer: string | null, type: string | null = null): Level | null {
  const who = issuer?.trim() ?? '';
  if (who) {
    if (ISSUER_LEVEL.department.test(who)) return 'department';
    if (ISSUER_LEVEL.district.test(who)) return 'district';
    if (ISSUER_LEVEL.national.test(who)) return 'national';
    if (ISSUER_LEVEL.province.test(who)) return 'province';
  }
  if (symbol) {
    const parts = symbol.split(SYMBOL_SEPARATOR).filter(Boolean);
    for (const [level, re] of SYMBOL_LEVEL) if (parts.some((p) => re.test(p))) return level;
  }
  if (type && NATIONAL_TYPE.test(type.trim())) return 'national';
  return null;
}

/** A province name as used in node ids: one tone placement, single spaces, no "tỉnh"/"thành phố" prefix. */
export function scopeName(name: string | null | undefined): string | null {
  if (typeof name !== 'string' || !name) return null;
  const s = normalizeTones(name).replace(SPACE_RUN, ' ').trim().replace(PROVINCE_PREFIX, '').trim();
  // one spelling per province of the vocabulary ("Thừa Thiên Huế" → Huế, "Khánh Hoà" → Khánh Hòa)
  return (s && provinceByName(s)?.name) || s || null;
}

/** The canonical key of a document from its own identity, made as citations are keyed
 * ("QĐ-UBND/421/2024"); null when it has no number or no symbol. */
export function documentKey(meta: Pick<DocumentMeta, 'number' | 'symbol' | 'year'> & { type?: string | null }): string | null {
  const number = typeof meta.number === 'string' ? meta.number.trim() : '';
  const symbol = typeof meta.symbol === 'string' ? meta.symbol.replace(SPACE_RUN, '').replace(SYMBOL_YEAR_PREFIX, '') : '';
  if (!number || !symbol) return null;
  const year = typeof meta.year === 'number' && Number.isFinite(meta.year) ? meta.year : null;
  return citationKey({ type: meta.type ?? null, number, symbol, year });
}

/** Node id of a numbered document: the key, plus "@province" for local instruments. */
export function nodeId(key: string, level: Level | null, scope: string | null): string {
  return level !== 'national' && scope ? `${key}@${scope}` : key;
}

/** Node id of a plan of the folder. */
export function planNodeId(file: string, meta: DocumentMeta): string {
  const key = documentKey(meta);
  if (!key) return `file:${file}`;
  const level = meta.level ?? inferLevel(str(meta.symbol), str(meta.issuer), str(meta.type));
  return nodeId(key, level, scopeName(meta.province ?? meta.place));
}

/** Node id of a cited document, seen from the citing plan (whose province scopes unscoped local instruments). */
export function citedNodeId(citation: Citation, citing: DocumentMeta): string {
  const level = inferLevel(str(citation.symbol), str(citation.issuer), str(citation.type));
  const scope = scopeName(citation.scope) ?? (level === null || level === 'national' ? null : scopeName(citing.province ?? citing.place));
  return nodeId(citation.key, level, scope);
}

/** Sortable date of a node: its ISO date, or its year; null when neither is known. */
function dateOf(node: LineageNode): string | null {
  return node.date ?? (node.year !== null ? String(node.year) : null);
}

/** -1 when a is older than b, 1 when newer, 0 when it cannot tell (same or unknown, or one date a prefix of the other). */
function compareDates(a: string | null, b: string | null): number {
  if (!a || !b || a.startsWith(b) || b.startsWith(a)) return 0;
  return a < b ? -1 : 1;
}

function fill(node: LineageNode, from: Partial<LineageNode>): void {
  for (const k of ['key', 'type', 'number', 'symbol', 'year', 'date', 'title', 'issuer', 'level'] as const) {
    if (node[k] === null && from[k] !== undefined && from[k] !== null) (node as unknown as Record<string, unknown>)[k] = from[k];
  }
}

function str(x: unknown): string | null {
  return typeof x === 'string' && x.trim() ? x.trim() : null;
}

function num(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/**
 * Builds the graph from plans added one at a time. `finish` may be called once.
 */
export class LineageBuilder {
  private readonly options: LineageOptions;
  private readonly nodes = new Map<string, LineageNode>();
  /** The first id seen for each identity written with or without leading zeros ("QĐ-UBND/030/2025" = "QĐ-UBND/30/2025"). */
  private readonly spellings = new Map<string, string>();
  /** Citation edges by "source\u0000target". */
  private readonly citations = new Map<string, LineageEdge>();
  private readonly reuse: ReuseIndex | null;
  /** Node id of each document added to the reuse index, by its index there. */
  private readonly reuseNodes: string[] = [];

  constructor(options: Partial<LineageOptions> = {}) {
    this.options = { ...LINEAGE_DEFAULTS, ...options };
    this.reuse = this.options.reuse ? new ReuseIndex(this.options.reuseOptions) : null;
  }

  /** Adds one plan: its node, its citation edges and its shingles. Odd documents never throw. */
  add(input: LineageInput): void {
    this.addRecord(input.file, lineageRecord(input.doc, this.reuse ? this.reuse.shingler : null));
  }

  /**
   * Adds one plan by its lineage record (see {@link lineageRecord}); the graph is the one `add`
   * gives for the document. A record whose shingle set was made with other options than this
   * builder's is refused (an Error: the caller mixed up options).
   */
  addRecord(file: string, record: LineageRecord): void {
    const meta = record.meta as DocumentMeta;
    if (this.reuse && record.shingling !== this.reuse.shingler.key) {
      throw new Error(`lineage: the record of ${file} was shingled with other options (${record.shingling ?? 'none'}, expected ${this.reuse.shingler.key})`);
    }
    const id = this.spelling(planNodeId(file, meta));
    const level = meta.level ?? inferLevel(str(meta.symbol), str(meta.issuer), str(meta.type));
    const facts: LineageNode = {
      id,
      key: documentKey(meta),
      type: str(meta.type),
      number: str(meta.number),
      symbol: str(meta.symbol),
      year: num(meta.year),
      date: str(meta.date),
      title: str(meta.title),
      issuer: str(meta.issuer),
      level: level ?? null,
      file,
    };
    const existing = this.nodes.get(id);
    if (!existing) this.nodes.set(id, { ...facts, files: [file] });
    else if (existing.file === undefined || file < existing.file) {
      // The plan's own text wins over what citing documents said of it; of two files with the same
      // identity, the first by path holds the node and every file is listed.
      const merged: LineageNode = { ...facts, files: sameDocumentFiles(existing.files, file) };
      fill(merged, existing);
      this.nodes.set(id, merged);
    } else {
      existing.files = sameDocumentFiles(existing.files, file);
      fill(existing, facts);
    }

    for (const c of record.citations) {
      const target = this.spelling(citedNodeId(c as unknown as Citation, meta));
      if (target === id) continue;
      if (!this.nodes.has(target)) {
        this.nodes.set(target, {
          id: target,
          key: c.key,
          type: str(c.type),
          number: str(c.number),
          symbol: str(c.symbol),
          year: num(c.year),
          date: str(c.date),
          title: str(c.subject),
          issuer: str(c.issuer),
          level: inferLevel(str(c.symbol), str(c.issuer), str(c.type)),
        });
      } else {
        const node = this.nodes.get(target) as LineageNode;
        fill(node, { key: c.key, type: str(c.type), number: str(c.number), symbol: str(c.symbol), year: num(c.year), date: str(c.date), issuer: str(c.issuer), title: str(c.subject) });
      }
      const relation: CitationRelation = c.relation in RELATION_RANK ? c.relation : 'refers';
      const mentions = c.mentions;
      const edgeKey = `${id}\u0000${target}`;
      const edge = this.citations.get(edgeKey);
      if (!edge) this.citations.set(edgeKey, { source: id, target, relation, score: 1, mentions });
      else {
        if (RELATION_RANK[relation] > RELATION_RANK[edge.relation as CitationRelation]) edge.relation = relation;
        edge.mentions = (edge.mentions ?? 0) + mentions;
      }
    }

    if (this.reuse) {
      this.reuse.addSet(record.shingles ?? new Uint32Array(0));
      this.reuseNodes.push(id);
    }
  }

  /** One id per document however its number is padded: the first spelling met stands for the others. */
  private spelling(id: string): string {
    const key = id.replace(/\/0+(?=\d)/gu, '/');
    const seen = this.spellings.get(key);
    if (seen !== undefined) return seen;
    this.spellings.set(key, id);
    return id;
  }

  /** The reuse index the plans' shingle sets went to (null without reuse): its pairs may be scored elsewhere (worker threads) and given to {@link finish}. */
  get reuseIndex(): ReuseIndex | null {
    return this.reuse;
  }

  /**
   * The graph: plans first (by file), then cited documents (by id); citation edges, then reuse
   * edges strongest first. `reusePairs`: the pairs of {@link reuseIndex} when they were scored
   * already (else they are scored here).
   */
  finish(reusePairs?: readonly ReusePair[]): LineageGraph {
    this.mergeYearless();
    const nodes = [...this.nodes.values()].sort((a, b) => {
      if ((a.file === undefined) !== (b.file === undefined)) return a.file === undefined ? 1 : -1;
      const x = a.file ?? a.id;
      const y = b.file ?? b.id;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const citationEdges = [...this.citations.values()].sort(
      (a, b) => cmp(a.source, b.source) || RELATION_RANK[b.relation as CitationRelation] - RELATION_RANK[a.relation as CitationRelation] || cmp(a.target, b.target),
    );
    for (const n of nodes) {
      if (n.files && n.files.length > 1) {
        n.warnings = [{ code: 'several-files', message: `${n.files.length} files carry this document: ${n.files.join(', ')}` }];
      }
    }
    const reuseEdges = this.reuse ? this.reuseEdges(reusePairs ?? this.reuse.pairs(this.options.onProgress)) : [];
    // editions of one series: newer → older (see series.ts)
    const succession = successionEdges(nodes);
    return { nodes, edges: [...citationEdges, ...succession, ...reuseEdges] };
  }

  /**
   * A document known without its year ("Quyết định số 766/QĐ-TTg" never dated in the citing plan, or a
   * plan whose date is blank) is merged into the one dated node of the same symbol, number and
   * province, when there is exactly one; with none or several it stays a node of its own.
   */
  private mergeYearless(): void {
    const identity = (n: LineageNode): string | null => {
      if (!n.symbol || !n.number) return null;
      let number = n.number.trim();
      while (number.length > 1 && number.startsWith('0')) number = number.slice(1);
      const at = n.id.lastIndexOf('@');
      return `${n.symbol.replace(SPACE_RUN, '')}\u0000${number}\u0000${at >= 0 ? n.id.slice(at + 1) : ''}`;
    };
    const dated = new Map<string, string[]>();
    for (const n of this.nodes.values()) {
      const k = n.year !== null ? identity(n) : null;
      if (k) dated.set(k, [...(dated.get(k) ?? []), n.id]);
    }
    const alias = new Map<string, string>();
    for (const n of this.nodes.values()) {
      const k = n.year === null ? identity(n) : null;
      const into = k ? dated.get(k) : undefined;
      if (!into || into.length !== 1) continue;
      const target = this.nodes.get(into[0] as string) as LineageNode;
      if (n.file !== undefined && target.file !== undefined) continue;
      alias.set(n.id, target.id);
      if (n.file !== undefined) {
        // The plan's own facts win; the year comes from the citing documents.
        const merged: LineageNode = { ...n, id: target.id, key: target.key ?? n.key };
        fill(merged, target);
        this.nodes.set(target.id, merged);
      } else fill(target, n);
      this.nodes.delete(n.id);
    }
    if (alias.size === 0) return;
    const edges = [...this.citations.values()];
    this.citations.clear();
    for (const e of edges) {
      const source = alias.get(e.source) ?? e.source;
      const target = alias.get(e.target) ?? e.target;
      if (source === target) continue;
      const k = `${source}\u0000${target}`;
      const seen = this.citations.get(k);
      if (!seen) this.citations.set(k, { ...e, source, target });
      else {
        if (RELATION_RANK[e.relation as CitationRelation] > RELATION_RANK[seen.relation as CitationRelation]) seen.relation = e.relation;
        seen.mentions = (seen.mentions ?? 0) + (e.mentions ?? 0);
      }
    }
    for (let i = 0; i < this.reuseNodes.length; i++) {
      const to = alias.get(this.reuseNodes[i] as string);
      if (to) this.reuseNodes[i] = to;
    }
  }

  private reuseEdges(pairs: readonly ReusePair[]): LineageEdge[] {
    const best = new Map<string, LineageEdge>();
    for (const pair of pairs) {
      const a = this.reuseNodes[pair.a] as string;
      const b = this.reuseNodes[pair.b] as string;
      if (a === b) continue;
      const order = compareDates(dateOf(this.nodes.get(a) as LineageNode), dateOf(this.nodes.get(b) as LineageNode)) || cmp(a, b);
      const [source, target] = order <= 0 ? [a, b] : [b, a];
      const k = `${source}\u0000${target}`;
      const seen = best.get(k);
      if (!seen || seen.score < pair.score) best.set(k, { source, target, relation: 'reuse', score: pair.score });
    }
    return [...best.values()].sort((x, y) => y.score - x.score || cmp(x.source, y.source) || cmp(x.target, y.target));
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds the lineage graph of parsed plans (an array or any iterable, consumed once). */
export function buildLineage(docs: Iterable<LineageInput>, options: Partial<LineageOptions> = {}): LineageGraph {
  const builder = new LineageBuilder(options);
  for (const input of docs) builder.add(input);
  return builder.finish();
}

/** Plans implementing the same cited parent: one group per parent implemented by two plans or more. */
export interface SiblingGroup {
  /** Node id of the parent. */
  parent: string;
  /** Node ids of the plans implementing it, sorted. */
  plans: string[];
}

/** For each cited parent, the plans implementing it (every parent, even with one plan). */
export function implementers(graph: LineageGraph): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.relation !== 'implements') continue;
    const list = out.get(e.target) ?? [];
    if (!list.includes(e.source)) list.push(e.source);
    out.set(e.target, list);
  }
  for (const list of out.values()) list.sort(cmp);
  return out;
}

/** Siblings: groups of plans implementing the same parent. */
export function siblingGroups(graph: LineageGraph): SiblingGroup[] {
  return [...implementers(graph)]
    .filter(([, plans]) => plans.length > 1)
    .map(([parent, plans]) => ({ parent, plans }))
    .sort((a, b) => b.plans.length - a.plans.length || cmp(a.parent, b.parent));
}

/** A short readable name of a node: "421/QĐ-UBND (2024)", a law's title, or a plan's file. */
export function nodeLabel(node: LineageNode): string {
  if (node.number && node.symbol) {
    const withYear = node.key?.startsWith('Luật') ? node.title ?? node.key : printedNumber(node.number, node.symbol);
    return node.year !== null ? `${withYear} (${node.year})` : withYear;
  }
  if (node.key?.startsWith('Luật')) return [node.type, node.title].filter(Boolean).join(' ') || node.key;
  return node.file ?? node.title ?? node.id;
}

/** Text lines describing the graph: counts, each implemented parent with its plans and siblings, the
 * `maxReuse` strongest reuse pairs. */
export function lineageSummary(graph: LineageGraph, options: { maxReuse?: number } = {}): string[] {
  const maxReuse = options.maxReuse ?? 50;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const name = (id: string): string => {
    const n = byId.get(id);
    return n ? nodeLabel(n) : id;
  };
  const plans = graph.nodes.filter((n) => n.file !== undefined);
  const citationEdges = graph.edges.filter((e) => e.relation !== 'reuse');
  const reuseEdges = graph.edges.filter((e) => e.relation === 'reuse');
  const lines: string[] = [];
  lines.push(
    `${plans.length} plan(s), ${graph.nodes.length - plans.length} cited document(s) outside the folder; ` +
      `${citationEdges.length} citation edge(s), ${reuseEdges.length} reuse edge(s)`,
  );
  const parents = [...implementers(graph)].sort((a, b) => b[1].length - a[1].length || cmp(a[0], b[0]));
  if (parents.length > 0) {
    lines.push('', 'Implemented parents (plans implementing each):');
    for (const [parent, list] of parents) {
      const p = byId.get(parent);
      const about = [p?.type, p?.issuer, p?.date].filter(Boolean).join(', ');
      lines.push(`  ${name(parent)}${about ? ` — ${about}` : ''}${p?.file ? ' [in folder]' : ''}`);
      for (const plan of list) lines.push(`    ← ${name(plan)}`);
      if (list.length > 1) lines.push(`    siblings: ${list.length} plans implement it`);
    }
  }
  const succession = graph.edges.filter((e) => e.relation === 'succeeds');
  if (succession.length > 0) {
    lines.push('', 'Series (newer edition → the edition it follows):');
    for (const e of succession) lines.push(`  ${name(e.source)} → ${name(e.target)}${byId.get(e.target)?.file ? '' : ' [cited only]'}`);
  }
  const implementing = new Set(graph.edges.filter((e) => e.relation === 'implements' || e.relation === 'succeeds').map((e) => e.source));
  const orphans = plans.filter((p) => !implementing.has(p.id));
  if (orphans.length > 0) {
    // a plan that follows an earlier edition of its series is placed by that edge: not listed here
    lines.push('', 'Plans implementing no cited document:');
    for (const p of orphans) lines.push(`  ${name(p.id)}`);
  }
  if (reuseEdges.length > 0) {
    lines.push('', 'Reuse (share of text in common, older → newer):');
    for (const e of reuseEdges.slice(0, maxReuse)) lines.push(`  ${e.score.toFixed(2)}  ${name(e.source)} → ${name(e.target)}`);
    if (reuseEdges.length > maxReuse) lines.push(`  … and ${reuseEdges.length - maxReuse} more`);
  }
  return lines;
}

/** The files of one node in code-point order, `file` added once. */
function sameDocumentFiles(files: string[] | undefined, file: string): string[] {
  const all = new Set(files ?? []);
  all.add(file);
  return [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
