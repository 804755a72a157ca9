/**
 * Clause alignment on real pairs nobody tuned it to (../shared/realcorpus), against the hand-made
 * labels in test/compare/real-pairs.json (file names and clause ids only).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compareDocuments } from '../../src/compare/compare.js';
import { labelledFiles, readLabels, scoreLabels } from '../../src/node/labelled.js';
import { parseDocument } from '../../src/read/parse.js';
import type { ParsedDocument } from '../../src/types.js';
import { allClauses, sharedPath } from '../corpus.js';

const labels = readLabels(new URL('./real-pairs.json', import.meta.url).pathname);
const dir = sharedPath('realcorpus');
const present = labels.filter((p) => labelledFiles(dir, p) !== null);

const ids = (d: ParsedDocument): string[] => allClauses(d.clauses).filter((c) => (c.norm ?? '').trim().length > 0).map((c) => c.id);

describe.skipIf(present.length === 0)('alignment of labelled real pairs (needs ../shared/realcorpus)', () => {
  const results = present.map((pair) => {
    const files = labelledFiles(dir, pair)!;
    const a = parseDocument(readFileSync(files.a, 'utf8'), { file: pair.a });
    const b = parseDocument(readFileSync(files.b, 'utf8'), { file: pair.b });
    const als = compareDocuments(a, b, { relation: 'peer' }).alignments;
    return { pair, rows: scoreLabels(pair, als, ids(a), ids(b)) };
  });

  test.each(results.map((r) => [r.pair.name, r] as const))('gets at least 0.9 of the rows of %s right (or keeps its recorded floor)', (_name, r) => {
    const missed = r.rows.filter((x) => !x.ok).map((x) => x.row);
    expect(1 - missed.length / r.rows.length, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(Math.min(0.9, r.pair.floor ?? 0.9));
  });

  test('gets at least 0.95 of all labelled rows right', () => {
    const rows = results.flatMap((r) => r.rows);
    expect(rows.filter((x) => x.ok).length / rows.length).toBeGreaterThanOrEqual(0.95);
  });
});

const decree = `${dir}/4ea650b6faa46d71.md`;
const resolution = `${dir}/832399d0fd282e41.md`;

describe.skipIf(!labels.some((p) => p.a === '4ea650b6faa46d71.md') || labelledFiles(dir, labels.find((p) => p.a === '4ea650b6faa46d71.md')!) === null)(
  'a decree and the council resolution fixing its amounts (needs ../shared/realcorpus)',
  () => {
    test('reads "không thấp hơn 1.170.000 đồng" → "bằng 2.340.000 đồng" as a target raised with its comparator changed', () => {
      const a = parseDocument(readFileSync(decree, 'utf8'), { file: 'decree' });
      const b = parseDocument(readFileSync(resolution, 'utf8'), { file: 'resolution' });
      const change = compareDocuments(a, b, { relation: 'parent' }).targets.find((t) => t.a?.clauseId === 'D1.2.c.p1');
      expect([change?.b?.clauseId, change?.a?.comparator, change?.b?.comparator, change?.change, change?.changes]).toEqual(['D3.1', '>=', '=', 'raised', ['value', 'comparator']]);
    });
  },
);
