import { describe, expect, test } from 'vitest';
import { buildLineage, lineageSummary } from '../../src/corpus/lineage.js';
import { findSeries, seriesIdentity, successionEdges, titleParts } from '../../src/corpus/series.js';
import { toDot, toGraphML } from '../../src/corpus/graph-formats.js';
import type { LineageNode } from '../../src/types.js';
import { SEEDS, seed } from '../corpus.js';

/** A lineage node with the facts a test names. */
function node(over: Partial<LineageNode> & Pick<LineageNode, 'id'>): LineageNode {
  return { key: null, type: 'Kế hoạch', number: null, symbol: null, year: null, date: null, title: null, issuer: null, level: null, ...over };
}

const bundled = () =>
  buildLineage(
    (Object.keys(SEEDS) as Array<keyof typeof SEEDS>).map((k) => ({ file: SEEDS[k], doc: seed(k) })),
    { reuse: false },
  );

describe('titleParts', () => {
  test.each([
    // 344/QĐ-UBND, the 2025 province plan (khanh-hoa/2025-ubnd-cai-cach-tthc.txt)
    ['Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2025 trên địa bàn tỉnh Khánh Hòa', 'Kế hoạch', 'kế hoạch', 'cải cách thủ tục hành chính trọng tâm', 1],
    // 421/QĐ-UBND as the 2024 department plans cite it ("về việc ban hành Kế hoạch … (TTHC) …")
    ['ban hành Kế hoạch cải cách thủ tục hành chính (TTHC) trọng tâm năm 2024 trên địa bàn tỉnh Khánh Hòa', 'Quyết định', 'kế hoạch', 'cải cách thủ tục hành chính trọng tâm', 1],
    // gia-lai/2021-2025-so-cong-thuong-cai-cach-hanh-chinh.txt
    ['Kế hoạch cải cách hành chính giai đoạn 2021 – 2025 và định hướng đến năm 2030 của Sở Công Thương', 'Kế hoạch', 'kế hoạch', 'cải cách hành chính', 5],
    // 58/KH-UBND as bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt cites it: a subject without the type word
    ['thực hiện kiểm soát thủ tục hành chính và cơ chế một cửa, một cửa liên thông năm 2023', 'Kế hoạch', 'kế hoạch', 'kiểm soát thủ tục hành chính và cơ chế một cửa một cửa liên thông', 1],
    // 602/QĐ-UBND (Gia Lai): a programme over a period written with a hyphen
    ['ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2025 và định hướng đến năm 2030 của tỉnh Gia Lai', 'Quyết định', 'chương trình', 'tổng thể cải cách hành chính nhà nước', 5],
  ])('%s', (title, type, kind, subject, span) => {
    expect(titleParts(title, type)).toEqual({ kind, subject, span });
  });
});

describe('seriesIdentity', () => {
  test('ties 421/QĐ-UBND (known only from citations) and 344/QĐ-UBND to one series', () => {
    const g = bundled();
    const a = seriesIdentity(g.nodes.find((n) => n.id === 'QĐ-UBND/421/2024@Khánh Hòa')!);
    const b = seriesIdentity(g.nodes.find((n) => n.id === 'QĐ-UBND/344/2025@Khánh Hòa')!);
    expect(a?.id).toBe('khanh-hoa/uy-ban-nhan-dan/ke-hoach/cai-cach-thu-tuc-hanh-chinh-trong-tam');
    expect(b?.id).toBe(a?.id);
  });

  test('does not put a department plan in its province committee series (same subject, other issuer)', () => {
    const g = bundled();
    const dept = seriesIdentity(g.nodes.find((n) => n.file === SEEDS.sct2024)!);
    expect(dept?.id).toBe('khanh-hoa/so-cong-thuong/ke-hoach/cai-cach-thu-tuc-hanh-chinh-trong-tam');
  });

  test('a chair\u2019s decision is the committee\u2019s, and an old department name maps to its 2025 successor', () => {
    const chair = node({ id: 'x', issuer: 'Chủ tịch UBND tỉnh Khánh Hòa', symbol: 'QĐ-CT', year: 2023, title: 'Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2023', level: 'province' });
    expect(seriesIdentity(chair)?.body).toBe('ủy ban nhân dân');
    const kh = node({ id: 'y', issuer: 'Sở Kế hoạch và Đầu tư tỉnh Gia Lai', symbol: 'KH-SKHĐT', year: 2024, title: 'Kế hoạch cải cách hành chính năm 2024', level: 'department' });
    expect(seriesIdentity(kh)?.id).toBe('gia-lai/so-tai-chinh/ke-hoach/cai-cach-hanh-chinh');
  });

  test.each([
    ['no year', node({ id: 'a', issuer: 'UBND tỉnh Khánh Hòa', title: 'Kế hoạch cải cách thủ tục hành chính năm 2024' })],
    ['not a plan (a Công văn)', node({ id: 'b', type: 'Công văn', issuer: 'UBND tỉnh Khánh Hòa', year: 2024, title: 'hướng dẫn thực hiện Văn bản số 5990/VPCP-KSTT' })],
    ['a subject of one word', node({ id: 'c', issuer: 'UBND tỉnh Khánh Hòa', year: 2024, title: 'Kế hoạch năm 2024' })],
    ['no issuer nor symbol', node({ id: 'd', year: 2024, title: 'Kế hoạch cải cách thủ tục hành chính năm 2024' })],
  ])('is null for a document with %s', (_why, n) => {
    expect(seriesIdentity(n)).toBeNull();
  });
});

