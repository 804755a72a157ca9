// After the OCR layout: what narrow ruled cells and OCR do to a table's value and numbering cells,
// to part and clause numbers, and the line-level noise of a scan (a margin dash, a seal's letters,
// a list's hanging indent), each as the synthetic scans of the seed plans showed it.
import { describe, expect, test } from 'vitest';
import { ocrText, type OcrPage, type OcrWord } from '../../src/ingest/index.js';
import { mendRowNumbers, mendTableLabels, tidyCell } from '../../src/ingest/ocr-layout-cells.js';
import { mendLetterNumbers, mendPartNumerals } from '../../src/ingest/ocr-layout-parts.js';
import { mendRomanCells } from '../../src/ingest/ocr-repair.js';
import { parseDocument } from '../../src/read/parse.js';
import { allClauses } from '../corpus.js';

const rows = (...lines: string[][]): string[] => lines.map((cells) => cells.join('\t'));

describe('a value cell too narrow for "Tối thiểu"', () => {
  test.each([
    ['Tối thể u 80%', 'Tối thiểu 80%'],
    ['Tối thiể u 45%', 'Tối thiểu 45%'],
    ['Tối thể 50', 'Tối thiểu 50'],
    ['Tối thiể 50%', 'Tối thiểu 50%'],
    ['Tối thiểu 90', 'Tối thiểu 90'],
  ])('"%s" is read "%s", and the reader finds the comparator', (cell, want) => {
    expect(tidyCell(cell, 4)).toBe(want);
    const appendix = 'Phụ lục\n\nTT\tTên nhiệm vụ\tPhân công\tThời gian thực hiện\tChỉ tiêu\tCăn cứ\n\nI.\tChỉ tiêu cụ thể về thủ tục hành chính\t\t\t\t\n\n';
    const doc = parseDocument(`KẾ HOẠCH\n\n${appendix}4.\tTỷ lệ số hóa hồ sơ\tCác phòng thuộc Sở\tTrong năm 2024\t${tidyCell(cell, 4)}\tNghị quyết số 01/NQ-CP\n`, { file: null });
    expect(doc.targets.map((t) => [t.clauseId, t.comparator])).toEqual([['PL.I.4', '>=']]);
  });

  test('without a number after it, or with another word, the cell is left as it is', () => {
    expect(tidyCell('Tối thể u', 4)).toBe('Tối thể u');
    expect(tidyCell('Tối thứ 5', 4)).toBe('Tối thứ 5');
  });
});

describe('a numbering cell with a rule\'s stub or a seal\'s edge', () => {
  test.each([['=3.', '3.'], ['5. ——1,', '5.'], ['_4,', '4.'], ['1.2', '1.2']])('"%s" is "%s"', (cell, want) => {
    expect(tidyCell(cell, 0)).toBe(want);
  });

  test('only the first column is read so, and a cell with words stays', () => {
    expect(tidyCell('=3.', 1)).toBe('=3.');
    expect(tidyCell('3. Tỷ lệ', 0)).toBe('3. Tỷ lệ');
  });
});

