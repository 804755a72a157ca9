/**
 * The Excel workbook of a review (write-excel-file, universal build: Node and browser): the target
 * comparison and the findings, each with its review decision, the header row frozen, filters on
 * every column, values as numbers (a "≥ 80%" target is the comparator "≥" and the number 80).
 * write-excel-file has no filters, so `addAutoFilters` adds Excel's `<autoFilter>` to each sheet
 * of the packed file (fflate).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import type { CoverageStatus, FidelityReport } from '../compare/fidelity.js';
import { planReviews, type MatrixReportInput } from './matrix-review.js';
import { orientationSentence } from './orientation-labels.js';
import type { ReviewItem } from '../compare/review-items.js';
import type { Comparison, Target } from '../types.js';
import { findingSentence, severityLabel, statusLabel, type Lang } from './compare-labels.js';
import { statusName, type DecisionMap } from './review-decisions.js';

/** What a workbook is made from. */
export interface XlsxReportInput {
  comparison: Comparison;
  report: FidelityReport | null;
  items: readonly ReviewItem[];
  decisions: DecisionMap;
  lang: Lang;
}

const H = {
  vi: {
    targets: 'Chỉ tiêu',
    findings: 'Phát hiện',
    targetHead: ['Mã', 'Chỉ tiêu', 'Đơn vị', 'So sánh A', 'Giá trị A', 'Hạn A', 'So sánh B', 'Giá trị B', 'Hạn B', 'Tình trạng', 'Thay đổi', 'Đánh giá', 'Kết quả xem xét', 'Lý do', 'Ghi chú', 'Trên phiên bản trước'],
    findingHead: ['Mã', 'Mức độ', 'Loại', 'Nội dung', 'Kết quả xem xét', 'Lý do', 'Ghi chú', 'Trên phiên bản trước', 'Nội dung khi xem xét'],
    yes: 'có',
    no: '',
  },
  en: {
    targets: 'Targets',
    findings: 'Findings',
    targetHead: ['ID', 'Target', 'Unit', 'Comparator A', 'Value A', 'Due A', 'Comparator B', 'Value B', 'Due B', 'Status', 'Change', 'Verdict', 'Decision', 'Reason', 'Note', 'On an earlier version'],
    findingHead: ['ID', 'Severity', 'Kind', 'Finding', 'Decision', 'Reason', 'Note', 'On an earlier version', 'Text when decided'],
    yes: 'yes',
    no: '',
  },
} as const;

const SIGN: Record<Target['comparator'], string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' };

function headRow(names: readonly string[]): Cell[] {
  return names.map((value) => ({ value, fontWeight: 'bold', backgroundColor: '#DDE4EE', wrap: true }));
}

const text = (v: string | null | undefined): Cell => (v ? { value: v, type: String, wrap: true } : null);
const num = (v: number | null | undefined): Cell => (typeof v === 'number' && Number.isFinite(v) ? { value: v, type: Number } : null);

