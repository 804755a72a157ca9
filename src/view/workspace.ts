/**
 * The web view's analysis engine: the plans of a corpus (and of uploads) read from their bytes
 * with the same core as the CLI (ingest → parseDocument), and the analyses the views ask of them
 * (lineage graph, comparison of two plans, fidelity of a child to its parent). It runs in a Web
 * Worker in the browser (see web/app/analysis.worker.ts) and in Node in tests; nothing here
 * touches the DOM or the network.
 */
import { compareDocuments } from '../compare/compare.js';
import { fidelityMatrix, inProvinceOf, type FidelityMatrix, type FidelityReport } from '../compare/fidelity.js';
import { orientPair, type Orientation } from '../compare/orient.js';
import { ingest, isIngestError, type IngestResult } from '../ingest/index.js';
import { buildLineage } from '../corpus/lineage.js';
import { buildTrends, issuerMatrix, type IssuerMatrix, type Trends } from '../corpus/trends.js';
import { parseDocument, type ParseOptions } from '../read/parse.js';
import type { Comparison, DocumentMeta, LineageGraph, ParsedDocument, Warning } from '../types.js';
import { baseName, emptySummary } from './corpus.js';

/** What the trends view shows (see src/corpus/trends.ts). */
export interface TrendsResult {
  trends: Trends;
  /** Years of the corpus plans, oldest first. */
  years: number[];
  /** Year of the issuer matrix. */
  year: number | null;
  matrix: IssuerMatrix | null;
}

/** Where a plan came from. */
export type PlanSource = 'corpus' | 'upload';

/** A plan file as handed to the workspace. */
export interface PlanBytes {
  /** Identity in the app: the path relative to the corpus folder, or "upload:<name>" for an upload. */
  file: string;
  /** Corpus plan or user upload. */
  source: PlanSource;
  /** The file's bytes. */
  bytes: Uint8Array;
}

/** Why a plan could not be read: the ingest error code ("empty", "binary", "encoding", …) or "parse". */
export interface PlanError {
  /** Machine-readable reason. */
  code: string;
  /** One English sentence (the views localise from `code`). */
  message: string;
}

/** What the views know of one plan without holding its parse. */
export interface PlanSummary {
  /** Identity in the app (see PlanBytes.file). */
  file: string;
  /** Corpus plan or upload. */
  source: PlanSource;
  /** Size of the file in bytes. */
  size: number;
  /** Format the bytes were read as (txt, md, html, docx, pdf); null when unreadable. */
  format: string | null;
  /** The plan's header facts; null when the file could not be read. */
  meta: DocumentMeta | null;
  /** Number of clauses in the tree (all depths). */
  clauses: number;
  /** Number of numeric targets. */
  targets: number;
  /** Number of distinct cited documents. */
  citations: number;
  /** Oddities met while decoding and reading (the meta's warnings included). */
  warnings: Warning[];
  /** Why the file could not be read; null when it was. */
  error: PlanError | null;
  /** Time spent reading and parsing it, in milliseconds. */
  ms: number;
}

/** A fidelity judgement: the report of one child and the coverage matrix of several children. */
export interface FidelityResult {
  /** The child's report against the parent. */
  report: FidelityReport;
  /** Parent clause/target × child plan coverage (the chosen child first). */
  matrix: FidelityMatrix;
  /** How the pair would be ordered by lineage and level: `swapped` when the chosen child is the parent. */
  suggested: Orientation;
}

/** What a corpus plan's reading keeps: enough to list it and analyse it without reading it again. */
export interface KeptReading {
  format: IngestResult['format'];
  /** The ingest stage's warnings (the parse's are in doc.meta.warnings). */
  warnings: Warning[];
  doc: ParsedDocument;
}

/**
 * Corpus plans read before, kept outside the workspace (the web view keeps them in the browser,
 * web/app/doc-cache.ts): by the plan's path and bytes, for one build of the program. Both calls
 * fail soft: a miss or a failed write only means the plan is read again.
 */
export interface KeptDocuments {
  get(file: string, bytes: Uint8Array): Promise<KeptReading | null>;
  put(file: string, bytes: Uint8Array, reading: KeptReading): Promise<void>;
}