describe('numbering cells OCR read as nothing', () => {
  test('an item row takes the next number of its count; a row carrying on an item (small letter, no name) is left', () => {
    const paragraphs = rows(
      ['STT', 'Chỉ tiêu', 'Cơ quan', 'Chỉ tiêu (%)'],
      ['I', 'Chỉ tiêu cụ thể về thủ tục', '', ''],
      ['4.', 'Tỷ lệ số hóa hồ sơ', 'Các sở', '80'],
      ['', '', 'xã', ''],
      ['', 'Tỷ lệ kết quả xử lý hồ sơ', 'Các sở', '100'],
      ['', 'thủ tục hành chính giữa 02 hệ thống.', 'vụ quản trị', ''],
      ['II', 'Chỉ tiêu về văn bản', '', ''],
      ['', 'Tỷ lệ văn bản được xử lý', 'Các sở', '90'],
    );
    mendRowNumbers(paragraphs);
    expect(paragraphs.map((p) => p.split('\t')[0])).toEqual(['STT', 'I', '4.', '', '5.', '', 'II', '1.']);
  });

  test('under nested numbers an item row is the next item, a row with only a name the next group', () => {
    const paragraphs = rows(['1', 'Công bố TTHC', '', ''], ['1.1', 'Rà soát', 'Các phòng', 'Thường xuyên'], ['', 'Rà soát, trình công bố', 'Các phòng', 'Thường xuyên'], ['', 'Tham gia ý kiến', '', '']);
    mendRowNumbers(paragraphs);
    expect(paragraphs.map((p) => p.split('\t')[0])).toEqual(['1', '1.1', '1.2', '2']);
  });

  test('the first row under a header printed again on a new page may carry on the item before: left as it is', () => {
    const paragraphs = rows(['3.', 'Tỷ lệ hồ sơ', 'Các sở', '60'], ['STT', 'Chỉ tiêu', 'Cơ quan', 'Chỉ tiêu (%)'], ['', 'Chính phủ và Công văn số 221', '', '']);
    mendRowNumbers(paragraphs);
    expect(paragraphs[2]!.split('\t')[0]).toBe('');
  });

  test('a row in capitals (a header whose title OCR lost) takes no number', () => {
    const paragraphs = rows(['2.1', 'Thực hiện đánh giá', 'Các phòng', 'Khi có'], ['', 'NỘI DUNG CÔNG VIỆC', 'CƠ QUAN CHỦ TRÌ', 'THỜI GIAN']);
    mendRowNumbers(paragraphs);
    expect(paragraphs[1]!.split('\t')[0]).toBe('');
  });
});

