import { describe, expect, test } from 'vitest';
import { fidelity } from '../../src/compare/fidelity.js';
import { renderFidelityHtml } from '../../src/report/fidelity-html.js';
import { renderFidelityText } from '../../src/report/fidelity-text.js';
import { seed } from '../corpus.js';

describe('the fidelity reports say how the pair was ordered', () => {
  const swapped = fidelity(seed('ubnd2025'), seed('gddt2024')); // given child first

  test('the text report says it swapped and why, and warns in Vietnamese', () => {
    const text = renderFidelityText(swapped, { lang: 'vi', color: false });
    expect(text).toContain('! Đã đổi chiều: văn bản thứ hai là văn bản cấp trên (văn bản kia thực hiện kỳ trước của nó).');
    expect(text).toContain('! Văn bản triển khai (2024-02) ban hành trước văn bản cấp trên (2025-02-13).');
    expect(text).toContain('thực hiện 421/QĐ-UBND năm 2024');
  });

  test('the HTML report lists the same in English when asked', () => {
    const html = renderFidelityHtml(swapped, { lang: 'en' });
    expect(html).toContain('<li>Swapped: the second plan is the parent (the other implements its earlier edition).</li>');
    expect(html).toContain('is older than its parent');
  });

  test('a pair given parent first has no swap line', () => {
    expect(renderFidelityText(fidelity(seed('gddt2024'), seed('ubnd2025')), { lang: 'vi', color: false })).not.toContain('Đã đổi chiều');
  });
});