/** The stages the workspace runs; swapped in tests and benchmarks. */
export interface WorkspaceStrategies {
  /** Bytes → text (the ingest stage). */
  ingest: (bytes: Uint8Array, name: string) => Promise<IngestResult>;
  /** Text → parsed plan. */
  parse: (text: string, options: ParseOptions) => ParsedDocument;
  /** How many comparisons are kept for reuse. */
  cachedComparisons: number;
  /** Most children in a fidelity matrix (the chosen child plus plans linked to the parent). */
  matrixPlans: number;
  /** Where corpus plans read before are kept (none by default; uploads are never kept there). */
  kept: KeptDocuments | null;
}

/** Defaults: the core's ingest and parse, eight comparisons kept, matrices of up to eight plans. */
export const WORKSPACE_DEFAULTS: Readonly<WorkspaceStrategies> = {
  ingest: (bytes, name) => ingest(bytes, name),
  parse: parseDocument,
  cachedComparisons: 8,
  matrixPlans: 8,
  kept: null,
};

/** A misuse of the workspace (an unknown plan): the message names the value. */
export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}

function countClauses(doc: ParsedDocument): number {
  let n = 0;
  const walk = (cs: ParsedDocument['clauses']): void => {
    for (const c of cs) {
      n += 1;
      walk(c.children);
    }
  };
  walk(doc.clauses);
  return n;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}


/** The parsed plans of a corpus plus uploads, and the analyses asked of them. */
export class Workspace {
  private readonly strategies: WorkspaceStrategies;
  private readonly docs = new Map<string, ParsedDocument>();
  private readonly summaryOf = new Map<string, PlanSummary>();
  private graph: LineageGraph | null = null;
  /** The graph with the uploads in it too (the web view's), built on demand. */
  private graphWithUploads: LineageGraph | null = null;
  private readonly comparisons = new Map<string, Comparison>();

  constructor(strategies: Partial<WorkspaceStrategies> = {}) {
    this.strategies = { ...WORKSPACE_DEFAULTS, ...strategies };
  }

  /** Reads one plan from its bytes. A file that cannot be read gives a summary with `error`; never throws. */
  async add(input: PlanBytes): Promise<PlanSummary> {
    const start = now();
    const base = emptySummary(input.file, input.source, input.bytes.length);
    this.remove(input.file);
    let summary: PlanSummary;
    try {
      const { format, warnings, doc } = await this.reading(input);
      this.docs.set(input.file, doc);
      summary = {
        ...base,
        format,
        meta: doc.meta,
        clauses: countClauses(doc),
        targets: doc.targets.length,
        citations: doc.citations.length,
        warnings: [...warnings, ...doc.meta.warnings],
      };
    } catch (e) {
      const error: PlanError = isIngestError(e)
        ? { code: e.code, message: e.message }
        : { code: 'parse', message: e instanceof Error ? e.message.split('\n')[0] ?? 'error' : String(e) };
      summary = { ...base, error };
    }
    summary.ms = Math.round((now() - start) * 10) / 10;
    this.summaryOf.set(input.file, summary);
    if (input.source === 'corpus') this.graph = null;
    this.graphWithUploads = null;
    return summary;
  }

  /** A plan's reading: kept from before (a corpus plan whose bytes are unchanged), or ingest and parse now. */
  private async reading(input: PlanBytes): Promise<KeptReading> {
    const kept = input.source === 'corpus' ? this.strategies.kept : null;
    const before = kept ? await kept.get(input.file, input.bytes) : null;
    if (before) return before;
    const read = await this.strategies.ingest(input.bytes, baseName(input.file));
    const reading = { format: read.format, warnings: read.warnings, doc: this.strategies.parse(read.text, { file: input.file, encoding: read.encoding }) };
    if (kept) await kept.put(input.file, input.bytes, reading);
    return reading;
  }

  /** Forgets a plan (and the analyses that used it). */
  remove(file: string): void {
    if (!this.summaryOf.has(file)) return;
    if (this.summaryOf.get(file)?.source === 'corpus') this.graph = null;
    this.graphWithUploads = null;
    this.docs.delete(file);
    this.summaryOf.delete(file);
    for (const k of [...this.comparisons.keys()]) if (k.split('\u0000').includes(file)) this.comparisons.delete(k);
  }

  /** Summaries of every plan, in the order added. */
  summaries(): PlanSummary[] {
    return [...this.summaryOf.values()];
  }

