/**
 * Invariants of parse and compare, checked on mutated plans (lines dropped, swapped, doubled, numbers
 * changed, table rows keyed by "-" inserted): the seeds in corpus/, and when ../shared sits beside the
 * repository, held-out and real documents.
 *   - `compare X X` is all identical, every clause paired with itself;
 *   - every clause of A and of B appears exactly once in a comparison (identical, modified, dropped,
 *     added), or only as parts of one merge or split;
 *   - clause spans lie inside the text and cover the clause's words;
 *   - clause ids are unique, and parsing and comparing again gives the same ids and pairs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compareDocuments } from '../../src/compare/compare.js';
import { parseDocument } from '../../src/read/parse.js';
import type { Alignment, Clause, ParsedDocument } from '../../src/types.js';
import { allClauses, corpusPath, SEEDS, sharedPath } from '../corpus.js';

/** Deterministic pseudo-random numbers (a linear congruential generator). */
function random(seedValue: number): () => number {
  let s = seedValue;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** A plan mutated the way the fuzzer does: some lines dropped, swapped, doubled, renumbered, and
 * table rows whose key cell is "-" inserted. */
function mutate(text: string, seedValue: number): string {
  const rnd = random(seedValue);
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const r = rnd();
    if (r < 0.05) continue; // dropped
    if (r < 0.08) out.push(line, line); // doubled
    else if (r < 0.11) out.push(line.replace(/\d/g, (d) => String((Number(d) + 3) % 10))); // numbers changed
    else if (r < 0.12) out.push(`-\t${line.slice(0, 40)}\t-`); // a row keyed by "-"
    else out.push(line);
  }
  for (let k = 0; k < Math.max(1, Math.floor(out.length / 50)); k++) {
    const i = Math.floor(rnd() * out.length);
    const j = Math.floor(rnd() * out.length);
    [out[i], out[j]] = [out[j]!, out[i]!]; // swapped
  }
  return out.join('\n');
}

/** Clauses that take part in an alignment: those with words in their comparison form. */
function aligned(doc: ParsedDocument): Clause[] {
  return allClauses(doc.clauses).filter((c) => (c.norm ?? '').split(' ').some((w) => w.length > 0));
}

/** Problems with how each clause of one side appears in the alignments (empty when none). */
function appearanceProblems(doc: ParsedDocument, als: readonly Alignment[], side: 'a' | 'b'): string[] {
  const seen = new Map<string, Alignment[]>();
  for (const al of als) {
    const c = al[side];
    if (c) seen.set(c.id, [...(seen.get(c.id) ?? []), al]);
  }
  const several = side === 'a' ? 'split' : 'merge';
  const problems: string[] = [];
  for (const c of aligned(doc)) {
    const rows = seen.get(c.id) ?? [];
    if (rows.length === 0) problems.push(`${side} ${c.id} missing`);
    else if (rows.length > 1 && !rows.every((al) => al.group === several)) problems.push(`${side} ${c.id} appears ${rows.length} times (${rows.map((al) => al.status).join(', ')})`);
  }
  for (const id of seen.keys()) if (!aligned(doc).some((c) => c.id === id)) problems.push(`${side} ${id} is not a clause`);
  return problems;
}

/** Words (letters and digits) of a text, lower-cased, to check that a span covers a clause's words. */
function tokens(s: string): string[] {
  return s.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Share of a clause's words found in the text its span covers. A table row may carry a cell filled
 * down from a merged cell above it, outside its own span: half of its words is enough there. */
function covered(c: Clause, source: string): number {
  const inside = new Set(tokens(source.slice(c.span[0], c.span[1])));
  const own = tokens(c.text);
  return own.length === 0 ? 1 : own.filter((w) => inside.has(w)).length / own.length;
}

function spanProblems(doc: ParsedDocument, source: string): string[] {
  const problems: string[] = [];
  for (const c of allClauses(doc.clauses)) {
    const [s, e] = c.span;
    if (!(0 <= s && s <= e && e <= source.length)) problems.push(`${c.id} span [${s}, ${e}] outside 0..${source.length}`);
    else if (covered(c, source) < (c.kind === 'row' ? 0.5 : 1)) problems.push(`${c.id} span does not cover its text`);
  }
  return problems;
}

/** One line per alignment, to compare two runs. */
const pairs = (als: readonly Alignment[]): string[] => als.map((al) => `${al.status} ${al.a?.id ?? '-'} ${al.b?.id ?? '-'} ${al.group ?? ''}`);

function checkAll(name: string, text: string): void {
  const x = parseDocument(text, { file: name });
  const ids = allClauses(x.clauses).map((c) => c.id);
  expect(new Set(ids).size, `${name}: clause ids unique`).toBe(ids.length);
  expect(allClauses(parseDocument(text, { file: name }).clauses).map((c) => c.id), `${name}: ids stable`).toEqual(ids);
  expect(spanProblems(x, text), `${name}: spans`).toEqual([]);

  const self = compareDocuments(x, x, { relation: 'peer', compareTargets: null }).alignments;
  expect(self.filter((al) => al.status !== 'identical' || al.a?.id !== al.b?.id).map((al) => `${al.status} ${al.a?.id} ${al.b?.id}`), `${name}: compare X X`).toEqual([]);
  expect(self.length, `${name}: compare X X covers every clause`).toBe(aligned(x).length);

  const m = mutate(text, text.length);
  const y = parseDocument(m, { file: `${name}~` });
  expect(spanProblems(y, m), `${name}~: spans`).toEqual([]);
  const runs = [[x, y], [y, x]] as const;
  runs.forEach(([a, b], k) => {
    const als = compareDocuments(a, b, { relation: 'peer', compareTargets: null }).alignments;
    expect([...appearanceProblems(a, als, 'a'), ...appearanceProblems(b, als, 'b')], `${a.file} → ${b.file}`).toEqual([]);
    if (k === 0) expect(pairs(compareDocuments(a, b, { relation: 'peer', compareTargets: null }).alignments), `${a.file} → ${b.file}: stable`).toEqual(pairs(als));
  });
}

describe('invariants on the seed plans and their mutations', () => {
  test.each(Object.values(SEEDS))('%s', (rel) => {
    checkAll(rel, readFileSync(corpusPath(rel), 'utf8'));
  });
});

/** Every `step`-th file of a folder of plans (.txt, .md), in code-point order, at most `most` characters long. */
function sample(dir: string, step: number, most = 40_000): string[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md')
    .sort((p, q) => (p < q ? -1 : p > q ? 1 : 0))
    .map((f) => `${dir}/${f}`)
    .filter((f) => readFileSync(f, 'utf8').length <= most);
  return files.filter((_f, i) => i % step === 0);
}

const heldOut = [...sample(sharedPath('holdout'), 1), ...sample(sharedPath('holdout/adjacent'), 3)];
const real = sample(sharedPath('realcorpus'), 60);

describe.skipIf(heldOut.length === 0)('invariants on held-out plans and their mutations (needs ../shared/holdout)', () => {
  test.each(heldOut)('%s', (file) => {
    checkAll(file.split('/').pop()!, readFileSync(file, 'utf8'));
  });
});

describe.skipIf(real.length === 0)('invariants on real documents and their mutations (needs ../shared/realcorpus)', () => {
  test.each(real)('%s', (file) => {
    checkAll(file.split('/').pop()!, readFileSync(file, 'utf8'));
  });
});
