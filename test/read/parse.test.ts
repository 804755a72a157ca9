import { describe, expect, test } from 'vitest';
import { parseDocument } from '../../src/read/parse.js';
import { seedText } from '../corpus.js';

describe('parseDocument: warnings', () => {
  test('citation-level warnings reach meta.warnings with spans on the mention (004 "3/HH/QĐ-UBND")', () => {
    const text = seedText('ubnd2025');
    const doc = parseDocument(text);
    const garbled = doc.meta.warnings.filter((w) => w.code === 'citation-garbled-number');
    expect(garbled.length).toBeGreaterThan(0);
    for (const w of garbled) {
      expect(w.span).toBeDefined();
      const [s, e] = w.span!;
      expect(text.slice(s, e)).toMatch(/3\s*\/?\s*HH/);
    }
  });

  test('a citation whose date contradicts its number says so, at the mention', () => {
    const text = 'KẾ HOẠCH\n\nCăn cứ Nghị quyết số 01/2024/NQ-CP ngày 05/01/2023 của Chính phủ;\n\nI. MỤC TIÊU\n\n1. Thực hiện tốt.\n';
    const doc = parseDocument(text);
    const w = doc.meta.warnings.find((x) => x.code === 'citation-date-mismatch');
    expect(w).toBeDefined();
    expect(text.slice(w!.span![0], w!.span![1])).toContain('01/2024/NQ-CP');
  });
});
