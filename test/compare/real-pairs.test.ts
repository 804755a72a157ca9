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

  test.each(results.map((r) => [r.pair.name, r] as const))('meets the labels of %s', (_name, r) => {
    expect(r.rows.filter((x) => !x.ok).map((x) => x.row)).toEqual([]);
  });

  test('gets at least 0.95 of all labelled rows right', () => {
    const rows = results.flatMap((r) => r.rows);
    expect(rows.filter((x) => x.ok).length / rows.length).toBeGreaterThanOrEqual(0.95);
  });
});
