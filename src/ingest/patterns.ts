/**
 * Every regular expression of the ingest stage, built from named pieces. Each comment shows real
 * strings it matches, from the seed plans (corpus/) or from the files the readers meet.
 */

// ── Vietnamese syllables (plausibility of a decoding) ─────────────────────────────────────────

/** Initial consonants, longest first: "ngh" (nghiệp), "ng" (người), "nh" (nhà), "qu" (quyết), "gi" (giải), "tr" (trình), "đ" (định). */
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])';
/** Vowel nucleus, tone marks removed: "a" (hành), "uyê" (quyền→uyê), "ươ" (người), "oa" (hóa), "iê" (tiêu). */
const NUCLEUS = '[aăâeêioôơuưy]{1,3}';
/** Final consonants: "ch" (cách), "ng" (cộng), "nh" (hành), "c" (tục), "m" (năm), "n" (dân), "p" (nghiệp), "t" (Việt). */
const CODA = '(?:ch|ng|nh|[cmnpt])';

/** One toneless, lower-case Vietnamese syllable: "cong", "hoa", "nghiêp", "nguơi", "quyêt", "đinh". */
export const SYLLABLE_RE = new RegExp(`^${ONSET}?${NUCLEUS}${CODA}?$`, 'u');

/** A run of letters and marks, the unit the plausibility score looks at: "Quyết", "định", "TTHC". */
export const WORD_RE = /[\p{L}\p{M}]+/gu;

/** Non-ASCII characters that Vietnamese text never uses but a wrong decoding produces:
 * "¸" "µ" "¶" "¹" (TCVN3 read as Windows-1258: "Quy¸t"), "ø" "ñ" "ö" "ï" "û" "ä" "å" "æ" "ë" (VNI read as
 * Latin: "Vieät", "ñònh"), "Ð" "Þ" "þ" "ß" "×" "÷", C1 controls, the replacement character. */
export const ODD_CHAR_RE = /[\u0080-\u009f\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f0\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff\ufffd]/gu;

// ── Format sniffing ───────────────────────────────────────────────────────────────────────────

/** File name extensions: "plan.DOCX", "ke-hoach.pdf", "kh.htm", "seed.md". */
export const EXTENSION_RE = /\.([a-z0-9]{1,5})$/i;

/** The start of an HTML file after a BOM and blanks: "<!DOCTYPE html>", "<html lang=\"vi\">", "<?xml …?><html", "<head>", "<body>", "<meta charset=…>". */
export const HTML_START_RE = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b/i;

/** A charset declared in an HTML head: `<meta charset="utf-8">`, `content="text/html; charset=windows-1258"`. */
export const HTML_CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i;

// ── Word numbering ────────────────────────────────────────────────────────────────────────────

/** Level placeholders of a Word list level text: "%1." → "1.", "%2)" → "a)", "%1.%2." → "1.1.", "Điều %1." → "Điều 1.". */
export const LVL_PLACEHOLDER_RE = /%([1-9])/g;

// ── Text clean-up of extracted runs ───────────────────────────────────────────────────────────

/** Runs of spaces and tabs inside a table cell or PDF line: "Các sở,   ban" → "Các sở, ban". */
export const SPACE_RUN_RE = /[ \t\u00a0]+/g;

/** Any line break or tab inside a table cell (cells are one line in the tab-row output). */
export const CELL_BREAK_RE = /\s*[\r\n\t]+\s*/g;

// ── PDF page furniture ────────────────────────────────────────────────────────────────────────

/** A line that is only a page number: "34", "- 3 -", "Trang 2", "Trang 2/15", "2/15", "Page 3 of 9". */
export const PAGE_NUMBER_LINE_RE = /^(?:[-–—]\s*)?(?:(?:trang|page)\s+)?\d{1,4}(?:\s*(?:\/|of|trên)\s*\d{1,4})?(?:\s*[-–—])?$/iu;

/** Digits of a running header or footer, masked when comparing furniture across pages: "Trang 3" ~ "Trang 4". */
export const DIGITS_RE = /\d+/g;

/** A line that ends a sentence or a heading, so the next line starts a new paragraph: "…năm 2025.", "…sau:", "…;", "…/.". */
export const LINE_END_RE = /[.:;!?…]["”’)]*$|\/\.$/u;

/** A line that opens a new clause when it starts a PDF line: "I.", "II.", "1.", "1.1.", "2)", "a)", "đ)", "-", "+", "•", "Điều 1.", "¹". */
export const CLAUSE_START_RE =
  /^(?:[IVXLC]{1,6}\.?\s|\d{1,3}(?:\.\d{1,3})*[.)]\s|[a-zđ]\)\s|[-+•–]\s|Điều\s+\d+|Phụ lục|PHỤ LỤC|Căn cứ|Nơi nhận|[¹²³⁴⁵⁶⁷⁸⁹])/u;

// ── HTML ──────────────────────────────────────────────────────────────────────────────────────

/** Whitespace runs in HTML text, collapsed to one space outside <pre>. */
export const HTML_SPACE_RE = /[ \t\n\r\f]+/g;

