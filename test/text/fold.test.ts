import { describe, expect, test } from 'vitest';
import { abbreviationsFor, definedPhrase, findDefinitions } from '../../src/text/abbreviations.js';
import { makeFolder } from '../../src/text/fold.js';

describe('findDefinitions', () => {
  test.each([
    ['cải cách thủ tục hành chính (TTHC) trọng tâm', 'TTHC', 'thủ tục hành chính', '000 preamble'],
    ['Sở Giáo dục và Đào tạo (GDĐT) xây dựng', 'GDĐT', 'giáo dục và đào tạo', '003 preamble (joiner "và" skipped)'],
    ['quy định liên quan đến hoạt động kinh doanh (QĐKD)', 'QĐKD', 'quy định liên quan đến hoạt động kinh doanh', '000 I.1.b (letters not contiguous)'],
    ['văn bản quy phạm pháp luật (QPPL), văn bản', 'QPPL', 'quy phạm pháp luật', '000 I.1.c'],
  ])('reads "%s" as %s = %s (%s)', (text, abbr, phrase) => {
    expect(findDefinitions(text)[abbr]).toBe(phrase);
  });

  test('does not invent a definition when the letters do not fit', () => {
    expect(definedPhrase('Báo cáo gửi Văn phòng', 'KSTT')).toBeNull();
  });
});

describe('comparison form', () => {
  const fold = makeFolder(abbreviationsFor(''));

  test('folds abbreviations, case and punctuation (000 vs 003, "Đối với TTHC …")', () => {
    expect(fold('- Đối với TTHC thuộc thẩm quyền ban hành của tỉnh: Tham mưu công bố TTHC theo đúng quy định.')).toBe(
      fold('Đối với thủ tục hành chính thuộc thẩm quyền ban hành của tỉnh: Tham mưu công bố thủ tục hành chính theo đúng quy định'),
    );
  });

  test('folds tone placement and case ("các Bộ" vs "các bộ", "hoá" vs "hóa")', () => {
    expect(fold('Phối hợp với các Bộ, đơn giản hoá')).toBe(fold('phối hợp với các bộ, đơn giản hóa'));
  });

  test('keeps decimal separators between digits', () => {
    expect(fold('đạt 6,5% năm 2024.')).toBe('đạt 6,5% năm 2024');
  });

  test('does not fold different words together', () => {
    expect(fold('Mục tiêu, yêu cầu')).not.toBe(fold('Mục đích, yêu cầu'));
  });
});
