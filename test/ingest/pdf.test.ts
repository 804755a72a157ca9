import { describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS, IngestError, ingest } from '../../src/ingest/index.js';
import { fixtureBytes } from './seed-fixtures.js';
import { buildPdf, type PlacedText } from './writers/pdf.js';

const failure = async (bytes: Uint8Array, name: string, limits?: Parameters<typeof ingest>[2]) => {
  try {
    await ingest(bytes, name, limits);
  } catch (e) {
    return e as IngestError;
  }
  throw new Error('expected an IngestError');
};

/** The text of a committed .pdf fixture, read once per file. */
const fixtureTexts = new Map<string, Promise<string>>();
function pdfText(name: string): Promise<string> {
  if (!fixtureTexts.has(name)) fixtureTexts.set(name, ingest(fixtureBytes(`${name}.pdf`), `${name}.pdf`).then((r) => r.text));
  return fixtureTexts.get(name)!;
}
const SEED_001 = 'bac-giang-2023-so-cong-thuong-kiem-soat-tthc';
const SEED_003 = 'khanh-hoa-2024-so-gddt-cai-cach-tthc';
const SEED_004 = 'khanh-hoa-2025-ubnd-cai-cach-tthc';

/** Toneless ASCII, for the Helvetica of the test writer: "Thực hiện" → "Thuc hien". */
const ascii = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));
const at = (x: number, y: number, text: string): PlacedText => ({ x, y, text: ascii(text) });

// That each .pdf parses like its .txt (clause tree, targets, citations) is checked in parity.test.ts.
describe('seed plans as .pdf (LibreOffice from the .docx fixtures)', () => {
  test('rebuilds the appendix rows of 004 from x positions, drops page numbers and repeated header rows', async () => {
    const text = await pdfText(SEED_004);
    const rows = text.split('\n').filter((l) => l.includes('\t'));
    expect(rows[0]).toBe('STT\tChỉ tiêu\tCơ quan, đơn vị chủ trì thực hiện\tCơ quan chủ trì đánh giá\tChỉ tiêu năm 2025 (%)\tGhi chú');
    expect(rows.filter((r) => r.startsWith('STT\t'))).toHaveLength(1);
    expect(rows).toContain('I\tChỉ tiêu cụ thể về thực hiện thủ tục hành chính trên môi trường điện tử\t\t\t\t');
    expect(rows.some((r) => r.startsWith('2.\tTỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa.\t') && r.includes('\tTối thiểu 50\t'))).toBe(true);
    expect(text).not.toMatch(/^(?:[2-9]|1[0-2])$/m); // the header page numbers "2" … "12"
    expect(text).toMatch(/^34$/m); // but the stray "34" printed in the body of the seed stays
  });

  test('joins the lines of a paragraph and keeps a footnote mark as "¹" (004 UBND Khánh Hòa 2025)', async () => {
    const text = await pdfText(SEED_004);
    expect(text).toContain(
      'Căn cứ Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2025;',
    );
    expect(text).toContain('theo chỉ đạo của UBND tỉnh¹. Xác định đúng');
    expect(text).toMatch(/^¹ Công văn số 9867\/UBND-KSTT ngày 6\/9\/2024/m);
  });
});

