// The OCR layout from word boxes and the page image: ruled tables put back into rows, bullet dashes
// the engine dropped, skew and rules measured on the image, and the repairs of labels and numbers.
import { describe, expect, test } from 'vitest';
import { ocrText, type OcrPage, type OcrRules, type OcrWord } from '../../src/ingest/index.js';
import { findRules, measureSkew, removeSpecks, type GreyImage } from '../../src/ingest/ocr-image.js';

/** Words on one line from `left`, each 20 px a character, 15 px apart, or at a given x. */
function line(id: string, top: number, words: Array<string | [string, number]>, height = 40, left = 200): OcrWord[] {
  let x = left;
  return words.map((w) => {
    const [text, at] = typeof w === 'string' ? [w, x] : w;
    const width = text.length * 20;
    x = at + width + 15;
    return { text, left: at, top, width, height, confidence: 95, line: id };
  });
}

const page = (words: OcrWord[], rules?: OcrRules): OcrPage => ({ page: 1, width: 2480, height: 3508, confidence: 95, words, ...(rules ? { rules } : {}) });

describe('a ruled table read as lines across its cells', () => {
  // The appendix of 2024 Sở GDĐT Khánh Hòa as tesseract reads a synthetic scan of it: each text
  // line runs across all cells ("Tỷ lệ cung cấp - Đơn vị chủ Trong Tối"), a cell's text goes on
  // over several lines. Rules at x 300 | 400 | 1000 | 1400 | 1700, rows at y 500 | 700 | 1000.
  const vertical = [300, 400, 1000, 1400, 1700].map((x) => ({ x, top: 500, bottom: 1000 }));
  const horizontal = [500, 700, 1000].map((y) => ({ y, left: 300, right: 1700 }));
  const words = [
    ...line('1.1.1', 550, [['TT', 320], ['Tên', 420], 'nhiệm', 'vụ', ['Phân', 1020], 'công', ['Chỉ', 1420], 'tiêu']),
    ...line('2.1.1', 750, [['1.', 320], ['Tỷ', 420], 'lệ', 'cung', 'cấp', ['Văn', 1020], 'phòng', ['Tối', 1420], 'thiểu']),
    ...line('2.1.2', 810, [['dịch', 420], 'vụ', 'công', ['Sở', 1020], ['80%', 1420]]),
    ...line('3.1.1', 1100, ['Nơi', 'nhận:']),
  ];

  test('comes out as one tab-separated row per ruled row, a cell\'s lines joined, the text after it in place', () => {
    expect(ocrText([page(words, { horizontal, vertical })])).toBe('TT\tTên nhiệm vụ\tPhân công\tChỉ tiêu\n\n1.\tTỷ lệ cung cấp dịch vụ công\tVăn phòng Sở\tTối thiểu 80%\n\nNơi nhận:\n');
  });

  test('without rules the same words stay lines (no table is guessed from two columns)', () => {
    expect(ocrText([page(words)])).not.toContain('Tỷ lệ cung cấp dịch vụ công');
  });
});

