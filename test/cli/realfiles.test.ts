/**
 * Real published files (../shared/realfiles: Word .docx and legacy .doc, text PDFs; never copied
 * here) through the built binary: each is read with exit 0 and nothing on stderr, into a clause tree
 * and the document's own identity. Skipped, with a visible reason, when ../shared is absent.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Clause, ParsedDocument } from '../../src/types.js';
import { sharedPath } from '../corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { plandiff: string } }).bin.plandiff);
const DIR = sharedPath('realfiles');
const FILES = existsSync(DIR) ? readdirSync(DIR).filter((f) => /^(doc|docx|pdf)-\d+\.(docx?|pdf)$/.test(f)).sort() : [];

const count = (cs: Clause[]): number => cs.reduce((n, c) => n + 1 + count(c.children), 0);

describe.skipIf(FILES.length === 0)('real published .doc, .docx and text .pdf files through plandiff parse (needs ../shared/realfiles)', () => {
  test.each(FILES)('%s is read into clauses and its own number, symbol and year', async (name) => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [BIN, 'parse', join(DIR, name), '--json'], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, out, err) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: out, stderr: err }));
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as ParsedDocument;
    expect(count(doc.clauses)).toBeGreaterThanOrEqual(3);
    expect(doc.meta.number).toMatch(/^\d+$/);
    expect(doc.meta.symbol).toBeTruthy();
    expect(doc.meta.year).toBeGreaterThan(1990);
  });
});
