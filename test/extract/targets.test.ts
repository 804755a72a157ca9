import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { GLOSSARY } from '../../src/text/abbreviations.js';
import { makeFolder } from '../../src/text/fold.js';
import { compareDocuments } from '../../src/compare/compare.js';
import { parseDocument } from '../../src/read/parse.js';
import {
  deadlinesIn,
  extractTargets,
  extractTargetsTable,
  formatValue,
  readAssignment,
  splitUnits,
  TARGET_TABLE_HEADER,
  type TargetContext,
} from '../../src/extract/targets.js';
import type { CellRole, Passage, Target } from '../../src/types.js';
import { seed, seedText, sharedPath, hasShared, type SeedName } from '../corpus.js';

const fold = makeFolder(GLOSSARY);
const ctx = (year: number | null, more: Partial<TargetContext> = {}): TargetContext => ({ year, fold, ...more });

/** A prose passage with identity offsets (text[i] sits at offset `at + i`). */
function prose(text: string, headings: string[] = [], clauseId = 'II.1.a.-1', at = 0): Passage {
  return {
    clauseId,
    zone: 'body',
    role: 'bullet',
    text,
    offsets: Int32Array.from({ length: text.length + 1 }, (_, i) => at + i),
    headings,
  };
}

/** A table row from a real tab-separated line, its header line and the column meanings. */
function row(headerLine: string, line: string, roles: CellRole[], headings: string[] = [], clauseId = 'PL.I.1'): Passage {
  const headers = headerLine.split('\t');
  const texts = line.split('\t');
  let at = 0;
  const cells = texts.map((text, i) => {
    const span: [number, number] = [at, at + text.length];
    at += text.length + 3;
    return { role: roles[i] ?? 'other', header: headers[i] ?? '', text, span };
  });
  const text = texts.join(' | ');
  return {
    clauseId,
    zone: 'appendix',
    role: 'row',
    text,
    offsets: Int32Array.from({ length: text.length + 1 }, (_, i) => i),
    cells,
    headings,
  };
}

/** Readable rendering of a target: "≥20% | cắt giảm chi phí tuân thủ TTHC". */
function show(t: Target): string {
  return `${formatValue(t)} | ${t.metric}`;
}