describe('vertical strokes that frame nothing', () => {
  // A letter's header scanned with a fold line and a scratch down it: three vertical strokes, no
  // horizontal rule across them (only the short one under the motto). Read as a table, each header
  // column's words went into "cells" that ran the issuer into the motto and the number line into
  // the subject below it.
  const vertical = [{ x: 280, top: 60, bottom: 250 }, { x: 580, top: 60, bottom: 400 }, { x: 1605, top: 10, bottom: 490 }];
  const horizontal = [{ y: 230, left: 1300, right: 2010 }];
  const words = [
    ...line('1.1.1', 100, ['ỦY', 'BAN', 'NHÂN', 'DÂN', ['CỘNG', 1090], 'HÒA', 'XÃ', 'HỘI', 'CHỦ', 'NGHĨA', 'VIỆT', 'NAM'], 40, 310),
    ...line('1.1.2', 160, ['TỈNH', 'PHÚ', 'THỌ', ['Độc', 1300], 'lập', '-', 'Tự', 'do', '-', 'Hạnh', 'phúc'], 40, 360),
    ...line('2.1.1', 300, ['Số:', '/4;7/UBND-', 'KSTTHC', ['Phú', 1220], 'Thọ,', 'ngày', 'tháng', '12', 'năm', '2011'], 40, 260),
    ...line('3.1.1', 420, ['Về', 'việc', 'xây', 'dựng', 'kế', 'hoạch'], 40, 220),
  ];

  test('are no table: the header comes out line by line, each line whole', () => {
    const text = ocrText([page(words, { horizontal, vertical })]);
    expect(text).not.toContain('\t');
    expect(text.split('\n')).toEqual(expect.arrayContaining(['Số: /4;7/UBND- KSTTHC Phú Thọ, ngày tháng 12 năm 2011', 'Về việc xây dựng kế hoạch']));
  });

  test('the same strokes with a border across them are a table', () => {
    const text = ocrText([page(words, { horizontal: [...horizontal, { y: 20, left: 270, right: 1610 }, { y: 480, left: 270, right: 1610 }], vertical })]);
    expect(text).toContain('\t');
  });
});

describe('bullet dashes', () => {
  test('a dash printed just left of a line\'s first word is the bullet "-"; a "-" the image does not show is dust', () => {
    const words = [...line('1.1.1', 300, ['Nâng', 'cao', 'chất', 'lượng'], 40, 260), ...line('2.1.1', 400, ['-', 'thức', 'điện', 'tử'])];
    const dashes = [{ left: 200, top: 318, width: 30, height: 4 }];
    expect(ocrText([page(words, { horizontal: [], vertical: [], dashes })])).toBe('- Nâng cao chất lượng\nthức điện tử\n');
  });

  test('the "_" two pixels wide tesseract gives for a dash is the bullet when the dash is there', () => {
    const words = line('1.1.1', 300, [['_', 215], ['Hoàn', 260], 'thành']);
    words[0]!.width = 2;
    words[0]!.height = 2;
    expect(ocrText([page(words, { horizontal: [], vertical: [], dashes: [{ left: 200, top: 320, width: 30, height: 4 }] })])).toBe('- Hoàn thành\n');
  });
});

describe('a speck left of a heading', () => {
  // 2816/QĐ-UBND Đồng Nai's last page as tesseract read a synthetic scan of it: a seal's speck read
  // as "—" far left of the heading "1.3." (dropped as dust), then a bullet whose second line starts
  // at the margin. Kept as the heading line's start, the speck set the page's margin left of the
  // text, so the wrapped line looked indented after a "." and was a paragraph of its own.
  const words = [
    ...line('1.1.1', 120, [['—', 147], ['1.3.', 243], 'Lợi', 'ích', 'của', 'phương', 'án']),
    ...line('2.1.1', 350, [['-', 239], ['Chi', 282], 'phí', 'tuân', 'thủ', 'TTHC', 'trước', 'khi', 'đơn', 'giản', 'hóa:', '(10', 'ngày', 'làm', 'việc', '=', '80', 'giờ', 'X.']),
    ...line('2.1.2', 410, [['40.000', 238], 'đồng/giờ)', 'x10', 'hồ', 'sơ/năm', '=', '32.000.000', 'đồng/năm.']),
    ...line('3.1.1', 490, [['-', 239], ['Chi', 282], 'phí', 'tiết', 'kiệm:', '3.200.000', 'đồng/năm.']),
  ];
  words[0]!.confidence = 44;
  words[0]!.height = 13;
  for (const w of words) if (w.text === '-') Object.assign(w, { width: 13, height: 4, top: w.top + 20 });
  const dashes = [{ left: 239, top: 370, width: 13, height: 4 }, { left: 239, top: 510, width: 13, height: 4 }];

  test('does not stand as the margin: the bullet\'s wrapped line stays in its paragraph', () => {
    expect(ocrText([page(words, { horizontal: [], vertical: [], dashes })]).split('\n\n')).toEqual([
      '1.3. Lợi ích của phương án',
      '- Chi phí tuân thủ TTHC trước khi đơn giản hóa: (10 ngày làm việc = 80 giờ X.\n40.000 đồng/giờ) x10 hồ sơ/năm = 32.000.000 đồng/năm.',
      '- Chi phí tiết kiệm: 3.200.000 đồng/năm.\n',
    ]);
  });
});

