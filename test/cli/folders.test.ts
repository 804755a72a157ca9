/**
 * Folder runs (issues 10 and 11): whatever a folder holds, every entry that cannot be read is one
 * line on stderr and a row of the JSON's `skipped`, the exit status is 3, and every other file's
 * results are there; links inside the folder are followed once, links leaving it are reported;
 * order is code-point order whatever the locale; a closed pipe ends quietly. The command line runs
 * in this process; the built binary runs where the process itself is tested (the hostile folder's
 * exit status, another user, another locale, a closed pipe).
 */
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, runBinary, type BinaryOptions } from '../binary.js';
import { runCli } from '../cli-run.js';
import { corpusPath, SEEDS } from '../corpus.js';

/** The command line in this process (every path given is absolute). */
const plandiff = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env });

/** The built binary, run from the temp folder (nothing depends on the working directory). */
const binary = (args: string[], options: BinaryOptions = {}) => runBinary(args, { cwd: tmpdir(), ...options });

type Graph = { nodes: Array<{ file?: string; files?: string[]; warnings?: Array<{ code: string }> }>; skipped: Array<{ file: string; error: string }> };

/** A folder with two good plans and one of every kind of bad entry. */
function hostileFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-folder-'));
  chmodSync(dir, 0o755);
  copyFileSync(corpusPath(SEEDS.sct2024), join(dir, 'a.txt'));
  mkdirSync(join(dir, 'sub'));
  copyFileSync(corpusPath(SEEDS.gddt2024), join(dir, 'sub', 'b.txt'));
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 9]));
  writeFileSync(join(dir, 'empty.md'), '');
  writeFileSync(join(dir, 'fake.pdf'), 'not a pdf at all');
  symlinkSync('/etc/hostname', join(dir, 'outside.txt'));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
  symlinkSync(join(dir, 'a.txt'), join(dir, 'again.txt')); // a link to a plan of the folder: read once
  symlinkSync(dir, join(dir, 'sub', 'loop')); // a link back up: not walked twice
  return dir;
}

describe('a folder run never loses a file silently', () => {
  test('lineage lists every entry it could not read and keeps every readable plan; exit 3 (the built binary)', async () => {
    const dir = hostileFolder();
    const r = await binary(['lineage', dir, '--json']);
    expect(r.code).toBe(3);
    const graph = JSON.parse(r.stdout) as Graph;
    expect(graph.nodes.filter((n) => n.file).map((n) => n.file)).toEqual(['a.txt', 'sub/b.txt']);
    expect(graph.skipped.map((s) => s.file)).toEqual(['binary.txt', 'dangling.txt', 'empty.md', 'fake.pdf', 'outside.txt', 'sub/loop']);
    expect(graph.skipped.find((s) => s.file === 'outside.txt')!.error).toMatch(/leaves the folder/);
    expect(graph.skipped.find((s) => s.file === 'dangling.txt')!.error).toMatch(/dangling/);
    for (const s of graph.skipped) expect(r.stderr).toContain(`plandiff: skipped ${s.file}: `);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  test.skipIf(process.platform === 'win32')('a FIFO is reported, not waited on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-fifo-'));
    copyFileSync(corpusPath(SEEDS.sct2024), join(dir, 'a.txt'));
    await new Promise<void>((resolve, reject) => spawn('mkfifo', [join(dir, 'pipe.txt')]).on('exit', (c) => (c === 0 ? resolve() : reject(new Error('mkfifo')))));
    const r = await plandiff(['fidelity', dir, '--parent', corpusPath(SEEDS.ubnd2025), '--json']);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as { skipped: Array<{ file: string; error: string }> };
    expect(out.skipped).toEqual([{ file: 'pipe.txt', error: expect.stringMatching(/FIFO/) }]);
  });

  // As root every folder is readable: the test runs the binary as "nobody" when it can. Where it cannot
  // (no right to change user, or a checkout "nobody" cannot read) the test says so and skips.
  const root = process.getuid?.() === 0;
  test.skipIf(process.platform !== 'linux')('an unreadable subfolder is reported and the rest is read (the built binary, as another user)', async (context) => {
    const nobody = root ? { uid: 65534, gid: 65534 } : {};
    const probe = await binary(['--version'], nobody);
    if (probe.code !== 0) {
      console.log(`skipped: the built binary cannot be run as another user here (${probe.stderr.trim().split('\n')[0] || `status ${probe.code}`})`);
      context.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-locked-'));
    chmodSync(dir, 0o755);
    copyFileSync(corpusPath(SEEDS.sct2024), join(dir, 'a.txt'));
    chmodSync(join(dir, 'a.txt'), 0o644);
    mkdirSync(join(dir, 'locked'));
    copyFileSync(corpusPath(SEEDS.gddt2024), join(dir, 'locked', 'b.txt'));
    chmodSync(join(dir, 'locked'), 0o000);
    const r = await binary(['lineage', dir, '--json'], nobody);
    expect(r.stderr).toMatch(/skipped locked: cannot be listed \(permission denied\)/);
    expect(r.code).toBe(3);
    expect((JSON.parse(r.stdout) as Graph).nodes.filter((n) => n.file).map((n) => n.file)).toEqual(['a.txt']);
  });

  test('two files of one document are one node listing both, with a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-dup-'));
    copyFileSync(corpusPath(SEEDS.ubnd2025), join(dir, 'plan.txt'));
    mkdirSync(join(dir, 'copy'));
    copyFileSync(corpusPath(SEEDS.ubnd2025), join(dir, 'copy', 'plan.md'));
    copyFileSync(corpusPath(SEEDS.sct2024), join(dir, 'other.txt'));
    const r = await plandiff(['lineage', dir, '--json']);
    expect(r.code).toBe(0);
    const graph = JSON.parse(r.stdout) as Graph;
    const plan = graph.nodes.find((n) => n.files?.includes('plan.txt'))!;
    expect(plan.files).toEqual(['copy/plan.md', 'plan.txt']);
    expect(plan.file).toBe('copy/plan.md');
    expect(plan.warnings?.map((w) => w.code)).toEqual(['several-files']);
    expect(graph.nodes.filter((n) => n.file).length).toBe(2);
    expect(r.stderr).toMatch(/2 files carry this document/);
  });

  test('order is code-point order of the paths, whatever the locale (the built binary, in three locales)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-order-'));
    for (const name of ['Đà Nẵng.txt', 'b.txt', 'A.txt', 'ả.txt']) copyFileSync(corpusPath(SEEDS.sct2024), join(dir, name));
    const outlines = await Promise.all(['C', 'vi_VN.UTF-8', 'en_US.UTF-8'].map((LC_ALL) => binary(['outline', dir], { env: { LC_ALL, LANG: LC_ALL } })));
    const heads = outlines.map((o) => o.stdout.split('\n').filter((l) => l.startsWith('── ')).map((l) => l.slice(l.lastIndexOf('/') + 1)));
    expect(heads[0]).toEqual(['A.txt', 'b.txt', 'Đà Nẵng.txt', 'ả.txt']);
    expect(heads[1]).toEqual(heads[0]);
    expect(heads[2]).toEqual(heads[0]);
  });
});

