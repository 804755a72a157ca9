/**
 * Document types: the word a header or a citation writes, the code it takes in a symbol, and
 * whether only central bodies issue it.
 */

/** A document type. */
export interface DocumentType {
  /** Canonical type ("Quyết định"). */
  name: string;
  /** Other words that stand for it in a citation ("Kế hoạch hành động" → Kế hoạch). */
  words?: readonly string[];
  /** Codes opening a symbol ("QĐ" in "QĐ-UBND"). */
  codes: readonly string[];
  /** Only central bodies issue it (Luật, Nghị định …). */
  national?: boolean;
  /** May stand before a bare number as a short form ("Đề án 06", "Quyết định 766"). */
  shortForm?: boolean;
  /** Lays down rules (a law, a decree, a circular): its figures are rules unless named as targets. */
  rules?: boolean;
  /** Never the type line of a document's own header ("Văn bản" is only a citation word). */
  untitled?: boolean;
  /** A real string it matches. */
  example: string;
}

/** Longest words first where one starts another ("Nghị quyết liên tịch" before "Nghị quyết"). */
export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { name: 'Chương trình', words: ['Chương trình hành động'], codes: ['CTr'], shortForm: true, example: '"Chương trình hành động số 12-CTr/TU", "Chương trình 06"' },
  { name: 'Kế hoạch', words: ['Kế hoạch hành động'], codes: ['KH'], shortForm: true, example: '"Kế hoạch số 5283/KH-UBND", "Kế hoạch hành động số 469-KH/TU"' },
  { name: 'Thông báo', words: ['Thông báo kết luận'], codes: ['TB'], example: '"Thông báo số 432-TB/VPTW", "Thông báo kết luận số 12/TB-VPCP"' },
  { name: 'Nghị quyết liên tịch', codes: ['NQLT'], example: '"Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN"' },
  { name: 'Thông tư liên tịch', rules: true, codes: ['TTLT'], national: true, example: '"Thông tư liên tịch số 14/2015/TTLT-BNV-BTC"' },
  { name: 'Văn bản hợp nhất', rules: true, codes: ['VBHN'], national: false, example: '"Số: 12/VBHN-BTC", "VĂN BẢN HỢP NHẤT"' },
  { name: 'Nghị quyết', codes: ['NQ'], shortForm: true, example: '"Nghị quyết số 01/NQ-CP", "Số: 80/2025/NQ-HĐND"' },
  { name: 'Nghị định', rules: true, codes: ['NĐ'], national: true, shortForm: true, example: '"Nghị định số 63/2010/NĐ-CP", "Số: 171/2025/NĐ-CP"' },
  { name: 'Quyết định', codes: ['QĐ'], shortForm: true, example: '"Quyết định số 421/QĐ-UBND", "Số: 2597/QĐ-TTg"' },
  { name: 'Chỉ thị', codes: ['CT'], shortForm: true, example: '"Chỉ thị số 12/CT-UBND", "Chỉ thị số 45-CT/TW"' },
  { name: 'Thông tư', rules: true, codes: ['TT'], national: true, shortForm: true, example: '"Thông tư số 02/2017/TT-VPCP", "Số: 37/2025/TT-BNNMT"' },
  { name: 'Công văn', codes: ['CV'], shortForm: true, example: '"Công văn số 12680/UBND-KSTT", "số 16/CV-HHTACN"' },
  { name: 'Văn bản', untitled: true, codes: [], example: '"Văn bản số 8377/UBND-KSTT", "văn bản đề ngày 29 tháng 10 năm 2025 số 16/CV-HHTACN"' },
  { name: 'Công điện', codes: ['CĐ'], example: '"Số: 224/CĐ-TTg", "Công điện số 112/CĐ-UBND"' },
  { name: 'Tờ trình', codes: ['TTr'], example: '"Tờ trình số 454/TTr-SoNNMT", "số347/TTr-CP"' },
  { name: 'Đề án', codes: ['ĐA'], shortForm: true, example: '"Đề án số 01-ĐA/TU", "Đề án 06"' },
  { name: 'Hướng dẫn', codes: ['HD'], example: '"Hướng dẫn số 45-HD/BTCTW"' },
  { name: 'Kết luận', codes: ['KL'], example: '"Kết luận số 212-KL/TW", "Kết luận liên ngành số 23/KL-LNTPTW"' },
  { name: 'Quy định', rules: true, codes: ['QĐi'], example: '"Quy định số 383-QĐi/TW"' },
  { name: 'Quy chế', rules: true, codes: ['QC'], example: '"Quy chế số 05-QC/TU"' },
  { name: 'Báo cáo', words: ['Báo cáo thẩm tra'], codes: ['BC'], example: '"Báo cáo số 565-BC/BTCTW", "Báo cáo thẩm tra số 419/BC-UBPLTP15"' },
  { name: 'Pháp lệnh', rules: true, codes: ['PL'], national: true, example: '"Pháp lệnh số 02/2022/UBTVQH15"' },
  { name: 'Thông tri', codes: [], example: '"Thông tri số 03-TT/TW" (its code TT is read as Thông tư; the word decides)' },
  { name: 'Lệnh', untitled: true, codes: ['L'], national: true, example: '"Lệnh số 12/2025/L-CTN"' },
  { name: 'Bộ luật', rules: true, codes: [], national: true, example: '"Bộ luật Lao động số 45/2019/QH14"' },
  { name: 'Luật', rules: true, codes: [], national: true, example: '"Luật số: 60/2024/QH15", "Luật Dữ liệu số 60/2024/QH15"' },
  { name: 'Hiến pháp', rules: true, codes: [], national: true, example: '"Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"' },
  { name: 'Phương án', untitled: true, codes: ['PA'], example: '"Phương án số 12/PA-UBND"' },
  { name: 'Giấy phép', untitled: true, codes: ['GP'], example: '"Giấy phép số 75/GP-BTNMT"' },
];
