import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { citationContextOf, extractCitations, readCitations, type CitationContext } from '../../src/extract/citations.js';
import type { Citation, DocumentMeta, Passage, Zone } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SHARED = join(ROOT, '..', 'shared');

const SEEDS = {
  '000': { file: 'corpus/khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt', gold: '000_9a6c74bb6d5cfd8b.txt', province: 'Khánh Hòa', self: { number: null, symbol: 'KH-SCT', year: 2024 } },
  '001': { file: 'corpus/bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt', gold: '001_d2221b452ebc43ac.txt', province: 'Bắc Giang', self: { number: null, symbol: 'KH-SCT', year: 2023 } },
  '002': { file: 'corpus/gia-lai/2021-2025-so-cong-thuong-cai-cach-hanh-chinh.txt', gold: null, province: 'Gia Lai', self: { number: null, symbol: 'KH-SCT', year: 2021 } },
  '003': { file: 'corpus/khanh-hoa/2024-so-gddt-cai-cach-tthc.txt', gold: null, province: 'Khánh Hòa', self: { number: null, symbol: 'KH-SGDĐT', year: 2024 } },
  '004': { file: 'corpus/khanh-hoa/2025-ubnd-cai-cach-tthc.txt', gold: null, province: 'Khánh Hòa', self: { number: '344', symbol: 'QĐ-UBND', year: 2025 } },
} as const;

/**
 * Stand-in for the structure stage: paragraphs of a file with their original offsets, markdown
 * marks dropped, a paragraph cut by a page break joined to its continuation, preamble lines
 * ("Căn cứ", "Thực hiện", "Triển khai", "Theo đề nghị") before the first section given their role,
 * annex lines ("(Ban hành kèm theo …") marked as such, tab-separated rows in the appendix zone.
 */
function paragraphPassages(raw: string): Passage[] {
  let text = '';
  const offsets: number[] = [];
  const marks = /\*+|^#+\s|<\/?b>/gmu;
  let last = 0;
  for (const m of raw.matchAll(marks)) {
    for (let i = last; i < m.index; i++) {
      text += raw[i];
      offsets.push(i);
    }
    last = m.index + m[0].length;
  }
  for (let i = last; i < raw.length; i++) {
    text += raw[i];
    offsets.push(i);
  }
  const paras: Array<{ t: string; o: number[] }> = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*/gu)) {
    const t = m[0];
    const o = offsets.slice(m.index, m.index + t.length);
    const prev = paras[paras.length - 1];
    if (prev && !/[.;:!?)]\s*$/u.test(prev.t) && /^\s*[\p{Ll}\d]/u.test(t)) {
      prev.o.push(prev.o[prev.o.length - 1]! + 1);
      prev.t += ' ' + t;
      prev.o.push(...o);
    } else paras.push({ t, o });
  }
  const out: Passage[] = [];
  let inSections = false;
  paras.forEach((p, k) => {
    const t = p.t;
    if (/^\s*(?:I\.|I\s|PHỤ LỤC|Phụ lục)/u.test(t)) inSections = true;
    const lead = /^\s*(Căn cứ|Thực hiện|Triển khai|Theo đề nghị|Theo đề xuất)/u.exec(t);
    let zone: Zone = 'body';
    let role = 'paragraph';
    if (/^\s*\(\s*(?:Ban hành\s+)?[Kk]èm theo/u.test(t)) [zone, role] = ['title', 'annex'];
    else if (!inSections && lead) {
      zone = 'preamble';
      role = lead[1] === 'Căn cứ' ? 'basis' : lead[1]!.startsWith('Theo') ? 'proposal' : 'implements';
    } else if (/^[¹²³⁴⁵⁶⁷⁸⁹]/u.test(t)) zone = 'footnote';
    else if (t.includes('\t') || /^\s*\|/u.test(t)) zone = 'appendix';
    const o = new Int32Array(t.length + 1);
    p.o.forEach((x, i) => (o[i] = x));
    o[t.length] = (p.o[p.o.length - 1] ?? 0) + 1;
    out.push({ clauseId: `p${k + 1}`, zone, role, text: t, offsets: o, headings: [] });
  });
  return out;
}