describe('paragraphs from line geometry', () => {
  test('a paragraph at the margin after a page break is not joined to the hanging item before it (003 "c) … thấp nhất." / "Thực hiện nghiêm …")', async () => {
    const text = await pdfText(SEED_003);
    expect(text).toContain('hợp pháp và chi phí tuân thủ thấp nhất.\n\nThực hiện nghiêm việc cập nhật, công khai');
  });

  // Page 1 ends with the hanging lines of "c)"; page 2 starts at the margin (a new paragraph) or at
  // the hanging indent (the item goes on). 003 Sở GDĐT Khánh Hòa 2024, II.1.c.
  const itemPage = [
    at(72, 740, '- Chủ động rà soát trình công bố bổ sung danh mục TTHC nội bộ trước'),
    at(90, 726, 'tháng 6/2024 và tiến hành rà soát 100% TTHC nội bộ thuộc phạm vi.'),
    at(90, 706, 'c) Thực hiện đánh giá tác động TTHC tại đề nghị xây dựng, dự thảo'),
    at(108, 692, 'văn bản QPPL, bảo đảm các TTHC được quy định đúng thẩm quyền,'),
    at(108, 678, 'cần thiết, hợp lý, hợp pháp và chi phí tuân thủ thấp nhất trong năm.'),
  ];
  const nextPage = (x: number) => [
    at(x, 740, 'Thực hiện nghiêm việc cập nhật, công khai, tham vấn dự thảo quy định'),
    at(x, 726, 'kinh doanh trên Cổng Tham vấn và tra cứu quy định kinh doanh; rà soát,'),
    at(x, 712, 'kiến nghị cắt giảm, đơn giản hóa các quy định để bảo đảm mục tiêu.'),
  ];
  test.each([
    ['left of the hanging indent after a full stop: a new paragraph', 72, '\n\nThuc hien nghiem'],
    ['at the hanging indent: the item goes on', 108, ' trong nam. Thuc hien nghiem'],
  ])('the first line of the next page %s', async (_name, x, joint) => {
    const { text } = await ingest(buildPdf([{ texts: itemPage }, { texts: nextPage(x) }]), 'plan.pdf');
    expect(text).toContain(joint);
    expect(text.split('\n\n')).toHaveLength(x === 72 ? 3 : 2);
  });

  test('a title in capitals, wrapped and broken by hand, stays one paragraph with its (Kèm theo …) line (001 appendix)', async () => {
    const text = await pdfText(SEED_001);
    expect(text).toContain(
      [
        'Phụ lục',
        'NHIỆM VỤ CỤ THỂ TRONG THỰC HIỆN KIỂM SOÁT THỦ TỤC HÀNH CHÍNH',
        'VÀ CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG NĂM 2023 CỦA SỞ CÔNG THƯƠNG TỈNH BẮC GIANG',
        '(Kèm theo Kế hoạch số /KH-SCT ngày tháng 01 năm 2023 của Sở Công Thương)',
      ].join('\n'),
    );
  });

  test('the same title set by hand: a short capitals line inside a wrapping title, a spread line before a manual break', async () => {
    // "CÔNG THƯƠNG TỈNH BẮC GIANG" spread word by word to the margin, as LibreOffice sets the last
    // line before a manual break in justified text (001 Bắc Giang appendix).
    const spread = [at(72, 684, 'CÔNG'), at(159.4, 684, 'THƯƠNG'), at(262.8, 684, 'TỈNH'), at(342.2, 684, 'BẮC'), at(418.3, 684, 'GIANG')];
    const texts = [
      at(72, 740, 'Phụ'),
      at(440, 740, 'lục'),
      at(72, 726, 'NHIỆM VỤ CỤ THỂ TRONG THỰC HIỆN KIỂM SOÁT THỦ TỤC HÀNH'),
      at(72, 712, 'CHÍNH'),
      at(72, 698, 'VÀ CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG NĂM 2023 CỦA SỞ'),
      ...spread,
      at(72, 670, '(Kèm theo Kế hoạch số /KH-SCT ngày tháng 01 năm 2023 của Sở Công'),
      at(72, 656, 'Thương)'),
    ];
    const { text } = await ingest(buildPdf([{ texts }]), 'plan.pdf');
    expect(text).toBe(
      ascii(
        'Phụ lục\nNHIỆM VỤ CỤ THỂ TRONG THỰC HIỆN KIỂM SOÁT THỦ TỤC HÀNH CHÍNH\nVÀ CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG NĂM 2023 CỦA SỞ CÔNG THƯƠNG TỈNH BẮC GIANG\n(Kèm theo Kế hoạch số /KH-SCT ngày tháng 01 năm 2023 của Sở Công Thương)\n',
      ),
    );
  });

  test.each([
    ['a short heading is not joined to the body text on the next page', SEED_001, 'II. NỘI DUNG KẾ HOẠCH\n\nTrong năm 2023, công tác cải cách'],
    ['a heading in capitals is not joined to the sentence-case line under it', SEED_004, 'QUYẾT ĐỊNH\n\nBan hành Kế hoạch cải cách'],
    ['a long justified line whose words pdf.js set apart just wraps', SEED_004, 'Căn cứ Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ về nhiệm vụ'],
  ])('%s (%s)', async (_name, seed, expected) => {
    expect(await pdfText(seed)).toContain(expected);
  });
});

