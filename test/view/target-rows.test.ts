import { describe, expect, test } from 'vitest';
import { compareDocuments } from '../../src/compare/compare.js';
import { sortTargetRows, targetCounts, targetCsv, targetRows } from '../../src/view/target-rows.js';
import { seed } from '../corpus.js';

/** 000 (Sở Công Thương Khánh Hòa 2024) → 004 (UBND tỉnh Khánh Hòa 2025). */
const nextYear = compareDocuments(seed('sct2024'), seed('ubnd2025'));
const rows = targetRows(nextYear.targets);

describe('target rows', () => {
  test.each([
    // metric start, old, new, markers
    ['Tỷ lệ thanh toán trực tuyến', '≥ 45%', '60%', ['raised']],
    ['Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ', '≥ 50%', '60%', ['raised']],
    ['Tỷ lệ xử lý văn bản, hồ sơ công việc', '100%', '90%', ['lowered']],
  ])('shows "%s…" as %s → %s %j (000 → 004)', (metric, before, after, markers) => {
    const r = rows.find((x) => (x.metricBefore ?? x.metric).startsWith(metric))!;
    expect({ before: r.before, after: r.after, markers: r.markers, status: r.status }).toEqual({ before, after, markers, status: 'modified' });
  });

  test('gives the change in points for a raised target in the same unit', () => {
    expect(rows.find((x) => x.metric.startsWith('Tỷ lệ thanh toán trực tuyến'))).toMatchObject({ delta: 15, unit: '%', horizonBefore: 2024, horizonAfter: 2025 });
  });

  test('marks dropped and added targets and leaves their missing side empty', () => {
    const dropped = rows.find((r) => r.status === 'dropped')!;
    const added = rows.find((r) => r.status === 'added')!;
    expect(dropped).toMatchObject({ markers: ['dropped'], after: null, delta: null, clauseAfter: null });
    expect(added).toMatchObject({ markers: ['added'], before: null, delta: null, clauseBefore: null });
  });

  test('counts statuses and markers as the comparison does', () => {
    const c = targetCounts(rows);
    expect(c.copied + c.modified + c.dropped + c.added).toBe(nextYear.targets.length);
    expect(c.raised).toBe(nextYear.targets.filter((t) => t.change === 'raised').length);
  });

  test('sorts by change with the largest rise first and rows without a change last', () => {
    const sorted = sortTargetRows(rows, { key: 'delta', direction: 'desc' });
    expect(sorted[0]!.delta).toBe(15);
    expect(sorted[sorted.length - 1]!.delta).toBeNull();
  });

  test('sorts by status: modified, dropped, added, then copied', () => {
    const statuses = sortTargetRows(rows, { key: 'status', direction: 'asc' }).map((r) => r.status);
    expect(statuses.indexOf('copied')).toBeGreaterThan(statuses.lastIndexOf('added'));
    expect(statuses.lastIndexOf('modified')).toBeLessThan(statuses.indexOf('dropped'));
  });

  test('exports the CSV the CLI writes (BOM, header, one line per target)', () => {
    const csv = targetCsv(nextYear.targets);
    expect(csv.startsWith('\uFEFFstatus,change,')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(nextYear.targets.length + 1);
  });

  test('does not mark a copied target', () => {
    expect(rows.filter((r) => r.status === 'copied').every((r) => r.markers.length === 0)).toBe(true);
  });

  test('never throws on no targets', () => {
    expect(targetRows([])).toEqual([]);
    expect(sortTargetRows([], { key: 'metric', direction: 'asc' })).toEqual([]);
  });
});
