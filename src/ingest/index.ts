/**
 * The ingest stage: a file's bytes → the text the structure parser reads. Every command and the
 * browser upload go through `ingest()`. It sniffs the format from magic numbers (the name only
 * breaks ties), decodes text files (UTF-8/UTF-16/Windows-1258/TCVN3/VNI), and reads .docx, .pdf
 * and .html into paragraphs, visible list labels and tab-separated table rows.
 */
import type { Warning } from '../types.js';
import { decodeText } from './decode.js';
import type { DocxOptions } from './docx.js';
import { IngestError } from './errors.js';
import { readHtml } from './html.js';
import { DEFAULT_LIMITS, Deadline, formatBytes, type IngestLimits } from './limits.js';
import { readByOcr, type OcrOptions, type OcrReport } from './ocr.js';
import { extensionOf, imageKind, sniffFormat, type InputFormat } from './sniff.js';

export { IngestError, isIngestError, type IngestErrorCode } from './errors.js';
export { DEFAULT_LIMITS, Deadline, type IngestLimits } from './limits.js';
export { decodeText, type TextEncoding } from './decode.js';
export { htmlToText } from './html.js';
export { sniffFormat, type InputFormat } from './sniff.js';
export { OCR_MODES, ocrText, type OcrEngine, type OcrMode, type OcrOptions, type OcrPage, type OcrReport, type OcrRequest, type OcrRules, type OcrWord } from './ocr.js';

export interface IngestResult {
  /** The text the structure parser reads; spans are offsets into this string. */
  text: string;
  /** The format the bytes were read as. */
  format: InputFormat;
  /** How the text was decoded: "utf-8", "utf-8-bom", "utf-16le", "windows-1258", "tcvn3", "vni"; "utf-8" for .docx/.pdf. */
  encoding: string;
  /** Things worth knowing about the reading (legacy encoding, a name that lies, skipped content). */
  warnings: Warning[];
  /** Set when the text was read by OCR (then `encoding` is "ocr"): the engine and its confidence per page. */
  ocr?: OcrReport;
}

/**
 * What a reader of legacy Word 97–2003 files gives back: the same document as .docx bytes (the best
 * case: LibreOffice keeps Word's automatic numbering and tables), or its plain text.
 */
export type LegacyWordReading = { kind: 'docx'; bytes: Uint8Array; warnings: Warning[] } | { kind: 'text'; text: string; warnings: Warning[] };

export interface IngestOptions extends DocxOptions {
  /**
   * Reads a legacy .doc. The format needs a Node-side reader (LibreOffice or word-extractor, see
   * src/node/doc.ts); without one a .doc is refused with a message saying so.
   */
  legacyWord?: (bytes: Uint8Array) => Promise<LegacyWordReading>;
  /** Scans (a PDF without a usable text layer, a page image) are read by this OCR engine, in this mode. */
  ocr?: OcrOptions;
  /** The file's time budget, when the caller shares one between ingest and parse (default: `limits.timeMs` from now). */
  deadline?: Deadline;
}

/**
 * Reads one file. Throws IngestError with a one-line message (without the file name: the CLI
 * puts it in front) for files that cannot be read; odd but readable content gives warnings.
 */
export async function ingest(
  bytes: Uint8Array,
  name: string,
  limits: IngestLimits = DEFAULT_LIMITS,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const limit = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length > limit.maxBytes) {
    throw new IngestError('too-large', `is ${formatBytes(bytes.length)}, more than the ${formatBytes(limit.maxBytes)} limit`);
  }
  if (bytes.length === 0) throw new IngestError('empty', 'is empty (0 bytes)');
  const deadline = options.deadline ?? new Deadline(limit.timeMs);
  const { format, mismatch } = sniffFormat(bytes, name);
  const warnings: Warning[] = mismatch ? [{ code: 'format-mismatch', message: `The file is ${mismatch}.` }] : [];
  switch (format) {
    case 'docx': {
      const { readDocx } = await import('./docx.js'); // the .docx and .pdf readers load only when such a file comes
      const read = await readDocx(bytes, limit, deadline, options);
      return { text: read.text, format, encoding: 'utf-8', warnings: [...warnings, ...read.warnings] };
    }
    case 'doc': {
      if (!options.legacyWord) {
        throw new IngestError('unsupported', 'is a legacy Word .doc, which this reader cannot open here; the plandiff command reads it (or save it as .docx)');
      }
      const legacy = await options.legacyWord(bytes);
      if (legacy.kind === 'docx') {
        const { readDocx } = await import('./docx.js');
        // The conversion has its own time limit (LibreOffice's); the .docx it made gets a budget of its own.
        const read = await readDocx(legacy.bytes, limit, new Deadline(limit.timeMs), options);
        return { text: read.text, format, encoding: 'utf-8', warnings: [...warnings, ...legacy.warnings, ...read.warnings] };
      }
      if (legacy.text.trim() === '') throw new IngestError('empty', 'has no text (a .doc with no paragraphs)');
      return { text: legacy.text, format, encoding: 'utf-8', warnings: [...warnings, ...legacy.warnings] };
    }
    case 'pdf': {
      const mode = options.ocr?.mode ?? 'auto';
      if (mode !== 'force') {
        try {
          const { readPdf } = await import('./pdf.js');
          const read = await readPdf(bytes, limit, deadline);
          return { text: read.text, format, encoding: 'utf-8', warnings: [...warnings, ...read.warnings] };
        } catch (e) {
          if (!(e instanceof IngestError && e.code === 'scanned-pdf') || mode === 'off' || !options.ocr?.engine) throw e;
        }
      }
      const { pdfPageCount } = await import('./pdf.js');
      const count = await pdfPageCount(bytes);
      const max = Math.min(count, limit.maxPdfPages, options.ocr?.maxPages ?? Infinity);
      const pages = Array.from({ length: max }, (_, i) => i + 1);
      const read = await readByOcr({ kind: 'pdf', bytes, pages }, options.ocr ?? {});
      const cut: Warning[] = max < count ? [{ code: 'ocr-pages-skipped', message: `OCR read the first ${max} of ${count} pages only.` }] : [];
      return { text: read.text, format, encoding: 'ocr', warnings: [...warnings, ...read.warnings, ...cut], ocr: read.ocr };
    }
    case 'image': {
      // what the file is, for messages: "is a PNG image named .txt"
      const ext = extensionOf(name);
      const what = `is ${imageKind(bytes) ?? 'a page image'}${ext ? ` named .${ext}` : ''}`;
      if (options.ocr?.mode === 'off' || !options.ocr?.engine) {
        throw new IngestError('unsupported', `${what}: a page image needs OCR, which is ${options.ocr?.mode === 'off' ? 'off (--ocr off)' : 'not available here'}`);
      }
      let read;
      try {
        read = await readByOcr({ kind: 'image', bytes }, options.ocr);
      } catch (e) {
        if (e instanceof IngestError) throw new IngestError(e.code, `${what} that ${e.message}`);
        throw e;
      }
      return { text: read.text, format, encoding: 'ocr', warnings: [...warnings, ...read.warnings], ocr: read.ocr };
    }
    case 'html': {
      const read = readHtml(bytes, deadline);
      if (read.text.trim() === '') throw new IngestError('empty', 'has no text (an HTML page with only markup)');
      return { text: read.text, format, encoding: read.encoding, warnings: [...warnings, ...read.warnings] };
    }
    default: {
      const read = decodeText(bytes);
      return { text: read.text, format, encoding: read.encoding, warnings: [...warnings, ...read.warnings] };
    }
  }
}
