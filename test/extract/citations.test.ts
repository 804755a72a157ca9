import { describe, expect, test } from 'vitest';
import { citationKey, citationKeysIn, extractCitations, printedNumber, readCitations, readReference, type CitationContext } from '../../src/extract/citations.js';
import type { Citation, Passage, Zone } from '../../src/types.js';

// Seed files: 000 = corpus/khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt, 001 = corpus/bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt,
// 002 = corpus/gia-lai/2021-2025-so-cong-thuong-cai-cach-hanh-chinh.txt, 003 = corpus/khanh-hoa/2024-so-gddt-cai-cach-tthc.txt,
// 004 = corpus/khanh-hoa/2025-ubnd-cai-cach-tthc.txt; holdout files under ../shared/holdout/.

/** A passage over a string; `base` shifts the offsets as if the text sat later in a file. */
function passage(text: string, opts: { zone?: Zone; role?: string; clauseId?: string; base?: number } = {}): Passage {
  const base = opts.base ?? 0;
  const offsets = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = base + i;
  return { clauseId: opts.clauseId ?? 'I.1', zone: opts.zone ?? 'body', role: opts.role ?? 'paragraph', text, offsets, headings: [] };
}

function context(province: string | null = 'Khánh Hòa', self: Partial<CitationContext['self']> = {}): CitationContext {
  return { self: { number: null, symbol: null, year: null, ...self }, province };
}

function cite(text: string, opts: { zone?: Zone; role?: string; province?: string | null } = {}): Citation[] {
  return extractCitations([passage(text, opts)], context(opts.province === undefined ? 'Khánh Hòa' : opts.province));
}

function keys(text: string, opts: { zone?: Zone; role?: string } = {}): string[] {
  return cite(text, opts).map((c) => c.key);
}