describe('prose targets', () => {
  test.each<[string, string, string[]]>([
    [
      '000 II.1.b: three targets in one sentence, each with its own indicator',
      'Chủ động rà soát trình công bố bổ sung danh mục TTHC nội bộ trước tháng 6/2024 và tiến hành rà soát 100% TTHC nội bộ thuộc phạm vi quản lý, đề xuất phương án đơn giản hóa, bảo đảm mục tiêu cắt giảm, đơn giản hóa ít nhất 20% TTHC và cắt giảm ít nhất 20% chi phí tuân thủ TTHC, hoàn thành trong tháng 9 năm 2024.',
      ['100% | rà soát TTHC nội bộ thuộc phạm vi quản lý', '>= 20% | đơn giản hóa TTHC', '>= 20% | cắt giảm chi phí tuân thủ TTHC'],
    ],
    [
      '000 II.2: "100% hồ sơ TTHC …" and "đồng bộ 100% hồ sơ …"',
      'Thực hiện nghiêm việc gửi, nhận văn bản điện tử và xử lý hồ sơ công việc toàn trình trên môi trường điện tử, thực hiện tiếp nhận và trả kết quả đối với 100% hồ sơ TTHC thông qua hệ thống thông tin giải quyết TTHC của tỉnh để thực hiện đồng bộ 100% hồ sơ, kết quả giải quyết TTHC trên Hệ thống thông tin giải quyết TTHC của tỉnh với Cổng Dịch vụ công Quốc gia theo quy định.',
      [
        '100% | hồ sơ TTHC thông qua hệ thống thông tin giải quyết TTHC của tỉnh',
        '100% | đồng bộ hồ sơ, kết quả giải quyết TTHC trên Hệ thống thông tin giải quyết TTHC của tỉnh với Cổng Dịch vụ công Quốc gia',
      ],
    ],
    [
      '001 II.5: "trên 60% trả trước hạn" is a strict bound under its parent figure',
      'Phần đầu bảo đảm 100% hồ sơ thủ tục hành chính được giải quyết đúng hạn, trong đó có trên 60% trả trước hạn.',
      ['100% | hồ sơ thủ tục hành chính được giải quyết đúng hạn', '> 60% | trả trước hạn (hồ sơ thủ tục hành chính được giải quyết đúng hạn)'],
    ],
    [
      '001 II.5: "đạt tối thiểu 90%" after its indicator',
      'Bảo đảm mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính đạt tối thiểu 90%.',
      ['>= 90% | mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính'],
    ],
    [
      '001 II.1: "đảm bảo đạt tỷ lệ 100%" names the indicator before it',
      'Triển khai thực hiện các chủ trương, định hướng lớn của Chính phủ, Thủ tướng Chính phủ, của UBND tỉnh về cải cách, kiểm soát thủ tục hành chính, trọng tâm là việc thực hiện thủ tục hành chính qua dịch vụ công trực tuyến toàn trình, một phần; việc triển khai thực hiện quy trình số hóa hồ sơ, giấy tờ, kết quả giải quyết TTHC theo chỉ đạo của UBND tỉnh đảm bảo đạt tỷ lệ 100%.',
      ['100% | việc triển khai thực hiện quy trình số hóa hồ sơ, giấy tờ, kết quả giải quyết TTHC theo chỉ đạo của UBND tỉnh'],
    ],
    [
      '002 I.2.a: "tối thiểu 50% …, tối thiểu 80% …, … đạt 50% trở lên"',
      'Tối thiểu 50% hồ sơ giải quyết TTHC được thực hiện bằng phương thức điện tử, tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến, trong số đó tỷ lệ giao dịch thanh toán trực tuyến đạt 50% trở lên.',
      [
        '>= 50% | hồ sơ giải quyết TTHC được thực hiện bằng phương thức điện tử',
        '>= 80% | TTHC có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến',
        '>= 50% | tỷ lệ giao dịch thanh toán trực tuyến',
      ],
    ],
    [
      '002 I.2.a: "đạt tỷ lệ 100% vào năm 2025"',
      'Giai đoạn năm 2021 - 2025, thực hiện số hóa kết quả giải quyết TTHC đang còn hiệu lực và có giá trị sử dụng thuộc thẩm giải quyết của Sở theo kế hoạch của Ủy ban nhân dân tỉnh và đạt tỷ lệ 100% vào năm 2025 để đảm bảo việc kết nối, chia sẻ dữ liệu trong giải quyết TTHC trên môi trường điện tử.',
      ['100% | số hóa kết quả giải quyết TTHC đang còn hiệu lực và có giá trị sử dụng thuộc thẩm giải quyết của Sở theo kế hoạch của Ủy ban nhân dân tỉnh'],
    ],
    [
      '004 II.2.a: "đạt 100% TTHC …, tối thiểu 80% hồ sơ TTHC …"',
      'Đẩy mạnh triển khai thực hiện dịch vụ công trực tuyến toàn trình, dịch vụ công trực tuyến một phần; phấn đấu đến hết năm 2025 đạt 100% TTHC đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình, tối thiểu 80% hồ sơ TTHC được xử lý hoàn toàn trực tuyến; khuyến khích người dân, doanh nghiệp thực hiện TTHC trên môi trường điện tử.',
      [
        '100% | TTHC đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình',
        '>= 80% | hồ sơ TTHC được xử lý hoàn toàn trực tuyến',
      ],
    ],
    [
      '002 IV.2.6: "phải đạt ít nhất 20% TTHC được phân cấp"',
      'Thời gian thực hiện: Hoàn thành trong năm 2022 và phải đạt ít nhất 20% TTHC được phân cấp.',
      ['>= 20% | TTHC được phân cấp'],
    ],
    [
      'holdout Bắc Ninh 144/KH: a count behind "ít nhất" is a target with its unit',
      'Đến năm 2030, tỉnh Bắc Ninh có ít nhất 20 tập dữ liệu mở phục vụ phát triển kinh tế số và xã hội số được công bố.',
      ['>= 20 tập dữ | tập dữ liệu mở phục vụ phát triển kinh tế số và xã hội số được công bố'],
    ],
    [
      'holdout Đồng Nai 2813/QĐ: "Tỷ lệ cắt giảm chi phí: 100%" names the indicator before a colon',
      'Tỷ lệ cắt giảm chi phí: 100%.',
      ['100% | Tỷ lệ cắt giảm chi phí'],
    ],
    [
      'holdout Đồng Nai 2816/QĐ: a duration cut "từ 10 ngày làm việc còn 09 ngày làm việc"',
      'Giảm thời gian giải quyết thủ tục hành chính từ 10 ngày làm việc còn 09 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ, cụ thể:',
      ['<= 9 ngày làm việc | Giảm thời gian giải quyết thủ tục hành chính'],
    ],
  ])('%s', (_case, text, expected) => {
    // the earliest plan year among these seeds, so that no due year falls before it
    expect(extractTargets([prose(text)], ctx(2021)).map(show)).toEqual(expected);
  });

  test('keeps the sentence as the text of each target and reads the comparators (000 II.1.b)', () => {
    const text = seedText('sct2024');
    const line = text.split('\n').find((l) => l.includes('ít nhất 20% TTHC'))!;
    const ts = extractTargets([prose(line.slice(2), [], 'II.1.b.-2', text.indexOf(line) + 2)], ctx(2024));
    expect(ts.map((t) => t.comparator)).toEqual(['=', '>=', '>=']);
    expect(ts.every((t) => t.text.includes('ít nhất 20% TTHC và cắt giảm ít nhất 20% chi phí'))).toBe(true);
    expect(ts.map((t) => text.slice(t.span[0], t.span[1]))).toEqual(['100%', 'ít nhất 20%', 'ít nhất 20%']);
    expect(ts.map((t) => t.id)).toEqual(['II.1.b.-2#1', 'II.1.b.-2#2', 'II.1.b.-2#3']);
  });

  test.each<[string, string, string[]]>([
    ['"mức độ 3, 4" (001 II.7)', 'Trong đó, tập trung tuyên truyền, phổ biến sâu, rộng đến người dân, doanh nghiệp về dịch vụ công trực tuyến mức độ 3, 4; chủ trương, chính sách của Đảng, Nhà nước trong công tác cải cách, kiểm soát thủ tục hành chính.', []],
    ['"6 nội dung" (002 I.2)', 'Cải cách hành chính nhà nước giai đoạn 2021 – 2025 và định hướng đến năm 2030 của Sở Công Thương tập trung vào 6 nội dung, đó là: Cải cách thể chế; Cải cách thủ tục hành chính (TTHC).', []],
    ['"giữa 02 hệ thống" (004 PL.III.3)', 'Tỷ lệ Hệ thống giải quyết thủ tục hành chính cấp tỉnh được kết nối với Hệ thống quản lý văn bản và điều hành để đồng bộ kết quả giải quyết thủ tục hành chính giữa 02 hệ thống.', []],
    ['dates and document numbers (000 I.1.d)', 'Tiếp tục triển khai tổ chức thực hiện hiệu quả việc đổi mới thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC theo quy định tại Quyết định số 468/QĐ-TTg ngày 27/03/2021 của Thủ tướng Chính phủ và Kế hoạch số 5283/KH-UBND ngày 16/06/2021 của UBND tỉnh.', []],
    ['"Tháng 3,6,9,12/2023" (001 appendix time column)', 'Tháng 3,6,9,12/2023', []],
  ])('does not read %s as a target', (_case, text, expected) => {
    expect(extractTargets([prose(text)], ctx(2024)).map(show)).toEqual(expected);
  });

  test('does not read results under a retrospective heading as commitments', () => {
    const ts = extractTargets([prose('Tỷ lệ hồ sơ trực tuyến đạt 85%.', ['I. KẾT QUẢ THỰC HIỆN NĂM 2024'])], ctx(2025));
    expect(ts).toEqual([]);
  });

  test.each<[string, string, number]>([
    ['a result already reached ("đã đạt")', 'Năm 2024, toàn tỉnh đã đạt 85% hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận.', 2025],
    ['a figure due before the plan year ("trong năm 2023" in a 2024 plan)', 'Tỷ lệ hồ sơ trực tuyến trong năm 2023 đạt 45%.', 2024],
  ])('does not read %s as a commitment', (_case, text, year) => {
    expect(extractTargets([prose(text)], ctx(year))).toEqual([]);
  });

  test('skips passages outside the body, decision and appendix (a "Căn cứ" line of the preamble)', () => {
    const p = { ...prose('Căn cứ Nghị quyết số 01/NQ-CP về mục tiêu 100% hồ sơ trực tuyến;'), zone: 'preamble' as const };
    expect(extractTargets([p], ctx(2024))).toEqual([]);
  });
});

