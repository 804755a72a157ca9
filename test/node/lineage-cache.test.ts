/**
 * Lineage records (what `plandiff lineage` keeps of each plan: identity, citations, shingle set),
 * made in worker threads and cached beside the parsed documents: the graph built from records is
 * the graph built from the documents, byte for byte; a record entry that does not read back whole
 * is never trusted; and neither two runs at once nor a run killed in the middle of its writes
 * leaves an entry that a later run would misread.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildLineage, LineageBuilder } from '../../src/corpus/lineage.js';
import { DocumentCache, programFingerprint } from '../../src/node/cache.js';
import { listPlanFiles } from '../../src/node/files.js';
import { parsePlanFiles, planFileRecords } from '../../src/node/pool.js';
import { BIN, runBinary } from '../binary.js';
import { runCli } from '../cli-run.js';
import { planFolder, ROOT } from './fixtures.js';

const PROGRAM = programFingerprint(join(ROOT, 'src', 'node', 'parse-worker.ts'), 'test');

/** The graph of a folder through lineage records (threads, cache), and the cache's counters. */
async function graphOfRecords(dir: string, cache: DocumentCache | null, threads = 1) {
  const files = await listPlanFiles(dir);
  const run = planFileRecords(files, { threads, cache, minFilesForWorkers: 1 });
  const builder = new LineageBuilder();
  for await (const r of run) if (r.record) builder.addRecord(r.file.relative, r.record);
  return { json: JSON.stringify(builder.finish()), stats: { ...run.stats } };
}

/** The graph of a folder from the parsed documents, as `buildLineage` makes it. */
async function graphOfDocuments(dir: string): Promise<string> {
  const inputs = [];
  for await (const r of parsePlanFiles(await listPlanFiles(dir), { threads: 1 })) if (r.doc) inputs.push({ file: r.file.relative, doc: r.doc });
  return JSON.stringify(buildLineage(inputs));
}

/** A record entry with its head changed by `edit`, laid out again (head length and padding) as the cache lays it out. */
function editHead(entry: Buffer, edit: (head: Record<string, unknown>) => Record<string, unknown>): Buffer {
  const length = entry.readUInt32LE(0);
  const head = JSON.parse(entry.toString('utf8', 4, 4 + length)) as Record<string, unknown>;
  const bodyEnd = 4 + length + (head.body as number);
  const body = entry.subarray(4 + length, bodyEnd);
  const shingles = entry.subarray(bodyEnd + ((4 - (bodyEnd % 4)) % 4));
  const newHead = Buffer.from(JSON.stringify(edit(head)));
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(newHead.length);
  const pad = Buffer.alloc((4 - ((4 + newHead.length + body.length) % 4)) % 4);
  return Buffer.concat([prefix, newHead, body, pad, shingles]);
}

function flipBit(entry: Buffer, at: number): Buffer {
  const copy = Buffer.from(entry);
  copy[at] = copy[at]! ^ 1;
  return copy;
}

function records(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.lineage'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A folder of `plans` plans and fresh cache roots for one describe block, all removed after it. */
function scratch(plans: number): { dir: string; freshRoot: () => string } {
  const dir = planFolder(plans);
  const roots: string[] = [];
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });
  return {
    dir,
    freshRoot: () => {
      const r = mkdtempSync(join(tmpdir(), 'plandiff-records-'));
      roots.push(r);
      return r;
    },
  };
}

