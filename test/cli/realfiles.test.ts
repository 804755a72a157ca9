/**
 * Real published files (../shared/realfiles: Word .docx and legacy .doc, text PDFs; never copied
 * here) through the built binary: each is read with exit 0 and nothing on stderr, into a clause tree
 * and the document's own identity. Skipped, with a visible reason, when ../shared is absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Clause, ParsedDocument } from '../../src/types.js';
import { runBinary } from '../binary.js';
import { sharedPath } from '../corpus.js';
const DIR = sharedPath('realfiles');
const FILES = existsSync(DIR) ? readdirSync(DIR).filter((f) => /^(doc|docx|pdf)-\d+\.(docx?|pdf)$/.test(f)).sort() : [];

const count = (cs: Clause[]): number => cs.reduce((n, c) => n + 1 + count(c.children), 0);

describe.skipIf(FILES.length === 0)('real published .doc, .docx and text .pdf files through plandiff parse (needs ../shared/realfiles)', () => {
  test.each(FILES)('%s is read into clauses and its own number, symbol and year', async (name) => {
    const { code, stdout, stderr } = await runBinary(['parse', join(DIR, name), '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as ParsedDocument;
    expect(count(doc.clauses)).toBeGreaterThanOrEqual(3);
    expect(doc.meta.number).toMatch(/^\d+$/);
    expect(doc.meta.symbol).toBeTruthy();
    expect(doc.meta.year).toBeGreaterThan(1990);
  });
});
