/**
 * The app controller: the one place that fetches (the corpus index and files from the server,
 * uploads from the user's disk) and asks the analysis worker for results. It follows the URL hash,
 * keeps the view models the components are given, and tells its host (the app shell) to render.
 * Components never fetch or parse; they get data as properties and send events here.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Comparison, LineageGraph, LineageRelation } from '../../src/types.js';
import { corpusRows, emptySummary, type CorpusRow } from '../../src/view/corpus.js';
import { diffRows, type DiffRow } from '../../src/view/diff-rows.js';
import { FOLD_KINDS, type FoldKind } from '../../src/view/fold-explain.js';
import { parseRecent, rememberPair, type PlanPair } from '../../src/view/plan-search.js';
import { findingViews, matrixView, type FindingView, type MatrixColumn, type MatrixRowView } from '../../src/view/fidelity-view.js';
import { reusePair } from '../../src/view/graph-view.js';
import { errorReason, isLang, t, type Lang } from '../../src/view/i18n.js';
import { formatRoute, HOME, parseRoute, type ClauseRef, type Route, type View } from '../../src/view/route.js';
import { targetCsv, targetRows, type TargetRow } from '../../src/view/target-rows.js';
import { reviewItems } from '../../src/compare/review-items.js';
import { type FidelityResult, type PlanBytes, type PlanSummary, type TrendsResult } from '../../src/view/workspace.js';
import { createAnalysisClient, type AnalysisClient } from './analysis-client.js';
import { download } from './download.js';
import { loadDecisions, reviewable, saveDecision, type DecisionDraft, type StoredDecision } from './review-client.js';
import { deleteUpload, listUploads, saveUpload } from './upload-store.js';

/** A result the views wait for. */
export interface Pending<T> {
  /** What was asked ("a\u0000b"). */
  key: string;
  status: 'loading' | 'ready' | 'error';
  value: T | null;
  error: string | null;
}

/** Progress of reading the corpus. */
export interface CorpusState {
  status: 'loading' | 'ready' | 'error';
  /** Files read so far and in all. */
  done: number;
  total: number;
  /** Why the index could not be loaded. */
  error: string | null;
  /** Time from start to the first rows, and to the whole corpus read (ms). */
  firstRowsMs: number | null;
  readMs: number | null;
}

/** A message shown above the views until dismissed. */
export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

/** The fidelity view's data. */
export interface FidelityView {
  columns: MatrixColumn[];
  rows: MatrixRowView[];
  findings: FindingView[];
  result: FidelityResult;
}

const LANG_KEY = 'plandiff.lang';
const RECENT_KEY = 'plandiff.recentPairs';
/** Plans sent to the worker per call while the corpus is read. */
const BATCH = 8;
/** Most files fetched at once. */
const FETCH_CONCURRENCY = 6;