describe('header and group rows of a table in capitals', () => {
  test('a header\'s "TT" read as a numeral or lost is "TT"; a group\'s numeral read as letters becomes a numeral\'s look-alike', () => {
    const paragraphs = rows(
      ['II', 'NỘI DUNG CÔNG VIỆC', 'CƠ QUAN CHỦ TRÌ', 'CƠ QUAN PHỐI HỢP', 'THỜI GIAN'],
      ['', 'NỘI DUNG CÔNG VIỆC', 'CƠ QUAN CHỦ TRÌ', 'CƠ QUAN PHỐI HỢP', 'THỜI GIAN'],
      ['mí', 'NHIỆM VỤ KIỂM SOÁT TTHC', '', '', ''],
      ['IH NHIỆM VỤ THỰC HIỆN CƠ CHẾ MỘT CỬA', 'l§', '', '', ''],
      ['II', 'Tham gia ý kiến', 'Văn phòng', 'Các phòng', 'Thường xuyên'],
    );
    mendTableLabels(paragraphs);
    expect(paragraphs).toEqual(rows(
      ['TT', 'NỘI DUNG CÔNG VIỆC', 'CƠ QUAN CHỦ TRÌ', 'CƠ QUAN PHỐI HỢP', 'THỜI GIAN'],
      ['TT', 'NỘI DUNG CÔNG VIỆC', 'CƠ QUAN CHỦ TRÌ', 'CƠ QUAN PHỐI HỢP', 'THỜI GIAN'],
      ['I', 'NHIỆM VỤ KIỂM SOÁT TTHC', '', '', ''],
      ['I', 'NHIỆM VỤ THỰC HIỆN CƠ CHẾ MỘT CỬA', '', '', '', ''],
      ['II', 'Tham gia ý kiến', 'Văn phòng', 'Các phòng', 'Thường xuyên'],
    ));
  });

  test('through ocrText\'s repairs the group rows count I, II, III', () => {
    const paragraphs = rows(['I', 'XÂY DỰNG VĂN BẢN', '', ''], ['1', 'Xây dựng kế hoạch', 'Văn phòng', 'Tháng 1'], ['mí', 'NHIỆM VỤ KIỂM SOÁT', '', ''], ['IH NHIỆM VỤ MỘT CỬA', '', '', '']);
    mendTableLabels(paragraphs);
    expect(paragraphs.map((p) => p.split('\t')[0])).toEqual(['I', '1', 'I', 'I']);
  });

  test('a word in small letters in the numbering cell beside a name in small letters goes to the name; the item then takes its number', () => {
    const paragraphs = rows(
      ['2.1', 'Lấy phiếu đánh giá', 'Văn phòng Sở', 'Thường xuyên'],
      ['ích', 'Đẩy mạnh dịch vụ bưu chính công', '', ''],
      ['3.1', 'Thực hiện rà soát', 'Văn phòng Sở', 'Thường xuyên'],
    );
    mendTableLabels(paragraphs);
    mendRowNumbers(paragraphs);
    expect(paragraphs[1]).toBe(['3.', 'Đẩy mạnh dịch vụ bưu chính công ích', '', ''].join('\t'));
    const doc = parseDocument(`KẾ HOẠCH\n\nPhụ lục\n\n${[...rows(['TT', 'NỘI DUNG', 'CHỦ TRÌ', 'THỜI GIAN'], ['II', 'NHIỆM VỤ MỘT CỬA', '', '']), ...paragraphs].join('\n\n')}\n`, { file: null });
    expect(allClauses(doc.clauses).map((c) => c.id)).toContain('PL.II.3.1');
  });

  test('a group row whose numeral OCR lost, in a table counting groups, is the next group; a header\'s carried-on name and a row of totals are not', () => {
    const paragraphs = rows(
      ['IV', 'CÔNG TÁC TRUYỀN THÔNG CẢI CÁCH TTHC, MỘT CỬA', '', ''],
      ['TT', 'NỘI DUNG CÔNG VIỆC', 'CƠ QUAN CHỦ TRÌ', 'THỜI GIAN'],
      ['', 'LIÊN THÔNG CẤP TỈNH VÀ CẤP XÃ', 'Văn phòng', ''],
      ['1', 'Xây dựng video hướng dẫn', 'Văn phòng Sở', 'Thường xuyên'],
      ['', 'NÂNG CAO TRÁCH NHIỆM NGƯỜI ĐỨNG ĐẦU', 'Văn phòng Sở', 'Thường xuyên'],
      ['', 'TỔNG CỘNG', '12', '30'],
    );
    mendTableLabels(paragraphs);
    mendRomanCells(paragraphs);
    expect(paragraphs.map((p) => p.split('\t')[0])).toEqual(['IV', 'TT', '', '1', 'V', '']);
  });

  test('a table that counts no groups gets none', () => {
    const paragraphs = rows(['1', 'Xây dựng kế hoạch', 'Văn phòng', 'Tháng 1'], ['', 'NÂNG CAO TRÁCH NHIỆM NGƯỜI ĐỨNG ĐẦU', 'Văn phòng Sở', 'Thường xuyên']);
    mendTableLabels(paragraphs);
    expect(paragraphs[1]!.split('\t')[0]).toBe('');
  });
});

describe('part and clause numbers read as letters', () => {
  test('"PHẦN H." after "PHẦN I." is "PHẦN II."; "Phân II." is "Phần II."; a numeral ahead of the count stays', () => {
    const paragraphs = ['PHẦN I. DANH MỤC', 'I. CẤP XÃ', 'PHẦN H. NỘI DUNG PHƯƠNG ÁN', 'Phân III. TỔ CHỨC', 'Phân bổ kinh phí cho các đơn vị'];
    mendPartNumerals(paragraphs);
    expect(paragraphs).toEqual(['PHẦN I. DANH MỤC', 'I. CẤP XÃ', 'PHẦN II. NỘI DUNG PHƯƠNG ÁN', 'Phần III. TỔ CHỨC', 'Phân bổ kinh phí cho các đơn vị']);
  });

  test('"S. Kịp thời …" after clause 4 is clause 5; an "S." with no count before it stays', () => {
    const paragraphs = ['S. Sở Công Thương chủ trì', '4. Thực hiện rà soát', 'S. Kịp thời xây dựng', 'B. Tổ chức'];
    mendLetterNumbers(paragraphs);
    expect(paragraphs).toEqual(['S. Sở Công Thương chủ trì', '4. Thực hiện rà soát', '5. Kịp thời xây dựng', 'B. Tổ chức']);
  });

  test('"S.2." after "5.1." is "5.2."; after "4.1." it is not in the count and stays', () => {
    const paragraphs = ['5.1. Triển khai quyền tự chủ', 'S.2. Thực hiện quản lý tài sản công', '4.1. Rà soát', 'S.2. Thực hiện'];
    mendLetterNumbers(paragraphs);
    expect(paragraphs.map((p) => p.split(' ')[0])).toEqual(['5.1.', '5.2.', '4.1.', 'S.2.']);
  });
});

