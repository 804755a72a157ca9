/**
 * Issue 10: every input format through `plandiff parse` (the command line run in this process). Each seed plan
 * is written in every format we read — as a Word-style .docx with automatic outline numbering and
 * tables, that .docx re-saved by LibreOffice and turned by it into .pdf and legacy .doc, HTML,
 * markdown, and the text in UTF-16, Windows-1258, TCVN3 and VNI — and `plandiff parse FILE --json`
 * must give the clauses, targets and citations of the .txt. (pandoc's .docx: test/ingest, issue 11.)
 *
 * LibreOffice is a Debian package (`.ci/run` installs it); without it its rows are skipped with a
 * line saying so. Generated files are cached in the temp folder by content hash.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { encodeVni } from '../../src/ingest/vni.js';
import { parseDocument } from '../../src/read/parse.js';
import type { Clause, ParsedDocument } from '../../src/types.js';
import { encodeWindows1258 } from '../ingest/writers/legacy.js';
import { seedToDocx } from '../ingest/writers/seed-docx.js';
import { hasProgram } from '../binary.js';
import { runCli } from '../cli-run.js';
import { corpusPath, SEEDS, type SeedName } from '../corpus.js';
import { keptTmp } from '../tmp.js';

const HAS_SOFFICE = hasProgram('soffice');
if (!HAS_SOFFICE) process.stderr.write('formats.test: LibreOffice (soffice) not found: the LibreOffice .docx/.pdf/.doc rows are skipped (apt-get install libreoffice-writer)\n');

/** Two seeds: the province decision with its appendix target table, and a department plan. */
const PLANS: SeedName[] = ['ubnd2025', 'gddt2024'];

/** Where the generated files of one seed live (by hash of the seed and of this generator). */
function cacheDir(seed: SeedName): string {
  const hash = createHash('sha256').update(readFileSync(corpusPath(SEEDS[seed]))).update(readFileSync(fileURLToPath(import.meta.url))).update(readFileSync(fileURLToPath(new URL('../ingest/writers/seed-docx.ts', import.meta.url)))).digest('hex').slice(0, 16);
  const dir = keptTmp(`plandiff-formats-${seed}-${hash}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The .txt as simple HTML: paragraphs, and tab rows as a table. */
function toHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const out: string[] = ['<!doctype html><html><head><meta charset="utf-8"><title>plan</title></head><body>'];
  let rows: string[] = [];
  const flush = () => {
    if (rows.length) out.push(`<table>${rows.join('')}</table>`);
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      rows.push(`<tr>${line.split('\t').map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
      continue;
    }
    if (line.trim() === '') continue;
    flush();
    out.push(`<p>${esc(line)}</p>`);
  }
  flush();
  out.push('</body></html>');
  return out.join('\n');
}

function sofficeConvert(files: string[], to: string, outdir: string): void {
  const profile = keptTmp('plandiff-formats-lo-profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outdir, ...files], { stdio: 'ignore', timeout: 240_000 });
}

type Made = { file: string; label: string; needs?: 'soffice'; expected?: string };

/** The text without the characters TCVN3 and VNI cannot hold (superscript footnote marks). */
function legacyText(text: string): string {
  return text.replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]/gu, '');
}

