/**
 * The Word report an inspector hands in (docx library; isomorphic, packed to bytes in Node and in
 * the browser): a summary with the score and the review decisions, the findings with their notes,
 * the target table, and the child's text against the parent's as Word tracked changes (w:ins,
 * w:del), which Word and LibreOffice show as changes to accept or reject. Times New Roman, the
 * font of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP), which Word has and
 * LibreOffice replaces with a metric-compatible face that carries Vietnamese.
 */
import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FidelityReport } from '../compare/fidelity.js';
import type { ReviewItem } from '../compare/review-items.js';
import { wordDiff } from '../compare/diff.js';
import { formatValue } from '../extract/targets.js';
import type { Alignment, Comparison, TargetChange } from '../types.js';
import { documentName, findingSentence, labels, severityLabel, statusLabel, type Lang } from './compare-labels.js';
import { orientationSentence } from './orientation-labels.js';
import { decisionCounts, decisionText, statusName, type DecisionMap } from './review-decisions.js';

/** What a Word report is made from. */
export interface DocxReportInput {
  /** The comparison (A = parent or older, B = child or newer). */
  comparison: Comparison;
  /** The fidelity report, for a parent → child pair; null for a plain comparison. */
  report: FidelityReport | null;
  /** The review items of the pair (their ids key `decisions`). */
  items: readonly ReviewItem[];
  /** Decisions by item id. */
  decisions: DecisionMap;
  lang: Lang;
  /** Author of the tracked changes. */
  author: string;
  /** Date of the tracked changes (ISO). */
  date: string;
}

/** Defaults of the Word report. */
export const DOCX_DEFAULTS = { font: 'Times New Roman', size: 26 /* half-points: 13 pt */, author: 'plandiff' } as const;

const T = {
  vi: {
    reviewTitle: 'Báo cáo rà soát',
    decisions: 'Kết quả xem xét',
    score: 'Điểm bám sát',
    clauseCredit: 'Nội dung được kế thừa',
    targetCredit: 'Chỉ tiêu được kế thừa',
    warnings: 'Lưu ý về cặp văn bản',
    swapped: 'Hai văn bản được đưa vào theo thứ tự ngược; báo cáo xét văn bản cấp trên trước.',
    findingHead: ['#', 'Mức độ', 'Phát hiện', 'Kết quả xem xét', 'Ghi chú'],
    targetHead: ['Chỉ tiêu', 'Cấp trên / A', 'Triển khai / B', 'Tình trạng', 'Kết quả xem xét'],
    redline: 'Văn bản triển khai đối chiếu với văn bản cấp trên (theo dõi thay đổi)',
    redlineHint: 'Phần xóa là nội dung của văn bản cấp trên không còn trong văn bản triển khai; phần chèn là nội dung văn bản triển khai thêm hoặc sửa. Mở Review → Track Changes để chấp nhận hoặc từ chối.',
    none: 'Không có.',
    decidedOn: 'Nội dung khi xem xét',
  },
  en: {
    reviewTitle: 'Review report',
    decisions: 'Review decisions',
    score: 'Fidelity score',
    clauseCredit: 'Clauses carried',
    targetCredit: 'Targets carried',
    warnings: 'About this pair',
    swapped: 'The plans were given child first; the report puts the parent first.',
    findingHead: ['#', 'Severity', 'Finding', 'Decision', 'Notes'],
    targetHead: ['Target', 'Parent / A', 'Child / B', 'Status', 'Decision'],
    redline: "The child's text against the parent's (tracked changes)",
    redlineHint: "Deletions are the parent's text the child no longer has; insertions are what the child adds or rewords. Use Review → Track Changes to accept or reject them.",
    none: 'None.',
    decidedOn: 'Text when decided',
  },
} as const;

/** Text width of an A4 page between the margins below, in twips. */
const TEXT_WIDTH = 11906 - 1418 - 1134;

function cell(text: string, opts: { bold?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: opts.bold, size: 22 })] })),
    width: opts.width ? { size: Math.round((opts.width / 100) * TEXT_WIDTH), type: WidthType.DXA } : undefined,
  });
}

