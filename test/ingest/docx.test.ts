import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { SEED_FIXTURES, contentLines, fixtureBytes } from './seed-fixtures.js';
import { PLAN_LISTS, buildDocx, numbering, paragraph, table } from './writers/docx.js';

const docxText = async (body: string, extra: Parameters<typeof buildDocx>[0] = { body }) =>
  (await ingest(buildDocx({ numbering: numbering(PLAN_LISTS, [{ numId: 1, abstractId: 0 }, { numId: 2, abstractId: 1 }]), ...extra, body }), 'plan.docx')).text;

// That each .docx parses like its .txt (clause tree, targets, citations) is checked in parity.test.ts.
describe('seed plans as .docx (test/fixtures, made by test/fixtures/make-fixtures.ts)', () => {
  test.each(SEED_FIXTURES)('the .docx of $fixture carries the same lines, labels and table rows as its .txt', async ({ fixture: name, seed }) => {
    const result = await ingest(fixtureBytes(`${name}.docx`), `${name}.docx`);
    expect(result.format).toBe('docx');
    expect(contentLines(result.text)).toEqual(contentLines(readFileSync(seed, 'utf8')));
  });
});

describe('Word automatic numbering becomes visible labels', () => {
  test('Roman sections, numbered items and lettered points count like the printed plan (004 I. / 1. / a))', async () => {
    const text = await docxText(
      [
        paragraph('MỤC ĐÍCH, YÊU CẦU', { num: { numId: 1, ilvl: 0 } }),
        paragraph('Mục đích:', { num: { numId: 1, ilvl: 1 } }),
        paragraph('Triển khai thực hiện các nhiệm vụ về công tác cải cách thủ tục hành chính', { num: { numId: 1, ilvl: 2 } }),
        paragraph('Cắt giảm, đơn giản hóa TTHC nội bộ trong cơ quan hành chính nhà nước', { num: { numId: 1, ilvl: 2 } }),
        paragraph('Yêu cầu:', { num: { numId: 1, ilvl: 1 } }),
        paragraph('Nêu cao tinh thần trách nhiệm', { num: { numId: 1, ilvl: 2 } }),
        paragraph('NHIỆM VỤ TRỌNG TÂM', { num: { numId: 1, ilvl: 0 } }),
        paragraph('Tiếp tục rà soát, tham mưu công bố đầy đủ TTHC nội bộ', { num: { numId: 1, ilvl: 1 } }),
      ].join(''),
    );
    expect(text.split('\n\n').map((p) => p.trim())).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích:',
      'a) Triển khai thực hiện các nhiệm vụ về công tác cải cách thủ tục hành chính',
      'b) Cắt giảm, đơn giản hóa TTHC nội bộ trong cơ quan hành chính nhà nước',
      '2. Yêu cầu:',
      'a) Nêu cao tinh thần trách nhiệm',
      'II. NHIỆM VỤ TRỌNG TÂM',
      '1. Tiếp tục rà soát, tham mưu công bố đầy đủ TTHC nội bộ',
    ]);
  });

  test('lettered points follow the Vietnamese alphabet: d) is followed by đ), not e) (004 "đ) Gắn kết chặt chẽ")', async () => {
    const body = ['a', 'b', 'c', 'd', 'đ', 'e'].map((l) => paragraph(`Điểm ${l}`, { num: { numId: 1, ilvl: 2 } })).join('');
    const labels = (await docxText(body)).split('\n\n').map((p) => p.split(' ')[0]);
    expect(labels).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)', 'e)']);
  });

  test('the Latin letter option counts a b c d e as Word prints them', async () => {
    const body = ['a', 'b', 'c', 'd', 'e'].map((l) => paragraph(`Điểm ${l}`, { num: { numId: 1, ilvl: 2 } })).join('');
    const bytes = buildDocx({ body, numbering: numbering(PLAN_LISTS, [{ numId: 1, abstractId: 0 }]) });
    const text = (await ingest(bytes, 'plan.docx', undefined, { letters: 'latin' })).text;
    expect(text.split('\n\n').map((p) => p.split(' ')[0])).toEqual(['a)', 'b)', 'c)', 'd)', 'e)']);
  });

  test('bullets print "-" (any symbol) and "+" stays "+" (002 "+ 80% người dân, doanh nghiệp")', async () => {
    const text = await docxText(
      paragraph('Các sở, ban, ngành', { num: { numId: 2, ilvl: 0 } }) + paragraph('80% người dân, doanh nghiệp', { num: { numId: 2, ilvl: 1 } }),
    );
    expect(text).toBe('- Các sở, ban, ngành\n\n+ 80% người dân, doanh nghiệp\n');
  });

  test('a second list instance with a startOverride restarts; one without continues the count', async () => {
    const lists = numbering([[{ format: 'decimal', text: '%1.' }]], [
      { numId: 1, abstractId: 0 },
      { numId: 2, abstractId: 0 },
      { numId: 3, abstractId: 0, startOverride: { 0: 1 } },
    ]);
    const body = [1, 1, 2, 3, 3].map((numId, i) => paragraph(`Nhiệm vụ ${i}`, { num: { numId, ilvl: 0 } })).join('');
    const text = (await ingest(buildDocx({ body, numbering: lists }), 'plan.docx')).text;
    expect(text.split('\n\n').map((p) => p.split(' ')[0])).toEqual(['1.', '2.', '3.', '1.', '2.']);
  });

  test('a multi-level text "%2.%4." prints "1.1." (002 "1.1. Triển khai công tác pháp chế")', async () => {
    const body = [1, 3, 3].map((ilvl, i) => paragraph(`Mục ${i}`, { num: { numId: 1, ilvl } })).join('');
    expect((await docxText(body)).split('\n\n').map((p) => p.split(' ')[0])).toEqual(['1.', '1.1.', '1.2.']);
  });
});

