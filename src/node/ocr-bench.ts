/**
 * OCR accuracy and speed on synthetic scans of documents whose text we have: each typed PDF is
 * turned into an image-only scan (ocr-synth.ts: 200 dpi, skew, noise, a red seal), read back by
 * OCR, and the result parsed and compared with the parse of its .txt: the share of the .txt's
 * clause ids found, the document number, the share of its targets found with the same clause,
 * comparator, value and unit, and the character accuracy of the text.
 */
import { diffChars } from 'diff';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../ingest/index.js';
import { parseDocument } from '../read/parse.js';
import type { Clause, ParsedDocument } from '../types.js';
import { tesseractEngine } from './ocr.js';
import { syntheticScan } from './ocr-synth.js';

export interface OcrBenchRow {
  document: string;
  pages: number;
  /** Seconds of OCR per page, wall clock, both cores. */
  secondsPerPage: string;
  /** Share of the .txt's clause ids that the OCR text has. */
  clauseIds: string;
  /** The document number and symbol read right. */
  number: string;
  /** Share of the .txt's targets found with the same clause, comparator, value and unit. */
  targets: string;
  /** 1 − character edits / characters of the .txt (whitespace collapsed). */
  characters: string;
}

export interface OcrScore {
  clauseIds: number;
  number: boolean;
  targets: number;
  characters: number;
}

/** Compares the parse of an OCR text with the parse of the document's .txt. */
export function scoreOcr(ocrText: string, truthText: string): OcrScore {
  const ocr = parseDocument(ocrText, { file: null });
  const truth = parseDocument(truthText, { file: null });
  const ids = new Set(clauseIds(ocr.clauses));
  const want = clauseIds(truth.clauses);
  const have = targetKeys(ocr);
  let found = 0;
  for (const [key, count] of targetKeys(truth)) found += Math.min(count, have.get(key) ?? 0);
  const truthTargets = truth.targets.length;
  return {
    clauseIds: want.length === 0 ? 1 : want.filter((id) => ids.has(id)).length / want.length,
    number: ocr.meta.number === truth.meta.number && ocr.meta.symbol === truth.meta.symbol,
    targets: truthTargets === 0 ? 1 : found / truthTargets,
    characters: characterAccuracy(ocrText, truthText),
  };
}

function clauseIds(clauses: Clause[]): string[] {
  const out: string[] = [];
  const walk = (list: Clause[]) => {
    for (const c of list) {
      out.push(c.id);
      walk(c.children);
    }
  };
  walk(clauses);
  return out;
}

/** Targets as "clause|comparator value unit" keys, with their counts. */
function targetKeys(doc: ParsedDocument): Map<string, number> {
  const keys = new Map<string, number>();
  for (const t of doc.targets) {
    const key = `${t.clauseId}|${t.comparator}${t.value}${t.unit ?? ''}`;
    keys.set(key, (keys.get(key) ?? 0) + 1);
  }
  return keys;
}

const plain = (text: string) => text.normalize('NFC').replace(/\*\*|__|^#+\s/gm, '').replace(/\s+/g, ' ').trim();

/** 1 − edits / length, edits counted from a character diff (a replaced run counts once, as its longer side). */
export function characterAccuracy(ocrText: string, truthText: string): number {
  const a = plain(truthText);
  const b = plain(ocrText);
  let edits = 0;
  let removed = 0;
  let added = 0;
  for (const part of diffChars(a, b)) {
    if (part.removed) removed += part.value.length;
    else if (part.added) added += part.value.length;
    else {
      edits += Math.max(removed, added);
      removed = added = 0;
    }
  }
  edits += Math.max(removed, added);
  return a.length === 0 ? 1 : Math.max(0, 1 - edits / a.length);
}

/** Scans each document, reads it by OCR (no cache: timed cold) and scores it. */
export async function benchOcr(documents: Array<{ name: string; pdf: Uint8Array; truth: string }>): Promise<OcrBenchRow[]> {
  const engine = tesseractEngine({ cacheDir: mkdtempSync(join(tmpdir(), 'plandiff-ocr-bench-')) });
  const rows: OcrBenchRow[] = [];
  for (const doc of documents) {
    const scan = syntheticScan(doc.pdf);
    const t0 = performance.now();
    const read = await ingest(scan, `${doc.name}.pdf`, undefined, { ocr: { engine } });
    const seconds = (performance.now() - t0) / 1000;
    const pages = read.ocr?.pages.length ?? 0;
    const score = scoreOcr(read.text, doc.truth);
    rows.push({
      document: doc.name,
      pages,
      secondsPerPage: (seconds / Math.max(pages, 1)).toFixed(2),
      clauseIds: `${(score.clauseIds * 100).toFixed(1)} %`,
      number: score.number ? 'yes' : 'no',
      targets: `${(score.targets * 100).toFixed(1)} %`,
      characters: `${(score.characters * 100).toFixed(2)} %`,
    });
  }
  return rows;
}