/** Writes every format of one seed (once per content hash) and lists them. */
function makeFormats(seed: SeedName): Made[] {
  const dir = cacheDir(seed);
  const text = readFileSync(corpusPath(SEEDS[seed]), 'utf8');
  const at = (name: string) => join(dir, name);
  const write = (name: string, bytes: Uint8Array | string) => {
    if (!existsSync(at(name))) writeFileSync(at(name), bytes);
  };
  write('plan.txt', text);
  write('plan.md', text);
  write('plan.html', toHtml(text));
  write('word.docx', seedToDocx(text).docx);
  write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  write('windows1258.txt', encodeWindows1258(text));
  // The 8-bit encodings carry Vietnamese letters only: their rows compare with that text (no "¹").
  write('legacy.txt', legacyText(text));
  write('tcvn3.txt', new Uint8Array(iconv.encode(legacyText(text), 'tcvn')));
  write('vni.txt', encodeVni(legacyText(text)));
  if (HAS_SOFFICE) {
    mkdirSync(at('lo'), { recursive: true });
    if (!existsSync(join(dir, 'lo', 'word.docx'))) sofficeConvert([at('word.docx')], 'docx:MS Word 2007 XML', at('lo'));
    if (!existsSync(join(dir, 'word.pdf'))) sofficeConvert([at('word.docx')], 'pdf', dir);
    if (!existsSync(join(dir, 'word.doc'))) sofficeConvert([at('word.docx')], 'doc:MS Word 97', dir);
  }
  return [
    { file: at('plan.md'), label: '.md' },
    { file: at('plan.html'), label: '.html' },
    { file: at('word.docx'), label: '.docx (Word numbering and tables)' },
    { file: at('utf16.txt'), label: 'UTF-16 .txt' },
    { file: at('windows1258.txt'), label: 'Windows-1258 .txt' },
    { file: at('tcvn3.txt'), label: 'TCVN3 .txt', expected: at('legacy.txt') },
    { file: at('vni.txt'), label: 'VNI .txt', expected: at('legacy.txt') },
    { file: join(dir, 'lo', 'word.docx'), label: '.docx re-saved by LibreOffice', needs: 'soffice' },
    { file: at('word.pdf'), label: '.pdf by LibreOffice', needs: 'soffice' },
    { file: at('word.doc'), label: '.doc (Word 97) by LibreOffice', needs: 'soffice' },
  ];
}

/** Runs the command line in this process (every path given is absolute). */
const plandiff = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env });

/** Whitespace folded (a PDF line break after "476/VPCP-" is a space or not). */
const foldSpace = (text: string) => text.replace(/\s+/g, ' ').replace(/(\S-) /g, '$1').trim();

/** The clause tree, one line a clause: "id kind label | text". */
function clauseLines(clauses: Clause[], out: string[] = []): string[] {
  for (const c of clauses) {
    out.push(`${c.id} ${c.kind} ${c.label ?? ''} | ${foldSpace(c.text)}`);
    clauseLines(c.children, out);
  }
  return out;
}
const targetLines = (doc: ParsedDocument) => doc.targets.map((t) => `${t.clauseId} ${t.comparator}${t.value}${t.unit ?? ''}`).sort();
const citationKeys = (doc: ParsedDocument) => doc.citations.map((c) => c.key).sort();

describe.each(PLANS)('plandiff parse --json on every format of seed %s', (seed) => {
  const fromTxt = parseDocument(readFileSync(corpusPath(SEEDS[seed]), 'utf8'));
  const made = makeFormats(seed);
  const rows = made.map((m) => ({ ...m, skip: m.needs === 'soffice' && !HAS_SOFFICE }));

  test.each(rows)('$label gives the clauses, targets and citations of the .txt', async ({ file, skip, expected: other }) => {
    if (skip) return;
    const expected = other ? parseDocument(readFileSync(other, 'utf8')) : fromTxt;
    const r = await plandiff(['parse', file, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as ParsedDocument;
    expect(clauseLines(doc.clauses)).toEqual(clauseLines(expected.clauses));
    expect(targetLines(doc)).toEqual(targetLines(expected));
    expect(citationKeys(doc)).toEqual(citationKeys(expected));
  });

  // word-extractor reads the text stream only: Word's automatic numbering is lost (the warning says
  // so) and with it the outline of the body; the header and the legal basis are still read.
  test.skipIf(!HAS_SOFFICE)('a .doc read without LibreOffice (word-extractor) warns that numbering is lost and keeps the number and the legal basis', async () => {
    const r = await plandiff(['parse', made.find((m) => m.file.endsWith('.doc'))!.file, '--json'], { PLANDIFF_DOC_READER: 'word-extractor' });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as ParsedDocument;
    expect(doc.meta.warnings.map((w) => w.code)).toContain('doc-numbering-lost');
    const basis = (d: ParsedDocument) => d.citations.filter((c) => c.relation === 'basis').map((c) => c.key).sort();
    expect(basis(doc)).toEqual(basis(fromTxt));
    expect(doc.meta.number).toBe(fromTxt.meta.number);
  });
});
