/**
 * Regular expressions of the lineage stage: the administrative level of a document from its
 * symbol or its issuer, and the province name used to scope local instruments.
 * Each piece names real strings from the corpus it matches.
 * Word ends are written `(?![\p{L}\p{N}])`: JavaScript's `\b` knows only ASCII letters, and "Sở",
 * "số", "cứ" end in other ones.
 */

import { DEPARTMENTS, LOCAL_BODIES, NATIONAL_BODIES, PROVINCES } from '../vocabulary/index.js';

/** Escapes a code for an alternation ("BGD&ĐT"). */
const alt = (codes: readonly string[]): string => codes.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** Symbol parts of national instruments (the vocabulary's central bodies). Matches the parts of
 * "NĐ-CP" (63/2010/NĐ-CP), "NQ-CP" (01/NQ-CP), "QĐ-TTg" (468/QĐ-TTg), "NQ/TW" (57-NQ/TW),
 * "QH15" (142/2024/QH15), "VPCP-KSTT" (476/VPCP-KSTT), "TT-VPCP" (02/2017/TT-VPCP),
 * "TT-BTTTT", "QĐ-BCT" (ministries), "CT-CS" (Cục Thuế), "CHQ-GSQL" (Cục Hải quan). */
const NATIONAL_PART = new RegExp(`^(?:QH\\d*|UBTVQH\\d*|UBPLTP\\d*|${alt(NATIONAL_BODIES.flatMap((b) => b.codes).filter((c) => c !== 'CT'))})$`, 'u');

/** Symbol parts of province-level instruments: "UBND" (421/QĐ-UBND, 5283/KH-UBND),
 * "HĐND" (NQ-HĐND), "TU" (07-KH/TU, Tỉnh ủy), "TTHĐND"; "BCĐ" is left out (any level). */
const PROVINCE_PART = new RegExp(`^(?:${alt(LOCAL_BODIES.filter((b) => b.level === 'province').flatMap((b) => b.codes))})$`, 'u');

/** Symbol parts of department instruments: the vocabulary's codes ("SCT" in /KH-SCT, "SGDĐT", "SoNNMT",
 * "SNgV") and any other "S…" code in capitals ("SGD&ĐT" …). */
const DEPARTMENT_PART = new RegExp(`^(?:${alt(DEPARTMENTS.flatMap((d) => d.codes))}|S(?:[A-ZĐ]|&){1,8})$`, 'u');

/** Symbol parts of district instruments: "HU" (Huyện ủy), "QU" (Quận ủy), "ThU" (Thị ủy); "TX" is ambiguous and left out. */
const DISTRICT_PART = new RegExp(`^(?:${alt(LOCAL_BODIES.filter((b) => b.level === 'district').flatMap((b) => b.codes))})$`, 'u');

/** Splits a symbol into its parts: "QĐ-UBND" → QĐ, UBND; "NQ/TW" → NQ, TW; "VPCP- KSTT" → VPCP, KSTT. */
export const SYMBOL_SEPARATOR = /[-/–\s]+/u;

/** The centrally governed cities, whose "thành phố" is a province: "thành phố Hà Nội", "TP. Hồ Chí Minh". */
const CENTRAL_CITY = `(?:${PROVINCES.filter((p) => p.kind === 'thành phố')
  .map((p) => p.name.replace(/ /g, '\\s+'))
  .join('|')})`;

/** Issuer patterns by level, tried in this order. */
export const ISSUER_LEVEL = {
  /** "Sở Công Thương", "Sở Giáo dục và Đào tạo tỉnh Khánh Hòa", "Sở Công Thương tỉnh Bắc Giang",
   * "Ban Quản lý Khu kinh tế", "Văn phòng UBND tỉnh", "Thanh tra tỉnh" (province agencies) */
  department: /^(?:Sở|SỞ|Ban\s+quản\s+lý|BAN\s+QUẢN\s+LÝ|Văn\s+phòng\s+(?:UBND|Ủy\s+ban|Uỷ\s+ban)|Thanh\s+tra\s+tỉnh)(?![\p{L}\p{N}])/iu,
  /** "UBND huyện Cam Lâm", "Ủy ban nhân dân thị xã Ninh Hòa", "UBND thành phố Nha Trang", "Huyện ủy" */
  district: new RegExp(
    `(?:UBND|Ủy\\s+ban\\s+nhân\\s+dân|Uỷ\\s+ban\\s+nhân\\s+dân|HĐND|Hội\\s+đồng\\s+nhân\\s+dân)\\s+(?:huyện|quận|thị\\s+xã|(?:thành\\s+phố|TP\\.?)\\s+(?!${CENTRAL_CITY}))|^(?:Huyện|Quận|Thị)\\s+ủy`,
    'iu',
  ),
  /** "Chính phủ", "Thủ tướng Chính phủ", "Quốc hội", "Bộ Chính trị", "Ban Chấp hành Trung ương",
   * "Văn phòng Chính phủ", "Bộ Công Thương", "Bộ Nội vụ" */
  national: /^(?:Chính\s+phủ|Thủ\s+tướng|Quốc\s+hội|Ủy\s+ban\s+Thường\s+vụ\s+Quốc\s+hội|Bộ\s+Chính\s+trị|Ban\s+Chấp\s+hành\s+Trung\s+ương|Ban\s+Bí\s+thư|Trung\s+ương|Văn\s+phòng\s+Chính\s+phủ|Bộ\s+\p{Lu})/u,
  /** "UBND tỉnh Khánh Hòa", "UBND tỉnh", "Chủ tịch UBND tỉnh Khánh Hòa", "Ủy ban nhân dân tỉnh Gia Lai",
   * "HĐND tỉnh", "Tỉnh ủy", "UBND thành phố Hà Nội" */
  province: new RegExp(
    `(?:UBND|Ủy\\s+ban\\s+nhân\\s+dân|Uỷ\\s+ban\\s+nhân\\s+dân|HĐND|Hội\\s+đồng\\s+nhân\\s+dân)\\s+(?:tỉnh|(?:thành\\s+phố|TP\\.?)\\s+${CENTRAL_CITY})|^(?:UBND|Ủy\\s+ban\\s+nhân\\s+dân|HĐND)$|^Tỉnh\\s+ủy`,
    'iu',
  ),
} as const;

/** Type words of instruments that only national bodies issue: "Luật" (Luật Tổ chức chính quyền địa phương), "Bộ luật", "Hiến pháp". */
export const NATIONAL_TYPE = /^(?:Luật|Bộ\s+luật|Hiến\s+pháp|Pháp\s+lệnh|Nghị\s+định)$/iu;

/** Level names a symbol part points to, in the order they are tried. */
export const SYMBOL_LEVEL = [
  ['national', NATIONAL_PART],
  ['department', DEPARTMENT_PART],
  ['district', DISTRICT_PART],
  ['province', PROVINCE_PART],
] as const;

/** Administrative prefix of a province name: "tỉnh Khánh Hòa", "Tỉnh Gia Lai", "thành phố Hà Nội", "TP. Hồ Chí Minh". */
export const PROVINCE_PREFIX = /^(?:tỉnh|thành\s+phố|tp\.?)\s+/iu;

/** Runs of spaces inside a name. */
export const SPACE_RUN = /\s+/gu;

/** A year written in front of the symbol of a legal normative document: "2010/NĐ-CP" (63/2010/NĐ-CP), "2017/TT-VPCP". */
export const SYMBOL_YEAR_PREFIX = /^\d{4}\//u;

/**
 * Lines the synthetic corpus generator (src/node/synth.ts) recognises in the seed plans.
 */
export const SYNTH_LINES = {
  /** The document's type line, where the header ends: "## KẾ HOẠCH" (seed 000), "KẾ HOẠCH Cải cách …"
   * (003), "QUYẾT ĐỊNH" (004), "**KẾ HOẠCH**" (002). */
  title: /^[#*_\s]*(?:KẾ\s+HOẠCH|QUYẾT\s+ĐỊNH)(?![\p{L}])/u,
  /** Where the body starts: "I. MỤC ĐÍCH, YÊU CẦU" (001), "#### I. MỤC TIÊU, YÊU CẦU" (000),
   * "**I. MỤC TIÊU**" (002), "Điều 1. Ban hành kèm theo …" (004). */
  bodyStart: /^[#*_\s]*(?:I\.|Điều\s+1\.)/u,
  /** The citation that opens an "implements" preamble line, up to the first comma or semicolon:
   * "Thực hiện Quyết định số 421/QĐ-UBND ngày 06/02/2024 của UBND tỉnh Khánh Hòa ban hành Kế hoạch …" (003),
   * "Thực hiện Kế hoạch số 58/KH-UBND ngày 06/01/2023 của UBND tỉnh về …" (001). */
  implementsCitation: /^([*_\s]*)Thực\s+hiện\s+(?:Quyết\s+định|Kế\s+hoạch|Nghị\s+quyết|Chỉ\s+thị|Công\s+văn|Văn\s+bản)\s+số(?![\p{L}\p{N}])[^,;]*/u,
  /** A basis line of the preamble: "Căn cứ Nghị định số 63/2010/NĐ-CP …" (001), "*Căn cứ Nghị quyết số 76/NQ-CP …" (002). */
  basis: /^[*_\s]*Căn\s+cứ(?![\p{L}\p{N}])/u,
  /** First line of an annex identity block: "(Ban hành kèm theo Quyết định số: /QĐ-SCT ngày /02/2024" (000). */
  annexStart: /^[*_\s]*\(Ban\s+hành\s+kèm\s+theo/u,
  /** Last line of that block: "của Sở Công Thương tỉnh Khánh Hòa)" (000), "của Chủ tịch UBND tỉnh Khánh Hòa)" (004). */
  annexEnd: /\)[*_\s]*$/u,
  /** A clause label and the marks before it: "a) ", "1. ", "2.3. ", "- ", "+ ", "##### 1. " (000). */
  label: /^([#*_\s]*)(\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|[-+])(\s+)(?=\S)/u,
  /** A Roman section heading, where numbering restarts: "II. NỘI DUNG KẾ HOẠCH" (001), "**II. NHIỆM VỤ**" (002). */
  section: /^[#*_\s]*[IVX]{1,4}\.\s/u,
  /** The type line of a decision carrying a plan: "QUYẾT ĐỊNH" (004). */
  decisionTitle: /QUYẾT\s+ĐỊNH/u,
  /** A one-level item label: "1.", "12." (not "1.1."). */
  itemLabel: /^\d+\.$/u,
  /** A point label: "a)", "đ)". */
  pointLabel: /^[a-zđ]\)$/u,
  /** What a file name slug drops: anything but ASCII letters and digits ("khánh hòa" → "khanh-hoa" after stripping marks). */
  slugUnsafe: /[^a-z0-9]+/u,
} as const;
