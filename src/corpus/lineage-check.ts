/**
 * A self-check of a lineage graph against the documents it was built from: every file on a node,
 * no document split into a file node and a cited-only node of the same number, no node holding
 * files of different identities (158/2018/NĐ-CP and 158/2025/NĐ-CP), no file without an identity,
 * and every citation of a document of the folder landing on that document's node.
 */
import type { LineageGraph, LineageNode } from '../types.js';
import type { LineageInput } from './lineage.js';
import { citedNodeId, planNodeId } from './lineage.js';
import { foldCode } from '../vocabulary/index.js';

/** What the check found; every list empty is a clean graph. */
export interface LineageCheck {
  /** Files of the input that no node carries. */
  missingFiles: string[];
  /** Files read without a number and symbol (their node is "file:…"). */
  unidentified: string[];
  /** A cited-only node with the number and symbol of a file's node: one document split in two. */
  splits: Array<{ file: string; fileNode: string; citedNode: string }>;
  /** A node carrying files whose own identities differ. */
  merges: Array<{ node: string; files: string[] }>;
  /** A citation of a document of the folder (same number, symbol and year) landing on another node. */
  strayCitations: Array<{ from: string; key: string; landed: string; expected: string }>;
}

/** The identity a split is judged on: number without leading zeros, folded symbol. */
function identity(number: string | null | undefined, symbol: string | null | undefined): string | null {
  if (!number || !symbol) return null;
  return `${String(Number.parseInt(number, 10))}|${foldCode(symbol.replace(/\s+/g, '')).toUpperCase()}`;
}

/** The province part of a node id ("QĐ-UBND/421/2024@Khánh Hòa" → Khánh Hòa), '' for national ones. */
function scopeOf(id: string): string {
  const at = id.lastIndexOf('@');
  return at >= 0 ? id.slice(at + 1) : '';
}

/** A node id with its numbers unpadded ("QĐ-UBND/030/2025" → "QĐ-UBND/30/2025"). */
function unpadded(id: string): string {
  return id.replace(/\/0+(?=\d)/gu, '/');
}

function fileIdentity(input: LineageInput): string | null {
  const m = input.doc.meta;
  const id = identity(m.number, m.symbol);
  return id ? `${id}|${m.year ?? ''}` : null;
}

/** Checks `graph`, built from `inputs`. */
export function checkLineage(inputs: readonly LineageInput[], graph: LineageGraph): LineageCheck {
  const out: LineageCheck = { missingFiles: [], unidentified: [], splits: [], merges: [], strayCitations: [] };
  const carried = new Map<string, LineageNode>();
  for (const n of graph.nodes) for (const f of n.files ?? (n.file ? [n.file] : [])) carried.set(f, n);
  const byInput = new Map(inputs.map((i) => [i.file, i]));
  // files and merges
  for (const input of inputs) {
    const node = carried.get(input.file);
    if (!node) out.missingFiles.push(input.file);
    if (!identity(input.doc.meta.number, input.doc.meta.symbol)) out.unidentified.push(input.file);
  }
  for (const n of graph.nodes) {
    const files = n.files ?? (n.file ? [n.file] : []);
    const ids = new Set(files.map((f) => byInput.get(f)).filter((i): i is LineageInput => i !== undefined).map(fileIdentity));
    if (ids.size > 1) out.merges.push({ node: n.id, files });
  }
  // splits: a cited-only node with a file node's number and symbol, same year or one unknown
  const fileNodes = new Map<string, LineageNode[]>();
  for (const n of graph.nodes) {
    const id = n.file !== undefined ? identity(n.number, n.symbol) : null;
    if (id) fileNodes.set(id, [...(fileNodes.get(id) ?? []), n]);
  }
  for (const n of graph.nodes) {
    if (n.file !== undefined) continue;
    const id = identity(n.number, n.symbol);
    // the same number of another province is another document (each province numbers its own)
    const same = id ? (fileNodes.get(id) ?? []).filter((f) => (f.year === null || n.year === null || f.year === n.year) && scopeOf(f.id) === scopeOf(n.id)) : [];
    for (const f of same) out.splits.push({ file: f.file!, fileNode: f.id, citedNode: n.id });
  }
  // citations of a document of the folder land on its node
  const nodeOfFile = new Map<string, string>();
  for (const input of inputs) nodeOfFile.set(fileIdentity(input) ?? `file:${input.file}`, carried.get(input.file)?.id ?? planNodeId(input.file, input.doc.meta));
  for (const input of inputs) {
    for (const c of input.doc.citations ?? []) {
      const id = identity(c.number, c.symbol);
      const expected = id ? nodeOfFile.get(`${id}|${c.year ?? ''}`) : undefined;
      if (!expected) continue;
      const written = citedNodeId(c, input.doc.meta);
      const landed = graph.nodes.some((n) => n.id === written) ? written : (graph.nodes.find((n) => unpadded(n.id) === unpadded(written))?.id ?? written);
      const from = carried.get(input.file)?.id ?? input.file;
      if (landed !== expected && from !== expected && scopeOf(landed) === scopeOf(expected)) out.strayCitations.push({ from: input.file, key: c.key, landed, expected });
    }
  }
  return out;
}

/** The check as lines of text: one count line, then every finding. */
export function lineageCheckLines(check: LineageCheck): string[] {
  const lines = [
    `missing files ${check.missingFiles.length}, unidentified files ${check.unidentified.length}, splits ${check.splits.length}, wrong merges ${check.merges.length}, stray citations ${check.strayCitations.length}`,
  ];
  for (const f of check.missingFiles) lines.push(`  missing: ${f}`);
  for (const f of check.unidentified) lines.push(`  unidentified: ${f}`);
  for (const s of check.splits) lines.push(`  split: ${s.file} is ${s.fileNode}, also cited as ${s.citedNode}`);
  for (const m of check.merges) lines.push(`  merged: ${m.node} carries ${m.files.join(', ')}`);
  for (const c of check.strayCitations) lines.push(`  stray: ${c.from} cites ${c.key} on ${c.landed}, not ${c.expected}`);
  return lines;
}
