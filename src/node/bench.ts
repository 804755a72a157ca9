/**
 * `npm run bench`: speed and memory figures, measured in-process (warm) and as whole CLI calls.
 *   node dist/src/node/bench.js            parse, compare, CLI (beside a Python difflib peer), ingest, lineage at 1,000, 10,000 and 30,000 plans
 *   node dist/src/node/bench.js --quick    fewer CLI rounds, lineage at 1,000 plans only
 *   node dist/src/node/bench.js --only=lineage --sizes=1000,10000
 *   node dist/src/node/bench.js --only=parse,compare
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareDocuments } from '../compare/compare.js';
import { parseDocument } from '../read/parse.js';
import type { ParsedDocument } from '../types.js';
import { startupReport } from './bench-cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CORPUS = join(ROOT, 'corpus');
const HOLDOUT = join(ROOT, '..', 'shared', 'holdout');
const REALCORPUS = join(ROOT, '..', 'shared', 'realcorpus');

/** Median wall time in milliseconds of `fn` over `runs` runs after `warm` warm-up runs. */
export function timeIt(fn: () => unknown, runs = 20, warm = 3): number {
  for (let i = 0; i < warm; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (e.name.endsWith('.txt')) out.push(p);
  }
  return out.sort();
}

const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const kb = (path: string): string => `${(statSync(path).size / 1024).toFixed(0)} KB`;
const short = (p: string): string => p.replace(`${ROOT}/`, '').replace(`${join(ROOT, '..')}/`, '../');

