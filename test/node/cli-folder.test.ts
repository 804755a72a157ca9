/**
 * Folder runs of the built binary (package.json `bin`), as a user runs them: worker threads and the
 * cache of parsed documents change nothing in the output, a second run reads what did not change
 * from the cache, a spoiled cache is rewritten, and no progress is drawn when stderr is not a
 * terminal (on one, under `script`, it is). These stay runs of the binary, which reads back what
 * its own program version wrote (the command line run in this process hashes the sources: its
 * cache entries are another version's). The single-thread run and `cache dir` / `cache clear` run
 * in this process.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, runBinary } from '../binary.js';
import { runCli } from '../cli-run.js';
import { planFolder, shortPlanFolder } from './fixtures.js';

/** The built binary. */
async function plandiff(args: string[], env: Record<string, string>) {
  const r = await runBinary(args, { env, timeout: 120_000 });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

/** The command line run in this process. */
async function inProcess(args: string[], env: Record<string, string>) {
  const r = await runCli(args, { env });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

function entries(root: string): string[] {
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      // plans' entries (the graphs of whole runs are tested in lineage-cache.test.ts)
      .filter((e) => e.isFile() && (e.name.endsWith('.json.gz') || e.name.endsWith('.lineage')) && !e.parentPath.endsWith('graphs'))
      .map((e) => join(e.parentPath, e.name))
      .sort();
  } catch {
    return [];
  }
}

describe('plandiff lineage on every core, through the cache (needs the built binary)', () => {
  const dir = planFolder(3);
  const cache = mkdtempSync(join(tmpdir(), 'plandiff-cli-cache-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  test('one thread (in this process), two threads cold and two threads warm (the binary) print the same graph byte for byte', async () => {
    const one = await inProcess(['lineage', dir, '--json', '--no-cache'], { PLANDIFF_THREADS: '1' });
    expect(one.status).toBe(3); // the empty and the binary file are skipped and listed
    const graph = JSON.parse(one.stdout) as { nodes: unknown[]; skipped: Array<{ file: string }> };
    expect(graph.skipped.map((s) => s.file)).toEqual(['copy-0/empty.txt', 'copy-1/binary.txt']);
    expect(entries(cache)).toEqual([]);
    const cold = await plandiff(['lineage', dir, '--json'], { PLANDIFF_THREADS: '2', PLANDIFF_CACHE_DIR: cache });
    // three copies of five plans: one entry per content, a lineage record (lineage needs no more)
    expect(entries(cache).map((e) => e.slice(e.lastIndexOf('.')))).toEqual(Array(5).fill('.lineage'));
    const warm = await plandiff(['lineage', dir, '--json'], { PLANDIFF_THREADS: '2', PLANDIFF_CACHE_DIR: cache });
    for (const r of [cold, warm]) {
      expect(r.status).toBe(3);
      expect(r.stdout).toBe(one.stdout);
      expect(r.stderr).toBe(one.stderr); // the skip lines, and no progress: stderr is no terminal
    }
    // the skip lines and the lineage notes, and no progress bar
    const lines = one.stderr.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual([expect.stringMatching(/skipped copy-0\/empty\.txt: is empty/), expect.stringMatching(/skipped copy-1\/binary\.txt:/)]);
    for (const line of lines.slice(2)) expect(line).toMatch(/^plandiff: note: /);
  });

  test('after one plan changes, only that plan is parsed again (one new cache entry)', async () => {
    // the cache the first test filled (filled here when this test runs alone)
    if (entries(cache).length === 0) await plandiff(['lineage', dir, '--json'], { PLANDIFF_CACHE_DIR: cache });
    const before = new Map(entries(cache).map((e) => [e, statSync(e).mtimeMs]));
    appendFileSync(join(dir, 'copy-2', 'khanh-hoa', '2024-so-gddt-cai-cach-tthc.txt'), '\n- Các phòng tổ chức thực hiện.\n');
    const r = await plandiff(['lineage', dir, '--json'], { PLANDIFF_CACHE_DIR: cache });
    expect(r.status).toBe(3);
    const after = entries(cache);
    expect(after.filter((e) => !before.has(e))).toHaveLength(1);
    expect(after.filter((e) => before.has(e) && statSync(e).mtimeMs !== before.get(e))).toEqual([]);
  });

  test('spoiled entries are not trusted: the output stays the same and the entries are rewritten whole', async () => {
    // the graph of no cache, one thread, in this process (the first test: the binary's on two threads is the same)
    const expected = (await inProcess(['lineage', dir, '--json', '--no-cache'], { PLANDIFF_THREADS: '1' })).stdout;
    const spoiled = entries(cache);
    spoiled.forEach((e, k) => writeFileSync(e, k % 2 ? readFileSync(e).subarray(0, 40) : Buffer.from('{"meta":{}}')));
    const r = await plandiff(['lineage', dir, '--json'], { PLANDIFF_CACHE_DIR: cache });
    expect(r.stdout).toBe(expected);
    for (const e of spoiled) expect(readFileSync(e).subarray(4, 40).toString('utf8')).toMatch(/^\{"magic":"plandiff-lineage-record"/);
    // and read back whole by the next run: the same graph from the rewritten records
    expect((await plandiff(['lineage', dir, '--json'], { PLANDIFF_CACHE_DIR: cache })).stdout).toBe(expected);
  });

  test('cache dir names the cache and cache clear empties it', async () => {
    expect((await inProcess(['cache', 'dir'], { PLANDIFF_CACHE_DIR: cache })).stdout.trim()).toBe(cache);
    expect(entries(cache).length).toBeGreaterThan(0);
    const r = await inProcess(['cache', 'clear'], { PLANDIFF_CACHE_DIR: cache });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/cleared/);
    expect(entries(cache)).toEqual([]);
  });
});

/** `script` (util-linux) runs a command on a pseudo-terminal, as a user's shell does. */
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!HAS_SCRIPT)('progress on a terminal (needs util-linux script)', () => {
  // 52 files, over the 50 from which a bar is drawn; short ones: what is tested is the bar, not the parser
  const dir = shortPlanFolder(50);
  const cache = mkdtempSync(join(tmpdir(), 'plandiff-tty-cache-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  const onTerminal = (extra: string) => {
    const log = join(cache, 'typescript.log');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} outline ${JSON.stringify(dir)} ${extra} > /dev/null`;
    spawnSync('script', ['-qec', command, log], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, PLANDIFF_CACHE_DIR: cache } });
    return readFileSync(log, 'utf8');
  };

  test('a long folder run draws files read / total, rate and time left on stderr; --quiet draws nothing', () => {
    const drawn = onTerminal('');
    expect(drawn).toMatch(/plandiff reading \[[^\]]*\] \d+\/52 files \| \d+ files\/s \| \w+ left/);
    const quiet = onTerminal('--quiet');
    expect(quiet).not.toMatch(/plandiff reading/);
    expect(quiet).toMatch(/skipped copy-0\/empty\.txt/); // what is skipped is still said
  });
});

