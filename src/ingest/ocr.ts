/**
 * Scans read by OCR. The engine is a strategy passed in by the caller (the Node edge runs Debian's
 * `tesseract` program, src/node/ocr.ts; the web view runs tesseract.js in its worker): this module
 * only says what an engine gives back — words with their boxes and confidence, page by page, in
 * the engine's reading order — and turns them into the text the structure parser reads (see
 * `ocrText`).
 */
import type { Warning } from '../types.js';
import { IngestError } from './errors.js';
import { mendRowNumbers, mendTableLabels, tidyCell } from './ocr-layout-cells.js';
import { mendLetterNumbers, mendPartNumerals } from './ocr-layout-parts.js';
import { mendLines } from './ocr-lines.js';
import { continuesTitle, layoutPage } from './ocr-layout.js';
import { mendHeaderRows, mendRomanCells, mendRomanHeadings, repairCell, repairLine } from './ocr-repair.js';

/** When a scan is read by OCR: `auto` when a PDF has no usable text layer and for page images, `force` always, `off` never. */
export type OcrMode = 'auto' | 'off' | 'force';

export const OCR_MODES: readonly OcrMode[] = ['auto', 'off', 'force'];

/**
 * Tesseract's page segmentation, for the command line's tesseract and the browser's tesseract.js:
 * 4, one column of text of variable sizes. The automatic analysis (3) took a table's narrow STT
 * column for noise and dropped its "I", "1." (the clause ids of every row under them); one column
 * keeps them, and the two-column header still comes out line by line.
 */
export const OCR_PAGE_SEGMENTATION = '4';

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
  /** Ruled lines found on the page image (table borders), in the same pixels as the words. */
  rules?: OcrRules;
}

/** The ruled lines of a page: horizontal ones at a height from left to right, vertical ones at an x from top to bottom. */
export interface OcrRules {
  horizontal: Array<{ y: number; left: number; right: number }>;
  vertical: Array<{ x: number; top: number; bottom: number }>;
  /** Short flat blots of ink (dashes, hyphens): a list bullet the engine dropped is put back from these. */
  dashes?: Array<{ left: number; top: number; width: number; height: number }>;
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
 * does for them. What is ours: the layout (ocr-layout.ts: paragraphs by geometry, page numbers
 * dropped, a ruled table's cells put back into tab-separated rows), the repair of what OCR
 * misreads in labels and numbers (ocr-repair.ts), of a table's narrow value and numbering cells
 * (ocr-layout-cells.ts) and of part and clause numbers read as letters (ocr-layout-parts.ts).
 */
export function ocrText(pages: OcrPage[]): string {
  const paragraphs: string[] = [];
  for (const page of pages) {
    layoutPage(page).forEach((block, i) => {
      const text = block.kind === 'row' ? block.cells.map((cell, column) => repairCell(tidyCell(cell, column), column)).join('\t') : block.lines.map(repairLine).join('\n');
      const prev = paragraphs[paragraphs.length - 1];
      // A title in capitals at the foot of a page and its "(Ban hành kèm theo …)" at the head of the next are one paragraph.
      if (i === 0 && block.kind === 'paragraph' && prev !== undefined && !prev.includes('\t') && continuesTitle(prev, text)) paragraphs[paragraphs.length - 1] = `${prev}\n${text}`;
      else paragraphs.push(text);
    });
  }
  mendLines(paragraphs);
  mendPartNumerals(paragraphs);
  mendLetterNumbers(paragraphs);
  mendRomanHeadings(paragraphs);
  mendTableLabels(paragraphs);
  mendRomanCells(paragraphs);
  mendHeaderRows(paragraphs);
  mendRowNumbers(paragraphs);
  return paragraphs.length === 0 ? '' : `${paragraphs.join('\n\n')}\n`;
}

/**
 * Tesseract's TSV (level, page, block, paragraph, line, word, left, top, width, height, conf, text)
 * → a page: what the `tesseract` program prints with `tsv` and tesseract.js returns with
 * `{ tsv: true }`, so both engines read their output the same way.
 */
export function parseTsv(tsv: string, page: number): OcrPage {
  const words: OcrWord[] = [];
  let width = 0;
  let height = 0;
  let weighted = 0;
  let letters = 0;
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] === 'level') continue;
    const [level, , block, par, line, , left, top, w, h, conf] = cells.map(Number) as number[];
    if (level === 1) {
      width = w!;
      height = h!;
      continue;
    }
    const text = cells.slice(11).join('\t').trim();
    if (level !== 5 || text === '') continue;
    const confidence = Math.max(0, conf!);
    words.push({ text: text.normalize('NFC'), left: left!, top: top!, width: w!, height: h!, confidence, line: `${block}.${par}.${line}` });
    weighted += confidence * text.length;
    letters += text.length;
  }
  return { page, width, height, confidence: letters > 0 ? weighted / letters : 0, words };
}
