/**
 * Issue 7: each .docx and .pdf fixture (test/fixtures, made from a seed plan by
 * test/fixtures/make-fixtures.ts) parses like the .txt it was made from — the same clause tree
 * (ids, kinds, labels and texts), the same targets and the same citations.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { parseDocument } from '../../src/read/parse.js';
import type { Clause } from '../../src/types.js';
import { SEED_FIXTURES, citationKeys, fixtureBytes, targetLines } from './seed-fixtures.js';

const CASES = SEED_FIXTURES.flatMap(({ fixture, seed }) => (['.docx', '.pdf'] as const).map((format) => ({ fixture, seed, format })));

/**
 * Whitespace folded: a run of blanks is one space, and a space after a word-final hyphen goes. A
 * line broken after "476/VPCP-" looks the same in a PDF whether or not a space followed the hyphen,
 * and 004 has both spellings ("476/VPCP- KSTT" eleven times, "476/VPCP-KSTT" once).
 */
const foldSpace = (text: string) => text.replace(/\s+/g, ' ').replace(/(\S-) /g, '$1').trim();

/** The clause tree, one line a clause: "id kind label | text". */
function clauseLines(clauses: Clause[], out: string[] = []): string[] {
  for (const c of clauses) {
    out.push(`${c.id} ${c.kind} ${c.label ?? ''} | ${foldSpace(c.text)}`);
    clauseLines(c.children, out);
  }
  return out;
}

describe('seed plans as .docx and .pdf parse like their .txt', () => {
  test.each(CASES)('the $format file of $fixture parses to the clause tree, targets and citations of its .txt', async ({ fixture, seed, format }) => {
    const fromTxt = parseDocument(readFileSync(seed, 'utf8'));
    const fromFile = parseDocument((await ingest(fixtureBytes(`${fixture}${format}`), `${fixture}${format}`)).text);
    expect(clauseLines(fromFile.clauses)).toEqual(clauseLines(fromTxt.clauses));
    expect(targetLines(fromFile)).toEqual(targetLines(fromTxt));
    expect(citationKeys(fromFile)).toEqual(citationKeys(fromTxt));
  });

  test('the comparison folds whitespace only: a different word or a lost clause still shows', () => {
    const lines = (text: string) => clauseLines(parseDocument(text).clauses);
    const seed = 'KẾ HOẠCH\n\nI. MỤC TIÊU\n\n1. Công văn số 476/VPCP-KSTT ngày 17/01/2025.\n\nThực hiện nghiêm việc cập nhật.\n';
    expect(lines(seed.replace('VPCP-KSTT', 'VPCP- KSTT').replace('Thực hiện', 'Thực  hiện'))).toEqual(lines(seed));
    expect(lines(seed.replace('17/01/2025', '17/01/ 2025'))).not.toEqual(lines(seed));
    expect(lines(seed.replace('.\n\nThực hiện', '. Thực hiện'))).not.toEqual(lines(seed));
  });
});
