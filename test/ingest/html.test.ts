import { describe, expect, test } from 'vitest';
import { htmlToText, ingest, IngestError } from '../../src/ingest/index.js';
import { nestedRowspanHtml } from './writers/hostile.js';
import { encodeWindows1258 } from './writers/legacy.js';

describe('HTML to the parser text', () => {
  test('paragraphs and headings end blocks; inline tags and entities disappear (004 Điều 1., Điều 2.)', () => {
    const html =
      '<html><head><title>x</title><style>p{color:red}</style></head><body><h3>QUYẾT ĐỊNH</h3>' +
      '<p><b>Điều 1.</b> Ban hành kèm theo Quyết định này Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2025 trên địa bàn tỉnh Khánh&nbsp;Hòa.</p>' +
      '<p><b>Điều 2.</b> Quyết định này có hiệu lực thi hành kể từ ngày ký.</p><script>alert(1)</script></body></html>';
    expect(htmlToText(html)).toBe(
      'QUYẾT ĐỊNH\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2025 trên địa bàn tỉnh Khánh Hòa.\n\nĐiều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n',
    );
  });

  test('tables become tab rows; colspan pads and rowspan repeats (004 appendix)', () => {
    const html = `<table border="1">
      <tr><th>STT</th><th>Chỉ tiêu</th><th>Cơ quan chủ trì đánh giá</th><th>Chỉ tiêu năm 2025 (%)</th></tr>
      <tr><td>I</td><td colspan="3">Chỉ tiêu cụ thể về thực hiện thủ tục hành chính trên môi trường điện tử</td></tr>
      <tr><td>1.</td><td>Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử.</td><td rowspan="2">Văn phòng UBND tỉnh</td><td>100</td></tr>
      <tr><td>2.</td><td>Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa.</td><td>Tối thiểu<br>50</td></tr>
    </table>`;
    expect(htmlToText(html).trim().split('\n')).toEqual([
      'STT\tChỉ tiêu\tCơ quan chủ trì đánh giá\tChỉ tiêu năm 2025 (%)',
      'I\tChỉ tiêu cụ thể về thực hiện thủ tục hành chính trên môi trường điện tử\t\t',
      '1.\tTỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử.\tVăn phòng UBND tỉnh\t100',
      '2.\tTỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa.\tVăn phòng UBND tỉnh\tTối thiểu 50',
    ]);
  });

  test('list items get visible labels: "-" in <ul>, "a)" in <ol type="a"> (003 points a) b))', () => {
    const html =
      '<ul><li>Các sở, ban, ngành</li><li>UBND cấp huyện</li></ul><ol type="a"><li>Cắt giảm, đơn giản hóa TTHC</li><li>Đổi mới việc thực hiện TTHC</li></ol><ol start="3"><li>Tăng cường kiểm tra</li></ol>';
    expect(htmlToText(html)).toBe(
      '- Các sở, ban, ngành\n\n- UBND cấp huyện\n\na) Cắt giảm, đơn giản hóa TTHC\n\nb) Đổi mới việc thực hiện TTHC\n\n3. Tăng cường kiểm tra\n',
    );
  });

  test('a nested table is flattened into its cell, and a one-column table reads as paragraphs', () => {
    const html = '<table><tr><td>1</td><td>Ngoài <table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table></td><td>z</td></tr></table><table><tr><td>Nơi nhận:</td></tr></table>';
    expect(htmlToText(html)).toBe('1\tNgoài a b; c\tz\n\nNơi nhận:\n');
  });

  test('a page declaring windows-1258 is decoded from it (Khánh Hòa, năm 2025)', async () => {
    const head = new TextEncoder().encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body><p>');
    const body = encodeWindows1258('Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2025 trên địa bàn tỉnh Khánh Hòa');
    const tail = new TextEncoder().encode('</p></body></html>');
    const result = await ingest(new Uint8Array([...head, ...body, ...tail]), 'ke-hoach.html');
    expect(result).toMatchObject({ format: 'html', encoding: 'windows-1258' });
    expect(result.text).toBe('Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2025 trên địa bàn tỉnh Khánh Hòa\n');
  });

  test('unclosed tags, stray "<" and broken entities never throw', () => {
    for (const html of ['<p>a < b &amp c', '<table><td>x', '</tr></table><li>', '<!-- never closed', '<p>&#xFFFFFF; &#0; &bogus;</p>', '<scr<script>ipt>']) {
      expect(typeof htmlToText(html)).toBe('string');
    }
  });
});

describe('HTML pages that would cost without bound', () => {
  test('every HTML5 named reference is decoded, not only the common ones ("&dstrok;" is đ, "&Ocirc;" Ô)', () => {
    expect(htmlToText('<p>&Dstrok;i&#7873;u 1. Quy&#x1EBF;t &dstrok;&#7883;nh; C&Ocirc;NG V&Abreve;N</p>')).toBe('Điều 1. Quyết định; CÔNG VĂN\n');
  });

  test('tables nested 30 deep, each a rowspan over 8 rows, stop at the text limit with one line', () => {
    const html = new TextDecoder().decode(nestedRowspanHtml(30));
    const budget = { maxTextChars: 1024 * 1024 };
    expect(() => htmlToText(html, budget)).toThrow(/^expands to more than 1\.0 MB of text \(table cells repeated by rowspan\); refusing it$/);
  });

  test.each([
    ['200,000 nested <div>', `${'<div>'.repeat(200_000)}Kế hoạch${'</div>'.repeat(200_000)}`],
    ['300,000 unclosed <b>', `${'<b>'.repeat(300_000)}Kế hoạch`],
    ['50,000 tables, each in the cell of the one before', `${'<table><tr><td>'.repeat(50_000)}Kế hoạch`],
  ])('%s is refused at once as nested too deep', (_what, html) => {
    expect(() => htmlToText(html)).toThrow(IngestError);
    expect(() => htmlToText(html)).toThrow(/^nests HTML elements more than 4000 deep/);
  });

  test('50,000 unclosed <p> do not nest: every paragraph is read', () => {
    expect(htmlToText('<p>Kế hoạch'.repeat(50_000)).split('\n\n')).toHaveLength(50_000);
  });
});
