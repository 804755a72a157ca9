import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { GLOSSARY } from '../../src/text/abbreviations.js';
import { ALIGN_DEFAULTS, alignClauses, hungarian } from '../../src/compare/align.js';
import { compareDocuments } from '../../src/compare/compare.js';
import { renderDiff } from '../../src/compare/diff.js';
import { makeFolder } from '../../src/text/fold.js';
import { pairLine } from '../../src/report/compare-text.js';
import { ShingleIndex, shinglesOf } from '../../src/text/shingles.js';
import { textSimilarity } from '../../src/text/similarity.js';
import type { Alignment, Clause, ClauseKind, TableCell } from '../../src/types.js';
import { seed, sharedPath, hasShared, type SeedName } from '../corpus.js';

const fold = makeFolder(GLOSSARY);

/** A clause with defaults: the last id segment is its label, the kind follows the label's shape. */
function clause(id: string, text: string, children: Clause[] = [], extra: Partial<Clause> = {}): Clause {
  const label = id.split('.').pop() ?? null;
  const kind: ClauseKind = /^[IVX]+$/.test(label ?? '') ? 'section' : /^\d+$/.test(label ?? '') ? 'item' : /^[a-zđ]$/.test(label ?? '') ? 'point' : 'bullet';
  return { id, label, kind, text, norm: fold(text), span: [0, text.length], zone: 'body', children, ...extra };
}

/** A table row with task and target cells. */
function row(id: string, task: string, target: string, time = 'Trong năm 2024'): Clause {
  const cell = (role: TableCell['role'], header: string, text: string): TableCell => ({ role, header, text, span: [0, 0] });
  const cells = [cell('task', 'Tên nhiệm vụ', task), cell('time', 'Thời gian thực hiện', time), cell('target', 'Chỉ tiêu', target)];
  return clause(id, cells.map((c) => c.text).join(' | '), [], { kind: 'row', zone: 'appendix', cells });
}

/** One readable line per alignment: "= I.1.a ↔ I.1.a", "~ II.2.7 ↔ II.2.7 (0.96) cosmetic <del>…</del><ins>…</ins>". */
function line(al: Alignment): string {
  return pairLine(al, 'en') + (al.diff ? ' ' + renderDiff(al.diff) : '');
}
const lines = (als: Alignment[]): string[] => als.map(line);
const marks = (als: Alignment[]): string[] => als.map((al) => pairLine(al, 'en'));

// Real clauses of seed 000 (corpus/khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt), 003 (…-so-gddt-…)
// and 004 (corpus/khanh-hoa/2025-ubnd-cai-cach-tthc.txt).
const T = {
  dayManh: 'Đẩy mạnh triển khai công tác cải cách TTHC theo các văn bản, chương trình, kế hoạch, đề án đã được Chính phủ, Thủ tướng Chính phủ ban hành, theo văn bản chỉ đạo của UBND tỉnh, bảo đảm thực hiện có kết quả, thực chất.',
  raSoat: 'Tiếp tục triển khai thực hiện rà soát, kiến nghị cắt giảm, đơn giản hóa các TTHC, quy định liên quan đến hoạt động kinh doanh (QĐKD).',
  kiemSoat2025: 'Tiếp tục tăng cường kiểm soát chặt chẽ việc ban hành quy định TTHC trong các dự án, dự thảo văn bản quy phạm pháp luật (QPPL); thực hiện nghiêm việc đánh giá tác động chính sách, TTHC trong lập đề nghị, dự án, dự thảo văn bản QPPL.',
  thuongXuyen: 'Thường xuyên rà soát các quyết định công bố TTHC của bộ, ngành liên quan đến thực thi phương án phân cấp trong giải quyết TTHC đã được Thủ tướng Chính phủ phê duyệt.',
  batCap: 'Rà soát, phát hiện các bất cập về TTHC, giấy tờ công dân cần cắt giảm, đơn giản hóa, phân cấp thẩm quyền giải quyết, đề xuất, kiến nghị cấp có thẩm quyền sửa đổi, bổ sung văn bản quy phạm pháp luật.',
  tiepTuc: 'Tiếp tục triển khai thực hiện các nhiệm vụ theo Kế hoạch số 10583/KH-UBND ngày 30/10/2022 về rà soát, đơn giản TTHC nội bộ trong hệ thống cơ quan hành chính nhà nước trên địa bàn tỉnh giai đoạn 2022-2025.',
  // 003 I.1.c, I.1.đ and their 2025 neighbours 004 I.1.c (the 2024 I.1.b reworded and widened), I.1.e
  dayNhanh: 'Đẩy nhanh tiến độ sửa đổi, bổ sung các văn bản quy phạm pháp luật (QPPL), văn bản của cấp có thẩm quyền để thực thi phương án đơn giản hóa TTHC nội bộ trên địa bàn tỉnh đã được Chủ tịch UBND tỉnh phê duyệt.',
  chanChinh: 'Chấn chỉnh kỷ luật, kỷ cương hành chính, khắc phục những tồn tại, hạn chế trong thực thi công vụ; nâng cao chất lượng giải quyết TTHC cho người dân, doanh nghiệp của cán bộ, công chức, viên chức.',
  raSoat2025: 'Tiếp tục rà soát, đề xuất cắt giảm hoặc thực hiện cắt giảm, đơn giản hóa các TTHC theo thẩm quyền thực chất, hiệu quả, trong đó tập trung đề xuất cắt giảm giấy phép tại các bộ, ngành và loại bỏ ngay những quy định, TTHC đang là rào cản cho hoạt động sản xuất, kinh doanh của doanh nghiệp, nhà đầu tư trong và nước ngoài và đời sống người dân để tháo gỡ các điểm nghẽn, tiết kiệm chi phí cho người dân, doanh nghiệp, cải thiện môi trường đầu tư kinh doanh.',
  giamSat2025: 'Tăng cường công tác giám sát, đánh giá và trách nhiệm giải trình của cơ quan nhà nước, người có thẩm quyền trong phục vụ Nhân dân; nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức làm công tác cải cách TTHC.',
};

