import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDocument } from '../../src/read/parse.js';
import { allClauses, clause, hasShared, outlineOf, seed, seedText, sharedPath, type SeedName } from '../corpus.js';

describe('clause labels', () => {
  test.each<[string, SeedName, string, string, string]>([
    ['Roman section with a dot ("I. MỤC TIÊU, YÊU CẦU")', 'sct2024', 'I', 'section', 'MỤC TIÊU, YÊU CẦU'],
    ['Roman section behind markdown ("## **II. NỘI DUNG …**")', 'sct2024', 'II', 'section', 'NỘI DUNG, NHIỆM VỤ CỤ THỂ'],
    ['numbered item behind a markdown heading ("##### 1. Mục tiêu")', 'sct2024', 'I.1', 'item', 'Mục tiêu'],
    ['numbered item with bold and colon ("### **3. Yêu cầu:**")', 'sct2024', 'I.3', 'item', 'Yêu cầu:'],
    ['lettered point "đ)"', 'sct2024', 'I.1.đ', 'point', 'Chấn chỉnh kỷ luật, kỷ cương hành chính'],
    ['lettered point "e)"', 'ubnd2025', 'I.1.e', 'point', 'Tăng cường công tác giám sát'],
    ['dotted item "1.1." nests under "1."', 'gialai2021', 'IV.1.1', 'item', 'Triển khai công tác pháp chế'],
    ['dotted item "2.3." under "2."', 'gialai2021', 'IV.2.3', 'item', 'Rà soát, đơn giản hóa các TTHC'],
    ['bold heading point "#### **a) Đến năm 2025:**"', 'gialai2021', 'I.2.a', 'point', 'Đến năm 2025:'],
    ['first-level bullet heading "##### ***- Cải cách thể chế:***"', 'gialai2021', 'I.2.a.-1', 'bullet', 'Cải cách thể chế:'],
    ['"- +" second-level bullet nests under its "-" heading', 'gialai2021', 'I.2.a.-1.+1', 'bullet', 'Tiếp tục hoàn thiện'],
    ['plain "+" bullet after a blank line', 'gialai2021', 'I.2.a.-2.+4', 'bullet', '80% người dân, doanh nghiệp'],
    ['"-" bullet under a point', 'sct2024', 'II.1.b.-2', 'bullet', 'Chủ động rà soát trình công bố'],
    ['"Điều 1." article of the decision carrying the plan', 'ubnd2025', 'D1', 'article', 'Ban hành kèm theo Quyết định này'],
    ['"Điều 3." article', 'ubnd2025', 'D3', 'article', 'Chánh Văn phòng UBND tỉnh'],
  ])('reads %s (%s)', (_case, name, id, kind, start) => {
    const c = clause(seed(name), id);
    expect(c.kind).toBe(kind);
    expect(c.text.startsWith(start)).toBe(true);
  });

  test('keeps the label out of the clause text', () => {
    const c = clause(seed('sct2024'), 'I.1.a');
    expect(c.label).toBe('a');
    expect(c.text.startsWith('Đẩy mạnh')).toBe(true);
  });

  test('does not read "Điều chỉnh" as an article heading', () => {
    const doc = parseDocument('I. NỘI DUNG\n\n1. Điều chỉnh quy trình nội bộ giải quyết TTHC.\n\nĐiều chỉnh kế hoạch khi cần.');
    expect(allClauses(doc.clauses).filter((c) => c.kind === 'article')).toHaveLength(0);
  });

  test('does not read a year at the start of a wrapped line as an item', () => {
    const doc = parseDocument('I. MỤC TIÊU\n\n1. Phấn đấu đến năm\n2025 đạt 100% hồ sơ.');
    expect(allClauses(doc.clauses).map((c) => c.id)).toEqual(['I', 'I.1']);
    expect(clause(doc, 'I.1').text).toBe('Phấn đấu đến năm 2025 đạt 100% hồ sơ.');
  });

  test('does not read an amount wrapped onto its own line as an item (holdout Đồng Nai 2816: "=" / "28.800.000 đồng/năm.")', () => {
    const doc = parseDocument('I. NỘI DUNG\n\n1. Chi phí sau khi đơn giản hóa: 72 giờ x 40.000 đồng/giờ =\n28.800.000 đồng/năm.\n\n2. Xác nhận hợp đồng.');
    expect(allClauses(doc.clauses).map((c) => c.id)).toEqual(['I', 'I.1', 'I.2']);
    expect(clause(doc, 'I.1').text).toBe('Chi phí sau khi đơn giản hóa: 72 giờ x 40.000 đồng/giờ = 28.800.000 đồng/năm.');
  });

  test('a procedure code on a line of its own still opens a row (a decision publishing procedures: "01" / "1.014466" / its name)', () => {
    const doc = parseDocument('I. DANH MỤC\n\n1.014466\n\nCông nhận kết quả thăm dò khoáng sản\n\n1.013644\n\nĐiều chỉnh giấy phép thăm dò');
    expect(allClauses(doc.clauses).map((c) => c.id)).toEqual(['I', 'I.1', 'I.1.p1', 'I.1_2', 'I.1_2.p1']);
  });

  test('a procedure code wrapped after the word "Mã TTHC" goes on with its line (holdout Đồng Nai 2813: "… Mã TTHC" / "1.004082")', () => {
    const doc = parseDocument('I. NỘI DUNG\n\n1. Xác nhận hợp đồng tiếp cận nguồn gen. Mã TTHC\n1.004082\n\n1.1. Nội dung đơn giản hoá: bỏ thành phần hồ sơ.');
    expect(allClauses(doc.clauses).map((c) => c.id)).toEqual(['I', 'I.1', 'I.1.1']);
    expect(clause(doc, 'I.1').text).toBe('Xác nhận hợp đồng tiếp cận nguồn gen. Mã TTHC 1.004082');
  });
});

