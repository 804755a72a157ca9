/**
 * Scans read by OCR. The engine is a strategy passed in by the caller (the Node edge runs Debian's
 * `tesseract` program, src/node/ocr.ts; the web view runs tesseract.js in its worker): this module
 * only says what an engine gives back — words with their boxes and confidence, page by page, in
 * the engine's reading order — and turns them into the text the structure parser reads (see
 * `ocrText`).
 */
import type { Warning } from '../types.js';
import { IngestError } from './errors.js';

/** When a scan is read by OCR: `auto` when a PDF has no usable text layer and for page images, `force` always, `off` never. */
export type OcrMode = 'auto' | 'off' | 'force';

export const OCR_MODES: readonly OcrMode[] = ['auto', 'off', 'force'];

/** One word the engine read, in image pixels (origin top left). */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** The engine's confidence in the word, 0–100. */
  confidence: number;
  /** The line the engine put the word on, unique within the page ("block.paragraph.line"). */
  line: string;
}

/** One page as the engine read it. */
export interface OcrPage {
  /** Page number, from 1. */
  page: number;
  /** Image size in pixels. */
  width: number;
  height: number;
  /** Mean word confidence of the page, 0–100 (weighted by word length). */
  confidence: number;
  words: OcrWord[];
}

/** What to read: a PDF's pages (by number, from 1) or one page image (.png, .jpg, .tif). */
export type OcrRequest = { kind: 'pdf'; bytes: Uint8Array; pages: number[] } | { kind: 'image'; bytes: Uint8Array };

/** An OCR engine: reads pages and reports each one as it is done. */
export interface OcrEngine {
  /** The engine and its language data, as reported in meta ("tesseract 5.3.0 (vie)"). */
  readonly name: string;
  /** Reads the pages; throws IngestError for a missing engine or language data, or when it runs out of time. */
  recognize(request: OcrRequest, onPage?: (page: OcrPage, done: number, total: number) => void): Promise<OcrPage[]>;
}

export interface OcrOptions {
  /** `auto` unless given. */
  mode?: OcrMode;
  /** The engine; without one a scan is refused with a message saying it needs OCR. */
  engine?: OcrEngine;
  /** Read only the first N pages of a scanned PDF (a quick look at a long scan; the identity is on page 1). */
  maxPages?: number;
  /** Called after each page. */
  onPage?: (page: OcrPage, done: number, total: number) => void;
}

/** What the ingest result says about OCR: the engine and its confidence on each page. */
export interface OcrReport {
  engine: string;
  pages: Array<{ page: number; confidence: number }>;
}

/** Layout of OCR words, in units of the text height unless said otherwise. */
export const OCR_LAYOUT = {
  /** Words below this confidence that are only punctuation or table rules ("|", "—") are noise. */
  noiseConfidence: 60,
  /** Words of one or two characters below this confidence are specks ("ø", "À`", "gò" over a seal). */
  speckConfidence: 45,
  /** A gap between two words wider than this many line heights separates two columns (table cells, header columns). */
  columnGap: 2.5,
};

