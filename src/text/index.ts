/** Text primitives every stage shares: Vietnamese letters and tones, our tokenizer, comparison folding, offset-mapped text, similarity. */
export { tokenize, normalizeTones, stripDiacritics, type Token } from './vietnamese.js';
export { comparisonForm, makeFolder } from './fold.js';
export { abbreviationsFor, GLOSSARY } from './abbreviations.js';
export { textSimilarity, type Similarity } from './similarity.js';
