/**
 * What every real file read through `plandiff parse --json` must give: its own identity and a clause
 * tree (a single scanned page may hold only the heading and the preamble: `minClauses` 0).
 */
import { expect } from 'vitest';
import type { Clause, ParsedDocument } from '../../src/types.js';
import { runCli } from '../cli-run.js';

const count = (cs: Clause[]): number => cs.reduce((n, c) => n + 1 + count(c.children), 0);

export async function expectReadWithIdentity(path: string, minClauses = 3): Promise<ParsedDocument> {
  const { code, stdout, stderr } = await runCli(['parse', path, '--json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const doc = JSON.parse(stdout) as ParsedDocument;
  expect(count(doc.clauses)).toBeGreaterThanOrEqual(minClauses);
  expect(doc.meta.number).toMatch(/^\d+$/);
  expect(doc.meta.symbol).toBeTruthy();
  expect(doc.meta.year).toBeGreaterThan(1990);
  return doc;
}
