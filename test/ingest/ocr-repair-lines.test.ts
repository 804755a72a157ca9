// The lines of a paragraph the OCR layout joined: a speck standing alone inside a sentence, and a
// lead-in ("Lý do:") the layout ran on into the paragraph before, as the synthetic scan of the
// held-out Đồng Nai 2816 decision showed them.
import { describe, expect, test } from 'vitest';
import { mendLines } from '../../src/ingest/ocr-lines.js';
import { parseDocument } from '../../src/read/parse.js';

describe('a full stop or comma alone between words in small letters', () => {
  test('at a line\'s end before a line in small letters, or inside a line, it goes; the target reader then finds the unit', () => {
    const paragraphs = ['Giảm thời gian từ 10 ngày làm việc còn 09 ngày làm .\nviệc kể từ ngày nhận được hồ sơ , cụ thể:'];
    mendLines(paragraphs);
    expect(paragraphs).toEqual(['Giảm thời gian từ 10 ngày làm việc còn 09 ngày làm\nviệc kể từ ngày nhận được hồ sơ cụ thể:']);
    const doc = parseDocument(`KẾ HOẠCH\n\nI. NỘI DUNG\n\n1. Nội dung đơn giản hóa\n\n${paragraphs[0]}`, { file: null });
    expect(doc.targets.map((t) => [t.comparator, t.value, t.unit])).toEqual([['<=', 9, 'ngày làm việc']]);
  });

  test('one that ends the paragraph, or follows a capital or a number, stays', () => {
    const paragraphs = ['Thực hiện từ năm 2025 .\nNội dung khác TTHC .', 'Hoàn thành trước ngày 30 .'];
    mendLines(paragraphs);
    expect(paragraphs).toEqual(['Thực hiện từ năm 2025 .\nNội dung khác TTHC .', 'Hoàn thành trước ngày 30 .']);
  });
});

describe('a lead-in after a sentence', () => {
  test('"Lý do:" after a line that ended a sentence opens a paragraph of its own', () => {
    const paragraphs = ['Giảm thời gian thẩm định hồ sơ từ 25 ngày xuống còn 23 ngày.\nLý do: Rút ngắn thời gian giải quyết thủ tục\nhành chính.'];
    mendLines(paragraphs);
    expect(paragraphs).toEqual(['Giảm thời gian thẩm định hồ sơ từ 25 ngày xuống còn 23 ngày.', 'Lý do: Rút ngắn thời gian giải quyết thủ tục\nhành chính.']);
  });

  test('not after a line that carries on, nor a sentence that only has a colon later on, nor a table row', () => {
    const paragraphs = [
      'Phối hợp với các cơ quan sau\nĐơn vị phối hợp: Các phòng',
      'Tổ chức thực hiện.\nCác phòng chuyên môn thuộc Sở có trách nhiệm như sau: rà soát',
      '1.\tNội dung.\tLý do: khác',
    ];
    const before = [...paragraphs];
    mendLines(paragraphs);
    expect(paragraphs).toEqual(before);
  });
});
