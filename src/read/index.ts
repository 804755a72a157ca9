/** Stage 1, reading one document: text → normalised text → paragraphs → clause tree (with tables) → meta; `parseDocument` runs it all and the extract stage. */
export { parseDocument, passagesOf, PARSE_DEFAULTS, type ParseOptions, type ParseStrategies } from './parse.js';
export { normalize, stripMarks, NORMALIZE_STEPS } from './normalize.js';
export { paragraphs, type Paragraph } from './paragraphs.js';
export { structure, type Structure } from './structure.js';
export { readMeta, readDate, splitNumberSymbol } from './meta.js';
