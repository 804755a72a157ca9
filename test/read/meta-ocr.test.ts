// The identity of signed scans whose number line OCR did not keep whole: small texts of the shapes
// tesseract gives (a number written by hand, a receipt stamp over "Số:", the number only on the
// heads of the forms issued with the document). Made-up documents; the real scans are read in
// test/ingest/ocr-scan.real.test.ts.
import { describe, expect, test } from 'vitest';
import { readScrawledNumberLine, readStampedNumberLine } from '../../src/read/meta-ocr.js';
import { parseDocument } from '../../src/read/parse.js';

const MOTTO_ROW = 'BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc';

describe('number lines as OCR reads them on a signed scan', () => {
  test.each([
    ['Số: 2†§ /SNV-TCBC Bắc Ninh, ngày tháng 3 năm 2012', { number: null, symbol: 'SNV-TCBC', year: null, unread: '2†§' }],
    ['Số: ~;/2019/QĐ-UBND', { number: null, symbol: 'QĐ-UBND', year: 2019, unread: '~;' }],
    ['Số: /4;7/UBND- KSTTHC Phú Thọ, ngày -tháng 12 năm 2011', { number: null, symbol: 'UBND-KSTTHC', year: null, unread: '4;7' }],
  ])('a number written by hand: "%s"', (text, expected) => {
    expect(readScrawledNumberLine(text)).toEqual(expected);
  });

  test('a code one confused letter from exactly one known code is read as it ("UEND" → "UBND"); known and unmatched codes stay', () => {
    expect(readScrawledNumberLine('Số: /4;7/UEND- KSTTHC Phú Thọ, ngày -tháng 12 năm 2011')?.symbol).toBe('UBND-KSTTHC');
    expect(readStampedNumberLine('CÔNG VĂN ĐẾN 18/2024/TT-8TC Hà Nội', 'place-date')?.symbol).toBe('TT-BTC');
    // every part known (UBDT is the Ủy ban Dân tộc, not a misread UBND), or no known code one letter away
    expect(readScrawledNumberLine('Số: ~;/2019/QĐ-UBDT')?.symbol).toBe('QĐ-UBDT');
    expect(readScrawledNumberLine('Số: 2†§ /STTTT-CNTT')?.symbol).toBe('STTTT-CNTT');
    expect(readScrawledNumberLine('Số: 2†§ /SNV-TCBC')?.symbol).toBe('SNV-TCBC');
  });

  test('a number OCR read as a number is not a scrawl (the usual reading takes it)', () => {
    expect(readScrawledNumberLine('Số: 275/STTTT-CNTT')).toBeNull();
    expect(readScrawledNumberLine('Số: /KH-SGDĐT')).toBeNull();
  });

  test.each([
    ['Độc lập - Tự do - Hạnh phúc cổNG tin ôipøj 2023/TT-BTC Hà Nội, ngày 17 tháng 11 năm 2023', 'motto', { number: null, symbol: 'TT-BTC', year: 2023, unread: 'ôipøj' }],
    ['CÔNG VĂN ĐẾN 18/2024/TT-BTC Hà Nội, ngày 12 tháng 3 năm 2024', 'place-date', { number: '18', symbol: 'TT-BTC', year: 2024, unread: null }],
    ['ø6/2023/NĐ-CP', 'subject', { number: null, symbol: 'NĐ-CP', year: 2023, unread: 'ø6' }],
  ])('a number line under a receipt stamp: "%s"', (text, role, expected) => {
    expect(readStampedNumberLine(text, role)).toEqual(expected);
  });

  test.each([
    ['Sửa đổi Thông tư số 55/2021/TT-BCA ngày 15 tháng 5 năm 2021', 'motto'],
    ['theo Nghị định 12/2020/NĐ-CP', 'motto'],
    ['Hà Nội, ngày 17 tháng 11 năm 2023 2023/UBND-KT', 'place-date'],
    ['Về việc hướng dẫn thực hiện các nội dung của văn bản 2023/TT-BTC trên địa bàn', 'subject'],
  ])('another document\'s number, a symbol with no type code or a sentence is not a number line: "%s"', (text, role) => {
    expect(readStampedNumberLine(text, role)).toBeNull();
  });
});

