/**
 * parseDocument: the whole reading of one plan — normalise, structure, meta, abbreviations,
 * comparison forms, then the extractors (citations, targets) over the passages.
 */
import { abbreviationsFor, findAbbreviations, GLOSSARY } from '../text/abbreviations.js';
import { citationContextOf, citationKeysIn, readCitations, type CitationReading } from '../extract/citations.js';
import { Deadline, PARSE_BUDGET_MS, TimeLimitError, type TimeLimitFailure } from '../text/deadline.js';
import { makeFolder } from '../text/fold.js';
import { spanOf, type MappedText } from '../text/mapped-text.js';
import { laysDownRules, readMeta } from './meta.js';
import { normalize } from './normalize.js';
import { structure, type Node, type Structure } from './structure.js';
import { extractTargets, type TargetContext } from '../extract/targets.js';
import type { Block, Citation, Clause, DocumentMeta, ParsedDocument, Passage, Target } from '../types.js';

/** The extractors run over a document's passages; swap them in tests and benchmarks. */
export interface ParseStrategies {
  /** The citations, or the citations with the reading's warnings (they join `meta.warnings`). */
  citations: (passages: Passage[], meta: DocumentMeta) => Citation[] | CitationReading;
  targets: (passages: Passage[], context: TargetContext) => Target[];
}

export const PARSE_DEFAULTS: ParseStrategies = {
  citations: (passages, meta) => readCitations(passages, citationContextOf(meta)),
  targets: extractTargets,
};

export interface ParseOptions {
  /** File path as given (reported in the output). */
  file?: string | null;
  /** How the bytes were decoded (reported in meta.encoding). */
  encoding?: string;
  /** Extractors to use. */
  strategies?: Partial<ParseStrategies>;
  /** The time budget, checked inside paragraphs, structure and targets (default: PARSE_BUDGET_MS from now). */
  deadline?: Deadline;
}

/** What a label looks like when printed before its clause's text in a heading path. */
export function labelPrefix(c: { kind: string; label: string | null }): string {
  if (!c.label) return '';
  if (c.kind === 'point') return `${c.label}) `;
  if (c.kind === 'bullet') return `${c.label} `;
  return `${c.label}. `;
}

function toClause(n: Node, fold: (t: string) => string): Clause {
  const c: Clause = {
    id: n.id,
    label: n.label,
    kind: n.kind,
    text: n.m.text,
    norm: fold(n.m.text),
    span: spanOf(n.m),
    zone: n.zone,
    children: n.children.map((k) => toClause(k, fold)),
  };
  if (n.cells) c.cells = n.cells;
  return c;
}

function toBlock(b: Block & { m: MappedText }): Block {
  const { m: _m, ...rest } = b;
  void _m;
  return rest;
}

/** Passages of every clause and of the blocks extractors read (preamble, annex lines, footnotes). */
export function passagesOf(st: Structure): Passage[] {
  const out: Passage[] = [];
  const walk = (nodes: Node[], headings: string[]): void => {
    for (const n of nodes) {
      out.push({ clauseId: n.id, zone: n.zone, role: n.kind, text: n.m.text, offsets: n.m.offsets, cells: n.cells, headings });
      if (n.children.length) walk(n.children, [...headings, `${labelPrefix(n)}${n.m.text}`]);
    }
  };
  for (const b of st.header) if (b.role === 'annex' || b.role === 'subject' || b.role === 'type') out.push(blockPassage(b));
  for (const b of st.preamble) out.push(blockPassage(b));
  walk(st.clauses, []);
  for (const b of st.footnotes) out.push(blockPassage(b));
  return out;
}

function blockPassage(b: Block & { m: MappedText }): Passage {
  return { clauseId: b.id, zone: b.zone, role: b.role, text: b.m.text, offsets: b.m.offsets, headings: [] };
}

/** The abbreviations a document defines, plus the glossary entries it uses. */
function usedAbbreviations(text: string): Record<string, string> {
  const all = abbreviationsFor(text);
  const used = new Set(findAbbreviations(text, Object.keys(GLOSSARY)));
  return Object.fromEntries(Object.entries(all).filter(([k]) => !(k in GLOSSARY) || used.has(k)));
}

/** The error of a spent parse budget: one line, naming the file when it is known. */
function parseTimeLimit(file: string | null): TimeLimitFailure {
  return (ms, what) => new TimeLimitError(`${file ? `${file}: ` : ''}took longer than ${ms} ms while ${what}; stopped`);
}

/** Reads one document's text into its clause tree, meta, citations and targets. */
export function parseDocument(text: string, options: ParseOptions = {}): ParsedDocument {
  const strategies = { ...PARSE_DEFAULTS, ...options.strategies };
  const deadline = options.deadline ?? new Deadline(PARSE_BUDGET_MS, parseTimeLimit(options.file ?? null));
  const clean = normalize(text);
  const st = structure(clean, deadline);
  const meta = readMeta(st);
  meta.encoding = options.encoding ?? meta.encoding;
  meta.warnings.push(...st.warnings);
  const abbreviations = usedAbbreviations(clean.text);
  const fold = makeFolder(abbreviations);
  const passages = passagesOf(st);
  const reading = strategies.citations(passages, meta);
  const cited = Array.isArray(reading) ? reading : reading.citations;
  // Citation-level warnings (a date that contradicts the number's year, a garbled number) carry spans.
  if (!Array.isArray(reading)) meta.warnings.push(...reading.warnings);
  const citations = cited.filter((c) => c.number !== null);
  deadline.check('reading citations');
  const targets = strategies.targets(passages, {
    deadline,
    year: meta.year,
    fold,
    rules: laysDownRules(meta),
    citationKeys: (t: string) => citationKeysIn(t, cited),
  });
  return {
    file: options.file ?? null,
    meta,
    clauses: st.clauses.map((n) => toClause(n, fold)),
    header: st.header.map(toBlock),
    preamble: st.preamble.map(toBlock),
    closing: st.closing.map(toBlock),
    footnotes: st.footnotes.map(toBlock),
    abbreviations,
    citations,
    titledCitations: cited.filter((c) => c.number === null),
    targets,
  };
}
