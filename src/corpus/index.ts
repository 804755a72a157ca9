/** Stage 4, a folder of documents: the citation-lineage graph with text reuse, and its exports. */
export { buildLineage, LineageBuilder, lineageSummary, siblingGroups, LINEAGE_DEFAULTS, type LineageInput, type LineageOptions } from './lineage.js';
export { ReuseIndex, REUSE_DEFAULTS } from './reuse.js';
export { toDot, toGraphML } from './graph-formats.js';
export { toElements } from './graph-elements.js';
