/**
 * Regular expressions and word lists of the citation stage, built from named pieces. Each piece
 * names real strings it matches from the corpus (seeds in corpus/, other documents in
 * ../shared/holdout/). Whitespace inside a reference may be a line break: hard-wrapped holdout
 * text splits "Nghị quyết số\n57-NQ/TW" and "Quyết\nđịnh số 66/2018/QĐ- UBND".
 */

import { DEPARTMENTS, DOCUMENT_TYPES, LOCAL_BODIES, NATIONAL_BODIES, PROVINCES } from '../vocabulary/index.js';

// ---------------------------------------------------------------------------------------------
// Type words
// ---------------------------------------------------------------------------------------------

/** A type word as written, and the canonical type it stands for. */
export interface TypeWord {
  /** Canonical type ("Kế hoạch" for "Kế hoạch hành động"). */
  type: string;
  /** The word as written (lower case after the first letter). */
  written: string;
}

/**
 * Type words of cited documents, longest first so "Nghị quyết liên tịch" wins over "Nghị quyết".
 * Seeds: "Quyết định số 421/QĐ-UBND", "Nghị quyết số 01/NQ-CP", "Nghị định số 63/2010/NĐ-CP",
 * "Kế hoạch số 5283/KH-UBND", "Công văn số 12680/UBND-KSTT", "Văn bản số 8377/UBND-KSTT";
 * holdout: "Thông tư số 02/2017/TT-VPCP", "Tờ trình số 454/TTr-SoNNMT",
 * "Kế hoạch hành động số 469-KH/TU", "Chỉ thị số 12/CT-UBND".
 */
export const TYPE_WORDS: readonly TypeWord[] = DOCUMENT_TYPES.flatMap((t) => [t.name, ...(t.words ?? [])].map((written) => ({ written, type: t.name })))
  .filter((t) => t.type !== 'Hiến pháp') // cited by title only, never by a number
  .sort((a, b) => b.written.length - a.written.length);

/** "Quyết định" → `[Qq]uyết\s+định`: first letter in either case, any whitespace between syllables. */
function typeWordSource(written: string): string {
  const first = written.charAt(0);
  const rest = written.slice(1).replace(/ /g, String.raw`\s+`);
  return `[${first.toUpperCase()}${first.toLowerCase()}]${rest}`;
}

/** First syllables of the type words, lower case: a cheap test before TYPE_WORD_START_RE. */
export const TYPE_FIRST_SYLLABLES: ReadonlySet<string> = new Set(TYPE_WORDS.map((t) => t.written.split(' ')[0]!.toLowerCase()));

/** Alternation of every type word, either case for the first letter: "Quyết định", "công văn", "Quyết\nđịnh". */
const TYPE = TYPE_WORDS.map((t) => typeWordSource(t.written)).join('|');

/** Type words that may stand before a bare number as a short form: "Đề án 06", "Quyết định 766". */
const SHORT_TYPE = DOCUMENT_TYPES.filter((t) => t.shortForm)
  .map((t) => t.name.replace(/ /g, String.raw`\s+`))
  .join('|');

/** Short-form types that name a programme after the decision approving it ("Đề án 06" ← Quyết định số 06/QĐ-TTg). */
export const PROGRAMME_TYPES: ReadonlySet<string> = new Set(['Đề án', 'Chương trình']);

/** Types a programme short form resolves to: the instrument that approved the programme. */
export const PROGRAMME_CARRIERS: ReadonlySet<string> = new Set(['Quyết định', 'Nghị quyết']);

// ---------------------------------------------------------------------------------------------
// Document numbers
// ---------------------------------------------------------------------------------------------

