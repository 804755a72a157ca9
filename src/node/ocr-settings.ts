/**
 * How the command line reads scans (`--ocr`, `--ocr-timeout`, where progress lines go): the
 * settings of this process, in a small module of their own so that every command can set and
 * check them without loading the OCR engine (ocr.ts), which reads them when a scan is read.
 */
import type { OcrMode } from '../ingest/ocr.js';

/** Time limit of OCR for one document, in milliseconds, when `--ocr-timeout` does not say. */
export const OCR_TIME_LIMIT_MS = 10 * 60_000;

/** The OCR modes (ingest/ocr.ts's OCR_MODES), as a record the compiler checks against OcrMode. */
const MODES: Record<OcrMode, true> = { auto: true, off: true, force: true };

/** Where OCR progress lines go: stderr, or the outputs of one run of the command line. */
export interface ProgressOutput {
  write(line: string): unknown;
  isTTY?: boolean;
}

/** How the command line reads scans: set for each run from `--ocr`, `--ocr-timeout` (see src/cli/program.ts). */
export const ocrSettings: { mode: OcrMode; timeMs: number; output: ProgressOutput } = { mode: 'auto', timeMs: OCR_TIME_LIMIT_MS, output: process.stderr };

/**
 * Sets the OCR mode and time limit (seconds) of this process, and where its progress lines go
 * (`progress`, default stderr; none with `--quiet`, runSettings.quiet); throws a one-line Error for bad values.
 */
export function configureOcr(options: { ocr?: string; ocrTimeout?: string; progress?: ProgressOutput }): void {
  if (options.progress !== undefined) ocrSettings.output = options.progress;
  if (options.ocr !== undefined) {
    if (!Object.hasOwn(MODES, options.ocr)) throw new Error(`--ocr: expected auto, off or force, got "${options.ocr}"`);
    ocrSettings.mode = options.ocr as OcrMode;
  }
  if (options.ocrTimeout !== undefined) {
    const seconds = Number(options.ocrTimeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`--ocr-timeout: expected a number of seconds, got "${options.ocrTimeout}"`);
    ocrSettings.timeMs = seconds * 1000;
  }
}
