/**
 * Regular expressions and tables of the series stage (src/corpus/series.ts): what a title says
 * beside its subject (type word, "ban hành", years and periods, the issuer, the place), and who
 * succeeded whom in the 2025 reorganisation of provinces and departments.
 * Every expression works on the comparison form of a title (lower case, one tone placement,
 * abbreviations expanded, punctuation folded to spaces: see src/text/fold.ts).
 * Word ends are written `(?![\p{L}\p{N}])`: JavaScript's `\b` knows only ASCII letters.
 */

/** A parenthesised abbreviation a title defines: "(TTHC)" in "cải cách thủ tục hành chính (TTHC) trọng tâm". */
export const TITLE_ABBREVIATION = /\(\s*[\p{Lu}Đ&-]{2,10}\s*\)/gu;

/** What a decision's subject says before the plan it carries: "ban hành kế hoạch …" (421/QĐ-UBND),
 * "về việc ban hành kế hoạch …", "phê duyệt kế hoạch …". */
export const TITLE_CARRIER = /^(?:về\s+việc\s+|về\s+)?(?:ban\s+hành|phê\s+duyệt)\s+/u;

/** The plan kinds a title starts with, longest first: "kế hoạch" (every seed), "chương trình" (602/QĐ-UBND
 * "Chương trình tổng thể cải cách hành chính …"), "đề án", "quyết định", "chỉ thị", "nghị quyết", "công văn". */
export const TITLE_KIND = /^(kế\s+hoạch|chương\s+trình|đề\s+án|quyết\s+định|chỉ\s+thị|nghị\s+quyết|công\s+văn|hướng\s+dẫn|báo\s+cáo)(?![\p{L}\p{N}])\s*/u;

/** A period: "giai đoạn 2021 2025" ("giai đoạn 2021 – 2025", folded), "giai đoạn 2021-2030" (the hyphen between digits stays), "giai đoạn 2021 2025 và định hướng đến năm 2030". */
export const TITLE_PERIOD = /(?:giai\s+đoạn\s+)?((?:19|20)\d\d)\s*[-–]?\s*((?:19|20)\d\d)(?:\s+và\s+định\s+hướng\s+đến\s+năm\s+(?:19|20)\d\d)?/u;

/** Any year with what leads it in: "năm 2025", "trọng tâm năm 2024", "đến năm 2030", "2025". */
export const TITLE_YEAR = /(?:(?:định\s+hướng\s+)?(?:đến\s+)?năm\s+)?(?<![\p{L}\p{N}])(?:19|20)\d\d(?![\p{L}\p{N}])/gu;

/** What names the issuer or the place after the subject: "của sở công thương", "trên địa bàn tỉnh khánh hòa",
 * "của ủy ban nhân dân tỉnh", "tỉnh gia lai"; cut from there to the end. */
export const TITLE_TAIL = /(?:(?<![\p{L}\p{N}])của\s+(?:sở|ủy\s+ban|ban|chủ\s+tịch|văn\s+phòng|hội\s+đồng)|(?<![\p{L}\p{N}])trên\s+địa\s+bàn|(?<![\p{L}\p{N}])(?:tỉnh|thành\s+phố)\s+\p{L}).*$/u;

/** Filler words left at the ends of a subject once years are cut: "năm", "và", "của", "trong". */
export const SUBJECT_FILLER = /^(?:(?:năm|và|của|trong|về|thực\s+hiện)\s+)+|(?:\s+(?:năm|và|của|trong|về|giai\s+đoạn|định\s+hướng|đến))+$/gu;

/** The chair issuing for the committee: "Chủ tịch UBND tỉnh Khánh Hòa" (08/QĐ-UBND) is the committee's own series. */
export const ISSUER_CHAIR = /^chủ\s+tịch\s+/u;

/** The committee of a province, folded: "ủy ban nhân dân tỉnh khánh hòa", "ủy ban nhân dân". */
export const ISSUER_COMMITTEE = /^ủy\s+ban\s+nhân\s+dân(?![\p{L}\p{N}])/u;

/** A department, folded: "sở công thương tỉnh khánh hòa", "sở giáo dục và đào tạo"; group 1 is its name. */
export const ISSUER_DEPARTMENT = /^sở\s+(.+?)(?:\s+(?:tỉnh|thành\s+phố)\s+.*)?$/u;

/** Provinces merged in 2025 (Nghị quyết 202/2025/QH15, in force 1 July 2025): each old name → the
 * province that carries on its work. "Ninh Thuận" → "Khánh Hòa", "Bình Định" → "Gia Lai",
 * "Bắc Giang" → "Bắc Ninh". Names are as `scopeName` gives them (no "tỉnh" prefix). */