/** Table rules and frame bits that OCR reads as characters. */
const RULE_RE = /^[|│¦!\[\]{}()_—–\-=~.,:;'"`°*]+$/u;
const EDGE_RULE_RE = /^[|│¦]+|[|│¦]+$/gu;
/** Dust read as an underscore stuck to a word ("_dụng", "_b)"). */
const LEADING_SPECK_RE = /^_+(?=\S)/u;
/** A list bullet as OCR reads it. */
const BULLET_RE = /^[-–—+•]$/u;
/**
 * The number line's "Số:" as OCR misreads its tone marks ("Sô:", "Luật sô:", "Só:"), at the start
 * of a line: the reading stage looks for "Số:".
 */
const NUMBER_WORD_RE = /^((?:Luật |Pháp lệnh |Nghị quyết )?)[Ss][ôóòồốo0]\s*:/u;
/** A heading in capitals under a label that looks like a Roman numeral as OCR reads it ("IL. MỤC TIÊU", "E1. MỤC ĐÍCH"). */
const ROMAN_HEADING_RE = /^([IVXLlE1|]{1,5})[.,:]\s+(?=[\p{Lu}\d][\p{Lu}\d ,;–-]{3})/u;
/** Marks OCR puts before a heading's label ("## II.", "##t 1V."). */
const HEADING_JUNK_RE = /^#{1,3}\S?\s+(?=[IVXLlE1|]{1,5}[.,:]\s)/u;
/** An appendix heading: Roman numbering starts again under it. */
const APPENDIX_RE = /^(?:PHỤ LỤC|Phụ lục)\b/u;
/** "2", "- 2 -", "Trang 2", "2/13". */
const PAGE_NUMBER_RE = /^(?:[-–—]\s*)?(?:trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*[-–—])?$/iu;

/** Reads a scan through the engine: the text, the OCR report and warnings for pages read badly. */
export async function readByOcr(request: OcrRequest, options: OcrOptions): Promise<{ text: string; ocr: OcrReport; warnings: Warning[] }> {
  const engine = options.engine;
  if (!engine) throw new IngestError('scanned-pdf', 'needs OCR, which is not available here');
  const pages = await engine.recognize(request, options.onPage);
  const text = ocrText(pages);
  if (text.trim() === '') throw new IngestError('empty', 'has no text that OCR could read (a blank or unreadable scan)');
  const warnings: Warning[] = [];
  const weak = pages.filter((p) => p.words.length > 0 && p.confidence < 60).map((p) => p.page);
  if (weak.length > 0) {
    warnings.push({ code: 'ocr-low-confidence', message: `OCR read page${weak.length > 1 ? 's' : ''} ${weak.join(', ')} with low confidence (under 60 %); check the text against the scan.` });
  }
  return { text, ocr: { engine: engine.name, pages: pages.map((p) => ({ page: p.page, confidence: Math.round(p.confidence * 10) / 10 })) }, warnings };
}

/**
 * The text of OCR'd pages. Tesseract's page analysis already orders blocks, paragraphs and lines
 * the way a reader goes; the text keeps its lines (one line a line, a blank line between
 * paragraphs), as the OCR'd plans of the corpus do, and the reading stage joins hard wraps as it
 * does for them. What is ours: page numbers in the top and bottom bands dropped, frame rules read
 * as "|" dropped, and a gap wider than a column gap written as a tab, so that a table row's cells
 * and the two header columns stay apart.
 */
export function ocrText(pages: OcrPage[]): string {
  const paragraphs: string[] = [];
  for (const page of pages) {
    for (const paragraph of pageParagraphs(page)) paragraphs.push(paragraph);
  }
  mendRomanHeadings(paragraphs);
  return paragraphs.length === 0 ? '' : `${paragraphs.join('\n\n')}\n`;
}

/** "I.", "II.", … "XX." */
const ROMANS = Array.from({ length: 20 }, (_, i) => toRoman(i + 1));

function toRoman(n: number): string {
  const digits: Array<[number, string]> = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, r] of digits) while (n >= v) (out += r), (n -= v);
  return out;
}

/**
 * Section headings numbered in Roman numerals ("I. MỤC TIÊU", "II. NHIỆM VỤ") are where OCR
 * errs most (a bold "I." read as "IL.", "L.", "E1.", "1."), and one misread label renumbers every
 * clause under it. A heading in capitals whose label is not the next numeral but looks like one
 * (I, L, l, 1, E, |, V, X) gets the next numeral; the count starts again at an appendix ("PHỤ LỤC").
 */
function mendRomanHeadings(paragraphs: string[]): void {
  let next = 1;
  paragraphs.forEach((paragraph, i) => {
    const lines = paragraph.split('\n');
    lines.forEach((raw, j) => {
      const line = raw.replace(HEADING_JUNK_RE, '');
      if (APPENDIX_RE.test(line)) next = 1;
      const m = ROMAN_HEADING_RE.exec(line);
      // "1. MỤC ĐÍCH" is a numbered heading, not a misread "I.".
      if (!m || !/[IVXLlE|]/u.test(m[1]!)) return;
      const at = ROMANS.indexOf(m[1]!);
      if (at >= 0 && at + 1 >= next) {
        next = at + 2;
        lines[j] = line;
        return;
      }
      if (next > ROMANS.length) return;
      lines[j] = `${ROMANS[next - 1]}.${line.slice(m[1]!.length + 1)}`;
      next += 1;
    });
    // A heading that ends the engine's paragraph stands apart from the text before it.
    paragraphs[i] = lines.map((l, j) => (j > 0 && ROMAN_HEADING_RE.test(l) && ROMANS.includes(ROMAN_HEADING_RE.exec(l)![1]!) ? `\n${l}` : l)).join('\n');
  });
}

