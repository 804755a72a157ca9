/**
 * Lineage benchmark: writes N synthetic plans (synth.ts) to a temporary folder, then times what
 * `plandiff lineage DIR` does with them — list, read, parse and shingle on every core (pool.ts)
 * through the cache of lineage records (cache.ts), stream each record into the lineage builder,
 * build the graph (or read it back, as the command does for the same plans under the same names)
 * — cold (an empty cache), warm (the cache the cold pass filled), warm with the graph built again,
 * and after one plan is added to the folder (one plan parsed, the others read back, a new graph).
 * Memory is sampled throughout; progress goes to stderr.
 *
 * Run: `npx tsx src/node/bench-lineage.ts 1000 10000` (prints the results as JSON on stdout).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultShingling, LineageBuilder } from '../corpus/lineage.js';
import type { LineageGraph } from '../types.js';
import { DocumentCache, graphKey, openCache } from './cache.js';
import { listPlanFiles } from './files.js';
import { defaultThreads, planFileRecords, reusePairs } from './pool.js';
import { loadSeeds, writeSynthCorpus, type SynthOptions } from './synth.js';

/** What to run. */
export interface BenchLineageOptions {
  /** Corpus sizes, each run on its own folder. */
  sizes: number[];
  /** Seed of the synthetic corpus. */
  seed: number;
  /** Folder of the seed plans (default: the project's corpus/). */
  seedDir?: string;
  /** Other generator options. */
  synth?: Partial<SynthOptions>;
  /** Keep the generated folders (their paths are in the results). */
  keep?: boolean;
  /** Where progress lines go (default: stderr). */
  log?: (line: string) => void;
}

/** Figures of one pass over the folder (a type alias, so that it reads as a plain record of figures). */
export type LineagePass = {
  /** List + read + parse (or read back from the cache) + add to the builder, ms. */
  parseMs: number;
  /** Building the graph (reuse candidates and scores, edges), ms. */
  graphMs: number;
  /** parseMs + graphMs. */
  totalMs: number;
  /** Milliseconds per plan over the whole pass. */
  msPerPlan: number;
  /** CPU time of the process (every thread), ms. */
  cpuMs: number;
  /** Peak resident set size sampled (the workers included), MB. */
  peakRssMb: number;
  /** Peak V8 heap used sampled (this thread), MB. */
  peakHeapMb: number;
  /** Cache entries read back and written. */
  cacheHits: number;
  cacheWrites: number;
  /** Threads that parsed. */
  threads: number;
  /** The graph was read back (the same plans under the same names as a run before). */
  graphFromCache: boolean;
};

/** Figures of one corpus size: a cold pass (empty cache) and a warm one (the cache filled by the cold pass). */
export type BenchLineageResult = {
  /** Plans in the folder. */
  plans: number;
  /** Time to write the synthetic corpus (not part of the measure). */
  generateMs: number;
  cold: LineagePass;
  warm: LineagePass;
  /** A warm pass that builds the graph again instead of reading it back. */
  rebuilt: LineagePass;
  /** A pass after one plan was added to the folder. */
  added: LineagePass;
  nodes: number;
  citationEdges: number;
  reuseEdges: number;
  /** Files that could not be read or parsed. */
  skipped: number;
  /** The cold and warm graphs are the same, byte for byte. */
  sameGraph: boolean;
  /** Size of the graph's JSON, MB (what `--json` prints and the cache stores gzipped). */
  graphJsonMb: number;
  /** Wall time of the naive Python peer (test/bench/naive-lineage.py) on the same folder, ms; null without python3. */
  peerMs: number | null;
  /** The generated folder, when kept. */
  dir?: string;
};

const MB = 1024 * 1024;