/** The two sheets' data (header row first), for tests and other writers. */
export function workbookSheets(input: XlsxReportInput): Array<{ name: string; data: SheetData; widths: number[] }> {
  const h = H[input.lang];
  const targetItems = input.items.filter((i) => i.kind === 'target');
  const targets: SheetData = [headRow(h.targetHead)];
  input.comparison.targets.forEach((t, k) => {
    const id = targetItems[k]?.id ?? '';
    const d = input.decisions.get(id);
    const m = t.a ?? t.b;
    targets.push([
      text(id),
      text(m?.metric),
      text(m?.unit ?? null),
      text(t.a ? SIGN[t.a.comparator] : null),
      num(t.a?.value),
      t.a?.horizon ? num(t.a.horizon) : text(t.a?.deadline ?? null),
      text(t.b ? SIGN[t.b.comparator] : null),
      num(t.b?.value),
      t.b?.horizon ? num(t.b.horizon) : text(t.b?.deadline ?? null),
      text(statusLabel(t.status, input.lang)),
      text(t.change),
      text(t.verdict),
      text(d ? statusName(d.status, input.lang) : null),
      text(d?.reason),
      text(d?.note),
      text(d?.earlierVersion ? h.yes : h.no),
    ]);
  });
  const sheets: Array<{ name: string; data: SheetData; widths: number[] }> = [{ name: h.targets, data: targets, widths: [14, 60, 8, 8, 10, 10, 8, 10, 10, 14, 10, 12, 16, 30, 30, 10] }];
  if (input.report) {
    const findings: SheetData = [headRow(h.findingHead)];
    for (const f of input.report.findings) {
      const d = input.decisions.get(f.id);
      findings.push([
        text(f.id),
        text(severityLabel(f.severity, input.lang)),
        text(f.kind),
        text(findingSentence(f, input.lang)),
        text(d ? statusName(d.status, input.lang) : null),
        text(d?.reason),
        text(d?.note),
        text(d?.earlierVersion ? h.yes : h.no),
        text(d?.earlierVersion ? d.itemText : null),
      ]);
    }
    sheets.push({ name: h.findings, data: findings, widths: [14, 10, 16, 70, 16, 30, 30, 10, 40] });
  }
  return sheets;
}

