/**
 * Browser benchmark of the web view (run: `npm run bench:web -- [--plans N]`).
 * Builds the app, serves it with the real server, drives Debian's chromium headless, and prints:
 *   1. first paint of the corpus view (bundled corpus, and a synthetic corpus of N plans):
 *      first contentful paint, first table rows, whole corpus read;
 *   2. the lineage graph of 200 and 1,000 synthetic plans (parsed in Node), condensed as the app draws
 *      it: layout done, first frame, interactive (a zoom answered), longest main-thread task, export sizes;
 *      then the app on a served folder of as many plans: from the corpus loaded (every file read, the
 *      lineage built in the analysis worker) to the graph interactive, and the longest main-thread task
 *      meanwhile (PerformanceObserver longtask);
 *   3. the side-by-side diff of two ~40 KB plans (Gia Lai 2021–2025 and a synthetic derivative):
 *      rendering the rows in the component, and end to end in the app (compare in the worker + render).
 *   4. scrolling a 1,000-row diff (issue 19), and two long held-out plans when ../shared is there: the
 *      pane scrolled steadily (120 px a frame) and flung (1,200 px a frame); for each frame, the
 *      main-thread work from the scroll write to the task after that frame's rendering (style,
 *      layout, paint of the rows that come into view), requestAnimationFrame deltas (percentiles),
 *      long tasks, and the most rows the page held at once.
 *   5. the graph layout engines compared at 50, 300 and 2,000 nodes (bench-graph-layout.ts).
 * Targets (issue 6): corpus first paint < 1 s; 1,000-node graph interactive < 3 s; 40 KB diff rendered < 300 ms.
 * Target (issue 19): a 1,000-row diff scrolls at ≤ 16 ms of work per frame. Wall time counts the
 * core other processes take on a busy machine, so the renderer's own CPU time per frame is read
 * from a trace too (thread time of its main thread's tasks; every rendering thread summed).
 * STEP=<px> changes the scroll step (STEP=0: the cost of measuring alone); EXTRA_CSS=<rules>
 * adds rules to the diff's shadow root, to try a styling change against the same rows.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { compareDocuments } from '../../src/compare/compare.js';
import { buildLineage } from '../../src/corpus/lineage.js';
import { startServer, type RunningServer } from '../../src/node/server.js';
import { loadSeeds, synthesize } from '../../src/node/synth.js';
import { parseDocument } from '../../src/read/parse.js';
import { diffRows } from '../../src/view/diff-rows.js';
import { graphLayoutBench } from './bench-graph-layout.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const GIA_LAI = 'gia-lai/2021-2025-so-cong-thuong-cai-cach-hanh-chinh.txt';

const argOnly = process.argv.indexOf('--only');
/** Run one part only: corpus, graph, diff or layout. */
const ONLY = argOnly > 0 ? process.argv[argOnly + 1] : null;
const argPlans = process.argv.indexOf('--plans');
const SYNTH_PLANS = argPlans > 0 ? Number(process.argv[argPlans + 1]) : 200;
/** Rows of the diff scrolled in part 4. */
const SCROLL_ROWS = 1000;
/** Folder sizes of the graph benchmark (issue 17: 200 plans interactive ≤ 5 s, 1,000 plans ≤ 15 s, no task over 200 ms). */
const argGraph = process.argv.indexOf('--graph-plans');
const GRAPH_PLANS = argGraph > 0 ? [Number(process.argv[argGraph + 1])] : [200, 1000];
const argBudget = process.argv.indexOf('--layout-budget');
/** Seconds each layout engine may take on one graph in part 5 before it is stopped. */
const LAYOUT_BUDGET = argBudget > 0 ? Number(process.argv[argBudget + 1]) : 180;

