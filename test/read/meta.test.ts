import { describe, expect, test } from 'vitest';
import { readDate, splitNumberSymbol } from '../../src/read/meta.js';
import { parseDocument } from '../../src/read/parse.js';
import { seed, type SeedName } from '../corpus.js';

describe('document meta of the seeds', () => {
  test.each<[SeedName, Record<string, unknown>]>([
    ['sct2024', { type: 'Kế hoạch', carrier: 'Quyết định', number: null, symbol: 'QĐ-SCT', year: 2024, date: '2024-02', issuer: 'Sở Công Thương tỉnh Khánh Hòa', level: 'department', title: 'Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2024 của Sở Công Thương' }],
    ['gddt2024', { type: 'Kế hoạch', carrier: null, number: null, symbol: 'KH-SGDĐT', year: 2024, date: '2024-02', issuer: 'Sở Giáo dục và Đào tạo tỉnh Khánh Hòa', place: 'Khánh Hòa', level: 'department', title: 'Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2024' }],
    ['ubnd2025', { type: 'Kế hoạch', carrier: 'Quyết định', number: '344', symbol: 'QĐ-UBND', year: 2025, date: '2025-02-13', issuer: 'UBND tỉnh Khánh Hòa', place: 'Khánh Hòa', level: 'province', title: 'Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2025 trên địa bàn tỉnh Khánh Hòa' }],
    ['bacgiang2023', { type: 'Kế hoạch', number: null, symbol: 'KH-SCT', year: 2023, date: '2023-01', issuer: 'Sở Công Thương tỉnh Bắc Giang', place: 'Bắc Giang', title: 'Kế hoạch thực hiện kiểm soát thủ tục hành chính và cơ chế một cửa, một cửa liên thông năm 2023' }],
    ['gialai2021', { type: 'Kế hoạch', number: null, symbol: 'KH-SCT', year: 2021, date: '2021-12', issuer: 'Sở Công Thương tỉnh Gia Lai', place: 'Gia Lai', title: 'Kế hoạch cải cách hành chính giai đoạn 2021 – 2025 và định hướng đến năm 2030 của Sở Công Thương' }],
  ])('reads the identity of %s', (name, expected) => {
    expect(seed(name).meta).toMatchObject(expected);
  });

  test('picks the best-supported number and date of the 2025 Khánh Hòa decision and names the variants', () => {
    const w = seed('ubnd2025').meta.warnings;
    expect(w.find((x) => x.code === 'number-mismatch')?.message).toMatch(/"3HH", "3\/HH", "344".*"344"/);
    expect(w.find((x) => x.code === 'date-mismatch')?.message).toMatch(/"2025-01-13".*read as "2025-02-13"/);
  });

  test('raises no warning on a plan that agrees with itself', () => {
    expect(seed('gddt2024').meta.warnings).toEqual([]);
  });
});

describe('number and symbol', () => {
  test.each([
    ['344/QĐ-UBND', '344', 'QĐ-UBND'],
    ['3HH /QĐ-UBND', '3HH', 'QĐ-UBND'],
    ['3/HH/QĐ-UBND', '3/HH', 'QĐ-UBND'],
    ['/KH-SCT', null, 'KH-SCT'],
    ['57-NQ/TW', '57', 'NQ/TW'],
    ['63/2010/NĐ-CP', '63', 'NĐ-CP'],
    ['142/2024/QH15', '142', 'QH15'],
  ])('splits "%s" into number %s and symbol %s', (token, number, symbol) => {
    expect(splitNumberSymbol(token)).toMatchObject({ number, symbol });
  });
});

describe('dates', () => {
  test.each([
    ['Khánh Hòa, ngày 13 tháng 02 năm 2025', '2025-02-13'],
    ['Bắc Giang, ngày tháng 01 năm 2023', '2023-01'],
    ['Phú Thọ, ngày -tháng 12 năm 2011', '2011-12'],
    ['(Ban hành kèm theo Quyết định số: /QĐ-SCT ngày /02/2024', '2024-02'],
    ['Quyết định số 344/QĐ-UBND ngày 13 / 02 / 2025 của Chủ tịch', '2025-02-13'],
    ['*Đồng Nai, ngày 20 tháng 11 năm 2025*', '2025-11-20'],
  ])('reads "%s" as %s', (text, iso) => {
    expect(readDate(text)).toBe(iso);
  });

  test('does not read an impossible month as a date', () => {
    expect(readDate('ngày 10 tháng 13 năm 2024')).toBeNull();
  });
});

