/**
 * .html → text. htmlparser2's tokenizer (in Node and in the browser alike, so both give the
 * same text; every HTML5 entity through `entities`), events rather than a DOM, laid out by
 * HtmlLayout (html-layout.ts): block elements end paragraphs, <br> breaks a line, list items get
 * visible labels, table rows become tab-separated lines, and script/style are dropped.
 */
import type { Warning } from '../types.js';
import { decodeText, type TextEncoding } from './decode.js';
import { Parser } from 'htmlparser2';
import { IngestError } from './errors.js';
import { HtmlLayout } from './html-layout.js';
import { DEFAULT_LIMITS, Deadline } from './limits.js';
import { HTML_CHARSET_RE, XML_TAG_RE as HTML_TAG_RE } from './patterns.js';

/** Elements an HTML page may nest before we refuse it: the parser's stack work grows with the depth
 * at every tag (a page of 200,000 unclosed <div> would take minutes); real pages nest a few dozen. */
export const MAX_HTML_DEPTH = 4000;

/** Elements never pushed on the stack (void), or closed by their next sibling (so unclosed ones do not nest). */
const FLAT_TAGS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'rb', 'rt', 'rp',
]);

/** How deep the elements of a page nest, by a linear scan of its tags (an estimate: it only guards the parser). */
export function htmlNesting(html: string): number {
  let depth = 0;
  let deepest = 0;
  HTML_TAG_RE.lastIndex = 0;
  for (let m = HTML_TAG_RE.exec(html); m; m = HTML_TAG_RE.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (FLAT_TAGS.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > deepest) deepest = depth;
  }
  return deepest;
}

/** Reads the charset an HTML file declares in its head (ASCII-compatible scan of the first 4 KB). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) head += String.fromCharCode(bytes[i]!);
  return HTML_CHARSET_RE.exec(head)?.[1];
}

export function readHtml(bytes: Uint8Array, deadline: Deadline): { text: string; encoding: TextEncoding; warnings: Warning[] } {
  const charset = declaredCharset(bytes);
  const decoded = decodeText(bytes, charset ? { declared: charset } : {});
  return { text: htmlToText(decoded.text, deadline), encoding: decoded.encoding, warnings: decoded.warnings };
}

/** What bounds the reading of one page. */
export interface HtmlBudget {
  /** The file's time budget. */
  deadline?: Deadline;
  /** Most characters the expanded tables may produce (rowspan repeats text; nested tables multiply it). */
  maxTextChars?: number;
}

/** HTML source → the parser's text. htmlparser2 tokenizes (and closes what HTML leaves implied); HtmlLayout lays out blocks. */
export function htmlToText(html: string, budget: Deadline | HtmlBudget = {}): string {
  const { deadline, maxTextChars = DEFAULT_LIMITS.maxTextChars } = budget instanceof Deadline ? { deadline: budget } : budget;
  if (htmlNesting(html) > MAX_HTML_DEPTH) {
    throw new IngestError('limits', `nests HTML elements more than ${MAX_HTML_DEPTH} deep (real pages nest a few dozen); refusing it`);
  }
  const layout = new HtmlLayout(maxTextChars);
  let events = 0;
  const parser = new Parser(
    {
      onopentag: (name, attrs) => {
        if (deadline && ++events % 4096 === 0) deadline.check('reading HTML');
        layout.open(name, attrs);
      },
      onclosetag: (name) => layout.close(name),
      ontext: (text) => layout.text(text),
      oncdatastart: () => undefined,
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.end(html);
  return layout.finish();
}