/** Words on one line from `left`, each 20 px a character, 15 px apart. */
function line(id: string, top: number, words: string[], left = 300, height = 40, confidence = 95): OcrWord[] {
  let x = left;
  return words.map((text) => {
    const word = { text, left: x, top, width: text.length * 20, height, confidence, line: id };
    x += word.width + 15;
    return word;
  });
}
const page = (words: OcrWord[]): OcrPage => ({ page: 1, width: 2480, height: 3508, confidence: 95, words });
const wide = (n: number) => Array.from({ length: n }, (_, i) => `từ${i}`);

describe('line noise of a scan', () => {
  test('a lone dash at the end of a line that carries on is dropped; after a number it is a range and stays', () => {
    const words = [
      ...line('1.1.1', 300, [...wide(14), 'Tối', 'thiểu', '-']),
      ...line('1.1.2', 360, ['50%', 'hoạt', 'động', 'kiểm', 'tra', ...wide(10)]),
      ...line('1.1.3', 420, [...wide(15), '2021', '-']),
      ...line('1.1.4', 480, ['2025', 'của', 'Sở', ...wide(12)]),
    ];
    const text = ocrText([page(words)]);
    expect(text).toContain('Tối thiểu\n50% hoạt động');
    expect(text).toContain('2021 -\n2025');
  });

  test('a list item justified wide is a line with its bullet, not a row of cells; the engine\'s flat "-" is a bullet the image\'s dash finder missed', () => {
    const item = line('1.1.1', 300, ['-', 'Đơn', 'vị', 'phối', 'hợp:', 'Các', 'phòng', 'thuộc', 'Sở;']);
    for (const [k, shift] of [[5, 150], [6, 300], [7, 450], [8, 600]] as const) item[k]!.left += shift;
    Object.assign(item[0]!, { width: 13, height: 5, top: 318, confidence: 88 });
    expect(ocrText([{ ...page(item), rules: { horizontal: [], vertical: [], dashes: [] } }])).toBe('- Đơn vị phối hợp: Các phòng thuộc Sở;\n');
  });

  test('a line opening with a number ("1.004082", a procedure\'s code) carries on its paragraph; "1." with a word opens one', () => {
    const words = [...line('1.1.1', 300, [...wide(15), 'Mã', 'TTHC']), ...line('1.1.2', 360, ['1.004082']), ...line('1.1.3', 420, ['1.', 'Nội', 'dung'])];
    expect(ocrText([page(words)]).trim().split('\n\n').map((p) => p.split('\n').pop())).toEqual(['1.004082', '1. Nội dung']);
  });

  test('a seal\'s letters read as one big word the engine barely believes are not a paragraph', () => {
    const words = [...line('1.1.1', 300, ['Nội', 'dung', 'một']), ...line('2.1.1', 500, ['TRốI'], 900, 100, 29), ...line('3.1.1', 700, ['Nội', 'dung', 'hai'])];
    expect(ocrText([page(words)])).toBe('Nội dung một\n\nNội dung hai\n');
  });

  test('a list item\'s lines under its hanging indent stay one paragraph after a sentence ends inside it', () => {
    const words = [
      ...line('1.1.1', 300, ['2.', ...wide(16)], 230),
      ...line('1.1.2', 360, [...wide(15), 'tỉnh.'], 300),
      ...line('1.1.3', 420, ['Bảo', 'đảm', '100%', ...wide(13)], 300),
      ...line('1.1.4', 480, ['3.', ...wide(16)], 230),
      ...line('1.1.5', 540, [...wide(16)], 300),
    ];
    const text = ocrText([page(words)]);
    expect(text.split('\n\n').map((p) => p.split(' ')[0])).toEqual(['2.', '3.']);
  });
});
