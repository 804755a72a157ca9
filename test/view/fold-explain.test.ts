import { describe, expect, test } from 'vitest';
import { abbreviationsFor, makeExpander } from '../../src/text/abbreviations.js';
import { comparisonForm } from '../../src/text/fold.js';
import { ALL_FOLDS, equalUnder, foldsNeeded, foldWith, markChange, wordSwaps, type FoldKind } from '../../src/view/fold-explain.js';
import { allClauses, seed, type SeedName } from '../corpus.js';

const glossary = makeExpander(abbreviationsFor(''));

describe('foldWith', () => {
  test.each(['sct2024', 'gddt2024', 'ubnd2025', 'bacgiang2023', 'gialai2021'] as SeedName[])(
    'with every kind folded is the comparison form the alignment uses (every clause of %s)',
    (name) => {
      const doc = seed(name);
      const expand = makeExpander(doc.abbreviations);
      for (const c of allClauses(doc.clauses)) expect(foldWith(c.text, ALL_FOLDS, expand)).toBe(comparisonForm(c.text, expand));
    },
  );

  test('folds only the kinds asked for', () => {
    const text = 'Hoà  giải TTHC , Bộ';
    expect(foldWith(text, new Set<FoldKind>(['tone']))).toBe('Hòa  giải TTHC , Bộ');
    expect(foldWith(text, new Set<FoldKind>(['spacing']))).toBe('Hoà giải TTHC, Bộ');
    expect(foldWith(text, new Set<FoldKind>(['case']))).toBe('hoà  giải tthc , bộ');
    expect(foldWith(text, new Set<FoldKind>(['abbreviation']), glossary)).toBe('Hoà  giải thủ tục hành chính , Bộ');
  });
});

describe('foldsNeeded: why an identical pair is identical', () => {
  test.each<[string, string, string, FoldKind[] | null]>([
    // 000 → 003 II.2.-9: "Đối với TTHC thuộc thẩm quyền …" → "Đối với thủ tục hành chính thuộc thẩm quyền …"
    ['an abbreviation spelled out (000 → 003 II.2.-9)', 'Tham mưu công bố TTHC theo đúng quy định.', 'Tham mưu công bố thủ tục hành chính theo đúng quy định.', ['abbreviation']],
    // 000 → 003 II.2.-8: "Phối hợp với các Bộ, cơ quan ngang bộ" → "các bộ"
    ['a capital dropped (000 → 003 II.2.-8)', 'Phối hợp với các Bộ, cơ quan ngang bộ', 'Phối hợp với các bộ, cơ quan ngang bộ', ['case']],
    ['the old tone placement', 'đơn giản hoá thủ tục', 'đơn giản hóa thủ tục', ['tone']],
    ['a space before a comma', 'tham gia , phối hợp', 'tham gia, phối hợp', ['spacing']],
    ['a comma left out', 'tham gia, phối hợp', 'tham gia phối hợp', ['punctuation']],
    ['nothing: equal as written', 'Mục tiêu', 'Mục tiêu', []],
    ['no fold makes another word equal', 'Mục tiêu', 'Mục đích', null],
  ])('%s', (_name, a, b, kinds) => {
    expect(foldsNeeded(a, b, glossary)).toEqual(kinds);
  });

  test('an abbreviation and a capital together need both, and neither alone makes them equal', () => {
    const a = 'rà soát TTHC của Bộ';
    const b = 'rà soát thủ tục hành chính của bộ';
    expect(foldsNeeded(a, b, glossary)).toEqual(['abbreviation', 'case']);
    expect(equalUnder(a, b, new Set<FoldKind>(['abbreviation']), glossary)).toBe(false);
    expect(equalUnder(a, b, new Set<FoldKind>(['case']), glossary)).toBe(false);
    expect(equalUnder(a, b, new Set<FoldKind>(['abbreviation', 'case']), glossary)).toBe(true);
  });
});

describe('markChange: a change of marks that makes another word', () => {
  test.each<[string, string, ReturnType<typeof markChange>]>([
    ['nhiễu', 'nhiều', 'replaced'], // tone ngã → huyền: another word (000 → 003 "nhũng nhiễu" → "những nhiều")
    ['nhũng', 'những', 'added'], // a horn added, the tone kept
    ['hiên', 'hiện', 'added'], // a tone left out: the usual typo
    ['để', 'dễ', 'replaced'], // đ and tone: another word
    ['hạn', 'hàn', 'replaced'],
    ['hoá', 'hóa', 'none'], // tone placement only
    ['Bộ', 'bộ', 'none'],
    ['tiêu', 'đích', 'letters'],
  ])('%s → %s is %s', (x, y, kind) => {
    expect(markChange(x, y)).toBe(kind);
  });

  test('finds "nhiễu → nhiều" in the word diff of 000 → 003 II.2.-5, not "nhũng → những"', () => {
    expect(wordSwaps([[0, 'làm rõ hành vi '], [-1, 'nhũng nhiễu'], [1, 'những nhiều'], [0, ', gây khó khăn']])).toEqual([{ a: 'nhiễu', b: 'nhiều' }]);
  });

  test('finds no swap in a typo fixed or in a reworded phrase', () => {
    expect(wordSwaps([[0, 'tổ chức thực '], [-1, 'hiên'], [1, 'hiện']])).toEqual([]);
    expect(wordSwaps([[0, 'Mục '], [-1, 'tiêu'], [1, 'đích']])).toEqual([]);
  });
});
