/**
 * Regular expressions of the targets stage: numeric commitments, their comparators, units,
 * time expressions and the words that bound an indicator phrase. Every piece is named and shows
 * real strings it matches from the corpus (seed file in brackets: 000 = Khánh Hòa Sở Công
 * Thương 2024, 001 = Bắc Giang 2023, 002 = Gia Lai 2021-2025, 003 = Khánh Hòa Sở GDĐT 2024,
 * 004 = Khánh Hòa UBND 2025, "holdout" = ../shared/holdout).
 */
import type { Comparator } from '../types.js';

/** Start of a word: not preceded by a letter, mark or digit. */
const WORD_START = String.raw`(?<![\p{L}\p{M}\p{N}])`;
/** End of a word: not followed by a letter, mark or digit. */
const WORD_END = String.raw`(?![\p{L}\p{M}\p{N}])`;
/** One syllable or abbreviation. */
const SYLLABLE = String.raw`[\p{L}\p{M}][\p{L}\p{M}\p{N}&]*`;

/**
 * A number as printed: "100", "05", "6,5" (decimal comma), "1.000" (thousands dot).
 * [000] "100% hồ sơ", [004] "Tối thiểu 50", [holdout] "Tỷ lệ cắt giảm chi phí: 10%".
 */
export const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?![\d,])|\d+(?:,\d+)?(?!\.\d)|\d+(?:\.\d{1,2})?(?!\d)`;

/**
 * Comparator words written before a value, longest first. Each alternative is named so that
 * {@link comparatorOf} can map it.
 *   ">="  [000] "Tối thiểu 80%", "ít nhất 20% TTHC", [001] "tối thiểu là 60%", [holdout] "tối thiểu đạt 25%",
 *         [001] "đạt từ 30% trở lên" (the "từ" half), [holdout] "≥ 3%", "không dưới", "không thấp hơn"
 *   ">"   [001] "trên 60% trả trước hạn", [holdout] "đạt trên 70%", "hơn"
 *   "<="  "tối đa 60%", "không quá 05 ngày", "không vượt quá", "giảm … xuống còn 5%", "≤"
 *   "<"   "dưới 5%", "<"
 */
const GE_WORDS = String.raw`tối\s+thiểu\s+(?:là\s+|đạt\s+|bằng\s+)?|ít\s+nhất\s+(?:là\s+|đạt\s+)?|không\s+(?:dưới|thấp\s+hơn|ít\s+hơn)\s+|từ\s+|≥\s*|>=\s*`;
const GT_WORDS = String.raw`trên\s+|hơn\s+|>\s*`;
const LE_WORDS = String.raw`tối\s+đa\s+(?:là\s+|bằng\s+)?|không\s+(?:vượt\s+)?quá\s+|không\s+cao\s+hơn\s+|xuống\s+(?:còn\s+)?|≤\s*|<=\s*`;
const LT_WORDS = String.raw`dưới\s+|<\s*`;
const COMPARATOR_WORDS = `${WORD_START}(?:(?<ge>${GE_WORDS})|(?<le>${LE_WORDS})|(?<gt>${GT_WORDS})|(?<lt>${LT_WORDS}))`;

/**
 * Words after a value that make it a bound: [001] "đạt từ 30% trở lên", [002] "đạt 50% trở lên";
 * "từ 5 ngày trở xuống".
 */
const SUFFIX_WORDS = String.raw`\s+trở\s+(?<suffix>lên|xuống)${WORD_END}`;

/**
 * A range written with a dash: [holdout] "20% - 50%", "1% – 3% doanh thu". The lower bound is kept
 * (the plan commits to at least it).
 */
const RANGE_TAIL = String.raw`\s*(?:-|–|đến)\s*(?<high>${NUMBER})\s?%`;

/**
 * A percentage mention with its optional comparator and suffix.
 *   [000] "tối thiểu 80% hồ sơ TTHC", "100% hồ sơ TTHC", [001] "trên 60% trả trước hạn",
 *   [001] "tối thiểu là 20%", [001] "đạt từ 30% trở lên", [002] "đạt tỷ lệ 100% vào năm 2025"
 */
export const PERCENT_RE = new RegExp(
  `(?:${COMPARATOR_WORDS})?(?<![\\p{N}.,/])(?<num>${NUMBER})\\s?%(?:${RANGE_TAIL})?(?:${SUFFIX_WORDS})?`,
  'giu',
);

/**
 * The starting figure of a change ("giảm từ 10% xuống còn 5%", "tăng từ 45% lên 60%"): the text right
 * after a "từ" value that shows it is the baseline, not the target.
 */
export const BASELINE_AFTER_RE = /^\s*(?:xuống|lên|đến|tới)(?:\s+còn)?\s+\d/iu;

/** Money units: "100 triệu đồng", "1.000 tỷ đồng", "500 nghìn đồng". */
const MONEY_UNIT = String.raw`(?:nghìn|ngàn|triệu|tỷ)\s+đồng|đồng|USD`;
/** Time units: "không quá 05 ngày làm việc", "ít nhất 02 năm". */
const TIME_UNIT = String.raw`ngày\s+làm\s+việc|ngày|giờ|tuần|tháng|năm`;
/** A counted noun of one or two syllables: "có ít nhất 20 tập dữ liệu", "tối thiểu 01 lần". */
const COUNT_UNIT = String.raw`${SYLLABLE}(?:\s+${SYLLABLE})?`;

/**
 * Words that bound a duration from above (with a unit of time only): [realcorpus] a procedure's
 * "Trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản đề nghị, …", "trong thời hạn tối đa
 * 05 ngày, kể từ ngày nhận được hồ sơ", "trong vòng 03 ngày", and the value of "Thời hạn giải quyết: 35 ngày kể từ ngày …"
 * (the label, kept before the value, names it).
 */
const WITHIN_WORDS = String.raw`trong\s+(?:thời\s+hạn|vòng)\s+(?:tối\s+đa\s+(?:là\s+)?)?|(?<=thời\s+hạn\s+giải\s+quyết\s*:\s*(?:là\s+)?)`;

/**
 * Words that commit to a count (a count with none of these is not a target: [004] "giữa 02 hệ
 * thống", [002] "6 nội dung", [001] "mức độ 3, 4").
 *   ">=" "tối thiểu 01 lần", "ít nhất 20 tập dữ liệu", "không dưới 3 cuộc"
 *   "<=" "không quá 05 ngày làm việc", "tối đa 10 ngày", "xuống còn 03 ngày", "rút ngắn còn 2 ngày"
 *   "="  "đạt 500 doanh nghiệp"
 * and a level of money set by a clause ([realcorpus] a decree: "không thấp hơn 1.170.000 đồng"; the
 * council resolution setting it: "bằng 2.340.000 đồng", "là 435.000 đồng/người/ngày").
 */
const COUNT_COMMIT = String.raw`${WORD_START}(?:(?<ge>tối\s+thiểu\s+(?:là\s+)?|ít\s+nhất\s+(?:là\s+)?|không\s+(?:dưới|ít\s+hơn|thấp\s+hơn)\s+)|(?<le>(?<within>${WITHIN_WORDS})|tối\s+đa\s+(?:là\s+)?|không\s+(?:vượt\s+)?quá\s+|(?:xuống\s+)?còn\s+)|(?<eq>đạt\s+|(?:bằng|là)\s+(?=(?:${NUMBER})\s*(?:(?:nghìn|ngàn|triệu|tỷ)\s+)?đồng)))`;

/** A unit of time: "ngày làm việc", "tháng" (a {@link WITHIN_WORDS} bound takes no other unit). */
export const TIME_UNIT_RE = new RegExp(`^(?:${TIME_UNIT})$`, 'iu');

/**
 * The frame of a duration, never its indicator: "Trong thời hạn", "trong vòng", "Thời hạn" left
 * before a value ("Trong thời hạn tối đa 05 ngày …").
 */
export const DURATION_FRAME_RE = /^(?:trong\s+)?(?:thời\s+hạn|vòng|thời\s+gian)(?:\s+tối\s+đa)?$/iu;

/** The event a duration is counted from, written after it: "kể từ ngày nhận được hồ sơ, …", "tính từ ngày …". */
export const FROM_EVENT_RE = /^(?:kể|tính)\s+từ(?![\p{L}\p{M}])/iu;

/** A unit that counts things (not a duration or money): its noun is part of the indicator. */
export const COUNTED_UNIT_RE = new RegExp(`^(?!(?:${MONEY_UNIT}|${TIME_UNIT})$)`, 'iu');

/** The gap between a figure and its unit: a space, or none before a unit of money, as often typed
 * ("mức tiền ăn là 435.000đồng/người/ngày"); the abbreviation "đ" is no unit. */
const UNIT_GAP = String.raw`(?:\s*(?=(?:${MONEY_UNIT})${WORD_END})|\s+)`;

/** A count, a duration or an amount of money behind a commitment word. */
export const COUNT_RE = new RegExp(
  `${COUNT_COMMIT}(?<num>${NUMBER})(?![\\p{N}/%,.])${UNIT_GAP}(?<unit>${MONEY_UNIT}|${TIME_UNIT}|${COUNT_UNIT})`,
  'giu',
);

/** Maps the named groups of a comparator match to a comparator ("=" when none). */
export function comparatorOf(groups: Record<string, string | undefined>): Comparator {
  if (groups.ge) return groups.ge.trim() === 'từ' && !groups.suffix ? '=' : '>=';
  if (groups.gt) return '>';
  if (groups.le) return '<=';
  if (groups.lt) return '<';
  if (groups.suffix === 'lên') return '>=';
  if (groups.suffix === 'xuống') return '<=';
  return '=';
}

/**
 * The whole of a table cell holding a value: [000] "Tối thiểu 80%", "100%", [004] "80",
 * "Tối thiểu 50", [holdout] "≥ 3% và tăng dần", "20% - 50%".
 */
export const CELL_VALUE_RE = new RegExp(
  `^\\s*(?:đạt\\s+)?(?:${COMPARATOR_WORDS})?(?<num>${NUMBER})\\s?(?<pct>%)?(?:${RANGE_TAIL})?(?:${SUFFIX_WORDS})?`,
  'iu',
);

/** A percent unit in a column header: [004] "Chỉ tiêu năm 2025 (%)", [holdout] "Đơn vị tính: %". */
export const HEADER_PERCENT_RE = /\(\s*%\s*\)|%/u;

/**
 * Headers of columns that may hold a value though the parser did not name them 'target':
 * "Kế hoạch năm 2025", "Mục tiêu", "Giá trị", "Tỷ lệ (%)". Code columns never do: "Mã số TTHC".
 */
export const VALUE_HEADER_RE = /chỉ\s+tiêu|mục\s+tiêu|tỷ\s+lệ|giá\s+trị|%|kế\s+hoạch|năm\s*\d{4}/iu;
export const CODE_HEADER_RE = /(?:^|\s)(?:mã|số\s+hiệu|ký\s+hiệu|stt|tt)(?:\s|$)/iu;

/**
 * The starting figure of a change written before the target figure ([holdout] "Giảm thời gian
 * giải quyết thủ tục hành chính từ 10 ngày làm việc còn 09 ngày làm việc"): not part of the indicator.
 */
export const FROM_VALUE_TAIL_RE = /\s+từ\s+\d[\d.,]*\s*%?(?:\s+[\p{L}\p{M}]+){0,3}?(?:\s+(?:xuống|lên))?\s*$/iu;

/** A unit column: [holdout] "Đơn vị tính", "ĐVT". */
export const UNIT_HEADER_RE = /^(?:đơn vị tính|đvt)\b/iu;

/**
 * Words that make a number a level or a count of things rather than a target when they sit right
 * before it: [001] "mức độ 3, 4", [002] "mức độ 3 và mức độ 4", "Phụ lục 1", "Mục 1".
 */
export const NOT_A_VALUE_BEFORE_RE = /(?:mức\s+độ|mức|phụ\s+lục|mục|khoản|điều|số|thứ|giai\s+đoạn|quý|tháng|ngày|năm)\s*$/iu;

/**
 * A cited document's subject running up to a percentage ("Quyết định số 1291/QĐ-TTg … về việc
 * cắt giảm 20% …"): the percentage belongs to the citation, not to the plan.
 */
export const CITATION_SUBJECT_BEFORE_RE =
  /(?:Nghị\s+quyết|Quyết\s+định|Nghị\s+định|Thông\s+tư|Chỉ\s+thị|Công\s+văn|Văn\s+bản|Kế\s+hoạch|Luật)\s+(?:số\s+)?[\p{N}][\p{L}\p{N}/\-–]*[^;:]*?\s(?:về|về việc)\s[^;:,]*$/iu;

/**
 * Time expressions, each with the word that makes it a due date (dates of cited documents have
 * none: "Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010" is not read).
 *   [000] "trước tháng 6/2024", "hoàn thành trong tháng 9 năm 2024", [004] "trước ngày 15/12/2025",
 *   [004] "hoàn thành trong Quý III năm 2025", [004] "đến hết năm 2025", [002] "vào năm 2025",
 *   [002] "Hoàn thành trong năm 2022", [001] "Trước T12/2023", [001] "Trước 15/12/2023"
 */
const DUE_WORD = String.raw`(?:(?:hoàn\s+thành|xong|chậm\s+nhất)\s+)?(?:trước|trong|đến\s+hết|đến|hết|vào|cuối|đầu|chậm\s+nhất|muộn\s+nhất|hoàn\s+thành)`;
const DATE_DMY = String.raw`(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?<y1>\d{4})`;
const DATE_MY = String.raw`(?:tháng\s+|T)\d{1,2}\s*/\s*(?<y2>\d{4})`;
const DATE_WORDS = String.raw`(?:ngày\s+\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+(?<y3>\d{4})`;
const QUARTER = String.raw`quý\s+(?:[IV]+|\d)\s+(?:năm\s+)?(?<y4>\d{4})`;
const YEAR = String.raw`năm\s+(?<y5>\d{4})`;
export const DUE_RE = new RegExp(
  `${WORD_START}${DUE_WORD}\\s+(?:${DATE_DMY}|${DATE_MY}|${DATE_WORDS}|${QUARTER}|${YEAR})${WORD_END}`,
  'giu',
);

/** A bare year right after a figure, its horizon: "đạt từ 10% trở lên năm 2026", "đạt 80% năm 2025" (after the value). */
export const YEAR_RIGHT_AFTER_RE = /^\s*(?:trở\s+(?:lên|xuống)\s*)?(?:vào\s+)?năm\s+(?<y>(?:19|20)\d{2})(?!\p{N})/iu;

/** A sentence opening on its year: "Năm 2026, tỷ lệ … đạt 90%", "- Năm 2025: 100% …". */
export const YEAR_LEAD_RE = /^\s*(?:[-+•]\s*)?năm\s+(?<y>(?:19|20)\d{2})\s*[,:]/iu;

/**
 * What a regulation's percentage or plain figure must stand beside to be a commitment rather than a
 * rule or an entitlement ("hưởng thêm 100% phụ cấp", "suy giảm 5%" are rules; a duration, count or sum
 * it bounds, "không quá 03 ngày làm việc", "tối thiểu 02 năm", is a limit it sets and needs none): a target word
 * ("phấn đấu", "mục tiêu", "chỉ tiêu") or a horizon ("đến năm 2030", "năm 2026", "giai đoạn 2026-2030"),
 * or a level of money a clause sets ([realcorpus] a decree: "Mức hưởng phụ cấp hằng tháng do Ủy ban nhân
 * dân cấp tỉnh trình Hội đồng nhân dân cùng cấp quyết định nhưng không thấp hơn 1.170.000 đồng"; the
 * council resolution fixing it: "Mức phụ cấp hàng tháng đối với Thôn (tổ) đội trưởng bằng 2.340.000 đồng").
 */
export const REGULATION_COMMITMENT_RE = /phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|(?:đến|trong|vào|hết|cuối)\s+năm\s+(?:19|20)\d{2}|năm\s+(?:19|20)\d{2}\s+(?:đạt|có)|giai\s+đoạn\s+(?:19|20)\d{2}|(?:^|[\s("“])mức\s[^.;]{0,160}?(?:không\s+thấp\s+hơn|bằng|là)\s+\d[\d.]*\s*(?:(?:nghìn|ngàn|triệu|tỷ)\s+)?đồng/iu;

/** The year of a {@link DUE_RE} match. */
export function dueYear(groups: Record<string, string | undefined>): number | null {
  const y = groups.y1 ?? groups.y2 ?? groups.y3 ?? groups.y4 ?? groups.y5;
  return y ? Number(y) : null;
}

/**
 * A time column or a time label as written: [000] "Trong năm 2024", [001] "Trước ngày 15/01/2023",
 * "Tháng 3,6,9,12/2023", "Trước T12/2023", [002] "Năm 2022". The year is the last four-digit year.
 */
export const ANY_YEAR_RE = /(?<![\p{N}/])(?:19|20)\d{2}(?!\p{N})/gu;

/** Time text that names a date or a year at all (a deadline), unlike "Thường xuyên", "Khi có phát sinh". */
export const HAS_DATE_RE = /(?:năm|quý|tháng|ngày|T)\s*\d|\d{1,2}\s*\/\s*\d{2,4}|(?:19|20)\d{2}/iu;

/**
 * The horizon a heading sets: [002] "a) Đến năm 2025:", "b) Định hướng đến năm 2030:",
 * "Tầm nhìn đến năm 2045", "giai đoạn 2021 - 2025" (the end year), [000] "… NĂM 2024".
 */
export const HEADING_HORIZON_RE =
  /(?:(?:đến|tới)\s+năm\s+(?<to>\d{4}))|(?:giai\s+đoạn\s+(?:năm\s+)?\d{4}\s*[-–]\s*(?<end>\d{4}))|(?:năm\s+(?<year>\d{4}))/iu;

/**
 * "Thời gian thực hiện: …" lines and labelled unit lines under a prose item (Gia Lai layout):
 *   [002] "- Đơn vị chủ trì: Văn phòng;", "- Đơn vị phối hợp: Các phòng thuộc Sở; Trung tâm …;"
 *   [000] cell "- Đơn vị chủ trì: Văn phòng Sở - Đơn vị phối hợp: Các phòng thuộc Sở"
 */
export const LEAD_LABEL_RE = /(?:đơn\s+vị|cơ\s+quan)(?:,\s*đơn\s+vị)?\s+chủ\s+trì(?:\s+thực\s+hiện)?\s*:/iu;
export const PARTNER_LABEL_RE = /(?:đơn\s+vị|cơ\s+quan)(?:,\s*đơn\s+vị)?\s+phối\s+hợp(?:\s+thực\s+hiện)?\s*:/iu;
export const TIME_LABEL_RE = /^\s*(?:-\s*)?thời\s+(?:gian|hạn)(?:\s+(?:thực\s+hiện|hoàn\s+thành))?\s*:\s*/iu;

/**
 * Where an indicator phrase written after its value stops ([000] "100% hồ sơ TTHC … của tỉnh
 * để thực hiện …", [001] "100% TTHC có yêu cầu nghĩa vụ tài chính, …, trong số đó, tỷ lệ …").
 */
export const FORWARD_STOP_RE =
  /[;.:]|\s(?:để|nhằm|trong\s+(?:số\s+)?đó|đồng\s+thời|góp\s+phần|hoàn\s+thành|so\s+với|vào\s+năm|đến\s+(?:hết\s+)?năm|trong\s+năm)(?![\p{L}\p{M}])|,\s*(?:trong|đồng\s+thời|góp\s+phần|hoàn\s+thành|khuyến\s+khích|giảm|tăng|nâng|bảo\s+đảm|đảm\s+bảo|phấn\s+đấu|đề\s+xuất|tạo|nhằm|để|chấm\s+dứt|thực\s+hiện|tiến\s+hành)(?![\p{L}\p{M}])/iu;

/**
 * Where an indicator phrase written before its value starts, searching backwards (the last match
 * before the value wins): [000] "…; bảo đảm mục tiêu …", [001] "…, trong số đó, tỷ lệ giao dịch …
 * đạt từ 30%", [holdout] "Tỷ lệ cắt giảm chi phí: 10%".
 */
export const BACKWARD_STOP_RE = /[;:]|\.\s|\s(?:trong\s+(?:số\s+)?đó|đồng\s+thời)(?=[,\s])/giu;

/**
 * Where the verb written just before a value starts ([000] "tiến hành rà soát 100% TTHC",
 * "cắt giảm, đơn giản hóa ít nhất 20% TTHC và cắt giảm ít nhất 20% chi phí"): punctuation,
 * a number, or a conjunction.
 */
export const LEAD_IN_STOP_RE = /[,;:()\[\]"“”|]|\p{N}|^(?:và|hoặc|để|nhằm|với|cho|của|trên|trong|tại|về|từ|theo|có)$/iu;

/**
 * A commitment word inside a lead-in: the verb of the value is what follows it
 * ([001] "một cửa liên thông bảo đảm 100% thủ tục hành chính" → no verb, [000] "bảo đảm mục tiêu cắt giảm").
 */
export const COMMITMENT_WORD_RE = /(?:^|\s)(?:bảo\s+đảm|đảm\s+bảo|phấn\s+đấu|phần\s+đầu|mục\s+tiêu|đạt|phải)(?=\s|$)/giu;

/** A lead-in ending in a preposition is no verb of the value: [000] "trả kết quả đối với 100% hồ sơ". */
export const LEAD_IN_PREPOSITION_RE = /(?:^|\s)(?:đối\s+với|với|cho|của|trên|trong|tại|về|từ)$/iu;

/**
 * Commitment and linking words trimmed from the edges of an indicator phrase:
 * [realcorpus] "Cơ quan tiếp nhận trả lời trong thời hạn | không quá 05 ngày làm việc", [001] "Bảo đảm tỷ lệ …", "Phần đầu bảo đảm 100% …", [004] "phấn đấu đến hết năm 2025 đạt 100% …",
 * [000] "bảo đảm mục tiêu cắt giảm …", [002] "… đạt tỷ lệ 100%", [001] "… tối thiểu là 60%".
 */
export const LEADING_FILLER_RE =
  /^(?:(?:và|hoặc|phải|bảo\s+đảm|đảm\s+bảo|phấn\s+đấu|phần\s+đầu|mục\s+tiêu|đạt|có|đối\s+với|với|cho|là|để|nhằm|trong\s+(?:số\s+)?đó(?:\s+có)?|đồng\s+thời|tiến\s+hành|thực\s+hiện|hướng\s+tới|đến\s+hết\s+năm\s+\d{4}|đến\s+năm\s+\d{4}|vào\s+năm\s+\d{4}|trong\s+năm\s+\d{4}|(?:(?:trong\s+)?giai\s+đoạn\s+)?(?:năm\s+)?\d{4}(?:\s*[-–]\s*\d{4})?)[\s,]+)+/iu;
export const TRAILING_FILLER_RE =
  /(?:[\s,]+(?:theo\s+(?:đúng\s+)?quy\s+định(?:\s+của\s+pháp\s+luật)?|trong\s+(?:thời\s+hạn|vòng)|và|hoặc|phải|đạt|đạt\s+tỷ\s+lệ|đạt\s+mức|ở\s+mức|là|bằng|chiếm|lên|tới|được|có|với|của|cho|đối\s+với|hướng\s+tới|phấn\s+đấu|bảo\s+đảm|đảm\s+bảo))+$/iu;

/** Words directly after a value that show it is followed by no indicator phrase of its own. */
export const NO_FORWARD_PHRASE_RE = /^\s*(?:$|[;.,:)]|trở\s|vào\s|trong\s|đến\s|so\s+với|và\s|hoặc\s|trên\s+tổng|\()/iu;

/** Headings of a retrospective section (results already achieved are not commitments). */
export const RETROSPECTIVE_HEADING_RE =
  /(?:kết\s+quả\s+(?:thực\s+hiện|đạt\s+được)|tình\s+hình\s+thực\s+hiện|đánh\s+giá\s+(?:kết\s+quả|tình\s+hình|việc\s+thực\s+hiện)|thực\s+trạng)/iu;

/**
 * A figure already reached, not a commitment: "năm 2023 đã đạt 85%", "tăng 15% so với cùng kỳ".
 * Read only in a clause with no commitment word ({@link COMMITMENT_CLAUSE_RE}).
 */
export const ACHIEVED_RE = /(?:^|\s)(?:đã\s+(?:đạt|có|thực\s+hiện|hoàn\s+thành|cung\s+cấp|tiếp\s+nhận|giải\s+quyết|số\s+hóa)|so\s+với\s+cùng\s+kỳ)(?=\s|$)/iu;
export const COMMITMENT_CLAUSE_RE = /phấn\s+đấu|bảo\s+đảm|đảm\s+bảo|mục\s+tiêu|chỉ\s+tiêu|tối\s+thiểu|ít\s+nhất|phải|cần/iu;

/**
 * Words of an indicator where a lower figure is the better one (so raising it asks less):
 * "tỷ lệ hồ sơ trễ hạn", "thời gian giải quyết", "chi phí tuân thủ" (as a level, not "cắt giảm").
 */
export const LOWER_IS_BETTER_RE = /(?:trễ|quá|chậm)\s+hạn|tồn\s+đọng|thời\s+gian\s+giải\s+quyết|sai\s+sót|vi\s+phạm/iu;

/** Sentence ends inside a passage: a full stop (or ! ?) followed by a capital or a list mark. */
export const SENTENCE_END_RE = /[.!?…](?=\s+(?:[\p{Lu}\d(“"'-]|\+))|\n+|\s\|(?=\s)/gu;

/** List markers at the start of an indicator: [holdout] "(2) Tỷ trọng kinh tế số …", "a) …", "+ …". */
export const ENUMERATOR_RE = /^(?:\(\s*(?:\d{1,2}|[a-zđ])\s*\)|(?:\d{1,2}|[a-zđ])\))\s*/iu;

/** A linking verb right before a value: the value completes the indicator written before it
 * ([holdout] "Tỷ lệ phủ sóng 5G trên địa bàn đạt 100% dân số", "Kinh tế số chiếm 45% GRDP tỉnh"). */
export const LINKING_VERB_END_RE = /(?:^|\s)(?:đạt|chiếm|bằng|là|ở\s+mức|đạt\s+mức)\s*$/iu;

/** A possessive verb ending a subject before a count: "tỉnh Bắc Ninh có ít nhất 20 tập dữ liệu" (the indicator is the counted noun). */
export const POSSESSIVE_END_RE = /(?:^|\s)có$/iu;

/**
 * A heading that names the units responsible for the lines under it:
 * [004] "a) Các sở, ban, ngành, UBND các huyện, thị xã, thành phố:", "b) Văn phòng UBND tỉnh",
 * "b) Sở Thông tin và Truyền thông", [001] "1. Văn phòng Sở:", "2. Các phòng chuyên môn, Trung tâm thuộc Sở:".
 */
export const UNIT_HEADING_RE =
  /^(?:các\s+)?(?:sở|văn\s+phòng|ủy\s+ban|ubnd|thanh\s+tra|phòng(?!,?\s+chống)|trung\s+tâm|ban(?!\s+hành)|bộ(?!\s+(?:phận|chỉ|thủ))|công\s+an|cục|chi\s+cục|kho\s+bạc|bảo\s+hiểm\s+xã\s+hội|đài|báo|cơ\s+quan|đơn\s+vị)(?![\p{L}\p{M}])/iu;

/** Unit lists split on ";" and on "," before a capitalised unit name ([001] "Văn phòng Sở, Trung tâm"). */
export const UNIT_SPLIT_RE = /\s*;\s*|\s*,\s*(?=\p{Lu})|\s+-\s+/u;
