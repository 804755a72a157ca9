/**
 * XML parts of an OOXML package, read with htmlparser2 in XML mode into a light DOM (domhandler):
 * the same parser in Node and in the browser, several times faster and smaller than a DOMParser
 * on a large document.xml. Helpers match element and attribute names by local name, so the "w:"
 * prefix (or Strict OOXML's other namespace) does not matter. No helper recurses: the input
 * controls the depth, and a pre-scan refuses nesting deeper than Word ever writes.
 */
import { DomHandler, type Document, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';
import { IngestError } from './errors.js';
import { XML_DTD_RE, XML_TAG_RE } from './patterns.js';

export type { Document as XmlDocument, Element as XmlElement } from 'domhandler';

/** Element nesting deeper than this is refused (Word writes a few dozen levels at most). */
export const MAX_XML_DEPTH = 2000;

const UTF8 = new TextDecoder('utf-8');

/** Parses one XML part; a broken part, one with a DTD (entity bombs) or one nested absurdly deep is a corrupt file. */
export function parseXml(bytes: Uint8Array, part: string): Document {
  const source = UTF8.decode(bytes);
  if (XML_DTD_RE.test(source.slice(0, 4096))) {
    throw new IngestError('corrupt', `has a DTD in ${part}, which Word never writes; refusing to expand it`);
  }
  const nesting = nestingOf(source);
  if (nesting.deepest > MAX_XML_DEPTH) {
    throw new IngestError('limits', `nests XML elements more than ${MAX_XML_DEPTH} deep in ${part} (Word never does); refusing it`);
  }
  if (!nesting.balanced) throw new IngestError('corrupt', `has broken XML in ${part} (start and end tags do not match)`);
  const handler = new DomHandler();
  new Parser(handler, { xmlMode: true, decodeEntities: true }).end(source);
  if (!documentElement(handler.root)) throw new IngestError('corrupt', `has broken XML in ${part} (no root element)`);
  return handler.root;
}

/** The deepest element nesting of an XML source and whether its tags balance, by a linear scan of its tags. */
export function nestingOf(source: string): { deepest: number; balanced: boolean } {
  let depth = 0;
  let deepest = 0;
  let balanced = true;
  XML_TAG_RE.lastIndex = 0;
  for (let m = XML_TAG_RE.exec(source); m; m = XML_TAG_RE.exec(source)) {
    if (m[1] === '/') {
      depth -= 1;
      if (depth < 0) balanced = false;
    } else if (m[3] !== '/') {
      depth += 1;
      if (depth > deepest) deepest = depth;
    }
  }
  return { deepest, balanced: balanced && depth === 0 };
}

/** The root element of a parsed part. */
export function documentElement(doc: Document | null | undefined): Element | null {
  if (!doc) return null;
  for (const n of doc.children) if (n.type === 'tag') return n as Element;
  return null;
}

/** "w:p" → "p". */
export function localName(el: Element): string {
  const colon = el.name.indexOf(':');
  return colon < 0 ? el.name : el.name.slice(colon + 1);
}

/** Child elements, in order. */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (const n of el.children) if (n.type === 'tag') out.push(n as Element);
  return out;
}

/** The first child element with this local name. */
export function child(el: Element | null | undefined, name: string): Element | null {
  if (!el) return null;
  for (const n of el.children) if (n.type === 'tag' && localName(n as Element) === name) return n as Element;
  return null;
}

/** Every child element with this local name. */
export function children(el: Element | null | undefined, name: string): Element[] {
  if (!el) return [];
  return childElements(el).filter((c) => localName(c) === name);
}

/** Follows a path of child local names: `path(tc, 'tcPr', 'gridSpan')`. */
export function path(el: Element | null | undefined, ...names: string[]): Element | null {
  let at: Element | null | undefined = el;
  for (const name of names) at = child(at, name);
  return at ?? null;
}

/** An attribute by local name ("val" finds w:val), or null. */
export function attr(el: Element | null | undefined, name: string): string | null {
  if (!el) return null;
  const attribs = el.attribs;
  if (name in attribs) return attribs[name]!;
  for (const key in attribs) {
    const colon = key.indexOf(':');
    if (colon >= 0 && key.slice(colon + 1) === name) return attribs[key]!;
  }
  return null;
}

/** An OOXML on/off property: present with no val, or val "1"/"true"/"on", is on. */
export function isOn(el: Element | null | undefined): boolean {
  if (!el) return false;
  const val = attr(el, 'val');
  return val === null || val === '1' || val === 'true' || val === 'on';
}

/** Every descendant element with this local name, in document order, not deeper than `maxDepth`. */
export function descendants(el: Element, name: string, maxDepth = 64): Element[] {
  const out: Element[] = [];
  const stack: Array<[Element, number]> = [[el, 0]];
  while (stack.length > 0) {
    const [at, depth] = stack.pop()!;
    if (depth > 0 && localName(at) === name) out.push(at);
    if (depth >= maxDepth) continue;
    const kids = childElements(at);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, depth + 1]);
  }
  return out;
}

/** All the text inside an element (text and CDATA), in document order, without recursion. */
export function textOf(el: Element): string {
  let out = '';
  const stack: Array<Element['children'][number]> = [...el.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') out += (n as { data: string }).data;
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}
