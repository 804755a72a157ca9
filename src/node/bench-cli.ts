/**
 * Whole-process timings of the command as a user runs it, beside a peer measured in the same run:
 * `plandiff --help`, `plandiff compare A B --json` on two sample plans, and a plain Python difflib
 * script doing a naive version of the same compare (test/bench/difflib-compare.py), with Node
 * running an empty script as the floor no Node command goes below. The compare is timed three ways,
 * each with a cache folder of the bench's own: a repeated pair (its comparison in the cache, as a
 * reviewer re-running it or asking for another format finds it), a new pair of plans read before
 * (both documents in the cache, the comparison made: as for every pair of a folder read once), and
 * cold (an empty cache each time: both plans read and parsed). The commands are run in
 * interleaved rounds (help, compare, peer, floor, help, …) so that a busy machine slows each of
 * them alike, and the medians are compared; the load average is printed beside them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { COMPARISONS_FOLDER } from './cache.js';

/** One command of the run. */
interface TimedCommand {
  /** Short name printed in the table. */
  name: string;
  /** Program and arguments. */
  argv: string[];
  /** Environment added for one run (made again before each run). */
  env?: () => NodeJS.ProcessEnv;
}

/** Median and spread of one command's runs. */
interface CommandTiming {
  name: string;
  /** Median wall time, ms. */
  medianMs: number;
  /** Fastest run, ms. */
  minMs: number;
  /** Median CPU time of the child (user + system), ms. */
  cpuMs: number;
  runs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * CPU time (user + system, ms) of every child this process waited for, from /proc/self/stat
 * (cutime, cstime; Linux, 100 ticks a second); NaN elsewhere.
 */
function childrenCpuMs(): number {
  try {
    const s = readFileSync('/proc/self/stat', 'utf8');
    const fields = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 of the file (state); cutime and cstime are fields 16 and 17
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Runs the commands in `rounds` interleaved rounds (after one warm-up round) and returns their medians. */
function interleaved(commands: TimedCommand[], rounds: number, cwd: string): CommandTiming[] {
  const wall = commands.map(() => [] as number[]);
  const cpu = commands.map(() => [] as number[]);
  for (let r = -1; r < rounds; r++) {
    commands.forEach((c, k) => {
      const cpu0 = childrenCpuMs();
      const t0 = performance.now();
      const env = Object.fromEntries(Object.entries({ ...process.env, ...c.env?.() }).filter(([, v]) => v !== undefined));
      const out = spawnSync(c.argv[0]!, c.argv.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
      const ms = performance.now() - t0;
      if (out.status !== 0) throw new Error(`${c.name} failed (exit ${out.status}): ${(out.stderr ?? '').split('\n')[0]}`);
      if (r >= 0) {
        wall[k]!.push(ms);
        cpu[k]!.push(childrenCpuMs() - cpu0);
      }
    });
  }
  return commands.map((c, k) => ({ name: c.name, medianMs: median(wall[k]!), minMs: Math.min(...wall[k]!), cpuMs: median(cpu[k]!), runs: rounds }));
}

const PEER = 'python3 difflib-compare.py A B';
const FLOOR = 'node (empty script)';
const HELP = 'plandiff --help';
const COMPARE_REPEATED = 'compare, repeated pair (result cached)';
const COMPARE_NEW = 'compare, new pair (documents cached)';
const COMPARE_COLD = 'compare, cold (nothing cached)';

/** A cache folder whose comparisons are removed (its documents kept), as before each run of a new pair. */
function withoutComparisons(dir: string): string {
  let versions: string[] = [];
  try {
    versions = readdirSync(join(dir, 'v1'));
  } catch {
    // not filled yet
  }
  for (const v of versions) rmSync(join(dir, 'v1', v, COMPARISONS_FOLDER), { recursive: true, force: true });
  return dir;
}

/**
 * The commands of the start-up bench, for a repository root and the bench's cache folder (`cache`:
 * the folders of the repeated and the new pair are filled by the warm-up round, the new pair's
 * comparisons removed before each of its runs; the cold one gets an empty folder under it for
 * every run); all run `compare A B --json` (plandiff compare of two sample plans); the peer is
 * left out when python3 is missing.
 */
function startupCommands(root: string, cache: string, python: string | null, extras: NodeJS.ProcessEnv): TimedCommand[] {
  const bin = join(root, (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { plandiff: string } }).bin.plandiff);
  const main = existsSync(bin) ? bin : join(root, 'dist', 'src', 'cli', 'main.js');
  const a = join(root, 'corpus/khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt');
  const b = join(root, 'corpus/khanh-hoa/2025-ubnd-cai-cach-tthc.txt');
  const compare = [process.execPath, main, 'compare', a, b, '--json'];
  const commands: TimedCommand[] = [
    { name: HELP, argv: [process.execPath, main, '--help'], env: () => extras },
    { name: COMPARE_REPEATED, argv: compare, env: () => ({ ...extras, PLANDIFF_CACHE_DIR: join(cache, 'repeated') }) },
    { name: COMPARE_NEW, argv: compare, env: () => ({ ...extras, PLANDIFF_CACHE_DIR: withoutComparisons(join(cache, 'new')) }) },
    { name: COMPARE_COLD, argv: compare, env: () => ({ ...extras, PLANDIFF_CACHE_DIR: mkdtempSync(join(cache, 'cold-')) }) },
    { name: FLOOR, argv: [process.execPath, '-e', '0'], env: () => extras },
  ];
  if (python) commands.push({ name: PEER, argv: [python, join(root, 'test/bench/difflib-compare.py'), a, b], env: () => extras });
  return commands;
}

/** Goals of issue 16, whole process, median of interleaved runs. */
const GOALS: Record<string, { ms: number; peerShare?: number; text: string }> = {
  [HELP]: { ms: 80, text: '≤ 80 ms' },
  [COMPARE_REPEATED]: { ms: 150, peerShare: 1 / 3, text: '≤ 150 ms and ≤ 1/3 of the peer' },
  [COMPARE_NEW]: { ms: 150, peerShare: 1 / 3, text: '≤ 150 ms and ≤ 1/3 of the peer' },
};

/** Commands printed beside the peer without a goal of their own. */
const BESIDE_PEER = new Set([COMPARE_COLD]);

const ms = (x: number): string => `${x.toFixed(0)} ms`;

/**
 * The Python that `python3` on the PATH runs in the end when that is a script (a version manager's
 * shim, such as pyenv's, runs bash for ~50 ms before Python starts); null when it is the program itself.
 */
function shimmedPython(): string | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const onPath = dirs.map((d) => join(d, 'python3')).find((f) => existsSync(f));
  if (!onPath || readFileSync(onPath).subarray(0, 2).toString('latin1') !== '#!') return null;
  const r = spawnSync(onPath, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

/**
 * One table of the start-up bench as printed lines: for each command its median wall time, fastest
 * run and median CPU time, and for plandiff's two the ratio of wall and CPU time to the peer's and
 * whether the goal is met, with the load average before and after the rounds.
 */
function startupTable(root: string, rounds: number, python: string | null, extras: NodeJS.ProcessEnv): string[] {
  const load = (): string => loadavg()[0]!.toFixed(1);
  const before = load();
  const cache = mkdtempSync(join(tmpdir(), 'plandiff-bench-cli-'));
  let results: CommandTiming[];
  try {
    results = interleaved(startupCommands(root, cache, python, extras), rounds, root);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  const lines = [`  load average ${before} before, ${load()} after (2 cores: above ~1, every figure is slowed)`];
  const peer = results.find((r) => r.name === PEER);
  for (const r of results) {
    const goal = GOALS[r.name];
    const ratio = peer && (goal || BESIDE_PEER.has(r.name)) ? `  ${(r.medianMs / peer.medianMs).toFixed(2)}× the peer (cpu ${(r.cpuMs / peer.cpuMs).toFixed(2)}×)` : '';
    const met = goal ? r.medianMs <= goal.ms && (!goal.peerShare || !peer || r.medianMs <= goal.peerShare * peer.medianMs) : false;
    const verdict = goal ? `   goal ${goal.text}: ${met ? 'met' : 'NOT met'}` : '';
    lines.push(`  ${r.name.padEnd(40)} median ${ms(r.medianMs).padStart(7)}  min ${ms(r.minMs).padStart(7)}  cpu ${ms(r.cpuMs).padStart(7)}${ratio}${verdict}`);
  }
  if (!peer) lines.push('  (python3 not found: no peer)');
  return lines;
}

/**
 * The start-up bench: the commands as this machine's environment runs them, and, when that
 * environment adds start-up work of its own to every process, a second table without it, so that
 * what plandiff costs is told apart from what the machine adds:
 * - NODE_EXTRA_CA_CERTS makes every Node process read and parse a certificate bundle before any of
 *   its own code runs (~70 ms on this 2-core machine; plandiff makes no network connection);
 * - a `python3` that is a version manager's shim script runs bash before Python.
 */
export function startupReport(root: string, rounds: number): string[] {
  const onPath = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;
  const lines = startupTable(root, rounds, onPath, {});
  const shimmed = onPath && shimmedPython();
  const caCerts = process.env.NODE_EXTRA_CA_CERTS;
  if (!caCerts && !shimmed) return lines;
  const without = [caCerts ? `NODE_EXTRA_CA_CERTS (${caCerts})` : '', shimmed ? `the python3 shim (${shimmed} run directly)` : ''].filter(Boolean);
  lines.push('', `  the same without what this machine adds to every process start: ${without.join(', ')}`);
  return [...lines, ...startupTable(root, rounds, shimmed || onPath, { NODE_EXTRA_CA_CERTS: undefined })];
}