/** Not preceded by a letter or digit. */
const START = String.raw`(?<![\p{L}\p{N}])`;
/** Not followed by a letter or digit. */
const STOP = String.raw`(?![\p{L}\p{N}])`;
/** The number part: "421", "01", "01348", "3". */
const NUM = String.raw`\d{1,6}`;
/** A four-digit year inside a number or a date: "2010" in "63/2010/NĐ-CP". */
const YEAR = String.raw`(?:19|20)\d{2}`;
/** One symbol segment, upper case first: "QĐ", "UBND", "VPCP", "QH15", "TTr", "SoNNMT", "BNNPTNT". */
const SEG = String.raw`\p{Lu}[\p{L}\p{N}&]*`;
/** A hyphen inside a symbol, with one stray space on one side at most: "QĐ-UBND", "476/VPCP- KSTT", "71/NQ -CP". */
const HYPHEN = String.raw`(?:-[ \t]?|[ \t]-(?=\p{Lu}))`;
/** The symbol: "QĐ-UBND", "NQ/TW", "QĐ-BNN-KHCN", "UBND-KSTT", "HH/QĐ-UBND" (OCR junk kept, cleaned later). */
const SYMBOL = `${SEG}(?:(?:${HYPHEN}|/)${SEG})*`;
/**
 * A document number: "421/QĐ-UBND", "63/2010/NĐ-CP", "142/2024/QH15", "57-NQ/TW", "07-KH/TU",
 * "151/NĐ-CP", "476/VPCP- KSTT", "66/2018/QĐ- UBND", "3/HH/QĐ-UBND", "57- NQ/TW". Dates ("06/02/2024") never
 * match: a symbol starts with a capital letter.
 */
const DOCNUM = `${NUM}(?:/${YEAR}/${SYMBOL}|(?:-[ \\t]?|/)${SYMBOL})${STOP}`;

/** Splits a document number into number, year and symbol: "63/2010/NĐ-CP" → 63, 2010, NĐ-CP. */
export const DOCNUM_PARTS = new RegExp(`^(?<number>${NUM})(?:/(?<year>${YEAR})/|(?<sep>[-/]))(?<symbol>[\\s\\S]+)$`, 'u');

// ---------------------------------------------------------------------------------------------
// Anchors: where a reference starts
// ---------------------------------------------------------------------------------------------

/**
 * Every document number of a text, found first because digits are rare: "421/QĐ-UBND",
 * "63/2010/NĐ-CP", "57-NQ/TW", "476/VPCP- KSTT". What stands before it decides what it is.
 */
export const DOCNUM_RE = new RegExp(`(?:(?<=(?<![\\p{L}\\p{N}])[Ss]ố)|(?<![\\p{L}\\p{N}/.,]))${DOCNUM}`, 'gu');

/** A joining word glued to the end of a symbol, cut off: "35/2025/QĐ-TTgcủa Thủ tướng", "12/KH-UBNDngày 5/3/2025". */
export const GLUED_WORD_RE = /(?<=\p{Lu}[\p{L}\p{N}&]*)(?:của|ngày|về|tại|theo|và|được)$/u;

/** How far back the type word of a number is looked for ("Chương trình hành động số " is 26 characters). */
export const TYPED_REACH = 60;

/**
 * A type word, optional "số", right before a number: "Quyết định số 421/QĐ-UBND", "Nghị quyết 02/NQ-CP",
 * "Nghị quyết số\n\n02/NQ-CP", "công văn số 7641/VPCP-KSTT", "Kế hoạch hành động số 469-KH/TU",
 * "Quyết định số: 12/QĐ-SCT".
 */
export const TYPED_BEFORE_RE = new RegExp(`${START}(?<type>${TYPE})(?:\\s+[Ss]ố)?\\s*:?\\s*$`, 'u');

/**
 * A list joint right before a number that has no type word of its own:
 * "Nghị định số 45/2020/NĐ-CP, 107/2021/NĐ-CP", "… và 48/2013/NĐ-CP", "…; số 12/KH-UBND".
 */
export const CONTINUATION_BEFORE_RE = /(?:[,;]|(?<![\p{L}\p{N}])và)\s*(?:[Ss]ố\s+)?$|:\s*[Ss]ố\s*$/u;

