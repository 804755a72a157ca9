import { describe, expect, test } from 'vitest';
import { corpusFacets, corpusRows, filterCorpus, identOf, searchForm, sortCorpus, type CorpusRow } from '../../src/view/corpus.js';
import type { PlanSummary } from '../../src/view/workspace.js';
import { SEEDS } from '../corpus.js';
import { corpusWorkspace } from './load.js';

async function rows(): Promise<CorpusRow[]> {
  return corpusRows((await corpusWorkspace()).summaries());
}

const unreadable: PlanSummary = {
  file: 'upload:ke-hoach.doc',
  source: 'upload',
  size: 12,
  format: null,
  meta: null,
  clauses: 0,
  targets: 0,
  citations: 0,
  warnings: [],
  error: { code: 'unsupported', message: 'is a legacy Word .doc file' },
  ms: 0,
};

describe('corpus table rows', () => {
  test.each([
    // file, title, issuer, level, year, type, number/symbol as printed
    [SEEDS.sct2024, 'Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2024 của Sở Công Thương', 'Sở Công Thương tỉnh Khánh Hòa', 'department', 2024, 'Kế hoạch', '…/QĐ-SCT'],
    [SEEDS.gddt2024, 'Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2024', 'Sở Giáo dục và Đào tạo tỉnh Khánh Hòa', 'department', 2024, 'Kế hoạch', '…/KH-SGDĐT'],
    [SEEDS.ubnd2025, 'Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2025 trên địa bàn tỉnh Khánh Hòa', 'UBND tỉnh Khánh Hòa', 'province', 2025, 'Kế hoạch', '344/QĐ-UBND'],
    [SEEDS.bacgiang2023, 'Kế hoạch thực hiện kiểm soát thủ tục hành chính và cơ chế một cửa, một cửa liên thông năm 2023', 'Sở Công Thương tỉnh Bắc Giang', 'department', 2023, 'Kế hoạch', '…/KH-SCT'],
  ])('shows %s with its title, issuer, level, year, type and number', async (file, title, issuer, level, year, type, ident) => {
    const r = (await rows()).find((x) => x.file === file)!;
    expect({ title: r.title, issuer: r.issuer, level: r.level, year: r.year, type: r.type, ident: r.ident }).toEqual({ title, issuer, level, year, type, ident });
    expect(r.folder).toBe(file.slice(0, file.indexOf('/')));
    expect(r.node).not.toBeNull();
  });

  test.each([
    ['cai cach thu tuc', 3],
    ['CẢI CÁCH', 4],
    ['KHÁNH HÒA', 3],
    ['khanh hoa 2025', 1],
    ['bac giang', 1],
    ['344/qđ-ubnd', 1],
    ['sgddt', 1],
    ['hà nội', 0],
  ])('finds "%s" in %i plan(s), ignoring case and diacritics', async (query, count) => {
    expect(filterCorpus(await rows(), { query })).toHaveLength(count);
  });

  test('filters by level, year and type together', async () => {
    const r = await rows();
    expect(filterCorpus(r, { level: 'province' }).map((x) => x.file)).toEqual([SEEDS.ubnd2025]);
    expect(filterCorpus(r, { level: 'department', year: 2024 }).map((x) => x.file).sort()).toEqual([SEEDS.sct2024, SEEDS.gddt2024].sort());
    expect(filterCorpus(r, { type: 'Nghị quyết' })).toEqual([]);
  });

  test('lists the facets present: levels in hierarchy order, years newest first', async () => {
    expect(corpusFacets(await rows())).toEqual({ levels: ['province', 'department'], years: [2025, 2024, 2023, 2021], types: ['Kế hoạch'] });
  });

  test('sorts by year descending with the unreadable upload last', async () => {
    const sorted = sortCorpus(corpusRows([...(await corpusWorkspace()).summaries(), unreadable]), { key: 'year', direction: 'desc' });
    expect(sorted.map((r) => r.year)).toEqual([2025, 2024, 2024, 2023, 2021, null]);
  });

  test('shows an unreadable upload by its file name, with its error and no lineage node', () => {
    const [r] = corpusRows([unreadable]);
    expect(r).toMatchObject({ title: 'ke-hoach.doc', untitled: true, error: { code: 'unsupported' }, node: null, source: 'upload', folder: '' });
  });

  test('does not read a symbol-less meta as a number', () => {
    expect(identOf({ number: '344', symbol: null })).toBeNull();
    expect(identOf({ number: null, symbol: 'KH-SCT' })).toBe('…/KH-SCT');
  });

  test('folds search text the same way for queries and rows', () => {
    expect(searchForm('  Sở  Giáo dục và Đào tạo ')).toBe('so giao duc va dao tao');
  });

  test('never throws on odd filters', async () => {
    const r = await rows();
    for (const query of ['', '   ', '\u0301', '((', '*'.repeat(1000)]) expect(() => filterCorpus(r, { query })).not.toThrow();
  });
});