describe('lineage records', () => {
  const { dir, freshRoot } = scratch(2);
  /** One cold run's cache folder and graph, made once and copied by the tests that spoil entries. */
  let cold: { root: string; json: string } | null = null;
  const filled = async () => {
    if (!cold) {
      const root = freshRoot();
      cold = { root, json: (await graphOfRecords(dir, new DocumentCache(root, PROGRAM))).json };
    }
    return cold;
  };

  test('the graph built from records, cold, warm and on two threads, is the graph built from the documents', async () => {
    const expected = await graphOfDocuments(dir);
    expect(JSON.parse(expected).edges.some((e: { relation: string }) => e.relation === 'reuse')).toBe(true);
    expect((await graphOfRecords(dir, null)).json).toBe(expected);
    const root = freshRoot();
    const cold = await graphOfRecords(dir, new DocumentCache(root, PROGRAM), 2);
    expect(cold.json).toBe(expected);
    expect(records(root)).toHaveLength(5); // two copies of five plans: five contents
    // read back in this thread (the binary's warm run on two threads: cli-folder.test.ts)
    const warm = await graphOfRecords(dir, new DocumentCache(root, PROGRAM));
    expect(warm.json).toBe(expected);
    expect(warm.stats).toMatchObject({ hits: 10, rejected: 0, writes: 0 });
  });

  test('a plan with no record yet is made from its cached document, not parsed again', async () => {
    const root = freshRoot();
    for await (const r of parsePlanFiles(await listPlanFiles(dir), { threads: 1, cache: new DocumentCache(root, PROGRAM) })) void r;
    // mark the cached documents, so that a record made from them shows it
    const documents = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.name.endsWith('.json.gz'));
    expect(documents).toHaveLength(5);
    for (const e of documents) {
      const path = join(e.parentPath, e.name);
      const text = gunzipSync(readFileSync(path)).toString('utf8');
      const nl = text.indexOf('\n');
      const doc = JSON.parse(text.slice(nl + 1)) as { meta: { title: string | null } };
      doc.meta.title = 'read from the cached document';
      writeFileSync(path, gzipSync(`${text.slice(0, nl)}\n${JSON.stringify(doc)}`));
    }
    const from = await graphOfRecords(dir, new DocumentCache(root, PROGRAM));
    const plans = (JSON.parse(from.json) as { nodes: Array<{ file?: string; title: string | null }> }).nodes.filter((n) => n.file);
    expect(plans.map((n) => n.title)).toEqual(plans.map(() => 'read from the cached document'));
    expect(from.stats).toMatchObject({ hits: 5, writes: 5 }); // the second copy of each plan reads the first one's record
    expect(records(root)).toHaveLength(5);
  });

  test.each([
    ['garbage bytes', (_: Buffer) => Buffer.from('not a record')],
    ['a truncated entry', (b: Buffer) => b.subarray(0, b.length - 4)],
    ['an entry of another program version', (b: Buffer) => editHead(b, (h) => ({ ...h, program: '0.0.1-other' }))],
    ['an entry stored under another key', (b: Buffer) => editHead(b, (h) => ({ ...h, key: `f${String(h.key).slice(1)}` === h.key ? `e${String(h.key).slice(1)}` : `f${String(h.key).slice(1)}` }))],
    ['an entry shingled with other options', (b: Buffer) => editHead(b, (h) => ({ ...h, shingling: `5${String(h.shingling).slice(1)}` }))],
    ['one flipped bit in the shingle set', (b: Buffer) => flipBit(b, b.length - 3)],
    ['one flipped bit in the identity and citations', (b: Buffer) => flipBit(b, 4 + b.readUInt32LE(0) + 3)],
  ])('%s is not trusted: the plan is read again, the entry rewritten, the graph unchanged', async (_, spoil) => {
    const root = freshRoot();
    const first = await filled();
    cpSync(first.root, root, { recursive: true });
    const spoiled = records(root);
    expect(spoiled).toHaveLength(5);
    for (const e of spoiled) writeFileSync(e, spoil(readFileSync(e)));
    const second = await graphOfRecords(dir, new DocumentCache(root, PROGRAM));
    expect(second.json).toBe(first.json);
    // one thread, in list order: the first copy of each plan finds its entry spoiled and rewrites it, the second reads it back
    expect(second.stats).toMatchObject({ hits: 5, rejected: 5, writes: 5 });
    const third = await graphOfRecords(dir, new DocumentCache(root, PROGRAM));
    expect(third.stats).toMatchObject({ hits: 10, rejected: 0 });
    expect(third.json).toBe(first.json);
  });

  test('a builder refuses a record shingled with other options than its own', async () => {
    const [file] = await listPlanFiles(dir);
    for await (const r of planFileRecords([file!], { threads: 1 })) {
      expect(() => new LineageBuilder({ reuseOptions: { shingleWords: 5 } }).addRecord('a.txt', r.record!)).toThrow(/shingled with other options/);
      expect(() => new LineageBuilder({ reuse: false }).addRecord('a.txt', r.record!)).not.toThrow();
    }
  });
});

/**
 * `plandiff lineage DIR --json` run by the built binary, with a cache folder or none. The runs that
 * read a cache another run wrote are the binary's too: the command line run in this process is
 * another program version (its fingerprint hashes the sources), whose entries sit apart.
 */
const lineageOf = (dir: string) => (cache: string | null, threads = '2') =>
  runBinary(['lineage', dir, '--json', ...(cache ? [] : ['--no-cache'])], { env: { PLANDIFF_THREADS: threads, ...(cache ? { PLANDIFF_CACHE_DIR: cache } : {}) } });

/** `plandiff lineage DIR FORMAT` run in this process (one thread), with a cache folder or none. */
const lineageHere = (dir: string, format = '--json') => (cache: string | null) =>
  runCli(['lineage', dir, format, ...(cache ? [] : ['--no-cache'])], { env: { PLANDIFF_THREADS: '1', ...(cache ? { PLANDIFF_CACHE_DIR: cache } : {}) } });

/**
 * Starts `plandiff lineage DIR --json` (the built binary, two threads) on an empty cache folder and
 * kills it (SIGKILL) once `after` record entries are on disk: in the middle of its writes, whatever
 * the machine's load. Resolves with the signal that ended it and the entries there at the kill.
 */