describe('succession in the lineage graph', () => {
  test('the 2025 province plan 344/QĐ-UBND succeeds 421/QĐ-UBND (2024), whose file is absent', () => {
    const g = bundled();
    const succeeds = g.edges.filter((e) => e.relation === 'succeeds');
    expect(succeeds).toEqual([{ source: 'QĐ-UBND/344/2025@Khánh Hòa', target: 'QĐ-UBND/421/2024@Khánh Hòa', relation: 'succeeds', score: 1 }]);
    const [series] = findSeries(g.nodes);
    expect(series?.editions).toEqual([
      { year: 2024, node: 'QĐ-UBND/421/2024@Khánh Hòa', file: null },
      { year: 2025, node: 'QĐ-UBND/344/2025@Khánh Hòa', file: SEEDS.ubnd2025 },
    ]);
    expect(series?.title).toBe('Kế hoạch cải cách thủ tục hành chính trọng tâm năm … trên địa bàn tỉnh Khánh Hòa');
  });

  test('the summary lists the succession and no longer calls the 2025 plan an orphan', () => {
    const text = lineageSummary(bundled()).join('\n');
    expect(text).toContain('Series (newer edition → the edition it follows):\n  344/QĐ-UBND (2025) → 421/QĐ-UBND (2024) [cited only]');
    const orphans = text.split('Plans implementing no cited document:')[1] ?? '';
    expect(orphans).not.toContain('344/QĐ-UBND');
  });

  test('DOT and GraphML carry the succeeds edge', () => {
    const g = bundled();
    expect(toDot(g)).toMatch(/"QĐ-UBND\/344\/2025@Khánh Hòa" -> "QĐ-UBND\/421\/2024@Khánh Hòa" \[label="succeeds"/u);
    expect(toGraphML(g)).toMatch(/<edge id="e\d+" source="QĐ-UBND\/344\/2025@Khánh Hòa" target="QĐ-UBND\/421\/2024@Khánh Hòa">\s*<data key="e_relation">succeeds<\/data>/u);
  });

  const edition = (id: string, year: number, province = 'Khánh Hòa', title = `Kế hoạch cải cách thủ tục hành chính trọng tâm năm ${year} trên địa bàn tỉnh ${province}`) =>
    node({ id: `${id}@${province}`, symbol: 'QĐ-UBND', number: id, year, title, issuer: `UBND tỉnh ${province}`, level: 'province' });

  test('links each edition to the nearest older one, newer → older', () => {
    const edges = successionEdges([edition('3', 2023), edition('1', 2021), edition('2', 2022)]);
    expect(edges.map((e) => `${e.source} → ${e.target}`)).toEqual(['2@Khánh Hòa → 1@Khánh Hòa', '3@Khánh Hòa → 2@Khánh Hòa']);
  });

  test('a 2026 plan of the merged province succeeds the 2025 plans of both provinces merged into it', () => {
    const edges = successionEdges([edition('10', 2025), edition('20', 2025, 'Ninh Thuận'), edition('30', 2026)]);
    expect(edges.map((e) => `${e.source} → ${e.target}`)).toEqual(['30@Khánh Hòa → 10@Khánh Hòa', '30@Khánh Hòa → 20@Ninh Thuận']);
  });

  test('does not link editions years apart, nor plans of another subject or province', () => {
    expect(successionEdges([edition('1', 2018), edition('2', 2024)])).toEqual([]);
    expect(successionEdges([edition('1', 2024), edition('2', 2025, 'Gia Lai')])).toEqual([]);
    expect(successionEdges([edition('1', 2024), edition('2', 2025, 'Khánh Hòa', 'Kế hoạch kiểm soát thủ tục hành chính năm 2025')])).toEqual([]);
  });

  test('two periods of five years follow each other', () => {
    const period = (id: string, from: number) =>
      node({ id: `${id}@Gia Lai`, symbol: 'KH-SCT', year: from, issuer: 'Sở Công Thương tỉnh Gia Lai', level: 'department', title: `Kế hoạch cải cách hành chính giai đoạn ${from} – ${from + 4} của Sở Công Thương` });
    expect(successionEdges([period('a', 2021), period('b', 2026)]).map((e) => e.source)).toEqual(['b@Gia Lai']);
  });
});

describe('two editions compared year on year', () => {
  test('a 2025 department plan citing its 2024 edition is compared as a peer: lower asks are "lowered", never "weakened"', async () => {
    const { compareDocuments } = await import('../../src/compare/compare.js');
    const { sameSeries } = await import('../../src/corpus/series.js');
    const { older: a, newer: b, citedNumber } = await editions();
    expect(b.citations.some((c) => c.number === citedNumber)).toBe(true);
    expect(sameSeries(a.meta, b.meta)).toBe(true);
    const cmp = compareDocuments(a, b);
    expect(cmp.relation).toBe('peer');
    expect(cmp.targets.some((t) => t.change === 'lowered')).toBe(true);
    expect(cmp.targets.some((t) => t.verdict === 'weakened')).toBe(false);
    // the comparison says how it was judged
    expect(cmp.orientation.warnings.map((w) => [w.code, w.detail.older, w.detail.newer])).toEqual([['year-on-year', 2024, 2025]]);
  });

  /** The 2024 and 2025 editions of one department's plan (the 2025 one citing the 2024 one), parsed. */
  async function editions() {
    const { loadSeeds, synthesizeSeries } = await import('../../src/node/synth.js');
    const { parseDocument } = await import('../../src/read/parse.js');
    const { corpusPath } = await import('../corpus.js');
    const plans = [...synthesizeSeries(loadSeeds(corpusPath('')), { provinces: ['Khánh Hòa'], years: [2024, 2025], departments: 1, steps: [-5], seed: 1 })].filter((p) => p.symbol !== 'QĐ-UBND');
    const [old, next] = plans as [(typeof plans)[number], (typeof plans)[number]];
    const cited = next.text.replace(/(\nThực hiện [^\n]*\n)/u, `$1\nCăn cứ Kế hoạch số ${old.number}/${old.symbol} ngày 10/02/2024 của Sở Công Thương tỉnh Khánh Hòa về cải cách thủ tục hành chính trọng tâm năm 2024;\n`);
    return { older: parseDocument(old.text, { file: old.file }), newer: parseDocument(cited, { file: next.file }), citedNumber: old.number };
  }

  test('fidelity of the 2025 edition to the 2024 one is year on year: lowered targets, no weakened finding, and the report says so', async () => {
    const { fidelity } = await import('../../src/compare/fidelity.js');
    const { renderFidelityText } = await import('../../src/report/fidelity-text.js');
    const { older, newer } = await editions();
    // given either way round, the pair is judged as given (no parent to put first) and year on year
    for (const [child, parent] of [[newer, older], [older, newer]] as const) {
      const report = fidelity(child, parent);
      expect(report.orientation).toMatchObject({ relation: 'peer', swapped: false, parent: null });
      expect(report.orientation.warnings.map((w) => w.code)).toEqual(['year-on-year']);
      expect(report.findings.filter((f) => f.kind === 'weakened-target')).toEqual([]);
      expect(report.targets.some((t) => t.change.verdict !== null)).toBe(false);
    }
    const report = fidelity(newer, older);
    const lowered = report.targets.filter((t) => t.change.change === 'lowered');
    expect(lowered.length).toBeGreaterThan(0);
    expect(lowered.every((t) => t.change.summary.includes('lowered') && !t.change.summary.includes('weakened'))).toBe(true);
    const en = renderFidelityText(report, { lang: 'en' });
    expect(en).toContain('compared year on year');
    expect(en).not.toMatch(/weakened\]/u);
    expect(renderFidelityText(report, { lang: 'vi' })).toContain('so sánh giữa các năm');
    // a folder's matrix against the 2024 edition judges its next edition the same way
    const { fidelityMatrix } = await import('../../src/compare/fidelity.js');
    const matrix = fidelityMatrix([newer], older);
    expect(matrix.reports[0]!.orientation.warnings.map((w) => w.code)).toEqual(['year-on-year']);
    expect(matrix.rows.flatMap((r) => r.cells).some((c) => c.flag === 'weakened')).toBe(false);
  });

  test('a reviewer\'s pair of two editions (the Word and Excel reports, plandiff review) is compared as peers too', async () => {
    const { reviewPair } = await import('../../src/compare/review-pair.js');
    const { older, newer } = await editions();
    const pair = reviewPair(newer, older);
    expect(pair.comparison.relation).toBe('peer');
    expect(pair.comparison.orientation.warnings.map((w) => w.code)).toEqual(['year-on-year']);
    expect(pair.items.some((i) => /weakened/u.test(JSON.stringify(i)))).toBe(false);
  });

  test('two plans of different series are not year on year: the province plan and a department plan stay parent and child', async () => {
    const { compareDocuments } = await import('../../src/compare/compare.js');
    const cmp = compareDocuments(seed('ubnd2025'), seed('gddt2024'));
    expect(cmp.orientation.relation).toBe('parent');
    expect(cmp.orientation.warnings.map((w) => w.code)).not.toContain('year-on-year');
  });
});