/** Hands a lineage graph to a fresh <pd-lineage-graph> and times it: layout, first frame, zoom answered, longest task. */
async function graphInPage(page: Page, url: string, graph: unknown): Promise<{ layout: number; painted: number; interactive: number; longest: number; nodes: number; edges: number; thread: string; steps: Array<[string, number]> }> {
  await page.goto(`${url}#/corpus`);
  await page.waitForFunction(() => !!customElements.get('pd-lineage-graph'));
  // the graph is handed over first, so that copying it into the page (the worker's postMessage in the
  // app) is not counted as the component's work
  await page.evaluate((full) => {
    (window as unknown as { __graph: unknown }).__graph = full;
  }, graph);
  const g = await page.evaluate(async () => {
    const full = (window as unknown as { __graph: unknown }).__graph;
    document.querySelectorAll('body > div').forEach((d) => d.remove());
    const longest = { ms: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longest.ms = Math.max(longest.ms, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    (window as unknown as { __longest: typeof longest }).__longest = longest;
    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;inset:0;z-index:100;background:#fff;display:flex';
    const el = document.createElement('pd-lineage-graph') as HTMLElement & { graph: unknown };
    el.style.flex = '1';
    host.append(el);
    document.body.append(host);
    const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    await frame();
    const start = performance.now();
    const ready = new Promise<{ t: number; nodes: number; edges: number }>((r) => el.addEventListener('pd-graph-ready', (e) => r({ t: performance.now(), ...(e as CustomEvent<{ nodes: number; edges: number }>).detail }), { once: true }));
    el.graph = full;
    const done = await ready;
    const painted = await frame();
    const thread = el.shadowRoot?.querySelector('[data-testid="graph-stats"]')?.getAttribute('data-layout') ?? '';
    return { start, layout: done.t - start, painted: painted - start, nodes: done.nodes, edges: done.edges, thread };
  });
  await page.mouse.move(720, 500);
  await page.mouse.wheel(0, -400);
  const after = await page.evaluate(() => new Promise<{ t: number; longest: number }>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r({ t: performance.now(), longest: (window as unknown as { __longest: { ms: number } }).__longest.ms })))));
  const steps = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('pd-graph:')).map((m) => [m.name.slice(9), m.duration] as [string, number]));
  return { layout: g.layout, painted: g.painted, interactive: after.t - g.start, longest: after.longest, nodes: g.nodes, edges: g.edges, thread: g.thread, steps };
}

/**
 * The app on a served folder: waits for the corpus to be loaded (every file read and the lineage
 * built in the analysis worker), opens the graph tab and times it until a zoom is answered; the
 * longest main-thread task from the corpus loaded on (PerformanceObserver longtask).
 */
async function graphInApp(page: Page, url: string): Promise<{ loaded: number; interactive: number; longest: number; nodes: number; thread: string }> {
  await page.goto('about:blank');
  await page.goto(`${url}#/corpus`);
  const g = await page.evaluate(async () => {
    const tasks: Array<{ start: number; duration: number }> = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    (window as unknown as { __tasks: typeof tasks }).__tasks = tasks;
    const shell = (): ShadowRoot | null | undefined => document.querySelector('pd-app')?.shadowRoot;
    const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    while (!shell()?.querySelector('[data-testid="corpus-summary"]')) await frame();
    const loaded = performance.now();
    (shell()!.querySelector('[data-testid="tab-lineage"]') as HTMLElement).click();
    const stats = (): Element | null | undefined => shell()?.querySelector('pd-lineage-graph')?.shadowRoot?.querySelector('[data-testid="graph-stats"]');
    while (stats()?.getAttribute('data-ready') !== 'true') await frame();
    return { loaded, nodes: Number(stats()!.getAttribute('data-nodes')), thread: stats()!.getAttribute('data-layout') ?? '' };
  });
  await page.mouse.move(900, 500);
  await page.mouse.wheel(0, -400);
  const after = await page.evaluate(
    (loaded) =>
      new Promise<{ t: number; longest: number }>((r) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const tasks = (window as unknown as { __tasks: Array<{ start: number; duration: number }> }).__tasks;
            r({ t: performance.now(), longest: Math.max(0, ...tasks.filter((t) => t.start + t.duration >= loaded).map((t) => t.duration)) });
          }),
        ),
      ),
    g.loaded,
  );
  return { loaded: g.loaded, interactive: after.t - g.loaded, longest: after.longest, nodes: g.nodes, thread: g.thread };
}

function ms(x: number): string {
  return `${x.toFixed(0).padStart(6)} ms`;
}

