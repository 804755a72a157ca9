/** The committed .docx/.pdf fixtures and the corpus .txt each was made from (test/fixtures/seeds.json). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedDocument } from '../../src/types.js';

/** The repository (paths never depend on the working directory). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const SEED_FIXTURES: Array<{ fixture: string; seed: string }> = Object.entries(
  JSON.parse(readFileSync(join(ROOT, 'test/fixtures/seeds.json'), 'utf8')) as Record<string, string>,
).map(([name, seed]) => ({ fixture: name, seed: join(ROOT, seed) }));

export const fixtureBytes = (file: string) => new Uint8Array(readFileSync(join(ROOT, 'test/fixtures', file)));


/** Targets as readable lines: "clause value unit | metric". */
export const targetLines = (doc: ParsedDocument) => doc.targets.map((t) => `${t.comparator}${t.value}${t.unit ?? ''} | ${t.metricNorm}`).sort();

/** Citation keys, sorted. */
export const citationKeys = (doc: ParsedDocument) => doc.citations.map((c) => c.key).sort();

/** Non-blank lines with markdown bold removed, cells trimmed, trailing empty cells and rule lines dropped. */
export function contentLines(text: string): string[] {
  return text
    .replace(/\*\*/g, '')
    .split('\n')
    .map((l) => l.split('\t').map((c) => c.replace(/\s+/g, ' ').trim()).join('\t').replace(/\t+$/, ''))
    .filter((l) => l.trim() !== '' && !/^[-\t ]+$/.test(l))
    .sort();
}