describe('horizon and deadline', () => {
  test.each<[string, string, string[], number | null, number | null, string | null]>([
    ['a heading "b) Định hướng đến năm 2030:" (002 I.2.b)', '100% TTHC yêu cầu có nghĩa vụ tài chính, được triển khai thanh toán trực tuyến.', ['I. MỤC TIÊU', '2. Mục tiêu cụ thể:', 'b) Định hướng đến năm 2030:', '- Cải cách thủ tục hành chính:'], 2021, 2030, null],
    ['a heading "a) Đến năm 2025:" (002 I.2.a)', '100% cơ sở dữ liệu của Sở tạo lập nền tảng phát triển Chính quyền điện tử, Chính quyền số được hoàn thành và kết nối, chia sẻ trên toàn quốc.', ['I. MỤC TIÊU', '2. Mục tiêu cụ thể:', 'a) Đến năm 2025:', '- Phát triển Chính quyền điện tử tiến đến xây dựng Chính quyền số:'], 2021, 2025, null],
    ['"vào năm 2025" in the sentence beats the plan year (002)', 'Thực hiện số hóa kết quả giải quyết TTHC và đạt tỷ lệ 100% vào năm 2025.', [], 2021, 2025, 'vào năm 2025'],
    ['"đến hết năm 2025" before the value (004 II.2.a)', 'Phấn đấu đến hết năm 2025 đạt 100% TTHC đủ điều kiện được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình.', [], null, 2025, 'đến hết năm 2025'],
    ['the plan year when nothing else is written (000 II.2)', 'Thực hiện tiếp nhận và trả kết quả đối với 100% hồ sơ TTHC thông qua hệ thống thông tin giải quyết TTHC của tỉnh.', ['II. NỘI DUNG, NHIỆM VỤ CỤ THỂ', '2. Đổi mới việc thực hiện, giải quyết TTHC'], 2024, 2024, null],
    ['the due date after the value, not the one before it (000 II.1.b)', 'Chủ động rà soát trình công bố bổ sung danh mục TTHC nội bộ trước tháng 6/2024 và tiến hành rà soát 100% TTHC nội bộ thuộc phạm vi quản lý, hoàn thành trong tháng 9 năm 2024.', [], 2024, 2024, 'hoàn thành trong tháng 9 năm 2024'],
  ])('reads the horizon from %s', (_case, text, headings, year, horizon, deadline) => {
    const [t] = extractTargets([prose(text, headings)], ctx(year));
    expect(t?.horizon).toBe(horizon);
    expect(t?.deadline).toBe(deadline);
  });

  test.each<[string, string, string[], number[]]>([
    ['"trước tháng 6/2024" (000 II.1.b)', 'Chủ động rà soát trình công bố bổ sung danh mục TTHC nội bộ trước tháng 6/2024 và tiến hành rà soát', ['trước tháng 6/2024'], [2024]],
    ['"hoàn thành trong Quý III năm 2025" (004 II.3.a)', 'từng bước chuyển sang báo cáo tự động, dựa trên dữ liệu và theo thời gian thực, hoàn thành trong Quý III năm 2025.', ['hoàn thành trong Quý III năm 2025'], [2025]],
    ['"trước ngày 15/12/2025" (004 II.1.b)', 'thực hiện TTHC toàn trình trên môi trường điện tử. Thời hạn hoàn thành trước ngày 15/12/2025.', ['hoàn thành trước ngày 15/12/2025'], [2025]],
    ['"Trước T12/2023" (001 appendix)', 'Trước T12/2023', ['Trước T12/2023'], [2023]],
    ['"Hoàn thành trong năm 2022" (002 IV.2.6)', 'Thời gian thực hiện: Hoàn thành trong năm 2022 và phải đạt ít nhất 20% TTHC được phân cấp.', ['Hoàn thành trong năm 2022'], [2022]],
    ['no due date in a cited document\'s date (001 preamble)', 'Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính', [], []],
    ['no due date in "ngày 08 tháng 6 năm 2010" (004 II.1.b)', 'khoản 2 Điều 8 Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát TTHC', [], []],
  ])('reads the deadline %s', (_case, text, deadlines, years) => {
    const found = deadlinesIn(text);
    expect(found.map((d) => d.text)).toEqual(deadlines);
    expect(found.map((d) => d.year)).toEqual(years);
  });
});