function pairKey(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A plan's file name without folder, extension or the upload: mark, for the name of a download. */
function fileStem(file: string | null): string {
  return (file ?? 'plan').replace(/^upload:/, '').replace(/^.*\//, '').replace(/\.[a-z0-9]+$/i, '');
}

const OFFICE_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export class AppController implements ReactiveController {
  lang: Lang = 'vi';
  route: Route = { ...HOME };
  corpus: CorpusState = { status: 'loading', done: 0, total: 0, error: null, firstRowsMs: null, readMs: null };
  /** Every plan read (corpus first, then uploads). */
  summaries: PlanSummary[] = [];
  rows: CorpusRow[] = [];
  /**
   * The lineage graph of every plan read (the graph component condenses and draws it). Asked of the
   * worker only once a view needs it (the lineage tab, a fidelity matrix's order), after the corpus
   * is read: reading a folder does not wait for a graph nobody looks at.
   */
  graph: LineageGraph | null = null;
  comparison: Pending<Comparison> | null = null;
  diff: DiffRow[] = [];
  /** Kinds of difference the diff ignores (its "ignore …" toggles; all by default, as the alignment). */
  diffIgnore: FoldKind[] = [...FOLD_KINDS];
  /** Pairs opened lately, newest first (kept in this browser's localStorage). */
  recent: PlanPair[] = [];
  targets: TargetRow[] = [];
  fidelity: Pending<FidelityResult> | null = null;
  /** Review decisions of the fidelity pair by item id (null: the server keeps none). */
  reviews: { key: string; decisions: Map<string, StoredDecision> | null } | null = null;
  /** Review decisions of the compared pair (the target table's), by item id. */
  compareReviews: { key: string; decisions: Map<string, StoredDecision> | null } | null = null;
  /** How the compared pair is judged: inferred (auto), B derives from A (parent: weakened targets), or peers. */
  relation: 'auto' | 'parent' | 'peer' = 'auto';
  private comparisonRelation: 'auto' | 'parent' | 'peer' = 'auto';
  /** Series over the years and one year's issuer table (the trends view). */
  trends: Pending<TrendsResult> | null = null;
  notices: Notice[] = [];
  /** Uploads kept in this browser have been read back (until then a link to one is not yet missing). */
  uploadsRestored = false;
  /** The upload read last (offered for comparison). */
  lastUpload: string | null = null;
  /** The pair last shown, kept when switching tabs. */
  pair: { a: string | null; b: string | null } = { a: null, b: null };

  private client: AnalysisClient | null = null;
  /** The graph asked of the worker and not yet answered; `graphTicket` counts the plans' changes, so an answer for plans since changed is dropped. */
  private graphPending: Promise<void> | null = null;
  private graphTicket = 0;
  private noticeId = 0;
  private fidelityCache: { key: string; lang: Lang; view: FidelityView } | null = null;
  private readonly onHashChange = (): void => this.followHash();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(LANG_KEY) : null;
    if (isLang(saved)) this.lang = saved;
    this.recent = parseRecent(typeof localStorage !== 'undefined' ? localStorage.getItem(RECENT_KEY) : null);
  }

  private rememberPair(a: string, b: string): void {
    this.recent = rememberPair(this.recent, { a, b });
    try {
      localStorage.setItem(RECENT_KEY, JSON.stringify(this.recent));
    } catch {
      // storage off: recent pairs last for this page only
    }
  }

  hostConnected(): void {
    this.client ??= createAnalysisClient();
    window.addEventListener('hashchange', this.onHashChange);
    this.applyLang();
    this.followHash();
    void this.loadCorpus();
    void this.restoreUploads();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    this.client?.dispose();
    this.client = null;
  }

  // ---------- navigation ----------

  /** The hash of a view, keeping the current pair for pair views. */
  hrefOf(view: View): string {
    return formatRoute({ view, a: this.pair.a, b: this.pair.b, node: view === 'lineage' ? this.route.node : null });
  }

  /** Goes to a route (a new history entry unless `replace`). */
  navigate(route: Partial<Route> & { view: View }, replace = false): void {
    const hash = formatRoute(route);
    if (hash === location.hash) return;
    if (replace) {
      history.replaceState(null, '', hash);
      this.followHash();
    } else location.hash = hash;
  }

  private followHash(): void {
    this.route = parseRoute(location.hash);
    if (this.route.a || this.route.b) this.pair = { a: this.route.a, b: this.route.b };
    this.host.requestUpdate();
    this.refresh();
  }

  /** Two plans chosen: open them in `view` (diff by default). */
  selectPair(a: string | null, b: string | null, view?: View): void {
    const target = view ?? (this.route.view === 'targets' || this.route.view === 'fidelity' ? this.route.view : 'diff');
    this.navigate({ view: target, a, b });
  }

  /** A lineage node chosen (null closes its page). */
  selectNode(id: string | null): void {
    this.navigate({ view: 'lineage', node: id }, this.route.view === 'lineage' && !!this.route.node === !!id);
  }

  /** A lineage edge clicked: a reuse edge, or a citation between two plans of the folder, opens their diff; else the cited document's page. */
  selectEdge(source: string, target: string, relation: LineageRelation): void {
    const graph = this.graph;
    if (!graph) return;
    const pair = reusePair(graph, source, target);
    if (pair) {
      // Reuse: older first; citation: the cited (parent) is A, the citing plan B.
      const [a, b] = relation === 'reuse' ? [pair.a, pair.b] : [pair.b, pair.a];
      this.navigate({ view: 'diff', a, b });
    } else this.selectNode(target);
  }

  /** The diff moved to a clause: recorded in the address without a new history entry. */
  focusClause(clause: ClauseRef | null): void {
    if (this.route.view !== 'diff') return;
    const hash = formatRoute({ ...this.route, clause });
    history.replaceState(null, '', hash);
    this.route = { ...this.route, clause };
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // storage may be off (private mode); the switch still works for this page
    }
    this.applyLang();
    this.host.requestUpdate();
  }

  private applyLang(): void {
    document.documentElement.lang = this.lang;
    document.title = `plandiff — ${t(this.lang, 'appTagline')}`;
  }

  /** The diff's "ignore …" toggles changed: rebuild its rows. */
  setDiffIgnore(ignore: FoldKind[]): void {
    this.diffIgnore = FOLD_KINDS.filter((k) => ignore.includes(k));
    const value = this.comparison?.value;
    if (value) this.diff = diffRows(value, { ignore: new Set(this.diffIgnore) });
    this.host.requestUpdate();
  }

  // ---------- notices ----------

  notify(kind: Notice['kind'], text: string): void {
    this.notices = [...this.notices, { id: ++this.noticeId, kind, text }];
    this.host.requestUpdate();
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.host.requestUpdate();
  }

  // ---------- corpus ----------

  /** Reads the folder: the index, then the files in batches (fetching the next batch while the worker reads one). */
  async loadCorpus(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const start = performance.now();
    this.corpus = { status: 'loading', done: 0, total: 0, error: null, firstRowsMs: null, readMs: null };
    this.summaries = this.summaries.filter((s) => s.source === 'upload');
    this.forgetGraph();
    this.updateRows();
    let entries: Array<{ file: string; size: number }>;
    try {
      const res = await fetch(new URL('api/corpus', document.baseURI));
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      entries = (await res.json()) as Array<{ file: string; size: number }>;
    } catch (e) {
      this.corpus = { ...this.corpus, status: 'error', error: reason(e) };
      this.host.requestUpdate();
      return;
    }
    this.corpus = { ...this.corpus, total: entries.length };
    this.host.requestUpdate();
    const batches: Array<typeof entries> = [];
    for (let i = 0; i < entries.length; i += BATCH) batches.push(entries.slice(i, i + BATCH));
    let next = batches.length ? this.fetchBatch(batches[0]!) : null;
    for (let k = 0; k < batches.length; k++) {
      const fetched = await (next as Promise<{ files: PlanBytes[]; failed: PlanSummary[] }>);
      next = k + 1 < batches.length ? this.fetchBatch(batches[k + 1]!) : null;
      const before = this.corpus.done;
      const read = await client.call('add', { files: fetched.files }, (done) => {
        this.corpus = { ...this.corpus, done: before + done };
        this.host.requestUpdate();
      });
      const batchSummaries = [...read, ...fetched.failed].sort((x, y) => (x.file < y.file ? -1 : 1));
      this.summaries = [...this.summaries.filter((s) => s.source === 'corpus'), ...batchSummaries, ...this.summaries.filter((s) => s.source === 'upload')];
      this.corpus = { ...this.corpus, done: before + fetched.files.length + fetched.failed.length };
      if (this.corpus.firstRowsMs === null) this.corpus.firstRowsMs = performance.now() - start;
      this.updateRows();
    }
    this.corpus = { ...this.corpus, status: 'ready', readMs: performance.now() - start };
    this.host.requestUpdate();
    this.refresh();
  }

  private async fetchBatch(batch: Array<{ file: string; size: number }>): Promise<{ files: PlanBytes[]; failed: PlanSummary[] }> {
    const files: PlanBytes[] = [];
    const failed: PlanSummary[] = [];
    let cursor = 0;
    const worker = async (): Promise<void> => {
      while (cursor < batch.length) {
        const entry = batch[cursor++]!;
        try {
          const res = await fetch(new URL(`api/file?path=${encodeURIComponent(entry.file)}`, document.baseURI));
          if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
          files.push({ file: entry.file, source: 'corpus', bytes: new Uint8Array(await res.arrayBuffer()) });
        } catch (e) {
          failed.push(unreadSummary(entry.file, entry.size, 'fetch', reason(e)));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(FETCH_CONCURRENCY, batch.length) }, worker));
    files.sort((x, y) => (x.file < y.file ? -1 : 1));
    return { files, failed };
  }

  private updateRows(): void {
    this.rows = corpusRows(this.summaries);
    this.host.requestUpdate();
  }

  /** The readable plans offered in the pair pickers. */
  get plans(): CorpusRow[] {
    return this.rows.filter((r) => !r.error);
  }

  // ---------- uploads ----------

  /** Reads dropped files in the worker; an unreadable one gets a notice, the others go on. */
  async upload(files: File[]): Promise<void> {
    const client = this.client;
    if (!client || !files.length) return;
    let last: string | null = null;
    for (const f of files) {
      const file = `upload:${f.name}`;
      let summary: PlanSummary;
      try {
        const bytes = new Uint8Array(await f.arrayBuffer());
        [summary] = (await client.call('add', { files: [{ file, source: 'upload', bytes }] })) as [PlanSummary];
      } catch (e) {
        summary = unreadSummary(file, f.size, 'parse', reason(e));
      }
      this.summaries = [...this.summaries.filter((s) => s.file !== file), summary];
      if (summary.error) {
        this.notify('error', t(this.lang, 'unreadableFile', { file: f.name, reason: errorReason(this.lang, summary.error) }));
        void client.call('remove', { file });
        this.summaries = this.summaries.filter((s) => s.file !== file);
      } else {
        last = file;
        // Kept in this browser only (IndexedDB), so that a reload or a deep link finds it again.
        // Awaited: stored before the address changes, so a reload right after finds it.
        await saveUpload({ file, bytes: new Uint8Array(await f.arrayBuffer()), added: Date.now() }).catch(() => {});
      }
    }
    this.updateRows();
    if (last) this.refreshGraph();
    if (last) {
      this.lastUpload = last;
      // A fresh comparison of a re-uploaded file.
      if (this.comparison && this.comparison.key.split('\u0000').includes(last)) this.comparison = null;
      if (this.fidelity && this.fidelity.key.split('\u0000').includes(last)) this.fidelity = null;
      const a = this.pair.a && this.pair.a !== last ? this.pair.a : null;
      this.navigate({ view: 'diff', a, b: last });
      this.refresh();
    }
  }

  /** Forgets an upload: out of the worker, the lists, the graph and this browser's storage. */
  async removeUpload(file: string): Promise<void> {
    void this.client?.call('remove', { file });
    // Awaited, as saving is: gone from storage before the row goes, so a reload right after does
    // not bring it back (an IndexedDB write still running when the page unloads may be lost).
    await deleteUpload(file).catch(() => {});
    this.summaries = this.summaries.filter((s) => s.file !== file);
    if (this.lastUpload === file) this.lastUpload = null;
    if (this.comparison?.key.split('\u0000').includes(file)) this.comparison = null;
    if (this.fidelity?.key.split('\u0000').includes(file)) this.fidelity = null;
    this.updateRows();
    this.refreshGraph();
  }

  /** Reads back the uploads kept in this browser (a reload keeps them). */
  private async restoreUploads(): Promise<void> {
    const client = this.client;
    const stored = await listUploads();
    if (client && stored.length) {
      try {
        const read = await client.call('add', { files: stored.map((u) => ({ file: u.file, source: 'upload' as const, bytes: u.bytes })) });
        const known = new Set(read.map((s) => s.file));
        // A kept upload that no longer reads (a newer reader refuses it) is forgotten, not listed.
        for (const s of read) if (s.error) deleteUpload(s.file).catch(() => {});
        this.summaries = [...this.summaries.filter((s) => !known.has(s.file)), ...read.filter((s) => !s.error)];
        this.updateRows();
      } catch {
        // a kept upload that no longer reads is skipped; the rest of the app goes on
      }
    }
    this.uploadsRestored = true;
    this.host.requestUpdate();
    if (stored.length) this.refreshGraph();
    this.refresh();
  }

  /** The plans changed: no graph until one is asked for again. */
  private forgetGraph(): void {
    this.graph = null;
    this.graphPending = null;
    this.graphTicket++;
  }

  /** Uploads added or removed: the graph shown is asked again (and stays shown until the new one comes); any other is forgotten. */
  private refreshGraph(): void {
    if (this.route.view !== 'lineage') return this.forgetGraph();
    this.graphPending = null;
    this.graphTicket++;
    void this.ensureGraph(true);
  }

  /** Asks the worker for the graph once the corpus is read, unless it is here (`again`: asked anew all the same). */
  private ensureGraph(again = false): Promise<void> {
    if ((this.graph && !again) || !this.client || this.corpus.status !== 'ready') return Promise.resolve();
    return (this.graphPending ??= this.fetchGraph(this.client, this.graphTicket));
  }

  private async fetchGraph(client: AnalysisClient, ticket: number): Promise<void> {
    try {
      const graph = await client.call('lineage', { uploads: true });
      if (ticket !== this.graphTicket) return;
      this.graph = graph;
    } catch (e) {
      if (ticket !== this.graphTicket) return;
      // as when the corpus could not be analysed: a graph that failed was never there (the old one is kept otherwise)
      if (!this.graph) this.corpus = { ...this.corpus, status: 'error', error: reason(e) };
    } finally {
      if (ticket === this.graphTicket) this.graphPending = null;
    }
    this.host.requestUpdate();
  }

  // ---------- analyses ----------

  /** Whether a plan is known and readable. */
  private readable(file: string | null): boolean {
    return !!file && this.summaries.some((s) => s.file === file && !s.error);
  }

  /** Starts what the current route needs. */
  refresh(): void {
    const { view, a, b } = this.route;
    if (view === 'trends' && this.corpus.status === 'ready') void this.ensureTrends(this.trends?.value?.year ?? null);
    if (view === 'lineage') void this.ensureGraph();
    if (!a || !b || !this.readable(a) || !this.readable(b)) return;
    if (view === 'diff' || view === 'targets') void this.ensureComparison(a, b);
    if (view === 'fidelity') void this.ensureFidelity(a, b);
  }

  /** Asks the worker for the trends (again when the corpus or the year changed). */
  async ensureTrends(year: number | null): Promise<void> {
    const key = `${this.corpus.readMs ?? ''}\u0000${year ?? ''}`;
    if (this.trends?.key === key && this.trends.status !== 'error') return;
    this.trends = { key, status: 'loading', value: this.trends?.value ?? null, error: null };
    this.host.requestUpdate();
    try {
      const value = await (this.client as AnalysisClient).call('trends', { year });
      if (this.trends?.key !== key) return;
      this.trends = { key, status: 'ready', value, error: null };
    } catch (e) {
      if (this.trends?.key !== key) return;
      this.trends = { key, status: 'error', value: null, error: reason(e) };
    }
    this.host.requestUpdate();
  }

  private async ensureComparison(a: string, b: string): Promise<void> {
    const key = pairKey(a, b);
    if (this.comparison?.key === key && this.comparison.status !== 'error' && this.comparisonRelation === this.relation) return;
    this.comparison = { key, status: 'loading', value: null, error: null };
    this.comparisonRelation = this.relation;
    this.host.requestUpdate();
    try {
      const value = await (this.client as AnalysisClient).call('compare', { a, b, relation: this.relation });
      if (this.comparison?.key !== key) return;
      this.diff = diffRows(value, { ignore: new Set(this.diffIgnore) });
      this.targets = targetRows(value.targets);
      this.comparison = { key, status: 'ready', value, error: null };
      void this.loadReviews(a, b, 'comparison');
      this.rememberPair(a, b);
    } catch (e) {
      if (this.comparison?.key !== key) return;
      this.comparison = { key, status: 'error', value: null, error: reason(e) };
    }
    this.host.requestUpdate();
  }

  /** Plans compared with the parent in the matrix: the child, then plans linked to the parent in the lineage, then the rest. */
  private matrixPlans(parent: string, child: string): string[] {
    const corpus = this.summaries.filter((s) => s.source === 'corpus' && !s.error).map((s) => s.file);
    const graph = this.graph;
    const linked = new Set<string>();
    if (graph) {
      const parentNode = graph.nodes.find((n) => n.file === parent)?.id;
      const fileOf = new Map(graph.nodes.filter((n) => n.file).map((n) => [n.id, n.file as string]));
      for (const e of graph.edges) {
        if (e.source === parentNode && fileOf.has(e.target)) linked.add(fileOf.get(e.target) as string);
        if (e.target === parentNode && fileOf.has(e.source)) linked.add(fileOf.get(e.source) as string);
      }
    }
    return [...linked, ...corpus.filter((f) => !linked.has(f))].filter((f) => f !== parent && f !== child);
  }

  private async ensureFidelity(parent: string, child: string): Promise<void> {
    const key = pairKey(parent, child);
    if (this.fidelity?.key === key && this.fidelity.status !== 'error') return;
    this.fidelity = { key, status: 'loading', value: null, error: null };
    this.host.requestUpdate();
    // the matrix's other plans come in lineage order
    await this.ensureGraph();
    if (this.fidelity?.key !== key) return;
    try {
      const value = await (this.client as AnalysisClient).call('fidelity', { parent, child, others: this.matrixPlans(parent, child) });
      if (this.fidelity?.key !== key) return;
      this.fidelity = { key, status: 'ready', value, error: null };
      void this.loadReviews(parent, child);
    } catch (e) {
      if (this.fidelity?.key !== key) return;
      this.fidelity = { key, status: 'error', value: null, error: reason(e) };
    }
    this.host.requestUpdate();
  }

  /** The fidelity view model in the current language (recomputed when the result or the language changes). */
  get fidelityView(): FidelityView | null {
    const f = this.fidelity;
    if (!f || f.status !== 'ready' || !f.value) return null;
    if (this.fidelityCache?.key === f.key && this.fidelityCache.lang === this.lang) return this.fidelityCache.view;
    const [parent, child] = f.key.split('\u0000') as [string, string];
    const { columns, rows } = matrixView(f.value.matrix, parent);
    const view: FidelityView = { columns, rows, findings: findingViews(f.value.report, parent, child, this.lang), result: f.value };
    this.fidelityCache = { key: f.key, lang: this.lang, view };
    return view;
  }

  /** Whether the pair of the route names a plan that is not (or no longer) here. */
  missingPlans(): string[] {
    if (this.corpus.status === 'loading' || !this.uploadsRestored) return [];
    return [this.route.a, this.route.b].filter((f): f is string => !!f && !this.summaries.some((s) => s.file === f && !s.error));
  }

  // ---------- review decisions and reports (web/app/review-client.ts, src/report/docx|xlsx.ts) ----------

  private async loadReviews(parent: string, child: string, on: 'fidelity' | 'comparison' = 'fidelity'): Promise<void> {
    const key = pairKey(parent, child);
    const decisions = reviewable(parent, child) ? await loadDecisions(parent, child).catch(() => null) : null;
    if (on === 'fidelity' && this.fidelity?.key === key) this.reviews = { key, decisions };
    else if (on === 'comparison' && this.comparison?.key === key) this.compareReviews = { key, decisions };
    else return;
    this.host.requestUpdate();
  }

  /** Writes a decision on an item of the fidelity pair (findings) or the compared pair (targets) through the server. */
  async saveReview(draft: Omit<DecisionDraft, 'parent' | 'child'>, on: 'fidelity' | 'comparison' = 'fidelity'): Promise<void> {
    const f = on === 'fidelity' ? this.fidelity : this.comparison;
    if (!f) return;
    const [parent, child] = f.key.split('\u0000') as [string, string];
    try {
      const stored = await saveDecision({ ...draft, parent, child });
      // a new map, so that the views see a new value
      const held = on === 'fidelity' ? this.reviews : this.compareReviews;
      if (held?.key === f.key && held.decisions) {
        const next = { key: f.key, decisions: new Map(held.decisions).set(stored.item, stored) };
        if (on === 'fidelity') this.reviews = next;
        else this.compareReviews = next;
      }
      this.host.requestUpdate();
    } catch (e) {
      this.notify('error', reason(e));
    }
  }

  /** Judges the compared pair as parent → child, as peers, or as inferred (the targets view's switch). */
  setRelation(relation: 'auto' | 'parent' | 'peer'): void {
    this.relation = relation;
    const [a, b] = [this.route.a, this.route.b];
    if (a && b) void this.ensureComparison(a, b);
  }

  /** The Word or Excel report of the compared pair (targets and the redline, with decisions). */
  async downloadComparison(format: 'docx' | 'xlsx'): Promise<void> {
    const c = this.comparison;
    if (!c?.value) return;
    const [a, b] = c.key.split('\u0000') as [string, string];
    try {
      const input = { comparison: c.value, report: null, items: reviewItems(c.value), decisions: this.compareReviews?.key === c.key ? (this.compareReviews.decisions ?? new Map()) : new Map(), lang: this.lang };
      const bytes = format === 'docx' ? await (await import('../../src/report/docx.js')).renderDocx(input) : await (await import('../../src/report/xlsx.js')).renderXlsx(input);
      download(`plandiff-so-sanh-${fileStem(a)}-${fileStem(b)}.${format}`, new Blob([bytes as BlobPart], { type: OFFICE_TYPES[format] }));
    } catch (e) {
      this.notify('error', reason(e));
    }
  }

  /** The Word or Excel report of the fidelity pair, with its decisions, built in the browser. */
  async downloadReport(format: 'docx' | 'xlsx'): Promise<void> {
    const f = this.fidelity;
    if (!f?.value) return;
    const [parent, child] = f.key.split('\u0000') as [string, string];
    try {
      const comparison = await (this.client as AnalysisClient).call('compare', { a: parent, b: child });
      const input = {
        comparison,
        report: f.value.report,
        items: reviewItems(comparison, f.value.report.findings),
        decisions: new Map([
          ...(this.compareReviews?.key === f.key ? (this.compareReviews.decisions ?? []) : []),
          ...(this.reviews?.key === f.key ? (this.reviews.decisions ?? []) : []),
        ]),
        lang: this.lang,
      };
      const bytes = format === 'docx' ? await (await import('../../src/report/docx.js')).renderDocx(input) : await (await import('../../src/report/xlsx.js')).renderXlsx(input);
      download(`plandiff-ra-soat-${fileStem(parent)}-${fileStem(child)}.${format}`, new Blob([bytes as BlobPart], { type: OFFICE_TYPES[format] }));
    } catch (e) {
      this.notify('error', reason(e));
    }
  }

  /**
   * The Word or Excel report of the fidelity matrix on screen: every plan in it against the parent,
   * with the decisions of each pair from the store (the one `plandiff fidelity DIR --format` writes).
   */
  async downloadMatrix(format: 'docx' | 'xlsx'): Promise<void> {
    const f = this.fidelity;
    if (!f?.value) return;
    const [parent] = f.key.split('\u0000') as [string, string];
    try {
      const { matrix } = f.value;
      const none = (): Map<string, StoredDecision> => new Map();
      const decisions = await Promise.all(
        matrix.plans.map(async (p) => (p.file && reviewable(parent, p.file) ? ((await loadDecisions(parent, p.file).catch(() => null)) ?? none()) : none())),
      );
      const input = { matrix, decisions, lang: this.lang };
      const bytes = format === 'docx' ? await (await import('../../src/report/matrix-docx.js')).renderMatrixDocx(input) : await (await import('../../src/report/xlsx.js')).renderMatrixXlsx(input);
      download(`plandiff-ma-tran-${fileStem(parent)}.${format}`, new Blob([bytes as BlobPart], { type: OFFICE_TYPES[format] }));
    } catch (e) {
      this.notify('error', reason(e));
    }
  }

  // ---------- exports ----------

  exportCsv(): void {
    const value = this.comparison?.value;
    if (!value) return;
    download(`plandiff-chi-tieu-${fileStem(value.a.file)}-${fileStem(value.b.file)}.csv`, new Blob([targetCsv(value.targets)], { type: 'text/csv;charset=utf-8' }));
  }
}

function unreadSummary(file: string, size: number, code: string, message: string): PlanSummary {
  return emptySummary(file, file.startsWith('upload:') ? 'upload' : 'corpus', size, { code, message });
}