describe('reference forms', () => {
  test.each([
    ['number with QĐ-UBND and a date in words (000)', 'Thực hiện Quyết định số 421/QĐ-UBND ngày 06 tháng 02 năm 2024 của UBND tỉnh Khánh Hòa về việc ban hành Kế hoạch', 'QĐ-UBND/421/2024', { number: '421', symbol: 'QĐ-UBND', year: 2024, date: '2024-02-06', type: 'Quyết định' }],
    ['year inside the number (001)', 'Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính (TTHC),', 'NĐ-CP/63/2010', { number: '63', symbol: 'NĐ-CP', year: 2010, date: '2010-06-08', type: 'Nghị định' }],
    ['party resolution 57-NQ/TW (004)', 'theo chỉ đạo tại Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học', 'NQ/TW/57/2024', { number: '57', symbol: 'NQ/TW', year: 2024, issuer: 'Bộ Chính trị' }],
    ['National Assembly resolution 142/2024/QH15 (004)', 'theo yêu cầu của Quốc hội tại Nghị quyết số 142/2024/QH15 ngày 29/6/2024 và các văn bản', 'QH15/142/2024', { number: '142', symbol: 'QH15', year: 2024, issuer: 'Quốc hội' }],
    ['circular 02/2017/TT-VPCP (holdout dongnai 2813)', 'Căn cứ Thông tư số\n02/2017/TT-VPCP ngày 30 tháng 10 năm 2017 của Văn phòng Chính phủ Hướng dẫn\nnghiệp vụ kiểm soát thủ tục hành chính;', 'TT-VPCP/02/2017', { type: 'Thông tư', date: '2017-10-30', issuer: 'Văn phòng Chính phủ' }],
    ['decree without year in the number takes the date year (002)', 'theo quy định của Luật Quản lý tài sản công năm 2017 và Nghị định số 151/NĐ-CP ngày 26/12/2017 của Chính phủ.', 'NĐ-CP/151/2017', { number: '151', year: 2017, date: '2017-12-26' }],
    ['leading zeros kept (000)', 'Thực hiện các chỉ tiêu được giao tại Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ', 'NQ-CP/01/2024', { number: '01' }],
    ['no "số" (000)', 'tại Nghị quyết số 01/NQ-CP ngày 05/01/2024; Nghị quyết 02/NQ-CP ngày 05/01/2024; Nghị quyết số 68/NQ-CP', 'NQ-CP/02/2024', { number: '02' }],
    ['stray space after the hyphen (004)', 'theo Công văn số 476/VPCP- KSTT ngày 17/01/2025 của Văn phòng Chính phủ.', 'VPCP-KSTT/476/2025', { symbol: 'VPCP-KSTT', issuer: 'Văn phòng Chính phủ' }],
    ['stray space before the hyphen (holdout hanoi 310)', 'về thực hiện Nghị quyết số 71/NQ -CP ngày 01/4/2025 của\nChính phủ', 'NQ-CP/71/2025', { symbol: 'NQ-CP' }],
    ['stray space after the number (holdout nghean 987)', 'thực hiện hiệu quả Nghị quyết số 57- NQ/TW của Bộ Chính trị,', 'NQ/TW/57', { symbol: 'NQ/TW', year: null }],
    ['date 6/9/2024 without zeros (004 footnote)', 'Công văn số 9867/UBND-KSTT ngày 6/9/2024 của UBND tỉnh hướng dẫn thực hiện', 'UBND-KSTT/9867/2024', { date: '2024-09-06', issuer: 'UBND tỉnh Khánh Hòa' }],
    ['date in words broken across lines (holdout dongnai 179)', 'Căn cứ Nghị quyết số 71/NQ-CP ngày 01 tháng 4 năm\n2025 của Chính phủ sửa đổi', 'NQ-CP/71/2025', { date: '2025-04-01' }],
    ['type word broken across lines (holdout daklak 0134)', 'ban hành trước sắp xếp tỉnh; Quyết\nđịnh số 66/2018/QĐ- UBND ngày 28/12/2018 của UBND tỉnh Phú Yên (cũ) về việc Ban', 'QĐ-UBND/66/2018', { type: 'Quyết định', symbol: 'QĐ-UBND', issuer: 'UBND tỉnh Phú Yên', scope: 'Phú Yên' }],
    ['lower-case type word (004)', 'theo chỉ đạo của Phó Thủ tướng Thường trực Chính phủ tại công văn số 7641/VPCP-KSTT ngày 18/10/2024 của Văn phòng Chính phủ.', 'VPCP-KSTT/7641/2024', { type: 'Công văn' }],
    ['action plan of a party committee (holdout nghean 987)', 'Triển khai Kế hoạch hành động số 328-KH/TU ngày\n24/4/2025 của Ban chấp hành Đảng bộ tỉnh Nghệ An về việc thực hiện', 'KH/TU/328/2025', { type: 'Kế hoạch', symbol: 'KH/TU', scope: 'Nghệ An' }],
    ['issuer written before the date (holdout dongnai 179)', 'Căn cứ Quyết định số 411/QĐ-TTg của Thủ tướng Chính\nphủ ngày 31/3/2022 phê duyệt Chiến lược quốc gia', 'QĐ-TTg/411/2022', { date: '2022-03-31', issuer: 'Thủ tướng Chính phủ' }],
    ['symbol with a department unit (holdout daklak 0134)', 'Căn cứ Quyết định số 4255/QĐ-BNN-KHCN\nngày 04/12/2024 của Bộ Nông nghiệp và PTNT (nay là Bộ Nông nghiệp và Môi\ntrường) về việc phê duyệt Chương trình', 'QĐ-BNN-KHCN/4255/2024', { issuer: 'Bộ Nông nghiệp và PTNT', scope: null }],
    ['proposal of a department (holdout dongnai 2813)', 'Theo đề xuất của Giám đốc Sở\nNông nghiệp và Môi trường tại Tờ trình số 454/TTr-SoNNMT ngày 17 tháng 11 năm\n2025.', 'TTr-SoNNMT/454/2025', { type: 'Tờ trình', scope: 'Khánh Hòa' }],
  ])('reads %s', (_name, text, key, fields) => {
    const found = cite(text);
    const c = found.find((x) => x.key === key);
    expect(found.map((x) => x.key)).toContain(key);
    expect(c).toMatchObject(fields);
  });

  test('reads both items of a list sharing its type word once (004: "Nghị định số 45/2020/NĐ-CP và Nghị định số 107/2021/NĐ-CP")', () => {
    expect(keys('theo đúng quy định của Chính phủ tại Nghị định số 45/2020/NĐ-CP và Nghị định số 107/2021/NĐ-CP, làm sạch dữ liệu')).toEqual([
      'NĐ-CP/45/2020',
      'NĐ-CP/107/2021',
    ]);
  });

  test('reads a number continuing a list without its own type word', () => {
    const found = cite('theo Nghị định số 45/2020/NĐ-CP, 107/2021/NĐ-CP của Chính phủ');
    expect(found.map((c) => [c.key, c.type])).toEqual([
      ['NĐ-CP/45/2020', 'Nghị định'],
      ['NĐ-CP/107/2021', 'Nghị định'],
    ]);
  });

  test('lends a trailing issuer to the earlier items of a list (004: "…76/NQ-CP ngày 15/7/2021, Nghị quyết số 68/NQ-CP ngày 12/5/2020 của Chính phủ")', () => {
    const found = cite('giai đoạn 2021-2025 Nghị quyết số 76/NQ-CP ngày 15/7/2021, Nghị quyết số 68/NQ-CP ngày 12/5/2020 của Chính phủ; Quyết định số 468/QĐ-TTg ngày 27/03/2021');
    expect(found.map((c) => [c.key, c.issuer])).toEqual([
      ['NQ-CP/76/2021', 'Chính phủ'],
      ['NQ-CP/68/2020', 'Chính phủ'],
      ['QĐ-TTg/468/2021', 'Thủ tướng Chính phủ'],
    ]);
  });

  test('reads the subject up to the next reference of the list (001)', () => {
    const found = cite('Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính (TTHC), Nghị định số 20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về các quy định hành chính;', { zone: 'preamble', role: 'basis' });
    expect(found.map((c) => c.subject)).toEqual(['kiểm soát thủ tục hành chính (TTHC)', 'tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về các quy định hành chính']);
  });

  test.each([
    ['a law by title and date (004)', 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;', 'Luật/tổ chức chính quyền địa phương/2015', '2015-06-19'],
    ['an amending law whose title names two laws (004)', 'Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;', 'Luật/sửa đổi bổ sung một số điều của luật tổ chức chính phủ và luật tổ chức chính quyền địa phương/2019', '2019-11-22'],
    ['a law by title and year (002)', '5.2. Thực hiện quản lý tài sản công theo quy định của Luật Quản lý tài sản công năm 2017 và Nghị định số 151/NĐ-CP', 'Luật/quản lý tài sản công/2017', null],
    ['a law whose year is wrapped to the next line (holdout daklak 0134)', 'Căn cứ Luật Bảo vệ môi trường năm\n2020;', 'Luật/bảo vệ môi trường/2020', null],
    ['a law with a date in words (holdout chinhphu 03)', 'Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;', 'Luật/tổ chức chính phủ/2015', '2015-06-19'],
  ])('reads %s', (_name, text, key, date) => {
    const [c] = cite(text, { zone: 'preamble', role: 'basis' });
    expect(c).toMatchObject({ key, type: 'Luật', number: null, symbol: null, date, issuer: 'Quốc hội', scope: null });
  });

  test('reads a law with its own number by that number (holdout dongnai 2813)', () => {
    const [c] = cite('Căn cứ Luật Tổ chức chính\nquyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025 của Quốc hội;', { zone: 'preamble', role: 'basis' });
    expect(c).toMatchObject({ key: 'QH15/72/2025', type: 'Luật', number: '72', symbol: 'QH15', year: 2025, date: '2025-06-16', subject: 'Tổ chức chính quyền địa phương' });
  });

  test('reads an undated law by its title and joins it to the dated mention (holdout daklak 0134)', () => {
    const found = extractCitations(
      [
        passage('Căn cứ Luật Bảo vệ môi trường năm 2020;', { zone: 'preamble', role: 'basis', clauseId: 'preamble.2' }),
        passage('Căn cứ Nghị định số 08/2022/NĐ-CP ngày 10/1/2022 của Chính phủ về quy định chi tiết một số điều của Luật Bảo vệ môi trường;', { zone: 'preamble', role: 'basis', clauseId: 'preamble.3' }),
      ],
      context(),
    );
    expect(found.map((c) => [c.key, c.mentions.length])).toEqual([
      ['Luật/bảo vệ môi trường/2020', 2],
      ['NĐ-CP/08/2022', 1],
    ]);
  });

  test.each([
    ['a title with a comma and a lower-case word (holdout chinhphu 03)', 'Sửa đổi một số quy định trong Luật Viên chức; Luật Phòng, chống tham nhũng; Luật Doanh nghiệp', ['Luật/viên chức', 'Luật/phòng chống tham nhũng', 'Luật/doanh nghiệp']],
    ['a title with "và" (holdout chinhphu 03)', 'Luật Đấu thầu; Luật Quản lý và sử dụng tài sản công; Luật Giá', ['Luật/đấu thầu', 'Luật/quản lý và sử dụng tài sản công', 'Luật/giá']],
    ['a code (holdout chinhphu 03)', 'Luật Sở hữu trí tuệ; Bộ luật Hình sự; Luật Đầu tư công', ['Luật/sở hữu trí tuệ', 'Bộ luật/hình sự', 'Luật/đầu tư công']],
  ])('reads undated laws in %s', (_name, text, expected) => {
    expect(keys(text)).toEqual(expected);
  });
});

describe('what is not a citation', () => {
  test.each([
    ['"Điều chỉnh"', 'Điều chỉnh, bổ sung Kế hoạch khi cần thiết.'],
    ['a year', 'hoàn thành các mục tiêu, nhiệm vụ và giải pháp đề ra trong năm 2025.'],
    ['"mức độ 3" (002)', 'tăng cường cung cấp các dịch vụ công trực tuyến mức độ 3, mức độ 4.'],
    ['a count (004)', 'đồng bộ kết quả giải quyết thủ tục hành chính giữa 02 hệ thống.'],
    ['a phone number', 'Đường dây nóng: 0258.3822.661 hoặc 0913 456 789 (Văn phòng Sở).'],
    ['report months (001)', 'Báo cáo được ban hành Tháng 3,6,9,12/2023'],
    ['percentages (000)', 'Tối thiểu 80% hồ sơ, Tỷ lệ 100% và 6,5% còn lại'],
    ['a period (000)', 'chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030 và giai đoạn 2022-2025'],
    ['a law word without a title (001)', 'dự thảo văn bản QPPL thuộc thẩm quyền ban hành của UBND tỉnh (khi được giao trong Luật)'],
    ['a type word without a number (001)', 'Rà soát, trình công bố danh mục TTHC ngay sau khi Bộ Công Thương công bố | Tờ trình+ dự thảo Quyết định'],
    ['a plan named without a number (000)', 'Kế hoạch chuyển đổi số tỉnh Khánh Hòa năm 2024'],
    ['a five-year plan (holdout daklak 0124)', 'phát triển kinh tế - xã hội năm 2025 và Kế hoạch 05 năm (2021 - 2025)'],
    ['a date alone', 'Trước ngày 15/01/2023; trước 15/12/2023 và T12/2023'],
    ['a blank number of the plan itself (001)', '(Kèm theo Kế hoạch số /KH-SCT ngày tháng 01 năm 2023 của Sở Công Thương)'],
    ['a short form that names nothing else in the document', 'Theo Quyết định 15 của Ủy ban nhân dân tỉnh'],
  ])('finds nothing in %s', (_name, text) => {
    expect(cite(text)).toEqual([]);
  });
});

describe('identity', () => {
  test('the same number in two years is two documents (000 and 004 both cite 01/NQ-CP)', () => {
    const found = cite('tại Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ; Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ');
    expect(found.map((c) => c.key)).toEqual(['NQ-CP/01/2024', 'NQ-CP/01/2025']);
  });

  test('with and without "số" is one document (000)', () => {
    const found = extractCitations(
      [
        passage('Nghị quyết số 02/NQ-CP ngày 05/01/2024 của Chính phủ về những nhiệm vụ', { clauseId: 'I.2' }),
        passage('tại Nghị quyết số 01/NQ-CP ngày 05/01/2024; Nghị quyết 02/NQ-CP ngày 05/01/2024;', { clauseId: 'II' }),
      ],
      context(),
    );
    expect(found.find((c) => c.key === 'NQ-CP/02/2024')?.mentions.map((m) => m.clauseId)).toEqual(['I.2', 'II']);
  });

  test('a mention without a date joins the dated one (004: "theo Quyết định số 766/QĐ-TTg của Thủ tướng Chính phủ")', () => {
    const found = extractCitations(
      [
        passage('theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ trên trang thông tin', { clauseId: 'II.2.a.7' }),
        passage('trong giải quyết TTHC của tỉnh theo Quyết định số 766/QĐ-TTg của Thủ tướng Chính phủ.', { clauseId: 'III.3.3' }),
      ],
      context(),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ key: 'QĐ-TTg/766/2022', date: '2022-06-23' });
    expect(found[0]!.mentions.map((m) => m.text)).toEqual(['Quyết định số 766/QĐ-TTg ngày 23/6/2022', 'Quyết định số 766/QĐ-TTg']);
  });

  test('a mention without a date joins the one dated before it when the document cites two years', () => {
    const { citations, warnings } = readCitations(
      [
        passage('Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ', { clauseId: 'a' }),
        passage('Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ', { clauseId: 'b' }),
        passage('theo Nghị quyết số 01/NQ-CP', { clauseId: 'c' }),
      ],
      context(),
    );
    expect(citations.map((c) => [c.key, c.mentions.map((m) => m.clauseId).join(',')])).toEqual([
      ['NQ-CP/01/2024', 'a'],
      ['NQ-CP/01/2025', 'b,c'],
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['citation-ambiguous-short-form']);
  });

  test('a reference with no year anywhere keeps year null and stays one entry (holdout chinhphu 03)', () => {
    const found = cite('yêu cầu tại văn bản số 1552/BTTTT-TTH và 708/BTTTT-CATTT; theo văn bản số 1552/BTTTT-TTH');
    expect(found.map((c) => [c.key, c.year, c.mentions.length])).toEqual([
      ['BTTTT-TTH/1552', null, 2],
      ['BTTTT-CATTT/708', null, 1],
    ]);
  });

  test('"Đề án 06" is the programme approved by Quyết định số 06/QĐ-TTg when the document cites it (004)', () => {
    const found = extractCitations(
      [
        passage('đ) Gắn kết chặt chẽ giữa cải cách TTHC với chuyển đổi số, triển khai Đề án 06, hiện đại hóa công tác chỉ đạo', { clauseId: 'I.1.đ' }),
        passage('Quyết định số 468/QĐ-TTg ngày 27/03/2021, Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ', { clauseId: 'II' }),
        passage('- Thúc đẩy triển khai Đề án 06; đề xuất tháo gỡ các điểm nghẽn', { clauseId: 'II.2.a.7' }),
      ],
      context(),
    );
    const c = found.find((x) => x.key === 'QĐ-TTg/06/2022');
    expect(c?.mentions.map((m) => m.text)).toEqual(['Đề án 06', 'Quyết định số 06/QĐ-TTg ngày 06/01/2022', 'Đề án 06']);
    expect(found.map((x) => x.key)).not.toContain('Đề án/06');
  });

  test('"Đề án 06" stays a named programme when nothing in the document approves it (holdout chinhphu 03)', () => {
    expect(cite('triển khai Đề án 06; kết nối, chia sẻ dữ liệu').map((c) => [c.key, c.type, c.number])).toEqual([['Đề án/06', 'Đề án', '06']]);
  });

  test('"(sau đây gọi là Quyết định số 1132/QĐ-TTg)" is the same document (holdout hanoi 310)', () => {
    const found = cite('Quyết định số 1132/QĐ-TTg ngày 09/10/2024 của Thủ tướng Chính phủ phê duyệt\nChiến lược hạ tầng số đến năm 2025 và định hướng đến năm 2030 (sau đây gọi là\nQuyết định số 1132/QĐ-TTg); Quyết định số 1569/QĐ-TTg ngày 12/12/2024');
    expect(found.map((c) => [c.key, c.mentions.length])).toEqual([
      ['QĐ-TTg/1132/2024', 2],
      ['QĐ-TTg/1569/2024', 1],
    ]);
    expect(found[0]!.subject).toBe('phê duyệt Chiến lược hạ tầng số đến năm 2025 và định hướng đến năm 2030');
  });
});

describe('issuer and scope', () => {
  test.each([
    ['NQ-CP → Chính phủ', 'Nghị quyết số 76/NQ-CP ngày 15/7/2021', 'Chính phủ', null],
    ['NĐ-CP → Chính phủ', 'Nghị định số 45/2020/NĐ-CP', 'Chính phủ', null],
    ['QĐ-TTg → Thủ tướng Chính phủ', 'Quyết định số 06/QĐ-TTg ngày 06/01/2022', 'Thủ tướng Chính phủ', null],
    ['VPCP-KSTT → Văn phòng Chính phủ', 'Văn bản số 5990/VPCP-KSTT ngày 22/8/2024', 'Văn phòng Chính phủ', null],
    ['-NQ/TW with no written issuer → the Party centre (Bộ Chính trị and Ban Bí thư sign /TW too)', 'Nghị quyết số 57-NQ/TW ngày 22/12/2024', 'Ban Chấp hành Trung ương', null],
    ['CT-UBND: CT is the type (Chỉ thị), the issuer the UBND', 'Chỉ thị số 12/CT-UBND ngày 01/3/2025', 'UBND tỉnh Khánh Hòa', 'Khánh Hòa'],
    ['CT-CS: with no issuer code after it, CT is the Cục Thuế', 'Công văn số 5348/CT-CS ngày 20/11/2025', 'Cục Thuế', null],
    ['KH-SNV → a department of the citing plan’s province (any department code of the vocabulary)', 'Kế hoạch số 12/KH-SNV ngày 01/3/2025', 'Sở Nội vụ tỉnh Khánh Hòa', 'Khánh Hòa'],
    ['QH15 → Quốc hội', 'Nghị quyết số 142/2024/QH15 ngày 29/6/2024', 'Quốc hội', null],
    ['KH-UBND → UBND of the citing plan’s province', 'Kế hoạch số 10583/KH-UBND ngày 30/10/2022 về rà soát', 'UBND tỉnh Khánh Hòa', 'Khánh Hòa'],
    ['UBND-KSTT → UBND of the citing plan’s province', 'Công văn số 12680/UBND-KSTT ngày 01/12/2023', 'UBND tỉnh Khánh Hòa', 'Khánh Hòa'],
    ['a written "UBND tỉnh" completed with the province', 'Kế hoạch số 5283/KH-UBND ngày 16/06/2021 của UBND tỉnh.', 'UBND tỉnh Khánh Hòa', 'Khánh Hòa'],
    ['a written issuer with a role (001)', 'theo Kế hoạch số 5392/KH-UBND ngày 26/10/2022 của Chủ tịch UBND tỉnh. Bảo đảm', 'Chủ tịch UBND tỉnh Khánh Hòa', 'Khánh Hòa'],
    ['a written issuer naming another province (holdout daklak 0134)', 'Quyết định số 66/2018/QĐ-UBND ngày 28/12/2018 của UBND tỉnh Phú Yên (cũ)', 'UBND tỉnh Phú Yên', 'Phú Yên'],
    ['a written issuer over two bodies (holdout dongnai 2816)', 'Thông tư số\n02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng\nChính phủ hướng dẫn nghiệp vụ', 'Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ', null],
    ['a written issuer with a hyphen (holdout dongnai 2816)', 'Thông tư số 01/2019/TT-BLĐTBXH ngày 02/11/2019 của Bộ Lao động - Thương binh và Xã hội quy định', 'Bộ Lao động - Thương binh và Xã hội', null],
    ['an issuer written between the type word and "số" (realcorpus)', 'Kết luận liên ngành của Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao và Bộ Công an số 23/KL-LNTPTW ngày 05/11/2025', 'Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao và Bộ Công an', null],
    ['a province whose name holds a stop word ("HĐND tỉnh Cao Bằng", realcorpus)', 'Theo Nghị quyết số 22/2025/NQ-HĐND ngày 10/11/2025 của HĐND tỉnh Cao Bằng;', 'HĐND tỉnh Cao Bằng', 'Cao Bằng'],
    ['a steering committee (holdout nghean 987)', 'Kế hoạch số 01-KH/BCĐ ngày 28/06/2025 của Ban Chỉ đạo\nphát triển khoa học, công nghệ', 'Ban Chỉ đạo phát triển khoa học', null],
  ])('%s', (_name, text, issuer, scope) => {
    const [c] = cite(text);
    expect(c).toMatchObject({ issuer, scope });
  });

  test('a UBND symbol in a plan of a centrally-run city is "UBND thành phố"', () => {
    const [c] = cite('Kế hoạch số 139/KH-UBND ngày 16/5/2025 về thực hiện', { province: 'Hà Nội' });
    expect(c).toMatchObject({ issuer: 'UBND thành phố Hà Nội', scope: 'Hà Nội' });
  });
});

describe('relation', () => {
  test('"Thực hiện …" in the preamble implements (000)', () => {
    const [c] = cite('Thực hiện Quyết định số 421/QĐ-UBND ngày 06 tháng 02 năm 2024 của UBND tỉnh Khánh Hòa về việc ban hành Kế hoạch', { zone: 'preamble', role: 'implements' });
    expect(c!.relation).toBe('implements');
  });

  test('"Căn cứ …" in the preamble is a basis, for every item of its list (001)', () => {
    const found = cite(
      'Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính (TTHC), Nghị định số 20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về các quy định hành chính; Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ sửa đổi, bổ sung Nghị định số 20/2008/NĐ-CP; Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính, Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP,',
      { zone: 'preamble', role: 'basis' },
    );
    expect(found.map((c) => [c.key, c.relation])).toEqual([
      ['NĐ-CP/63/2010', 'basis'],
      ['NĐ-CP/20/2008', 'basis'],
      ['NĐ-CP/92/2017', 'basis'],
      ['NĐ-CP/61/2018', 'basis'],
      ['NĐ-CP/107/2021', 'basis'],
    ]);
  });

  test('a document named inside a basis item’s subject is only referred to (holdout daklak 0134)', () => {
    const found = cite(
      'Căn cứ Quyết định số 1529/QĐ-UBND\nngày 27/10/2021 của UBND tỉnh về phê duyệt kế hoạch hành động thực hiện Quyết\nđịnh số 339/QĐ-TTg ngày 11/3/2021 của Thủ tướng Chính phủ về phê duyệt chiến\nlược phát triển thủy sản Việt Nam đến năm 2030, tầm nhìn đến năm 2045;',
      { zone: 'preamble', role: 'basis' },
    );
    expect(found.map((c) => [c.key, c.relation])).toEqual([
      ['QĐ-UBND/1529/2021', 'basis'],
      ['QĐ-TTg/339/2021', 'refers'],
    ]);
  });

  test('items after ";" are back at the top of the list, their nested references not (holdout nghean 987)', () => {
    const found = cite(
      'Triển khai Kế hoạch hành động số 328-KH/TU ngày\n24/4/2025 của Ban chấp hành Đảng bộ tỉnh Nghệ An về việc thực hiện Nghị quyết số\n57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị trên địa bàn tỉnh; Kế hoạch số\n348/KH-UBND ngày 14/5/2025 của UBND tỉnh về triển khai thực hiện Nghị quyết số\n71/NQ-CP ngày 01/4/2025 của Chính phủ và Kế hoạch hành động số 328-KH/TU, ngày\n24/4/2025 của Tỉnh ủy;',
      { zone: 'preamble', role: 'implements', province: 'Nghệ An' },
    );
    expect(found.map((c) => [c.key, c.relation, c.mentions.length])).toEqual([
      ['KH/TU/328/2025', 'implements', 2],
      ['NQ/TW/57/2024', 'refers', 1],
      ['KH-UBND/348/2025', 'implements', 1],
      ['NQ-CP/71/2025', 'refers', 1],
    ]);
  });

  test('a reference outside the preamble refers, and a citation takes its strongest relation over its mentions', () => {
    const found = extractCitations(
      [
        passage('Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ về ban hành Chương trình tổng thể;', { zone: 'preamble', role: 'basis', clauseId: 'preamble.1' }),
        passage('theo Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ', { zone: 'body', clauseId: 'II.1' }),
        passage('Thực hiện theo Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ', { zone: 'appendix', clauseId: 'PL.I.1' }),
      ],
      context(),
    );
    expect(found.map((c) => [c.key, c.relation])).toEqual([
      ['NQ-CP/76/2021', 'basis'],
      ['NQ-CP/01/2025', 'refers'],
    ]);
  });

  test('"Theo đề nghị …" in the preamble refers (004)', () => {
    const [c] = cite('Theo đề nghị của Giám đốc Sở Y tế tại Tờ trình số 4620/TTr-SYT ngày 18 tháng 11 năm 2025.', { zone: 'preamble', role: 'proposal' });
    expect(c!.relation).toBe('refers');
  });
});

describe('the document itself', () => {
  test.each([
    ['an annex line with an OCR-garbled number (004)', '(Ban hành kèm theo Quyết định số 3/HH/QĐ-UBND ngày 13 tháng 01 năm 2025\ncủa Chủ tịch UBND tỉnh Khánh Hòa)'],
    ['an annex line with the true number (004)', '(Ban hành kèm theo Quyết định số 344/QĐ-UBND ngày 13 / 02 / 2025 của Chủ tịch UBND tỉnh Khánh Hòa)'],
    ['a "Kèm theo" line', '(Kèm theo Kế hoạch số 58/KH-SCT ngày 10/01/2023 của Sở Công Thương)'],
  ])('is not cited by %s', (_name, text) => {
    expect(cite(text, { zone: 'title' })).toEqual([]);
  });

  test('its own number is not a citation of itself', () => {
    const found = extractCitations(
      [passage('Chủ trì, phối hợp thực hiện Quyết định số 344/QĐ-UBND ngày 13/02/2025 và Nghị quyết số 01/NQ-CP ngày 08/01/2025')],
      context('Khánh Hòa', { number: '344', symbol: 'QĐ-UBND', year: 2025 }),
    );
    expect(found.map((c) => c.key)).toEqual(['NQ-CP/01/2025']);
  });

  test('the same number in another year is another document', () => {
    const found = extractCitations([passage('Quyết định số 344/QĐ-UBND ngày 01/02/2019 của UBND tỉnh')], context('Khánh Hòa', { number: '344', symbol: 'QĐ-UBND', year: 2025 }));
    expect(found.map((c) => c.key)).toEqual(['QĐ-UBND/344/2019']);
  });

  test('a body sentence "ban hành kèm theo Quyết định số …" still cites the decision', () => {
    expect(keys('các nhiệm vụ tại Kế hoạch ban hành kèm theo Quyết định số 421/QĐ-UBND ngày 06/02/2024')).toEqual(['QĐ-UBND/421/2024']);
  });
});

describe('pinpoints', () => {
  test.each([
    ['khoản and Điều before the reference (004)', 'theo quy định tại khoản 2 Điều 8 Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ', 'khoản 2 Điều 8'],
    ['a chapter (001)', 'theo quy định tại Chương V Nghị định số 61/2018/NĐ-CP', 'Chương V'],
    ['điểm, khoản and Điều (holdout dongnai 2816)', 'quy định tại điểm b khoản 2 Điều 5 Nghị định 147/2025/NĐ-CP ngày 12/6/2025 của Chính phủ', 'điểm b khoản 2 Điều 5'],
    ['a parenthesis after the reference (004)', 'Thực hiện theo Nghị quyết số 02/NQ-CP ngày 08/01/2025 của Chính phủ và theo Công văn số 476/VPCP- KSTT ngày 17/01/2025 của Văn phòng Chính phủ. (Phần II Phụ lục, Mục 1, số thứ tự thứ 4).', 'Phần II Phụ lục, Mục 1, số thứ tự thứ 4'],
  ])('reads %s', (_name, text, pin) => {
    const found = cite(text);
    expect(found[found.length - 1]!.mentions[0]!.pinpoint).toBe(pin);
  });
});

describe('mentions', () => {
  test('every mention has its clause and a span covering its text in the original', () => {
    const original = 'xxxxxxxxxx\n- Tiếp tục triển khai thực hiện các nhiệm vụ theo Kế hoạch số 10583/KH-UBND ngày 30/10/2022 về rà soát';
    const start = original.indexOf('- Tiếp');
    const found = extractCitations([passage(original.slice(start), { clauseId: 'II.1.b.1', base: start })], context());
    const m = found[0]!.mentions[0]!;
    expect(m.clauseId).toBe('II.1.b.1');
    expect(m.text).toBe('Kế hoạch số 10583/KH-UBND ngày 30/10/2022');
    expect(original.slice(m.span[0], m.span[1])).toBe(m.text);
  });

  test('a mention broken across lines is shown on one line, its span covering the break (holdout dongnai 2813)', () => {
    const text = 'Căn cứ Nghị quyết số\n66/NQ-CP ngày 26 tháng 3 năm 2025 của Chính phủ';
    const m = cite(text, { zone: 'preamble', role: 'basis' })[0]!.mentions[0]!;
    expect(m.text).toBe('Nghị quyết số 66/NQ-CP ngày 26 tháng 3 năm 2025');
    expect(text.slice(m.span[0], m.span[1])).toBe('Nghị quyết số\n66/NQ-CP ngày 26 tháng 3 năm 2025');
  });
});

describe('warnings', () => {
  test.each([
    ['a number whose year differs from its date', 'Nghị định số 151/2017/NĐ-CP ngày 26/12/2016 của Chính phủ', 'citation-date-mismatch'],
    ['an OCR-garbled number (004 annex line)', '(Ban hành kèm theo Quyết định số 3/HH/QĐ-UBND ngày 13 tháng 01 năm 2025', 'citation-garbled-number'],
  ])('warns about %s, with a span', (_name, text, code) => {
    const { warnings } = readCitations([passage(text, { base: 100 })], context());
    expect(warnings.map((w) => w.code)).toEqual([code]);
    expect(warnings[0]!.span![0]).toBeGreaterThanOrEqual(100);
  });
});

describe('readReference', () => {
  test('reads an annex line the parser uses for the document’s identity (004)', () => {
    expect(readReference('(Ban hành kèm theo Quyết định số 344/QĐ-UBND ngày 13 / 02 / 2025 của Chủ tịch UBND tỉnh Khánh Hòa)')).toEqual({
      key: 'QĐ-UBND/344/2025',
      type: 'Quyết định',
      number: '344',
      symbol: 'QĐ-UBND',
      year: 2025,
      date: '2025-02-13',
      issuer: 'Chủ tịch UBND tỉnh Khánh Hòa',
      subject: null,
      scope: 'Khánh Hòa',
    });
  });

  test('drops an OCR junk segment from the number but keeps the symbol and year (004)', () => {
    expect(readReference('(Ban hành kèm theo Quyết định số 3/HH/QĐ-UBND ngày 13 tháng 01 năm 2025')).toMatchObject({ number: '3', symbol: 'QĐ-UBND', year: 2025 });
  });

  test('completes a local issuer with the province given', () => {
    expect(readReference('Kế hoạch số 58/KH-UBND ngày 06/01/2023', 'Bắc Giang')).toMatchObject({ issuer: 'UBND tỉnh Bắc Giang', scope: 'Bắc Giang' });
  });

  test('returns null for a string without a reference', () => {
    expect(readReference('Số: /KH-SCT')).toBeNull();
    expect(readReference('')).toBeNull();
  });
});

describe('citationKey', () => {
  test.each([
    [{ type: 'Nghị quyết', number: '01', symbol: 'NQ-CP', year: 2024 }, 'NQ-CP/01/2024'],
    [{ type: 'Nghị quyết', number: '57', symbol: 'NQ/TW', year: 2024 }, 'NQ/TW/57/2024'],
    [{ type: 'Công văn', number: '476', symbol: 'VPCP- KSTT', year: 2025 }, 'VPCP-KSTT/476/2025'],
    [{ type: 'Quyết định', number: '766', symbol: 'QĐ-TTg', year: null }, 'QĐ-TTg/766'],
    [{ type: 'Luật', number: null, symbol: null, year: 2015, title: 'Tổ chức chính quyền địa phương' }, 'Luật/tổ chức chính quyền địa phương/2015'],
    [{ type: 'Luật', number: null, symbol: null, year: null, title: 'ban hành văn bản QPPL' }, 'Luật/ban hành văn bản quy phạm pháp luật'],
    [{ type: 'Đề án', number: '06', symbol: null, year: null }, 'Đề án/06'],
  ])('%j → %s', (c, key) => {
    expect(citationKey(c)).toBe(key);
  });
});

describe('citationKeysIn', () => {
  test('gives the keys of a "Căn cứ thực hiện" cell (000)', () => {
    expect(citationKeysIn('Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ và Công văn số 221/VPCP-KSTT ngày 10/01/2024 của Văn phòng Chính phủ')).toEqual([
      'NQ-CP/01/2024',
      'VPCP-KSTT/221/2024',
    ]);
  });

  test('resolves yearless mentions against the document’s citations', () => {
    const known = cite('Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ');
    expect(citationKeysIn('theo Quyết định số 766/QĐ-TTg của Thủ tướng Chính phủ', known)).toEqual(['QĐ-TTg/766/2022']);
  });
});

describe('odd input', () => {
  const odd = [
    '',
    ' ',
    '\u0000\u0001\uFFFF',
    'Quyết định số',
    'Quyết định số 421/',
    'Nghị quyết số 01/NQ-CP ngày 99/99/2024',
    'Luật',
    'Luật ',
    'Luật Luật Luật ngày',
    'của của của',
    '(Ban hành kèm theo',
    'Đề án 06 Đề án 06 Đề án 06',
    '1/A 2/B-C 3-D/E 4/2020/F ,5/G-H và 6/I-J;',
    'Căn cứ ; ; ; , , và và Nghị định số 1/NĐ-CP, , và 2/NĐ-CP của của Chính phủ về về',
    'khoản 2 Điều 8 Chương V Phần II (Phần II Phụ lục, Mục 1) Nghị định số 63/2010/NĐ-CP ((((',
    'Quyết định số 1/QĐ-UBND ngày 31 tháng 02 năm 2024 của Ủy ban nhân dân tỉnh tỉnh tỉnh tỉnh tỉnh tỉnh tỉnh tỉnh tỉnh tỉnh tỉnh tỉnh',
    'x'.repeat(5000) + ' Nghị quyết số 1/NQ-CP',
  ];

  test.each(odd.map((s, i) => [i, s]))('never throws on odd string #%i', (_i, s) => {
    expect(() => readCitations([passage(s as string, { zone: 'preamble', role: 'basis' })], context())).not.toThrow();
    expect(() => readReference(s as string)).not.toThrow();
    expect(() => citationKeysIn(s as string)).not.toThrow();
  });

  test('never throws on random strings built from reference pieces', () => {
    const pieces = ['Quyết định', 'số', '421', '/', 'QĐ-UBND', '-', 'NQ', 'TW', 'ngày', '06', 'tháng', 'năm', '2024', 'của', 'UBND tỉnh', 'về', ';', ',', 'và', '(', ')', 'Luật', 'Đề án', '\n', ' ', 'kèm theo', 'khoản', 'Điều', 'Ⅳ', '𝔸', '\u0301'];
    let seed = 7;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let n = 0; n < 300; n++) {
      let s = '';
      const len = Math.floor(rand() * 40);
      for (let k = 0; k < len; k++) s += pieces[Math.floor(rand() * pieces.length)] + (rand() < 0.6 ? ' ' : '');
      expect(() => readCitations([passage(s, { zone: rand() < 0.5 ? 'preamble' : 'body', role: 'basis' })], context(null))).not.toThrow();
    }
  });

  test('a long run of law words, list joints and numbers is read in linear time', { timeout: 6000 }, () => {
    const text = 'Luật '.repeat(20000) + ', , và và '.repeat(5000) + '1/A-B '.repeat(5000) + 'Đề án 06, '.repeat(3000);
    readCitations([passage(text, { zone: 'preamble', role: 'basis' })], context());
  });

  test('a passage without offsets for its text still gives spans', () => {
    const text = 'Nghị quyết số 01/NQ-CP ngày 05/01/2024';
    const broken: Passage = { ...passage(text), offsets: new Int32Array(0) };
    expect(extractCitations([broken], context())[0]!.mentions[0]!.span).toEqual([0, text.length]);
  });
});