describe('comparison form of clauses', () => {
  test('the 000 and 003 copies of "Đối với TTHC thuộc thẩm quyền ban hành của tỉnh …" fold the same (abbreviation expanded)', () => {
    const a = parseDocument('I. A\n\n- Đối với TTHC thuộc thẩm quyền ban hành của tỉnh: Tham mưu công bố TTHC theo đúng quy định.');
    const b = parseDocument('I. A\n\n- Đối với thủ tục hành chính thuộc thẩm quyền ban hành của tỉnh: Tham mưu công bố thủ tục hành chính theo đúng quy định.');
    expect(a.clauses[0]!.children[0]!.norm).toBe(b.clauses[0]!.children[0]!.norm);
  });

  test('expands an abbreviation the document defines itself ("… kinh doanh (QĐKD)")', () => {
    const doc = seed('sct2024');
    expect(doc.abbreviations['QĐKD']).toBe('quy định liên quan đến hoạt động kinh doanh');
    expect(doc.abbreviations['TTHC']).toBe('thủ tục hành chính');
  });

  test('folds "hoá"/"hóa" and "thuỷ"/"thủy" the same, keeps the display text as printed', () => {
    const doc = parseDocument('I. MỤC TIÊU\n\n1. Đơn giản hoá thủ tục thuỷ sản');
    const c = doc.clauses[0]!.children[0]!;
    expect(c.text).toBe('Đơn giản hoá thủ tục thuỷ sản');
    expect(c.norm).toBe('đơn giản hóa thủ tục thủy sản');
  });
});

describe('titles written in capitals', () => {
  test.each([
    ['KẾ HOẠCH\n\nPHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026 - 2030\n\nSố: 144/KH-UBND', 'Bắc Ninh, ngày 24 tháng 11 năm 2025', 'Kế hoạch phát triển kinh tế số và xã hội số tỉnh Bắc Ninh giai đoạn 2026 - 2030'],
    ['KẾ HOẠCH\n\nPHÁT TRIỂN HẠ TẦNG 5G TRONG CÁC KHU CÔNG NGHIỆP', 'Hà Nội, ngày 24 tháng 11 năm 2025', 'Kế hoạch phát triển hạ tầng 5G trong các khu công nghiệp'],
    ['KẾ HOẠCH\n\nCHÀO MỪNG ĐẠI HỘI LẦN THỨ XIV CỦA ĐẢNG', 'Đắk Lắk, ngày 18 tháng 11 năm 2025', 'Kế hoạch chào mừng đại hội lần thứ XIV của đảng'],
  ])('are sentence-cased keeping the province, "5G" and Roman numerals (holdout titles)', (head, placeDate, title) => {
    expect(parseDocument(`${placeDate}\n\n${head}\n\nI. MỤC ĐÍCH\n\n1. Nội dung.`).meta.title).toBe(title);
  });
});

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc';

