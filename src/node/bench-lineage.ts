/**
 * Lineage benchmark: writes N synthetic plans (synth.ts) to a temporary folder, then times what
 * `plandiff lineage DIR` does with them — list, read, parse with citations, stream each plan into
 * the lineage builder, build the graph — and samples memory throughout. Progress goes to stderr.
 *
 * Run: `npx tsx src/node/bench-lineage.ts 1000 10000` (prints the results as JSON on stdout).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractCitations } from '../extract/citations.js';
import { LineageBuilder } from '../corpus/lineage.js';
import { parseDocument } from '../read/parse.js';
import { listPlanFiles, readPlanFile } from './files.js';
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

/** Figures of one run (a type alias, so that it reads as a plain record of figures). */
export type BenchLineageResult = {
  /** Plans in the folder. */
  plans: number;
  /** Time to write the synthetic corpus (not part of the measure). */
  generateMs: number;
  /** List + read + parse (with citations) + add to the builder. */
  parseMs: number;
  /** Building the graph (reuse candidates and scores, edges). */
  graphMs: number;
  /** parseMs + graphMs. */
  totalMs: number;
  /** Milliseconds per plan over the whole run. */
  msPerPlan: number;
  /** Peak resident set size sampled, MB. */
  peakRssMb: number;
  /** Peak V8 heap used sampled, MB. */
  peakHeapMb: number;
  nodes: number;
  citationEdges: number;
  reuseEdges: number;
  /** Files that could not be read or parsed. */
  skipped: number;
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

async function runOne(size: number, options: BenchLineageOptions, log: (line: string) => void): Promise<BenchLineageResult> {
  const dir = mkdtempSync(join(tmpdir(), `plandiff-lineage-${size}-`));
  try {
    let t0 = performance.now();
    writeSynthCorpus(dir, loadSeeds(options.seedDir ?? defaultSeedDir()), { ...options.synth, count: size, seed: options.seed });
    const generateMs = performance.now() - t0;
    log(`[${size}] wrote ${size} synthetic plans in ${(generateMs / 1000).toFixed(1)} s`);

    (globalThis as { gc?: () => void }).gc?.();
    const peak = new MemoryPeak();
    t0 = performance.now();
    const files = await listPlanFiles(dir);
    const builder = new LineageBuilder({
      onProgress: (done, total) => {
        peak.sample();
        if (done > 0 && done % 2000 === 0) log(`[${size}] reuse ${done}/${total}`);
      },
    });
    let skipped = 0;
    for (const [k, f] of files.entries()) {
      try {
        const { text, encoding } = await readPlanFile(f.path);
        const doc = parseDocument(text, {
          file: f.relative,
          encoding,
          strategies: { citations: (passages, meta) => extractCitations(passages, { self: meta, province: meta.province }) },
        });
        builder.add({ file: f.relative, doc });
      } catch (e) {
        skipped += 1;
        log(`[${size}] skipped ${f.relative}: ${(e as Error).message}`);
      }
      if (k % 50 === 0) peak.sample();
      if ((k + 1) % 500 === 0 || k + 1 === files.length) {
        log(`[${size}] parsed ${k + 1}/${files.length}  ${((performance.now() - t0) / 1000).toFixed(1)} s  rss ${(process.memoryUsage().rss / MB).toFixed(0)} MB`);
      }
    }
    const parseMs = performance.now() - t0;
    const t1 = performance.now();
    const graph = builder.finish();
    const graphMs = performance.now() - t1;
    peak.stop();
    const reuseEdges = graph.edges.filter((e) => e.relation === 'reuse').length;
    const result: BenchLineageResult = {
      plans: files.length,
      generateMs: Math.round(generateMs),
      parseMs: Math.round(parseMs),
      graphMs: Math.round(graphMs),
      totalMs: Math.round(parseMs + graphMs),
      msPerPlan: Math.round(((parseMs + graphMs) / Math.max(1, files.length)) * 100) / 100,
      peakRssMb: Math.round(peak.rss / MB),
      peakHeapMb: Math.round(peak.heap / MB),
      nodes: graph.nodes.length,
      citationEdges: graph.edges.length - reuseEdges,
      reuseEdges,
      skipped,
      ...(options.keep ? { dir } : {}),
    };
    log(`[${size}] total ${(result.totalMs / 1000).toFixed(1)} s (parse ${(parseMs / 1000).toFixed(1)} s, graph ${(graphMs / 1000).toFixed(1)} s), peak rss ${result.peakRssMb} MB`);
    return result;
  } finally {
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