describe('alignClauses on hand-made trees of real clauses', () => {
  test('matches points by text when a new point renumbers the old one (b → c, 000 I.1 against a 2025 edition)', () => {
    const a = [clause('I.1', 'Mục tiêu', [clause('I.1.a', T.dayManh), clause('I.1.b', T.raSoat)])];
    const b = [clause('I.1', 'Mục tiêu', [clause('I.1.a', T.dayManh), clause('I.1.b', T.kiemSoat2025), clause('I.1.c', T.raSoat)])];
    expect(marks(alignClauses(a, b))).toEqual(['= I.1 ↔ I.1', '= I.1.a ↔ I.1.a', '+ I.1.b', '= I.1.b ↔ I.1.c']);
  });

  test('pairs a leftover point that the next edition rewords and widens, and leaves the unrelated leftovers alone (003 I.1 → 004 I.1)', () => {
    // 003 I.1.b → 004 I.1.c: text 0.28, below the floor, but 53% of the 2024 point is inside the 2025 one
    // 003 I.1.đ vs 004 I.1.e: text 0.37, yet only a shared "cán bộ, công chức, viên chức": not paired
    const a = [clause('I.1', 'Mục đích', [clause('I.1.a', T.dayManh), clause('I.1.b', T.raSoat), clause('I.1.c', T.dayNhanh), clause('I.1.đ', T.chanChinh)])];
    const b = [clause('I.1', 'Mục đích', [clause('I.1.a', T.dayManh), clause('I.1.b', T.kiemSoat2025), clause('I.1.c', T.raSoat2025), clause('I.1.e', T.giamSat2025)])];
    expect(marks(alignClauses(a, b))).toEqual(['= I.1 ↔ I.1', '= I.1.a ↔ I.1.a', '+ I.1.b', '~ I.1.b ↔ I.1.c (0.28)', '- I.1.c', '- I.1.đ', '+ I.1.e']);
  });

  test('pairs no leftovers out of order with the siblings already paired (003 I.1.b kept after a paired I.1.c)', () => {
    const a = [clause('I.1', 'Mục đích', [clause('I.1.a', T.dayManh), clause('I.1.b', T.raSoat), clause('I.1.c', T.dayNhanh)])];
    const b = [clause('I.1', 'Mục đích', [clause('I.1.a', T.raSoat2025), clause('I.1.b', T.dayManh), clause('I.1.c', T.dayNhanh)])];
    expect(marks(alignClauses(a, b))).toEqual(['= I.1 ↔ I.1', '+ I.1.a', '= I.1.a ↔ I.1.b', '- I.1.b', '= I.1.c ↔ I.1.c']);
  });

  test('flags a clause that changed place as moved, and only that one (000 II.1.a bullets reordered)', () => {
    const a = [clause('II.1', 'Cải cách các quy định TTHC', [clause('II.1.1', T.thuongXuyen), clause('II.1.2', T.batCap), clause('II.1.3', T.tiepTuc)])];
    const b = [clause('II.1', 'Cải cách các quy định TTHC', [clause('II.1.1', T.tiepTuc), clause('II.1.2', T.thuongXuyen), clause('II.1.3', T.batCap)])];
    const moved = alignClauses(a, b).filter((al) => al.moved);
    expect(marks(moved)).toEqual(['= II.1.3 ↔ II.1.1 moved']);
  });

  test('pairs short headings by characters ("Mục tiêu, yêu cầu" → "Mục đích, yêu cầu", 000 → 003 I)', () => {
    const a = [clause('I', 'MỤC TIÊU, YÊU CẦU', [clause('I.1', T.dayManh)])];
    const b = [clause('I', 'MỤC ĐÍCH, YÊU CẦU', [clause('I.1', T.dayManh)])];
    expect(lines(alignClauses(a, b))).toEqual(['~ I ↔ I (0.75) MỤC <del>TIÊU</del><ins>ĐÍCH</ins>, YÊU CẦU', '= I.1 ↔ I.1']);
  });

  test('does not pair two section headings that share only a generic word ("GIẢI PHÁP THỰC HIỆN" 002 III vs "TỔ CHỨC THỰC HIỆN" 001 III)', () => {
    const a = [clause('III', 'GIẢI PHÁP THỰC HIỆN', [clause('III.1', T.thuongXuyen)])];
    const b = [clause('III', 'TỔ CHỨC THỰC HIỆN', [clause('III.1', T.tiepTuc)])];
    expect(marks(alignClauses(a, b))).toEqual(['- III', '- III.1', '+ III', '+ III.1']);
  });

  test('calls a pair identical when only case and abbreviations differ (000 vs 003 II.2, "TTHC" spelled out, "các Bộ")', () => {
    const a = [clause('II.2.9', 'Đối với TTHC thuộc thẩm quyền ban hành của tỉnh: Tham mưu công bố TTHC theo đúng quy định.')];
    const b = [clause('II.2.9', 'Đối với thủ tục hành chính thuộc thẩm quyền ban hành của tỉnh: Tham mưu công bố thủ tục hành chính theo đúng quy định.')];
    expect(alignClauses(a, b).map((al) => [al.status, al.similarity, al.diff])).toEqual([['identical', 1, undefined]]);
  });

  test('does not pair two unrelated clauses of the same section, even with the same label (000 III.1 vs 003 III.3)', () => {
    const a = [clause('III', 'TỔ CHỨC THỰC HIỆN', [clause('III.1', 'Trưởng các phòng, đơn vị tổ chức quán triệt và phổ biến đến từng công chức, viên chức và người lao động; chủ động triển khai thực hiện có hiệu quả các nội dung được phân công tại Phụ lục theo Kế hoạch và kiểm tra thường xuyên việc thực hiện.')])];
    const b = [clause('III', 'TỔ CHỨC THỰC HIỆN', [clause('III.1', 'Các phòng của cơ quan Sở, các đơn vị trực thuộc Sở bố trí nguồn lực cho công tác cải cách TTHC, lựa chọn các cán bộ, công chức, viên chức giải quyết TTHC đúng quy định.')])];
    expect(marks(alignClauses(a, b))).toEqual(['= III ↔ III', '- III.1', '+ III.1']); // deletions first, as in a diff
  });

  test('aligns table rows by their task cell when the target value changes (000 → 004 appendix, 45% → 60%)', () => {
    const a = [
      clause('PL.I', 'Chỉ tiêu cụ thể về thực hiện thủ tục hành chính trên môi trường điện tử', [
        row('PL.I.1', 'Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số TTHC có đủ điều kiện trên Cổng Dịch vụ công Quốc gia', 'Tối thiểu 80%'),
        row('PL.I.2', 'Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công Quốc gia trên tổng số giao dịch thanh toán của dịch vụ công', 'Tối thiểu 45%'),
      ], { kind: 'group', zone: 'appendix' }),
    ];
    const b = [
      clause('PL.I', 'Chỉ tiêu cụ thể về thực hiện thủ tục hành chính trên môi trường điện tử', [
        row('PL.I.1', 'Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số giao dịch thanh toán của dịch vụ công', '60', 'Trong năm 2025'),
        row('PL.I.2', 'Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện trên Cổng Dịch vụ công quốc gia', '80', 'Trong năm 2025'),
      ], { kind: 'group', zone: 'appendix' }),
    ];
    const got = alignClauses(a, b).filter((al) => al.a?.id !== 'PL.I');
    expect(got.map((al) => `${al.a?.id} ↔ ${al.b?.id} ${al.status}`)).toEqual(['PL.I.1 ↔ PL.I.2 modified', 'PL.I.2 ↔ PL.I.1 modified']);
    expect(got.find((al) => al.a?.id === 'PL.I.2')!.diff).toContainEqual([-1, 'Tối thiểu 45%']);
  });

  test('returns nothing for two empty trees and only additions against an empty tree', () => {
    expect(alignClauses([], [])).toEqual([]);
    expect(marks(alignClauses([], [clause('I.1', T.dayManh)]))).toEqual(['+ I.1']);
  });

  test('never throws on odd clause text', () => {
    const odd = ['', ' ', '\u0301', '🙂 🙂', '<b></b>', '- - -', 'a'.repeat(3000), '1.000.000,5%%', 'TTHC TTHC TTHC', '\uFFFD'];
    let seedNo = 7;
    const rand = (): number => ((seedNo = (seedNo * 48271) % 2147483647) / 2147483647);
    const tree = (prefix: string): Clause[] =>
      odd.map((t, i) => clause(`${prefix}.${i}`, t + (rand() < 0.5 ? ' ' + odd[Math.floor(rand() * odd.length)] : ''), rand() < 0.3 ? [clause(`${prefix}.${i}.1`, odd[(i + 3) % odd.length]!)] : []));
    expect(() => alignClauses(tree('A'), tree('B'))).not.toThrow();
    expect(() => alignClauses(tree('A'), [])).not.toThrow();
  });
});