describe('meta of real headers (forms of ../shared/realcorpus, one row each)', () => {
  test.each<[string, string, Record<string, unknown>]>([
    ['a Prime Minister decision "Số: 2597/QĐ-TTg"', `THỦ TƯỚNG CHÍNH PHỦ\n\n${MOTTO}\n\nSố: 2597/QĐ-TTg\n\nHà Nội, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\nPhê duyệt Đề án phát triển`,
      { type: 'Quyết định', number: '2597', symbol: 'QĐ-TTg', year: 2025, date: '2025-11-20', issuer: 'Thủ tướng Chính phủ', level: 'national' }],
    ['a Prime Minister dispatch "Số: 224/CĐ-TTg"', `THỦ TƯỚNG CHÍNH PHỦ\n\n${MOTTO}\n\nSố: 224/CĐ-TTg\n\nHà Nội, ngày 20 tháng 11 năm 2025\n\nCÔNG ĐIỆN\n\nVề việc khẩn trương chuẩn bị`,
      { type: 'Công điện', number: '224', symbol: 'CĐ-TTg', issuer: 'Thủ tướng Chính phủ' }],
    ['a law "Luật số: 60/2024/QH15" in one header row', 'QUỐC HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc | Luật số: 60/2024/QH15 |\n\nLUẬT\n\nDỮ LIỆU\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;',
      { type: 'Luật', number: '60', symbol: 'QH15', year: 2024, issuer: 'Quốc hội', level: 'national' }],
    ['a decree "CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP | …"', 'CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập – Tự do – Hạnh phúc_________________ Hà Nội, ngày 30 tháng 6 năm 2025 |\n\nNGHỊ ĐỊNH\n\nQuy định về tuyển dụng công chức',
      { type: 'Nghị định', number: '171', symbol: 'NĐ-CP', year: 2025, issuer: 'Chính phủ' }],
    ['a Party decision numbered with a hyphen "Số 383-QĐ/TW"', 'BAN CHẤP HÀNH TRUNG ƯƠNG\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 383-QĐ/TW\n\nHà Nội, ngày 28 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\nVề việc thành lập',
      { type: 'Quyết định', number: '383', symbol: 'QĐ/TW', issuer: 'Ban Chấp hành Trung ương', level: 'national' }],
    ['a Party conclusion "Số 212-KL/TW"', 'BAN CHẤP HÀNH TRUNG ƯƠNG\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 212-KL/TW\n\nHà Nội, ngày 28 tháng 11 năm 2025\n\nKẾT LUẬN\n\nCỦA BỘ CHÍNH TRỊ',
      { type: 'Kết luận', number: '212', symbol: 'KL/TW' }],
    ['an office of the Party centre "BAN CHẤP HÀNH TRUNG ƯƠNG / VĂN PHÒNG"', 'BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 432-TB/VPTW\n\nHà Nội, ngày 26 tháng 11 năm 2025\n\nTHÔNG BÁO\n\nKẾT LUẬN CỦA ĐỒNG CHÍ TỔNG BÍ THƯ',
      { type: 'Thông báo', number: '432', symbol: 'TB/VPTW', issuer: 'Văn phòng Trung ương Đảng' }],
    ['the year from the number when no date is read (16/2025/NĐ-CP)', `CHÍNH PHỦ\n\n${MOTTO}\n\nSố: 16/2025/NĐ-CP\n\nNGHỊ ĐỊNH\n\nSửa đổi, bổ sung`,
      { number: '16', symbol: 'NĐ-CP', year: 2025, date: null }],
    ['a date without its comma "Hà Nội ngày 01 tháng 12 năm 2025"', `BỘ Y TẾ\n\n${MOTTO}\n\nSố: 50/2025/TT-BYT\n\nHà Nội ngày 01 tháng 12 năm 2025\n\nTHÔNG TƯ\n\nQuy định`,
      { date: '2025-12-01', issuer: 'Bộ Y tế', type: 'Thông tư' }],
    ['a provincial decision whose title names a department ("thuộc thẩm quyền giải quyết của Sở Y tế")', `ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n\n${MOTTO}\n\nSố: 12/QĐ-UBND\n\nQuảng Trị, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\nCông bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Y tế`,
      { issuer: 'UBND tỉnh Quảng Trị', province: 'Quảng Trị', level: 'province', type: 'Quyết định' }],
    ['a city of several words "THÀNH PHỐ HỒ CHÍ MINH", place "Thành phố Hồ Chí Minh, ngày …"', `ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n\n${MOTTO}\n\nSố: 2833/QĐ-UBND\n\nThành phố Hồ Chí Minh, ngày 19 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\nVề việc công bố`,
      { issuer: 'UBND thành phố Hồ Chí Minh', province: 'Hồ Chí Minh', year: 2025, date: '2025-11-19' }],
    ['a council resolution "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI"', `HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n\n${MOTTO}\n\nSố: 80/2025/NQ-HĐND\n\nHà Nội, ngày 27 tháng 11 năm 2025\n\nNGHỊ QUYẾT\n\nQUY ĐỊNH NỘI DUNG, MỨC CHI HỖ TRỢ LỰC LƯỢNG CÔNG AN CẤP XÃ TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ`,
      { issuer: 'HĐND thành phố Hà Nội', type: 'Nghị quyết', number: '80' }],
    ['a decision issuing a regulation keeps its own type ("QUYẾT ĐỊNH BAN HÀNH QUY CHẾ …")', `ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n\n${MOTTO}\n\nSố: 45/2025/QĐ-UBND\n\nĐồng Tháp, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\nBan hành Quy chế phối hợp`,
      { type: 'Quyết định', carrier: null }],
    ['a consolidated text (VBHN) takes neither the type nor the date of what it consolidates', `BỘ CÔNG THƯƠNG\n\n${MOTTO}\n\nSố: 57/VBHN-BCT\n\nHà Nội, ngày 26 tháng 11 năm 2025\n\nTHÔNG TƯ\n\nQUY ĐỊNH HỒ SƠ\n\n(Ban hành kèm theo Thông tư số 09/2025/TT-BCT ngày 01 tháng 02 năm 2025 của Bộ trưởng Bộ Công Thương)`,
      { type: 'Văn bản hợp nhất', number: '57', symbol: 'VBHN-BCT', date: '2025-11-26' }],
    ['a letter "V/v …" of a general department under its ministry ("BỘ TÀI CHÍNH / CỤC THUẾ")', `BỘ TÀI CHÍNH\nCỤC THUẾ\n\n${MOTTO}\n\nSố: 5348/CT-CS\nV/v hướng dẫn góp vốn điều lệ\n\nHà Nội, ngày 20 tháng 11 năm 2025\n\nKính gửi: Thuế tỉnh Quảng Trị.\n\nCục Thuế nhận được công văn số 324/QTR-KTr2 ngày 22/7/2025 của Thuế tỉnh Quảng Trị.`,
      { type: 'Công văn', number: '5348', symbol: 'CT-CS', issuer: 'Cục Thuế' }],
    ['a symbol with a dotted part is kept whole ("11554/VPCP-V.I", not "VPCP-V")', `VĂN PHÒNG CHÍNH PHỦ\n\n${MOTTO}\n\nSố: 11554/VPCP-V.I\nV/v triển khai\n\nHà Nội, ngày 20 tháng 11 năm 2025`,
      { number: '11554', symbol: 'VPCP-V.I', issuer: 'Văn phòng Chính phủ', type: 'Công văn' }],
    ['a stray space after the hyphen ("Số: 3783/QĐ- UBND")', `ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\n${MOTTO}\n\nSố: 3783/QĐ- UBND\n\nNghệ An, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\nBan hành danh mục`,
      { number: '3783', symbol: 'QĐ-UBND', issuer: 'UBND tỉnh Nghệ An' }],
    ['a number cited in a form of the body never becomes the document\'s own', `ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n\n${MOTTO}\n\nSố: 12/QĐ-UBND\n\nLào Cai, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\nVề việc công bố\n\nĐiều 1. Công bố.\n\nMẫu số 25\n\n(Ban hành kèm theo Thông tư số 37/2025/TT-BNNMT ngày 01/7/2025 của Bộ Nông nghiệp và Môi trường)`,
      { number: '12', symbol: 'QĐ-UBND', date: '2025-11-20' }],
    ['the annex line names a page that starts at its body ("(Kèm theo Công văn số 17809/BTC-CTK …)")', 'Kính gửi: Ủy ban nhân dân các tỉnh\n\nBộ Tài chính đề nghị các tỉnh gửi báo cáo.\n\nPHỤ LỤC\n\n(Kèm theo Công văn số 17809/BTC-CTK ngày 17 tháng 11 năm 2025 của Bộ Tài chính)',
      { number: '17809', symbol: 'BTC-CTK', date: '2025-11-17', issuer: 'Bộ Tài chính', type: 'Công văn' }],
  ])('%s', (_name, text, expected) => {
    expect(parseDocument(text).meta).toMatchObject(expected);
  });

  test.each([
    ['2597/QĐ-TTg', '2597', 'QĐ-TTg'],
    ['11554/VPCP-V.I', '11554', 'VPCP-V.I'],
    ['383-QĐi/TW', '383', 'QĐi/TW'],
    ['9086/BNV-CTTN&BĐG', '9086', 'BNV-CTTN&BĐG'],
    ['454/TTr-SoNNMT', '454', 'TTr-SoNNMT'],
    ['12/QĐ-UBND.', '12', 'QĐ-UBND'],
  ])('splits "%s" into number %s and symbol %s', (token, number, symbol) => {
    expect(splitNumberSymbol(token)).toMatchObject({ number, symbol });
  });
});