export const PROVINCE_SUCCESSOR: Readonly<Record<string, string>> = {
  'Hà Giang': 'Tuyên Quang',
  'Yên Bái': 'Lào Cai',
  'Bắc Kạn': 'Thái Nguyên',
  'Vĩnh Phúc': 'Phú Thọ',
  'Hòa Bình': 'Phú Thọ',
  'Bắc Giang': 'Bắc Ninh',
  'Thái Bình': 'Hưng Yên',
  'Hải Dương': 'Hải Phòng',
  'Hà Nam': 'Ninh Bình',
  'Nam Định': 'Ninh Bình',
  'Quảng Bình': 'Quảng Trị',
  'Quảng Nam': 'Đà Nẵng',
  'Kon Tum': 'Quảng Ngãi',
  'Bình Định': 'Gia Lai',
  'Ninh Thuận': 'Khánh Hòa',
  'Đắk Nông': 'Lâm Đồng',
  'Bình Thuận': 'Lâm Đồng',
  'Phú Yên': 'Đắk Lắk',
  'Bình Dương': 'Hồ Chí Minh',
  'Bà Rịa - Vũng Tàu': 'Hồ Chí Minh',
  'Bà Rịa – Vũng Tàu': 'Hồ Chí Minh',
  'Bình Phước': 'Đồng Nai',
  'Long An': 'Tây Ninh',
  'Sóc Trăng': 'Cần Thơ',
  'Hậu Giang': 'Cần Thơ',
  'Bến Tre': 'Vĩnh Long',
  'Trà Vinh': 'Vĩnh Long',
  'Tiền Giang': 'Đồng Tháp',
  'Bạc Liêu': 'Cà Mau',
  'Kiên Giang': 'An Giang',
};

/** Departments merged in the 2025 reorganisation of provincial departments, by folded name → the
 * department that carries on: "kế hoạch và đầu tư" → "tài chính", "lao động thương binh và xã hội" →
 * "nội vụ", "tài nguyên và môi trường" and "nông nghiệp và phát triển nông thôn" → "nông nghiệp và môi
 * trường", "giao thông vận tải" → "xây dựng", "thông tin và truyền thông" → "khoa học và công nghệ". */
export const DEPARTMENT_SUCCESSOR: Readonly<Record<string, string>> = {
  'kế hoạch và đầu tư': 'tài chính',
  'lao động thương binh và xã hội': 'nội vụ',
  'tài nguyên và môi trường': 'nông nghiệp và môi trường',
  'nông nghiệp và phát triển nông thôn': 'nông nghiệp và môi trường',
  'giao thông vận tải': 'xây dựng',
  'thông tin và truyền thông': 'khoa học và công nghệ',
};

/** Department codes of symbols ("KH-SCT", "QĐ-SGDĐT") → the department's folded name, successors applied
 * by DEPARTMENT_SUCCESSOR afterwards: "SKHĐT" (Sở Kế hoạch và Đầu tư) → "kế hoạch và đầu tư". */
export const DEPARTMENT_CODE: Readonly<Record<string, string>> = {
  SCT: 'công thương',
  SGDĐT: 'giáo dục và đào tạo',
  'SGD&ĐT': 'giáo dục và đào tạo',
  STC: 'tài chính',
  SNV: 'nội vụ',
  STP: 'tư pháp',
  SYT: 'y tế',
  SXD: 'xây dựng',
  SKHCN: 'khoa học và công nghệ',
  'SKH&CN': 'khoa học và công nghệ',
  SVHTTDL: 'văn hóa thể thao và du lịch',
  SNNMT: 'nông nghiệp và môi trường',
  SNNPTNT: 'nông nghiệp và phát triển nông thôn',
  STNMT: 'tài nguyên và môi trường',
  SKHĐT: 'kế hoạch và đầu tư',
  SLĐTBXH: 'lao động thương binh và xã hội',
  SGTVT: 'giao thông vận tải',
  STTTT: 'thông tin và truyền thông',
  SNgV: 'ngoại vụ',
  SDTTG: 'dân tộc và tôn giáo',
};

/** Symbol parts naming a province's committee: "UBND" (421/QĐ-UBND, 58/KH-UBND). */
export const COMMITTEE_PART = /^UBND$/u;

/**
 * Target values the synthetic series generator (src/node/synth.ts) moves from one year to the next.
 */
export const SYNTH_VALUES = {
  /** A percentage in running text (100 is written back as it is): "đạt tối thiểu 80%" (seed 000), "45%" (seed 003), "6,5%". */
  percent: /(?<![\p{N},.])(\d{1,3})(?=\s?%)/gu,
  /** A table cell that is a bare value, maybe with its comparator word: "80", "Tối thiểu 50" (004, column
   * "Chỉ tiêu năm 2025 (%)"). Group 1 the word and its space, group 2 the value. */
  cell: /^((?:Tối\s+thiểu|Tối\s+đa|Trên|Dưới|Ít\s+nhất)\s+)?(\d{1,3})$/u,
  /** A table data row: "1.\tTỷ lệ …", "2.\t…" (004). */
  row: /^\d{1,2}\.?\t/u,
} as const;