describe('the identity of a scan whose number line is obscured', () => {
  test('a letter whose number is written by hand: its symbol and year, no number, a warning', () => {
    const doc = parseDocument('UBND TỈNH BẮC NINH CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc\n\nSố: 2†§ /SNV-TCBC Bắc Ninh, ngày tháng 3 năm 2012\nV/v báo cáo số lượng cán bộ.\n\nKính gửi:\n\n- Các phòng thuộc sở.\n\nSở Nội vụ đề nghị các phòng báo cáo trước ngày 20/3/2012.');
    expect(doc.meta).toMatchObject({ number: null, symbol: 'SNV-TCBC', year: 2012, date: '2012-03', type: 'Công văn' });
    expect(doc.meta.warnings.find((w) => w.code === 'number-unread')?.message).toMatch(/"2†§".*"SNV-TCBC"/);
  });

  test('a circular whose "Số:" lies under a receipt stamp: its symbol and year from the header row', () => {
    const doc = parseDocument(`${MOTTO_ROW} cổNG tin ôipøj 2023/TT-BTC Hà Nội, ngày 17 tháng 11 năm 2023\n\nĐẾN\n\nTHÔNG TƯ\nSửa đổi Thông tư số 55/2021/TT-BTC ngày 15 tháng 5 năm 2021\n\nCăn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n\nĐiều 1. Sửa đổi Điều 2.`);
    expect(doc.meta).toMatchObject({ number: null, symbol: 'TT-BTC', year: 2023, date: '2023-11-17' });
  });

  const STAMPED = `${MOTTO_ROW}\n\ncổNG môngĐÖ\n\n0023/11-BTC\n\nHà Nội, ngày 01 tháng 7 năm 2025\n\nTHÔNG TƯ\nSửa đổi các biểu mẫu\n\nCăn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n\nĐiều 1. Thay thế biểu mẫu C01 ban hành kèm theo Thông tư số 56/2021/TT-BTC bằng biểu mẫu C01 ban hành kèm theo Thông tư này.\n\nĐiều 2. Thông tư này có hiệu lực từ ngày 01 tháng 8 năm 2025.\n\nNơi nhận:\n\n- Lưu: VT.`;

  test('the number lost under the stamp is read from the heads of the forms issued with the circular', () => {
    const forms = '\n\nMẫu C01 ban hành kèm theo Thông tư số 53/2025/TT-BTC ngày 01/7/2025 của Bộ trưởng Bộ Tài chính\n\nTỜ KHAI\n\nMẫu C02 ban hành kèm theo Thông tư số 53/2025/TT-BTC\n\nPHIẾU';
    expect(parseDocument(STAMPED + forms).meta).toMatchObject({ number: '53', symbol: 'TT-BTC', year: 2025, date: '2025-07-01' });
  });

  test('a number line under the stamp and the forms: the forms give the number, the warning says so', () => {
    const header = `${MOTTO_ROW} cổNG tin ôipøj 2025/TT-BTC Hà Nội, ngày 01 tháng 7 năm 2025`;
    const doc = parseDocument(`${header}${STAMPED.slice(STAMPED.indexOf('\n\nTHÔNG TƯ'))}\n\nMẫu C01 ban hành kèm theo Thông tư số 53/2025/TT-BTC ngày 01/7/2025\n\nTỜ KHAI`);
    expect(doc.meta).toMatchObject({ number: '53', symbol: 'TT-BTC', year: 2025 });
    expect(doc.meta.warnings.find((w) => w.code === 'number-unread')?.message).toMatch(/"ôipøj".*read "53" from the forms/);
  });

  // each form's head as OCR reads it when its "Mẫu C01" went under the form's frame: debris before "hành kèm theo", run into the note that ends the form before
  const looseHead = (debris: string): string => `\n\n${debris} hành kèm theo Thông tư số 53/2025/TT-BTC ngày 01/7/2025 của Bộ trưởng Bộ Tài chính\n\nTỜ KHAI\n\n(1) Ghi rõ họ tên.`;

  test('form heads that lost their "Mẫu …" give the number when two or more agree', () => {
    const doc = parseDocument(STAMPED + looseHead('tÀ ban') + looseHead('Tàhar\\'));
    expect(doc.meta).toMatchObject({ number: '53', symbol: 'TT-BTC', year: 2025 });
  });

  test('one such head alone does not (a passing citation reads the same)', () => {
    expect(parseDocument(STAMPED + looseHead('tÀ ban')).meta).toMatchObject({ number: null, symbol: null });
  });

  test('a form of another year (one the circular amends) does not give the number', () => {
    const forms = '\n\nMẫu C01 ban hành kèm theo Thông tư số 56/2021/TT-BTC ngày 15/5/2021 của Bộ trưởng Bộ Tài chính\n\nTỜ KHAI';
    expect(parseDocument(STAMPED + forms).meta).toMatchObject({ number: null, symbol: null });
  });

  test('a form whose carrier and symbol name different types does not give the number', () => {
    const forms = '\n\nMẫu C01 ban hành kèm theo Thông tư số 53/2025/NĐ-CP\n\nTỜ KHAI';
    expect(parseDocument(STAMPED + forms).meta).toMatchObject({ number: null, symbol: null });
  });

  test('a header that prints its number keeps it over the forms', () => {
    const doc = parseDocument(`${MOTTO_ROW}\n\nSố: 20/2025/TT-BTC\n\nHà Nội, ngày 01 tháng 7 năm 2025\n\nTHÔNG TƯ\nSửa đổi các biểu mẫu\n\nĐiều 1. Nội dung.\n\nMẫu C01 ban hành kèm theo Thông tư số 53/2025/TT-BTC`);
    expect(doc.meta).toMatchObject({ number: '20', symbol: 'TT-BTC' });
    expect(doc.meta.warnings.map((w) => w.code)).not.toContain('number-unread');
  });
});

