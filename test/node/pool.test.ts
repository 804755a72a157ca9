import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listPlanFiles } from '../../src/node/files.js';
import { ReuseIndex } from '../../src/corpus/reuse.js';
import { parsePlanFiles, reusePairs, type PlanFileRef, type PlanFileResult } from '../../src/node/pool.js';
import { loadSeeds, synthesize } from '../../src/node/synth.js';
import { makeFolder } from '../../src/text/fold.js';
import { CORPUS, planFolder } from './fixtures.js';

/** One line per file: its relative path and its document as JSON, or its error. */
function rendering(results: PlanFileResult[]): string[] {
  return results.map((r) => `${r.index} ${r.file.relative} ${r.error ? `error: ${r.error.message}` : JSON.stringify(r.doc)}`);
}

async function collect(run: AsyncIterable<PlanFileResult>): Promise<PlanFileResult[]> {
  const out: PlanFileResult[] = [];
  for await (const r of run) out.push(r);
  return out;
}

describe('parsePlanFiles', () => {
  const dir = planFolder(3);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // One run on two worker threads for the first three tests (each run started here costs its two
  // workers' start: the built parse worker, or the sources through tsx when the build is older than
  // them, about 1.5 s of CPU each), and the same list on one thread.
  let files: PlanFileRef[] = [];
  let one: PlanFileResult[] = [];
  let two: PlanFileResult[] = [];
  let threads = 0;
  const progress: string[] = [];
  beforeAll(async () => {
    files = await listPlanFiles(dir);
    one = await collect(parsePlanFiles(files, { threads: 1 }));
    const run = parsePlanFiles(files, { threads: 2, perWorker: 1, minFilesForWorkers: 1, onProgress: (done, total) => progress.push(`${done}/${total}`) });
    threads = run.threads;
    two = await collect(run);
  }, 120_000);

  test('worker threads give the documents of one thread, byte for byte, in list order', () => {
    expect(files.length).toBe(17);
    expect(threads).toBe(2);
    expect(two.map((r) => r.index)).toEqual(files.map((_, k) => k));
    expect(rendering(two)).toEqual(rendering(one));
  });

  test('a file that cannot be read is reported in its place, one line naming it, and the others are still read', () => {
    const failed = two.filter((r) => r.error).map((r) => [r.file.relative, r.error!.message]);
    expect(failed).toEqual([
      ['copy-0/empty.txt', expect.stringMatching(/empty\.txt: is empty/)],
      ['copy-1/binary.txt', expect.stringMatching(/binary\.txt: looks like a binary file/)],
    ]);
    expect(two.filter((r) => r.doc).length).toBe(15);
  });

  test('reports progress once per file, in order, up to the total', () => {
    expect(progress).toEqual(files.map((_, k) => `${k + 1}/${files.length}`));
  });

  test('a consumer that stops early ends the run (the workers are stopped)', async () => {
    const taken: string[] = [];
    for await (const r of parsePlanFiles(files, { threads: 2, minFilesForWorkers: 1 })) {
      taken.push(r.file.relative);
      if (taken.length === 2) break;
    }
    expect(taken).toEqual(files.slice(0, 2).map((f) => f.relative));
  });

  test('a short list is parsed in this thread (starting workers would cost more)', () => {
    expect(parsePlanFiles([{ path: 'a.txt', relative: 'a.txt' }], { threads: 4 }).threads).toBe(1);
  });
});

describe('reusePairs', () => {
  // 150 synthetic plans (families of plans copied from one another), their lines folded; built
  // once: scoring leaves an index that gives the same pairs again
  const fold = makeFolder({});
  const index = new ReuseIndex();
  for (const p of synthesize(loadSeeds(CORPUS), { count: 150, seed: 5 })) index.add(p.text.split('\n').map(fold));
  const expected = index.pairs();
  const stats = { ...index.stats };

  test('worker threads score the pairs of one thread, in the same order, with the same counts', async () => {
    expect(expected.length).toBeGreaterThan(50);
    const progress: number[] = [];
    const pairs = await reusePairs(index, { threads: 2, minDocsForWorkers: 1, docsPerTask: 7, onProgress: (done) => progress.push(done) });
    expect(pairs).toEqual(expected);
    expect(index.stats).toEqual(stats);
    expect(progress.at(-1)).toBe(150);
  });

  test('a small index, or one thread, is scored here, without workers; no index gives no pairs', async () => {
    expect(await reusePairs(index, { threads: 4 })).toEqual(expected); // fewer plans than minDocsForWorkers
    expect(await reusePairs(index, { threads: 1, minDocsForWorkers: 1 })).toEqual(expected);
    expect(await reusePairs(null)).toBeUndefined();
  });
});
