/** Stage 3, two documents side by side: clause alignment, word diff, target comparison, fidelity of a child to its parent. */
export { compareDocuments, COMPARE_DEFAULTS, type CompareOptions, type CompareRelation } from './compare.js';
export { alignClauses, ALIGN_DEFAULTS, type AlignOptions } from './align.js';
export { wordDiff, renderDiff, changeNature } from './diff.js';
export { compareTargets, targetsToCsv, toCsv, TARGET_COMPARE_DEFAULTS } from './target-compare.js';
export { fidelity, fidelityMatrix, FIDELITY_DEFAULTS, type FidelityReport, type FidelityMatrix, type Finding } from './fidelity.js';
