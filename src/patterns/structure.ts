import type { CellRole } from '../types.js';
import { HEADER_TYPE_WORDS } from './meta.js';

/**
 * Regular expressions of the structure stage: clause labels, layout zones, tables.
 * Each piece names real strings from the corpus it matches.
 */

/** Roman numerals I … XX (upper case). */
const ROMAN = '(?:XX|X{0,1}(?:IX|IV|V?I{1,3}|V|X))';

/** Clause labels, tried in order. Each captures the label and leaves the rest as the clause text. */
export const LABELS = {
  /** "Điều 1. Ban hành kèm theo …", "Điều 2. Quyết định này …" (decision articles) */
  article: /^(Điều\s+\d{1,3})\s*[.:]\s*/u,
  /** "Phần I.", "PHẦN II:", "Chương III", "Mục 2." (parts of long documents) */
  part: new RegExp(`^((?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\\s+(?:${ROMAN}|\\d{1,2}))\\s*[.:\\-–]?\\s+`, 'u'),
  /** "I. MỤC TIÊU, YÊU CẦU", "II NỘI DUNG …" (no dot), "III. TỔ CHỨC THỰC HIỆN" */
  section: new RegExp(`^(${ROMAN})(?:\\s*[.:]\\s*|\\s*[-–]\\s+|\\s+(?=[\\p{Lu}"“(]))`, 'u'),
  /**
   * "1. Mục tiêu", "2 Tổ chức …" (no dot, capital next), "1.1. Triển khai …", "2.3 Rà soát", "1) …"; not an
   * amount whose dots part thousands ("28.800.000 đồng/năm." wrapped onto its own line). A procedure code
   * on its own line ("1.014466", a table cell of a decision publishing procedures) still opens a row: the
   * rows of those decisions are aligned by it.
   */
  item: /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.(?!\d{3}(?!\d))\)?\s*|\)\s*|\s+(?=[\p{Lu}"“(]))(?=\S)/u,
  /** "a) Đẩy mạnh …", "đ) Chấn chỉnh …", "e) Tăng cường …" */
  point: /^([a-zđ])\)\s*/u,
  /** "- +" (second level written with both marks, Gia Lai 2021) */
  bullet2Combined: /^(-\s*\+)\s+/u,
  /** "+ 100% CCVC được tập huấn …" (second level) */
  bullet2: /^(\+)\s*(?=\S)/u,
  /** "- Thường xuyên rà soát …", "– …", "• …" (first level) */
  bullet: /^([-–—•·●▪])\s*(?=\S)/u,
} as const;

/**
 * A hard wrap inside a reference, not a new clause: the line before ends with a word that calls
 * for its number, or the line lists numbered references on.
 */
export const WRAPS = {
  /**
   * "… quy định tại khoản 2 Điều" / "35 Luật …", "… theo quy định tại khoản" / "2 Điều 15 …", "**PHẦN" / "I. DANH MỤC …",
   * "**Điều" / "2. Những nguyên tắc …"; not the same syllable in another word: "tài khoản", "thành phần", "chi tiết", "DANH MỤC"
   */
  numberWordEnd:
    /(?:^|[^\p{L}\p{N}])(?<!(?:[Tt]ài|TÀI|[Tt]hành|THÀNH|[Cc]hi|CHI|[Dd]anh|DANH|[Cc]ổ|[Mm]ột|[Bb]ộ|[Tt]ừng)\s)(?:Điều|điều|ĐIỀU|[Kk]hoản|KHOẢN|[Mm]ục|MỤC|[Pp]hần|PHẦN|[Cc]hương|CHƯƠNG|[Tt]iết)$/u,
  /** The number such a word calls for: "35 Luật …", "2 Điều 15 …", "I. DANH MỤC …" (not the "V" of "Việc") */
  numberStart: new RegExp(`^(?:${ROMAN}|\\d{1,3})(?![\\p{L}\\p{N}])`, 'u'),
  /** "XI.25, XI.26 của mục 1 phần I …" after "… XI.23, XI.24,": dotted references listed on */
  referenceList: new RegExp(`^(?:${ROMAN}|\\d{1,3})(?:\\.\\d{1,3})+\\s*(?:,|và\\s|đến\\s)`, 'u'),
  /** "… chia sẻ lợi ích. Mã TTHC" / "1.004082": the word "mã" (code) of a procedure at the end of a line, its code on the next */
  codeWordEnd: /(?:^|[^\p{L}])(?:[Mm]ã|MÃ)(?:\s+(?:số|TTHC|thủ\s+tục(?:\s+hành\s+chính)?))?\s*:?$/u,
  /** A procedure code of the national database: "1.004082", "2.000286.000.00.00.H14" */
  procedureCode: /^\d{1,2}\.\d{6}(?![\d])/u,
} as const;