function defaultSeedDir(): string {
  for (const rel of ['../../corpus', '../../../corpus']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  return join(process.cwd(), 'corpus');
}

/** Tracks the peak of RSS and heap, sampled on demand and by a timer while awaiting I/O. */
class MemoryPeak {
  rss = 0;
  heap = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heap) this.heap = m.heapUsed;
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

/** One pass of what `plandiff lineage DIR` does: list, parse on every core (through the cache), build. */
async function lineagePass(dir: string, cache: DocumentCache, log: (line: string) => void, tag: string, rebuild = false): Promise<{ pass: LineagePass; graph: LineageGraph; skipped: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const peak = new MemoryPeak();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const files = await listPlanFiles(dir);
  const builder = new LineageBuilder({ onProgress: () => peak.sample() });
  let skipped = 0;
  const run = planFileRecords(files, {
    cache,
    threads: defaultThreads(),
    onProgress: (done, total) => {
      if (done % 50 === 0) peak.sample();
      if (done % 2000 === 0 || done === total) log(`${tag} parsed ${done}/${total}  ${((performance.now() - t0) / 1000).toFixed(1)} s  rss ${(process.memoryUsage().rss / MB).toFixed(0)} MB`);
    },
  });
  const plans: string[] = [];
  for await (const r of run) {
    if (r.record) {
      builder.addRecord(r.file.relative, r.record);
      plans.push(`${r.file.relative}\u0000${r.key}`);
    } else {
      skipped += 1;
      log(`${tag} skipped ${r.file.relative}: ${r.error.message}`);
    }
  }
  const parseMs = performance.now() - t0;
  const t1 = performance.now();
  // as plandiff lineage does: the graph of the same plans under the same names is read back
  const key = graphKey(plans, defaultShingling());
  const cached = rebuild ? null : await cache.getGraph(key);
  const graph = cached ?? builder.finish(await reusePairs(builder.reuseIndex, { onProgress: () => peak.sample() }));
  if (!cached) await cache.putGraph(key, graph);
  const graphMs = performance.now() - t1;
  peak.stop();
  const cpu = process.cpuUsage(cpu0);
  const totalMs = parseMs + graphMs;
  const pass: LineagePass = {
    parseMs: Math.round(parseMs),
    graphMs: Math.round(graphMs),
    totalMs: Math.round(totalMs),
    msPerPlan: Math.round((totalMs / Math.max(1, files.length)) * 100) / 100,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(peak.rss / MB),
    peakHeapMb: Math.round(peak.heap / MB),
    cacheHits: run.stats.hits,
    cacheWrites: run.stats.writes,
    threads: run.threads,
    graphFromCache: cached !== null,
  };
  log(`${tag} total ${(totalMs / 1000).toFixed(1)} s (parse ${(parseMs / 1000).toFixed(1)} s, graph ${(graphMs / 1000).toFixed(1)} s), cpu ${(pass.cpuMs / 1000).toFixed(1)} s, ${run.threads} threads, cache ${run.stats.hits} hits, peak rss ${pass.peakRssMb} MB, load ${loadavg()[0]!.toFixed(1)}`);
  return { pass, graph, skipped };
}

/** Wall time of the naive Python peer on a folder, ms (null when python3 or the script is missing). */
function timePeer(dir: string, log: (line: string) => void, tag: string): number | null {
  const script = fileURLToPath(new URL('../test/bench/naive-lineage.py', pathToFileURL(`${defaultSeedDir()}/`)));
  if (!existsSync(script)) return null;
  const t0 = performance.now();
  const r = spawnSync('python3', [script, dir], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const ms = performance.now() - t0;
  if (r.status !== 0) {
    log(`${tag} python3 peer did not run: ${(r.stderr || String(r.error ?? '')).split('\n')[0]}`);
    return null;
  }
  log(`${tag} ${(ms / 1000).toFixed(1)} s ${r.stdout.trim()}`);
  return Math.round(ms);
}

async function runOne(size: number, options: BenchLineageOptions, log: (line: string) => void): Promise<BenchLineageResult> {
  const dir = mkdtempSync(join(tmpdir(), `plandiff-lineage-${size}-`));
  const cacheRoot = mkdtempSync(join(tmpdir(), `plandiff-lineage-cache-${size}-`));
  try {
    const t0 = performance.now();
    writeSynthCorpus(dir, loadSeeds(options.seedDir ?? defaultSeedDir()), { ...options.synth, count: size, seed: options.seed });
    const generateMs = performance.now() - t0;
    log(`[${size}] wrote ${size} synthetic plans in ${(generateMs / 1000).toFixed(1)} s`);
    const program = openCache(null).program;
    const cold = await lineagePass(dir, new DocumentCache(cacheRoot, program), log, `[${size} cold]`);
    const coldJson = JSON.stringify(cold.graph);
    cold.graph = null as unknown as LineageGraph;
    const warm = await lineagePass(dir, new DocumentCache(cacheRoot, program), log, `[${size} warm]`);
    // every record from the cache, the graph built again (what a change of one plan costs beyond parsing it)
    const rebuilt = await lineagePass(dir, new DocumentCache(cacheRoot, program), log, `[${size} warm, graph rebuilt]`, true);
    rebuilt.graph = null as unknown as LineageGraph;
    const reuseEdges = warm.graph.edges.filter((e) => e.relation === 'reuse').length;
    const warmGraph = warm.graph;
    warm.graph = null as unknown as LineageGraph;
    // one more plan: a copy of the first one with a line of its own, under a new name
    const [first] = await listPlanFiles(dir);
    writeFileSync(join(dir, 'added-plan.txt'), `${readFileSync(first!.path, 'utf8')}\n- Bổ sung một nhiệm vụ của kế hoạch mới.\n`);
    const added = await lineagePass(dir, new DocumentCache(cacheRoot, program), log, `[${size} +1 plan]`);
    const peerMs = timePeer(dir, log, `[${size} peer]`);
    return {
      plans: size,
      generateMs: Math.round(generateMs),
      cold: cold.pass,
      warm: warm.pass,
      rebuilt: rebuilt.pass,
      added: added.pass,
      nodes: warmGraph.nodes.length,
      citationEdges: warmGraph.edges.length - reuseEdges,
      reuseEdges,
      skipped: warm.skipped,
      sameGraph: JSON.stringify(warmGraph) === coldJson,
      graphJsonMb: Math.round((Buffer.byteLength(coldJson) / MB) * 10) / 10,
      peerMs,
      ...(options.keep ? { dir } : {}),
    };
  } finally {
    rmSync(cacheRoot, { recursive: true, force: true });
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the benchmark for each size in turn. */
export async function benchLineage(options: Partial<BenchLineageOptions> = {}): Promise<BenchLineageResult[]> {
  const o: BenchLineageOptions = { sizes: [1000, 10000], seed: 1, ...options };
  for (const s of o.sizes) if (!Number.isInteger(s) || s < 1) throw new Error(`bench-lineage: sizes must be positive integers, got ${s}`);
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const out: BenchLineageResult[] = [];
  for (const size of o.sizes) out.push(await runOne(size, o, log));
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.slice(2).map(Number);
  benchLineage(sizes.length > 0 ? { sizes } : {})
    .then((results) => process.stdout.write(`${JSON.stringify(results, null, 2)}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`bench-lineage: ${(e as Error).message}\n`);
      process.exitCode = 1;
    });
}
