import { describe, expect, test } from 'vitest';
import { corpusRows } from '../../src/view/corpus.js';
import { matchPlans, parseRecent, rememberPair, RECENT_PAIRS } from '../../src/view/plan-search.js';
import { corpusWorkspace } from './load.js';

const rows = corpusRows((await corpusWorkspace()).summaries());

describe('matchPlans: the plan picker search', () => {
  test.each([
    // two 2024 Khánh Hòa plans share the title "Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2024"; the issuer tells them apart
    ['giao duc', ['khanh-hoa/2024-so-gddt-cai-cach-tthc.txt']],
    ['Sở Công Thương 2024', ['khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt']],
    ['gia lai', ['gia-lai/2021-2025-so-cong-thuong-cai-cach-hanh-chinh.txt']],
  ])('"%s" finds %j', (query, files) => {
    expect(matchPlans(rows, query).map((r) => r.file)).toEqual(files);
  });

  test('finds by level in either language and by number', () => {
    const province = rows.filter((r) => r.level === 'province').map((r) => r.file);
    expect(province.length).toBeGreaterThan(0);
    expect(matchPlans(rows, 'tỉnh').map((r) => r.file)).toEqual(expect.arrayContaining(province));
    expect(matchPlans(rows, 'province').map((r) => r.file).sort()).toEqual([...province].sort());
    const numbered = rows.find((r) => r.ident && !r.ident.startsWith('…'))!;
    expect(matchPlans(rows, numbered.ident!).map((r) => r.file)).toContain(numbered.file);
  });

  test('gives every plan for an empty query and none for words no plan has', () => {
    expect(matchPlans(rows, ' ')).toHaveLength(rows.length);
    expect(matchPlans(rows, 'không có văn bản nào như thế')).toEqual([]);
  });
});

describe('recent pairs', () => {
  test('puts the newest first, once, and keeps at most RECENT_PAIRS', () => {
    let recent = [] as ReturnType<typeof rememberPair>;
    for (let k = 0; k < RECENT_PAIRS + 2; k++) recent = rememberPair(recent, { a: `a${k}`, b: 'b' });
    recent = rememberPair(recent, { a: 'a3', b: 'b' });
    expect(recent).toHaveLength(RECENT_PAIRS);
    expect(recent[0]).toEqual({ a: 'a3', b: 'b' });
    expect(recent.filter((p) => p.a === 'a3')).toHaveLength(1);
  });

  test('reads back what it stored, and nothing from garbage', () => {
    const recent = rememberPair([], { a: 'x.txt', b: 'upload:y.docx' });
    expect(parseRecent(JSON.stringify(recent))).toEqual(recent);
    expect(parseRecent('{not json')).toEqual([]);
    expect(parseRecent('[{"a":1}]')).toEqual([]);
    expect(parseRecent(null)).toEqual([]);
  });
});
