/** The committed .docx/.pdf fixtures and the corpus .txt each was made from (test/fixtures/seeds.json). */
import { readFileSync } from 'node:fs';
import type { ParsedDocument } from '../../src/types.js';

export const SEED_FIXTURES: Array<{ fixture: string; seed: string }> = Object.entries(
  JSON.parse(readFileSync('test/fixtures/seeds.json', 'utf8')) as Record<string, string>,
).map(([name, seed]) => ({ fixture: name, seed }));

export const fixtureBytes = (file: string) => new Uint8Array(readFileSync(`test/fixtures/${file}`));


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