function table(head: readonly string[], rows: string[][], widths: readonly number[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths.map((w) => Math.round((w / 100) * TEXT_WIDTH)),
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, k) => cell(h, { bold: true, width: widths[k] })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, k) => cell(c, { width: widths[k] })) })),
    ],
  });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1): Paragraph {
  return new Paragraph({ heading: level, children: [new TextRun({ text })] });
}

function para(text: string, opts: { italics?: boolean; bold?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, ...opts })] });
}

function targetValue(t: TargetChange['a']): string {
  return t ? formatValue(t) : '—';
}

/** One clause pair as a paragraph of tracked changes: kept words plain, A's words deleted, B's inserted. */
function redlineParagraph(al: Alignment, revision: { next: number; author: string; date: string }): Paragraph {
  const label = al.b?.id ?? al.a?.id ?? '';
  const runs: Array<TextRun | InsertedTextRun | DeletedTextRun> = [new TextRun({ text: `${label}  `, bold: true })];
  const ins = (text: string): InsertedTextRun => new InsertedTextRun({ text, id: revision.next++, author: revision.author, date: revision.date });
  const del = (text: string): DeletedTextRun => new DeletedTextRun({ text, id: revision.next++, author: revision.author, date: revision.date });
  if (al.a && al.b) {
    const diff = al.diff ?? wordDiff(al.a.text, al.b.text);
    for (const [op, text] of diff) runs.push(op === 0 ? new TextRun({ text }) : op === 1 ? ins(text) : del(text));
  } else if (al.a) runs.push(del(al.a.text));
  else if (al.b) runs.push(ins(al.b.text));
  return new Paragraph({ children: runs, spacing: { after: 120 } });
}

/** The words of the report in its language: its own and those it shares with the other reports. */
interface Words {
  t: (typeof T)[Lang];
  l: ReturnType<typeof labels>;
}

/** The report as a docx `Document`: title, summary, findings, targets and the redline, in that order. */
export function buildDocx(input: DocxReportInput): Document {
  const words: Words = { t: T[input.lang], l: labels(input.lang) };
  const { t, l } = words;
  const title = input.report ? `${t.reviewTitle}: ${l.fidelityTitle.toLowerCase()}` : `${t.reviewTitle}: ${l.compareTitle.toLowerCase()}`;
  const body: Array<Paragraph | Table> = [
    ...titleSection(input, words, title),
    ...summarySection(input, words),
    ...pairWarnings(input, words),
    ...findingsSection(input, words),
    ...targetsSection(input, words),
    ...redlineSection(input, words),
  ];
  return new Document({
    creator: 'plandiff',
    title,
    features: { trackRevisions: true },
    styles: { default: { document: { run: { font: DOCX_DEFAULTS.font, size: DOCX_DEFAULTS.size } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.PORTRAIT, width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1418, right: 1134 } } }, children: body }],
  });
}

/** The title and the two plans. */
function titleSection({ comparison, report }: DocxReportInput, { l }: Words, title: string): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: title })] }),
    para(`${report ? l.parent : l.planA}: ${documentName(comparison.a)}`),
    para(`${report ? l.child : l.planB}: ${documentName(comparison.b)}`),
  ];
}

/** The summary: score and findings by severity (for a fidelity report), targets changed, review decisions. */
function summarySection(input: DocxReportInput, { t, l }: Words): Paragraph[] {
  const { comparison, report, items, decisions } = input;
  const body = [heading(l.summary)];
  if (report) {
    body.push(para(`${t.score}: ${report.score.value}/100`, { bold: true }));
    if (report.score.clauses !== null) body.push(para(`${t.clauseCredit}: ${Math.round(report.score.clauses * 100)}%`));
    if (report.score.targets !== null) body.push(para(`${t.targetCredit}: ${Math.round(report.score.targets * 100)}%`));
    const bySeverity = (['high', 'medium', 'low'] as const).map((s) => `${severityLabel(s, input.lang)}: ${report.findings.filter((f) => f.severity === s).length}`);
    body.push(para(`${l.findings}: ${report.findings.length} (${bySeverity.join(', ')})`));
  }
  const changed = comparison.targets.filter((x) => x.status !== 'copied').length;
  body.push(para(`${l.targets}: ${comparison.targets.length} (${changed} ≠)`));
  const counts = decisionCounts(items.filter((i) => i.kind !== 'clause' || decisions.has(i.id)), decisions);
  body.push(para(`${t.decisions}: ${(['confirmed', 'explained', 'false-alarm', 'open'] as const).map((s) => `${statusName(s, input.lang)} ${counts[s]}`).join(' · ')}`));
  return body;
}

