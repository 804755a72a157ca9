/** Text primitives every stage shares: Vietnamese letters and tones, our tokenizer, comparison folding, offset-mapped text, similarity. */
export { tokenize, words, normalizeTones, stripDiacritics, stripTone, placeTone, type Token } from './vietnamese.js';
export { comparisonForm, makeFolder } from './fold.js';
export { abbreviationsFor, findAbbreviations, findDefinitions, GLOSSARY } from './abbreviations.js';
export { MappedText, spanOf } from './mapped-text.js';
export { textSimilarity, charSimilarity, containment, profileSimilarity, profileContainment, type Similarity } from './similarity.js';
export { ShingleIndex, shinglesOf, SHINGLE_DEFAULTS, type ShingleOptions } from './shingles.js';
export { clip } from './clip.js';
