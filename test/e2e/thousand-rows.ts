/**
 * The long diff of the windowed-diff tests (diff-scale): Gia Lai 2021–2025 against
 * synthetic derivatives of itself, alignments joined until there are 1,000. Made once per test
 * process (a second file in the same worker reuses it).
 */
import { compareDocuments } from '../../src/compare/compare.js';
import { synthesize } from '../../src/node/synth.js';
import { parseDocument } from '../../src/read/parse.js';
import type { Comparison } from '../../src/types.js';
import { seedText, SEEDS } from '../corpus.js';

let made: Pick<Comparison, 'alignments' | 'a' | 'b'> | null = null;

/** 1,000 alignments and the two documents' metadata (those of the last derivative compared). */
export function thousandAlignments(): Pick<Comparison, 'alignments' | 'a' | 'b'> {
  if (made) return made;
  const text = seedText('gialai2021');
  const base = parseDocument(text, { file: SEEDS.gialai2021 });
  const alignments: Comparison['alignments'] = [];
  let docs: Pick<Comparison, 'a' | 'b'> = { a: { ...base.meta, file: null }, b: { ...base.meta, file: null } };
  for (let k = 0; alignments.length < 1000; k++) {
    const [derived] = [...synthesize([{ file: SEEDS.gialai2021, text }], { count: 1, seed: 20 + k, rewordRate: 0.25, dropRate: 0.08, addRate: 0.05 })];
    const c = compareDocuments(base, parseDocument(derived!.text, { file: `derived-${k}.txt` }));
    docs = { a: c.a, b: c.b };
    alignments.push(...c.alignments);
  }
  made = { alignments: alignments.slice(0, 1000), ...docs };
  return made;
}