function readSeed(id: keyof typeof SEEDS): { raw: string; citations: Citation[] } {
  const seed = SEEDS[id];
  const raw = readFileSync(join(ROOT, seed.file), 'utf8');
  const ctx: CitationContext = { self: { ...seed.self }, province: seed.province };
  return { raw, citations: extractCitations(paragraphPassages(raw), ctx) };
}

function foldSymbol(s: string | null): string {
  return (s ?? '').normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'D').toUpperCase().replace(/\s/g, '');
}

function identity(c: { number: string | null; symbol: string | null; year: number | null }): string {
  return `${Number.parseInt(c.number ?? '', 10)}|${foldSymbol(c.symbol)}|${c.year}`;
}

describe.skipIf(!existsSync(join(SHARED, 'eval')))('seeds against the gold answers (needs ../shared/eval)', () => {
  const gold = (existsSync(join(SHARED, 'eval')) ? JSON.parse(readFileSync(join(SHARED, 'eval', 'gold', 'citations.json'), 'utf8')) : {}) as Record<string, Array<{ number: string; symbol: string; year: number; date: string; relation?: string }>>;

  test.each(['000', '001'] as const)('seed %s: every gold citation found with its year, date and relation, and nothing else', (id) => {
    const want = gold[SEEDS[id].gold!]!;
    const { citations } = readSeed(id);
    expect(citations.map(identity).sort()).toEqual(want.map(identity).sort());
    for (const w of want) {
      const got = citations.find((c) => identity(c) === identity(w))!;
      expect(got.date, `${w.number}/${w.symbol}`).toBe(w.date);
      if (w.relation) expect(got.relation, `${w.number}/${w.symbol}`).toBe(w.relation);
    }
  });
});

describe('seeds', () => {
  test('seed 004 does not cite itself through its annex lines (one OCR-garbled)', () => {
    const { citations } = readSeed('004');
    expect(citations.filter((c) => c.symbol === 'QĐ-UBND').map((c) => c.key)).toEqual(['QĐ-UBND/08/2025']);
  });

  test('seed 004: the Căn cứ lines are bases, laws by title included', () => {
    const { citations } = readSeed('004');
    expect(citations.filter((c) => c.relation === 'basis').map((c) => c.key)).toEqual([
      'Luật/tổ chức chính quyền địa phương/2015',
      'Luật/sửa đổi bổ sung một số điều của luật tổ chức chính phủ và luật tổ chức chính quyền địa phương/2019',
      'NQ-CP/01/2025',
      'NQ-CP/02/2025',
      'QĐ-TTg/240/2025',
      'QĐ-UBND/08/2025',
    ]);
  });

  test('seed 004: "Đề án 06" and the undated "Quyết định số 766/QĐ-TTg" join their full mentions; footnote and page-broken references are read', () => {
    const { citations } = readSeed('004');
    const byKey = new Map(citations.map((c) => [c.key, c]));
    expect(byKey.get('QĐ-TTg/06/2022')!.mentions.map((m) => m.text)).toEqual(['Đề án 06', 'Quyết định số 06/QĐ-TTg ngày 06/01/2022', 'Đề án 06']);
    expect(byKey.get('QĐ-TTg/766/2022')!.mentions).toHaveLength(2);
    expect(byKey.get('UBND-KSTT/9867/2024')).toMatchObject({ date: '2024-09-06', issuer: 'UBND tỉnh Khánh Hòa' });
    expect(byKey.get('NĐ-CP/107/2021')!.mentions[0]!.text).toBe('Nghị định số 107/2021/NĐ-CP');
    const pins = byKey.get('VPCP-KSTT/476/2025')!.mentions.map((m) => m.pinpoint);
    expect(pins.slice(0, 3)).toEqual(['Phần II Phụ lục, Mục 1, số thứ tự thứ 1', 'Phần II Phụ lục, Mục 1, số thứ tự thứ 2', 'Phần II Phụ lục, Mục 1, số thứ tự thứ 3']);
  });

  test('seed 002: the decree dated only by its date, and the law by title and year', () => {
    const { citations } = readSeed('002');
    expect(citations.find((c) => c.number === '151')).toMatchObject({ key: 'NĐ-CP/151/2017', year: 2017 });
    expect(citations.map((c) => c.key)).toContain('Luật/quản lý tài sản công/2017');
    expect(citations.filter((c) => c.relation === 'basis').map((c) => c.key)).toEqual(['NQ-CP/76/2021', 'QĐ-UBND/602/2021']);
  });

  test('seed 003 implements the province plan 421/QĐ-UBND', () => {
    const { citations } = readSeed('003');
    expect(citations.filter((c) => c.relation === 'implements').map((c) => c.key)).toEqual(['QĐ-UBND/421/2024']);
  });

  test.each(Object.keys(SEEDS) as Array<keyof typeof SEEDS>)('seed %s: every mention span covers the mention text in the file', (id) => {
    const { raw, citations } = readSeed(id);
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      for (const m of c.mentions) expect(raw.slice(m.span[0], m.span[1]).replace(/\s+/g, ' ')).toBe(m.text);
    }
  });

});