describe('table targets', () => {
  const SCT_HEADER = 'TT\tTên nhiệm vụ\tPhân công và cách thức thực hiện\tThời gian thực hiện\tChỉ tiêu\tCăn cứ thực hiện';
  const SCT_ROLES: CellRole[] = ['index', 'task', 'assignment', 'time', 'target', 'basis'];
  const UBND_HEADER = 'STT\tChỉ tiêu\tCơ quan, đơn vị chủ trì thực hiện\tCơ quan chủ trì đánh giá\tChỉ tiêu năm 2025 (%)\tGhi chú';
  const UBND_ROLES: CellRole[] = ['index', 'metric', 'lead', 'evaluator', 'target', 'note'];
  const BG_HEADER = 'TT\tNỘI DUNG CÔNG VIỆC\tCƠ QUAN CHỦ TRÌ\tCƠ QUAN PHỐI HỢP\tTHỜI GIAN HOÀN THÀNH\tDỰ KIẾN SẢN PHẨM';
  const BG_ROLES: CellRole[] = ['index', 'task', 'lead', 'partner', 'time', 'product'];
  const citationKeys = (t: string) => [...t.matchAll(/số (\d+)\/(NQ-CP|VPCP-KSTT) ngày \d+\/\d+\/(\d{4})/g)].map((m) => `${m[2]}/${m[1]}/${m[3]}`);

  test('reads a "Tối thiểu 45%" value column with lead, partners, deadline and basis (000 PL.I.2)', () => {
    const p = row(
      SCT_HEADER,
      '2\tTỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công Quốc gia trên tổng số giáo dịch thanh toán của dịch vụ công\t- Đơn vị chủ trì: Văn phòng Sở - Đơn vị phối hợp: Các phòng thuộc Sở\tTrong năm 2024\tTối thiểu 45%\tNghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ và Công văn số 221/VPCP-KSTT ngày 10/01/2024 của Văn phòng Chính phủ',
      SCT_ROLES,
      ['CHỈ TIÊU CỤ THỂ VỀ CẢI CÁCH THỦ TỤC HÀNH CHÍNH NĂM 2024', 'I. Chỉ tiêu cụ thể về thực hiện thủ tục hành chính trên môi trường điện tử'],
      'PL.I.2',
    );
    const [t, ...rest] = extractTargets([p], ctx(2024, { citationKeys }));
    expect(rest).toEqual([]);
    expect(show(t!)).toBe('>= 45% | Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công Quốc gia trên tổng số giáo dịch thanh toán của dịch vụ công');
    expect(t).toMatchObject({
      id: 'PL.I.2#1',
      lead: ['Văn phòng Sở'],
      partners: ['Các phòng thuộc Sở'],
      deadline: 'Trong năm 2024',
      horizon: 2024,
      basis: ['NQ-CP/01/2024', 'VPCP-KSTT/221/2024'],
      group: 'Chỉ tiêu cụ thể về thực hiện thủ tục hành chính trên môi trường điện tử',
    });
    expect(p.text.slice(t!.span[0], t!.span[1])).toBe('Tối thiểu 45%');
  });

  test.each<[string, string, string, number | null]>([
    ['a bare "80" under "Chỉ tiêu năm 2025 (%)" is 80% due in 2025 (004 PL.I.1)', '1.\tTỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện trên Cổng Dịch vụ công quốc gia.\tCác sở, ban, ngành\tVăn phòng UBND tỉnh\t80\tThực hiện theo Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ', '80% | Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện trên Cổng Dịch vụ công quốc gia', 2025],
    ['"Tối thiểu 50" under "(%)" (004 PL.II.2)', '2.\tTỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa.\tCác sở, ban, ngành; UBND cấp huyện; UBND cấp xã.\tVăn phòng UBND tỉnh\tTối thiểu 50\tThực hiện theo Nghị quyết số 02/NQ-CP ngày 08/01/2025 của Chính phủ', '>= 50% | Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa', 2025],
  ])('reads %s', (_case, line, expected, horizon) => {
    const [t] = extractTargets([row(UBND_HEADER, line, UBND_ROLES)], ctx(null));
    expect(show(t!)).toBe(expected);
    expect(t!.horizon).toBe(horizon);
  });

  test('splits the lead column into units (004 PL.I.2: "Các sở, ban, ngành; UBND cấp huyện, UBND cấp xã")', () => {
    const [t] = extractTargets([row(UBND_HEADER, '2.\tTỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số giao dịch thanh toán của dịch vụ công\tCác sở, ban, ngành; UBND cấp huyện, UBND cấp xã\tVăn phòng UBND tỉnh\t60\t', UBND_ROLES)], ctx(2025));
    expect(t!.lead).toEqual(['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã']);
  });

  test('reads the task text of a table without a value column (001 PL.III.3.2: two targets in one cell)', () => {
    const p = row(BG_HEADER, '3.2\tBảo đảm tỷ lệ hồ sơ TTHC được giải quyết trực tuyến toàn trình, một phần tối thiểu là 60%; Bảo đảm tỷ lệ hồ sơ TTHC tiếp nhận và trả kết quả qua dịch vụ bưu chính công ích đối với cấp tỉnh tối thiểu là 20%\tVăn phòng Sở\tCác phòng chuyên môn, Trung tâm thuộc Sở\tTrước T12/2023\tBáo cáo, công văn', BG_ROLES);
    const ts = extractTargets([p], ctx(2023));
    expect(ts.map(show)).toEqual([
      '>= 60% | tỷ lệ hồ sơ TTHC được giải quyết trực tuyến toàn trình, một phần',
      '>= 20% | tỷ lệ hồ sơ TTHC tiếp nhận và trả kết quả qua dịch vụ bưu chính công ích đối với cấp tỉnh',
    ]);
    expect(ts[1]).toMatchObject({ lead: ['Văn phòng Sở'], partners: ['Các phòng chuyên môn', 'Trung tâm thuộc Sở'], deadline: 'Trước T12/2023', horizon: 2023 });
    expect(p.text.slice(ts[0]!.span[0], ts[0]!.span[1])).toBe('tối thiểu là 60%');
  });

  test('does not read a row without a value as a target (001 PL.II.1.1)', () => {
    const p = row(BG_HEADER, '1.1\tRà soát, trình công bố danh mục TTHC ngay sau khi Bộ Công Thương công bố\tCác phòng chuyên môn\tVăn phòng Sở\tThường xuyên\tTờ trình+ dự thảo Quyết định', BG_ROLES);
    expect(extractTargets([p], ctx(2023))).toEqual([]);
  });

  test('does not read a code column as a value ("Mã số TTHC" 2.000286, holdout Đồng Nai 2816/QĐ)', () => {
    const p = row('STT\tMã số TTHC\tTên thủ tục hành chính\tNội dung đề xuất', '1\t2.000286\tTiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp xã hội\tGiảm thời gian giải quyết', ['index', 'other', 'task', 'task']);
    expect(extractTargets([p], ctx(2025))).toEqual([]);
  });
});