describe('printedNumber', () => {
  test.each([
    ['421', 'QĐ-UBND', null, '421/QĐ-UBND'],
    ['57', 'NQ/TW', null, '57-NQ/TW'],
    ['45', 'CT/TW', null, '45-CT/TW'],
    ['63', 'NĐ-CP', 2010, '63/2010/NĐ-CP'],
  ])('prints %s + %s as it is written in the plans (%s)', (number, symbol, year, printed) => {
    expect(printedNumber(number, symbol, year)).toBe(printed);
  });
});

describe('citation forms of real documents (../shared/realcorpus), one row each', () => {
  test.each<[string, string, string[]]>([
    ['a date before the number ("văn bản đề ngày … số 16/CV-HHTACN")', 'Trả lời văn bản đề ngày 29 tháng 10 năm 2025 số 16/CV-HHTACN của Hiệp hội, Bộ Tài chính có ý kiến như sau', ['CV-HHTACN/16/2025']],
    ['the Constitution amended by a resolution ("… theo Nghị quyết số 203/2025/QH15")', 'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi, bổ sung một số điều theo Nghị quyết số 203/2025/QH15;', ['QH15/203/2025']],
    ['no space after "số" ("số347/TTr-CP")', 'Xét Tờ trình số347/TTr-CP ngày 10 tháng 11 năm 2025 của Chính phủ;', ['TTr-CP/347/2025']],
    ['a verification report ("Báo cáo thẩm tra số 419/BC-UBPLTP15")', 'Báo cáo thẩm tra số 419/BC-UBPLTP15 ngày 12 tháng 11 năm 2025 của Ủy ban Pháp luật và Tư pháp;', ['BC-UBPLTP15/419/2025']],
    ['a long issuer before "số" ("Kết luận liên ngành … số 23/KL-LNTPTW")', 'Thực hiện Kết luận liên ngành của Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao và Bộ Công an số 23/KL-LNTPTW ngày 05/11/2025;', ['KL-LNTPTW/23/2025']],
    ['the first item of a list after a colon ("Căn cứ các Nghị định của Chính phủ: số 63/2010/NĐ-CP …")', 'Căn cứ các Nghị định của Chính phủ: số 63/2010/NĐ-CP ngày 08/6/2010; số 48/2013/NĐ-CP ngày 14/5/2013;', ['NĐ-CP/63/2010', 'NĐ-CP/48/2013']],
    ['a law name and "số" across a line break', 'Căn cứ Luật Tổ chức chính\nquyền địa phương số\n72/2025/QH15;', ['QH15/72/2025']],
    ['a law number with no "số" ("Luật … 15/2017/QH14")', 'Căn cứ Luật Quản lý, sử dụng tài sản công 15/2017/QH14 ngày 21 tháng 6 năm 2017;', ['QH14/15/2017']],
    ['a symbol glued to the next word ("35/2025/QĐ-TTgcủa")', 'Thực hiện Quyết định số 35/2025/QĐ-TTgcủa Thủ tướng Chính phủ về việc phê duyệt;', ['QĐ-TTg/35/2025']],
    ['a symbol with "&" ("9086/BNV-CTTN&BĐG")', 'Thực hiện Công văn số 9086/BNV-CTTN&BĐG ngày 20/10/2025 của Bộ Nội vụ;', ['BNV-CTTN&BĐG/9086/2025']],
    ['Cyrillic look-alike letters ("66/NQ-СР")', 'Thực hiện Nghị quyết số 66/NQ-\u0421\u0420 ngày 26/3/2025 của Chính phủ;', ['NQ-CP/66/2025']],
    ['a Party number with a hyphen ("45-HD/BTCTW")', 'Thực hiện Hướng dẫn số 45-HD/BTCTW ngày 20/10/2025 của Ban Tổ chức Trung ương;', ['HD/BTCTW/45/2025']],
  ])('%s', (_name, text, expected) => {
    expect(keys(text, { zone: 'preamble', role: 'intro' })).toEqual(expected);
  });

  test('the law on legal documents is a basis, not cut at the "pháp luật" inside its name', () => {
    const [c] = cite('Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;', { zone: 'preamble', role: 'basis' });
    expect([c?.key, c?.relation]).toEqual(['QH15/64/2025', 'basis']);
  });

  test('every item of "Thực hiện A, B và C" is implemented', () => {
    const found = cite('Thực hiện Quyết định số 1/QĐ-TTg ngày 02/01/2025 của Thủ tướng Chính phủ, Kế hoạch số 2/KH-UBND ngày 03/01/2025 của UBND tỉnh và Công văn số 3/UBND-KT ngày 04/01/2025 của UBND tỉnh;', { zone: 'preamble', role: 'implements' });
    expect(found.map((c) => [c.key, c.relation])).toEqual([
      ['QĐ-TTg/1/2025', 'implements'],
      ['KH-UBND/2/2025', 'implements'],
      ['UBND-KT/3/2025', 'implements'],
    ]);
  });
});