describe('repairs of labels and numbers', () => {
  test.each([
    ['digits read as letters before "%" ("8O%", "l00%")', ['Tối', 'thiểu', '8O%', 'và', 'l00%'], 'Tối thiểu 80% và 100%\n'],
    ['a word that only ends in "l" before "%" is left alone', ['tổng', 'lượng', 'Al%'], 'tổng lượng Al%\n'],
    ['a heading\'s markdown marks read as "‡#ttt##"', ['‡#ttt##', '*-', 'Cải', 'cách', 'thể', 'chế:*'], '#### *- Cải cách thể chế:*\n'],
  ])('%s', (_name, text, expected) => {
    expect(ocrText([page(line('1.1.1', 300, text))])).toBe(expected);
  });

  test('a table group row\'s Roman numeral read as "IL." or "Il" gets the next numeral; item numbers stay', () => {
    const vertical = [300, 400, 1000].map((x) => ({ x, top: 500, bottom: 1100 }));
    const horizontal = [500, 600, 700, 800, 900, 1100].map((y) => ({ y, left: 300, right: 1000 }));
    const rows = [['I', 'Chỉ tiêu cụ thể'], ['1.', 'Tỷ lệ'], ['IL.', 'Thực hiện chỉ tiêu'], ['1.', 'Cập nhật'], ['Il', 'Chỉ tiêu về tỷ lệ']];
    const words = rows.flatMap(([label, text], i) => line(`${i + 1}.1.1`, 530 + i * 100, [[label!, 320], [text!, 420]]));
    expect(ocrText([page(words, { horizontal, vertical })]).split('\n\n').map((r) => r.split('\t')[0])).toEqual(['I', '1.', 'II.', '1.', 'III']);
  });
});

