/**
 * `plandiff fidelity DIR --parent P --format docx|xlsx` (the command line run in this process), on a copy of the
 * bundled corpus with decisions recorded by `plandiff review set`: the folder's matrix as a Word
 * report (LibreOffice converts it to PDF and text, and every plan, score, finding count, decision
 * and matrix row is there) and as an Excel workbook (read back: a row per plan with numbers as
 * numbers, the matrix, every finding with its decision; frozen header rows and filters).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FidelityMatrix } from '../../src/compare/fidelity.js';
import { hasProgram } from '../binary.js';
import { runCli } from '../cli-run.js';
import { corpusPath, SEEDS } from '../corpus.js';

const HAS_SOFFICE = hasProgram('soffice');
const HAS_POPPLER = hasProgram('pdftotext');
if (!HAS_SOFFICE || !HAS_POPPLER) process.stderr.write('folder-report.test: LibreOffice (soffice) or pdftotext not found: the Word report is checked without its conversion to PDF and text (apt-get install libreoffice-writer poppler-utils)\n');

type Value = string | number | null;

/** The sheets of an .xlsx: each cell's value (shared and inline strings resolved, a cell with no
 * type or t="n" as a JS number), and the sheet's XML. */
function readWorkbook(bytes: Uint8Array): Array<{ xml: string; rows: Value[][] }> {
  const files = unzipSync(bytes);
  const unescape = (s: string): string => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const shared = [...strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unescape(m[1]!));
  const names = Object.keys(files)
    .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return names.map((name) => {
    const xml = strFromU8(files[name]!);
    const rows = [...xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((r) => {
      const out: Value[] = [];
      for (const c of r[1]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const col = [...c[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const type = /t="([^"]+)"/.exec(c[2]!)?.[1] ?? 'n';
        const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1];
        const inline = /<is>([\s\S]*?)<\/is>/.exec(c[3] ?? '')?.[1];
        out[col] = type === 's' ? shared[Number(v)]! : type === 'inlineStr' ? unescape(inline ?? '') : type === 'n' && v !== undefined ? Number(v) : (v ?? null);
      }
      return Array.from(out, (x) => x ?? null);
    });
    return { xml, rows };
  });
}

/** Letters and digits only, NFC: LibreOffice and pdftotext break lines and spaces where they like. */
const squash = (s: string): string => s.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '');

