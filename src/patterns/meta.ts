/**
 * Regular expressions for the document's own identity (meta stage).
 */
import { DOCUMENT_TYPES } from '../vocabulary/index.js';

/**
 * Type words in capitals as a header writes them, longest first ("NGHỊ QUYẾT LIÊN TỊCH" before
 * "NGHỊ QUYẾT"): "KẾ HOẠCH", "QUYẾT ĐỊNH", "LUẬT", "KẾT LUẬN", "VĂN BẢN HỢP NHẤT" (from the vocabulary).
 */
export const HEADER_TYPE_WORDS = DOCUMENT_TYPES.filter((t) => !t.untitled)
  .map((t) => t.name.toUpperCase())
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, String.raw`\s+`))
  .join('|');

/** A document number token: "344/QĐ-UBND", "3HH /QĐ-UBND", "/KH-SCT", "221-KL/TW", "11554/VPCP-V.I", "9086/BNV-CTTN&BĐG". */
const NUMBER_TOKEN = String.raw`([\p{L}\p{N}]*(?:\s*[/-]\s*[\p{L}\p{N}Đđ&.]+)+)`;

export const META = {
  /** "Số: 3HH /QĐ-UBND", "Số: /KH-SGDĐT", "Số 221-KL/TW", "Luật số: 60/2024/QH15", "Số:\n2597/QĐ-TTg" → the number/symbol token */
  numberLine: new RegExp(String.raw`^(?:(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+quyết)\s+)?[Ss]ố\s*[:.]?\s*${NUMBER_TOKEN}`, 'u'),
  /** "CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP | CỘNG HÒA …", "QUỐC HỘI | … | Luật số: 60/2024/QH15 |": a number line inside a header row */
  numberInRow: new RegExp(String.raw`(?:^|[\s|_*])(?:(?:Luật|Bộ\s+luật|Pháp\s+lệnh)\s+số|Số)\s*[:.]?\s*${NUMBER_TOKEN}`, 'u'),
  /** "Luật số: 60/2024/QH15": a number line that names its own type */
  typedNumberLine: /^(Luật|Bộ\s+luật|Pháp\s+lệnh)\s+số/u,
  /** "(Ban hành kèm theo Quyết định số 3/HH/QĐ-UBND …", "(Kèm theo Kế hoạch số /KH-SCT …", "Quyết định số: /QĐ-SCT" */
  annexNumber: new RegExp(String.raw`kèm\s+theo\s+[\p{L}\s]{2,25}?\s+số\s*[:.]?\s*${NUMBER_TOKEN}`, 'iu'),
  /** "(Kèm theo Công văn số 17809/BTC-CTK …", "Mẫu số 25 (Ban hành kèm theo Thông tư số …": the type word the annex line names */
  annexCarrierType: /kèm\s+theo\s+(\p{L}+(?:\s+\p{L}+)?)\s+số/iu,
  /** "(Ban hành kèm theo Quyết định số …": the carrier's type word */
  annexCarrier: /kèm\s+theo\s+(Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Kế\s+hoạch|Công\s+văn)/u,
  /** "ngày 13 tháng 02 năm 2025", "ngày tháng 02 năm 2024", "ngày -tháng 12 năm 2011" (a day written by hand, OCR's dash), "ngày /02/2024", "ngày 13 / 02 / 2025", "ngày 20/11/2025" */
  date: /ngày\s*(\d{1,2})?\s*(?:[-–~_]{1,2}\s*)?(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|\/\s*(\d{1,2})\s*\/\s*(\d{4}))/u,
  /** "Khánh Hòa, ngày 13 …", "Bắc Giang, ngày …", "Hà Nội ngày 01 tháng 12 năm 2025" (no comma) (place before the date) */
  place: /^([\p{Lu}][\p{L}.]*(?:\s+(?:[\p{Lu}][\p{L}.]*|phố|tỉnh)){0,4})\s*,?\s*ngày(?![\p{L}\p{N}])/u,
  /** A place cut off its line by a hard wrap: "Hà" before "Nội, ngày 26 tháng 11 năm 2025", "Thành phố Hồ" before "Chí Minh, ngày …" */
  placeFragment: /^[\p{Lu}][\p{L}]*(?:\s+[\p{L}]+){0,3}$/u,
  /** Type word in capitals at the head of a title: "KẾ HOẠCH", "QUYẾT ĐỊNH", "LUẬT", "KẾT LUẬN" */
  typeWord: new RegExp(`^(${HEADER_TYPE_WORDS})(?=$|\\s|:)`, 'u'),
  /** "V/v hướng dẫn góp vốn điều lệ" after a letter's number: a Công văn names its subject so */
  letterSubject: /(?:^|\s)V\/v\s+\S/u,
  /** "Ban hành Kế hoạch cải cách …" (a decision issuing a plan), "Về việc ban hành Chương trình …" */
  issuesPlan: /^(?:V[ềỀ]\s+vi[ệỆ]c\s+)?ban\s+hành\s+(Kế\s+hoạch|Chương\s+trình|Đề\s+án|Quy\s+chế|Quy\s+định|Điều\s+lệ)/iu,
  /** "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Công Thương tỉnh …", "Sở GDĐT": where a department name starts */
  departmentLead: /(?:^|[\s(,])(?:Sở|SỞ)\s+/gu,
  /** "UBND TỈNH KHÁNH HÒA", "của UBND tỉnh Khánh Hòa", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" → kind and name of the province */
  province: /(tỉnh|TỈNH|thành\s+phố|THÀNH\s+PHỐ)\s+((?:[\p{Lu}][\p{L}]*)(?:\s+[\p{Lu}][\p{L}]*){0,3})/u,
} as const;
