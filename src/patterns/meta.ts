/**
 * Regular expressions for the document's own identity (meta stage).
 */

export const META = {
  /** "Số: 3HH /QĐ-UBND", "Số: /KH-SGDĐT", "Số: 2813/QĐ-UBND" → the number/symbol token */
  numberLine: /^Số\s*[:.]?\s*([\p{L}\p{N}]*(?:\s*\/\s*[\p{L}\p{N}Đđ-]+)+)/u,
  /** "(Ban hành kèm theo Quyết định số 3/HH/QĐ-UBND …", "(Kèm theo Kế hoạch số /KH-SCT …", "Quyết định số: /QĐ-SCT" */
  annexNumber: /kèm\s+theo\s+[\p{L}\s]{2,25}?\s+số\s*[:.]?\s*([\p{L}\p{N}]*(?:\s*\/\s*[\p{L}\p{N}Đđ-]+)+)/iu,
  /** "(Ban hành kèm theo Quyết định số …": the carrier's type word */
  annexCarrier: /kèm\s+theo\s+(Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Kế\s+hoạch|Công\s+văn)/u,
  /** "ngày 13 tháng 02 năm 2025", "ngày tháng 02 năm 2024", "ngày /02/2024", "ngày 13 / 02 / 2025", "ngày 20/11/2025" */
  date: /ngày\s*(\d{1,2})?\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|\/\s*(\d{1,2})\s*\/\s*(\d{4}))/u,
  /** "Khánh Hòa, ngày 13 …", "Bắc Giang, ngày …" (place before the date) */
  place: /^([\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,4})\s*,\s*ngày/u,
  /** Type word in capitals at the head of a title: "KẾ HOẠCH", "QUYẾT ĐỊNH" */
  typeWord: /^(KẾ\s+HOẠCH|QUYẾT\s+ĐỊNH|CHỈ\s+THỊ|NGHỊ\s+QUYẾT|THÔNG\s+BÁO|CÔNG\s+VĂN|CHƯƠNG\s+TRÌNH|ĐỀ\s+ÁN|BÁO\s+CÁO|TỜ\s+TRÌNH|HƯỚNG\s+DẪN|CÔNG\s+ĐIỆN|THÔNG\s+TƯ|NGHỊ\s+ĐỊNH)(?=$|\s|:)/u,
  /** "Ban hành Kế hoạch cải cách …" (a decision issuing a plan), "Về việc ban hành Chương trình …" */
  issuesPlan: /^(?:V[ềỀ]\s+vi[ệỆ]c\s+)?ban\s+hành\s+(Kế\s+hoạch|Chương\s+trình|Đề\s+án|Quy\s+chế|Quy\s+định|Điều\s+lệ)/iu,
  /** "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Công Thương tỉnh …", "Sở GDĐT": where a department name starts */
  departmentLead: /(?:^|[\s(,])(?:Sở|SỞ)\s+/gu,
  /** "UBND TỈNH KHÁNH HÒA", "của UBND tỉnh Khánh Hòa", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" → kind and name of the province */
  province: /(tỉnh|TỈNH|thành\s+phố|THÀNH\s+PHỐ)\s+((?:[\p{Lu}][\p{L}]*)(?:\s+[\p{Lu}][\p{L}]*){0,3})/u,
} as const;
