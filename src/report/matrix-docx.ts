/**
 * The Word report of a folder's fidelity matrix (docx library; isomorphic): the parent, a summary
 * table with each plan's score, findings by severity, review decisions and pair warnings; the
 * matrix on landscape pages (parent clause or target × plan, a few plans per table so every column
 * stays readable); then each plan's findings with their decisions and notes. Times New Roman, as
 * the single pair's report (docx.ts).
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type ISectionOptions } from 'docx';
import type { CoverageStatus } from '../compare/fidelity.js';
import { clip } from '../text/clip.js';
import { documentName, findingSentence, labels, severityLabel, type Lang } from './compare-labels.js';
import { DOCX_DEFAULTS } from './docx.js';
import { planReviews, type MatrixReportInput } from './matrix-review.js';
import { orientationSentence } from './orientation-labels.js';
import { decisionText, statusName, type DecisionMap } from './review-decisions.js';

const T = {
  vi: {
    title: 'Báo cáo rà soát: ma trận bám sát kế hoạch cấp trên',
    parent: 'Văn bản cấp trên',
    summaryHead: ['#', 'Văn bản triển khai', 'Điểm', 'Phát hiện (cao / trung bình / thấp)', 'Kết quả xem xét', 'Lưu ý về cặp văn bản'],
    open: 'phát hiện chưa xem xét',
    earlier: 'trên phiên bản trước',
    excluded: 'Không đưa vào ma trận (văn bản của tỉnh khác)',
    matrix: 'Ma trận thể hiện',
    matrixHint: 'Mỗi dòng là một nội dung hoặc chỉ tiêu của văn bản cấp trên; mỗi cột là một văn bản triển khai (số thứ tự như bảng tóm tắt).',
    idText: ['Mã', 'Nội dung'],
    status: { copied: 'giữ nguyên', modified: 'sửa đổi', dropped: 'bỏ' } as Record<CoverageStatus, string>,
    weakened: 'hạ mức',
    substantive: 'sửa nội dung',
    skeleton: 'khung',
    target: 'chỉ tiêu',
    findingHead: ['#', 'Mức độ', 'Phát hiện', 'Kết quả xem xét', 'Ghi chú'],
    score: 'Điểm bám sát',
    none: 'Không có.',
  },
  en: {
    title: 'Review report: fidelity matrix',
    parent: 'Parent plan',
    summaryHead: ['#', 'Plan', 'Score', 'Findings (high / medium / low)', 'Review decisions', 'About the pair'],
    open: 'findings without decision',
    earlier: 'on an earlier version',
    excluded: 'Left out of the matrix (plans of another province)',
    matrix: 'Coverage matrix',
    matrixHint: "Each row is a clause or target of the parent; each column a plan (numbered as in the summary).",
    idText: ['ID', 'Text'],
    status: { copied: 'copied', modified: 'modified', dropped: 'dropped' } as Record<CoverageStatus, string>,
    weakened: 'weakened',
    substantive: 'substantive',
    skeleton: 'skeleton',
    target: 'target',
    findingHead: ['#', 'Severity', 'Finding', 'Decision', 'Notes'],
    score: 'Fidelity score',
    none: 'None.',
  },
} as const;

/** A4 in twips, and the margins of docx.ts. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1418, right: 1134 };
/** Plans per matrix table on a landscape page. */
const PLANS_PER_TABLE = 6;

function cell(text: string, width: number, opts: { bold?: boolean; size?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: opts.bold, size: opts.size ?? 22 })] })),
  });
}

/** A table over `textWidth` twips, columns in percent; the header row repeats on each page. */
function table(head: readonly string[], rows: readonly string[][], percents: readonly number[], textWidth: number, size?: number): Table {
  const widths = percents.map((p) => Math.round((p / 100) * textWidth));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, k) => cell(h, widths[k]!, { bold: true, size })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, k) => cell(c, widths[k]!, { size })) })),
    ],
  });
}