/**
 * A type word, then who issued it, then "số": "Kết luận liên ngành của Tòa án nhân dân tối cao, Viện kiểm sát
 * nhân dân tối cao và Bộ Công an số 23/KL-LNTPTW", "Nghị quyết của Quốc hội số 142/2024/QH15". The issuer run
 * holds no pause (";", ".") and no other type word (checked by the stage).
 */
export const TYPED_ISSUER_BEFORE_RE = new RegExp(`${START}(?<type>${TYPE})(?:\\s+(?:liên\\s+ngành|liên\\s+tịch))?\\s+của\\s+(?<issuer>\\p{Lu}[^;.()]{1,200}?)\\s+[Ss]ố\\s*:?\\s*$`, 'u');

/** How far back a type word with its issuer is looked for. */
export const TYPED_ISSUER_REACH = 260;

/** "Luật " / "Bộ luật " starting a law named by its title: "Luật Tổ chức chính quyền địa phương ngày 19/6/2015". */
export const LAW_RE = new RegExp(`${START}(?<type>Bộ\\s+luật|Luật)\\s+(?=\\p{L})`, 'gu');

/**
 * A short form: type word and a bare number with no symbol, followed by a pause or a joining word.
 * "Đề án 06;", "Đề án 06, hiện đại hóa", "Quyết định 766 của Thủ tướng". Not "Kế hoạch 05 năm".
 */
export const SHORT_FORM_RE = new RegExp(
  `${START}(?<type>${SHORT_TYPE})(?:\\s+số)?\\s+(?<number>\\d{1,5})(?=\\s*(?:$|[;,.)])|\\s+(?:của|ngày|về|và|đã|được|trong|tại|theo)${STOP})`,
  'dgu',
);

// ---------------------------------------------------------------------------------------------
// Tail pieces, read at a position after the number (sticky)
// ---------------------------------------------------------------------------------------------

/** A numeric date: "06/02/2024", "6/9/2024", "13 / 02 / 2025", "06.02.2024". */
const DATE_NUMERIC = String.raw`(?<d1>\d{1,2})\s*[/.-]\s*(?<m1>\d{1,2})\s*[/.-]\s*(?<y1>(?:19|20)\d{2})`;
/** A date in words: "06 tháng 02 năm 2024", "16\ntháng 6 năm 2025", "08 tháng 6 năm 2010". */
const DATE_WORDS = String.raw`(?<d2>\d{1,2})\s+tháng\s+(?<m2>\d{1,2})\s*,?\s+năm\s+(?<y2>(?:19|20)\d{2})`;

/** A type word and its date before the number: "văn bản đề ngày 29 tháng 10 năm 2025 số 16/CV-HHTACN", "Công văn ngày 20/11/2025 số …". */
export const TYPED_DATED_BEFORE_RE = new RegExp(`${START}(?<type>${TYPE})\\s+(?:đề\\s+)?ngày\\s+(?:${DATE_NUMERIC}|${DATE_WORDS})\\s*,?\\s+[Ss]ố\\s*:?\\s*$`, 'u');

/** "ngày 06/02/2024", ", ngày 15 tháng 7 năm 2021", "ban hành ngày 19/6/2015" right after a number or an issuer. */
export const DATE_CLAUSE_RE = new RegExp(`\\s*,?\\s*(?:ban\\s+hành\\s+)?ngày\\s+(?:${DATE_NUMERIC}|${DATE_WORDS})(?![\\p{N}])`, 'uy');

/** A date anywhere (for `readReference` and the law-title search): same forms as DATE_CLAUSE_RE. */
export const LAW_END_RE = new RegExp(
  `\\s+(?:(?<date>(?:ban\\s+hành\\s+)?ngày\\s+(?:${DATE_NUMERIC}|${DATE_WORDS}))(?![\\p{N}])` +
    `|năm\\s+(?<yearWord>${YEAR})${STOP}` +
    `|(?<yearBare>${YEAR})(?=\\s*(?:$|[;,.)]|\\s+(?:và|của|đã|được)${STOP}))` +
    `|(?:[Ss]ố\\s*)?(?<docnum>${DOCNUM}))`,
  'gu',
);