/** CPU milliseconds (user + system) of `fn`, median of `runs` after one warm-up. */
function cpuIt(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (/\.(?:md|txt)$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

function benchParse(): void {
  console.log('\n## parse (warm, in-process, median of 20)');
  const plans = files(CORPUS);
  const texts = plans.map((p) => readFileSync(p, 'utf8'));
  plans.forEach((p, k) => console.log(`  ${short(p).padEnd(64)} ${kb(p).padStart(6)}  ${ms(timeIt(() => parseDocument(texts[k]!)))}`));
  console.log(`  ${'all five corpus plans'.padEnd(64)} ${''.padStart(6)}  ${ms(timeIt(() => texts.forEach((t) => parseDocument(t))))}   (goal < 50 ms)`);
  // throughput against the floor: reading the same bytes, NFC and splitting lines (CPU time, so a busy machine counts less)
  const sets: Array<[string, string[]]> = [['bundled corpus', plans]];
  if (existsSync(REALCORPUS)) sets.push(['../shared/realcorpus (first 200)', markdownFiles(REALCORPUS).slice(0, 200)]);
  else console.log('  (../shared/realcorpus not found: real-corpus throughput skipped)');
  console.log('\n## parse throughput (CPU time, median of 5)');
  for (const [name, paths] of sets) {
    const bytes = paths.reduce((a, p) => a + statSync(p).size, 0);
    const floor = cpuIt(() => paths.forEach((p) => readFileSync(p, 'utf8').normalize('NFC').split('\n')));
    const all = paths.map((p) => readFileSync(p, 'utf8'));
    const parse = cpuIt(() => all.forEach((t) => parseDocument(t)), 3);
    const rate = (x: number) => `${((bytes / 1024) / (x / 1000)).toFixed(0)} KB/s`;
    console.log(`  ${name.padEnd(34)} ${`${(bytes / 1024).toFixed(0)} KB`.padStart(8)}  parse ${rate(parse).padStart(11)}  read+NFC floor ${rate(floor).padStart(11)}  parse is ${(parse / floor).toFixed(0)}× the floor`);
  }
  console.log('  (before the one-pass folding and target scans, parse was 47–95× the floor, 0.8–2.1 MB/s: goal ≥ 2× faster)');
}

function benchCompare(): void {
  console.log('\n## compare (warm, in-process, median of 20; parse excluded)');
  const seeds = {
    sct2024: join(CORPUS, 'khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt'),
    gddt2024: join(CORPUS, 'khanh-hoa/2024-so-gddt-cai-cach-tthc.txt'),
    ubnd2025: join(CORPUS, 'khanh-hoa/2025-ubnd-cai-cach-tthc.txt'),
    bacgiang2023: join(CORPUS, 'bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt'),
    gialai2021: join(CORPUS, 'gia-lai/2021-2025-so-cong-thuong-cai-cach-hanh-chinh.txt'),
  };
  const pairs: Array<[string, string]> = [
    [seeds.sct2024, seeds.gddt2024],
    [seeds.sct2024, seeds.ubnd2025],
    [seeds.gddt2024, seeds.ubnd2025],
    [seeds.bacgiang2023, seeds.gialai2021],
  ];
  try {
    const hold = files(HOLDOUT).sort((a, b) => statSync(b).size - statSync(a).size);
    if (hold.length >= 2) pairs.push([hold[1]!, hold[0]!]);
  } catch {
    console.log('  (../shared/holdout not found: holdout pair skipped)');
  }
  const parsed = new Map<string, ParsedDocument>();
  const get = (p: string): ParsedDocument => {
    if (!parsed.has(p)) parsed.set(p, parseDocument(readFileSync(p, 'utf8'), { file: p }));
    return parsed.get(p)!;
  };
  for (const [a, b] of pairs) {
    const da = get(a);
    const db = get(b);
    const t = timeIt(() => compareDocuments(da, db), 10, 2);
    console.log(`  ${`${short(a).split('/').pop()} → ${short(b).split('/').pop()}`.padEnd(78)} ${`${kb(a)}+${kb(b)}`.padStart(14)}  ${ms(t)}`);
  }
  console.log('  (goal: < 50 ms warm for two ~40 KB plans)');
}

function benchCli(rounds: number): void {
  console.log(`\n## whole CLI call (cold process each time; ${rounds} interleaved rounds, medians; peer measured in the same run)`);
  for (const line of startupReport(ROOT, rounds)) console.log(line);
}

async function benchIngest(): Promise<void> {
  console.log('\n## ingest by format');
  try {
    const spec = './bench-ingest.js'; // optional: present once the ingest formats land
    const mod = (await import(spec)) as { benchIngest: () => Promise<Array<Record<string, unknown>>> };
    for (const row of await mod.benchIngest()) console.log(`  ${Object.entries(row).map(([k, v]) => `${k}=${v}`).join('  ')}`);
  } catch (e) {
    console.log(`  (not available: ${(e as Error).message.split('\n')[0]})`);
  }
}

async function benchLineage(sizes: number[]): Promise<void> {
  console.log('\n## lineage at scale (synthetic corpus derived from the seeds; every core; cold = empty cache, warm = second run; cpu = all threads)');
  const mod = await import('./bench-lineage.js');
  const rows = await mod.benchLineage({ sizes });
  const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
  for (const r of rows) {
    const peer = r.peerMs ? `  peer ${s(r.peerMs)}: cold ${(r.cold.totalMs / r.peerMs).toFixed(2)}×, warm ${(r.warm.totalMs / r.peerMs).toFixed(2)}× the peer` : '';
    console.log(
      `  ${String(r.plans).padStart(6)} plans  cold ${s(r.cold.totalMs).padStart(7)} (${r.cold.msPerPlan.toFixed(2)} ms/plan, cpu ${s(r.cold.cpuMs)}, ${r.cold.threads} threads, rss ${r.cold.peakRssMb} MB)` +
        `  warm ${s(r.warm.totalMs).padStart(7)} (${r.warm.msPerPlan.toFixed(2)} ms/plan, cpu ${s(r.warm.cpuMs)}, ${r.warm.cacheHits} from cache, graph ${s(r.warm.graphMs)}, rss ${r.warm.peakRssMb} MB)${peer}`,
    );
    console.log(
      `  ${''.padStart(6)}        warm ${r.warm.graphFromCache ? 'read the graph back' : 'built the graph'}; warm with the graph built again ${s(r.rebuilt.totalMs)} (graph ${s(r.rebuilt.graphMs)}, cpu ${s(r.rebuilt.cpuMs)});` +
        ` one plan added ${s(r.added.totalMs)} (read ${s(r.added.parseMs)}, ${r.added.cacheHits} from cache, ${r.added.cacheWrites} written; graph ${s(r.added.graphMs)})`,
    );
    console.log(`  ${''.padStart(6)}        nodes ${r.nodes}, citation edges ${r.citationEdges}, reuse edges ${r.reuseEdges}, skipped ${r.skipped}, warm graph ${r.sameGraph ? 'identical to' : 'DIFFERS from'} cold`);
  }
  const at10k = rows.find((r) => r.plans === 10000);
  if (at10k) {
    const ok = (b: boolean) => (b ? 'met' : 'NOT met');
    console.log(`  goals at 10,000: cold ≤ 60 s ${ok(at10k.cold.totalMs <= 60_000)}, warm ≤ 10 s ${ok(at10k.warm.totalMs <= 10_000)}, peak memory ≤ 1 GB ${ok(Math.max(at10k.cold.peakRssMb, at10k.warm.peakRssMb) <= 1024)}`);
    console.log(`  (wall times on a machine whose 2 cores other work shares: cpu ${s(at10k.cold.cpuMs)} cold / ${s(at10k.warm.cpuMs)} warm over 2 cores is the floor)`);
  }
  if (rows.length >= 2) printScaling(rows);
  console.log(`  (load average at the end: ${loadavg()[0]!.toFixed(1)})`);
}

/** Cost per plan at each size run, and the figures extrapolated to 100,000 plans (least squares over the sizes run: a + b·plans). */
function printScaling(rows: Array<import('./bench-lineage.js').BenchLineageResult>): void {
  const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
  const fit = (ys: number[]) => {
    const xs = rows.map((r) => r.plans);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const b = xs.reduce((a, x, k) => a + (x - mx) * (ys[k]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    return (n: number) => my + b * (n - mx);
  };
  const perPlan = (ms: number, plans: number) => (ms / plans).toFixed(2);
  console.log('  cost per plan (wall on the shared machine; cpu of every thread, which the load moves less):');
  for (const r of rows) {
    console.log(
      `  ${String(r.plans).padStart(6)} plans  cold ${perPlan(r.cold.totalMs, r.plans)} ms wall, ${perPlan(r.cold.cpuMs, r.plans)} ms cpu` +
        ` · warm ${perPlan(r.warm.totalMs, r.plans)} ms wall, ${perPlan(r.warm.cpuMs, r.plans)} ms cpu` +
        ` · graph built again ${perPlan(r.rebuilt.cpuMs, r.plans)} ms cpu · peak ${(Math.max(r.cold.peakRssMb, r.warm.peakRssMb, r.rebuilt.peakRssMb) / r.plans * 1024).toFixed(0)} KB · graph JSON ${r.graphJsonMb} MB`,
    );
  }
  const at = 100_000;
  const cpu = fit(rows.map((r) => r.cold.cpuMs));
  const warm = fit(rows.map((r) => r.warm.cpuMs));
  const rebuilt = fit(rows.map((r) => r.rebuilt.cpuMs));
  const rss = fit(rows.map((r) => Math.max(r.cold.peakRssMb, r.warm.peakRssMb, r.rebuilt.peakRssMb)));
  const json = fit(rows.map((r) => r.graphJsonMb));
  console.log(
    `  extrapolated to 100,000 plans: cold ${s(cpu(at))} of cpu (${s(cpu(at) / rows[0]!.cold.threads)} over ${rows[0]!.cold.threads} idle cores), warm ${s(warm(at))} of cpu,` +
      ` graph built again ${s(rebuilt(at))} of cpu; peak memory ${(rss(at) / 1024).toFixed(1)} GB; graph JSON ${(json(at) / 1024).toFixed(2)} GB`,
  );
  console.log('  where the design must change past that: every plan\'s shingle set stays in memory (the index\'s, then the discounted copy shared with');
  console.log('  the scoring threads), and the graph is built, printed and cached as one JSON string (V8 caps a string near 512 MB); the candidate');
  console.log('  pairs are found on one thread. Past ~100,000 plans the shingle sets belong on disk (the record cache holds them already), the');
  console.log('  candidates want one LSH pass per band in the workers, and the graph has to be streamed out node by node.');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  const want = (k: string): boolean => !only || only.includes(k);
  console.log(`plandiff bench — node ${process.version}, ${new Date().toISOString()}, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
  if (want('parse')) benchParse();
  if (want('compare')) benchCompare();
  if (want('cli')) benchCli(args.includes('--quick') ? 7 : 15);
  if (want('ingest')) await benchIngest();
  if (want('lineage')) await benchLineage(args.includes('--quick') ? [1000] : (args.find((a) => a.startsWith('--sizes='))?.slice(8).split(',').map(Number) ?? [1000, 10000, 30000]));
  const mem = process.memoryUsage();
  console.log(`\nprocess peak-ish memory: rss ${(mem.rss / 1048576).toFixed(0)} MB, heap ${(mem.heapUsed / 1048576).toFixed(0)} MB`);
}

main().catch((e) => {
  console.error(`bench failed: ${(e as Error).message}`);
  process.exit(1);
});