describe('structure: template records, renamed headings, short siblings', () => {
  // Real lines of two sibling decisions of one province (../shared/realcorpus 919fbc83, e13c637d): an
  // appendix of one record per procedure, each with the same slots.
  const procedure = (id: string, code: string, name: string, online: string, fee: string): Clause =>
    clause(id, code, [
      clause(`${id}.p1`, name, [], { kind: 'paragraph', label: null }),
      clause(`${id}.-1`, online),
      clause(`${id}.-2`, 'Nộp qua dịch vụ bưu chính công ích.'),
      clause(`${id}.-3`, fee),
    ], { kind: 'item' });
  const online = 'Nộp trực tuyến qua Cổng dịch vụ công Quốc gia, tại địa chỉ https://dichvucong.gov.vn';

  test('pairs the slots of a record only with those of the record with the same identifying line (procedure 014391 in both)', () => {
    const a = [clause('PL', 'PHỤ LỤC DANH MỤC THỦ TỤC HÀNH CHÍNH', [
      procedure('PL.1', '014466', 'Công nhận kết quả thăm dò khoáng sản thuộc thẩm quyền cấp giấy phép của Ủy ban nhân dân cấp tỉnh', online, 'Không'),
      procedure('PL.1_2', '014391', 'Cấp Giấy chứng nhận văn phòng đại diện, chi nhánh của tổ chức khoa học và công nghệ', online, 'Không'),
    ])];
    const b = [clause('PL', 'PHỤ LỤC DANH MỤC THỦ TỤC HÀNH CHÍNH', [
      procedure('PL.1', '014391', 'Cấp Giấy chứng nhận văn phòng đại diện, chi nhánh của tổ chức khoa học và công nghệ', online, 'Không'),
      procedure('PL.1_2', '014392', 'Thay đổi, bổ sung, cấp lại Giấy chứng nhận văn phòng đại diện, chi nhánh của tổ chức khoa học và công nghệ', online, 'Không'),
    ])];
    const paired = alignClauses(a, b).filter((al) => al.a && al.b).map((al) => `${al.a!.id} ↔ ${al.b!.id}`);
    expect(paired).toEqual(['PL ↔ PL', 'PL.1_2 ↔ PL.1', 'PL.1_2.p1 ↔ PL.1.p1', 'PL.1_2.-1 ↔ PL.1.-1', 'PL.1_2.-2 ↔ PL.1.-2', 'PL.1_2.-3 ↔ PL.1.-3']);
  });

  test('pairs a renamed heading whose children pair one to one ("TỔ CHỨC THỰC HIỆN" ↔ "TRÁCH NHIỆM THỰC HIỆN")', () => {
    const a = [clause('III', 'TỔ CHỨC THỰC HIỆN', [clause('III.1', T.thuongXuyen), clause('III.2', T.batCap)])];
    const b = [clause('IV', 'TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ', [clause('IV.1', T.thuongXuyen), clause('IV.2', T.batCap)])];
    expect(marks(alignClauses(a, b)).map((l) => l.replace(/ \(\d\.\d+\)/, ''))).toEqual(['~ III ↔ IV', '= III.1 ↔ IV.1', '= III.2 ↔ IV.2']);
  });

  test('leaves a heading unpaired when only one of its three children has a counterpart there', () => {
    const a = [clause('III', 'TỔ CHỨC THỰC HIỆN', [clause('III.1', T.thuongXuyen), clause('III.2', T.batCap), clause('III.3', T.tiepTuc)])];
    const b = [clause('IV', 'KINH PHÍ', [clause('IV.1', T.thuongXuyen)])];
    expect(marks(alignClauses(a, b))).toContain('- III');
  });

  test('pairs short table headers under paired parents by their characters ("Phí, lệ phí (nếu có)" ↔ "Phí, lệ phí")', () => {
    const head = (cells: string[]): Clause[] => cells.map((t, i) => clause(`PL.p${i + 1}`, t, [], { kind: 'paragraph', label: null }));
    const a = [clause('PL', 'PHỤ LỤC DANH MỤC THỦ TỤC HÀNH CHÍNH BỔ SUNG', head(['Mã số TTHC', 'Tên TTHC', 'Phí, lệ phí (nếu có)', 'Căn cứ pháp lý']))];
    const b = [clause('PL', 'PHỤ LỤC DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI', head(['TT', 'Mã thủ tục hành chính', 'Tên thủ tục hành chính', 'Phí, lệ phí', 'Căn cứ pháp lý', 'Ghi chú']))];
    const paired = alignClauses(a, b).filter((al) => al.a && al.b).map((al) => `${al.a!.text} ↔ ${al.b!.text}`);
    expect(paired).toContain('Phí, lệ phí (nếu có) ↔ Phí, lệ phí');
    expect(paired.some((l) => l.startsWith('Căn cứ pháp lý ↔ Ghi chú'))).toBe(false);
  });

  test('reads a department heading and its bullets merged into one bullet as one merge (the heading a part too)', () => {
    const tasks = [
      'Phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy định hướng công tác tuyên truyền về đợt thi đua trên các phương tiện thông tin đại chúng',
      'Chỉ đạo các cơ quan báo chí, hệ thống thông tin cơ sở đẩy mạnh tuyên truyền các gương điển hình tiên tiến trong phong trào thi đua',
      'Tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao chào mừng thành công cuộc bầu cử trên địa bàn tỉnh',
    ];
    const a = [clause('III', 'TỔ CHỨC THỰC HIỆN', [clause('III.1', 'Sở Văn hóa, Thể thao và Du lịch:', tasks.map((t, i) => clause(`III.1.-${i + 1}`, t)))])];
    const b = [clause('III', 'TỔ CHỨC THỰC HIỆN', [clause('III.-1', `Sở Văn hóa, Thể thao và Du lịch ${tasks.map((t) => t.charAt(0).toLowerCase() + t.slice(1)).join('; ')}.`)])];
    const merged = alignClauses(a, b).filter((al) => al.b?.id === 'III.-1');
    expect(merged.map((al) => `${al.a?.id} ${al.group}`).sort()).toEqual(['III.1 merge', 'III.1.-1 merge', 'III.1.-2 merge', 'III.1.-3 merge']);
  });

  test('does not let a short clause inside a long one pass for a merge part ("Chi phí tuân thủ:")', () => {
    const cost = 'Chi phí tuân thủ TTHC trước khi đơn giản hóa: 12.000.000 đồng/năm; chi phí tuân thủ TTHC sau khi đơn giản hóa: 10.800.000 đồng/năm';
    const a = [clause('PL.1', 'Nội dung đơn giản hóa', [clause('PL.1.-1', cost), clause('PL.1.-2', 'Chi phí tuân thủ:')])];
    const b = [clause('PL.1', 'Nội dung đơn giản hóa', [clause('PL.1.-1', cost.replace('12.000.000', '15.000.000'))])];
    expect(alignClauses(a, b).filter((al) => al.group !== null)).toEqual([]);
  });
});