/** How far after "Luật " a title and its date are looked for. */
export const LAW_REACH = 400;

/** Where a law title search stops at the latest: ";", a parenthesis, a sentence end, a line pause. */
export const LAW_HARD_STOP_RE = /[;()]|\.(?=\s|$)|:/gu;

/** Characters that end an undated law title: "Luật Bảo vệ môi trường;", "Luật Giáo dục đại học | Bộ …". */
export const LAW_TITLE_END_CHARS_RE = /[;:()"“”|.\n]/u;

/**
 * Words that end an undated law title (lower case): "của Luật Bảo vệ môi trường về …",
 * "theo quy định của Luật Ngân sách nhà nước và các văn bản …", "Luật Đầu tư công năm …".
 */
export const LAW_TITLE_STOP_WORDS: ReadonlySet<string> = new Set([
  'về', 'của', 'tại', 'theo', 'đã', 'được', 'năm', 'số', 'này', 'để', 'trong', 'khi', 'cho', 'có', 'thì', 'với',
  'nhằm', 'các', 'những', 'hiện', 'quy', 'hướng', 'sửa', 'ban', 'và', 'đến', 'từ', 'trên', 'là', 'phải',
  'cần', 'nhưng', 'như', 'hoặc', 'gồm', 'bao', 'đối',
]);

/** An amending law's title, allowed to name other laws: "sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật …". */
export const AMENDING_TITLE_RE = /^sửa\s+đổi/u;

/** "Bộ luật" after a title word: "Luật Sở hữu trí tuệ; Bộ luật Hình sự" ends the first title. */
export const CODE_WORD_RE = /^Bộ\s+luật/u;

/** A word starting another law inside an undated title: "Luật Giáo dục, Luật Giáo dục đại học", "… và Bộ luật …". */
export const LAW_WORD_RE = /^(?:Luật|Bộ)$/u;

/** Words of an undated title with the comma before each: "Phòng", ", chống", " tham", " nhũng". */
export const TITLE_WORD_RE = /(,?)(\s*)(\S+?)(?=,|\s|$)/gu;

/** Amending-law titles may start lower case: "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ …". */
export const LAW_TITLE_START_RE = /^(?:\p{Lu}|sửa\s+đổi)/u;

/** "của " before an issuer written with a capital: "của Chính phủ", "của UBND tỉnh Khánh Hòa", "của Bộ Chính trị". */
export const ISSUER_LEAD_RE = /\s*,?\s*của\s+(?=\p{Lu})/uy;

/**
 * The issuer run: up to a pause or a footnote mark. "Thủ tướng Chính phủ", "Bộ Nông nghiệp và PTNT",
 * "Ban thường\nvụ Tỉnh ủy", "UBND tỉnh" in "theo chỉ đạo của UBND tỉnh¹.".
 */
export const ISSUER_RUN_RE = /[^;,.:()"“”[\]|¹²³⁴⁵⁶⁷⁸⁹⁰*]{1,160}/uy;

/** An aside after an issuer: "(nay là Bộ Nông nghiệp và Môi trường)", "(cũ)", "(nay Cục Thủy sản và Kiểm ngư)". */
export const ISSUER_ASIDE_RE = /\s*\(\s*(?:nay\s+là|nay|cũ|trước\s+đây)[^()]{0,100}\)/uy;

/**
 * Words that end an issuer (case ignored), each the start of what follows it:
 * "của Chính phủ về …", "của Thủ tướng Chính phủ ngày 31/3/2022", "của UBND tỉnh tại …".
 */
export const ISSUER_STOP_WORDS: ReadonlySet<string> = new Set([
  'về', 'ngày', 'tại', 'theo', 'trên', 'để', 'cho', 'với', 'đã', 'được', 'là', 'năm', 'số', 'đến', 'trong',
  'nhằm', 'của', 'gửi', 'v/v', 'bằng', 'khi', 'từ', 'tới', 'như', 'thì', 'mà', 'này',
]);

/**
 * Two-word verbs that end an issuer, written in either case, although their words may sit inside one
 * ("Ủy ban", "Phát triển"): "của UBND tỉnh ban hành …", "của Thủ tướng Chính phủ phê duyệt …",
 * "của Chính phủ sửa đổi …", "của UBND tỉnh hướng dẫn thực hiện …", "của UBND tỉnh Sửa đổi, bổ sung …".
 */
export const ISSUER_STOP_PAIRS: ReadonlySet<string> = new Set([
  'ban hành', 'phê duyệt', 'sửa đổi', 'bổ sung', 'hướng dẫn', 'quy định', 'thực hiện', 'triển khai', 'thông qua',
  'áp dụng', 'kèm theo',
]);

/**
 * Two-word phrases that end an issuer only in lower case: "của UBND tỉnh chỉ đạo …" ends, but
 * "của Ban Chỉ đạo phát triển khoa học …" goes on.
 */
export const ISSUER_STOP_PAIRS_LOWER: ReadonlySet<string> = new Set([
  'đề nghị', 'chỉ đạo', 'giai đoạn', 'thời kỳ', 'tầm nhìn', 'đối với', 'xây dựng', 'giao nhiệm', 'cụ thể', 'liên quan',
]);

/** The comma after a bare role, before the body it heads: "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ". */
export const ISSUER_ROLE_COMMA_RE = /^,\s*(?=\p{Lu})/u;

/** An issuer that is only a role, to be read on past its comma: "của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ". */
export const ROLE_ONLY_RE = /^(?:Bộ\s+trưởng|Chủ\s+tịch|Thủ\s+trưởng|Giám\s+đốc|Chánh\s+Văn\s+phòng)$/iu;

/** Lower-case words allowed inside an issuer: "UBND tỉnh Khánh Hòa", "Ban thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh". */
export const ISSUER_INNER_WORDS: ReadonlySet<string> = new Set([
  'tỉnh', 'thành', 'phố', 'huyện', 'quận', 'thị', 'xã', 'phường', 'nhân', 'dân', 'ban', 'ủy', 'uỷ', 'thường', 'vụ',
  'chấp', 'hành', 'trung', 'ương', 'chính', 'phủ', 'trị', 'tịch', 'tướng', 'trưởng', 'bí', 'thư', 'cấp', 'và',
  'nghiệp', 'phát', 'triển', 'nông', 'thôn', 'môi', 'trường', 'nguyên', 'công', 'nghệ', 'học', 'tư', 'pháp',
  'nội', 'tài', 'hội', 'đồng', 'đảng', 'cục', 'văn', 'phòng', 'tổng', 'sở', 'bộ', 'nhà', 'nước', 'quốc', 'gia',
  '-', '–', 'đạo', 'chỉ', 'nhiệm', 'khoa', 'thủy', 'sản', 'kiểm', 'ngư', 'truyền', 'thông', 'tin', 'đào', 'tạo', 'giáo', 'dục', 'y', 'tế', 'xây', 'dựng',
  'lao', 'động', 'thương', 'binh', 'kế', 'hoạch', 'đầu', 'an', 'ninh', 'quân', 'sự', 'ngoại', 'giao', 'tưởng',
  'hòa', 'hoà', 'lý', 'quản', 'bảo', 'hiểm', 'vận', 'tải', 'giao', 'thể', 'thao', 'du', 'lịch', 'hóa', 'hoá', 'ngân', 'hàng',
  // "Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao", "Cục Hải quan", "Cục Thuế"
  'án', 'tối', 'cao', 'sát', 'hải', 'quan', 'thuế',
]);

/** Start of a subject: "về …", "về việc …", "V/v …", or a verb kept in the subject ("ban hành …", "sửa đổi, bổ sung …"). */
export const SUBJECT_LEAD_RE =
  /\s*,?\s*(?:(?:về\s+việc|về|V\/v)\s+|(?=(?:[Bb]an\s+hành|[Ss]ửa\s+đổi|[Pp]hê\s+duyệt|[Hh]ướng\s+dẫn|[Qq]uy\s+định|[Tt]hông\s+qua|[Tt]riển\s+khai)\s))/uy;

/**
 * Where a subject ends: ";", a sentence end, "(sau đây gọi là …", "(Chi tiết tại …", a pinpoint
 * parenthesis, a comma before a capital ("…, Sở Giáo dục và Đào tạo (GDĐT) xây dựng …", "…, Nghị định số 20 …").
 */
export const SUBJECT_END_RE =
  /[;|]|\.(?=\s|$)|\((?=\s*(?:sau\s+đây|[Cc]hi\s+tiết|gọi\s+tắt|[Pp]hần\s|[Mm]ục\s|[Pp]hụ\s+lục))|,\s+(?=\p{Lu})|\n\s*\n/gu;

/** Longest subject kept, in characters. */
export const SUBJECT_MAX = 300;

// ---------------------------------------------------------------------------------------------
// Pinpoints, annex lines, relation leads
// ---------------------------------------------------------------------------------------------

/** One pinpoint unit: "khoản 2", "Điều 8", "Chương V", "Mục 1", "Phần II", "điểm a", "Phụ lục". Never "Điều chỉnh". */
const PIN_UNIT = String.raw`(?:[Đđ]iểm\s+[a-zđ]\d?|[Kk]hoản\s+\d{1,3}|[Đđ]iều\s+\d{1,3}[a-zđ]?|[Cc]hương\s+[IVXLC\d]{1,6}|[Mm]ục\s+[IVXLC\d]{1,6}|[Pp]hần\s+[IVXLC\d]{1,6}|[Pp]hụ\s+lục(?:\s+[IVXLC\d]{1,4})?)`;

/** Pinpoint right before a reference: "khoản 2 Điều 8 Nghị định số 63/2010/NĐ-CP", "Chương V Nghị định số 61/2018/NĐ-CP". */
export const PINPOINT_BEFORE_RE = new RegExp(`${START}(?<pin>${PIN_UNIT}(?:,?\\s+${PIN_UNIT})*)\\s+(?:của\\s+)?$`, 'u');

/** How far back a pinpoint is looked for. */
export const PINPOINT_BEFORE_REACH = 80;

/** Pinpoint in parentheses after a reference: "… của Văn phòng Chính phủ. (Phần II Phụ lục, Mục 1, số thứ tự thứ 4)". */
export const PINPOINT_AFTER_RE = /[\s.,]*\(\s*(?<pin>(?:Phần|Mục|Chương|Điều|Phụ\s+lục|[Kk]hoản|[Đđ]iểm)\s[^()]{0,120}?)\s*\)/uy;

/** An annex line naming the document itself: "(Ban hành kèm theo Quyết định số …", "(Kèm theo Kế hoạch số …". */
export const ANNEX_BEFORE_RE = /(?:^|\()\s*(?:[Bb]an\s+hành\s+)?[Kk]èm\s+theo\s+$/u;

/** How far back the annex lead is looked for. */
export const ANNEX_REACH = 40;

/** "Căn cứ Luật …", "Căn cứ Căn cứ Kế hoạch số 92/KH-UBND" (basis lines of the preamble). */
export const BASIS_LEAD_RE = /^\s*(?:[-–]\s*)?[Cc]ăn\s+cứ(?![\p{L}\p{N}])/u;

/** "Thực hiện Quyết định số 421/QĐ-UBND", "Triển khai thực hiện Nghị quyết số 57-NQ/TW" (implements lines). */
export const IMPLEMENTS_LEAD_RE = /^\s*(?:[-–]\s*)?(?:[Tt]hực\s+hiện|[Tt]riển\s+khai|[Tt]hi\s+hành)(?![\p{L}\p{N}])/u;

/** A gap between two references that starts a new top-level item: "…năm 2024; Nghị quyết số 02/NQ-CP", a sentence end. */
export const GAP_RESET_RE = /;|\.\s/u;

/** A sentence end in a gap: what follows is outside the lead's list ("… của Đảng. Để tiếp tục …"). */
export const GAP_SENTENCE_END_RE = /\.\s/u;

/** A gap that joins two references as siblings: empty, or ending in "," or "và" ("… (TTHC), Nghị định số 20/2008/NĐ-CP"). */
export const GAP_SIBLING_RE = /(?:^|,|(?<![\p{L}])và)\s*$/u;

/** A gap ending in a list joint: "… (TTHC), " before "Nghị định số 20/2008/NĐ-CP", "… giai đoạn 2022-2025 và " before "Công văn số …". */
export const GAP_JOINT_END_RE = /(?:,|(?<![\p{L}])và)\s*$/u;

/** Joints and pauses trimmed from the end of a subject: "về kiểm soát thủ tục hành chính (TTHC), " → "… (TTHC)". */
export const SUBJECT_TRAIL_RE = /(?:[\s,;:]|(?<![\p{L}])và)+$/u;

/** A line break right before an annex lead: the lead starts its line even without "(". */
export const LINE_BREAK_END_RE = /\n\s*$/u;

// ---------------------------------------------------------------------------------------------
// Symbol codes: type, issuer, level
// ---------------------------------------------------------------------------------------------

/** Type codes opening a symbol ("QĐ" in "QĐ-UBND", "NQ" in "57-NQ/TW", "VBHN", "CV") and the type they mean (from the vocabulary). */
export const TYPE_CODES: Readonly<Record<string, string>> = Object.fromEntries(
  DOCUMENT_TYPES.flatMap((t) => t.codes.map((c) => [c, t.name] as const)).filter(([c], k, all) => all.findIndex(([x]) => x === c) === k),
);

/** Where an issuer code puts its instrument. */
export type IssuerLevel = 'national' | 'local';

/** An issuer known from a symbol code; "{unit}" is replaced by "tỉnh Khánh Hòa" / "thành phố Hà Nội". */
export interface IssuerCode {
  issuer: string;
  level: IssuerLevel;
}

/**
 * Issuer codes inside symbols, from the vocabulary: "NQ-CP" → Chính phủ, "QĐ-TTg" → Thủ tướng Chính phủ,
 * "VPCP-KSTT" → Văn phòng Chính phủ, "57-NQ/TW" → Ban Chấp hành Trung ương (its Bộ Chính trị and Ban Bí
 * thư sign so too; a written issuer says which), "142/2024/QH15" → Quốc hội, "KH-UBND", "QĐ-UBND",
 * "UBND-KSTT" → UBND of the citing plan's province, "07-KH/TU" → Tỉnh ủy, "KH-SNV" → Sở Nội vụ.
 */
export const ISSUER_CODES: Readonly<Record<string, IssuerCode>> = Object.fromEntries([
  ...NATIONAL_BODIES.flatMap((b) => b.codes.map((c) => [c, { issuer: b.name, level: 'national' as const }] as const)),
  ...LOCAL_BODIES.filter((b) => b.level === 'province').flatMap((b) => b.codes.map((c) => [c, { issuer: b.name, level: 'local' as const }] as const)),
  ...DEPARTMENTS.flatMap((d) => d.codes.map((c) => [c, { issuer: `Sở ${d.name} {unit}`, level: 'local' as const }] as const)),
]);

/** Codes of the Quốc hội with a term number: "QH15" in "142/2024/QH15", "UBTVQH15". */
export const TERM_CODE_RE = /^(QH|UBTVQH|UBPLTP)\d{0,2}$/u;

/** A provincial department's code: "SCT", "SGDĐT", "SKHCN", "SoNNMT" (local, issuer not inferred). */
export const DEPARTMENT_CODE_RE = /^S(?:o)?[\p{Lu}]{2,}$/u;

/** A written issuer of local level: "UBND tỉnh", "Ủy ban nhân dân tỉnh", "Ban thường vụ Tỉnh ủy", "Sở Công Thương". */
export const LOCAL_ISSUER_RE = /(?:^|\s)(?:tỉnh|Tỉnh|thành\s+phố|Thành\s+phố|huyện|Huyện|UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|HĐND|Sở|Tỉnh\s+ủy|Thành\s+ủy|Huyện\s+ủy)(?![\p{L}\p{N}])/u;

/** A written issuer of national level: "Chính phủ", "Bộ Chính trị", "Quốc hội", "Bộ Nông nghiệp và PTNT". */
export const NATIONAL_ISSUER_RE = /^(?:Chính\s+phủ|Thủ\s+t\S+\s+Chính\s+phủ|Văn\s+phòng\s+Chính\s+phủ|Bộ\s|Bộ\s+trưởng|Quốc\s+hội|Ủy\s+ban\s+Thường\s+vụ\s+Quốc\s+hội|Ban\s+Chấp\s+hành\s+Trung\s+ương|Ban\s+Bí\s+thư|Tổng\s+cục|Cục\s|Ngân\s+hàng\s+Nhà\s+nước)/u;

/** A province named in a written issuer: "UBND tỉnh Khánh Hòa" → Khánh Hòa, "UBND tỉnh Phú Yên", "Thành ủy Hà Nội". */
export const ISSUER_PROVINCE_RE =
  /(?:tỉnh|Tỉnh|thành\s+phố|Thành\s+phố|TP\.?|Tỉnh\s+ủy|Thành\s+ủy)\s+(?<name>\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3})/u;

/** A written issuer ending in its unit word with no name: "UBND tỉnh", "Chủ tịch UBND tỉnh", "UBND Thành phố". */
export const UNNAMED_UNIT_RE = /(?:tỉnh|Tỉnh|thành\s+phố|Thành\s+phố)$/u;

/** Cities under the central government, whose UBND is "UBND thành phố …". */
export const CENTRAL_CITIES: ReadonlySet<string> = new Set(PROVINCES.filter((p) => p.kind === 'thành phố').map((p) => p.name));

/** Types passed by the Quốc hội, whose issuer is inferred when not written ("Luật Thủy sản năm 2017"). */
export const LAW_TYPES: ReadonlySet<string> = new Set(['Luật', 'Bộ luật', 'Pháp lệnh']);

/** Issuer of laws when not written. */
export const LAW_ISSUER = 'Quốc hội';

/** Type codes that are OCR junk when they sit alone between the number and the real symbol ("3/HH/QĐ-UBND"). */
export const JUNK_SEGMENT_RE = /^\p{Lu}{1,3}$/u;

/** A type word at the start of a run of words: "Kế hoạch số …" after "của Chính phủ và" ends the issuer. */
export const TYPE_WORD_START_RE = new RegExp(`^(?:${TYPE})(?![\\p{L}])`, 'u');

/**
 * Breaks that show a dated "title" is not a law title but running text
 * ("Luật Đất đai và các văn bản hướng dẫn trong năm 2024"). "và" and "của" stay allowed:
 * "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương".
 */
export const LAW_DATED_TITLE_BREAK_RE =
  /[;:()"“”|]|\.\s|(?:,|\svà)\s+(?:Luật|Bộ\s+luật)(?![\p{L}])|\s(?:về|tại|theo|đã|được|số|này|để|trong|khi|cho|hiện\s+hành|có|thì|với|các|những)(?![\p{L}\p{N}])/u;

/** Longest law title kept, in words. */
export const LAW_TITLE_MAX_WORDS = 30;

/** Longest undated law title, in words ("Luật Bảo vệ môi trường"). */
export const LAW_UNDATED_MAX_WORDS = 8;