describe('the issuer of a scan whose header columns OCR reads as one line', () => {
  test.each([
    ['CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Chính phủ'],
    ['THỦ TƯỚNG CHÍNH PHỦ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Thủ tướng Chính phủ'],
    // OCR's dot keeps the row from reading as the motto
    ['BỘ CÔNG AN CỘNG HOÀ.XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Bộ Công an'],
  ])('"%s" is issued by %s', (row, issuer) => {
    const doc = parseDocument(`${row}\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 96/2016/NĐ-CP Hà Nội, ngày 01 tháng 7 năm 2016\n\nNGHỊ ĐỊNH\nQuy định điều kiện về an ninh\n\nCăn cứ Luật tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\nĐiều 1. Phạm vi điều chỉnh`);
    expect(doc.meta.issuer).toBe(issuer);
  });
});

describe('a receipt stamp read into the title lines of a scan', () => {
  const head = `CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 96/2016/NĐ-CP Hà Nội, ngày 01 tháng 7 năm 2016\n\nCỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ`;
  const body = '\n\nCăn cứ Luật tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\nChương I\n\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n\n1. Nội dung.';
  test.each([
    ['the type word at the end of the stamp\'s line', '\n\nĐẾN GÈ:-..S-....... NGHỊ ĐỊNH\n\nQuy định điều kiện về an ninh, trật tự'],
    ['the stamp\'s date before the subject', '\n\nNGHỊ ĐỊNH\n\nĐẾN Ngày:. pm I2094..... Quy định điều kiện về an ninh, trật tự'],
    ['the stamp\'s date after the type word', '\n\nĐẾN Giờ:...............\n\nNGHỊ ĐỊNH Ngày: t/22..\n\nQuy định điều kiện về an ninh, trật tự'],
  ])('%s: the decree\'s type and subject, without the stamp', (_name, lines) => {
    expect(parseDocument(head + lines + body).meta).toMatchObject({ type: 'Nghị định', title: 'Nghị định quy định điều kiện về an ninh, trật tự' });
  });

  test('a subject that opens with a date of its own keeps it', () => {
    const doc = parseDocument(`${head}\n\nNGHỊ ĐỊNH\n\nNgày hội đại đoàn kết toàn dân tộc${body}`);
    expect(doc.meta.title).toBe('Nghị định ngày hội đại đoàn kết toàn dân tộc');
  });
});

describe('the issuer of a scan whose header OCR read as rows of both columns', () => {
  const body = '\n\nKính gửi: Các đơn vị.\n\nĐề nghị các đơn vị báo cáo trước ngày 20/12/2011.';
  test.each([
    // the block's lowest unit is on the motto's second row; OCR lost a tone mark of its name
    ['UBND TỈNH PHÚ THỌ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ THÔNG TIN VÀ TRUYEN THÔNG Độc lập - Tự do - Hạnh phúc\n\nSố: 2†§ /STTTT-CNTT Phú Thọ, ngày tháng 12 năm 2011', 'Sở Thông tin và Truyền thông tỉnh Phú Thọ'],
    ['ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ THỌ Độc lập - Tự do - Hạnh phúc\n\nSố: 3/2025/QĐ-UBND Phú Thọ, ngày 01 tháng 7 năm 2025', 'UBND tỉnh Phú Thọ'],
    // a block no list knows (OCR's noise above the number line, a lost space) yields to the symbol's body
    ['“Z(M XỤ XRAIMHIK DAKUIK\n\nSố:45/2020/NĐ-CP Hà Nội, ngày 31 tháng 12 năm 2020', 'Chính phủ'],
    ['CHÍNHPHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 45/2020/NĐ-CP Hà Nội, ngày 08 tháng 4 năm 2020', 'Chính phủ'],
    // the block's province garbled, the symbol broken after its hyphen on the place's line: the province is the place's
    ['ỦY BAN N:IÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTÍNH PEU THỌ Độc lập - Tự do - Hạnh phúc\n\nSố: /4;7/UEND- KSTTHC Phú Thọ, ngày -tháng 12 năm 2011', 'UBND tỉnh Phú Thọ'],
  ])('%s', (head, issuer) => {
    expect(parseDocument(head + body).meta.issuer).toBe(issuer);
  });

  test('the place after a symbol OCR broke after its hyphen is the place alone, not the symbol\'s code', () => {
    const head = 'UBND TỈNH PHÚ THỌ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc\n\n';
    expect(parseDocument(`${head}Số: 12/SNV- TCBC Phú Thọ, ngày 05 tháng 12 năm 2011${body}`).meta.place).toBe('Phú Thọ');
    expect(parseDocument(`${head}Số: 12/SNV-TCBC Phú Thọ, ngày 05 tháng 12 năm 2011${body}`).meta.place).toBe('Phú Thọ');
  });

  test('a block no list knows stays when the symbol names no body', () => {
    const head = 'TRUNG TÂM DỊCH VỤ CÔNG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 12/TB-TTDVC Hà Nội, ngày 05 tháng 12 năm 2011';
    expect(parseDocument(head + body).meta.issuer).toBe('Trung tâm dịch vụ công');
  });
});