describe('letters and site furniture', () => {
  const LETTER = `BỘ TÀI CHÍNH\nCỤC THUẾ\n\n${MOTTO}\n\nSố: 5348/CT-CS\nV/v hướng dẫn góp vốn\n\nHà Nội, ngày 20 tháng 11 năm 2025\n\nKính gửi:\n\n- Thuế tỉnh Quảng Trị;\n\n- Thuế tỉnh Nghệ An.\n\nCục Thuế nhận được công văn của Thuế tỉnh Quảng Trị về việc góp vốn điều lệ.\n\nVề vấn đề này, Cục Thuế có ý kiến như sau: doanh nghiệp thực hiện theo quy định.\n\nNơi nhận:\n\n- Như trên;`;

  test('a letter (Công văn, "Kính gửi …") gives its unnumbered paragraphs as clauses, not its addressees', () => {
    const doc = parseDocument(LETTER);
    expect(doc.clauses.map((c) => c.id)).toEqual(['p1', 'p2']);
    expect(doc.clauses[0]!.text).toMatch(/^Cục Thuế nhận được/);
    expect(doc.header.filter((b) => b.role === 'addressee')).toHaveLength(3);
  });

  test('the banner, metadata table and footer of a legal-information site are left out of the clause tree, with a warning', () => {
    const page = [
      'Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT. Mọi hành vi sao chép là vi phạm pháp luật.',
      'Đang tải văn bản...',
      'Số hiệu:', '5348/CT-CS', 'Loại văn bản:', 'Công văn', 'Nơi ban hành:', 'Cục Thuế', 'Tình trạng:', 'Đã biết',
      LETTER,
      'Công văn 5348/CT-CS năm 2025 hướng dẫn góp vốn điều lệ do Cục Thuế ban hành',
      'Văn bản này chưa cập nhật nội dung Tiếng Anh',
      '## Văn bản liên quan',
      'Địa chỉ:', '17 Nguyễn Gia Thiều, P. Xuân Hòa, TP.HCM', 'Mã số thuế:', '0315459414',
      '- Bạn vừa bị Đăng xuất khỏi Tài khoản .',
    ].join('\n\n');
    const doc = parseDocument(page);
    expect(doc.clauses.map((c) => c.id)).toEqual(['p1', 'p2']);
    expect(doc.meta).toMatchObject({ number: '5348', symbol: 'CT-CS', type: 'Công văn', issuer: 'Cục Thuế' });
    expect(doc.meta.warnings.map((w) => w.code)).toContain('site-furniture');
    expect(doc.citations.map((c) => c.key)).not.toContain('CT-CS/5348/2025');
  });

  test('the site’s English translation after the document is furniture too', () => {
    const page = [
      'Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.', 'Số hiệu:', '5348/CT-CS', 'Tình trạng:', 'Đã biết',
      LETTER,
      'MINISTRY OF FINANCE', 'THE SOCIALIST REPUBLIC OF VIETNAM Independence - Freedom - Happiness', 'No. 5348/CT-CS',
      'Article 1. Scope', '1. This Circular provides for the management of funds.',
    ].join('\n\n');
    const doc = parseDocument(page);
    expect(doc.clauses.map((c) => c.id)).toEqual(['p1', 'p2']);
  });

  test('a letter the site shows without its header takes its number, date and issuer from the site\'s table, and says so', () => {
    const body = 'Kính gửi:\n\n- Thuế tỉnh Quảng Trị.\n\nCục Thuế nhận được công văn của Thuế tỉnh Quảng Trị về việc góp vốn điều lệ.\n\nNơi nhận:\n\n- Như trên;';
    const table = (issuer: string, symbol: string) => ['Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.', 'Đang tải văn bản... Số hiệu:', symbol, 'Loại văn bản:', 'Công văn', 'Nơi ban hành:', issuer, 'Ngày ban hành:', '21/11/2025', 'Tình trạng:', 'Đã biết'];
    const doc = parseDocument([...table('Cục Thuế', '5435/CT-NVT'), body].join('\n\n'));
    expect(doc.meta).toMatchObject({ number: '5435', symbol: 'CT-NVT', year: 2025, date: '2025-11-21', type: 'Công văn', issuer: 'Cục Thuế' });
    const w = doc.meta.warnings.find((x) => x.code === 'meta-from-site-table');
    expect(w?.message).toBe('The document does not print its number and symbol, date, issuer; read from the site\'s metadata table: number and symbol "5435/CT-NVT", date "21/11/2025", issuer "Cục Thuế"');
    // the symbol's body where the vocabulary knows it, the site's place for a committee's
    expect(parseDocument([...table('Thành phố Hồ Chí Minh', '4001/UBND-ĐT'), body].join('\n\n')).meta).toMatchObject({ issuer: 'UBND thành phố Hồ Chí Minh', province: 'Hồ Chí Minh', level: 'province' });
    expect(parseDocument([...table('Bộ Văn hoá, Thể thao và du lịch', '6316/BVHTTDL-VP'), body].join('\n\n')).meta.issuer).toBe('Bộ Văn hóa, Thể thao và Du lịch');
  });

  test('what the document prints wins over the site\'s table, and nothing is said of the table then', () => {
    const page = ['Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.', 'Số hiệu:', '9999/XX-YY', 'Nơi ban hành:', 'Tỉnh Quảng Trị', 'Ngày ban hành:', '01/01/2020', 'Tình trạng:', 'Đã biết', LETTER].join('\n\n');
    const doc = parseDocument(page);
    expect(doc.meta).toMatchObject({ number: '5348', symbol: 'CT-CS', date: '2025-11-20', issuer: 'Cục Thuế' });
    expect(doc.meta.warnings.map((x) => x.code)).not.toContain('meta-from-site-table');
  });

  test('a plan with no site furniture raises no furniture warning', () => {
    expect(seed('gddt2024').meta.warnings.map((w) => w.code)).not.toContain('site-furniture');
  });
});
