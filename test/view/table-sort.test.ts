import { describe, expect, test } from 'vitest';
import { compareCells, nextOrder, sortRows } from '../../src/view/table-sort.js';

describe('table sorting', () => {
  test('sorts Vietnamese issuers in Vietnamese order (Đ after D), numbers by value', () => {
    const issuers = ['Sở Tư pháp', 'Sở Công Thương', 'Sở Giáo dục và Đào tạo', 'Ủy ban nhân dân tỉnh', 'Đài Phát thanh'];
    const sorted = sortRows(issuers, { key: 'v', direction: 'asc' }, (r) => r);
    expect(sorted.indexOf('Đài Phát thanh')).toBeLessThan(sorted.indexOf('Sở Công Thương'));
    expect(sortRows([10, 9, 100], { key: 'v', direction: 'asc' }, (r) => r)).toEqual([9, 10, 100]);
  });

  test('keeps empty cells last in both directions and ties in their order', () => {
    const rows = [{ y: null }, { y: 2024 }, { y: 2021 }, { y: 2024, k: 1 }];
    expect(sortRows(rows, { key: 'y', direction: 'desc' }, (r) => r.y)).toEqual([{ y: 2024 }, { y: 2024, k: 1 }, { y: 2021 }, { y: null }]);
    expect(sortRows(rows, { key: 'y', direction: 'asc' }, (r) => r.y).at(-1)).toEqual({ y: null });
  });

  test('flips the direction on a second click and starts ascending on another column', () => {
    expect(nextOrder(null, 'year')).toEqual({ key: 'year', direction: 'asc' });
    expect(nextOrder({ key: 'year', direction: 'asc' }, 'year')).toEqual({ key: 'year', direction: 'desc' });
    expect(nextOrder({ key: 'year', direction: 'desc' }, 'title')).toEqual({ key: 'title', direction: 'asc' });
  });

  test('does not treat 0 as empty', () => {
    expect(compareCells(0, null)).toBe(-1);
  });
});
