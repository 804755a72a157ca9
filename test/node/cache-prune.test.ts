// The compare-result cache is bounded (src/node/cache.ts putComparison): the pairs of a folder grow
// as its square, so past a limit the oldest written go, down to nine tenths of it.
import { mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { COMPARISONS_FOLDER, DocumentCache } from '../../src/node/cache.js';
import type { Comparison } from '../../src/types.js';

/** The smallest value a stored comparison must look like (two sides, alignments, targets). */
const comparison = (n: number): Comparison => ({ a: { file: `a${n}.txt` }, b: { file: `b${n}.txt` }, alignments: [], targets: [] }) as unknown as Comparison;

describe('the bound of the compare-result cache', () => {
  test('past the limit the oldest comparisons go, down to nine tenths; the others are still read', async () => {
    const cache = new DocumentCache(mkdtempSync(join(tmpdir(), 'plandiff-prune-')), 'test-program');
    const key = (n: number): string => `pair${String(n).padStart(2, '0')}`;
    const folder = join(cache.dir, COMPARISONS_FOLDER);
    for (let n = 1; n <= 10; n++) {
      await cache.putComparison(key(n), comparison(n), null, 10);
      // one second apart, oldest first (file times, not the order of the writes, decide)
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, n));
      utimesSync(join(folder, `${key(n)}.json.gz`), at, at);
    }
    expect(readdirSync(folder)).toHaveLength(10);
    await cache.putComparison(key(11), comparison(11), null, 10);
    // 11 > 10: down to 9, the two oldest gone
    expect(readdirSync(folder).sort()).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => `${key(n)}.json.gz`));
    expect(await cache.getComparison(key(1))).toBeNull();
    expect((await cache.getComparison(key(3)))?.comparison.a.file).toBe('a3.txt');
  });
});