describe.skipIf(!existsSync(join(SHARED, 'holdout')))('holdout: every reference of the Căn cứ / Thực hiện lines is found (needs ../shared/holdout)', () => {
  const HOLDOUT: Array<[string, string | null, Array<[string, 'basis' | 'implements']>]> = [
    ['dongnai-ubnd-2025-2813-qd.txt', 'Đồng Nai', [['QH15/72/2025', 'basis'], ['NĐ-CP/63/2010', 'basis'], ['NĐ-CP/48/2013', 'basis'], ['NĐ-CP/92/2017', 'basis'], ['NQ-CP/66/2025', 'basis'], ['TT-VPCP/02/2017', 'basis'], ['KH-UBND/49/2025', 'basis']]],
    ['dongnai-ubnd-2025-2816-qd.txt', 'Đồng Nai', [['QH/72/2025', 'basis'], ['NĐ-CP/63/2010', 'basis'], ['NĐ-CP/92/2017', 'basis'], ['NĐ-CP/118/2025', 'basis'], ['TT-VPCP/02/2017', 'basis'], ['KH-UBND/48/2025', 'basis']]],
    ['daklak-ubnd-2025-012-ct.txt', 'Đắk Lắk', []],
    ['adjacent/bacninh-ubnd-2025-144-kh.txt', 'Bắc Ninh', [['NQ/TW/57/2024', 'basis'], ['NQ-CP/71/2025', 'basis'], ['NQ/TW/68/2025', 'basis'], ['NQ-CP/138/2025', 'basis'], ['QĐ-TTg/411/2022', 'basis'], ['KH-UBND/17/2025', 'basis']]],
    ['adjacent/chinhphu-2025-03-nqcp.txt', null, [['NQ/TW/57/2024', 'basis'], ['Luật/tổ chức chính phủ/2015', 'basis'], ['Luật/sửa đổi bổ sung một số điều của luật tổ chức chính phủ và luật tổ chức chính quyền địa phương/2019', 'basis']]],
    ['adjacent/daklak-ubnd-2025-0124-kh.txt', 'Đắk Lắk', [['QĐ-TTg/2437/2025', 'implements']]],
    [
      'adjacent/daklak-ubnd-2025-0134-kh.txt',
      'Đắk Lắk',
      [
        ['Luật/thủy sản/2017', 'basis'], ['Luật/bảo vệ môi trường/2020', 'basis'], ['NĐ-CP/08/2022', 'basis'], ['NĐ-CP/05/2025', 'basis'],
        ['QĐ-TTg/1746/2023', 'basis'], ['QĐ-TTg/1747/2023', 'basis'], ['TT-BNNPTNT/32/2014', 'basis'], ['TT-BNNPTNT/04/2016', 'basis'],
        ['TT-BNNPTNT/12/2024', 'basis'], ['TT-BTNMT/10/2021', 'basis'], ['QĐ-BNN-KHCN/4255/2024', 'basis'], ['QĐ-TCTS-NTTS/513/2021', 'basis'],
        ['QĐ-UBND/1529/2021', 'basis'], ['QĐ-UBND/01348/2025', 'basis'], ['QĐ-UBND/66/2018', 'basis'], ['QĐ-UBND/323/2021', 'basis'],
        ['QĐ-UBND/190/2025', 'basis'], ['KH-UBND/18/2023', 'basis'],
      ],
    ],
    ['adjacent/dongnai-ubnd-2025-179-kh.txt', 'Đồng Nai', [['Luật/tổ chức chính quyền địa phương/2025', 'basis'], ['NQ/TW/57/2024', 'basis'], ['NQ-CP/71/2025', 'basis'], ['QĐ-TTg/411/2022', 'basis'], ['KH-UBND/92/2025', 'basis']]],
    ['adjacent/hanoi-ubnd-2025-310-kh.txt', 'Hà Nội', [['NQ/TW/57/2024', 'implements'], ['NQ-CP/03/2025', 'implements'], ['QĐ-TTg/1132/2024', 'implements'], ['QĐ-TTg/1569/2024', 'implements'], ['QĐ-BKHCN/912/2025', 'implements'], ['KH-UBND/139/2025', 'implements']]],
    ['adjacent/nghean-ubnd-2025-982-kh.txt', 'Nghệ An', [['CT/TW/45/2025', 'implements'], ['QĐ-TTg/2437/2025', 'implements']]],
    ['adjacent/nghean-ubnd-2025-987-kh.txt', 'Nghệ An', [['KH/TU/328/2025', 'implements'], ['KH-UBND/348/2025', 'implements'], ['KH/BCĐ/01/2025', 'implements']]],
    ['adjacent/thanhhoa-ubnd-2025-235-kh.txt', 'Thanh Hóa', [['QĐ-BNN-KHCN/4255/2024', 'basis'], ['KH-UBND/223/2025', 'basis']]],
  ];

  test.each(HOLDOUT)('%s', (file, province, expected) => {
    const raw = readFileSync(join(SHARED, 'holdout', file), 'utf8');
    const { citations } = readCitations(paragraphPassages(raw), { self: { number: null, symbol: null, year: null }, province });
    const strong = citations.filter((c) => c.relation !== 'refers').map((c) => [c.key, c.relation]);
    expect(strong).toEqual(expected);
    for (const c of citations) for (const m of c.mentions) expect(raw.slice(m.span[0], m.span[1]).replace(/[\s*]+/g, ' ')).toBe(m.text);
  });
});