const para = (text: string, opts: { bold?: boolean; italics?: boolean } = {}): Paragraph => new Paragraph({ children: [new TextRun({ text, ...opts })] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1): Paragraph => new Paragraph({ heading: level, children: [new TextRun({ text })] });

/** What every section of the report writes with: the input, its labels and its number format. */
interface MatrixContext {
  input: MatrixReportInput;
  t: (typeof T)[Lang];
  l: ReturnType<typeof labels>;
  number(x: number, digits: number): string;
}

const portraitWidth = A4.width - MARGIN.left - MARGIN.right;
const landscapeWidth = A4.height - MARGIN.left - MARGIN.right;

/** The report as a docx `Document`: the summary, the matrix on landscape pages, each plan's findings. */
export function buildMatrixDocx(input: MatrixReportInput): Document {
  const { lang } = input;
  const c: MatrixContext = { input, t: T[lang], l: labels(lang), number: (x, digits) => (lang === 'vi' ? x.toFixed(digits).replace('.', ',') : x.toFixed(digits)) };
  const portrait = { page: { size: { orientation: PageOrientation.PORTRAIT, width: A4.width, height: A4.height }, margin: MARGIN } };
  // docx swaps width and height itself for a landscape page
  const landscape = { page: { size: { orientation: PageOrientation.LANDSCAPE, width: A4.width, height: A4.height }, margin: MARGIN } };
  const sections: ISectionOptions[] = [
    { properties: portrait, children: summarySection(c) },
    { properties: landscape, children: matrixSection(c) },
    { properties: portrait, children: findingsSection(c) },
  ];
  return new Document({
    creator: 'plandiff',
    title: c.t.title,
    styles: { default: { document: { run: { font: DOCX_DEFAULTS.font, size: DOCX_DEFAULTS.size } } } },
    sections,
  });
}

/** The title, the parent, one line a plan (score, findings, decisions, pair warnings), the plans left out. */
function summarySection({ input, t, l, number }: MatrixContext): Array<Paragraph | Table> {
  const { matrix, lang } = input;
  const reviews = planReviews(input);
  const summary: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: t.title })] }),
    para(`${t.parent}: ${documentName(matrix.parent)}${matrix.parent.file ? ` (${matrix.parent.file})` : ''}`),
    heading(l.summary),
  ];
  const decided = (k: number): string => {
    const r = reviews[k]!;
    const parts = (['confirmed', 'explained', 'false-alarm'] as const).map((s) => `${statusName(s, lang)} ${r.decided[s]}`);
    return `${parts.join(' · ')}\n${r.openFindings} ${t.open}${r.earlier ? `\n${r.earlier} ${t.earlier}` : ''}`;
  };
  summary.push(
    matrix.plans.length === 0
      ? para(t.none)
      : table(
          t.summaryHead,
          matrix.plans.map((p, k) => {
            const r = reviews[k]!;
            return [
              String(k + 1),
              `${documentName(r.report.child)}${p.file ? `\n${p.file}` : ''}`,
              number(p.score, 1),
              `${r.findings.total} (${r.findings.high} / ${r.findings.medium} / ${r.findings.low})`,
              decided(k),
              r.report.orientation.warnings.map((w) => orientationSentence(w, lang)).join('\n'),
            ];
          }),
          [5, 29, 8, 14, 20, 24],
          portraitWidth,
          20,
        ),
  );
  if (matrix.excluded.length > 0) {
    summary.push(heading(t.excluded, HeadingLevel.HEADING_2));
    for (const x of matrix.excluded) summary.push(para(`• ${x.file ?? '?'}${x.province ? ` (${x.province})` : ''}`));
  }
  return summary;
}

/** The matrix: the parent's clauses and targets down, the plans across, a few plans per table. */
function matrixSection({ input, t, number }: MatrixContext): Array<Paragraph | Table> {
  const { matrix } = input;
  const grid: Array<Paragraph | Table> = [heading(t.matrix), para(t.matrixHint, { italics: true })];
  const cellText = (status: CoverageStatus, similarity: number | null, flag: string | null): string =>
    [t.status[status], status === 'modified' && similarity !== null ? number(similarity, 2) : null, flag === 'weakened' ? `(${t.weakened})` : flag === 'substantive' ? `(${t.substantive})` : null].filter(Boolean).join(' ');
  for (let from = 0; from < Math.max(1, matrix.plans.length); from += PLANS_PER_TABLE) {
    const plans = matrix.plans.slice(from, from + PLANS_PER_TABLE);
    const planShare = plans.length ? Math.min(13, 62 / plans.length) : 0;
    const textShare = 100 - 10 - planShare * plans.length;
    if (from > 0) grid.push(para(''));
    grid.push(
      table(
        [...t.idText, ...plans.map((p, j) => `[${from + j + 1}] ${p.issuer ?? p.file ?? '?'}\n${number(p.score, 1)}`)],
        matrix.rows.map((r) => [
          `${r.id}${r.kind === 'target' ? `\n${t.target}` : ''}${r.skeleton ? `\n${t.skeleton}` : ''}`,
          clip(r.text, 240),
          ...r.cells.slice(from, from + PLANS_PER_TABLE).map((c) => cellText(c.status, c.similarity, c.flag)),
        ]),
        [10, textShare, ...plans.map(() => planShare)],
        landscapeWidth,
        18,
      ),
    );
  }
  return grid;
}

/** Each plan's score, pair warnings and findings with their decisions and notes. */
function findingsSection({ input, t, l, number }: MatrixContext): Array<Paragraph | Table> {
  const { matrix, lang } = input;
  const perPlan: Array<Paragraph | Table> = [heading(l.findings)];
  matrix.reports.forEach((report, k) => {
    const decisions: DecisionMap = input.decisions[k] ?? new Map();
    perPlan.push(heading(`[${k + 1}] ${documentName(report.child)}`, HeadingLevel.HEADING_2));
    perPlan.push(para(`${t.score}: ${number(report.score.value, 1)}/100`, { bold: true }));
    for (const w of report.orientation.warnings) perPlan.push(para(`• ${orientationSentence(w, lang)}`));
    perPlan.push(
      report.findings.length === 0
        ? para(t.none)
        : table(
            t.findingHead,
            report.findings.map((f, j) => {
              const d = decisions.get(f.id);
              return [String(j + 1), severityLabel(f.severity, lang), findingSentence(f, lang), decisionText(d, lang), d?.note ?? ''];
            }),
            [5, 10, 45, 20, 20],
            portraitWidth,
            20,
          ),
    );
  });
  return perPlan;
}

/** The folder report as .docx bytes. */
export async function renderMatrixDocx(input: MatrixReportInput): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildMatrixDocx(input)));
}
