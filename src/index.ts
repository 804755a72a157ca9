/**
 * plandiff's public API: a map of the pipeline. Isomorphic — runs in Node and in the browser.
 *
 *   bytes ─ ingest ─ text
 *   text ─ read (normalize ─ paragraphs ─ structure + tables ─ meta) ─ extract (citations, targets) ─ ParsedDocument
 *   ParsedDocument × 2 ─ compare (align + diff + target-compare) ─ Comparison ─ fidelity
 *   ParsedDocument × N ─ corpus (reuse + lineage) ─ LineageGraph ─ graph-formats / graph-elements
 *
 * Each stage is a folder of `src/` with an `index.ts`; this file only re-exports them.
 */
export type * from './types.js';

export { ingest, IngestError, isIngestError, sniffFormat, decodeText, DEFAULT_LIMITS, OCR_MODES, type IngestOptions, type IngestResult, type IngestLimits, type IngestErrorCode, type TextEncoding, type InputFormat, type OcrMode, type OcrOptions, type OcrReport, type LegacyWordReading } from './ingest/index.js';
export * from './read/index.js';
export * from './extract/index.js';
export * from './compare/index.js';
export * from './corpus/index.js';
export * from './text/index.js';

// published JSON Schemas of the outputs
export { jsonSchema, parseSchema, compareSchema, lineageSchema } from './schema.js';
