/**
 * Regular expressions and phrase lists of the fidelity stage: units (departments and other
 * bodies) by name, self-references, year mentions, the standard plan skeleton.
 * Unit and skeleton patterns run on the comparison form (lower case, punctuation folded,
 * glossary abbreviations expanded: "Sở GDĐT" → "sở giáo dục và đào tạo"); year patterns on display text.
 */

/** A unit a plan can be issued by or assign work to. */
export interface UnitName {
  /** Stable key, e.g. "so-cong-thuong". */
  key: string;
  /** Folded spellings, longest first. */
  names: readonly string[];
}

/**
 * Provincial departments and other named bodies, folded. Real strings:
 *   "Sở Công Thương" (000 title), "Sở Giáo dục và Đào tạo (GDĐT)" and "Sở GDĐT" (003),
 *   "Sở Tư pháp làm tốt công tác thẩm định" and "Văn phòng UBND tỉnh tăng cường" (004 II.1.a),
 *   "Sở Lao động - Thương binh và Xã hội", "Sở Thông tin và Truyền thông" (assignment cells of 004).
 */
export const UNITS: readonly UnitName[] = [
  { key: 'so-cong-thuong', names: ['sở công thương'] },
  { key: 'so-gddt', names: ['sở giáo dục và đào tạo', 'sở giáo dục đào tạo'] },
  { key: 'so-tu-phap', names: ['sở tư pháp'] },
  { key: 'so-noi-vu', names: ['sở nội vụ'] },
  { key: 'so-tai-chinh', names: ['sở tài chính'] },
  { key: 'so-khdt', names: ['sở kế hoạch và đầu tư', 'sở khđt', 'sở kh đt'] },
  { key: 'so-y-te', names: ['sở y tế'] },
  { key: 'so-xay-dung', names: ['sở xây dựng'] },
  { key: 'so-gtvt', names: ['sở giao thông vận tải', 'sở gtvt'] },
  { key: 'so-tnmt', names: ['sở tài nguyên và môi trường', 'sở tn mt', 'sở tnmt'] },
  { key: 'so-nnptnt', names: ['sở nông nghiệp và phát triển nông thôn', 'sở nn ptnt', 'sở nnptnt'] },
  { key: 'so-nnmt', names: ['sở nông nghiệp và môi trường'] },
  { key: 'so-ldtbxh', names: ['sở lao động thương binh và xã hội', 'sở lđtbxh', 'sở lđ tb xh'] },
  { key: 'so-vhttdl', names: ['sở văn hóa thể thao và du lịch', 'sở vhttdl', 'sở vh tt dl'] },
  { key: 'so-vhtt', names: ['sở văn hóa và thể thao'] },
  { key: 'so-du-lich', names: ['sở du lịch'] },
  { key: 'so-tttt', names: ['sở thông tin và truyền thông'] },
  { key: 'so-khcn', names: ['sở khoa học và công nghệ'] },
  { key: 'so-ngoai-vu', names: ['sở ngoại vụ'] },
  { key: 'so-dan-toc-ton-giao', names: ['sở dân tộc và tôn giáo'] },
  { key: 'vp-ubnd-tinh', names: ['văn phòng ủy ban nhân dân tỉnh'] },
  { key: 'cong-an-tinh', names: ['công an tỉnh'] },
  { key: 'thanh-tra-tinh', names: ['thanh tra tỉnh'] },
  { key: 'bhxh-tinh', names: ['bảo hiểm xã hội tỉnh'] },
  { key: 'ttpvhcc', names: ['trung tâm phục vụ hành chính công tỉnh', 'trung tâm phục vụ hành chính công'] },
  { key: 'ban-dan-toc', names: ['ban dân tộc'] },
];

/**
 * Subjects addressed to every unit, which apply to any derivative plan:
 *   "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố tiếp tục …" (004 I.3, II.1.b),
 *   "Các cơ quan, đơn vị, địa phương …", "Thủ trưởng các sở, ban, ngành …".
 */
export const GENERIC_SUBJECT = /^(?:thủ trưởng |người đứng đầu )?(?:các|mọi) (?:sở|cơ quan|đơn vị|ngành|địa phương)(?![\p{L}\p{N}])/u;

/** Districts and communes as addressees: "UBND các huyện, thị xã, thành phố" (004 I.3), "UBND cấp huyện". */
export const DISTRICT_SUBJECT = /^(?:chủ tịch )?ủy ban nhân dân (?:các huyện|cấp huyện|cấp xã|các xã)(?![\p{L}\p{N}])/u;

