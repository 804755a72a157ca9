/**
 * XML parts of an OOXML package read through a DOMParser: the browser's own when there is one,
 * @xmldom/xmldom in Node (loaded on first use, so the web bundle never needs it).
 * Helpers match element and attribute names by local name, so the "w:" prefix (or Strict
 * OOXML's other namespace) does not matter.
 */
import { IngestError } from './errors.js';
import { XML_DTD_RE } from './patterns.js';

interface XmlParser {
  parseFromString(source: string, mimeType: string): Document;
}

let nodeParser: Promise<XmlParser> | undefined;

async function getParser(): Promise<XmlParser> {
  const native = (globalThis as { DOMParser?: new () => XmlParser }).DOMParser;
  if (typeof native === 'function') return new native();
  nodeParser ??= import('@xmldom/xmldom').then(
    ({ DOMParser }) =>
      new DOMParser({
        // Warnings (e.g. an unbound prefix) are tolerated; errors stop the parse.
        onError: (level, message) => {
          if (level !== 'warning') throw new Error(message);
        },
      }) as unknown as XmlParser,
  );
  return nodeParser;
}

const UTF8 = new TextDecoder('utf-8');

/** Parses one XML part; a broken part or one with a DTD (entity bombs) is a corrupt file. */
export async function parseXml(bytes: Uint8Array, part: string): Promise<Document> {
  const source = UTF8.decode(bytes);
  if (XML_DTD_RE.test(source.slice(0, 4096))) {
    throw new IngestError('corrupt', `has a DTD in ${part}, which Word never writes; refusing to expand it`);
  }
  const parser = await getParser();
  let doc: Document;
  try {
    doc = parser.parseFromString(source, 'application/xml');
  } catch (err) {
    throw new IngestError('corrupt', `has broken XML in ${part} (${firstLine(err)})`);
  }
  const root = doc.documentElement;
  if (!root || root.localName === 'parsererror' || doc.getElementsByTagName('parsererror').length > 0) {
    throw new IngestError('corrupt', `has broken XML in ${part}`);
  }
  return doc;
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message.split('\n')[0] ?? '').slice(0, 120);
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Child elements, in order. */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) out.push(n as Element);
  return out;
}

/** The first child element with this local name. */
export function child(el: Element | null | undefined, name: string): Element | null {
  if (!el) return null;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE && (n as Element).localName === name) return n as Element;
  }
  return null;
}

/** Every child element with this local name. */
export function children(el: Element | null | undefined, name: string): Element[] {
  if (!el) return [];
  return childElements(el).filter((c) => c.localName === name);
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
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i]!;
    if ((a.localName ?? a.name) === name) return a.value;
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
    if (depth > 0 && at.localName === name) out.push(at);
    if (depth >= maxDepth) continue;
    const kids = childElements(at);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, depth + 1]);
  }
  return out;
}