/** One line of a page: its words left to right and its box. */
interface OcrLine {
  paragraph: string;
  words: OcrWord[];
  top: number;
  bottom: number;
  height: number;
}

function pageParagraphs(page: OcrPage): string[] {
  const lines = new Map<string, OcrLine>();
  for (const word of page.words) {
    const text = word.text.replace(EDGE_RULE_RE, '').replace(LEADING_SPECK_RE, '').trim();
    // A dash or plus that opens a line is a list bullet ("- Nâng cao …", "+ Tiếp tục …"), however unsure the engine is.
    const bullet = BULLET_RE.test(text) && !lines.has(word.line);
    if (text === '' || (!bullet && ((RULE_RE.test(text) && word.confidence < OCR_LAYOUT.noiseConfidence) || isSpeck(text, word.confidence)))) continue;
    const cleaned = { ...word, text };
    const line = lines.get(word.line);
    if (line) {
      line.words.push(cleaned);
      line.top = Math.min(line.top, word.top);
      line.bottom = Math.max(line.bottom, word.top + word.height);
    } else {
      lines.set(word.line, { paragraph: word.line.replace(/\.\d+$/, ''), words: [cleaned], top: word.top, bottom: word.top + word.height, height: 0 });
    }
  }
  const all = [...lines.values()];
  for (const line of all) {
    const heights = line.words.map((w) => w.height).sort((a, b) => a - b);
    line.height = heights[Math.floor(heights.length / 2)]!;
  }
  const typical = all.map((l) => l.height).sort((a, b) => a - b)[Math.floor(all.length / 2)] ?? 1;
  const out: string[] = [];
  let current: string | null = null;
  let key = '';
  for (const line of all) {
    if (isPageNumber(line, page)) continue;
    const text = lineText(line, typical).replace(NUMBER_WORD_RE, (_m, before: string) => `${before}${before === '' ? 'Số' : 'số'}:`);
    if (text === '') continue;
    if (current !== null && line.paragraph === key) {
      current = `${current}\n${text}`;
    } else {
      if (current !== null) out.push(current);
      current = text;
      key = line.paragraph;
    }
  }
  if (current !== null) out.push(current);
  return out;
}

/** Dust, stamp strokes and seal edges read as a word: no letter or digit at all, or one or two characters the engine barely believes. */
function isSpeck(text: string, confidence: number): boolean {
  if (!/[\p{L}\p{N}]/u.test(text)) return confidence < OCR_LAYOUT.noiseConfidence + 20 && !/^[-–•+*]$/u.test(text);
  return text.length <= 2 && confidence < OCR_LAYOUT.speckConfidence;
}

/**
 * A line's words with spaces; on a line that gaps wider than a column gap split into three cells or
 * more (a table row), those gaps are tabs. A line of two columns (the header block's "Số: …" and
 * "Hà Nội, ngày …") keeps a space, as a text layer gives it.
 */
function lineText(line: OcrLine, typical: number): string {
  const words = [...line.words].sort((a, b) => a.left - b.left);
  const wide = words.map((w, i) => i > 0 && w.left - (words[i - 1]!.left + words[i - 1]!.width) > typical * OCR_LAYOUT.columnGap);
  const cells = wide.filter(Boolean).length + 1;
  return words.map((w, i) => (i === 0 ? '' : wide[i] && cells >= 3 ? '\t' : ' ') + w.text).join('').trim();
}

/** A page number ("2", "- 2 -", "Trang 2") alone on a line in the top or bottom band of the page. */
function isPageNumber(line: OcrLine, page: OcrPage): boolean {
  const text = line.words.map((w) => w.text).join(' ');
  const inBand = line.bottom < page.height * 0.1 || line.top > page.height * 0.92;
  return inBand && PAGE_NUMBER_RE.test(text);
}