describe('hungarian', () => {
  test('finds the best total, not the first come: greedy would give 0.9, the optimum is 0.8 + 0.85', () => {
    expect(hungarian([
      [0.9, 0.8],
      [0.85, 0],
    ])).toEqual([1, 0]);
  });

  test('handles more columns than rows and leaves zero-weight choices to the caller', () => {
    expect(hungarian([[0, 0.3, 0.7]])).toEqual([2]);
    expect(hungarian([])).toEqual([]);
  });
});

describe('ShingleIndex', () => {
  const ws = (t: string): string[] => fold(t).split(' ');
  test('finds the clause sharing word pairs and skips unrelated ones (000 II.1.a bullets)', () => {
    const index = new ShingleIndex([T.thuongXuyen, T.batCap, T.tiepTuc].map((t) => shinglesOf(ws(t))));
    const hits = index.query(shinglesOf(ws('Rà soát, phát hiện các bất cập về thủ tục hành chính, giấy tờ công dân cần cắt giảm')));
    expect(hits[0]!.index).toBe(1);
  });

  test('indexes single words of short headings so "Mục tiêu" finds "Mục đích"', () => {
    const index = new ShingleIndex([shinglesOf(ws('Mục đích')), shinglesOf(ws(T.tiepTuc))]);
    expect(index.query(shinglesOf(ws('Mục tiêu'))).map((c) => c.index)).toEqual([0]);
  });
});

