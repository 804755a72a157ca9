import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { cacheDirFor, clearCache, DocumentCache, programFingerprint, userCacheDir } from '../../src/node/cache.js';
import { listPlanFiles } from '../../src/node/files.js';
import { parsePlanFiles, type PlanFileResult } from '../../src/node/pool.js';
import { childImports } from '../binary.js';
import { planFolder, ROOT } from './fixtures.js';

const PROGRAM = programFingerprint(join(ROOT, 'src', 'node', 'parse-worker.ts'), 'test');

async function run(dir: string, cache: DocumentCache, threads = 1): Promise<{ docs: string[]; stats: DocumentCache['stats'] }> {
  const files = await listPlanFiles(dir);
  const pool = parsePlanFiles(files, { threads, cache, minFilesForWorkers: 1 });
  const docs: string[] = [];
  for await (const r of pool as AsyncIterable<PlanFileResult>) docs.push(r.error ? `error ${r.error.message}` : JSON.stringify(r.doc));
  return { docs, stats: { ...pool.stats } };
}

/** Every entry file of a cache folder. */
function entries(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json.gz'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('DocumentCache', () => {
  const dir = planFolder(1);
  const roots: string[] = [];
  const freshRoot = () => {
    const r = mkdtempSync(join(tmpdir(), 'plandiff-cache-'));
    roots.push(r);
    return r;
  };
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });
  /** One cold run's cache folder and documents, made once and copied by the tests that spoil entries. */
  let cold: { root: string; docs: string[] } | null = null;
  const filled = async () => {
    if (!cold) {
      const root = freshRoot();
      cold = { root, docs: (await run(dir, new DocumentCache(root, PROGRAM))).docs };
    }
    return cold;
  };

  test('a second run reads every plan back from the cache, and the documents are the ones parsed', async () => {
    const root = freshRoot();
    const first = await run(dir, new DocumentCache(root, PROGRAM));
    expect(first.stats).toEqual({ hits: 0, misses: 7, rejected: 0, writes: 5 }); // the two bad files are not stored
    const second = await run(dir, new DocumentCache(root, PROGRAM));
    expect(second.stats).toEqual({ hits: 5, misses: 2, rejected: 0, writes: 0 });
    expect(second.docs).toEqual(first.docs);
  });

  test('worker threads share the cache and hand back the same documents', async () => {
    // one run on two threads (its workers start the built parse worker when the build is up to date: src/node/pool.ts)
    // that both reads and writes: three entries there, two to make
    const root = freshRoot();
    const one = await run(dir, new DocumentCache(root, PROGRAM));
    const made = entries(root);
    expect(made).toHaveLength(5);
    for (const e of made.slice(0, 2)) rmSync(e);
    const two = await run(dir, new DocumentCache(root, PROGRAM), 2);
    expect(two.stats).toEqual({ hits: 3, misses: 4, rejected: 0, writes: 2 });
    expect(two.docs).toEqual(one.docs);
    expect(entries(root)).toEqual(made);
    const warm = await run(dir, new DocumentCache(root, PROGRAM));
    expect(warm.stats.hits).toBe(5);
    expect(warm.docs).toEqual(one.docs);
  });

  test('after one file changes, only that file is parsed again', async () => {
    const root = freshRoot();
    const copy = planFolder(1);
    try {
      await run(copy, new DocumentCache(root, PROGRAM));
      const changed = (await listPlanFiles(copy)).find((f) => f.relative.endsWith('2024-so-gddt-cai-cach-tthc.txt'))!;
      appendFileSync(changed.path, '\nIII. TỔ CHỨC THỰC HIỆN\n1. Các phòng tổ chức thực hiện.\n');
      const again = await run(copy, new DocumentCache(root, PROGRAM));
      expect(again.stats).toEqual({ hits: 4, misses: 3, rejected: 0, writes: 1 });
      expect(again.docs.find((d) => d.includes('Các phòng tổ chức thực hiện'))).toBeDefined();
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  test.each([
    ['garbage bytes', (_: Buffer) => Buffer.from('not gzip at all')],
    ['a truncated entry', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['an entry of another program version', (b: Buffer) => gzipSync(gunzip(b).replace(/"program":"[^"]+"/, '"program":"0.0.1-other"'))],
    ['an entry stored under another key', (b: Buffer) => gzipSync(gunzip(b).replace(/"key":"[0-9a-f]{4}/, '"key":"ffff'))],
    ['an entry that is no parsed document', (b: Buffer) => gzipSync(`${gunzip(b).split('\n')[0]}\n{"meta":{},"clauses":"oops"}`)],
  ])('%s is ignored, the plan parsed again and the entry rewritten', async (_, spoil) => {
    const root = freshRoot();
    const first = await filled();
    cpSync(first.root, root, { recursive: true });
    for (const e of entries(root)) writeFileSync(e, spoil(readFileSync(e)));
    const second = await run(dir, new DocumentCache(root, PROGRAM));
    expect(second.stats).toEqual({ hits: 0, misses: 2, rejected: 5, writes: 5 });
    expect(second.docs).toEqual(first.docs);
    const third = await run(dir, new DocumentCache(root, PROGRAM));
    expect(third.stats.hits).toBe(5);
  });

  test('two processes filling one cache at once both finish with the same documents, and leave whole entries', async () => {
    const root = freshRoot();
    // plain JavaScript on the built modules (test/binary.ts childImports): through tsx, each process compiled the parser first
    const { execArgv, urls } = childImports(['node/cache.js', 'node/files.js', 'node/pool.js']);
    const [cacheModule, filesModule, poolModule] = urls.map((u) => JSON.stringify(u));
    const script = join(freshRoot(), 'fill.mjs');
    writeFileSync(
      script,
      `import { DocumentCache } from ${cacheModule};
import { listPlanFiles } from ${filesModule};
import { parsePlanFiles } from ${poolModule};
const cache = new DocumentCache(process.argv[2], process.argv[3]);
const out = [];
for await (const r of parsePlanFiles(await listPlanFiles(process.argv[4]), { threads: 1, cache })) out.push(r.doc ? JSON.stringify(r.doc) : r.error.message);
process.stdout.write(JSON.stringify(out));
`,
    );
    const spawnFill = () =>
      new Promise<string>((resolve, reject) => {
        const p = spawn(process.execPath, [...execArgv, script, root, PROGRAM, dir], { cwd: ROOT });
        let out = '';
        let err = '';
        p.stdout.setEncoding('utf8');
        p.stdout.on('data', (d: string) => (out += d));
        p.stderr.on('data', (d: Buffer) => (err += d));
        p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
      });
    const [a, b] = await Promise.all([spawnFill(), spawnFill()]);
    expect(a).toBe(b);
    expect(entries(root).length).toBe(5);
    expect(readdirSync(root, { recursive: true }).filter((n) => String(n).endsWith('.tmp'))).toEqual([]);
    const warm = await run(dir, new DocumentCache(root, PROGRAM));
    expect(warm.stats.hits).toBe(5);
    expect(JSON.stringify(warm.docs.map((d) => (d.startsWith('error ') ? d.slice(6) : d)))).toBe(a);
  }, 120_000);

  test('writing for one program version removes the entries of versions untouched for a day, not of recent ones', async () => {
    const root = freshRoot();
    await run(dir, new DocumentCache(root, 'old-version'));
    await run(dir, new DocumentCache(root, 'recent-version'));
    const old = join(root, 'v1', 'old-version');
    const dayAgo = new Date(Date.now() - 25 * 3600 * 1000);
    utimesSync(old, dayAgo, dayAgo);
    const current = await run(dir, new DocumentCache(root, PROGRAM));
    expect(current.stats.writes).toBe(5);
    expect(readdirSync(join(root, 'v1')).sort()).toEqual([PROGRAM, 'recent-version'].sort());
  });

  test('a folder run removes the temporary files of killed writers untouched for ten minutes, never a live writer\'s nor a young one', async () => {
    const root = freshRoot();
    await run(dir, new DocumentCache(root, PROGRAM));
    const [entry] = entries(root);
    const killed = spawnSync(process.execPath, ['-e', '0']).pid; // a writer that is gone
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']); // one that still runs
    try {
      const old = new Date(Date.now() - 11 * 60 * 1000);
      const graphs = join(root, 'v1', PROGRAM, 'graphs');
      mkdirSync(graphs, { recursive: true });
      const temporaries = {
        killed: `${entry}.${killed}-0-0123abcd.tmp`,
        killedGraph: join(graphs, `${'0'.repeat(64)}.json.gz.${killed}-2-89abcdef.tmp`),
        young: `${entry}.${killed}-1-4567cdef.tmp`,
        live: `${entry}.${live.pid}-0-fedc3210.tmp`,
        notOurs: join(graphs, 'notes.tmp'),
      };
      for (const [name, path] of Object.entries(temporaries)) {
        writeFileSync(path, 'half an entry');
        if (name !== 'young') utimesSync(path, old, old);
      }
      const warm = await run(dir, new DocumentCache(root, PROGRAM));
      expect(warm.stats).toMatchObject({ hits: 5, writes: 0 });
      const left = Object.entries(temporaries).filter(([, path]) => readdirSync(join(path, '..')).includes(path.split('/').pop()!)).map(([name]) => name);
      expect(left).toEqual(['young', 'live', 'notOurs']);
    } finally {
      live.kill();
    }
  });

  test('clearCache removes every entry of every program version', async () => {
    const root = freshRoot();
    await run(dir, new DocumentCache(root, PROGRAM));
    await run(dir, new DocumentCache(root, 'another-version'));
    expect(entries(root).length).toBe(10);
    expect(await clearCache(root)).toBe(true);
    expect(entries(root)).toEqual([]);
    expect(await clearCache(root)).toBe(false);
  });
});

describe('where the cache lives', () => {
  test('PLANDIFF_CACHE_DIR wins, then a .plandiff/ folder the user made, then the user cache folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'plandiff-where-'));
    try {
      expect(cacheDirFor(folder, { PLANDIFF_CACHE_DIR: '/x/y' })).toBe('/x/y');
      expect(cacheDirFor(folder, { XDG_CACHE_HOME: '/home/u/.cache' })).toBe(process.platform === 'linux' ? '/home/u/.cache/plandiff' : userCacheDir({}));
      mkdirSync(join(folder, '.plandiff'));
      expect(cacheDirFor(folder, {})).toBe(join(folder, '.plandiff', 'cache'));
      expect(userCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32')).toMatch(/plandiff.Cache$/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('the program fingerprint changes when any module the parser imports changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-fp-'));
    try {
      writeFileSync(join(dir, 'entry.js'), "import { a } from './a.js';\nexport const b = a;\n");
      writeFileSync(join(dir, 'a.js'), 'export const a = 1;\n');
      const before = programFingerprint(join(dir, 'entry.js'), '1.0.0');
      expect(programFingerprint(join(dir, 'entry.js'), '1.0.0')).toBe(before);
      writeFileSync(join(dir, 'a.js'), 'export const a = 2;\n');
      expect(programFingerprint(join(dir, 'entry.js'), '1.0.0')).not.toBe(before);
      expect(programFingerprint(join(dir, 'entry.js'), '1.0.1')).not.toBe(programFingerprint(join(dir, 'entry.js'), '1.0.0'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function gunzip(b: Buffer): string {
  return gunzipSync(b).toString('utf8');
}