/** Bullet glyphs Word and LibreOffice print for list bullets, read as "-": "–", "—", "•", "●", "▪", "", "◦", "·", "∙". */
export const PDF_BULLET_RE = /^[–—•●▪\uf0b7\uf0a7◦·∙]$/u;

/** A footnote body line at the foot of a page, starting with its number: "1 Công văn số 9867/UBND-KSTT …", "¹ Công văn …". */
export const FOOTNOTE_START_RE = /^(\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})\s*(?=\S)/u;

// ── .docx package and runs ────────────────────────────────────────────────────────────────────

/** Package parts the .docx reader inflates: "_rels/.rels", "[Content_Types].xml", "word/document.xml",
 * "word/numbering.xml", "word/styles.xml", "word/footnotes.xml", "word/_rels/document.xml.rels". */
export const DOCX_PART_RE = /^(?:_rels\/\.rels|\[Content_Types\]\.xml|word\/[^/]+\.xml|word\/_rels\/[^/]+\.rels)$/;

/** A start, end or empty-element tag of an XML part, for the nesting pre-scan: "<w:p>", "</w:p>", "<w:br/>",
 * '<w:t xml:space="preserve">'. Group 1 is "/" for an end tag, group 3 "/" for an empty element. */
export const XML_TAG_RE = /<(\/?)([A-Za-z_][\w:.-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/** A DTD or entity declaration at the head of an XML part (never written by Word; refused against entity bombs). */
export const XML_DTD_RE = /<!DOCTYPE|<!ENTITY/i;

/** A superscript run that is a footnote number typed by hand: "1", " 2 ". */
export const DIGITS_ONLY_RE = /^\s*\d+\s*$/;

/** C0 control characters other than tab, line feed, vertical tab, form feed, carriage return. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHAR_RE = /[\x00-\x08\x0e-\x1f]/;

// ── PDF lines and cells ───────────────────────────────────────────────────────────────────────

/** A run that is only a list label, printed apart from its text: "a)", "đ)", "1.", "2)", "IV.". */
export const LABEL_RUN_RE = /^(?:[a-zđ]\)|\d{1,2}[.)]|[IVX]+\.)$/u;

/** A run of superscript digits (a footnote mark set in its own run): "¹", "¹²". */
export const SUPERSCRIPT_MARK_RE = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u;

/** A line ending in a word broken at its hyphen: "476/VPCP-", "130/2005/NĐ-" (not "kinh tế -"). */
export const HYPHEN_BREAK_RE = /\S-$/u;

/** The first token of a cell line, to mend a token a narrow column broke: "u 50" after "thiể", "g xuyên" after "Thườn". */
export const FIRST_TOKEN_RE = /^(\S+)/u;
/** A cell line that is one token (a narrow column breaks only tokens that start their line): "Thườn", "15/01/", "T12/2". */
export const SINGLE_TOKEN_RE = /^\S+$/u;
/** Letters only: "thiể", "Thườn", "THÀN". */
export const LETTERS_RE = /^\p{L}+$/u;
/** The letters a continuation line starts with: "u" in "u 50", "g" in "g xuyên", "H". */
export const LEADING_LETTERS_RE = /^\p{L}+/u;
/** A piece of a number, date or symbol number broken by a narrow column: "202", "100", "15/01/", "3,6,9,", "12/20", "T12/2". */
export const NUMBER_PIECE_RE = /^\p{L}{0,2}\d[\d/.,:-]*$/u;
/** A number piece ending in a digit, which a carried "%" may follow: "100". */
export const TRAILING_DIGIT_RE = /\d$/;
/** What goes on a broken number: "5" (202|5), "2023" (15/01/|2023), "023" (T12/2|023). */
export const LEADING_DIGIT_RE = /^\d/;
/** A percent sign carried to the next cell line: "%" after "100" (003 Sở GDĐT appendix). */
export const PERCENT_START_RE = /^%/u;
/** One capital ("S") continued by one to three capitals ("TT"): a header word broken letter by letter. */
export const CAPITAL_RE = /^\p{Lu}$/u;
export const CAPITALS_RE = /^\p{Lu}{1,3}$/u;

/** Capital and small letters, to tell a line in capitals ("VÀ CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG NĂM 2023")
 * from one in sentence case ("Trong năm 2023, công tác …"). */
export const UPPER_LETTER_RE = /\p{Lu}/u;
export const LOWER_LETTER_RE = /\p{Ll}/u;

/** Toneless vowel pairs that cannot end a syllable: "thiê" (thiểu), "tuô" (tuổi), "ngươ" (người), "yê" (yêu). */
export const OPEN_DIPHTHONG_RE = /(?:iê|yê|uô|ươ)$/u;

/** Tone marks (NFD combining): grave, acute, tilde, hook above, dot below. */
export const TONE_MARK_RE = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Any character outside ASCII: "ế" in "Quyết". */
export const NON_ASCII_RE = /[^\x00-\x7f]/;