describe('textSimilarity', () => {
  test.each([
    ['short headings on characters (000 → 003 I)', 'mục tiêu yêu cầu', 'mục đích yêu cầu', 0.75, 0.75],
    ['the same clause with a phrase cut (000 → 003 I.1.b)', fold(T.raSoat + ' trong đó tập trung rà soát kiến nghị cắt giảm giấy phép'), fold(T.raSoat), 0.7, 0.9],
    ['two different tasks in the same vocabulary (000 II.1.a bullets)', fold(T.thuongXuyen), fold(T.batCap), 0, 0.3],
  ])('scores %s', (_name, a, b, lo, hi) => {
    const s = textSimilarity(a, b);
    expect(s).toBeGreaterThanOrEqual(lo);
    expect(s).toBeLessThanOrEqual(hi);
  });
});

// ---------- the real seeds ----------

const GOLD_FILES: Record<string, SeedName> = { '000': 'sct2024', '001': 'bacgiang2023', '002': 'gialai2021', '003': 'gddt2024', '004': 'ubnd2025' };

/** The scorer's text form: NFC, lower case, whitespace folded, * # and HTML tags removed. */
function goldNorm(s: string | null | undefined): string {
  return (s ?? '').normalize('NFC').replace(/<[^>]+>/g, ' ').replace(/[*#]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

describe.skipIf(!hasShared('eval'))('alignment of the seeds against the hand-made answers (../shared/eval/gold/align.json; needs ../shared/eval)', () => {
  const gold = (hasShared('eval') ? JSON.parse(readFileSync(sharedPath('eval/gold/align.json'), 'utf8')) : {}) as Record<string, Array<{ a: string | null; b: string | null; status?: string[] }>>;
  const pairs = Object.entries(gold).filter(([k]) => !k.startsWith('_'));

  test.each(pairs)('meets every row of %s', (pair, rows) => {
    const [fa, fb] = pair.split('>').map((f) => GOLD_FILES[f.slice(0, 3)]!);
    const al = compareDocuments(seed(fa!), seed(fb!)).alignments;
    const missed: string[] = [];
    for (const r of rows) {
      let ok: boolean;
      if (r.a && r.b) {
        const na = goldNorm(r.a);
        const nb = goldNorm(r.b);
        ok = al.some((x) => x.a && x.b && goldNorm(x.a.text).includes(na) && goldNorm(x.b.text).includes(nb) && (!r.status || r.status.includes(x.status)));
      } else {
        const side = r.a ? 'a' : 'b';
        const n = goldNorm(r.a ?? r.b);
        const linked = al.filter((x) => x[side] && goldNorm(x[side]!.text).includes(n));
        ok = linked.length > 0 && linked.every((x) => !x[side === 'a' ? 'b' : 'a']);
      }
      if (!ok) missed.push(`${r.a ?? '-'} → ${r.b ?? '-'}`);
    }
    expect(missed).toEqual([]);
  });
});

describe('000 ↔ 003: sibling plans of two departments (Khánh Hòa 2024)', () => {
  const got = lines(compareDocuments(seed('sct2024'), seed('gddt2024')).alignments);
  const find = (prefix: string): string | undefined => got.find((l) => l.startsWith(prefix));

  test.each([
    ['a renamed section heading', '~ I ↔ I (0.75) MỤC <del>TIÊU</del><ins>ĐÍCH</ins>, YÊU CẦU'],
    ['a typo fixed, cosmetic', '~ II.2.-7 ↔ II.2.-7 (0.96) cosmetic Tích cực thực hiện Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ <del>chuyên</del> <ins>chuyển</ins> đổi số Quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030.'],
    ['an abbreviation spelled out, identical', '= II.2.-9 ↔ II.2.-9'],
    ['"các Bộ" vs "các bộ", identical', '= II.2.-8 ↔ II.2.-8'],
    ['a paragraph joined across a page break, identical', '= II.2.-4 ↔ II.2.-4'],
    ['a dropped item', '- III.1'],
    ['an added item', '+ III.3'],
  ])('pins %s', (_name, want) => {
    expect(got).toContain(want);
  });

  test('reads a bullet and its continuation paragraph merged into one bullet as a merge (II.2.-5)', () => {
    const merged = got.filter((l) => l.includes('merged'));
    expect(merged.map((l) => l.replace(/ \(\d\.\d+\)/, '').split(' ').slice(0, 6).join(' '))).toEqual([
      '~ II.2.-5 ↔ II.2.-5 merged cosmetic',
      '~ II.2.-5.p1 ↔ II.2.-5 merged cosmetic',
    ]);
    // the similarity shown is symmetric: a continuation paragraph is a part, not the whole bullet
    expect(merged.every((l) => Number(/\((\d\.\d+)\)/.exec(l)![1]) < 0.9)).toBe(true);
  });

  test('reads one item carried by an item and two paragraphs as a split (000 III.2 → 003 III.1)', () => {
    expect(got.filter((l) => l.includes('split')).map((l) => l.replace(/ \(\d\.\d+\)/, '').split(' ').slice(0, 5).join(' '))).toEqual([
      '~ III.2 ↔ III.1 split',
      '~ III.2 ↔ III.1.p1 split',
      '~ III.2 ↔ III.1.p2 split',
    ]);
  });

  test('marks the unit change in a renumbered item as a word diff (000 III.3 → 003 III.2)', () => {
    expect(find('~ III.3 ↔ III.2')).toContain('<del>Thanh tra Sở thường xuyên kiểm tra đôn đốc</del> Các phòng thuộc Sở phối hợp');
  });

  test('finds nothing moved between two plans built in the same order', () => {
    expect(got.filter((l) => l.includes('moved'))).toEqual([]);
  });
});

/** 2024 department plan as A, 2025 province plan as B, as given (no reorientation to parent first). */
const PEER = { relation: 'peer' } as const;

describe('000/003 → 004: the same department plans against next year’s province plan', () => {
  test.each([
    ['sct2024' as SeedName, '~ I ↔ I (0.75)'],
    ['gddt2024' as SeedName, '= I ↔ I'],
  ])('keeps the skeleton and the appendix groups aligned from %s', (name, first) => {
    const got = marks(compareDocuments(seed(name), seed('ubnd2025'), PEER).alignments);
    expect(got).toEqual(expect.arrayContaining([first, '= II ↔ II', '= III ↔ III', '= PL.I ↔ PL.I', '= PL.II ↔ PL.II']));
  });

  test.each([
    ['sct2024' as SeedName, '0.35'],
    ['gddt2024' as SeedName, '0.29'],
  ])('carries the %s purpose point I.1.b by the reworded, widened 2025 point I.1.c (%s) and drops the unrelated ones', (name, sim) => {
    const got = marks(compareDocuments(seed(name), seed('ubnd2025'), PEER).alignments).filter((l) => /(^|\s)I\.1\.[a-zđ](\s|$)/.test(l));
    expect(got).toEqual(['~ I.1.a ↔ I.1.a (0.58)', '+ I.1.b', `~ I.1.b ↔ I.1.c (${sim})`, '- I.1.c', '- I.1.d', '- I.1.đ', '+ I.1.d', '+ I.1.đ', '+ I.1.e']);
  });

  test('pairs no leftover siblings between plans of two provinces that share only a vocabulary (000 I.1.d vs 001 I.1.-1)', () => {
    const got = marks(compareDocuments(seed('sct2024'), seed('bacgiang2023')).alignments);
    expect(got).toContain('- I.1.d');
    expect(got.filter((l) => l.startsWith('~ I.1.d ') || l.startsWith('= I.1.d '))).toEqual([]);
  });

  test('follows a task that moved under a new heading (000 II.2.-6 → 004 II.2.a.-9)', () => {
    const got = lines(compareDocuments(seed('sct2024'), seed('ubnd2025'), PEER).alignments);
    expect(got.find((l) => l.startsWith('~ II.2.-6 ↔'))).toMatch(/^~ II\.2\.-6 ↔ II\.2\.a\.-9 \(0\.9\d\)/);
  });

  test('reads the 2024 → 2025 change in the appendix title as a word diff', () => {
    const got = lines(compareDocuments(seed('sct2024'), seed('ubnd2025'), PEER).alignments);
    expect(got.find((l) => l.startsWith('~ PL ↔ PL'))).toContain('NĂM <del>2024</del><ins>2025</ins>');
  });

  test('aligns the renumbered appendix rows by their indicator (PL.II.2 → PL.II.1, PL.II.6 → PL.II.4)', () => {
    const got = marks(compareDocuments(seed('sct2024'), seed('ubnd2025'), PEER).alignments);
    expect(got.filter((l) => l.includes('PL.II.')).map((l) => l.replace(/ \(0\.\d+\)/, ''))).toEqual([
      '- PL.II.1',
      '~ PL.II.2 ↔ PL.II.1',
      '~ PL.II.3 ↔ PL.II.2',
      '- PL.II.4',
      '~ PL.II.5 ↔ PL.II.3',
      '~ PL.II.6 ↔ PL.II.4',
    ]);
  });
});

describe('alignClauses: time budget', () => {
  test('a spent budget stops the alignment with a TimeLimitError naming the step (issue 11)', async () => {
    const { Deadline, isTimeLimitError } = await import('../../src/text/deadline.js');
    const spent = new Deadline(0);
    await new Promise((r) => setTimeout(r, 2));
    let error: unknown = null;
    try {
      alignClauses(seed('sct2024').clauses, seed('ubnd2025').clauses, { deadline: spent });
    } catch (e) {
      error = e;
    }
    expect(isTimeLimitError(error)).toBe(true);
    expect((error as Error).message).toMatch(/while (aligning clauses|scoring clause pairs|assigning clause pairs)/);
  });
});

describe('order, number and place are weak evidence: they never pair clauses that say different things', () => {
  // Two provinces' resolutions arranging communes (the form of ../shared/realcorpus's sibling
  // resolutions of one issuer; names here are made up): one line per new commune, on one frame.
  const line = (olds: string, name: string): string => `Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã ${olds} thành xã mới có tên gọi là xã ${name}.`;
  const province = (name: string, lines: string[]): Clause[] => [
    clause('D1', `Sắp xếp các đơn vị hành chính cấp xã của tỉnh ${name}`, lines.map((t, i) => clause(`D1.${i + 1}`, t))),
  ];
  const north = province('Bắc Sơn', [line('Tân Lập, Tân Hòa và Tân Phú', 'Tân Lập'), line('Yên Thịnh, Yên Bình và Yên Hưng', 'Yên Thịnh'), line('Đồng Lạc, Đồng Tâm', 'Đồng Tâm'), line('Hòa Mục, Hòa An và Hòa Bình', 'Hòa An'), line('Quang Trung, Quang Minh', 'Quang Minh')]);
  const south = province('Nam Giang', [line('Mỹ Long, Mỹ Phước và Mỹ Hiệp', 'Mỹ Long'), line('Long Điền, Long Hải', 'Long Điền'), line('Phước Thạnh, Phước Hưng và Phước Tân', 'Phước Thạnh'), line('Vĩnh Kim, Vĩnh Hựu', 'Vĩnh Kim'), line('Bình Đức, Bình Ân và Bình Xuân', 'Bình Xuân')]);

  // the pairing, not the similarity shown
  const pairing = (als: Alignment[]): string[] => marks(als).map((m) => m.replace(/ \(\d\.\d+\)/, ''));

  test('pairs no commune line of one province with the line at the same number of another', () => {
    expect(pairing(alignClauses(north, south))).toEqual(['~ D1 ↔ D1', '- D1.1', '- D1.2', '- D1.3', '- D1.4', '- D1.5', '+ D1.1', '+ D1.2', '+ D1.3', '+ D1.4', '+ D1.5']);
  });

  test('pairs the line of the same commune wherever it stands, reworded (content decides, not place)', () => {
    const again = province('Bắc Sơn', [line('Quang Trung, Quang Minh', 'Quang Minh'), line('Mỹ Long, Mỹ Phước và Mỹ Hiệp', 'Mỹ Long'), line('Long Điền, Long Hải', 'Long Điền'), line('Tân Lập, Tân Hòa và xã Tân Phú', 'Tân Lập'), line('Vĩnh Kim, Vĩnh Hựu', 'Vĩnh Kim')]);
    const got = pairing(alignClauses(north, again)).filter((m) => m.includes('↔'));
    expect(got).toEqual(['= D1 ↔ D1', '~ D1.1 ↔ D1.4 moved', '= D1.5 ↔ D1.1']);
  });

  // Two sibling price rules at the same number that name different services (the form of two
  // circulars of one ministry on the same day; wording made up)
  const rules = (third: string): Clause[] => [
    clause('D3', 'Nguyên tắc xác định giá', [
      clause('D3.1', 'Giá dịch vụ kiểm định chưa bao gồm thuế giá trị gia tăng, lệ phí cấp giấy chứng nhận và chi phí đi lại của kiểm định viên.'),
      clause('D3.2', 'Đơn vị cung cấp dịch vụ được thu chi phí đi lại, lưu trú của kiểm định viên theo chi phí phát sinh thực tế.'),
      clause('D3.3', third),
    ]),
  ];
  const drawings = 'Giá dịch vụ duyệt bản vẽ lắp đặt cho thiết bị thứ hai cùng kiểu, cùng nhà sản xuất được tính bằng 70% giá dịch vụ duyệt bản vẽ lắp đặt do đơn vị niêm yết.';
  const grades = 'Giá dịch vụ thẩm định hồ sơ thiết kế đối với phương tiện mang hai cấp được tính bằng 130% giá dịch vụ thẩm định hồ sơ thiết kế do đơn vị niêm yết.';

  test('leaves two rules at the same number unpaired when they name different services, however much the label weighs', () => {
    for (const labelWeight of [ALIGN_DEFAULTS.labelWeight, 0.3]) {
      const got = marks(alignClauses(rules(drawings), rules(grades), { labelWeight }));
      expect(got.filter((m) => m.includes('D3.3'))).toEqual(['- D3.3', '+ D3.3']);
    }
  });

  test('pairs no leftover rule with one of several near-equal look-alikes (rules that differ only in a figure)', () => {
    const many = [clause('D3', 'Nguyên tắc xác định giá', [
      clause('D3.1', 'Giá dịch vụ kiểm định chưa bao gồm thuế giá trị gia tăng, lệ phí cấp giấy chứng nhận và chi phí đi lại của kiểm định viên.'),
      clause('D3.2', grades),
      clause('D3.3', grades.replace('hai cấp', 'ba cấp').replace('130%', '160%')),
      clause('D3.4', grades.replace('hai cấp', 'bốn cấp').replace('130%', '190%')),
    ])];
    const one = [clause('D3', 'Nguyên tắc xác định giá', [
      clause('D3.1', 'Giá dịch vụ kiểm định chưa bao gồm thuế giá trị gia tăng, lệ phí cấp giấy chứng nhận và chi phí đi lại của kiểm định viên.'),
      clause('D3.2', 'Giá dịch vụ đo dung tích cho phương tiện từ chiếc thứ 02 cùng loạt được tính bằng 75% giá dịch vụ đo dung tích do đơn vị cung cấp dịch vụ niêm yết.'),
    ])];
    expect(marks(alignClauses(one, many)).filter((m) => m.includes('↔'))).toEqual(['= D3 ↔ D3', '= D3.1 ↔ D3.1']);
  });
});
