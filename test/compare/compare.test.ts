import { describe, expect, test } from 'vitest';
import { compareDocuments, type TargetComparer } from '../../src/compare/compare.js';
import type { Clause, ParsedDocument } from '../../src/types.js';
import { allClauses, seed, type SeedName } from '../corpus.js';

const live = (cs: Clause[]): string[] => allClauses(cs).filter((c) => c.norm.length > 0).map((c) => c.id);

describe('compareDocuments', () => {
  test.each([
    ['sct2024', 'gddt2024', '000 ↔ 003 siblings'],
    ['sct2024', 'ubnd2025', '000 → 004 next year'],
    ['gddt2024', 'ubnd2025', '003 → 004 next year'],
    ['bacgiang2023', 'gialai2021', '001 ↔ 002 other provinces'],
  ] as Array<[SeedName, SeedName, string]>)('accounts for every clause of %s and %s exactly (%s)', (x, y) => {
    const a = seed(x);
    const b = seed(y);
    const cmp = compareDocuments(a, b);
    const seenA = new Set(cmp.alignments.flatMap((al) => (al.a ? [al.a.id] : [])));
    const seenB = new Set(cmp.alignments.flatMap((al) => (al.b ? [al.b.id] : [])));
    expect([...seenA].sort()).toEqual(live(a.clauses).sort());
    expect([...seenB].sort()).toEqual(live(b.clauses).sort());
    // a clause is dropped (or added) only when nothing else carries it
    for (const al of cmp.alignments) {
      if (al.status === 'dropped') expect(cmp.alignments.filter((x) => x.a?.id === al.a!.id)).toHaveLength(1);
      if (al.status === 'added') expect(cmp.alignments.filter((x) => x.b?.id === al.b!.id)).toHaveLength(1);
    }
  });

  test('marks every alignment that shares a clause with another as part of a merge or split (000 ↔ 003)', () => {
    const cmp = compareDocuments(seed('sct2024'), seed('gddt2024'));
    const carried = cmp.alignments.filter((al) => al.a && al.b);
    for (const al of carried) {
      const shares = carried.filter((x) => x !== al && (x.a!.id === al.a!.id || x.b!.id === al.b!.id));
      expect(al.group !== null).toBe(shares.length > 0);
    }
  });

  test('gives identical pairs similarity 1 and no diff, modified pairs a similarity below 1 and a diff', () => {
    const cmp = compareDocuments(seed('sct2024'), seed('ubnd2025'));
    for (const al of cmp.alignments) {
      if (al.status === 'identical') expect([al.similarity, al.diff, al.nature]).toEqual([1, undefined, null]);
      if (al.status === 'modified') {
        expect(al.similarity).toBeLessThan(1);
        expect(al.diff?.length).toBeGreaterThan(0);
        expect(['cosmetic', 'substantive']).toContain(al.nature);
      }
      if (al.status === 'dropped' || al.status === 'added') expect(al.similarity).toBeNull();
    }
  });

  test('carries both documents’ identity with their files', () => {
    const cmp = compareDocuments(seed('sct2024'), seed('ubnd2025'));
    expect([cmp.a.file, cmp.a.year, cmp.b.file, cmp.b.year]).toEqual(['khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt', 2024, 'khanh-hoa/2025-ubnd-cai-cach-tthc.txt', 2025]);
  });

  test('compares targets with the targets stage by default (000 → 004: online payment 45% → 60%)', () => {
    const cmp = compareDocuments(seed('sct2024'), seed('ubnd2025'));
    const payment = cmp.targets.find((t) => t.a?.metric.includes('thanh toán trực tuyến'));
    expect(payment && [payment.status, payment.change, payment.a?.value, payment.b?.value]).toEqual(['modified', 'raised', 45, 60]);
  });

  test('hands the relation to the target comparer strategy, and takes none when told', () => {
    const seen: string[] = [];
    const stub: TargetComparer = (a, b, o) => {
      seen.push(`${a.length}/${b.length}/${o.relation}`);
      return [];
    };
    compareDocuments(seed('sct2024'), seed('gddt2024'), { compareTargets: stub, relation: 'parent' });
    expect(seen).toEqual([`${seed('sct2024').targets.length}/${seed('gddt2024').targets.length}/parent`]);
    expect(compareDocuments(seed('sct2024'), seed('gddt2024'), { compareTargets: null }).targets).toEqual([]);
  });

  test('gives the same output on two runs (stable JSON)', () => {
    const once = JSON.stringify(compareDocuments(seed('gddt2024'), seed('ubnd2025')));
    expect(JSON.stringify(compareDocuments(seed('gddt2024'), seed('ubnd2025')))).toBe(once);
  });

  test('compares a plan with itself as all identical', () => {
    const cmp = compareDocuments(seed('gialai2021'), seed('gialai2021'));
    expect(new Set(cmp.alignments.map((al) => al.status))).toEqual(new Set(['identical']));
    expect(cmp.alignments.some((al) => al.moved)).toBe(false);
  });

  test('never throws on a document with odd or missing parts', () => {
    const odd = { ...seed('sct2024'), clauses: [], targets: [], citations: [], abbreviations: {} } as ParsedDocument;
    expect(() => compareDocuments(odd, seed('gddt2024'))).not.toThrow();
    expect(compareDocuments(odd, odd).alignments).toEqual([]);
  });
});

describe('targets vouch for their rows', () => {
  test('aligns the paperless-processing row reworded from 2024 to 2025 because its target was matched (003 → 004 PL.III.1, 100% → 90%)', () => {
    const cmp = compareDocuments(seed('gddt2024'), seed('ubnd2025'));
    const target = cmp.targets.find((t) => t.a?.clauseId === 'PL.III.1');
    expect(target).toMatchObject({ status: 'modified', change: 'lowered', b: { clauseId: 'PL.III.1', value: 90 } });
    const row = cmp.alignments.filter((al) => al.a?.id === 'PL.III.1');
    expect(row.map((al) => [al.status, al.b?.id])).toEqual([['modified', 'PL.III.1']]);
  });

  test('without the target comparison the same rows are too far apart in wording to pair', () => {
    const cmp = compareDocuments(seed('gddt2024'), seed('ubnd2025'), { compareTargets: null });
    expect(cmp.alignments.filter((al) => al.a?.id === 'PL.III.1').map((al) => al.status)).toEqual(['dropped']);
  });
});

describe('inserted sub-headings', () => {
  test('a bullet moved under a sub-heading the newer plan inserts keeps its pair (000 II.2.-3 → 004 II.2.a.-3, "Tiếp tục rà soát, đánh giá …")', () => {
    const cmp = compareDocuments(seed('sct2024'), seed('ubnd2025'));
    const pair = cmp.alignments.filter((al) => al.a?.id === 'II.2.-3');
    expect(pair.map((al) => [al.status, al.b?.id])).toEqual([['modified', 'II.2.a.-3']]);
  });
});