describe('responsible units', () => {
  test.each<[string, string, string[], string[]]>([
    ['labelled lead and partners (000 appendix)', '- Đơn vị chủ trì: Văn phòng Sở - Đơn vị phối hợp: Các phòng thuộc Sở', ['Văn phòng Sở'], ['Các phòng thuộc Sở']],
    ['an unlabelled cell is the lead (000 PL.I.4)', 'Các phòng thuộc Sở', ['Các phòng thuộc Sở'], []],
    ['a partner line (002 IV.2.6)', 'Đơn vị phối hợp: Các phòng Quản lý Công nghiệp, Quản lý Thương mại;', [], ['Các phòng Quản lý Công nghiệp', 'Quản lý Thương mại']],
  ])('reads %s', (_case, text, lead, partners) => {
    expect(readAssignment(text)).toEqual({ lead, partners });
  });

  test('keeps "Các sở, ban, ngành" whole while splitting capitalised units (004 PL.I.2)', () => {
    expect(splitUnits('Các sở, ban, ngành; UBND cấp huyện, UBND cấp xã')).toEqual(['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã']);
  });

  test('takes lead and partners from the labelled lines under the same item (002 IV.2.6)', () => {
    const ps = [
      prose('Sản phẩm: Quyết định phê duyệt của Ủy ban nhân dân tỉnh', [], 'IV.2.6.-1'),
      prose('Đơn vị chủ trì: Văn phòng;', [], 'IV.2.6.-2'),
      prose('Đơn vị phối hợp: Các phòng Quản lý Công nghiệp, Quản lý Thương mại, Kỹ thuật an toàn – Môi trường, Quản lý Năng lượng;', [], 'IV.2.6.-3'),
      prose('Thời gian thực hiện: Hoàn thành trong năm 2022 và phải đạt ít nhất 20% TTHC được phân cấp.', [], 'IV.2.6.-4'),
    ];
    const [t, ...rest] = extractTargets(ps, ctx(2021));
    expect(rest).toEqual([]);
    expect(t).toMatchObject({ lead: ['Văn phòng'], horizon: 2022, deadline: 'Hoàn thành trong năm 2022' });
    expect(t!.partners[0]).toBe('Các phòng Quản lý Công nghiệp');
  });

  test('takes the lead from a heading that names units (004 II.2.a "Các sở, ban, ngành, UBND các huyện, …:")', () => {
    const [t] = extractTargets(
      [prose('Đảm bảo 100% hồ sơ TTHC phải được tiếp nhận, giải quyết trên Hệ thống thông tin giải quyết TTHC của tỉnh.', ['II. NỘI DUNG, NHIỆM VỤ CỤ THỂ', 'a) Các sở, ban, ngành, UBND các huyện, thị xã, thành phố:'])],
      ctx(2025),
    );
    expect(t!.lead).toEqual(['Các sở, ban, ngành', 'UBND các huyện, thị xã, thành phố']);
  });
});