describe.skipIf(!existsSync(join(SHARED, 'eval')))('end to end through the parser (needs ../shared/eval)', () => {
  const gold = (existsSync(join(SHARED, 'eval')) ? JSON.parse(readFileSync(join(SHARED, 'eval', 'gold', 'citations.json'), 'utf8')) : {}) as Record<string, Array<{ number: string; symbol: string; year: number; relation?: string }>>;

  async function parsed(id: keyof typeof SEEDS): Promise<{ raw: string; citations: Citation[] }> {
    type Parse = (text: string, opts?: { strategies?: { citations?: (p: Passage[], meta: DocumentMeta) => Citation[] } }) => { citations: Citation[] };
    const { parseDocument } = (await import('../../src/read/parse.js')) as { parseDocument: Parse };
    const raw = readFileSync(join(ROOT, SEEDS[id].file), 'utf8');
    return { raw, citations: parseDocument(raw, { strategies: { citations: (p, meta) => extractCitations(p, citationContextOf(meta)) } }).citations };
  }

  test.each(['000', '001'] as const)('seed %s read through parseDocument gives the gold citations', async (id) => {
    const want = gold[SEEDS[id].gold!]!;
    const { citations } = await parsed(id);
    expect(citations.map(identity).sort()).toEqual(want.map(identity).sort());
    for (const w of want) if (w.relation) expect(citations.find((c) => identity(c) === identity(w))!.relation).toBe(w.relation);
  });

  test('seed 004 read through parseDocument: no self-citation, page-broken rows read, spans start and end on their mentions', async () => {
    const { raw, citations } = await parsed('004');
    const keys = citations.map((c) => c.key);
    expect(keys.filter((k) => k.startsWith('QĐ-UBND/'))).toEqual(['QĐ-UBND/08/2025']);
    expect(keys).toContain('NĐ-CP/107/2021');
    expect(citations.find((c) => c.key === 'VPCP-KSTT/476/2025')!.mentions.filter((m) => m.pinpoint).length).toBeGreaterThanOrEqual(10);
    // a row split by a page break is one passage: the span of a mention across the break runs from its first to its last fragment
    for (const c of citations) {
      for (const m of c.mentions) {
        const covered = raw.slice(m.span[0], m.span[1]).replace(/\s+/g, ' ');
        expect(covered.startsWith(m.text.slice(0, 12)) && covered.endsWith(m.text.slice(-4)), `${m.text} ~ ${covered}`).toBe(true);
      }
    }
  });
});
