/**
 * Every sample plan made into .docx the way people make them, and read back to the targets of its
 * .txt: pandoc from markdown (its "Table" style draws the only rule under the header row), and
 * LibreOffice from the .txt (tab-separated rows become tab-stop paragraphs) and from HTML (a table
 * without borders whose header row repeats). The files are generated at test time into a temp
 * cache keyed by the corpus text and the converters' versions; without pandoc or LibreOffice the
 * test is skipped with the reason (.ci/run installs both).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { parseDocument } from '../../src/read/parse.js';
import type { Target } from '../../src/types.js';
import { corpusPath, SEEDS } from '../corpus.js';
import { keptTmp } from '../tmp.js';

function version(command: string): string | null {
  const r = spawnSync(command, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 ? (r.stdout.split('\n')[0] ?? '') : null;
}

const PANDOC = version('pandoc');
const SOFFICE = version('soffice');

/** A .txt plan as markdown for pandoc: each run of tab-separated rows becomes a pipe table. */
function pipeTables(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  const cell = (c: string) => c.replace(/\|/g, '\\|').trim() || ' ';
  for (let i = 0; i < lines.length; ) {
    if (!lines[i]!.includes('\t')) {
      out.push(lines[i++]!);
      continue;
    }
    const rows: string[][] = [];
    while (i < lines.length && lines[i]!.includes('\t')) rows.push(lines[i++]!.split('\t'));
    const width = Math.max(...rows.map((r) => r.length));
    const line = (r: string[]) => `| ${[...r, ...Array<string>(width - r.length).fill('')].map(cell).join(' | ')} |`;
    out.push('', line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line), '');
  }
  return out.join('\n');
}

/** The sample plans: name → .txt path. */
const PLANS = Object.values(SEEDS).map((file) => [file.replace(/\//g, '-').replace(/\.txt$/, ''), corpusPath(file)] as const);

/** Makes (once per corpus and converter versions) the pandoc and LibreOffice .docx of every plan. */
function officeFiles(): string {
  const hash = createHash('sha256');
  hash.update(`${PANDOC}\n${SOFFICE}\n`);
  for (const [, path] of PLANS) hash.update(readFileSync(path));
  const dir = keptTmp(`plandiff-office-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(join(dir, 'done'))) return dir;
  const work = `${dir}.work-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  for (const sub of ['md', 'soffice', 'docx']) mkdirSync(join(work, sub), { recursive: true });
  for (const [name, path] of PLANS) {
    const md = join(work, 'md', `${name}.md`);
    writeFileSync(md, pipeTables(readFileSync(path, 'utf8')));
    // LibreOffice's sources, named as their .docx will be
    writeFileSync(join(work, 'soffice', `${name}.soffice-txt.txt`), readFileSync(path));
    execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', md, '-o', join(work, 'docx', `${name}.pandoc.docx`)]);
    execFileSync('pandoc', ['-f', 'markdown', '-t', 'html', '-s', '--metadata', `title=${name}`, md, '-o', join(work, 'soffice', `${name}.soffice-html.html`)]);
  }
  // One LibreOffice run for every source of both kinds (it tells a .txt from an .html by itself),
  // with a profile of its own (a user's LibreOffice may be open).
  const sources = readdirSync(join(work, 'soffice')).map((f) => join(work, 'soffice', f));
  execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(work, 'docx'), ...sources], {
    stdio: 'ignore',
    timeout: 240_000,
  });
  writeFileSync(join(work, 'done'), '');
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(work, dir);
  } catch {
    rmSync(work, { recursive: true, force: true }); // another run made it first
  }
  return dir;
}

/** What a target commits to, as the comparison of two readings sees it. */
const commitment = (t: Target) => `${t.metric} | ${t.comparator} ${t.value}${t.unit ?? ''} | ${t.horizon ?? ''}`;

/** The commitments of a plan's .txt, parsed once for the three ways its .docx is made. */
const txtCommitments = new Map<string, string[]>();
function fromText(path: string): string[] {
  if (!txtCommitments.has(path)) txtCommitments.set(path, parseDocument(readFileSync(path, 'utf8')).targets.map(commitment).sort());
  return txtCommitments.get(path)!;
}

const MADE_BY = [
  ['pandoc from markdown (a "Table" style rule under the header row)', 'pandoc'],
  ['LibreOffice from the .txt (tab-stop rows)', 'soffice-txt'],
  ['LibreOffice from HTML (a borderless table with a repeated header row)', 'soffice-html'],
] as const;

const missing = [!PANDOC && 'pandoc', !SOFFICE && 'soffice (LibreOffice)'].filter(Boolean).join(' and ');

describe.skipIf(missing !== '')(`sample plans made into .docx read back to the targets of their .txt${missing ? ` (skipped: needs ${missing})` : ''}`, () => {
  const cases = MADE_BY.flatMap(([how, suffix]) => PLANS.map(([name, path]) => [name, how, suffix, path] as const));

  test.each(cases)('%s, made by %s', { timeout: 300_000 }, async (name, _how, suffix, path) => {
    const dir = officeFiles();
    const file = join(dir, 'docx', `${name}.${suffix}.docx`);
    const fromTxt = fromText(path);
    const read = await ingest(new Uint8Array(readFileSync(file)), `${name}.docx`);
    expect(read.format).toBe('docx');
    const fromDocx = parseDocument(read.text).targets.map(commitment).sort();
    expect(fromTxt.length).toBeGreaterThan(0);
    expect(fromDocx).toEqual(fromTxt);
  });
});
