// The part of word-extractor 1.0.4 plandiff uses (the package ships no types).
declare module 'word-extractor' {
  interface WordDocument {
    /** The main text: paragraphs as lines, table cells ending in a tab. */
    getBody(): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordDocument>;
  }
}