describe('labels the engine is unsure of or misreads', () => {
  /** Lines at 100 px pitch from y 300, each a list of words (a word and its confidence as [text, confidence]). */
  const lines = (rows: Array<Array<string | [string, number]>>) =>
    rows.flatMap((row, i) => {
      const words = line(`${i + 1}.1.1`, 300 + i * 100, row.map((w) => (typeof w === 'string' ? w : w[0])));
      row.forEach((w, k) => typeof w !== 'string' && (words[k]!.confidence = w[1]));
      return words;
    });

  test.each([
    // 2024 Sở GDĐT Khánh Hòa, synthetic scan page 1: "_b)" at confidence 37 and "2," at 25 were dropped as specks.
    ['a label read with low confidence is kept ("_b)" at 37)', [[['_b)', 37], 'Tiếp', 'tục', 'triển', 'khai']], 'b) Tiếp tục triển khai\n'],
    ['a numbered label\'s full stop read as a comma ("2," at 25)', [[['2,', 25], 'Chỉ', 'tiêu', 'thực', 'hiện']], '2. Chỉ tiêu thực hiện\n'],
    ['"1, Mục đích"', [['1,', 'Mục', 'đích']], '1. Mục đích\n'],
    ['a dash stuck before a label ("-3. Yêu cầu:")', [['-3.', 'Yêu', 'cầu:']], '3. Yêu cầu:\n'],
    // 2021–2025 Sở Công Thương Gia Lai: "6,1," and "2. 4." for 6.1. and 2.4., "G6." under a heading's marks.
    ['a dotted label read with commas ("6,1,")', [['6,1,', 'Phát', 'triển', 'hạ', 'tầng']], '6.1. Phát triển hạ tầng\n'],
    ['a dotted label with a space inside ("2. 4.")', [['2.', '4.', 'Thường', 'xuyên']], '2.4. Thường xuyên\n'],
    ['a capital stuck to a label under a heading\'s marks ("‡#ttt## G6.")', [['‡#ttt##', 'G6.', 'Xây', 'dựng']], '#### 6. Xây dựng\n'],
    ['a heading\'s marks read as "#ttớt"', [['#ttớt', 'a)', 'Đến', 'năm', '2025:']], '#### a) Đến năm 2025:\n'],
    ['a lettered label\'s bracket with a speck ("c©)")', [['c©)', 'Sở', 'Kế', 'hoạch']], 'c) Sở Kế hoạch\n'],
    ['a number that only starts a sentence is left alone ("2020, Ủy ban")', [['2020,', 'Ủy', 'ban']], '2020, Ủy ban\n'],
    ['"Số:" read as "Sắ:" before a number', [['Sắ:', '79/2024/TT-BCA']], 'Số: 79/2024/TT-BCA\n'],
  ])('%s', (_name, rows, expected) => {
    expect(ocrText([page(lines(rows as Array<Array<string | [string, number]>>))])).toBe(expected);
  });

  test('Roman section headings read as "I1.", "1L" (at confidence 7, no full stop) and "TH." are I, II and III', () => {
    const words = [
      ...line('1.1.1', 300, ['I1.', 'MỤC', 'ĐÍCH,', 'YÊU', 'CẦU']),
      ...line('2.1.1', 500, ['1L', 'NỘI', 'DUNG', 'KẾ', 'HOẠCH']),
      ...line('3.1.1', 700, ['TH.', 'TỔ', 'CHỨC', 'THỰC', 'HIỆN']),
    ];
    words[5]!.confidence = 7;
    expect(ocrText([page(words)])).toBe('I. MỤC ĐÍCH, YÊU CẦU\n\nII. NỘI DUNG KẾ HOẠCH\n\nIII. TỔ CHỨC THỰC HIỆN\n');
  });
});

describe('a ruled table printed on several pages', () => {
  // The appendix of QĐ 344/QĐ-UBND Khánh Hòa 2025 on a synthetic scan: a narrow STT column stacks its
  // letters ("T T ti,", "S T —T", lost on the last page), the value column wraps "2025", reads "(%)"
  // as "_0)" once and not at all once, a header cell runs "Chỉ tiêu" together.
  const vertical = [300, 400, 1000, 1600].map((x) => ({ x, top: 100, bottom: 3000 }));
  const tablePage = (n: number, stt: string, value: string[], rows: Array<[string, string, string]>): OcrPage => {
    const horizontal = [100, 300, ...rows.map((_, i) => 500 + i * 200)].map((y) => ({ y, left: 300, right: 1600 }));
    const words = [
      ...line('1.1.1', 150, [[stt, 310], ['Chỉtiêu', 420], ['Chỉ', 1020], ...value]),
      ...rows.flatMap(([label, metric, target], i) => line(`${i + 2}.1.1`, 350 + i * 200, [[label, 310], [metric, 420], [target, 1020]])),
    ];
    for (const w of words) if (w.text === 'I') w.confidence = 43; // as the engine read the group row's numeral
    return { ...page(words, { horizontal, vertical }), page: n };
  };
  const pages = [
    tablePage(1, 'T T ti,', ['tiêu', 'năm', '202', '5', '_0)'], [['I', 'Thực_hiện', ''], ['1.', 'Tỷ_lệ', '80']]),
    tablePage(2, 'S T —T', ['tiêu', 'năm', '202', '5', '(%)'], [['2.', 'Tỷ_lệ', '60']]),
    tablePage(3, 'STT', ['tiêu', 'năm', '2025', '(%)'], [['3.', 'Tỷ_lệ', '100']]),
    tablePage(4, '', ['tiêu', 'năm', '2025'], [['4.', 'Tỷ_lệ', '90']]),
  ];

  test('each page\'s header row reads "STT" and the text the headers agree on, its words apart and its year whole', () => {
    const headers = ocrText(pages).split('\n\n').filter((r) => r.startsWith('STT'));
    expect(headers).toEqual(Array(4).fill('STT\tChỉ tiêu\tChỉ tiêu năm 2025 (%)'));
  });

  test('the group row\'s "I" (at confidence 43) is kept, the rows keep their numbers', () => {
    expect(ocrText(pages).split('\n\n').filter((r) => !r.startsWith('STT')).map((r) => r.split('\t')[0])).toEqual(['I', '1.', '2.', '3.', '4.']);
  });
});