function killWhileWriting(dir: string, root: string, after: number): Promise<{ signal: string | null; written: number }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, 'lineage', dir, '--json'], { env: { ...process.env, PLANDIFF_THREADS: '2', PLANDIFF_CACHE_DIR: root }, stdio: 'ignore' });
    let written = 0;
    const watch = setInterval(() => {
      try {
        written = records(root).length;
      } catch {
        return; // a folder made or a temporary file renamed during the walk: look again
      }
      if (written >= after) {
        clearInterval(watch);
        p.kill('SIGKILL');
      }
    }, 5);
    p.on('exit', (_code, signal) => {
      clearInterval(watch);
      resolve({ signal, written });
    });
  });
}

describe('the record cache under concurrent and interrupted runs (needs the built binary)', () => {
  // 17 files: enough for two worker threads in each run (pool.ts starts them from 16 files on)
  const { dir, freshRoot } = scratch(3);
  const lineage = lineageOf(dir);
  // the graph of no cache, one thread: made once, in this process (the binary prints the same, cli-folder.test.ts)
  let expected = '';
  beforeAll(async () => {
    expected = (await lineageHere(dir)(null)).stdout;
    expect(JSON.parse(expected).nodes.length).toBeGreaterThan(5);
  }, 120_000);

  test('two runs filling one cache at once print the graph of no cache, and leave only whole entries', async () => {
    const root = freshRoot();
    const [a, b] = await Promise.all([lineage(root), lineage(root)]);
    expect(a.stdout).toBe(expected);
    expect(b.stdout).toBe(expected);
    expect(records(root)).toHaveLength(5);
    expect(readdirSync(root, { recursive: true }).filter((n) => String(n).endsWith('.tmp'))).toEqual([]);
    const warm = await lineage(root);
    expect(warm.stdout).toBe(expected);
  }, 180_000);

  test('a run killed (SIGKILL) while it writes entries leaves none that the next run misreads', async () => {
    // killed once its first entry is written, four of the five still to come (a run that got them all
    // written before the kill landed, on a starved machine, is tried again)
    let root = freshRoot();
    let killed = await killWhileWriting(dir, root, 1);
    for (let attempt = 1; attempt < 3 && killed.written >= 5; attempt++) {
      root = freshRoot();
      killed = await killWhileWriting(dir, root, 1);
    }
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.written).toBeGreaterThanOrEqual(1);
    expect(killed.written).toBeLessThan(5);
    const after = await lineage(root);
    expect(after.stdout).toBe(expected);
    expect(records(root)).toHaveLength(5);
    const again = await lineage(root);
    expect(again.stdout).toBe(expected);
  }, 180_000);
});

describe('the graph cache (the command line in this process)', () => {
  // one copy of the corpus (7 files, parsed in one thread): what is tested is the graph read back or made again
  const { dir, freshRoot } = scratch(1);
  const lineage = lineageHere(dir);

  test('a run on an unchanged folder reads its graph back; a plan added, or a spoiled graph entry, makes the graph again', async () => {
    const root = freshRoot();
    const graphs = () => readdirSync(join(root, 'v1'), { recursive: true }).filter((n) => /(^|\/)graphs\/[0-9a-f]+\.json\.gz$/.test(String(n)));
    for (const format of ['--json', '--dot', '--graphml']) {
      const expected = await lineageHere(dir, format)(null);
      const first = await lineageHere(dir, format)(root);
      const second = await lineageHere(dir, format)(root);
      for (const r of [first, second]) {
        expect(r.stdout).toBe(expected.stdout);
        expect(r.stderr).toBe(expected.stderr);
        expect(r.code).toBe(expected.code);
      }
    }
    expect(graphs()).toHaveLength(1); // one folder state, one graph, whatever the format printed
    const [entry] = readdirSync(join(root, 'v1'), { recursive: true, withFileTypes: true }).filter((e) => e.parentPath.endsWith('graphs'));
    writeFileSync(join(entry!.parentPath, entry!.name), gzipSync('{"magic":"plandiff-lineage-graph"}\n{"nodes":[],"edges":[]}'));
    expect((await lineage(root)).stdout).toBe((await lineage(null)).stdout);
    const added = join(dir, 'copy-0', 'added.txt');
    writeFileSync(added, `${readFileSync(join(dir, 'copy-0', 'khanh-hoa', '2024-so-gddt-cai-cach-tthc.txt'), 'utf8')}\n- Các phòng tổ chức thực hiện.\n`);
    try {
      const withAdded = await lineage(root);
      expect(withAdded.stdout).toBe((await lineage(null)).stdout);
      expect(JSON.parse(withAdded.stdout).nodes.some((n: { file?: string }) => n.file === join('copy-0', 'added.txt'))).toBe(true);
      expect(graphs()).toHaveLength(2);
    } finally {
      rmSync(added);
    }
  }, 180_000);
});