function line(label: string, value: number, target?: number): void {
  const verdict = target === undefined ? '' : value < target ? `  (target < ${target} ms: ok)` : `  (target < ${target} ms: MISSED)`;
  process.stdout.write(`  ${label.padEnd(58)} ${ms(value)}${verdict}\n`);
}

async function buildApp(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'plandiff-bench-web-'));
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'web'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Writes plans into a fresh folder. */
function writeFolder(plans: Array<{ file: string; text: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-bench-corpus-'));
  for (const p of plans) {
    mkdirSync(dirname(join(dir, p.file)), { recursive: true });
    writeFileSync(join(dir, p.file), p.text);
  }
  return dir;
}

/** Opens the corpus view and times first paint, first rows and the whole corpus read (from navigation start). */
async function corpusPaint(page: Page, server: RunningServer, plans: number): Promise<{ fcp: number; rows: number; all: number }> {
  await page.goto('about:blank');
  await page.goto(server.url);
  return page.evaluate(async (total) => {
    const count = (): number => {
      const app = document.querySelector('pd-app');
      const table = app?.shadowRoot?.querySelector('pd-corpus-table');
      return table?.shadowRoot?.querySelectorAll('[data-testid="corpus-row"]').length ?? 0;
    };
    const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    let rows = 0;
    for (;;) {
      const t = await frame();
      const n = count();
      if (n > 0 && !rows) rows = t;
      if (n >= total) {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        return { fcp, rows, all: t };
      }
    }
  }, plans);
}

/** A way of scrolling the diff pane in part 4: pixels per frame, for a number of frames. */
interface ScrollPass {
  name: string;
  step: number;
  frames: number;
}

/** Steady reading speed, then a fling that brings fresh rows into view every frame. STEP=<px> replaces the first. */
const SCROLL_PASSES: readonly ScrollPass[] = [
  { name: `steady, ${process.env.STEP ?? 120} px a frame`, step: Number(process.env.STEP ?? 120), frames: 300 },
  { name: 'fling, 1,200 px a frame', step: 1200, frames: 60 },
];

/** What one pass measured in the page. */
interface PassResult {
  /** Main-thread work from the scroll write to the task after that frame's rendering, per frame. */
  work: number[];
  /** requestAnimationFrame timestamp deltas while scrolling. */
  deltas: number[];
  /** Long tasks (≥ 50 ms) the page reported, their durations. */
  longTasks: number[];
  /** Most rows in the DOM at once while scrolling. */
  maxRows: number;
  scrolled: number;
  height: number;
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: { name?: string } };

function pct(xs: readonly number[], p: number): number {
  return [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? Number.NaN;
}

/**
 * Part 4: mounts a <pd-diff-view> on `rows` at 1440 × 900 and scrolls its pane by each of
 * SCROLL_PASSES, reading per frame the work, the requestAnimationFrame deltas and the long tasks,
 * and from a trace the renderer's CPU time (thread time, which a busy machine does not inflate).
 */
async function scrollDiff(context: BrowserContext, page: Page, url: string, label: string, rows: unknown, docs: { a: unknown; b: unknown }): Promise<void> {
  await page.goto(`${url}#/corpus`);
  await page.waitForFunction(() => !!customElements.get('pd-diff-view'));
  const cdp = await context.newCDPSession(page);
  const traceEvents: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => traceEvents.push(...(e.value as unknown as TraceEvent[])));
  const traced = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'blink.user_timing', '__metadata'] }, transferMode: 'ReportEvents' } as never);
  const results = await page.evaluate(
    async ({ rows, docs, passes, extraCss }) => {
      document.body.replaceChildren();
      const host = document.createElement('div');
      host.style.cssText = 'position:fixed;inset:0;background:#fff';
      const el = document.createElement('pd-diff-view') as HTMLElement & { rows: unknown; docA: unknown; docB: unknown; updateComplete: Promise<boolean>; step(dir: 1 | -1): void };
      el.style.setProperty('--pd-diff-height', '820px');
      host.append(el);
      document.body.append(host);
      const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame((t) => r(t)));
      await frame();
      // opening: the rows handed over until the frame after they are drawn
      const opened = performance.now();
      performance.mark('open-start');
      el.docA = docs.a;
      el.docB = docs.b;
      el.rows = rows;
      await el.updateComplete;
      await frame();
      const mount = performance.now() - opened;
      performance.mark('open-end');
      await frame();
      const root = el.shadowRoot as ShadowRoot;
      const pane = root.querySelector('[data-testid="diff-pane"]') as HTMLElement;
      // a step to the next change (n), and a status chip pressed and released: until the next frame
      const timed = async (act: () => void): Promise<number> => {
        const t = performance.now();
        act();
        await el.updateComplete;
        await frame();
        return performance.now() - t;
      };
      const steps: number[] = [];
      performance.mark('step-start');
      for (let k = 0; k < 20; k++) steps.push(await timed(() => el.step(1)));
      performance.mark('step-end');
      const chip = root.querySelector('[data-testid="diff-count-dropped"]') as HTMLElement;
      performance.mark('filter-start');
      const filters = [await timed(() => chip.click()), await timed(() => chip.click())];
      performance.mark('filter-end');
      if (extraCss) {
        const st = document.createElement('style');
        st.textContent = extraCss;
        root.append(st);
      }
      const longTasks: number[] = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
      const out = [];
      for (const [k, pass] of passes.entries()) {
        pane.scrollTop = 0;
        for (let f = 0; f < 10; f++) await frame();
        longTasks.length = 0;
        const work: number[] = [];
        const deltas: number[] = [];
        let maxRows = 0;
        let last = await frame();
        performance.mark(`scroll-start-${k}`);
        for (let f = 0; f < pass.frames; f++) {
          const t = await frame();
          deltas.push(t - last);
          last = t;
          const start = performance.now();
          pane.scrollTop += pass.step;
          // The task after this frame's rendering: its start closes the frame's work.
          await new Promise<void>((r) => setTimeout(r, 0));
          work.push(performance.now() - start);
          maxRows = Math.max(maxRows, root.querySelectorAll('[data-testid="diff-row"]').length);
        }
        performance.mark(`scroll-end-${k}`);
        await frame();
        out.push({ work, deltas, longTasks: [...longTasks], maxRows, scrolled: pane.scrollTop, height: pane.scrollHeight });
      }
      return { passes: out, mount, steps, filters };
    },
    { rows, docs, passes: SCROLL_PASSES, extraCss: process.env.EXTRA_CSS ?? '' },
  );
  await cdp.send('Tracing.end');
  await traced;
  await cdp.detach();
  const mainTid = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && traceEvents.some((m) => m.name === 'scroll-start-0' && m.pid === e.pid))?.tid;
  // Every rendering thread: the page's main thread, its compositor and raster workers, and the GPU process (software compositing).
  const renderPids = new Set(traceEvents.filter((e) => e.name === 'thread_name' && (e.args?.name === 'VizCompositorThread' || e.tid === mainTid)).map((e) => e.pid));
  const TOP = new Set(['ThreadControllerImpl::RunTask', 'TaskGraphRunner::RunTask', 'ThreadPool_RunTask']);
  const rowCount = (rows as unknown[]).length;
  process.stdout.write(`  ${label} (${rowCount} rows; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores: wall times count the core other processes take)\n`);
  const mark = (name: string) => traceEvents.find((e) => e.name === name)?.ts ?? Number.NaN;
  /** Main-thread CPU time (thread time) between two marks; a task across a mark counts for its share inside. */
  const cpuBetween = (name: string): number => {
    const [a, b] = [mark(`${name}-start`), mark(`${name}-end`)];
    let sum = 0;
    for (const e of traceEvents) {
      if (e.ph !== 'X' || e.tid !== mainTid || e.name !== 'ThreadControllerImpl::RunTask' || !e.dur) continue;
      const inside = Math.min(b, e.ts + e.dur) - Math.max(a, e.ts);
      if (inside > 0) sum += ((e.tdur ?? e.dur) * inside) / e.dur / 1000;
    }
    return sum;
  };
  line('opened: rows handed over → drawn (wall)', results.mount);
  line('  … main-thread CPU (trace)', cpuBetween('open'));
  line('a step to the next change (n), median of 20 (wall)', pct(results.steps, 0.5));
  line('  … main-thread CPU per step, mean (trace)', cpuBetween('step') / 20);
  line('a status chip pressed / released, slower of the two (wall)', Math.max(...results.filters));
  line('  … main-thread CPU of both, mean (trace)', cpuBetween('filter') / 2);
  for (const [k, pass] of SCROLL_PASSES.entries()) {
    const r = results.passes[k] as PassResult;
    const [from, to] = [mark(`scroll-start-${k}`), mark(`scroll-end-${k}`)];
    const inWindow = (e: TraceEvent) => e.ph === 'X' && TOP.has(e.name) && e.ts >= from && e.ts <= to;
    const tasks = traceEvents.filter((e) => inWindow(e) && e.tid === mainTid && e.name === 'ThreadControllerImpl::RunTask');
    const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
    const allMs = traceEvents.filter((e) => inWindow(e) && renderPids.has(e.pid)).reduce((sum, e) => sum + cpu(e), 0);
    const vsync = pct(r.deltas, 0.5);
    const late = r.deltas.filter((d) => d > vsync * 1.5).length;
    process.stdout.write(`  ${pass.name}: ${pass.frames} frames, scrolled ${r.scrolled.toFixed(0)} of ${r.height} px, at most ${r.maxRows} rows in the page\n`);
    line('  work per frame, median (wall)', pct(r.work, 0.5));
    line('  work per frame, p95 (wall)', pct(r.work, 0.95), 16.01);
    line('  work per frame, worst (wall)', Math.max(...r.work));
    line('  requestAnimationFrame delta, median', vsync);
    line('  requestAnimationFrame delta, p95', pct(r.deltas, 0.95));
    line('  requestAnimationFrame delta, p99', pct(r.deltas, 0.99));
    line('  requestAnimationFrame delta, worst', Math.max(...r.deltas));
    process.stdout.write(`    frames later than 1.5 vsync: ${late} of ${r.deltas.length}; long tasks (≥ 50 ms): ${r.longTasks.length}${r.longTasks.length ? `, longest ${Math.max(...r.longTasks).toFixed(0)} ms` : ''}\n`);
    line(`  renderer main-thread CPU per frame, mean (trace, ${tasks.length} tasks)`, tasks.reduce((s, e) => s + cpu(e), 0) / pass.frames, 16.01);
    line('  renderer main-thread CPU per task, p95 (trace)', pct(tasks.map(cpu), 0.95));
    line('  renderer main-thread CPU, longest task (trace)', Math.max(0, ...tasks.map(cpu)), 16.01);
    line('  CPU of every rendering thread per frame (trace)', allMs / pass.frames);
  }
}

