/** Loads the bundled corpus for tests, parsing each plan once. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../src/read/parse.js';
import type { Clause, ParsedDocument } from '../src/types.js';

/** The five seed plans by a short name. */
export const SEEDS = {
  sct2024: 'khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt', // seed 000
  gddt2024: 'khanh-hoa/2024-so-gddt-cai-cach-tthc.txt', // seed 003
  ubnd2025: 'khanh-hoa/2025-ubnd-cai-cach-tthc.txt', // seed 004
  bacgiang2023: 'bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt', // seed 001
  gialai2021: 'gia-lai/2021-2025-so-cong-thuong-cai-cach-hanh-chinh.txt', // seed 002
} as const;
export type SeedName = keyof typeof SEEDS;

export function corpusPath(rel: string): string {
  return fileURLToPath(new URL(`../corpus/${rel}`, import.meta.url));
}

export function sharedPath(rel: string): string {
  return fileURLToPath(new URL(`../../shared/${rel}`, import.meta.url));
}

/**
 * True when ../shared (held-out documents, public answers, real files) sits beside the repository,
 * as in CI. Tests that read it are `describe.skipIf(!hasShared(...))`; test/setup/shared.ts prints
 * one line when they are skipped.
 */
export function hasShared(rel = ''): boolean {
  return existsSync(sharedPath(rel));
}

const texts = new Map<string, string>();
export function seedText(name: SeedName): string {
  const rel = SEEDS[name];
  if (!texts.has(rel)) texts.set(rel, readFileSync(corpusPath(rel), 'utf8'));
  return texts.get(rel)!;
}

const parsed = new Map<SeedName, ParsedDocument>();
export function seed(name: SeedName): ParsedDocument {
  if (!parsed.has(name)) parsed.set(name, parseDocument(seedText(name), { file: SEEDS[name] }));
  return parsed.get(name)!;
}

/** Every clause of a tree, depth first. */
export function allClauses(cs: Clause[]): Clause[] {
  return cs.flatMap((c) => [c, ...allClauses(c.children)]);
}

/** The clause with an id, or throws (so a test names what is missing). */
export function clause(doc: ParsedDocument, id: string): Clause {
  const c = allClauses(doc.clauses).find((x) => x.id === id);
  if (!c) throw new Error(`no clause ${id} in ${doc.file}`);
  return c;
}

/** An outline string of a subtree: "id kind: text…" per line, indented. */
export function outlineOf(cs: Clause[], depth = 0, width = 48): string {
  return cs
    .map((c) => `${'  '.repeat(depth)}${c.id} ${c.kind}: ${c.text.slice(0, width)}\n${outlineOf(c.children, depth + 1, width)}`)
    .join('');
}