/**
 * A unit speaking of itself or of its own plan, on the folded text after a unit name that opens
 * a clause (folding drops commas, so only an opening name is a subject). Real strings:
 *   "Sở Công Thương xây dựng Kế hoạch cải cách TTHC" (000 intro),
 *   "Sở Công Thương đề nghị các phòng, đơn vị tổ chức quán triệt" (000 closing),
 *   "Sở GDĐT yêu cầu các đơn vị" (003 closing).
 */
export const SELF_AFTER = /^ (?:tỉnh [\p{L} ]{2,20} )?(?:xây dựng|ban hành) (?:kế hoạch|chương trình)|^ (?:đề nghị|yêu cầu|giao) (?:các|trưởng|thủ trưởng|lãnh đạo|toàn thể|cán bộ)/u;

/**
 * Before the name: "Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2024 của Sở Công Thương" (000 title),
 *   "trên Trang Thông tin điện tử của Sở" (000 III.2), "các phòng thuộc Sở …", "Lãnh đạo Sở …".
 */
export const SELF_BEFORE = /(?:kế hoạch[\p{L}\p{N} ]{0,90} của|trang thông tin điện tử của|các phòng thuộc|các phòng của|lãnh đạo|giám đốc|văn phòng) $/u;

/**
 * "năm 2024" as a year of its own, not the tail of a date; captures the year. Real strings:
 *   "trọng tâm năm 2024" (000 title), "đề ra trong năm 2024" (000 I.1.a), "Trong năm 2024" (000 appendix);
 *   not "ngày 06 tháng 02 năm 2024" (000 intro).
 */
export const YEAR_MENTION = /(?<!tháng\s+\d{1,2}\s+)(?<!tháng\s+)\bnăm\s+(\d{4})\b/gu;

/**
 * A year named as a starting point, a period or the past, which a later plan may rightly keep:
 *   "giai đoạn 2021 - 2025", "từ năm 2021", "so với năm 2023", "kết quả năm 2024", "tầm nhìn đến năm 2030".
 */
export const PAST_YEAR_CONTEXT = /(?:giai đoạn|từ|so với|kết quả|đến|tầm nhìn|cuối|đầu|của)\s+$/iu;

/**
 * Headings of the standard plan skeleton, folded, after the label: "I. MỤC ĐÍCH, YÊU CẦU" (003, 004),
 * "I. MỤC TIÊU, YÊU CẦU" and "1. Mục tiêu" (000), "2. Chỉ tiêu thực hiện", "3. Yêu cầu:",
 * "II. NỘI DUNG, NHIỆM VỤ CỤ THỂ", "III. TỔ CHỨC THỰC HIỆN", "IV. KINH PHÍ THỰC HIỆN".
 */
export const SKELETON_HEADINGS: readonly string[] = [
  'mục đích yêu cầu',
  'mục tiêu yêu cầu',
  'mục đích',
  'mục tiêu',
  'yêu cầu',
  'mục tiêu chung',
  'mục tiêu cụ thể',
  'chỉ tiêu',
  'chỉ tiêu thực hiện',
  'chỉ tiêu cụ thể',
  'nội dung nhiệm vụ cụ thể',
  'nội dung nhiệm vụ',
  'nhiệm vụ cụ thể',
  'nhiệm vụ và giải pháp',
  'nhiệm vụ giải pháp',
  'nhiệm vụ giải pháp chủ yếu',
  'nội dung',
  'tổ chức thực hiện',
  'kinh phí thực hiện',
  'kinh phí',
  'chế độ báo cáo',
  'chế độ thông tin báo cáo',
  'phân công nhiệm vụ',
  'trách nhiệm thực hiện',
  'phụ lục',
];

/**
 * Stock sentences of the closing of a plan body, folded, matched at the start or end of a clause:
 *   "Sở Công Thương đề nghị các phòng, đơn vị tổ chức quán triệt và triển khai thực hiện … nội dung Kế hoạch này" (000),
 *   "Sở GDĐT yêu cầu các đơn vị … thực hiện có chất lượng, hiệu quả toàn bộ nội dung Kế hoạch" (003),
 *   "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc …" (004).
 */
export const SKELETON_SENTENCE = /(?:toàn bộ nội dung kế hoạch(?: này)?$|^trong quá trình (?:triển khai )?thực hiện nếu có khó khăn vướng mắc|^trên đây là kế hoạch)/u;
