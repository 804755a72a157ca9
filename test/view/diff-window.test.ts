import { describe, expect, test } from 'vitest';
import { compareDocuments } from '../../src/compare/compare.js';
import { diffRows } from '../../src/view/diff-rows.js';
import { estimateRowHeight, rowOffsets, rowWindow, type RowEstimate } from '../../src/view/diff-window.js';
import { seed } from '../corpus.js';

const EST: RowEstimate = { charsPerLine: 60, linePx: 20, padPx: 10, tagsPx: 20 };

describe('rowOffsets', () => {
  test('gives each row its start and the total last', () => {
    expect([...rowOffsets([10, 20, 30])]).toEqual([0, 10, 30, 60]);
    expect([...rowOffsets([])]).toEqual([0]);
  });
});

describe('rowWindow', () => {
  // 100 rows of 50 px: 5,000 px
  const offsets = rowOffsets(Array.from({ length: 100 }, () => 50));

  test('holds the rows in view and those within the overscan, widened to whole blocks', () => {
    // view 1,000–1,400 px: rows 20–27; overscan 100 px: rows 18–29; blocks of 12: rows 12–36
    expect(rowWindow(offsets, 1000, 400, 100, 12)).toEqual({ start: 12, end: 36 });
    expect(rowWindow(offsets, 1000, 400, 100, 1)).toEqual({ start: 18, end: 30 });
  });

  test('does not change while the view moves inside the same blocks', () => {
    expect(rowWindow(offsets, 1010, 400, 100, 12)).toEqual(rowWindow(offsets, 1000, 400, 100, 12));
  });

  test('stops at the first and the last row', () => {
    // 0–1,300 px: rows 0–25, widened to the end of their third block
    expect(rowWindow(offsets, 0, 400, 900, 12)).toEqual({ start: 0, end: 36 });
    expect(rowWindow(offsets, 4800, 400, 900, 12)).toEqual({ start: 72, end: 100 });
    expect(rowWindow(offsets, 99_999, 400, 0, 12)).toEqual({ start: 96, end: 100 });
  });

  test('is empty without rows', () => {
    expect(rowWindow(rowOffsets([]), 0, 400, 100, 12)).toEqual({ start: 0, end: 0 });
  });

  test('finds rows of uneven heights', () => {
    // rows of 10, 200, 10, 10 px: 120 px lies in row 1, 215 px in row 2
    const uneven = rowOffsets([10, 200, 10, 10]);
    expect(rowWindow(uneven, 120, 1, 0)).toEqual({ start: 1, end: 2 });
    expect(rowWindow(uneven, 215, 1, 0)).toEqual({ start: 2, end: 3 });
  });
});

describe('estimateRowHeight', () => {
  test('wraps the longer side at the line width, and leaves room for the tags of a changed row', () => {
    expect(estimateRowHeight({ size: 30, status: 'identical' }, EST)).toBe(30);
    expect(estimateRowHeight({ size: 121, status: 'identical' }, EST)).toBe(70);
    expect(estimateRowHeight({ size: 121, status: 'modified' }, EST)).toBe(90);
    expect(estimateRowHeight({ size: 0, status: 'added' }, EST)).toBe(50);
  });

  test('gives every row of a real diff (000 → 003) a positive height', () => {
    const rows = diffRows(compareDocuments(seed('sct2024'), seed('gddt2024')));
    const offsets = rowOffsets(rows.map((r) => estimateRowHeight(r, EST)));
    for (let k = 0; k < rows.length; k++) expect(offsets[k + 1]! - offsets[k]!).toBeGreaterThanOrEqual(EST.padPx + EST.linePx);
  });
});