describe('continuation paragraphs and page breaks', () => {
  test('an unlabelled paragraph after a bullet is attached to that bullet (000 II.2, "Tăng cường kỷ luật …")', () => {
    const c = clause(seed('sct2024'), 'II.2.-5.p1');
    expect(c.kind).toBe('paragraph');
    expect(c.text.startsWith('Tăng cường kỷ luật, kỷ cương hành chính')).toBe(true);
  });

  test.each<[string, SeedName, string, string]>([
    ['"Nghị quyết số\\n\\n02/NQ-CP" (000 I.2)', 'sct2024', 'I.2.p1', 'Nghị quyết số 02/NQ-CP ngày 05/01/2024'],
    ['"tái sử dụng\\n\\ndữ liệu" (003 II.2)', 'gddt2024', 'II.2.-4', 'đẩy mạnh tái sử dụng dữ liệu đã được số hóa'],
    ['"cấp có thẩm quyền\\n\\nsửa đổi" (000 II.1.a)', 'sct2024', 'II.1.a.-2', 'kiến nghị cấp có thẩm quyền sửa đổi, bổ sung'],
    ['"Nghị định số\\n\\n107/2021/NĐ-CP" (004 II.2.a)', 'ubnd2025', 'II.2.a.-6', 'Nghị định số 107/2021/NĐ-CP, làm sạch dữ liệu'],
    ['"của Ủy ban\\n\\nnhân dân tỉnh" (002 IV.2.5)', 'gialai2021', 'IV.2.5', 'của Ủy ban nhân dân tỉnh'],
    ['a heading broken over two markdown lines (002 III.5)', 'gialai2021', 'III.5', 'giải quyết TTHC theo cơ chế một cửa điện tử:'],
  ])('joins a sentence broken by a page break: %s', (_case, name, id, phrase) => {
    expect(clause(seed(name), id).text).toContain(phrase);
  });

  test('joins a sentence across a footnote, which is kept apart (004 II.1.b, footnote ¹)', () => {
    const doc = seed('ubnd2025');
    const c = clause(doc, 'II.1.b.-4');
    expect(c.text).toContain('thực hiện TTHC toàn trình trên môi trường điện tử. Thời hạn hoàn thành trước ngày 15/12/2025.');
    expect(c.text).not.toContain('9867/UBND-KSTT');
    expect(doc.footnotes).toHaveLength(1);
    expect(doc.footnotes[0]!.text.startsWith('Công văn số 9867/UBND-KSTT')).toBe(true);
  });

  test('drops a page number line (004 "34" before the signature)', () => {
    const doc = seed('ubnd2025');
    const texts = [...doc.closing, ...doc.preamble].map((b) => b.text);
    expect(texts).not.toContain('34');
    expect(allClauses(doc.clauses).some((c) => c.text === '34')).toBe(false);
  });

  test('strips markdown and HTML marks from clause text', () => {
    for (const name of ['sct2024', 'gialai2021'] as SeedName[]) {
      for (const c of allClauses(seed(name).clauses)) expect(c.text).not.toMatch(/\*\*|<\/?b>|^#/);
    }
  });
});

describe('layout zones', () => {
  test('puts "Căn cứ …" and "Thực hiện …" in the preamble, out of the content tree (001)', () => {
    const doc = seed('bacgiang2023');
    expect(doc.preamble.map((b) => b.role)).toEqual(['basis', 'implements']);
    expect(doc.clauses[0]!.id).toBe('I');
  });

  test('reads the preamble of a decision, then its articles, then the carried plan (004)', () => {
    const doc = seed('ubnd2025');
    expect(doc.preamble.filter((b) => b.role === 'basis')).toHaveLength(6);
    expect(doc.preamble.some((b) => b.role === 'proposal')).toBe(true);
    expect(doc.clauses.map((c) => c.id)).toEqual(['D1', 'D2', 'D3', 'I', 'II', 'III', 'PL']);
  });

  test.each<[SeedName, string[]]>([
    ['gddt2024', ['recipients', 'signature', 'name', 'issuer', 'motto']],
    ['ubnd2025', ['recipients', 'signature', 'name']],
    ['bacgiang2023', ['recipients', 'signature', 'name']],
    ['gialai2021', ['recipients', 'signature', 'name']],
  ])('keeps the closing blocks of %s out of the content tree', (name, roles) => {
    const doc = seed(name);
    const seen = [...new Set(doc.closing.map((b) => b.role))].filter((r) => r !== 'recipient');
    expect(seen).toEqual(roles);
    const texts = allClauses(doc.clauses).map((c) => c.text);
    expect(texts.some((t) => /^Nơi nhận|^Lưu: VT|GIÁM ĐỐC$|CỘNG HÒA XÃ HỘI/u.test(t))).toBe(false);
  });
});

describe('tables', () => {
  test('rows become clauses with named cells (000 appendix row I.2, online payment)', () => {
    const row = clause(seed('sct2024'), 'PL.I.2');
    expect(row.kind).toBe('row');
    expect(row.cells!.map((c) => c.role)).toEqual(['task', 'assignment', 'time', 'target', 'basis']);
    expect(row.cells!.find((c) => c.role === 'target')!.text).toBe('Tối thiểu 45%');
  });

  test('reads column meanings whatever the header says (004: "Chỉ tiêu" names the metric, "(%)" holds values)', () => {
    const row = clause(seed('ubnd2025'), 'PL.I.2');
    expect(row.cells!.map((c) => c.role)).toEqual(['metric', 'lead', 'evaluator', 'target', 'note']);
    expect(row.cells!.find((c) => c.role === 'target')).toMatchObject({ text: '60', header: 'Chỉ tiêu năm 2025 (%)' });
  });

  test('section rows nest their rows, and a group continues across a repeated header (000 appendix)', () => {
    expect(outlineOf(seed('sct2024').clauses.filter((c) => c.id === 'PL'), 0, 30)).toBe(
      [
        'PL appendix: CHỈ TIÊU CỤ THỂ VỀ CẢI CÁCH TH',
        '  PL.I group: Chỉ tiêu cụ thể về thực hiện t',
        '    PL.I.1 row: Tỷ lệ cung cấp dịch vụ công tr',
        '    PL.I.2 row: Tỷ lệ thanh toán trực tuyến tr',
        '    PL.I.3 row: Tỷ lệ hồ sơ trực tuyến trên tổ',
        '    PL.I.4 row: Tỷ lệ số hóa hồ sơ, kết quả gi',
        '    PL.I.5 row: Tỷ lệ kết quả xử lý hồ sơ TTHC',
        '  PL.II group: Thực hiện chỉ tiêu về nâng cao',
        '    PL.II.1 row: Cập nhật dữ liệu quy định kinh',
        '    PL.II.2 row: Tỷ lệ kết quả giải quyết TTHC ',
        '    PL.II.3 row: Tỷ lệ khai thác, sử dụng lại t',
        '    PL.II.4 row: Tỷ lệ công bố, công khai TTHC ',
        '    PL.II.5 row: Tỷ lệ xử lý phản ánh, kiến ngh',
        '    PL.II.6 row: Mức độ hài lòng trong tiếp nhậ',
        '  PL.III group: Chỉ tiêu về tỷ lệ xử lý văn bả',
        '    PL.III.1 row: Tỷ lệ xử lý văn bản, hồ sơ côn',
        '',
      ].join('\n'),
    );
  });

  test('merges a row split across a page break (004 II.4 "Mức độ hài lòng trong tiếp nhận." + "giải quyết …")', () => {
    const row = clause(seed('ubnd2025'), 'PL.II.4');
    const cell = (role: string) => row.cells!.find((c) => c.role === role)!.text;
    expect(cell('metric')).toBe('Mức độ hài lòng trong tiếp nhận. giải quyết thủ tục hành chính của người dân, doanh nghiệp.');
    expect(cell('lead')).toBe('Các sở, ban, ngành; UBND cấp huyện, UBND cấp xã');
    expect(cell('evaluator')).toBe('Văn phòng UBND tỉnh');
    expect(cell('note')).toContain('Nghị quyết số 02/NQ-CP ngày 08/01/2025 của Chính phủ');
  });

  test('merges the continuation "ngày 10/01/2024 của Văn phòng Chính phủ" into its row (003 II.3)', () => {
    const basis = clause(seed('gddt2024'), 'PL.II.3').cells!.find((c) => c.role === 'basis')!;
    expect(basis.text).toBe('Nghị quyết số 02/NQ-CP ngày 05/01/2024 của Chính phủ và Công văn số 221/VPCP-KSTT ngày 10/01/2024 của Văn phòng Chính phủ');
    expect(allClauses(seed('gddt2024').clauses).filter((c) => c.id.startsWith('PL.II.')).map((c) => c.id)).toEqual([
      'PL.II.1', 'PL.II.2', 'PL.II.3', 'PL.II.4', 'PL.II.5', 'PL.II.6',
    ]);
  });

  test('reads a heading split across rows as one heading (001 "… MỘT CỬA" / "LIÊN THÔNG")', () => {
    expect(clause(seed('bacgiang2023'), 'PL.IV').text).toBe('CÔNG TÁC TRUYỀN THÔNG CẢI CÁCH TTHC, KIỂM SOÁT TTHC; THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG');
  });

  test('drops header rows repeated after a page break (001 has four)', () => {
    const texts = allClauses(seed('bacgiang2023').clauses).map((c) => c.text);
    expect(texts.some((t) => t.startsWith('NỘI DUNG CÔNG VIỆC'))).toBe(false);
  });

  test('reads a group index written in the same cell as its name (001 "III NHIỆM VỤ …")', () => {
    expect(clause(seed('bacgiang2023'), 'PL.III').text).toBe('NHIỆM VỤ THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG');
  });

  test('nests dotted rows under their parent row (001 II.1 → 1.1, 1.2, 1.3)', () => {
    expect(clause(seed('bacgiang2023'), 'PL.II.1').children.map((c) => c.id)).toEqual(['PL.II.1.1', 'PL.II.1.2', 'PL.II.1.3']);
  });
});

describe('ids', () => {
  test('keeps duplicate numbering as two clauses with distinct ids and a warning (001 two "5.")', () => {
    const doc = seed('bacgiang2023');
    expect(clause(doc, 'II.5').text.startsWith('Kịp thời xây dựng')).toBe(true);
    expect(clause(doc, 'II.5_2').text.startsWith('Tiếp tục thực hiện có hiệu quả cơ chế một cửa')).toBe(true);
    expect(doc.meta.warnings.filter((w) => w.code === 'duplicate-label')).toHaveLength(1);
  });

  test.each<SeedName>(['sct2024', 'gddt2024', 'ubnd2025', 'bacgiang2023', 'gialai2021'])('gives every clause of %s a unique id, stable across runs', (name) => {
    const ids = allClauses(seed(name).clauses).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const again = allClauses(parseDocument(seedText(name)).clauses).map((c) => c.id);
    expect(again).toEqual(ids);
  });
});

/** Folds text the way the span check compares it: marks and spacing out, NFC. */
function squash(s: string): string {
  return s.normalize('NFC').replace(/<[^>]+>|[*#_\\]/g, '').replace(/\s+/g, '');
}

describe('spans', () => {
  test.each<SeedName>(['sct2024', 'gddt2024', 'ubnd2025', 'bacgiang2023', 'gialai2021'])('every clause span of %s covers its text in the original', (name) => {
    const raw = seedText(name);
    for (const c of allClauses(seed(name).clauses)) {
      const covered = squash(raw.slice(c.span[0], c.span[1]));
      if (c.cells) {
        // a cell merged across a page break spans both fragments (and the cells between them)
        for (const cell of c.cells) {
          const inRaw = squash(raw.slice(cell.span[0], cell.span[1]));
          expect(inRaw.startsWith(squash(cell.text.split(/\s+/)[0]!))).toBe(true);
          for (const word of cell.text.split(/\s+/)) expect(inRaw).toContain(squash(word));
        }
      } else {
        expect(covered.startsWith(squash(c.text).slice(0, 30))).toBe(true);
        expect(covered.endsWith(squash(c.text).slice(-20))).toBe(true);
      }
    }
  });

  test('spans of an NFD twin point at the same characters (NFD input)', () => {
    const raw = seedText('gddt2024').normalize('NFD');
    const doc = parseDocument(raw);
    const c = clause(doc, 'I.1.a');
    expect(squash(raw.slice(c.span[0], c.span[1]))).toBe(squash(c.text));
  });
});

describe('input variants', () => {
  test.each<SeedName>(['sct2024', 'gddt2024', 'ubnd2025', 'bacgiang2023', 'gialai2021'])('an NFD twin of %s parses identically', (name) => {
    const a = seed(name);
    const b = parseDocument(seedText(name).normalize('NFD'), { file: a.file });
    const strip = (d: typeof a) => JSON.stringify({ ...d, clauses: d.clauses, targets: d.targets.map((t) => ({ ...t, span: null })) }, (k, v) => (k === 'span' ? undefined : v));
    expect(strip(b)).toBe(strip(a));
  });

  test('a CRLF copy with a BOM parses to the same tree (003)', () => {
    const a = seed('gddt2024');
    const b = parseDocument(`\uFEFF${seedText('gddt2024').replace(/\n/g, '\r\n')}`);
    expect(outlineOf(b.clauses)).toBe(outlineOf(a.clauses));
    expect(b.meta.title).toBe(a.meta.title);
  });
});

// ../shared/holdout sits beside the repository (as in CI); a bare clone elsewhere skips these.
describe.skipIf(!existsSync(sharedPath('holdout')))('holdout documents', () => {
  const dir = sharedPath('holdout');
  const files = !existsSync(dir) ? [] : [
    ...readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => `${dir}/${f}`),
    ...readdirSync(`${dir}/adjacent`).filter((f) => f.endsWith('.txt')).map((f) => `${dir}/adjacent/${f}`),
  ];

  test.each(files)('parses %s into a sensible tree', (file) => {
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const all = allClauses(doc.clauses);
    expect(all.length).toBeGreaterThan(5);
    expect(doc.meta.number).toMatch(/^\d+$/);
    expect(doc.meta.year).toBe(2025);
    expect(doc.preamble.length + doc.header.length).toBeGreaterThan(0);
  });

  test('reads the articles of a decision in pipe-table markdown (dongnai 2813)', () => {
    const doc = parseDocument(readFileSync(`${dir}/dongnai-ubnd-2025-2813-qd.txt`, 'utf8'));
    expect(doc.clauses.filter((c) => c.kind === 'article').map((c) => c.id)).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(doc.preamble.filter((b) => b.role === 'basis')).toHaveLength(5);
  });
});

/** A decision's header and preamble, so that the articles after it are read as its operative part. */
const DECISION_HEAD = 'UBND TỈNH BẮC NINH\n\nSố: 1486/QĐ-UBND\n\nQUYẾT ĐỊNH\n\nVề việc công bố danh mục thủ tục hành chính\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\n';

/** The same decision with two articles and an appendix whose body is `appendix`. */
function decisionWithAppendix(appendix: string): string {
  return `${DECISION_HEAD}QUYẾT ĐỊNH:\n\nĐiều 1. Công bố kèm theo Quyết định này 02 thủ tục hành chính.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n\nPHỤ LỤC\n\nTHỦ TỤC HÀNH CHÍNH NỘI BỘ\n\n${appendix}`;
}

describe('appendix structure (realcorpus 1b479d81b4a8f42e, 1796a553dfee88ef, 646f0a00d4174382)', () => {
  test('"PHẦN I" / "PHẦN II" of an appendix nest in it, in order, with the table of Phần I under it', () => {
    const doc = parseDocument(
      decisionWithAppendix(
        '**PHẦN I.\nDANH MỤC THỦ TỤC HÀNH CHÍNH**\n\nSTT\tTên thủ tục hành chính\tLĩnh vực\n1\tThủ tục công nhận báo cáo viên\tPhổ biến pháp luật\n2\tThủ tục miễn nhiệm báo cáo viên\tPhổ biến pháp luật\n\n' +
          '**PHẦN II.\nNỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC**\n\n**I. Thủ tục công nhận báo cáo viên**\n\n1. Trình tự thực hiện:\n\n**II. Thủ tục miễn nhiệm báo cáo viên**\n\n1. Trình tự thực hiện:',
      ),
    );
    expect(allClauses(doc.clauses).map((c) => c.id)).toEqual([
      'D1', 'D2', 'PL', 'PL.PI', 'PL.PI.1', 'PL.PI.2', 'PL.PII', 'PL.PII.I', 'PL.PII.I.1', 'PL.PII.II', 'PL.PII.II.1',
    ]);
  });

  test('a table after "1. Danh mục …" goes under that item: lettered parts hold the Roman groups, no "_2" twins', () => {
    const table = (name: string, body: string) => `${name}\n\nTT\tMã TTHC\tTên thủ tục hành chính\tLĩnh vực\n${body}\n\n`;
    const doc = parseDocument(
      decisionWithAppendix(
        table(
          '1. Danh mục thủ tục hành chính nội bộ được sửa đổi',
          'A\tTHỦ TỤC HÀNH CHÍNH CẤP TRUNG ƯƠNG\t\t\nI\tLĨNH VỰC BẢO VỆ THỰC VẬT\t\t\n1\t5.000119\tCông bố dịch hại thực vật\tBảo vệ thực vật\n2\t5.000120\tCông bố hết dịch hại thực vật\tBảo vệ thực vật\n' +
            'II\tLĨNH VỰC TRỒNG TRỌT\t\t\n1\t5.000078\tPhê duyệt Chiến lược phát triển trồng trọt\tTrồng trọt\nB\tTHỦ TỤC HÀNH CHÍNH CẤP TỈNH\t\t\nI\tLĨNH VỰC BẢO VỆ THỰC VẬT\t\t\n1\t5.000125\tCông bố dịch hại thực vật cấp tỉnh\tBảo vệ thực vật',
        ) + table('2. Danh mục thủ tục hành chính nội bộ bị bãi bỏ', 'A. THỦ TỤC HÀNH CHÍNH CẤP HUYỆN\t\t\t\n1\t5.000109\tXây dựng đề án chuyển đổi cơ cấu cây trồng\tTrồng trọt'),
      ),
    );
    expect(outlineOf(doc.clauses.filter((c) => c.id === 'PL'), 0, 12)).toBe(
      [
        'PL appendix: PHỤ LỤC THỦ ',
        '  PL.1 item: Danh mục thủ',
        '    PL.1.A group: THỦ TỤC HÀNH',
        '      PL.1.A.I group: LĨNH VỰC BẢO',
        '        PL.1.A.I.1 row: 5.000119 | C',
        '        PL.1.A.I.2 row: 5.000120 | C',
        '      PL.1.A.II group: LĨNH VỰC TRỒ',
        '        PL.1.A.II.1 row: 5.000078 | P',
        '    PL.1.B group: THỦ TỤC HÀNH',
        '      PL.1.B.I group: LĨNH VỰC BẢO',
        '        PL.1.B.I.1 row: 5.000125 | C',
        '  PL.2 item: Danh mục thủ',
        '    PL.2.A group: THỦ TỤC HÀNH',
        '      PL.2.A.1 row: 5.000109 | X',
        '',
      ].join('\n'),
    );
  });

  test('does not read a row of column numbers ("A | B | 1 | 2") as a lettered part', () => {
    const doc = parseDocument(decisionWithAppendix('1. Danh mục\n\nTT\tMã TTHC\tTên thủ tục hành chính\tLĩnh vực\nA\tB\t1\t2\n1\t5.000109\tXây dựng đề án\tTrồng trọt'));
    expect(clause(doc, 'PL.1').children.map((c) => `${c.id} ${c.kind}`)).toEqual(['PL.1.r1 row', 'PL.1.1 row']);
  });

  test('a body named in capitals inside an appendix ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG") heads its lines, it does not open the closing', () => {
    const doc = parseDocument(decisionWithAppendix('A. NHIỆM VỤ CHUNG\n\nBỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n\n- Hoàn thiện Nghị định về xử lý vi phạm hành chính.\n\n- Bộ Xây dựng;'));
    expect(allClauses(doc.clauses).filter((c) => c.zone === 'appendix').map((c) => `${c.kind}: ${c.text}`)).toEqual([
      'appendix: PHỤ LỤC THỦ TỤC HÀNH CHÍNH NỘI BỘ A. NHIỆM VỤ CHUNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
      'bullet: Hoàn thiện Nghị định về xử lý vi phạm hành chính.',
      'bullet: Bộ Xây dựng;',
    ]);
    expect(doc.closing).toEqual([]);
  });
});

describe('hard wraps inside references (realcorpus da8411114c03e36b, 1b479d81b4a8f42e, 43ce594e2a648040)', () => {
  const articles = (body: string) => parseDocument(`${DECISION_HEAD}QUYẾT ĐỊNH:\n\n${body}`);

  test.each<[string, string, string]>([
    ['a list of numbered references going on ("XI.24," / "XI.25, XI.26 của mục 1")', 'Điều 2. Các thủ tục tại số thứ tự XI.1, XI.23, XI.24,\nXI.25, XI.26 của mục 1 phần I hết hiệu lực.', 'Các thủ tục tại số thứ tự XI.1, XI.23, XI.24, XI.25, XI.26 của mục 1 phần I hết hiệu lực.'],
    ['"khoản 2 Điều" / "35 Luật …"', 'Điều 2. Cơ quan có đủ tiêu chuẩn quy định tại khoản 2 Điều\n35 Luật Phổ biến, giáo dục pháp luật năm 2012.', 'Cơ quan có đủ tiêu chuẩn quy định tại khoản 2 Điều 35 Luật Phổ biến, giáo dục pháp luật năm 2012.'],
    ['"tại khoản" / "2 Điều 15 …"', 'Điều 2. Hồ sơ theo quy định tại khoản\n2 Điều 15 Nghị định số 144/2025/NĐ-CP.', 'Hồ sơ theo quy định tại khoản 2 Điều 15 Nghị định số 144/2025/NĐ-CP.'],
    ['"tại Điều" / blank line / "2 Luật …" (a page break)', 'Điều 2. Người cao tuổi theo quy định tại Điều\n\n2 Luật Người cao tuổi.', 'Người cao tuổi theo quy định tại Điều 2 Luật Người cao tuổi.'],
  ])('keeps %s in its clause', (_case, body, text) => {
    const doc = articles(body);
    expect(allClauses(doc.clauses).map((c) => c.id)).toEqual(['D2']);
    expect(clause(doc, 'D2').text).toBe(text);
  });

  test('"**Điều" / "1**. Công bố …" after other lines opens article 1 ("**PHẦN" / "I. …" a part likewise)', () => {
    const doc = parseDocument(
      `${DECISION_HEAD}*Theo\nđề nghị của Giám đốc Sở Tài chính.*\n**QUYẾT ĐỊNH:**\n**Điều\n1**. Công bố kèm theo Quyết định này danh\nmục 01 thủ tục.\n**Điều\n2. **Giao các cơ quan, đơn vị:\n1. Sở\nTài chính chủ trì.\n**Điều\n3.** Quyết định này có hiệu lực kể từ ngày ký./.`,
    );
    expect(allClauses(doc.clauses).map((c) => `${c.id} ${c.text}`)).toEqual([
      'D1 Công bố kèm theo Quyết định này danh mục 01 thủ tục.',
      'D2 Giao các cơ quan, đơn vị:',
      'D2.1 Sở Tài chính chủ trì.',
      'D3 Quyết định này có hiệu lực kể từ ngày ký./.',
    ]);
  });

  test('does not join an account ("tài khoản") or a component ("thành phần") to the item after it', () => {
    const doc = articles('Điều 4. Tài khoản\n\n1. Người sử dụng được cấp một tài khoản\n2. Tài khoản quản trị bị khóa khi hết hạn.\n3. Hồ sơ gồm các thành phần\n4. Thời hạn giải quyết: 05 ngày làm việc.');
    expect(allClauses(doc.clauses).map((c) => c.id)).toEqual(['D4', 'D4.1', 'D4.2', 'D4.3', 'D4.4']);
  });
});

// The real documents each pattern was seen in (../shared/realcorpus); a bare clone skips these.
describe.skipIf(!hasShared('realcorpus'))('appendix parsing on real documents (needs ../shared/realcorpus)', () => {
  const real = (id: string) => parseDocument(readFileSync(sharedPath(`realcorpus/${id}.md`), 'utf8'), { file: `${id}.md` });
  const ids = (doc: ReturnType<typeof real>) => allClauses(doc.clauses).map((c) => c.id);

  test('1b479d81b4a8f42e: PHẦN I (its table) and PHẦN II (two procedures) nest in the appendix, after nothing of theirs', () => {
    const doc = real('1b479d81b4a8f42e');
    expect(doc.clauses.map((c) => c.id)).toEqual(['D1', 'D2', 'D3', 'PL']);
    expect(clause(doc, 'PL').children.map((c) => c.id)).toEqual(['PL.PI', 'PL.PII']);
    expect(clause(doc, 'PL.PI').children.map((c) => `${c.id} ${c.kind}`)).toEqual(['PL.PI.1 row', 'PL.PI.2 row']);
    expect(clause(doc, 'PL.PII').children.map((c) => c.id)).toEqual(['PL.PII.I', 'PL.PII.II']);
    expect(clause(doc, 'PL.PII.I.1.+2').text).toContain('khoản 2 Điều 35 Luật Phổ biến, giáo dục pháp luật năm 2012');
    expect(ids(doc).some((id) => /\.35(?:\.|$)/u.test(id))).toBe(false);
  });

  test('da8411114c03e36b: "XI.25, XI.26 của mục 1 phần I …" stays in Điều 2, and the appendix holds Phần I and II', () => {
    const doc = real('da8411114c03e36b');
    expect(doc.clauses.slice(0, 4).map((c) => c.id)).toEqual(['D1', 'D2', 'D3', 'PL']);
    expect(clause(doc, 'D2').text).toContain('XI.24, XI.25, XI.26 của mục 1 phần I');
    expect(clause(doc, 'PL').children.filter((c) => c.kind === 'section').map((c) => c.id)).toEqual(['PL.PI', 'PL.PII']);
    expect(clause(doc, 'PL.PI.1').children.filter((c) => c.kind === 'group').map((c) => c.id)).toEqual(['PL.PI.1.A', 'PL.PI.1.B']);
  });

  test('1796a553dfee88ef: each list\'s table sits under its item, groups inside lettered parts, no group twin of a heading', () => {
    const doc = real('1796a553dfee88ef');
    const groups = (id: string) => allClauses([clause(doc, id)]).filter((c) => c.kind === 'group').map((c) => c.id);
    expect(groups('PL.PI.1')).toEqual(['PL.PI.1.A', 'PL.PI.1.A.I', 'PL.PI.1.A.II', 'PL.PI.1.B', 'PL.PI.1.B.I', 'PL.PI.1.B.II', 'PL.PI.1.C', 'PL.PI.1.C.I']);
    expect(groups('PL.PI.2')).toEqual(['PL.PI.2.A', 'PL.PI.2.A.I', 'PL.PI.2.B', 'PL.PI.2.B.I']);
    expect(ids(doc).filter((id) => id.startsWith('PL.') && /_\d/u.test(id.split('.')[1]!))).toEqual([]);
  });
});

describe('garbage input', () => {
  test('never throws on odd text and returns what it could read', () => {
    let seedValue = 7;
    const rnd = () => (seedValue = (seedValue * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = ['I.', '1.', 'a)', '-', '+', '\t', '\n', '\n\n', '|', '**', '#', 'Điều 1.', 'Số:', 'ngày', '/QĐ-', '¹', ' ', 'x', 'Ạ', '\u0301', '(', ')', '<b>', 'Nơi nhận:', 'PHỤ LỤC', 'TT\t'];
    for (let k = 0; k < 300; k++) {
      let s = '';
      const n = Math.floor(rnd() * 200);
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(() => parseDocument(s)).not.toThrow();
    }
    expect(parseDocument('').clauses).toEqual([]);
  });
});