describe('tables, layout and notes', () => {
  test('a bordered table becomes tab rows; gridSpan pads, vMerge repeats the merged text (004 appendix)', async () => {
    const text = await docxText(
      table({
        headerRows: 1,
        rows: [
          ['STT', 'Chỉ tiêu', 'Cơ quan chủ trì', 'Chỉ tiêu năm 2025 (%)'],
          ['I', { content: 'Chỉ tiêu cụ thể về thực hiện thủ tục hành chính trên môi trường điện tử', gridSpan: 3 }],
          ['1.', 'Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử.', { content: 'Văn phòng UBND tỉnh', vMerge: 'restart' }, '100'],
          ['2.', 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa.', { content: '', vMerge: 'continue' }, 'Tối thiểu 50'],
        ],
      }),
    );
    expect(text.trim().split('\n')).toEqual([
      'STT\tChỉ tiêu\tCơ quan chủ trì\tChỉ tiêu năm 2025 (%)',
      'I\tChỉ tiêu cụ thể về thực hiện thủ tục hành chính trên môi trường điện tử\t\t',
      '1.\tTỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử.\tVăn phòng UBND tỉnh\t100',
      '2.\tTỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa.\tVăn phòng UBND tỉnh\tTối thiểu 50',
    ]);
  });

  test('a borderless layout table (issuer | motto) becomes paragraphs, not a tab row', async () => {
    const text = await docxText(
      table({
        borders: false,
        rows: [['ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['Số: 344/QĐ-UBND', 'Khánh Hòa, ngày 13 tháng 02 năm 2025']],
      }),
    );
    expect(text).not.toContain('\t');
    expect(text.split('\n\n').map((p) => p.trim())).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 344/QĐ-UBND',
      'Khánh Hòa, ngày 13 tháng 02 năm 2025',
    ]);
  });

  test('a footnote is marked "¹" in the text and printed as "¹ …" at the end (004 Công văn số 9867/UBND-KSTT)', async () => {
    const result = await ingest(fixtureBytes('khanh-hoa-2025-ubnd-cai-cach-tthc.docx'), 'plan.docx');
    expect(result.text).toContain('theo chỉ đạo của UBND tỉnh¹. Xác định đúng phạm vi');
    expect(result.text.trimEnd().split('\n').pop()).toBe(
      '¹ Công văn số 9867/UBND-KSTT ngày 6/9/2024 của UBND tỉnh hướng dẫn thực hiện Văn bản số 5990/VPCP-KSTT ngày 22/8/2024 của Văn phòng Chính phủ.',
    );
  });

  test('hidden runs are left out and all-caps runs print in capitals', async () => {
    const text = await docxText(
      paragraph([{ text: 'kế hoạch', caps: true }, { text: ' (bản nháp)', hidden: true }, { text: ' cải cách hành chính' }]),
    );
    expect(text).toBe('KẾ HOẠCH cải cách hành chính\n');
  });
});

describe('tables without borders of their own', () => {
  /** A paragraph whose runs are separated by tab stops. */
  const tabbed = (...cells: string[]) => `<w:p><w:r>${cells.map((c) => `<w:t xml:space="preserve">${c}</w:t>`).join('<w:tab/>')}</w:r></w:p>`;

  test('rows laid out with tab stops are table rows, a row cut by a page break keeps its empty cells (004 appendix, LibreOffice from .txt)', async () => {
    const text = await docxText(
      [
        tabbed('STT', 'Chỉ tiêu', 'Cơ quan chủ trì đánh giá', 'Chỉ tiêu năm 2025 (%)'),
        tabbed('4.', 'Mức độ hài lòng trong tiếp nhận.', 'Văn phòng', 'Tối thiểu 90'),
        '<w:p/>',
        tabbed('', 'giải quyết thủ tục hành chính của người dân, doanh nghiệp.', 'UBND tỉnh', ''),
      ].join(''),
    );
    expect(text.replace(/\n+$/, '').split('\n')).toEqual([
      'STT\tChỉ tiêu\tCơ quan chủ trì đánh giá\tChỉ tiêu năm 2025 (%)',
      '4.\tMức độ hài lòng trong tiếp nhận.\tVăn phòng\tTối thiểu 90',
      '\tgiải quyết thủ tục hành chính của người dân, doanh nghiệp.\tUBND tỉnh\t',
    ]);
  });

  test('a lone tabbed line and two-cell label lines stay prose (tabs read as spaces)', async () => {
    const text = await docxText([tabbed('Nơi nhận:', 'KT. CHỦ TỊCH'), paragraph('Kế hoạch'), tabbed('a)', 'Cắt giảm TTHC'), tabbed('b)', 'Đổi mới TTHC')].join(''));
    expect(text).toBe('Nơi nhận: KT. CHỦ TỊCH\n\nKế hoạch\n\na) Cắt giảm TTHC\n\nb) Đổi mới TTHC\n');
  });

  test('a table whose style rules only under the header row (pandoc\'s "Table") is a data table', async () => {
    const styles = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="table" w:styleId="Table"><w:tblPr/><w:tblStylePr w:type="firstRow"><w:tcPr><w:tcBorders><w:bottom w:val="single"/></w:tcBorders></w:tcPr></w:tblStylePr></w:style></w:styles>`;
    const grid = table({ rows: [['STT', 'Chỉ tiêu', 'Chỉ tiêu năm 2025 (%)'], ['1.', 'Tỷ lệ thanh toán trực tuyến', '60']], borders: false }).replace('<w:tblPr>', '<w:tblPr><w:tblStyle w:val="Table"/>');
    const text = await docxText(grid, { body: grid, parts: { 'word/styles.xml': styles } });
    expect(text.trim().split('\n')).toEqual(['STT\tChỉ tiêu\tChỉ tiêu năm 2025 (%)', '1.\tTỷ lệ thanh toán trực tuyến\t60']);
  });

  test('a borderless table with a repeated header row and three columns is a data table; a two-column layout table is not', async () => {
    const header = (xml: string) => xml.replace('<w:tr>', '<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>');
    const data = header(table({ rows: [['STT', 'Chỉ tiêu', 'Chỉ tiêu (%)'], ['1.', 'Tỷ lệ hồ sơ trực tuyến', '50']], borders: false }));
    const layout = header(table({ rows: [['UBND TỈNH KHÁNH HÒA', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']], borders: false }));
    expect((await docxText(data)).trim().split('\n')).toEqual(['STT\tChỉ tiêu\tChỉ tiêu (%)', '1.\tTỷ lệ hồ sơ trực tuyến\t50']);
    expect(await docxText(layout)).toBe('UBND TỈNH KHÁNH HÒA\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n');
  });
});
