import { describe, expect, test } from 'vitest';
import { formatRoute, HOME, parseClauseRef, parseRoute, VIEWS } from '../../src/view/route.js';

describe('routes in the URL hash', () => {
  test.each([
    // the 000 ~ 003 siblings at the clause whose "Mục tiêu" became "Mục đích"
    ['#/diff?a=khanh-hoa%2F2024-so-cong-thuong-cai-cach-tthc.txt&b=khanh-hoa%2F2024-so-gddt-cai-cach-tthc.txt&clause=b%3AI.1', {
      view: 'diff',
      a: 'khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt',
      b: 'khanh-hoa/2024-so-gddt-cai-cach-tthc.txt',
      clause: { side: 'b', id: 'I.1' },
      node: null,
    }],
    // the node of 421/QĐ-UBND, the Khánh Hòa decision 000 and 003 implement
    ['#/lineage?node=QĐ-UBND%2F421%2F2024%40Khánh+Hòa', { view: 'lineage', a: null, b: null, clause: null, node: 'QĐ-UBND/421/2024@Khánh Hòa' }],
    // 000 → 004 targets, as the issue asks (45 → 60 online payment)
    ['#/targets?a=khanh-hoa%2F2024-so-cong-thuong-cai-cach-tthc.txt&b=khanh-hoa%2F2025-ubnd-cai-cach-tthc.txt', {
      view: 'targets',
      a: 'khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt',
      b: 'khanh-hoa/2025-ubnd-cai-cach-tthc.txt',
      clause: null,
      node: null,
    }],
  ])('reads %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  test('writes a route back to the same hash it reads from (round trip for every view)', () => {
    for (const view of VIEWS) {
      const route = { view, a: 'gia-lai/2021-2025-so-cong-thuong-cai-cach-hanh-chinh.txt', b: 'upload:kế hoạch.docx', clause: { side: 'a' as const, id: 'PL.I.2' }, node: 'NQ-CP/01/2024' };
      const back = parseRoute(formatRoute(route));
      expect(back.view).toBe(view);
      if (view === 'diff' || view === 'targets' || view === 'fidelity') expect([back.a, back.b]).toEqual([route.a, route.b]);
      else expect([back.a, back.b]).toEqual([null, null]);
      expect(back.clause).toEqual(view === 'diff' ? route.clause : null);
      expect(back.node).toBe(view === 'lineage' ? route.node : null);
    }
  });

  test('does not keep parameters a view does not use (no pair on the corpus page)', () => {
    expect(formatRoute({ view: 'corpus', a: 'x.txt', b: 'y.txt', clause: { side: 'a', id: 'I' } })).toBe('#/corpus');
  });

  test('keeps a reading warning on the diff (side and offset), and only a well-formed one', () => {
    const hash = formatRoute({ view: 'diff', a: 'x.txt', b: 'y.txt', warning: { side: 'b', at: 4804 } });
    expect(hash).toBe('#/diff?a=x.txt&b=y.txt&warning=b%3A4804');
    expect(parseRoute(hash).warning).toEqual({ side: 'b', at: 4804 });
    for (const bad of ['c:12', 'b:-1', 'b:1.5', 'b:x', 'b:']) expect(parseRoute(`#/diff?warning=${encodeURIComponent(bad)}`).warning).toBeUndefined();
    expect(formatRoute({ view: 'targets', a: 'x.txt', b: 'y.txt', warning: { side: 'a', at: 1 } })).toBe('#/targets?a=x.txt&b=y.txt');
  });

  test('falls back to the corpus page for an unknown view or an empty hash', () => {
    expect(parseRoute('')).toEqual(HOME);
    expect(parseRoute('#/nowhere?a=x')).toMatchObject({ view: 'corpus' });
  });

  test.each(['c:I.1', 'b:', 'I.1', '', 'ab:I'])('does not read "%s" as a clause reference', (s) => {
    expect(parseClauseRef(s)).toBeNull();
  });

  test('never throws on odd hashes', () => {
    for (const hash of ['#', '#/', '#//diff', '#/diff?%', '#/diff?a=%E0%A4%A', '#/diff?clause=b%3A', '\u0000', '#/lineage?node=' + 'x'.repeat(5000)]) {
      expect(() => parseRoute(hash)).not.toThrow();
    }
  });
});