/** A line that is only a page number: "34", "- 3 -", "Trang 5". */
export const PAGE_NUMBER = /^(?:[-–]\s*)?(?:Trang\s+)?\d{1,3}(?:\s*[-–])?$/u;

/** A table separator row: "--\t-----\t---". */
export const TABLE_RULE = /^[\s\-–—|:=]+$/u;

/** Footnote text: "¹ Công văn số 9867/UBND-KSTT ngày 6/9/2024 …" */
export const FOOTNOTE = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*(?=\S)/u;

/** Markdown star bullet: "* Nội dung" (a single star then a space). */
export const STAR_BULLET = /^\s*\*\s+(?=[^*\s])/u;

/** Layout markers. */
export const ZONES = {
  /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM" (a Party document's motto) */
  motto: /CỘNG\s+HÒA\s+XÃ\s+HỘI|CỘNG\s+HOÀ\s+XÃ\s+HỘI|Độc\s+lập\s*[-–—]\s*Tự\s+do|^ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM[\s\-–—_*]*$/iu,
  /** "Số: 3HH /QĐ-UBND", "Số: /KH-SCT", "Số: 2813/QĐ-UBND", "Số 383-QĐ/TW", "Luật số: 60/2024/QH15" */
  numberLine: /^(?:(?:Luật|Bộ\s+luật|Pháp\s+lệnh)\s+)?[Ss]ố\s*[:.]?\s*[\p{L}\p{N}/ -]*\/\s*[\p{Lu}Đ]/u,
  /** "Khánh Hòa, ngày 13 tháng 02 năm 2025", "Bắc Giang, ngày tháng 01 năm 2023", "Hà Nội ngày 01 tháng 12 năm 2025" (no comma) */
  placeDate: /^([\p{Lu}][\p{L}.]*(?:\s+(?:[\p{Lu}][\p{L}.]*|phố|tỉnh)){0,4})\s*(?:,\s*ngày|\s+ngày(?=\s*(?:\d|tháng|\.|…)))(?![\p{L}\p{N}])/u,
  /** "KẾ HOẠCH", "QUYẾT ĐỊNH", "KẾ HOẠCH Cải cách …", "LUẬT", "KẾT LUẬN" (type word in capitals, optionally followed by the subject) */
  typeWord: new RegExp(`^(${HEADER_TYPE_WORDS})(?=$|\\s|:)`, 'u'),
  /** "Kính gửi: Thuế tỉnh Quảng Trị.", "**Kính gửi:** Ủy ban nhân dân các tỉnh …" (a letter's addressee) */
  addressee: /^Kính\s+gửi(?![\p{L}\p{N}])/u,
  /** "(Ban hành kèm theo Quyết định số 344/QĐ-UBND …)", "(Kèm theo Kế hoạch số /KH-SGDĐT …)" */
  annex: /^\(?\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo(?![\p{L}\p{N}])/u,
  /** "Căn cứ Luật …" */
  basis: /^(?:[-–]\s*)?Căn\s+cứ(?![\p{L}\p{N}])/u,
  /** "Thực hiện Quyết định số 421/QĐ-UBND …", "Triển khai thực hiện Nghị quyết số 57-NQ/TW …" */
  implementsLine: /^(?:[-–]\s*)?(?:Thực\s+hiện|Triển\s+khai|Thi\s+hành)(?![\p{L}\p{N}])/u,
  /** "Theo đề nghị của Chánh Văn phòng UBND tỉnh.", "Xét đề nghị của …" */
  proposal: /^(?:[-–]\s*)?(?:Theo|Xét)\s+đề\s+(?:nghị|xuất)(?![\p{L}\p{N}])/u,
  /** "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA" (the authority issuing a decision) */
  authority: /^(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|ỦY\s+BAN\s+NHÂN\s+DÂN|GIÁM\s+ĐỐC)(?![\p{L}\p{N}])[\p{Lu}\s]*$/u,
  /** "QUYẾT ĐỊNH:" alone: the operative part of a decision follows */
  decisionMarker: /^(?:QUYẾT\s+ĐỊNH|NGHỊ\s+QUYẾT|CHỈ\s+THỊ)\s*:?\s*$/u,
  /** "Nơi nhận:", "Nơi nhận :" */
  recipients: /^Nơi\s+nhận(?![\p{L}\p{N}])/iu,
  /** "KT. GIÁM ĐỐC", "GIÁM ĐỐC", "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH" */
  signature:
    /^(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?(?:PHÓ\s+)?(?:GIÁM\s+ĐỐC|CHỦ\s+TỊCH|ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+BAN|BÍ\s+THƯ)(?![\p{L}\p{N}])[\p{Lu}\s.]*$/u,
  /** "UBND TỈNH KHÁNH HÒA", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI" (issuer block lines) */
  issuerBlock: /^(?:UBND|ỦY\s+BAN|UỶ\s+BAN|SỞ|BỘ|TỈNH|THÀNH\s+PHỐ|HUYỆN|CHÍNH\s+PHỦ|VĂN\s+PHÒNG)(?![\p{L}\p{N}])[\p{Lu}\p{N}\s,.&-]*$/u,
  /** "PHỤ LỤC", "Phụ lục", "PHỤ LỤC I", "Phụ lục 2" */
  appendix: /^(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:[IVX]+|\d{1,2}|số\s+\d{1,2}))?\s*[.:]?(?:\s|$)/u,
  /** "… toàn bộ nội dung Kế hoạch này./." (end of the body) */
  endMark: /\.\/\.\s*$/u,
} as const;

/**
 * The page furniture of a legal-information site around a scraped document: the banner, the
 * metadata table, the related-documents list, login notices, contact lines.
 */
export const SITE = {
  /** "Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT …", "Đang tải văn bản...", "Click vào phần bôi vàng để xem chi tiết." */
  banner: /Bản\s+dịch\s+này\s+thuộc\s+quyền\s+sở\s+hữu|Đang\s+tải\s+văn\s+bản|Click\s+vào\s+phần\s+bôi\s+vàng|has\s+the\s+copyright\s+on\s+this\s+translation/u,
  /** "Số hiệu:", "Loại văn bản:", "Nơi ban hành:", "Tình trạng:", "Đang tải văn bản... # Số hiệu:" (labels of the site's metadata table) */
  metaLabel: /(?:^|\t|#\s*)(?:Số\s+hiệu|Loại\s+văn\s+bản|Nơi\s+ban\s+hành|Người\s+ký|Ngày\s+ban\s+hành|Ngày\s+hiệu\s+lực|Ngày\s+công\s+báo|Số\s+công\s+báo|Ngày\s+hợp\s+nhất|Tình\s+trạng)\s*:(?:\s*$|\t)/u,
  /**
   * Where the footer starts: "Văn bản này chưa cập nhật nội dung Tiếng Anh" (even joined to the site's title line),
   * "## Văn bản liên quan", "Cảm ơn đã dùng ThuVienPhapLuat.vn", a contact label alone ("Địa chỉ:", "Mã số thuế:"),
   * "- Bạn vừa bị Đăng xuất khỏi Tài khoản".
   */
  footerStart:
    /Văn\s+bản\s+này\s+chưa\s+cập\s+nhật\s+nội\s+dung\s+Tiếng\s+Anh|^#*\s*Văn\s+bản\s+liên\s+quan\s*$|Cảm\s+ơn\s+đã\s+dùng\s+ThuVienPhapLuat|^(?:Địa\s+chỉ|Điện\s+thoại|Mã\s+số\s+thuế)\s*:\s*$|Bạn\s+vừa\s+bị\s+Đăng\s+xuất/u,
  /** "THE SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness": the site's English translation starts (after the document) */
  englishMotto: /SOCIALIST\s+REPUBLIC\s+OF\s+VIET\s*NAM|Independence\s*[-–]\s*Freedom\s*[-–]\s*Happiness/u,
  /** "MINISTRY OF FINANCE", "PEOPLE'S COMMITTEE OF …": the issuer line of that translation, before its motto */
  englishIssuer: /^[A-Z][A-Z\s',.&-]{3,80}$/u,
  /** "Công văn 5348/CT-CS năm 2025 hướng dẫn … do Cục Thuế ban hành" (the site's title line, right before the footer) */
  siteTitle: /^\p{Lu}[\p{L}\s]{1,30}\s\d+[\/-][\p{L}\p{N}Đđ/.&-]+(?:\s|$).*(?:ban\s+hành|năm\s+\d{4})/u,
} as const;

/** Column roles by header wording (folded to lower case, tones kept). Order matters: first match wins. */
export const COLUMN_ROLES: ReadonlyArray<[RegExp, CellRole]> = [
  [/^(?:s?tt|số\s+tt|số\s+thứ\s+tự)$/u, 'index'], // "TT", "STT"
  [/chủ\s+trì\s+đánh\s+giá/u, 'evaluator'], // "Cơ quan chủ trì đánh giá"
  [/phân\s+công/u, 'assignment'], // "Phân công và cách thức thực hiện"
  [/phối\s+hợp/u, 'partner'], // "CƠ QUAN PHỐI HỢP"
  [/thời\s+gian|thời\s+hạn|tiến\s+độ/u, 'time'], // "Thời gian thực hiện", "THỜI GIAN HOÀN THÀNH"
  [/căn\s+cứ/u, 'basis'], // "Căn cứ thực hiện"
  [/ghi\s+chú/u, 'note'], // "Ghi chú"
  [/sản\s+phẩm|kết\s+quả\s+đầu\s+ra/u, 'product'], // "DỰ KIẾN SẢN PHẨM"
  [/^(?:đơn\s+vị\s+tính|đvt|đơn\s+vị)$/u, 'unit'], // "Đơn vị", "ĐVT"
  [/chỉ\s+tiêu.*(?:\(%\)|\d{4})|mục\s+tiêu\s+năm|giá\s+trị|kế\s+hoạch\s+năm|^kết\s+quả$|^mục\s+tiêu$/u, 'target'], // "Chỉ tiêu năm 2025 (%)", "Kết quả"
  [/chủ\s+trì|đơn\s+vị\s+thực\s+hiện|cơ\s+quan\s+thực\s+hiện/u, 'lead'], // "Cơ quan, đơn vị chủ trì thực hiện", "CƠ QUAN CHỦ TRÌ"
  [/nhiệm\s+vụ|nội\s+dung|công\s+việc|^tên(?![\p{L}\p{N}])|giải\s+pháp/u, 'task'], // "Tên nhiệm vụ", "NỘI DUNG CÔNG VIỆC"
  [/chỉ\s+tiêu/u, 'metric'], // "Chỉ tiêu" (a value column when another column names the task; see tables)
];
