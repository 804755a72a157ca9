import { describe, expect, test } from 'vitest';
import { compareDocuments } from '../src/compare/compare.js';
import { makeFolder } from '../src/text/fold.js';
import { buildLineage } from '../src/corpus/lineage.js';
import { readMeta } from '../src/read/meta.js';
import { normalize } from '../src/read/normalize.js';
import { paragraphs } from '../src/read/paragraphs.js';
import { parseDocument, passagesOf } from '../src/read/parse.js';
import { structure } from '../src/read/structure.js';
import { extractTargets } from '../src/extract/targets.js';
import { seedText } from './corpus.js';

/** Deterministic garbage: random picks of plan-like fragments, control characters and marks. */
function garbage(count: number, seedValue = 11): string[] {
  let s = seedValue;
  const rnd = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const bits = ['I.', 'IV ', '1.', '1.1.', 'a)', 'đ)', '-', '- +', '+', '\t', '\n', '\n\n', '\r\n', '|', '**', '##', '<b>', '</b>', 'Điều 1.', 'Số:', ' /QĐ-UBND', 'ngày', 'tháng 13', 'năm 2025', '¹', '\u0301', '\u0323', '\uFEFF', '\u0000', '\u200B', 'Tối thiểu', '80%', '(TTHC)', 'Căn cứ', 'Thực hiện', 'Nơi nhận:', 'PHỤ LỤC', 'TT\tTên\tChỉ tiêu', '(Kèm theo', 'Nghị quyết số', '01/NQ-CP', 'ư', 'Ð', ' ', 'x'];
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let t = '';
    const n = Math.floor(rnd() * 120);
    for (let i = 0; i < n; i++) t += bits[Math.floor(rnd() * bits.length)];
    out.push(t);
  }
  // mutations of a real plan: cut, shuffled lines, doubled
  const real = seedText('ubnd2025');
  out.push(real.slice(0, Math.floor(real.length / 3)), real.split('\n').reverse().join('\n'), real.replace(/\t/g, '|'), real.replace(/\n/g, ''));
  return out;
}

const inputs = garbage(150);

describe('every stage survives garbage', () => {
  test('normalize, paragraphs, structure, meta', () => {
    for (const t of inputs) {
      expect(() => {
        const clean = normalize(t);
        paragraphs(clean);
        readMeta(structure(clean));
      }).not.toThrow();
    }
  });

  test('targets over the passages of garbage', () => {
    for (const t of inputs) {
      const st = structure(normalize(t));
      expect(() => extractTargets(passagesOf(st), { year: 2025, fold: makeFolder({}) })).not.toThrow();
    }
  });

  test('parse, compare and lineage of garbage documents', () => {
    const docs = inputs.slice(0, 40).map((t, k) => parseDocument(t, { file: `g${k}.txt` }));
    for (let k = 1; k < docs.length; k++) expect(() => compareDocuments(docs[k - 1]!, docs[k]!)).not.toThrow();
    expect(() => buildLineage(docs.map((doc, k) => ({ file: `g${k}.txt`, doc })))).not.toThrow();
  });
});
