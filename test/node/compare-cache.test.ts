/**
 * The cache of comparisons (src/node/cache-compare.ts): `plandiff compare A B` run again on the
 * same two files reads the comparison back — whatever the output format — instead of aligning
 * again; an entry that cannot be trusted is ignored and rewritten; `--no-cache` neither reads nor
 * writes it; `plandiff cache clear` removes it. Run in this process (test/cli-run.ts), each test
 * with a cache folder of its own.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { COMPARISONS_FOLDER } from '../../src/node/cache.js';
import { runCli } from '../cli-run.js';
import { CORPUS } from './fixtures.js';

const A = join(CORPUS, 'khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt');
const B = join(CORPUS, 'khanh-hoa/2025-ubnd-cai-cach-tthc.txt');

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
function freshRoot(): string {
  const r = mkdtempSync(join(tmpdir(), 'plandiff-compare-cache-'));
  roots.push(r);
  return r;
}

/** The comparison entries under a cache folder. */
function comparisonEntries(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json.gz') && e.parentPath.endsWith(`/${COMPARISONS_FOLDER}`))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const compare = (root: string, ...args: string[]) => runCli(['compare', ...args], { env: { PLANDIFF_CACHE_DIR: root } });
const gunzip = (b: Buffer): string => gunzipSync(b).toString('utf8');

/** The head and the comparison of an entry. */
function readEntry(path: string): { head: Record<string, unknown>; body: Record<string, unknown> } {
  const text = gunzip(readFileSync(path));
  const nl = text.indexOf('\n');
  return { head: JSON.parse(text.slice(0, nl)) as Record<string, unknown>, body: JSON.parse(text.slice(nl + 1)) as Record<string, unknown> };
}

/** Removes the comparisons of a cache folder (its documents stay). */
function dropComparisons(root: string): void {
  for (const e of comparisonEntries(root)) rmSync(e);
}

/** A cache folder holding both plans and their comparison, made once; each test spoils a copy. */
let filledRoot: string | null = null;
async function filled(comparison = true): Promise<string> {
  if (!filledRoot) {
    filledRoot = freshRoot();
    expect((await compare(filledRoot, A, B, '--json')).code).toBe(0);
  }
  const root = freshRoot();
  cpSync(filledRoot, root, { recursive: true });
  if (!comparison) dropComparisons(root);
  return root;
}

/** What compare prints when it compares (the plans read back, no comparison stored), in each format the tests ask for (made once). */
const compared = new Map<string, string>();
let truthRoot: string | null = null;
async function truth(...args: string[]): Promise<string> {
  const k = args.join(' ');
  if (!compared.has(k)) {
    truthRoot ??= await filled(false);
    const r = await compare(truthRoot, A, B, ...args);
    dropComparisons(truthRoot);
    expect(r.code).toBe(0);
    compared.set(k, r.stdout);
  }
  return compared.get(k)!;
}

describe('the cache of comparisons', () => {
  test('a repeated compare, in any output format, prints what the first printed, from one entry written once; --no-cache neither reads nor writes it', async () => {
    const root = await filled(false);
    const first = await compare(root, A, B, '--json');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(await truth('--json'));
    const [entry] = comparisonEntries(root);
    expect(comparisonEntries(root)).toHaveLength(1);
    const written = statSync(entry!).mtimeMs;
    const { head, body } = readEntry(entry!);
    expect(head).toMatchObject({ magic: 'plandiff-comparison', sides: [1, 0] }); // given child first: swapped
    expect([(body.a as { file: unknown }).file, (body.b as { file: unknown }).file]).toEqual([null, null]);
    for (const format of [['--json'], [], ['--format', 'md', '--lang', 'en'], ['--targets']]) {
      const again = await compare(root, A, B, ...format);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(await truth(...format));
      expect(again.stderr).toBe(first.stderr); // the orientation notes come with the comparison
    }
    expect(comparisonEntries(root)).toEqual([entry]);
    expect(statSync(entry!).mtimeMs).toBe(written);
    rmSync(entry!);
    expect((await compare(root, A, B, '--json', '--no-cache')).stdout).toBe(first.stdout);
    expect(comparisonEntries(root)).toEqual([]);
  });

  test('what a repeated compare prints is the stored comparison (it does not align again)', async () => {
    const root = await filled();
    const [entry] = comparisonEntries(root);
    const text = gunzip(readFileSync(entry!));
    const nl = text.indexOf('\n');
    const body = JSON.parse(text.slice(nl + 1)) as { alignments: Array<{ status: string }> };
    const k = body.alignments.findIndex((x) => x.status !== 'modified');
    body.alignments[k]!.status = 'modified';
    writeFileSync(entry!, gzipSync(`${text.slice(0, nl)}\n${JSON.stringify(body)}`));
    const read = JSON.parse((await compare(root, A, B, '--json')).stdout) as typeof body;
    expect(read.alignments[k]!.status).toBe('modified');
    const truthful = JSON.parse(await truth('--json')) as typeof body;
    expect(truthful.alignments[k]!.status).not.toBe('modified');
  });

  const gz = (s: string) => gzipSync(s);
  test.each([
    ['garbage bytes', (_: Buffer) => Buffer.from('not gzip at all')],
    ['a truncated entry', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['an entry of another program version', (b: Buffer) => gz(gunzip(b).replace(/"program":"[^"]+"/, '"program":"0.0.1-other"'))],
    ['an entry stored under another key', (b: Buffer) => gz(gunzip(b).replace(/"key":"[0-9a-f]{4}/, '"key":"ffff'))],
    ['an entry that is no comparison', (b: Buffer) => gz(`${gunzip(b).split('\n')[0]}\n{"a":{"file":null},"alignments":"oops"}`)],
    ['an entry whose sides name no file given', (b: Buffer) => gz(gunzip(b).replace(/"sides":\[[^\]]*\]/, '"sides":[7,"x"]'))],
  ])('%s is ignored, the pair compared again and the entry rewritten', async (_, spoil) => {
    const root = await filled();
    const [entry] = comparisonEntries(root);
    const good = readFileSync(entry!);
    writeFileSync(entry!, spoil(good));
    const again = await compare(root, A, B, '--json');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(await truth('--json'));
    expect(comparisonEntries(root)).toEqual([entry]);
    expect(gunzip(readFileSync(entry!))).toBe(gunzip(good));
  });

  test('the key is the two contents in order and the options that change the comparison, not the paths: copies elsewhere read the entry back under their own paths', async () => {
    const root = await filled();
    const peer = await compare(root, A, B, '--json', '--relation', 'peer');
    expect(peer.stdout).toBe(await truth('--json', '--relation', 'peer'));
    const reversed = await compare(root, B, A, '--json');
    expect(comparisonEntries(root)).toHaveLength(3);
    // the same two files under other folders: the same entry, the paths of this run printed
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    const [a2, b2] = [join(elsewhere, '2024-so-cong-thuong-cai-cach-tthc.txt'), join(elsewhere, '2025-ubnd-cai-cach-tthc.txt')];
    copyFileSync(A, a2);
    copyFileSync(B, b2);
    const copied = await compare(root, a2, b2, '--json');
    expect(comparisonEntries(root)).toHaveLength(3);
    expect(copied.stdout).toBe((await truth('--json')).split(JSON.stringify(A).slice(1, -1)).join(a2).split(JSON.stringify(B).slice(1, -1)).join(b2));
    const parsed = JSON.parse(reversed.stdout) as { a: { file: string }; b: { file: string } };
    expect([parsed.a.file, parsed.b.file]).toEqual([B, A]); // B A: parent first already, kept as given
    // one byte more in a plan: another entry
    writeFileSync(b2, `${readFileSync(b2, 'utf8')}\n`);
    await compare(root, a2, b2, '--json');
    expect(comparisonEntries(root)).toHaveLength(4);
  });

  test('plandiff cache clear removes the comparisons with the documents', async () => {
    const root = await filled();
    expect(comparisonEntries(root)).toHaveLength(1);
    const cleared = await runCli(['cache', 'clear'], { env: { PLANDIFF_CACHE_DIR: root } });
    expect(cleared.code).toBe(0);
    expect(comparisonEntries(root)).toEqual([]);
  });
});