describe('on the parsed seeds', () => {
  test('every target span covers its value in the original text', () => {
    for (const name of ['sct2024', 'gddt2024', 'ubnd2025', 'bacgiang2023', 'gialai2021'] as SeedName[]) {
      const text = seedText(name);
      for (const t of seed(name).targets) {
        const covered = text.slice(t.span[0], t.span[1]);
        expect(covered, `${name} ${t.id}`).toMatch(/\d/);
        expect(covered.length, `${name} ${t.id}`).toBeLessThan(40);
      }
    }
  });

  test('reads the twelve appendix targets of 000 with their values (000 PL)', () => {
    const table = seed('sct2024').targets.filter((t) => t.clauseId.startsWith('PL'));
    expect(table.map((t) => formatValue(t))).toEqual(['>= 80%', '>= 45%', '>= 50%', '>= 80%', '100%', '100%', '100%', '>= 50%', '100%', '100%', '>= 90%', '100%']);
    expect(new Set(table.map((t) => t.horizon))).toEqual(new Set([2024]));
  });

  test('ids are unique and stable across runs of the same input (004)', () => {
    const ids = seed('ubnd2025').targets.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parseDocument(seedText('ubnd2025')).targets.map((t) => t.id)).toEqual(ids);
    expect(ids).toContain('PL.I.2#1');
  });

  test.skipIf(!hasShared('eval'))('meets the hand-made answers in ../shared/eval/gold/targets.json (recall 1, precision ≥ 0.95; needs ../shared/eval)', () => {
    const gold = JSON.parse(readFileSync(sharedPath('eval/gold/targets.json'), 'utf8')) as Record<string, Array<{ key: string; value: number; cmp?: string; horizon?: number }>> & {
      _also_ok: Record<string, Array<{ key: string; value: number }>>;
    };
    const bySeed: Record<string, SeedName> = { '000': 'sct2024', '001': 'bacgiang2023', '002': 'gialai2021', '003': 'gddt2024', '004': 'ubnd2025' };
    const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    const hit = (t: Target, w: { key: string; value: number }) => Math.abs(t.value - w.value) < 1e-9 && norm(`${t.metric} ${t.text}`).includes(norm(w.key));
    const missed: string[] = [];
    const extra: string[] = [];
    for (const [file, want] of Object.entries(gold)) {
      if (file.startsWith('_')) continue;
      const got = seed(bySeed[file.slice(0, 3)]!).targets;
      for (const w of want as Array<{ key: string; value: number; cmp?: string; horizon?: number }>) {
        const hits = got.filter((t) => hit(t, w));
        if (hits.length === 0) missed.push(`${file.slice(0, 3)} ${w.value} ${w.key}`);
        else if (w.cmp && !hits.some((h) => h.comparator === w.cmp)) missed.push(`${file.slice(0, 3)} comparator ${w.key}`);
        else if (w.horizon && !hits.some((h) => h.horizon === w.horizon)) missed.push(`${file.slice(0, 3)} horizon ${w.key}`);
      }
      const ok = [...(want as Array<{ key: string; value: number }>), ...(gold._also_ok[file] ?? [])];
      for (const t of got) if (!ok.some((w) => hit(t, w))) extra.push(`${file.slice(0, 3)} ${t.value} ${t.metric}`);
      const precision = (got.length - extra.length) / Math.max(1, got.length);
      expect(precision, extra.join('\n')).toBeGreaterThanOrEqual(0.95);
    }
    expect(missed).toEqual([]);
  });
});

describe('table of one plan', () => {
  test('renders one row per target under the published header (000)', () => {
    const ts = seed('sct2024').targets;
    const rows = extractTargetsTable(ts);
    expect(rows).toHaveLength(ts.length);
    expect(rows.every((r) => r.length === TARGET_TABLE_HEADER.length)).toBe(true);
    const payment = rows.find((r) => r[1]!.startsWith('Tỷ lệ thanh toán trực tuyến'))!;
    expect(payment.slice(2, 8)).toEqual(['>=', '45', '%', '2024', 'Trong năm 2024', 'Văn phòng Sở']);
  });
});