describe('table cells from narrow columns', () => {
  test.each([
    ['"Thườn" | "g xuyên"', SEED_001, '\tThường xuyên\t'],
    ['"THÀN" | "H" in a header cell', SEED_001, '\tTHỜI GIAN HOÀN THÀNH\t'],
    ['"15/01/" | "2023"', SEED_001, '\tTrước ngày 15/01/2023\t'],
    ['"3,6,9," | "12/20" | "23"', SEED_001, '\tTháng 3,6,9,12/2023\t'],
    ['"T12/2" | "023"', SEED_001, '\tTrước T12/2023\t'],
    ['"100" | "%"', SEED_003, '\t100%\t'],
    ['"Tối" | "thiể" | "u" | "50"', SEED_004, '\tTối thiểu 50\t'],
  ])('a token the column broke is mended: %s (%s)', async (_name, seed, expected) => {
    expect(await pdfText(seed)).toContain(expected);
  });

  test.each([
    ['"Văn" | "phòng" | "Sở"', SEED_001, '\tVăn phòng Sở\t', /Vănphòng|phòngSở/],
    ['"Các" | "phòng" | "chuyên" | "môn,"', SEED_001, '\tCác phòng chuyên môn, Trung tâm thuộc Sở\t', /chuyênmôn|phòngchuyên/],
    ['"Tối" | "thiể" | "u"', SEED_003, 'Tối thiểu 80%', /Tốithiểu/],
  ])('words a narrow column set on separate lines keep their spaces: %s (%s)', async (_name, seed, expected, glued) => {
    const text = await pdfText(seed);
    expect(text).toContain(expected);
    expect(text).not.toMatch(glued);
  });

  test('a row cut by a page break is finished on the next page, not left as a lone fragment (001 "THÀN" | "H", 003 "Tối thiểu" | "80%")', async () => {
    expect(await pdfText(SEED_001)).not.toMatch(/^\t*H\t*$/m);
    const rows = (await pdfText(SEED_003)).split('\n');
    expect(rows.find((r) => r.startsWith('4.\tTỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC\t'))).toContain('\tTối thiểu 80%\tNghị quyết số 01/NQ-CP');
  });
});

describe('bytes as the Node edge reads them', () => {
  test('a Node Buffer (a view into a larger pool, as readFile and Buffer.slice give) is read like a Uint8Array', async () => {
    const bytes = fixtureBytes(`${SEED_001}.pdf`);
    const pool = Buffer.concat([Buffer.from('junk before'), Buffer.from(bytes), Buffer.from('junk after')]);
    const view = pool.slice(11, 11 + bytes.length);
    expect(Buffer.isBuffer(view)).toBe(true);
    const fromBuffer = await ingest(view, 'plan.pdf');
    expect(fromBuffer.text).toBe(await pdfText(SEED_001));
    expect(view.subarray(0, 5).toString('latin1')).toBe('%PDF-'); // the caller's bytes are left as they were
  });
});