describe('single files', () => {
  test('the same file as child and --parent is refused in one line, also through another path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-self-'));
    copyFileSync(corpusPath(SEEDS.sct2024), join(dir, 'p.txt'));
    symlinkSync(join(dir, 'p.txt'), join(dir, 'link.txt'));
    const r = await plandiff(['fidelity', join(dir, 'link.txt'), '--parent', `${dir}/./p.txt`]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/link\.txt: is the same file as --parent/);
  });

  test('control characters in a file name are escaped in messages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-ctl-'));
    const name = join(dir, 'bad\u001b[31mname.txt');
    writeFileSync(name, '');
    const r = await plandiff(['parse', name]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('bad\\x1b[31mname.txt: is empty');
  });

  test('a file over its time budget is one line naming it, exit 2, and skipped in a folder (PLANDIFF_TIME_LIMIT_MS)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-slow-'));
    // 200,000 lines: read whole, several seconds of CPU, ten times the budgets below (a million lines cost
    // 7 s of CPU before the first check of a 500 ms budget)
    writeFileSync(join(dir, 'long.txt'), `KẾ HOẠCH\n\n${Array.from({ length: 200_000 }, (_, i) => `- việc ${i}`).join('\n')}\n`);
    const one = await plandiff(['parse', join(dir, 'long.txt')], { PLANDIFF_TIME_LIMIT_MS: '20' });
    expect(one.code).toBe(2);
    expect(one.stderr.trim().split('\n')).toEqual([expect.stringMatching(/long\.txt: took longer than 20 ms while /)]);
    // a small plan that reads in milliseconds beside the long one, however busy the machine
    writeFileSync(join(dir, 'a.txt'), 'KẾ HOẠCH\nCải cách thủ tục hành chính năm 2025\n\nI. MỤC TIÊU\n\n1. Bảo đảm 100% hồ sơ được tiếp nhận trực tuyến.\n');
    const folder = await plandiff(['lineage', dir, '--json', '--no-cache'], { PLANDIFF_TIME_LIMIT_MS: '500' });
    expect(folder.code).toBe(3);
    const graph = JSON.parse(folder.stdout) as Graph;
    expect(graph.skipped).toEqual([{ file: 'long.txt', error: expect.stringMatching(/^took longer than 500 ms/) }]);
    expect(graph.nodes.filter((n) => n.file).map((n) => n.file)).toEqual(['a.txt']);
  });

  test('output into a closed pipe ends quietly with exit 0 (the built binary)', async () => {
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'parse', corpusPath(SEEDS.ubnd2025), '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('exit', (c) => {
        expect(err).toBe('');
        resolve(c ?? -1);
      });
    });
    expect(code).toBe(0);
  });
});
