import { mkdtempSync, writeFileSync, truncateSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compareSchema, fidelitySchema, lineageSchema, parseSchema } from '../../src/schema.js';
import { runBinarySync } from '../binary.js';
import { runCli } from '../cli-run.js';
import { corpusPath, SEEDS } from '../corpus.js';

/** Runs the command line in this process, returning exit code and both streams. */
const plandiff = (...args: string[]) => runCli(args);

/** Runs the built binary, as a user does: for what only the process shows (its exit status, stderr, the help it answers alone). */
const spawned = (...args: string[]) => runBinarySync(args);

const scratch = mkdtempSync(join(tmpdir(), 'plandiff-cli-'));

describe('bad input', () => {
  const binary = join(scratch, 'image.txt');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  const empty = join(scratch, 'empty.txt');
  writeFileSync(empty, '');
  const latin = join(scratch, 'latin1.txt');
  writeFileSync(latin, Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade \xa9 \xae \xb1 \xbd \xbc\n'.repeat(20), 'latin1'));
  const huge = join(scratch, 'huge.txt');
  writeFileSync(huge, '');
  truncateSync(huge, 50 * 1024 * 1024);

  test.each([
    ['a missing path', join(scratch, 'nope.txt'), /nope\.txt: no such file/],
    ['a folder', scratch, /is a folder/],
    ['a binary file', binary, /image\.txt: .*(binary|image)/],
    ['an empty file', empty, /empty\.txt: .*empty/],
    ['a file in an unknown encoding', latin, /latin1\.txt: .*(UTF-8|encoding)/],
    ['a 50 MB file', huge, /huge\.txt: .*(too large|limit)/],
  ])('rejects %s with one line naming the file, a non-zero exit and no stack trace', async (_case, path, message) => {
    const r = await plandiff('parse', path, '--json');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\s+at\s+\S+\s+\(|node:internal/);
  });

  test('the built binary exits 2 on a missing file, with one line on stderr naming it and nothing on stdout', () => {
    const r = spawned('parse', join(scratch, 'nope.txt'), '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`plandiff: ${join(scratch, 'nope.txt')}: no such file\n`);
  });

  test('one bad file in a folder never loses the others (lineage)', async () => {
    const dir = join(scratch, 'mixed');
    mkdirSync(dir, { recursive: true });
    copyFileSync(corpusPath(SEEDS.sct2024), join(dir, 'a.txt'));
    copyFileSync(corpusPath(SEEDS.gddt2024), join(dir, 'b.txt'));
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0]));
    const r = await plandiff('lineage', dir, '--json');
    // results printed, something skipped: exit 3 (README, "Exit status")
    expect(r.code).toBe(3);
    const graph = JSON.parse(r.stdout);
    expect(graph.nodes.filter((n: { file?: string }) => n.file).map((n: { file: string }) => n.file).sort()).toEqual(['a.txt', 'b.txt']);
    expect(graph.skipped).toEqual([{ file: 'broken.txt', error: expect.stringMatching(/binary/) }]);
    expect(r.stderr).toMatch(/skipped broken\.txt: .*binary/);
  });

  test('a bad option names the value and what was expected', async () => {
    const r = await plandiff('compare', corpusPath(SEEDS.sct2024), corpusPath(SEEDS.gddt2024), '--format', 'pdf');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/pdf/);
    expect(r.stderr).toMatch(/text, md, html, csv/);
  });
});