/** Part 4: a synthetic 1,000-row diff (Gia Lai against derivatives of itself), and two long held-out plans when ../shared is there. */
async function diffScroll(context: BrowserContext, page: Page, url: string, seeds: Array<{ file: string; text: string }>): Promise<void> {
  process.stdout.write('\n4. scrolling a long diff (target: ≤ 16 ms of work per frame)\n');
  const giaLai = seeds.find((s) => s.file === GIA_LAI) as { file: string; text: string };
  const base = parseDocument(giaLai.text, { file: GIA_LAI });
  const alignments: ReturnType<typeof compareDocuments>['alignments'] = [];
  let docs: { a: unknown; b: unknown } = { a: base.meta, b: base.meta };
  for (let k = 0; alignments.length < SCROLL_ROWS; k++) {
    const derived = [...synthesize([giaLai], { count: 1, seed: 20 + k, rewordRate: 0.25, dropRate: 0.08, addRate: 0.05 })][0] as { file: string; text: string };
    const c = compareDocuments(base, parseDocument(derived.text, { file: `derived-${k}.txt` }));
    docs = { a: c.a, b: c.b };
    alignments.push(...c.alignments);
  }
  await scrollDiff(context, page, url, 'synthetic: Gia Lai 2021–2025 against derivatives of itself', diffRows({ alignments: alignments.slice(0, SCROLL_ROWS) }), docs);
  const held = join(ROOT, '../shared/holdout/adjacent');
  const [fileA, fileB] = ['bacninh-ubnd-2025-144-kh.txt', 'dongnai-ubnd-2025-179-kh.txt'];
  if (!existsSync(join(held, fileA)) || !existsSync(join(held, fileB))) {
    process.stdout.write(`  (held-out pair skipped: ${held} not found)\n`);
    return;
  }
  const c = compareDocuments(parseDocument(readFileSync(join(held, fileA), 'utf8'), { file: fileA }), parseDocument(readFileSync(join(held, fileB), 'utf8'), { file: fileB }));
  await scrollDiff(context, page, url, `held out: ${fileA} → ${fileB}`, diffRows(c), { a: c.a, b: c.b });
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
  process.stdout.write('plandiff web benchmark (headless chromium)\n\n');
  const webRoot = await buildApp();
  const profile = mkdtempSync(join(tmpdir(), 'plandiff-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1440, height: 900 } });
  // tsx keeps function names with a `__name` helper that page-side functions do not have.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const folders: string[] = [];
  const servers: RunningServer[] = [];
  const serve = async (dir: string): Promise<RunningServer> => {
    const s = await startServer({ dir, webRoot, port: 0 });
    servers.push(s);
    return s;
  };
  try {
    const page = await context.newPage();
    const seeds = loadSeeds(join(ROOT, 'corpus'));

    // 1. First paint of the corpus view.
    const bundled = await serve(join(ROOT, 'corpus'));
    if (!ONLY || ONLY === 'corpus') {
    process.stdout.write('1. corpus view\n');
    await corpusPaint(page, bundled, seeds.length); // warm the HTTP and compile caches once
    const small = await corpusPaint(page, bundled, seeds.length);
    line(`first contentful paint (${seeds.length} plans)`, small.fcp, 1000);
    line(`table filled (${seeds.length} plans read in the worker)`, small.all, 1000);
    const synthPlans = [...synthesize(seeds, { count: SYNTH_PLANS, seed: 11 })];
    const bigDir = writeFolder(synthPlans);
    folders.push(bigDir);
    const big = await corpusPaint(page, await serve(bigDir), synthPlans.length);
    line(`first contentful paint (${synthPlans.length} synthetic plans)`, big.fcp, 1000);
    line(`first table rows (${synthPlans.length} synthetic plans)`, big.rows, 1000);
    line(`whole corpus read (${synthPlans.length} synthetic plans)`, big.all);
    }
    if (!ONLY || ONLY === 'graph') {

    // 2. The lineage graph of 200 and 1,000 synthetic plans, condensed as the app draws it.
    process.stdout.write('\n2. lineage graph (condensed: families, cited documents by level, strongest reuse)\n');
    for (const plans of GRAPH_PLANS) {
      const t0 = performance.now();
      const synthPlans = [...synthesize(seeds, { count: plans, seed: 5 })];
      const docs = synthPlans.map((p) => ({ file: p.file, doc: parseDocument(p.text, { file: p.file }) }));
      const graph = buildLineage(docs);
      const counts = { nodes: graph.nodes.length, edges: graph.edges.length, reuse: graph.edges.filter((e) => e.relation === 'reuse').length };
      process.stdout.write(`  (${plans} plans: ${counts.nodes} nodes, ${counts.edges} edges of which ${counts.reuse} reuse; built in Node in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
      const g = await graphInPage(page, bundled.url, graph);
      line(`drawn: ${g.nodes} nodes, ${g.edges} edges (layout: ${g.thread})`, g.layout);
      line('first frame drawn', g.painted);
      line('graph interactive (first frame + zoom answered)', g.interactive, plans <= 200 ? 5000 : 15000);
      line('longest main-thread task while drawing', g.longest, 200);
      for (const [name, ms] of g.steps) line(`  step ${name}`, ms);
      mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test-artifacts', `bench-graph-${plans}.png`) });
      const png = await page.evaluate(() => {
        const el = document.querySelector('pd-lineage-graph') as unknown as { pngSize(): { bytes: number; width: number; height: number }; svgOfShown(): string | null };
        return { png: el.pngSize(), svg: (el.svgOfShown() ?? '').length };
      });
      process.stdout.write(`  exports: PNG ${png.png.width}×${png.png.height} px (A4 at 150 dpi at most) ${(png.png.bytes / 1024).toFixed(0)} KB, SVG ${(png.svg / 1024).toFixed(0)} KB\n`);
      const folder = writeFolder(synthPlans);
      folders.push(folder);
      const app = await graphInApp(page, (await serve(folder)).url);
      process.stdout.write(`  the app on a folder of ${plans} plans: corpus loaded (read, lineage built in the worker) at ${(app.loaded / 1000).toFixed(1)} s; then ${app.nodes} nodes drawn (layout: ${app.thread})\n`);
      line('  corpus loaded → graph interactive (zoom answered)', app.interactive, plans <= 200 ? 5000 : 15000);
      line('  longest main-thread task from the corpus loaded on', app.longest, 200);
    }
    }
    if (!ONLY || ONLY === 'diff') {

    // 3. The diff of two ~40 KB plans.
    process.stdout.write('\n3. side-by-side diff\n');
    const giaLai = seeds.find((s) => s.file === GIA_LAI) as { file: string; text: string };
    const derived = [...synthesize([giaLai], { count: 1, seed: 2, rewordRate: 0.25, dropRate: 0.08, addRate: 0.05 })][0] as { file: string; text: string };
    const pairDir = writeFolder([giaLai, { file: 'derived/gia-lai-derived.txt', text: derived.text }]);
    folders.push(pairDir);
    const sizeA = Buffer.byteLength(giaLai.text);
    const sizeB = Buffer.byteLength(derived.text);
    const comparison = compareDocuments(parseDocument(giaLai.text, { file: GIA_LAI }), parseDocument(derived.text, { file: 'derived/gia-lai-derived.txt' }));
    const rows = diffRows(comparison);
    const render = await page.evaluate(
      async ({ rows, a, b }) => {
        document.querySelectorAll('body > div').forEach((d) => d.remove());
        const el = document.createElement('pd-diff-view') as HTMLElement & { rows: unknown; docA: unknown; docB: unknown; updateComplete: Promise<boolean> };
        document.body.append(el);
        const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
        await frame();
        const start = performance.now();
        el.docA = a;
        el.docB = b;
        el.rows = rows;
        await el.updateComplete;
        const done = await frame();
        const count = el.shadowRoot?.querySelectorAll('[data-testid="diff-row"]').length ?? 0;
        el.remove();
        return { ms: done - start, count };
      },
      { rows, a: comparison.a, b: comparison.b },
    );
    line(`diff rendered (${(sizeA / 1024).toFixed(0)} KB vs ${(sizeB / 1024).toFixed(0)} KB, ${render.count} rows)`, render.ms, 300);
    const pairServer = await serve(pairDir);
    await page.goto(pairServer.url);
    await page.waitForFunction(() => {
      const app = document.querySelector('pd-app');
      return (app?.shadowRoot?.querySelector('pd-corpus-table')?.shadowRoot?.querySelectorAll('[data-testid="corpus-row"]').length ?? 0) >= 2;
    });
    const e2e = await page.evaluate(
      async ({ hash, total }) => {
        const start = performance.now();
        location.hash = hash;
        for (;;) {
          const t = await new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
          const view = document.querySelector('pd-app')?.shadowRoot?.querySelector('pd-diff-view');
          if ((view?.shadowRoot?.querySelectorAll('[data-testid="diff-row"]').length ?? 0) >= total) return t - start;
        }
      },
      { hash: `#/diff?a=${encodeURIComponent(GIA_LAI)}&b=${encodeURIComponent('derived/gia-lai-derived.txt')}`, total: rows.length },
    );
    line('diff end to end (compare in the worker, transfer, render)', e2e);
    }
    if (!ONLY || ONLY === 'diff' || ONLY === 'scroll') await diffScroll(context, page, bundled.url, seeds);
    if (!ONLY || ONLY === 'layout') await graphLayoutBench(seeds, LAYOUT_BUDGET);
  } finally {
    await context.close();
    for (const s of servers) await s.close();
    for (const d of [...folders, webRoot, profile]) rmSync(d, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-web: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