/** What the orientation of the pair warns about (given child first, another province …), when anything. */
function pairWarnings({ comparison, report, lang }: DocxReportInput, { t }: Words): Paragraph[] {
  const orientation = report?.orientation ?? (comparison as Comparison & { orientation?: FidelityReport['orientation'] }).orientation;
  if (!orientation || !(orientation.swapped || orientation.warnings.length > 0)) return [];
  const body = [heading(t.warnings, HeadingLevel.HEADING_2)];
  if (orientation.swapped) body.push(para(`• ${t.swapped}`));
  for (const w of orientation.warnings) body.push(para(`• ${orientationSentence(w, lang)}`));
  return body;
}

/** The findings of a fidelity report as a table, with their decisions and notes (and the text decided on, when it changed since). */
function findingsSection({ report, items, decisions, lang }: DocxReportInput, { t, l }: Words): Array<Paragraph | Table> {
  const byId = new Map(items.map((i) => [i.id, i]));
  if (!report) return [];
  if (report.findings.length === 0) return [heading(l.findings), para(t.none)];
  const rows = report.findings.map((f, k) => {
    const d = decisions.get(f.id);
    const old = d?.earlierVersion && d.itemText !== byId.get(f.id)?.text ? `\n${t.decidedOn}: ${d.itemText}` : '';
    return [String(k + 1), severityLabel(f.severity, lang), findingSentence(f, lang), decisionText(d, lang), `${d?.note ?? ''}${old}`];
  });
  return [heading(l.findings), table(t.findingHead, rows, [5, 10, 45, 20, 20])];
}

/** The target table: each target in A and B, its status and its decision. */
function targetsSection({ comparison, items, decisions, lang }: DocxReportInput, { t, l }: Words): Array<Paragraph | Table> {
  const head = heading(l.targets);
  const targetIds = items.filter((i) => i.kind === 'target');
  if (comparison.targets.length === 0) return [head, para(t.none)];
  const rows = comparison.targets.map((x, k) => {
    const d = targetIds[k] ? decisions.get(targetIds[k]!.id) : undefined;
    const status = [statusLabel(x.status, lang), x.change ? (lang === 'vi' ? { raised: 'tăng', lowered: 'giảm' }[x.change] : x.change) : null, x.verdict === 'weakened' ? l.weakened : null]
      .filter(Boolean)
      .join(', ');
    return [(x.a ?? x.b)?.metric ?? '', targetValue(x.a), targetValue(x.b), status, decisionText(d, lang) + (d?.note ? `\n${d.note}` : '')];
  });
  return [head, table(t.targetHead, rows, [40, 13, 13, 14, 20])];
}

/** The child's text against the parent's as tracked changes, one paragraph per clause pair, each with its decision. */
function redlineSection({ comparison, items, decisions, lang, author, date }: DocxReportInput, { t }: Words): Paragraph[] {
  const body = [heading(t.redline), para(t.redlineHint, { italics: true })];
  const revision = { next: 1, author, date };
  const clauseItems = items.filter((i) => i.kind === 'clause');
  comparison.alignments.forEach((al, k) => {
    body.push(redlineParagraph(al, revision));
    const d = clauseItems[k] ? decisions.get(clauseItems[k]!.id) : undefined;
    if (d) body.push(para(`${t.decisions}: ${decisionText(d, lang)}${d.note ? ` — ${d.note}` : ''}`, { italics: true }));
  });
  return body;
}

/** The report as .docx bytes. */
export async function renderDocx(input: Omit<DocxReportInput, 'author' | 'date'> & Partial<Pick<DocxReportInput, 'author' | 'date'>>): Promise<Uint8Array> {
  const doc = buildDocx({ author: DOCX_DEFAULTS.author, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), ...input });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