describe('--json outputs follow the published schema', () => {
  test('parse (the built binary)', () => {
    const r = spawned('parse', corpusPath(SEEDS.ubnd2025), '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(parseSchema.safeParse(doc).success).toBe(true);
    expect(doc.meta).toMatchObject({ type: 'Kế hoạch', number: '344', symbol: 'QĐ-UBND', year: 2025, date: '2025-02-13', issuer: 'UBND tỉnh Khánh Hòa' });
  });

  test('compare (the built binary)', () => {
    const r = spawned('compare', corpusPath(SEEDS.sct2024), corpusPath(SEEDS.gddt2024), '--json');
    expect(r.code).toBe(0);
    expect(compareSchema.safeParse(JSON.parse(r.stdout)).success).toBe(true);
  });

  test('fidelity', async () => {
    const r = await plandiff('fidelity', corpusPath(SEEDS.gddt2024), '--parent', corpusPath(SEEDS.ubnd2025), '--json');
    expect(r.code).toBe(0);
    const parsed = fidelitySchema.safeParse(JSON.parse(r.stdout));
    expect(parsed.error).toBeUndefined();
  });

  test('lineage', async () => {
    const r = await plandiff('lineage', fileURLToPath(new URL('../../corpus', import.meta.url)), '--json');
    expect(r.code).toBe(0);
    expect(lineageSchema.safeParse(JSON.parse(r.stdout)).success).toBe(true);
  });
});

describe('text outputs', () => {
  test('parse prints an indented outline', async () => {
    const r = await plandiff('parse', corpusPath(SEEDS.bacgiang2023));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^I\s+I\. MỤC ĐÍCH, YÊU CẦU$/m);
    expect(r.stdout).toMatch(/^I\.1\.-1\s+ {4}- Tổ chức thực hiện có hiệu quả/m);
  });

  test('citations lists numbered documents as printed, then those cited by title only (004)', async () => {
    const r = await plandiff('citations', corpusPath(SEEDS.ubnd2025));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^refers\s+Nghị quyết số 57-NQ\/TW ngày 2024-12-22 — Bộ Chính trị/m);
    expect(r.stdout).toMatch(/^basis\s+Nghị quyết số 01\/NQ-CP ngày 2025-01-08 — Chính phủ/m);
    expect(r.stdout).toMatch(/cited by title only[\s\S]*Luật Tổ chức chính quyền địa phương ngày 2015-06-19/);
  });

  test('targets --format csv writes the spreadsheet form of the comparison CSV (BOM, CRLF, a bare "=" defused)', async () => {
    const r = await plandiff('targets', corpusPath(SEEDS.sct2024), '--format', 'csv');
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\r\n');
    expect(rows[0]).toBe('\uFEFFid,metric,comparator,value,unit,horizon,deadline,lead,partners,basis,group');
    expect(rows.some((row) => row.startsWith("II.1.b.-2#1,rà soát TTHC nội bộ thuộc phạm vi quản lý,'=,100,%,2024,"))).toBe(true);
  });

  test('schema prints JSON Schemas for parse, compare and lineage', async () => {
    const r = await plandiff('schema');
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(expect.arrayContaining(['parse', 'compare', 'lineage']));
  });
});

describe('help', () => {
  test.each(['--help', '--version', 'compare --help'])('plandiff %s: the built binary prints what the command line run in this process prints, exit 0', async (line) => {
    const args = line.split(' ');
    const inProcess = await plandiff(...args);
    const built = spawned(...args);
    expect(inProcess.code).toBe(0);
    expect(built).toEqual(inProcess);
    expect(inProcess.stdout).toMatch(/^Usage: plandiff|^\d+\.\d+\.\d+\n$/);
  });

  test('a usage error is commander\'s message and the hint on stderr, exit 2 (bad input or usage: docs/contract.md)', async () => {
    const r = await plandiff('compare', corpusPath(SEEDS.sct2024));
    expect(r).toEqual({ code: 2, stdout: '', stderr: "error: missing required argument 'b'\n(run plandiff --help for usage)\n" });
    for (const args of [['--bogus'], ['nosuchcommand'], ['fidelity', corpusPath('')], []]) {
      const u = await plandiff(...args);
      expect(u.code, args.join(' ')).toBe(2);
      expect(u.stdout, args.join(' ')).toBe('');
    }
    // help and the version are not errors
    expect((await plandiff('help')).code).toBe(0);
    expect((await plandiff('compare', '--help')).code).toBe(0);
  });
});
