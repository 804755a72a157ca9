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

export { ingest, IngestError, isIngestError, sniffFormat, type IngestOptions, type IngestResult } from './ingest/index.js';
export { parseDocument, passagesOf, PARSE_DEFAULTS, normalize, stripMarks, structure, readMeta, type ParseOptions, type ParseStrategies } from './read/index.js';
export { extractCitations, readReference, citationKey, extractTargets } from './extract/index.js';
export { compareDocuments, alignClauses, compareTargets, targetsToCsv, fidelity, fidelityMatrix } from './compare/index.js';
export { buildLineage, LineageBuilder, lineageSummary, siblingGroups, ReuseIndex, toDot, toGraphML, toElements } from './corpus/index.js';
export { comparisonForm, makeFolder, abbreviationsFor, GLOSSARY, tokenize, normalizeTones, stripDiacritics } from './text/index.js';

// published JSON Schemas of the outputs
export { jsonSchema, parseSchema, compareSchema, lineageSchema } from './schema.js';