/** "A", "B", … "Z", "AA" for a 0-based column. */
export function columnName(k: number): string {
  let s = '';
  for (let n = k + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Adds an `<autoFilter>` over each sheet's used range (header row + data) to a packed workbook. */
export function addAutoFilters(xlsx: Uint8Array, ranges: readonly string[]): Uint8Array {
  const files = unzipSync(xlsx);
  ranges.forEach((ref, k) => {
    const name = `xl/worksheets/sheet${k + 1}.xml`;
    const xml = files[name];
    if (!xml) return;
    // autoFilter follows sheetData (and sheetProtection, scenarios) in the schema's order
    files[name] = strToU8(strFromU8(xml).replace('</sheetData>', `</sheetData><autoFilter ref="${ref}"/>`));
  });
  return zipSync(files, { level: 6 });
}

/** The workbook as .xlsx bytes. */
export async function renderXlsx(input: XlsxReportInput): Promise<Uint8Array> {
  return packSheets(workbookSheets(input));
}

/** Sheets packed into a workbook: frozen header row, column widths, filters. */
async function packSheets(sheets: Array<{ name: string; data: SheetData; widths: number[] }>): Promise<Uint8Array> {
  const blob = await writeXlsxFile(
    sheets.map((s) => ({ sheet: s.name, data: s.data, stickyRowsCount: 1, columns: s.widths.map((width) => ({ width })) })),
  ).toBlob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return addAutoFilters(
    bytes,
    sheets.map((s) => `A1:${columnName((s.data[0]?.length ?? 1) - 1)}${Math.max(1, s.data.length)}`),
  );
}

/** The workbook of a folder's fidelity matrix: a sheet of plans (score, findings by severity, review
 * decisions, pair warnings), the matrix itself (a row per parent clause or target, status and
 * similarity per plan) and every plan's findings with their decisions. */
export function matrixSheets(input: MatrixReportInput): Array<{ name: string; data: SheetData; widths: number[] }> {
  const { matrix, lang } = input;
  const vi = lang === 'vi';
  const reviews = planReviews(input);
  const pct = (x: number | null): Cell => num(x === null ? null : Math.round(x * 1000) / 10);
  const plans: SheetData = [
    headRow(
      vi
        ? ['Tệp', 'Cơ quan', 'Tiêu đề', 'Điểm', 'Phát hiện', 'Cao', 'Trung bình', 'Thấp', 'Xác nhận', 'Đã giải trình', 'Báo nhầm', 'Phát hiện chưa xem xét', 'Trên phiên bản trước', 'Nội dung được kế thừa (%)', 'Chỉ tiêu được kế thừa (%)', 'Lưu ý về cặp văn bản']
        : ['File', 'Issuer', 'Title', 'Score', 'Findings', 'High', 'Medium', 'Low', 'Confirmed', 'Explained', 'False alarm', 'Findings without decision', 'On an earlier version', 'Clauses carried (%)', 'Targets carried (%)', 'About the pair'],
    ),
    ...matrix.plans.map((p, k) => {
      const r = reviews[k]!;
      return [
        text(p.file),
        text(p.issuer),
        text(p.title),
        num(p.score),
        num(r.findings.total),
        num(r.findings.high),
        num(r.findings.medium),
        num(r.findings.low),
        num(r.decided.confirmed),
        num(r.decided.explained),
        num(r.decided['false-alarm']),
        num(r.openFindings),
        num(r.earlier),
        pct(r.report.score.clauses),
        pct(r.report.score.targets),
        text(r.report.orientation.warnings.map((w) => orientationSentence(w, lang)).join('\n') || null),
      ];
    }),
  ];
  const statusOf = (s: CoverageStatus): string => (vi ? { copied: 'giữ nguyên', modified: 'sửa đổi', dropped: 'bỏ' } : { copied: 'copied', modified: 'modified', dropped: 'dropped' })[s];
  const head = [vi ? 'Mã' : 'ID', vi ? 'Loại' : 'Kind', vi ? 'Nội dung' : 'Text', vi ? 'Khung' : 'Skeleton'];
  for (const p of matrix.plans) {
    const name = p.issuer ?? p.file ?? '?';
    head.push(`${name}: ${vi ? 'tình trạng' : 'status'}`, `${name}: ${vi ? 'tương đồng' : 'similarity'}`);
  }
  const rows: SheetData = [headRow(head)];
  for (const r of matrix.rows) {
    const row: Cell[] = [text(r.id), text(vi ? (r.kind === 'clause' ? 'nội dung' : 'chỉ tiêu') : r.kind), text(r.text), text(r.skeleton ? (vi ? 'có' : 'yes') : null)];
    for (const c of r.cells) row.push(text(statusOf(c.status) + (c.flag ? ` (${c.flag === 'weakened' ? (vi ? 'hạ mức' : 'weakened') : vi ? 'sửa nội dung' : 'substantive'})` : '')), num(c.similarity));
    rows.push(row);
  }
  const h = H[lang];
  const findings: SheetData = [headRow([vi ? 'Tệp' : 'File', ...h.findingHead])];
  matrix.reports.forEach((report, k) => {
    const decisions: DecisionMap = input.decisions[k] ?? new Map();
    for (const f of report.findings) {
      const d = decisions.get(f.id);
      findings.push([
        text(matrix.plans[k]?.file),
        text(f.id),
        text(severityLabel(f.severity, lang)),
        text(f.kind),
        text(findingSentence(f, lang)),
        text(d ? statusName(d.status, lang) : null),
        text(d?.reason),
        text(d?.note),
        text(d?.earlierVersion ? h.yes : h.no),
        text(d?.earlierVersion ? d.itemText : null),
      ]);
    }
  });
  return [
    { name: vi ? 'Văn bản' : 'Plans', data: plans, widths: [40, 30, 60, 8, 10, 6, 10, 6, 10, 12, 10, 14, 12, 12, 12, 60] },
    { name: vi ? 'Ma trận' : 'Matrix', data: rows, widths: [14, 10, 70, 8, ...matrix.plans.flatMap(() => [16, 10])] },
    { name: h.findings, data: findings, widths: [40, 14, 10, 16, 70, 16, 30, 30, 10, 40] },
  ];
}

/** The folder matrix as .xlsx bytes. */
export async function renderMatrixXlsx(input: MatrixReportInput): Promise<Uint8Array> {
  return packSheets(matrixSheets(input));
}