  /** The parsed plan; throws WorkspaceError when it is unknown or could not be read. */
  document(file: string): ParsedDocument {
    const doc = this.docs.get(file);
    if (doc) return doc;
    const summary = this.summaryOf.get(file);
    if (summary?.error) throw new WorkspaceError(`${file}: could not be read (${summary.error.message})`);
    throw new WorkspaceError(`${file}: no such plan in the workspace`);
  }

  /**
   * The lineage graph of the readable corpus plans; with `uploads`, of the readable uploads too
   * (the web view shows what a dropped plan cites and reuses). Uploads never enter the default
   * graph, which is the corpus's.
   */
  lineage(options: { uploads?: boolean } = {}): LineageGraph {
    // without uploads both graphs are the corpus's: built once for the lineage tab and the trends
    if (options.uploads && [...this.summaryOf.values()].some((s) => s.source === 'upload')) {
      if (this.graphWithUploads) return this.graphWithUploads;
      const inputs = [...this.summaryOf.values()].filter((s) => this.docs.has(s.file)).map((s) => ({ file: s.file, doc: this.docs.get(s.file) as ParsedDocument }));
      const graph = buildLineage(inputs);
      const skipped = [...this.summaryOf.values()].filter((s) => s.error).map((s) => ({ file: s.file, error: (s.error as PlanError).message }));
      if (skipped.length) graph.skipped = skipped;
      this.graphWithUploads = graph;
      return graph;
    }
    if (this.graph) return this.graph;
    const inputs = [...this.summaryOf.values()]
      .filter((s) => s.source === 'corpus' && this.docs.has(s.file))
      .map((s) => ({ file: s.file, doc: this.docs.get(s.file) as ParsedDocument }));
    const graph = buildLineage(inputs);
    const skipped = [...this.summaryOf.values()]
      .filter((s) => s.source === 'corpus' && s.error)
      .map((s) => ({ file: s.file, error: (s.error as PlanError).message }));
    if (skipped.length) graph.skipped = skipped;
    this.graph = graph;
    return graph;
  }

  /** The series of the corpus plans and their metrics over the years; with a year, its plans side by side
   * by issuer (that year, or the latest year of the corpus when it has no plans of it). */
  trends(year: number | null = null): TrendsResult {
    const graph = this.lineage();
    const plans = [...this.summaryOf.values()]
      .filter((s) => s.source === 'corpus' && this.docs.has(s.file))
      .map((s) => {
        const doc = this.docs.get(s.file) as ParsedDocument;
        return { file: s.file, meta: doc.meta, targets: doc.targets };
      });
    const years = [...new Set(plans.map((p) => p.meta.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
    const chosen = year !== null && years.includes(year) ? year : (years[years.length - 1] ?? null);
    return { trends: buildTrends(graph, plans), years, year: chosen, matrix: chosen !== null ? issuerMatrix(plans, chosen) : null };
  }

  /** Compares plan A (parent or older) with plan B (derivative or newer); recent results are kept. */
  compare(a: string, b: string, relation: 'auto' | 'parent' | 'peer' = 'auto'): Comparison {
    const key = `${a}\u0000${b}\u0000${relation}`;
    const hit = this.comparisons.get(key);
    if (hit) {
      this.comparisons.delete(key);
      this.comparisons.set(key, hit);
      return hit;
    }
    const result = compareDocuments(this.document(a), this.document(b), { relation });
    this.comparisons.set(key, result);
    while (this.comparisons.size > this.strategies.cachedComparisons) {
      const oldest = this.comparisons.keys().next().value as string;
      this.comparisons.delete(oldest);
    }
    return result;
  }

  /**
   * Fidelity of `child` to `parent`, and the coverage matrix of the child together with `others`
   * (readable plans other than the parent, at most `matrixPlans` in all).
   */
  fidelity(parent: string, child: string, others: readonly string[] = []): FidelityResult {
    const parentDoc = this.document(parent);
    const childDoc = this.document(child);
    const extra = others
      .filter((f) => f !== parent && f !== child && this.docs.has(f))
      .map((f) => this.docs.get(f) as ParsedDocument)
      .filter((d) => inProvinceOf(parentDoc, d)) // a province parent's matrix: its own province's plans
      .slice(0, Math.max(0, this.strategies.matrixPlans - 1));
    // the chosen child always stays first, whatever its province (its warnings say so)
    const matrix = fidelityMatrix([childDoc, ...extra], parentDoc, { sameProvince: false });
    return { report: matrix.reports[0] as FidelityReport, matrix, suggested: orientPair(parentDoc, childDoc) };
  }
}
