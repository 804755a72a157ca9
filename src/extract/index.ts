/** Stage 2, what a document commits to and cites: citations of other instruments, numeric targets. */
export { extractCitations, readReference, citationKey, parseDocNumber, issuerFromSymbol, CITATION_PATTERNS } from './citations.js';
export { extractTargets, TARGET_PATTERNS } from './targets.js';
