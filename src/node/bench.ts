/**
 * `npm run bench`: speed and memory figures, measured in-process (warm) and as whole CLI calls.
 *   node dist/src/node/bench.js            parse, compare, CLI, ingest, lineage at 1,000 and 10,000 plans
 *   node dist/src/node/bench.js --quick    lineage at 1,000 plans only
 *   node dist/src/node/bench.js --only=parse,compare
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareDocuments } from '../compare/compare.js';
import { parseDocument } from '../read/parse.js';
import type { ParsedDocument } from '../types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CORPUS = join(ROOT, 'corpus');
const HOLDOUT = join(ROOT, '..', 'shared', 'holdout');

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

function benchParse(): void {
  console.log('\n## parse (warm, in-process, median of 20)');
  const plans = files(CORPUS);
  const texts = plans.map((p) => readFileSync(p, 'utf8'));
  plans.forEach((p, k) => console.log(`  ${short(p).padEnd(64)} ${kb(p).padStart(6)}  ${ms(timeIt(() => parseDocument(texts[k]!)))}`));
  console.log(`  ${'all five corpus plans'.padEnd(64)} ${''.padStart(6)}  ${ms(timeIt(() => texts.forEach((t) => parseDocument(t))))}   (goal < 50 ms)`);
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

function benchCli(): void {
  console.log('\n## whole CLI call (cold process: node start + read + parse ×2 + compare + JSON)');
  const main = join(ROOT, 'dist', 'src', 'cli', 'main.js');
  const a = join(CORPUS, 'khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt');
  const b = join(CORPUS, 'khanh-hoa/2025-ubnd-cai-cach-tthc.txt');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [main, 'compare', a, b, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
  }
  times.sort((x, y) => x - y);
  console.log(`  plandiff compare 2024-sct 2025-ubnd --json: median ${ms(times[2]!)} (goal < 500 ms)`);
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

async function benchLineage(quick: boolean): Promise<void> {
  console.log('\n## lineage at scale (synthetic corpus derived from the seeds)');
  const mod = (await import('./bench-lineage.js')) as { benchLineage: (o: { sizes: number[] }) => Promise<Array<Record<string, unknown>>> };
  const rows = await mod.benchLineage({ sizes: quick ? [1000] : [1000, 10000] });
  for (const row of rows) console.log(`  ${Object.entries(row).map(([k, v]) => `${k}=${v}`).join('  ')}`);
  if (quick) console.log('  (run without --quick for 10,000 plans)');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  const want = (k: string): boolean => !only || only.includes(k);
  console.log(`plandiff bench — node ${process.version}, ${new Date().toISOString()}`);
  if (want('parse')) benchParse();
  if (want('compare')) benchCompare();
  if (want('cli')) benchCli();
  if (want('ingest')) await benchIngest();
  if (want('lineage')) await benchLineage(args.includes('--quick'));
  const mem = process.memoryUsage();
  console.log(`\nprocess peak-ish memory: rss ${(mem.rss / 1048576).toFixed(0)} MB, heap ${(mem.heapUsed / 1048576).toFixed(0)} MB`);
}

main().catch((e) => {
  console.error(`bench failed: ${(e as Error).message}`);
  process.exit(1);
});