describe('PDFs we cannot read', () => {
  test('a password-protected PDF is refused as encrypted (qpdf AES-256 of 001)', async () => {
    const err = await failure(fixtureBytes('encrypted.pdf'), 'ke-hoach.pdf');
    expect(err.code).toBe('encrypted');
    expect(err.message).toMatch(/password/);
  });

  test('a PDF of page images says it is a scan that needs OCR', async () => {
    const err = await failure(buildPdf([{ image: true }, { image: true }]), 'scan.pdf');
    expect(err.code).toBe('scanned-pdf');
    expect(err.message).toBe('is a scan (no text layer) and needs OCR, which is off or not available here');
  });

  // The usual signed scan from a government portal: page images, and on the first page the small
  // digital-signature box ("Ký bởi: … Thời gian ký: …") as the only text.
  test('a signed scan whose only text is the signature box is a scan, not a text PDF with four lines', async () => {
    const signature = ['Ky boi: Cong Thong tin dien tu Chinh phu', 'Email: thongtinchinhphu@chinhphu.vn', 'Co quan: Van phong Chinh phu', 'Thoi gian ky: 16.08.2016 14:41:24 +07:00'];
    const box = signature.map((text, i) => ({ x: 380, y: 820 - i * 8, text, size: 6 }));
    const err = await failure(buildPdf([{ image: true, texts: box }, { image: true }, { image: true }]), 'signed.pdf');
    expect(err.code).toBe('scanned-pdf');
    expect(err.message).toMatch(/^is a scan \(page images; the text layer covers little of page 1, as a signature box does\)/);
  });

  test('a short typed page without an image is text, not a scan', async () => {
    const result = await ingest(buildPdf([{ lines: ['KE HOACH'] }]), 'short.pdf');
    expect(result.text.trim()).toBe('KE HOACH');
  });

  test('a PDF with some scanned pages is read with a warning naming the pages', async () => {
    const result = await ingest(buildPdf([{ image: true }, { lines: ['Thực hiện Kế hoạch số 10583/KH-UBND.'.normalize('NFD').replace(/\p{M}/gu, '')] }]), 'mixed.pdf');
    expect(result.text.trim()).toBe('Thuc hien Ke hoach so 10583/KH-UBND.');
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'pdf-page-without-text', message: expect.stringContaining('Page 1 ') })]);
  });

  test('a truncated PDF is corrupt, not a crash', async () => {
    const bytes = fixtureBytes('bac-giang-2023-so-cong-thuong-kiem-soat-tthc.pdf');
    const err = await failure(bytes.subarray(0, 600), 'cut.pdf');
    expect(['corrupt', 'scanned-pdf']).toContain(err.code);
  });

  test('a PDF over the page limit is refused before its pages are read', async () => {
    const err = await failure(buildPdf(Array.from({ length: 12 }, () => ({ lines: ['x'] }))), 'long.pdf', {
      maxBytes: 1e7,
      maxUncompressedBytes: 1e8,
      maxPdfPages: 10,
      timeMs: 10_000,
    });
    expect(err.code).toBe('limits');
    expect(err.message).toBe('has 12 pages, more than the 10-page limit');
  });

  // One paragraph that runs over every page (no line ends a sentence): the layout pass once rebuilt
  // the paragraph string at every line, 267 s for 999 pages of 30 lines. Fuller pages (50 lines)
  // give the same 30,000 lines on 600 pages, and pdf.js's time goes with the pages. The timeout is the guard.
  test('a 600-page text PDF whose one paragraph runs over all its 30,000 lines is read in linear time', { timeout: 60_000 }, async () => {
    const pages = Array.from({ length: 600 }, (_, p) => ({ lines: Array.from({ length: 50 }, (_, i) => `dong ${i} trang ${p + 1} noi dung ke hoach cai cach thu tuc hanh chinh va`) }));
    const { text } = await ingest(buildPdf(pages), 'long.pdf', { ...DEFAULT_LIMITS, timeMs: 60_000 });
    expect(text.split('\n\n')).toHaveLength(1);
    expect(text).toContain('dong 49 trang 600 noi dung');
  });

  test('a 500-page PDF is read within a bounded time, running headers removed', { timeout: 30000 }, async () => {
    const pages = Array.from({ length: 500 }, (_, i) => ({ lines: [`KE HOACH CAI CACH HANH CHINH - trang ${i + 1}`, `Noi dung trang ${i + 1}.`] }));
    const { text } = await ingest(buildPdf(pages), 'long.pdf');
    expect(text).not.toContain('KE HOACH CAI CACH');
    expect(text).toContain('Noi dung trang 500.');
  });
});
