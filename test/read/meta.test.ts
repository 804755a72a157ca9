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
