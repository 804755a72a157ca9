import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reviewPair } from '../../src/compare/review-pair.js';
import { renderDocx } from '../../src/report/docx.js';
import type { DecisionView } from '../../src/report/review-decisions.js';
import { columnName, renderXlsx } from '../../src/report/xlsx.js';
import { ReviewStore } from '../../src/node/review-store.js';
import { runCli } from '../cli-run.js';
import { corpusPath, seed, SEEDS } from '../corpus.js';

const pair = reviewPair(seed('gddt2024'), seed('ubnd2025'));
const weakened = pair.report.findings.find((f) => f.kind === 'weakened-target')!;
const droppedClause = pair.items.find((i) => i.kind === 'clause' && i.label.endsWith('→ —'))!;
const decisions = new Map<string, DecisionView>([
  [weakened.id, { status: 'explained', reason: 'Sở chỉ phụ trách lĩnh vực giáo dục', note: 'Đề nghị Sở bổ sung lộ trình', earlierVersion: false, itemText: weakened.message }],
  [droppedClause.id, { status: 'false-alarm', reason: null, note: 'Điều khoản thi hành của Quyết định', earlierVersion: true, itemText: droppedClause.text }],
]);
const input = { comparison: pair.comparison, report: pair.report, items: pair.items, decisions, lang: 'vi' as const };

const xmlText = (xml: string): string => xml.replace(/<[^>]+>/g, '');

/** A small reader of the sheets of an .xlsx (shared strings resolved; numbers as numbers). */
function readSheets(bytes: Uint8Array): Array<{ xml: string; rows: Array<Array<string | number | null>> }> {
  const files = unzipSync(bytes);
  const shared = [...strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    xmlText(m[1]!).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
  );
  const sheets = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).sort();
  return sheets.map((name) => {
    const xml = strFromU8(files[name]!);
    const rows = [...xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((r) => {
      const out: Array<string | number | null> = [];
      for (const c of r[1]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const col = c[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1];
        const inline = /<is>([\s\S]*?)<\/is>/.exec(c[3] ?? '')?.[1];
        out[col] = /t="s"/.test(c[2]!) ? shared[Number(v)]! : inline !== undefined ? xmlText(inline) : v !== undefined ? Number(v) : null;
      }
      return out;
    });
    return { xml, rows };
  });
}

describe('the Word report', () => {
  let xml: string;
  beforeAll(async () => {
    const files = unzipSync(await renderDocx(input));
    xml = strFromU8(files['word/document.xml']!);
    expect(strFromU8(files['word/settings.xml']!)).toContain('w:trackRevisions');
    expect(strFromU8(files['word/styles.xml']!)).toContain('Times New Roman');
  });

  test('has the score, the warnings about the pair and the decision with its reason and note', () => {
    const text = xmlText(xml);
    expect(text).toContain(`Điểm bám sát: ${pair.report.score.value}/100`);
    expect(text).toContain('ban hành trước văn bản cấp trên');
    expect(text).toContain('Đã giải trình: Sở chỉ phụ trách lĩnh vực giáo dục');
    expect(text).toContain('Đề nghị Sở bổ sung lộ trình');
    expect(text).toContain('Kết quả xem xét: Báo nhầm (quyết định trên phiên bản trước) — Điều khoản thi hành của Quyết định');
  });

  test("carries the child's text against the parent's as tracked insertions and deletions", () => {
    const dels = [...xml.matchAll(/<w:del [^>]*>([\s\S]*?)<\/w:del>/g)].map((m) => xmlText(m[1]!));
    const inss = [...xml.matchAll(/<w:ins [^>]*>([\s\S]*?)<\/w:ins>/g)].map((m) => xmlText(m[1]!));
    // the parent's closing article D2, not in the department plan: a deletion
    expect(dels).toContain('Quyết định này có hiệu lực thi hành kể từ ngày ký.');
    // a clause only the child has: an insertion
    const added = pair.comparison.alignments.find((al) => !al.a && al.b)!;
    expect(inss).toContain(added.b!.text);
    const dropped = pair.comparison.alignments.filter((al) => al.a && !al.b).length;
    expect(dels.length).toBeGreaterThan(dropped); // every dropped clause, and the words reworded ones lost
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="plandiff" w:date="[^"]+"/);
  });

  test('lists every finding and every target change in its tables', () => {
    const rows = xml.match(/<w:tr>|<w:tr /g)!.length;
    expect(rows).toBe(1 + pair.report.findings.length + 1 + pair.comparison.targets.length);
  });
});

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

