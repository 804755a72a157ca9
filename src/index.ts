/**
 * plandiff's public API: a map of the pipeline. Isomorphic — runs in Node and in the browser.
 *
 *   text ─ normalize ─ paragraphs ─ structure (+ tables) ─ meta ─┬─ citations
 *                                                                ├─ targets
 *                                                                └─ ParsedDocument
 *   ParsedDocument × 2 ─ align + diff + target-compare ─ Comparison ─ fidelity
 *   ParsedDocument × N ─ reuse + lineage ─ LineageGraph ─ graph-formats / graph-elements
 */
export type * from './types.js';

// reading one plan
export { parseDocument, passagesOf, PARSE_DEFAULTS, type ParseOptions, type ParseStrategies } from './parse.js';
export { normalize, stripMarks } from './normalize.js';
export { structure } from './structure.js';
export { readMeta } from './meta.js';
export { extractCitations, readReference, citationKey } from './citations.js';
export { extractTargets } from './targets.js';
export { comparisonForm, makeFolder } from './fold.js';
export { abbreviationsFor, GLOSSARY } from './abbreviations.js';
export { tokenize, normalizeTones, stripDiacritics } from './vietnamese.js';

// comparing two plans
export { compareDocuments } from './compare.js';
export { alignClauses } from './align.js';
export { compareTargets, targetsToCsv } from './target-compare.js';
export { fidelity, fidelityMatrix } from './fidelity.js';

// a corpus of plans
export { buildLineage, LineageBuilder, lineageSummary, siblingGroups } from './lineage.js';
export { ReuseIndex } from './reuse.js';
export { toDot, toGraphML } from './graph-formats.js';
export { toElements } from './graph-elements.js';

// published JSON Schemas of the outputs
export { jsonSchema, parseSchema, compareSchema, lineageSchema } from './schema.js';