describe('plandiff fidelity DIR --format docx|xlsx (on the bundled corpus)', () => {
  let dir: string;
  let out: string;
  let parent: string;
  let matrix: FidelityMatrix;
  const note = 'Đề nghị Sở bổ sung lộ trình thực hiện';
  const reason = 'Sở chỉ phụ trách lĩnh vực giáo dục';
  /** The decisions recorded: [child file, finding id, status]. */
  const decided: Array<[string, string, string]> = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plandiff-folder-report-'));
    out = mkdtempSync(join(tmpdir(), 'plandiff-folder-report-out-'));
    // the plans only: not the corpus's own review store or cache
    cpSync(corpusPath(''), dir, { recursive: true, filter: (src) => !src.includes('.plandiff') });
    parent = join(dir, SEEDS.ubnd2025);
    const json = await runCli(['fidelity', dir, '--parent', parent, '--json']);
    expect(json.code, json.stderr).toBe(0);
    matrix = JSON.parse(json.stdout) as FidelityMatrix;
    // two decisions on the department of education's findings, one on the department of industry's
    const gddt = matrix.reports.find((r) => r.child.file?.endsWith(SEEDS.gddt2024))!;
    const sct = matrix.reports.find((r) => r.child.file?.endsWith(SEEDS.sct2024))!;
    const weakened = gddt.findings.find((f) => f.kind === 'weakened-target')!;
    const other = gddt.findings.find((f) => f.id !== weakened.id)!;
    for (const [child, id, args] of [
      [gddt.child.file!, weakened.id, ['--status', 'explained', '--reason', reason, '--note', note]],
      [gddt.child.file!, other.id, ['--status', 'false-alarm']],
      [sct.child.file!, sct.findings[0]!.id, ['--status', 'confirmed']],
    ] as const) {
      const set = await runCli(['review', 'set', id, child, '--parent', parent, ...args]);
      expect(set.code, set.stderr).toBe(0);
      decided.push([child, id, args[1]]);
    }
  }, 120_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  test('the workbook: a row per plan with its score, findings by severity and decisions as numbers; the matrix; every finding with its decision', async () => {
    const r = await runCli(['fidelity', dir, '--parent', parent, '--format', 'xlsx', '-o', join(out, 'm.xlsx')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('wrote');
    const [plans, grid, findings] = readWorkbook(readFileSync(join(out, 'm.xlsx')));
    expect(plans!.rows[0]!.slice(0, 5)).toEqual(['Tệp', 'Cơ quan', 'Tiêu đề', 'Điểm', 'Phát hiện']);
    const col = (name: string): number => plans!.rows[0]!.indexOf(name);
    // the province parent's matrix: its own province's plans, in order, the others left out
    expect(plans!.rows.slice(1).map((row) => row[0])).toEqual(matrix.plans.map((p) => p.file));
    expect(matrix.excluded.length).toBeGreaterThan(0);
    matrix.reports.forEach((report, k) => {
      const row = plans!.rows[k + 1]!;
      expect(row[col('Điểm')]).toBe(report.score.value);
      expect(row[col('Phát hiện')]).toBe(report.findings.length);
      expect(row[col('Cao')]).toBe(report.findings.filter((f) => f.severity === 'high').length);
      expect(row[col('Trung bình')]).toBe(report.findings.filter((f) => f.severity === 'medium').length);
      const mine = decided.filter(([child]) => child === report.child.file);
      expect(row[col('Xác nhận')]).toBe(mine.filter((d) => d[2] === 'confirmed').length);
      expect(row[col('Đã giải trình')]).toBe(mine.filter((d) => d[2] === 'explained').length);
      expect(row[col('Báo nhầm')]).toBe(mine.filter((d) => d[2] === 'false-alarm').length);
      expect(row[col('Phát hiện chưa xem xét')]).toBe(report.findings.length - mine.length);
      expect(row[col('Trên phiên bản trước')]).toBe(0);
      for (const name of ['Điểm', 'Phát hiện', 'Cao', 'Xác nhận', 'Phát hiện chưa xem xét']) expect(typeof row[col(name)]).toBe('number');
    });
    // the matrix: a row per parent clause or target, a status and a similarity (a number) per plan
    expect(grid!.rows).toHaveLength(matrix.rows.length + 1);
    expect(grid!.rows[0]).toHaveLength(4 + 2 * matrix.plans.length);
    const modified = matrix.rows.findIndex((row) => row.cells[0]!.status === 'modified');
    expect(grid!.rows[modified + 1]![0]).toBe(matrix.rows[modified]!.id);
    expect(grid!.rows[modified + 1]![5]).toBe(matrix.rows[modified]!.cells[0]!.similarity);
    // every finding of every plan, the decided ones with their decision, reason and note
    expect(findings!.rows).toHaveLength(1 + matrix.reports.reduce((n, rep) => n + rep.findings.length, 0));
    // (ids are by content: the sibling plans share some, so a row is found by plan and id)
    const rowOf = ([child, id]: [string, string, string]): Value[] => findings!.rows.find((row) => row[0] === child && row[1] === id)!;
    expect(rowOf(decided[0]!).slice(5, 8)).toEqual(['Đã giải trình', reason, note]);
    expect(rowOf(decided[1]!)[5]).toBe('Báo nhầm');
    expect(rowOf(decided[2]!)[5]).toBe('Xác nhận');
    const undecided = findings!.rows.slice(1).filter((row) => !decided.some(([child, id]) => row[0] === child && row[1] === id));
    expect(undecided.every((row) => row[5] === null || row[5] === undefined)).toBe(true);
    for (const s of [plans!, grid!, findings!]) {
      expect(s.xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
      expect(s.xml).toMatch(new RegExp(`<autoFilter ref="A1:[A-Z]+${s.rows.length}"/>`));
    }
  }, 60_000);

  test('the Word report: LibreOffice reads it as A4 pages holding every plan, its score and finding counts, the decisions, every matrix row and each plan\'s findings', async () => {
    const r = await runCli(['fidelity', dir, '--parent', parent, '--format', 'docx', '-o', join(out, 'm.docx')]);
    expect(r.code, r.stderr).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(join(out, 'm.docx')))['word/document.xml']!);
    expect(xml).toContain('w:orient="landscape"');
    let text = xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
    if (HAS_SOFFICE && HAS_POPPLER) {
      const profile = mkdtempSync(join(tmpdir(), 'plandiff-lo-'));
      const lo = ['-env:UserInstallation=file://' + profile, '--headless', '--norestore'];
      execFileSync('soffice', [...lo, '--convert-to', 'pdf', '--outdir', out, join(out, 'm.docx')], { stdio: 'ignore', timeout: 240_000 });
      execFileSync('soffice', [...lo, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out, join(out, 'm.docx')], { stdio: 'ignore', timeout: 240_000 });
      rmSync(profile, { recursive: true, force: true });
      const info = execFileSync('pdfinfo', [join(out, 'm.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBeGreaterThan(3);
      const pdf = execFileSync('pdftotext', ['-layout', join(out, 'm.pdf'), '-'], { encoding: 'utf8' });
      text = readFileSync(join(out, 'm.txt'), 'utf8');
      // every matrix row's id on the landscape pages
      const pdfLines = pdf.split('\n').map((l) => l.trim().split(/\s+/)[0]);
      for (const row of matrix.rows) expect(pdfLines, row.id).toContain(row.id);
    }
    const flat = squash(text);
    const lines = text.split('\n').map((l) => l.trim());
    for (const [k, report] of matrix.reports.entries()) {
      expect(flat).toContain(squash(report.child.file!));
      expect(lines).toContain(report.score.value.toFixed(1).replace('.', ','));
      const high = report.findings.filter((f) => f.severity === 'high').length;
      const medium = report.findings.filter((f) => f.severity === 'medium').length;
      const low = report.findings.filter((f) => f.severity === 'low').length;
      expect(lines).toContain(`${report.findings.length} (${high} / ${medium} / ${low})`);
      const mine = decided.filter(([child]) => child === report.child.file);
      expect(lines).toContain(`${report.findings.length - mine.length} phát hiện chưa xem xét`);
      expect(lines).toContain(`[${k + 1}] ${matrix.plans[k]!.issuer}`);
    }
    expect(flat).toContain(squash(`Đã giải trình: ${reason}`));
    expect(flat).toContain(squash(note));
    expect(lines).toContain('Báo nhầm');
    for (const x of matrix.excluded) expect(flat).toContain(squash(x.file!));
    // every matrix row, by its id, in order
    let at = 0;
    for (const row of matrix.rows) {
      const next = lines.indexOf(row.id, at);
      expect(next, row.id).toBeGreaterThanOrEqual(0);
      at = next + 1;
    }
  }, 300_000);

  test('an output that cannot be written is one line naming it, exit 2', async () => {
    // a folder of one plan: the report is made whole before it is written, whatever the folder holds
    const one = mkdtempSync(join(tmpdir(), 'plandiff-folder-report-one-'));
    copyFileSync(corpusPath(SEEDS.gddt2024), join(one, 'b.txt'));
    const bad = await runCli(['fidelity', one, '--parent', parent, '--format', 'docx', '-o', join(out, 'no', 'such', 'm.docx')]);
    rmSync(one, { recursive: true, force: true });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/m\.docx: cannot write/)]);
  }, 60_000);
});