/** The text of an OpenDocument content.xml: paragraphs, spaces, tabs and line breaks as spaces. */
const odtText = (xml: string): string =>
  xml
    .replace(/<text:(s|tab|line-break)\b[^>]*\/>|<\/text:(p|h)>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

describe.skipIf(!hasSoffice)('the Word report in LibreOffice (needs soffice)', () => {
  let dir: string;
  let content: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plandiff-docx-'));
    writeFileSync(join(dir, 'report.docx'), await renderDocx(input));
    // The two conversions at once, each LibreOffice with a profile of its own (one profile cannot serve two).
    const convert = (to: string): Promise<unknown> =>
      promisify(execFile)('soffice', [`-env:UserInstallation=file://${join(dir, `lo-profile-${to}`)}`, '--headless', '--convert-to', to, '--outdir', dir, join(dir, 'report.docx')], { timeout: 120_000 });
    await Promise.all([convert('pdf'), convert('odt')]);
    content = strFromU8(unzipSync(readFileSync(join(dir, 'report.odt')))['content.xml']!);
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reads the insertions and deletions as tracked changes', () => {
    const docXml = strFromU8(unzipSync(readFileSync(join(dir, 'report.docx')))['word/document.xml']!);
    expect(content.match(/<text:deletion>/g)!.length).toBe(docXml.match(/<w:del /g)!.length);
    expect(content.match(/<text:insertion>/g)!.length).toBe(docXml.match(/<w:ins /g)!.length);
  });

  test('prints the Vietnamese text, decisions and changes to PDF, and keeps them in its own document', () => {
    const pdf = execFileSync('pdftotext', [join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    for (const out of [pdf, odtText(content)].map((x) => x.replace(/\s+/g, ' '))) {
      expect(out).toContain('Sở Giáo dục và Đào tạo tỉnh Khánh Hòa');
      expect(out).toContain('Sở chỉ phụ trách lĩnh vực giáo dục');
      expect(out).toContain('Quyết định này có hiệu lực thi hành kể từ ngày ký.');
    }
    const fonts = execFileSync('pdffonts', [join(dir, 'report.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/ yes +yes +yes /); // embedded, subset, with a Unicode map
  });
});

describe('the Excel workbook', () => {
  let sheets: ReturnType<typeof readSheets>;
  beforeAll(async () => {
    sheets = readSheets(await renderXlsx(input));
  });

  test('has the target comparison, one row per change, values as numbers', () => {
    const [targets] = sheets;
    const [head, ...rows] = targets!.rows;
    expect(head!.slice(0, 5)).toEqual(['Mã', 'Chỉ tiêu', 'Đơn vị', 'So sánh A', 'Giá trị A']);
    expect(rows).toHaveLength(pair.comparison.targets.length);
    pair.comparison.targets.forEach((t, k) => {
      expect(rows[k]![1]).toBe((t.a ?? t.b)!.metric);
      expect(rows[k]![4]).toBe(t.a ? t.a.value : undefined);
      expect(rows[k]![7]).toBe(t.b ? t.b.value : undefined);
    });
  });

  test('has the findings with their decisions', () => {
    const [, findings] = sheets;
    const rows = findings!.rows.slice(1);
    expect(rows).toHaveLength(pair.report.findings.length);
    const row = rows.find((r) => r[0] === weakened.id)!;
    expect(row.slice(4, 7)).toEqual(['Đã giải trình', 'Sở chỉ phụ trách lĩnh vực giáo dục', 'Đề nghị Sở bổ sung lộ trình']);
  });

  test('freezes the header row and filters every column', () => {
    for (const s of sheets) {
      expect(s.xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
      expect(s.xml).toContain(`<autoFilter ref="A1:${columnName(s.rows[0]!.length - 1)}${s.rows.length}"/>`);
    }
  });
});

describe('plandiff fidelity|compare --format docx|xlsx (the command line, run in this process)', () => {
  test('writes the reports with the decisions of the plans\' review store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-reports-'));
    copyFileSync(corpusPath(SEEDS.ubnd2025), join(dir, 'parent.txt'));
    copyFileSync(corpusPath(SEEDS.gddt2024), join(dir, 'child.txt'));
    const set = await runCli(['review', 'set', weakened.id, join(dir, 'child.txt'), '--parent', join(dir, 'parent.txt'), '--status', 'confirmed', '--note', 'Yêu cầu Sở điều chỉnh']);
    expect(set.code, set.stderr).toBe(0);
    const docx = await runCli(['fidelity', join(dir, 'child.txt'), '--parent', join(dir, 'parent.txt'), '--format', 'docx', '-o', join(dir, 'r.docx')]);
    expect(docx.code, docx.stderr).toBe(0);
    expect(xmlText(strFromU8(unzipSync(readFileSync(join(dir, 'r.docx')))['word/document.xml']!))).toContain('Yêu cầu Sở điều chỉnh');
    const xlsx = await runCli(['compare', join(dir, 'parent.txt'), join(dir, 'child.txt'), '--format', 'xlsx', '-o', join(dir, 'c.xlsx')]);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(readSheets(readFileSync(join(dir, 'c.xlsx')))[0]!.rows.length).toBeGreaterThan(5);
    new ReviewStore(dir).close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  test('fidelity of a folder writes the matrix workbook (plans with scores, the matrix) and the Word report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-matrix-'));
    const out = mkdtempSync(join(tmpdir(), 'plandiff-matrix-out-'));
    copyFileSync(corpusPath(SEEDS.ubnd2025), join(dir, 'parent.txt'));
    copyFileSync(corpusPath(SEEDS.gddt2024), join(dir, 'gddt.txt'));
    copyFileSync(corpusPath(SEEDS.sct2024), join(dir, 'sct.txt'));
    copyFileSync(corpusPath(SEEDS.bacgiang2023), join(dir, 'bacgiang.txt'));
    const r = await runCli(['fidelity', dir, '--parent', join(dir, 'parent.txt'), '--format', 'xlsx', '-o', join(out, 'm.xlsx')]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse((await runCli(['fidelity', dir, '--parent', join(dir, 'parent.txt'), '--json'])).stdout) as { plans: Array<{ score: number }>; rows: unknown[]; excluded: Array<{ province: string }> };
    expect(json.excluded.map((x) => x.province)).toEqual(['Bắc Giang']);
    const [plans, matrix] = readSheets(readFileSync(join(out, 'm.xlsx')));
    expect(plans!.rows.slice(1).map((row) => row[3])).toEqual(json.plans.map((p) => p.score));
    expect(matrix!.rows).toHaveLength(json.rows.length + 1);
    expect(matrix!.rows[0]).toHaveLength(4 + 2 * json.plans.length);
    const docx = await runCli(['fidelity', dir, '--parent', join(dir, 'parent.txt'), '--format', 'docx', '-o', join(out, 'x.docx')]);
    // the folder's Word report (test/cli/folder-report.test.ts checks its content)
    expect(docx.code, docx.stderr).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(join(out, 'x.docx'))))).toContain('word/document.xml');
    for (const d of [dir, out]) rmSync(d, { recursive: true, force: true });
  }, 60_000);
});
