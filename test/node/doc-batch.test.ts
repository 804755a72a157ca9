/**
 * .doc conversions asked for together share one LibreOffice run (src/node/doc.ts), and a run that
 * fails as a whole gives each file its own answer. LibreOffice is stood in for by a script
 * (PLANDIFF_SOFFICE) that logs its inputs and writes a .docx for each, or crashes on an input that
 * says CRASH, or writes nothing for one that says SKIP: the batching is what is tested here; the
 * real LibreOffice reads the real files in test/cli/formats.test.ts and test/cli/realfiles.test.ts.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readLegacyWord } from '../../src/node/doc.js';
import { runCli } from '../cli-run.js';
import { corpusPath, SEEDS } from '../corpus.js';

const DOCX = fileURLToPath(new URL('../fixtures/khanh-hoa-2024-so-gddt-cai-cach-tthc.docx', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'plandiff-fake-soffice-'));
const log = join(dir, 'runs.log');
const fake = join(dir, 'soffice');
const saved = { soffice: process.env.PLANDIFF_SOFFICE, reader: process.env.PLANDIFF_DOC_READER };

beforeAll(() => {
  // the inputs are the arguments ending in .doc; the output folder follows --outdir; each .docx is the input's text with "docx:" before it
  writeFileSync(
    fake,
    [
      '#!/bin/sh',
      'out=""; prev=""; inputs=""',
      'for a in "$@"; do',
      '  if [ "$prev" = "--outdir" ]; then out="$a"; fi',
      '  case "$a" in *.doc) inputs="$inputs $a";; esac',
      '  prev="$a"',
      'done',
      `echo "$inputs" >> ${JSON.stringify(log)}`,
      'for f in $inputs; do',
      '  if grep -q CRASH "$f"; then exit 1; fi',
      'done',
      'for f in $inputs; do',
      '  grep -q SKIP "$f" && continue',
      '  name=$(basename "$f" .doc)',
      // a .doc of the folder test below (OLE bytes) becomes the seed .docx; any other input, its text marked
      `  if grep -q OLEPLAN "$f"; then cp ${JSON.stringify(DOCX)} "$out/$name.docx"; else { printf "docx:"; cat "$f"; } > "$out/$name.docx"; fi`,
      'done',
      '',
    ].join('\n'),
  );
  chmodSync(fake, 0o755);
  process.env.PLANDIFF_SOFFICE = fake;
  process.env.PLANDIFF_DOC_READER = 'libreoffice';
});

afterAll(() => {
  for (const [key, value] of [['PLANDIFF_SOFFICE', saved.soffice], ['PLANDIFF_DOC_READER', saved.reader]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

/** The runs logged so far, each the number of files it was given; the log emptied. */
function runs(): number[] {
  if (!existsSync(log)) return [];
  const lines = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
  writeFileSync(log, '');
  return lines.map((l) => l.trim().split(/\s+/).length);
}

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (r: { kind: string; bytes?: Uint8Array }) => new TextDecoder().decode(r.bytes);

describe('.doc conversions through LibreOffice', () => {
  test('asked for together, they share one run, and each gets its own .docx back', async () => {
    runs();
    const docs = ['một', 'hai', 'ba', 'bốn', 'năm'];
    const read = await Promise.all(docs.map((d) => readLegacyWord(bytes(d))));
    expect(read.map((r) => r.kind)).toEqual(docs.map(() => 'docx'));
    expect(read.map((r) => text(r as { kind: string; bytes: Uint8Array }))).toEqual(docs.map((d) => `docx:${d}`));
    expect(runs()).toEqual([5]);
  });

  test('asked for while a run goes on, they wait and go together to the next run', async () => {
    runs();
    const first = readLegacyWord(bytes('đầu'));
    await new Promise((r) => setTimeout(r, 40)); // the first run has started
    const rest = ['sau 1', 'sau 2', 'sau 3'].map((d) => readLegacyWord(bytes(d)));
    const all = await Promise.all([first, ...rest]);
    expect(all.map((r) => text(r as { kind: string; bytes: Uint8Array }))).toEqual(['docx:đầu', 'docx:sau 1', 'docx:sau 2', 'docx:sau 3']);
    expect(runs()).toEqual([1, 3]);
  });

  test('a file LibreOffice writes nothing for is refused by itself; the others of its run are read', async () => {
    runs();
    const read = await Promise.allSettled(['tốt', 'SKIP', 'cũng tốt'].map((d) => readLegacyWord(bytes(d))));
    expect(read.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((read[1] as PromiseRejectedResult).reason)).toMatch(/could not convert \(damaged or not a Word document\)/);
    expect(runs()).toEqual([3]);
  });

  test('a run that fails as a whole (a file crashes LibreOffice) is run again one file at a time: only that file fails', async () => {
    runs();
    const read = await Promise.allSettled(['một', 'CRASH', 'ba'].map((d) => readLegacyWord(bytes(d))));
    expect(read.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((read[1] as PromiseRejectedResult).reason)).toMatch(/could not convert/);
    expect(text((read[2] as PromiseFulfilledResult<{ kind: string; bytes: Uint8Array }>).value)).toBe('docx:ba');
    expect(runs()).toEqual([3, 1, 1, 1]);
  });
});

/** An OLE compound file's signature, then a marker the stand-in LibreOffice answers with the seed .docx. */
const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from(' OLEPLAN')]);

describe('a folder of .doc files', () => {
  test('read in one thread, the .doc files a few ahead are read early: their conversions share one LibreOffice run, and the output keeps the folder\'s order', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    for (const name of ['a.doc', 'b.doc', 'c.doc', 'd.doc']) writeFileSync(join(folder, name), OLE);
    copyFileSync(corpusPath(SEEDS.sct2024), join(folder, 'e.txt'));
    runs();
    const r = await runCli(['outline', folder, '--no-cache', '-q'], { env: { PLANDIFF_THREADS: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(runs()).toEqual([4]);
    const heads = r.stdout.split('\n').filter((l) => l.startsWith('── ')).map((l) => l.slice(l.lastIndexOf('/') + 1));
    expect(heads).toEqual(['a.doc', 'b.doc', 'c.doc', 'd.doc', 'e.txt']);
    // the four read as the .docx they were converted to
    const blocks = r.stdout.split(/^── /mu).filter(Boolean);
    expect(new Set(blocks.slice(0, 4).map((b) => b.slice(b.indexOf('\n'))))).toHaveProperty('size', 1);
  });

  test('read on two worker threads (the built parse worker), each worker\'s .doc files share its LibreOffice runs', { timeout: 60_000 }, async () => {
    const folder = join(dir, 'folder-16');
    mkdirSync(folder);
    const names = Array.from({ length: 16 }, (_, i) => `plan-${String(i).padStart(2, '0')}.doc`);
    for (const name of names) writeFileSync(join(folder, name), OLE);
    runs();
    const r = await runCli(['outline', folder, '--no-cache', '-q'], { env: { PLANDIFF_THREADS: '2' } });
    expect(r.code, r.stderr).toBe(0);
    const heads = r.stdout.split('\n').filter((l) => l.startsWith('── ')).map((l) => l.slice(l.lastIndexOf('/') + 1));
    expect(heads).toEqual(names);
    // one run a file would be 16, four a worker with its usual window; each holds eight .doc files at a time (pool.ts) and converts them together
    const done = runs();
    expect(done.reduce((a, b) => a + b, 0)).toBe(16);
    expect(done.length, String(done)).toBeLessThanOrEqual(3);
  });
});