describe('odd input', () => {
  const junk = [
    '',
    '%%%%',
    '100%',
    'tối thiểu',
    'trên % dưới ≥ ≤ 1.000.000,5% trở lên trở xuống',
    '(((( 50% ))))',
    'đạt tỷ lệ',
    '; : . , 80% ; : .',
    '\u0000\u0301\uFFFD 45% \uD800',
    'x'.repeat(5000) + ' 50% ' + 'y'.repeat(5000),
    'ít nhất 20 ít nhất 20 ít nhất 20',
    'Tháng 13/99999 trước ngày 99/99/9999 quý XIV năm 0000',
  ];

  test.each(junk.map((j) => [j.slice(0, 40)]))('does not throw on %j', (start) => {
    const text = junk.find((j) => j.startsWith(start))!;
    expect(() => extractTargets([prose(text)], ctx(2024))).not.toThrow();
    const weird: Passage = { ...prose(text), offsets: new Int32Array(0), cells: [{ role: 'target', header: '(%)', text, span: [5, 2] }] };
    expect(() => extractTargets([weird], ctx(null))).not.toThrow();
  });

  test('does not throw on random strings', () => {
    let seedN = 7;
    const rand = () => ((seedN = (seedN * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'aăâđeêioôơuưy ÁÀẢÃẠáàảãạ0123456789%.,;:()-+/ tối thiểu ít nhất trên dưới đạt năm tháng quý trở lên\n\t|';
    for (let k = 0; k < 200; k++) {
      let s = '';
      const n = Math.floor(rand() * 300);
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      expect(() => extractTargets([prose(s), row('STT\tChỉ tiêu\tChỉ tiêu (%)', s, ['index', 'metric', 'target'])], ctx(2024))).not.toThrow();
    }
  });
});

describe('commitments and legal rules in real documents (forms of ../shared/realcorpus)', () => {
  const DECREE = (body: string): string => `CHÍNH PHỦ\n\nSố: 12/2025/NĐ-CP\n\nHà Nội, ngày 01 tháng 01 năm 2025\n\nNGHỊ ĐỊNH\n\nQuy định chế độ\n\n${body}`;

  test.each([
    ['an entitlement', 'Điều 2. Phụ cấp\n\n1. Người làm việc tại vùng khó khăn được hưởng thêm 100% phụ cấp.'],
    ['a condition', 'Điều 3. Điều kiện\n\n1. Doanh nghiệp có doanh thu suy giảm 5% trở lên được hỗ trợ.'],
  ])('a decree’s %s is a rule, not a commitment', (_name, body) => {
    expect(parseDocument(DECREE(body)).targets).toEqual([]);
  });

  test('a decree’s figure with a target word and a horizon is still a commitment', () => {
    const t = parseDocument(DECREE('Điều 4. Mục tiêu\n\n1. Phấn đấu đến năm 2030 đạt 100% hồ sơ được giải quyết trực tuyến.')).targets;
    expect(t.map((x) => [x.value, x.unit, x.horizon])).toEqual([[100, '%', 2030]]);
  });

  test.each([
    ['with a space', 'Mức tiền ăn đối với vận động viên tập trung tại đội tuyển tỉnh bằng 265.000 đồng/người/ngày.', 265_000, 'đồng'],
    ['with no space ("435.000đồng")', 'Mức tiền ăn đối với huấn luyện viên trưởng là 435.000đồng/người/ngày.', 435_000, 'đồng'],
    ['in millions with no space', 'Mức hỗ trợ một lần đối với hộ nghèo không thấp hơn 5triệu đồng/hộ.', 5, 'triệu đồng'],
  ])('a council resolution’s level of money written %s is a target with its unit', (_name, line, value, unit) => {
    const text = `HỘI ĐỒNG NHÂN DÂN\nTỈNH NINH THUẬN\n\nSố: 08/2025/NQ-HĐND\n\nNinh Thuận, ngày 10 tháng 12 năm 2025\n\nNGHỊ QUYẾT\n\nQuy định mức chi\n\nĐiều 2. Mức chi\n\n1. ${line}`;
    const doc = parseDocument(text);
    expect(doc.targets.map((t) => [t.value, t.unit, t.comparator])).toEqual([[value, unit, line.includes('không thấp hơn') ? '>=' : '=']]);
    const t = doc.targets[0]!;
    expect(text.slice(t.span[0], t.span[1])).toMatch(/\d.*đồng$/u);
  });

  test('the abbreviation "đ" after a figure is no unit of money ("bằng 265.000đ/người/ngày" in a resolution: no target)', () => {
    const doc = parseDocument('HỘI ĐỒNG NHÂN DÂN\nTỈNH NINH THUẬN\n\nSố: 08/2025/NQ-HĐND\n\nNinh Thuận, ngày 10 tháng 12 năm 2025\n\nNGHỊ QUYẾT\n\nQuy định mức chi\n\nĐiều 2. Mức chi\n\n1. Mức tiền ăn bằng 265.000đ/người/ngày.');
    expect(doc.targets).toEqual([]);
  });

  test('a decision issuing a regulation reads its percentages as rules ("Quyết định ban hành Quy chế …")', () => {
    const doc = parseDocument(`${REGULATION}Điều 1. Hỗ trợ\n\n1. Hộ gia đình có thu nhập suy giảm 30% được hỗ trợ.`);
    expect(doc.targets).toEqual([]);
  });

  test.each([
    ['after the figure ("đạt từ 10% trở lên năm 2026")', '1. Tỷ lệ hồ sơ trực tuyến đạt từ 10% trở lên năm 2026.', 2026],
    ['at the head of the sentence ("Năm 2027, … đạt 20%")', '1. Năm 2027, tỷ lệ dân số có tài khoản số đạt 20%.', 2027],
  ])('a plan’s horizon is read %s', (_name, line, year) => {
    const t = parseDocument(`KẾ HOẠCH\n\nChuyển đổi số\n\nHà Nội, ngày 01 tháng 01 năm 2025\n\nI. MỤC TIÊU\n\n${line}`).targets;
    expect(t.map((x) => x.horizon)).toEqual([year]);
  });

  test('two horizons of one sentence go to their own figures ("20% … năm 2025, … đến năm 2030 đạt 50%")', () => {
    const t = parseDocument('KẾ HOẠCH\n\nChuyển đổi số\n\nHà Nội, ngày 01 tháng 01 năm 2025\n\nI. MỤC TIÊU\n\n1. Tỷ lệ dân số có tài khoản đạt 20% vào năm 2025, đến năm 2030 đạt 50%.').targets;
    expect(t.map((x) => [x.value, x.horizon])).toEqual([[20, 2025], [50, 2030]]);
  });
});

/** A decision issuing a regulation (a rules document: its limits are what it sets). */
const REGULATION = 'ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n\nSố: 45/2025/QĐ-UBND\n\nĐồng Tháp, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\nBan hành Quy chế phối hợp\n\n';

describe('limits a rules document sets (realcorpus procedures: 1b479d81b4a8f42e, da8411114c03e36b)', () => {
  const limits = (line: string) => parseDocument(`${REGULATION}Điều 1. Hồ sơ\n\n1. ${line}`).targets.map((t) => `${formatValue(t)} | ${t.metric}`);

  test.each([
    ['a time limit ("không quá 05 ngày làm việc")', 'Cơ quan tiếp nhận trả lời trong thời hạn không quá 05 ngày làm việc.', '<= 5 ngày làm việc | Cơ quan tiếp nhận trả lời'],
    ['a decree-style time limit', 'Thời hạn giải quyết không quá 03 ngày làm việc kể từ ngày nhận đủ hồ sơ.', '<= 3 ngày làm việc | Thời hạn giải quyết'],
    ['a count ("không quá 03 lần")', 'Mỗi cá nhân được đề nghị khen thưởng không quá 03 lần trong một năm.', '<= 3 lần | Mỗi cá nhân được đề nghị khen thưởng lần trong một năm'],
    ['a floor of time ("tối thiểu 02 năm")', 'Báo cáo viên có thời gian công tác pháp luật tối thiểu 02 năm.', '>= 2 năm | Báo cáo viên có thời gian công tác pháp luật'],
    ['the value of a "Thời hạn giải quyết:" line', 'Thời hạn giải quyết: 35 ngày kể từ ngày hồ sơ đáp ứng yêu cầu.', '<= 35 ngày | Thời hạn giải quyết'],
  ])('reads %s as a target', (_case, line, shown) => {
    expect(limits(line)).toEqual([shown]);
  });

  test.each([
    ['the action after its starting event', 'Trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản đề nghị, Sở Tư pháp trình Chủ tịch UBND tỉnh quyết định công nhận.', '<= 5 ngày làm việc | Sở Tư pháp trình Chủ tịch UBND tỉnh quyết định công nhận'],
    ['the action after "tối đa … , kể từ …,"', 'Trong thời hạn tối đa 05 ngày, kể từ ngày nhận được hồ sơ, đại diện chủ sở hữu có ý kiến bằng văn bản.', '<= 5 ngày | đại diện chủ sở hữu có ý kiến bằng văn bản'],
    ['the starting event when nothing else is said', 'Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.', '<= 5 ngày làm việc | kể từ ngày nhận đủ hồ sơ hợp lệ'],
  ])('names a duration written first ("Trong thời hạn …") by %s, never by "Trong thời hạn"', (_case, line, shown) => {
    expect(limits(line)).toEqual([shown]);
  });

  test('"trong vòng" bounds a duration only, not a count of people', () => {
    expect(limits('Hồ sơ được thẩm định trong vòng 02 người.')).toEqual([]);
  });

  test('a plan reads "trong thời hạn 05 ngày làm việc" as a ceiling too', () => {
    const t = parseDocument('KẾ HOẠCH\n\nCải cách hành chính\n\nHà Nội, ngày 01 tháng 01 năm 2025\n\nI. NHIỆM VỤ\n\n1. Trong thời hạn 05 ngày làm việc kể từ ngày nhận hồ sơ, Văn phòng trả kết quả cho người dân.').targets;
    expect(t.map((x) => [x.comparator, x.value, x.unit, x.metric])).toEqual([['<=', 5, 'ngày làm việc', 'Văn phòng trả kết quả cho người dân']]);
  });

  test('two editions of a rule are compared target by target: a shorter time limit and fewer tries are lowered values', () => {
    const edition = (days: string, times: string) =>
      parseDocument(`${REGULATION}Điều 1. Hồ sơ\n\n1. Trong thời hạn ${days} ngày làm việc kể từ ngày nhận được văn bản đề nghị, Sở Tư pháp trình Chủ tịch UBND tỉnh quyết định công nhận.\n\n2. Mỗi cá nhân được đề nghị không quá ${times} lần trong một năm.`);
    const changes = compareDocuments(edition('05', '03'), edition('03', '02'), { relation: 'peer' }).targets;
    expect(changes.map((c) => [c.status, c.change, c.a?.value, c.b?.value, c.b?.unit])).toEqual([
      ['modified', 'lowered', 5, 3, 'ngày làm việc'],
      ['modified', 'lowered', 3, 2, 'lần'],
    ]);
  });
});

describe.skipIf(!hasShared('realcorpus'))('limits of real procedures (needs ../shared/realcorpus)', () => {
  test('1b479d81b4a8f42e: each procedure\'s "Thời hạn giải quyết" lines are ceilings in working days, none named "Trong thời hạn"', () => {
    const doc = parseDocument(readFileSync(sharedPath('realcorpus/1b479d81b4a8f42e.md'), 'utf8'));
    const limits = doc.targets.filter((t) => /\.4\.-\d$/u.test(t.clauseId));
    expect(limits.map((t) => [t.clauseId, t.comparator, t.value, t.unit])).toEqual([
      ['PL.PII.I.4.-1', '<=', 5, 'ngày làm việc'],
      ['PL.PII.I.4.-2', '<=', 5, 'ngày làm việc'],
      ['PL.PII.II.4.-1', '<=', 5, 'ngày làm việc'],
      ['PL.PII.II.4.-2', '<=', 5, 'ngày làm việc'],
    ]);
    expect(doc.targets.filter((t) => /^trong\s+(?:thời\s+hạn|vòng)$/iu.test(t.metric))).toEqual([]);
  });
});