describe('the page image', () => {
  const blank = (width: number, height: number): GreyImage => ({ width, height, pixels: new Uint8Array(width * height).fill(255) });

  test('the skew of lines of text is measured (to a tenth of a degree), a straight page reads 0', () => {
    const draw = (degrees: number) => {
      const image = blank(1200, 900);
      const t = Math.tan((degrees * Math.PI) / 180);
      for (let row = 0; row < 12; row++) {
        for (let x = 100; x < 1100; x++) {
          if (x % 40 > 30) continue; // gaps between words
          for (let dy = 0; dy < 12; dy++) image.pixels[Math.round(80 + row * 60 + dy + x * t) * 1200 + x] = 0;
        }
      }
      return image;
    };
    expect(measureSkew(draw(0))).toBe(0);
    expect(Math.abs(measureSkew(draw(1.2)) - 1.2)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(measureSkew(draw(-0.8)) + 0.8)).toBeLessThanOrEqual(0.1);
  });

  test('a grid of thin grey rules is found: its vertical and horizontal lines, each once', () => {
    const image = blank(1000, 1400);
    for (const x of [100, 500, 900]) for (let y = 100; y <= 700; y++) image.pixels[y * 1000 + x] = 170;
    for (const y of [100, 400, 700]) for (let x = 100; x <= 900; x++) image.pixels[y * 1000 + x] = 170;
    const rules = findRules(image);
    expect(rules.vertical.map((v) => v.x)).toEqual([100, 500, 900]);
    expect(rules.horizontal.map((h) => h.y)).toEqual([100, 400, 700]);
  });

  test('a thin rule that zigzags over three rows (a skewed scan turned straight) is one rule, at its middle row', () => {
    // Its stretches, 150 px each, lie on rows 399–400 and 400–401 in turn: no two rows hold a run as
    // long as a rule must be (12 % of the page's width), three rows do.
    const image = blank(2000, 1000);
    for (let x = 100; x <= 1900; x++) {
      const low = Math.floor((x - 100) / 150) % 2 === 1;
      image.pixels[(low ? 401 : 399) * 2000 + x] = 180;
      image.pixels[400 * 2000 + x] = 195;
    }
    for (let x = 100; x <= 1900; x += 150) image.pixels.fill(255, 400 * 2000 + x, 400 * 2000 + x + 4); // where it steps, the middle row is paper
    const rules = findRules(image);
    expect(rules.horizontal.map((h) => [h.y, h.left, h.right])).toEqual([[400, 100, 1900]]);
  });

  test('specks go, the dot of a letter stays', () => {
    const image = blank(40, 10);
    image.pixels[2 * 40 + 2] = 0; // dust
    for (let y = 3; y < 8; y++) for (let x = 20; x < 25; x++) image.pixels[y * 40 + x] = 0; // a dot of 25 pixels
    removeSpecks(image, 6);
    expect([image.pixels[2 * 40 + 2], image.pixels[5 * 40 + 22]]).toEqual([255, 0]);
  });
});
