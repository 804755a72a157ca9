/**
 * Whole-process timings of the command as a user runs it, beside a peer measured in the same run:
 * `plandiff --help`, `plandiff compare A B --json` on two sample plans, and a plain Python difflib
 * script doing a naive version of the same compare (test/bench/difflib-compare.py). The commands
 * are run in interleaved rounds (help, compare, peer, help, compare, peer, …) so that a busy
 * machine slows each of them alike, and the medians are compared.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One command of the run. */
export interface TimedCommand {
  /** Short name printed in the table. */
  name: string;
  /** Program and arguments. */
  argv: string[];
}

/** Median and spread of one command's runs. */
export interface CommandTiming {
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
export function interleaved(commands: TimedCommand[], rounds: number, cwd: string): CommandTiming[] {
  const wall = commands.map(() => [] as number[]);
  const cpu = commands.map(() => [] as number[]);
  for (let r = -1; r < rounds; r++) {
    commands.forEach((c, k) => {
      const cpu0 = childrenCpuMs();
      const t0 = performance.now();
      const out = spawnSync(c.argv[0]!, c.argv.slice(1), { cwd, encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** The commands of the start-up bench, for a repository root; the peer is left out when python3 is missing. */
export function startupCommands(root: string): TimedCommand[] {
  const bin = join(root, 'dist', 'src', 'bin', 'plandiff.js');
  const main = existsSync(bin) ? bin : join(root, 'dist', 'src', 'cli', 'main.js');
  const a = join(root, 'corpus/khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt');
  const b = join(root, 'corpus/khanh-hoa/2025-ubnd-cai-cach-tthc.txt');
  const commands: TimedCommand[] = [
    { name: 'plandiff --help', argv: [process.execPath, main, '--help'] },
    { name: 'plandiff compare A B --json', argv: [process.execPath, main, 'compare', a, b, '--json'] },
  ];
  const python = spawnSync('python3', ['--version']);
  if (python.status === 0) commands.push({ name: 'python3 difflib-compare.py A B', argv: ['python3', join(root, 'test/bench/difflib-compare.py'), a, b] });
  return commands;
}
