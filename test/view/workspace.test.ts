import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compareDocuments } from '../../src/compare/compare.js';
import { buildLineage } from '../../src/corpus/lineage.js';
import { dispatch } from '../../src/view/protocol.js';
import { Workspace, WorkspaceError, type KeptDocuments, type KeptReading } from '../../src/view/workspace.js';
import { corpusPath, seed, SEEDS } from '../corpus.js';
import { corpusWorkspace } from './load.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('Workspace', () => {
  test('reads every seed plan from its bytes, with the meta the CLI reads', async () => {
    const ws = await corpusWorkspace();
    const summaries = ws.summaries();
    expect(summaries.map((s) => s.file)).toEqual(Object.values(SEEDS));
    for (const s of summaries) {
      expect(s.error).toBeNull();
      const cli = seed(Object.entries(SEEDS).find(([, f]) => f === s.file)![0] as keyof typeof SEEDS);
      expect(s.meta?.title).toBe(cli.meta.title);
      expect(s.targets).toBe(cli.targets.length);
    }
  });

  test('builds the same lineage graph as buildLineage over the CLI parses', async () => {
    const ws = await corpusWorkspace();
    const expected = buildLineage(Object.entries(SEEDS).map(([name, file]) => ({ file, doc: seed(name as keyof typeof SEEDS) })));
    const graph = ws.lineage();
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    expect(graph.edges.length).toBe(expected.edges.length);
  });

  test('compares 000 with 003 as compareDocuments does', async () => {
    const ws = await corpusWorkspace();
    const got = ws.compare(SEEDS.sct2024, SEEDS.gddt2024);
    const want = compareDocuments(seed('sct2024'), seed('gddt2024'));
    expect(got.alignments.map((a) => a.status)).toEqual(want.alignments.map((a) => a.status));
    expect(ws.compare(SEEDS.sct2024, SEEDS.gddt2024)).toBe(got);
  });

  test('builds the corpus graph once for the lineage tab and the trends while there are no uploads', async () => {
    // a workspace of its own: the shared one (load.ts) is read by other files in the same worker, and this test adds an upload
    const ws = new Workspace();
    for (const file of Object.values(SEEDS)) await ws.add({ file, source: 'corpus', bytes: readFileSync(corpusPath(file)) });
    const web = ws.lineage({ uploads: true });
    expect(ws.lineage()).toBe(web);
    expect(ws.trends().trends.series.length).toBeGreaterThan(0);
    expect(ws.lineage({ uploads: true })).toBe(web);
    await ws.add({ file: 'upload:gddt.txt', source: 'upload', bytes: readFileSync(corpusPath(SEEDS.gddt2024)) });
    expect(ws.lineage({ uploads: true })).not.toBe(ws.lineage());
    expect(ws.lineage({ uploads: true }).nodes.some((n) => n.file === 'upload:gddt.txt')).toBe(true);
  });

  test('gives the fidelity of 003 to 004 with a matrix whose first column is the child', async () => {
    const ws = await corpusWorkspace();
    const { report, matrix } = ws.fidelity(SEEDS.ubnd2025, SEEDS.gddt2024, [SEEDS.sct2024, SEEDS.ubnd2025]);
    expect(report.child.file).toBe(SEEDS.gddt2024);
    expect(matrix.plans.map((p) => p.file)).toEqual([SEEDS.gddt2024, SEEDS.sct2024]);
  });

  test('keeps uploads out of the lineage graph but compares them with corpus plans', async () => {
    const ws = new Workspace();
    await ws.add({ file: SEEDS.sct2024, source: 'corpus', bytes: readFileSync(corpusPath(SEEDS.sct2024)) });
    await ws.add({ file: 'upload:gddt.txt', source: 'upload', bytes: readFileSync(corpusPath(SEEDS.gddt2024)) });
    expect(ws.lineage().nodes.filter((n) => n.file).map((n) => n.file)).toEqual([SEEDS.sct2024]);
    expect(ws.compare(SEEDS.sct2024, 'upload:gddt.txt').alignments.length).toBeGreaterThan(20);
  });

  test('puts readable uploads in the web view\'s graph, and takes a removed one out again', async () => {
    const ws = new Workspace();
    await ws.add({ file: SEEDS.sct2024, source: 'corpus', bytes: readFileSync(corpusPath(SEEDS.sct2024)) });
    await ws.add({ file: 'upload:gddt.txt', source: 'upload', bytes: readFileSync(corpusPath(SEEDS.gddt2024)) });
    await ws.add({ file: 'upload:empty.txt', source: 'upload', bytes: new Uint8Array(0) });
    const files = (g: ReturnType<Workspace['lineage']>) => g.nodes.flatMap((n) => n.files ?? (n.file ? [n.file] : [])).sort();
    expect(files(ws.lineage({ uploads: true }))).toEqual([SEEDS.sct2024, 'upload:gddt.txt'].sort());
    expect(ws.lineage({ uploads: true }).skipped?.map((s) => s.file)).toEqual(['upload:empty.txt']);
    ws.remove('upload:gddt.txt');
    expect(files(ws.lineage({ uploads: true }))).toEqual([SEEDS.sct2024]);
  });

  test.each([
    ['an empty file', 'empty.txt', new Uint8Array(0), 'empty'],
    ['a binary file', 'data.txt', new Uint8Array([0x41, 0, 0x42, 0, 1, 2, 3, 4, 0, 0, 5, 6, 7, 8, 0, 0]), 'binary'],
    ['a PNG image named .txt', 'image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'unsupported'],
    ['a legacy .doc', 'ke-hoach.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'unsupported'],
  ])('reports %s as unreadable with a reason, without throwing', async (_what, name, data, code) => {
    const ws = new Workspace();
    const s = await ws.add({ file: `upload:${name}`, source: 'upload', bytes: data });
    expect(s.error?.code).toBe(code);
    expect(s.meta).toBeNull();
    expect(() => ws.compare(`upload:${name}`, `upload:${name}`)).toThrow(/could not be read/);
  });

  test('names the plan when asked to compare one it does not have', () => {
    expect(() => new Workspace().compare('a.txt', 'b.txt')).toThrow(WorkspaceError);
    expect(() => new Workspace().compare('a.txt', 'b.txt')).toThrow(/a\.txt: no such plan/);
  });

  test('forgets a removed plan and its comparisons', async () => {
    const ws = new Workspace();
    await ws.add({ file: 'upload:a.txt', source: 'upload', bytes: readFileSync(corpusPath(SEEDS.bacgiang2023)) });
    ws.remove('upload:a.txt');
    expect(ws.summaries()).toEqual([]);
  });

  test('never throws on garbage bytes (random, control characters, odd Unicode)', async () => {
    const ws = new Workspace();
    let seedN = 7;
    const random = (): number => ((seedN = (seedN * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const samples = [
      bytes('Điều 1.\n\n\n a) \t- + •\nII.\nPL.I'),
      bytes('\uFEFF\u0301\u0300 Số: /QĐ-UBND ngày tháng năm'),
      Uint8Array.from({ length: 3000 }, () => Math.floor(random() * 256)),
      bytes('x'.repeat(100_000)),
    ];
    for (const [k, b] of samples.entries()) await expect(ws.add({ file: `upload:g${k}.txt`, source: 'upload', bytes: b })).resolves.toBeDefined();
  });
});

describe('dispatch (the worker protocol)', () => {
  test('runs an add call and reports progress per plan', async () => {
    const ws = new Workspace();
    const progress: number[] = [];
    const out = await dispatch(ws, 'add', { files: [{ file: SEEDS.bacgiang2023, source: 'corpus', bytes: readFileSync(corpusPath(SEEDS.bacgiang2023)) }] }, (done) => progress.push(done));
    expect(out[0]?.meta?.issuer).toBe('Sở Công Thương tỉnh Bắc Giang');
    expect(progress).toEqual([1]);
  });

  test('refuses an unknown call with a message naming it', async () => {
    await expect(dispatch(new Workspace(), 'explode' as never, {} as never)).rejects.toThrow(/unknown analysis call "explode"/);
  });
});

describe('Workspace with kept readings (the web view keeps corpus plans in the browser)', () => {
  /** An in-memory KeptDocuments that records its calls. */
  const memory = () => {
    const store = new Map<string, KeptReading>();
    const calls: string[] = [];
    const kept: KeptDocuments = {
      get: async (file) => {
        calls.push(`get ${file}`);
        return store.get(file) ?? null;
      },
      put: async (file, _bytes, reading) => {
        calls.push(`put ${file}`);
        store.set(file, reading);
      },
    };
    return { store, calls, kept };
  };

  test('a corpus plan read once is kept; a second workspace lists it from the kept reading without ingesting it', async () => {
    const m = memory();
    const plan = { file: SEEDS.sct2024, source: 'corpus' as const, bytes: readFileSync(corpusPath(SEEDS.sct2024)) };
    const first = await new Workspace({ kept: m.kept }).add(plan);
    expect(m.calls).toEqual([`get ${SEEDS.sct2024}`, `put ${SEEDS.sct2024}`]);
    const ingested: string[] = [];
    const second = new Workspace({ kept: m.kept, ingest: async (_b, name) => { ingested.push(name); throw new Error('not expected'); } });
    const again = await second.add(plan);
    expect(ingested).toEqual([]);
    expect({ ...again, ms: 0 }).toEqual({ ...first, ms: 0 });
    expect(second.document(SEEDS.sct2024)).toBe(m.store.get(SEEDS.sct2024)!.doc);
  });

  test('uploads and unreadable plans are never kept', async () => {
    const m = memory();
    const ws = new Workspace({ kept: m.kept });
    await ws.add({ file: 'upload:gddt.txt', source: 'upload', bytes: readFileSync(corpusPath(SEEDS.gddt2024)) });
    const empty = await ws.add({ file: 'empty.txt', source: 'corpus', bytes: new Uint8Array(0) });
    expect(empty.error?.code).toBe('empty');
    expect(m.calls).toEqual(['get empty.txt']);
    expect(m.store.size).toBe(0);
  });
});
