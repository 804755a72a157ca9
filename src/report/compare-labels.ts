/**
 * UI labels of the comparison and fidelity reports, Vietnamese by default with English, and the
 * small text helpers the renderers share (escaping, document names, finding sentences).
 */
import { printedNumber } from '../extract/citations.js';
import { clip } from '../text/clip.js';
import type { Finding, FindingKind } from '../compare/fidelity.js';
import type { AlignmentStatus, DocumentMeta, TargetStatus } from '../types.js';

/** Report language. */
export type Lang = 'vi' | 'en';

const VI = {
  compareTitle: 'So sánh văn bản',
  fidelityTitle: 'Mức độ bám sát kế hoạch cấp trên',
  matrixTitle: 'Ma trận bám sát kế hoạch cấp trên',
  planA: 'Văn bản A',
  planB: 'Văn bản B',
  parent: 'Văn bản cấp trên',
  child: 'Văn bản triển khai',
  summary: 'Tóm tắt',
  changes: 'Danh sách thay đổi',
  sideBySide: 'Đối chiếu song song',
  clauses: 'Nội dung',
  targets: 'Chỉ tiêu',
  similarity: 'Độ tương đồng',
  status: 'Tình trạng',
  noChanges: 'Không có thay đổi.',
  showChangesOnly: 'Chỉ hiện thay đổi',
  print: 'In',
  identical: 'Giữ nguyên',
  modified: 'Sửa đổi',
  dropped: 'Bỏ',
  added: 'Bổ sung',
  copied: 'Giữ nguyên',
  moved: 'đổi vị trí',
  merge: 'gộp',
  split: 'tách',
  cosmetic: 'hình thức',
  substantive: 'nội dung',
  raised: 'tăng',
  lowered: 'giảm',
  weakened: 'hạ mức cam kết',
  strengthened: 'nâng mức cam kết',
  score: 'Điểm',
  scoreClauses: 'Nội dung được thể hiện',
  scoreTargets: 'Chỉ tiêu được thể hiện',
  penalties: 'Trừ điểm',
  counted: 'Đã tính',
  skeleton: 'khung chuẩn',
  notApplicable: 'không áp dụng',
  findings: 'Phát hiện',
  coverage: 'Mức độ thể hiện',
  additions: 'Nội dung bổ sung',
  noFindings: 'Không có phát hiện.',
  high: 'Cao',
  medium: 'Trung bình',
  low: 'Thấp',
  covered: 'Thể hiện',
  generated: 'Tạo bởi plandiff',
  none: '—',
} as const;

type Labels = { readonly [K in keyof typeof VI]: string };

const EN: Labels = {
  compareTitle: 'Plan comparison',
  fidelityTitle: 'Fidelity to the parent plan',
  matrixTitle: 'Fidelity matrix',
  planA: 'Plan A',
  planB: 'Plan B',
  parent: 'Parent plan',
  child: 'Derivative plan',
  summary: 'Summary',
  changes: 'Changes',
  sideBySide: 'Side by side',
  clauses: 'Clauses',
  targets: 'Targets',
  similarity: 'Similarity',
  status: 'Status',
  noChanges: 'No changes.',
  showChangesOnly: 'Changes only',
  print: 'Print',
  identical: 'Identical',
  modified: 'Modified',
  dropped: 'Dropped',
  added: 'Added',
  copied: 'Copied',
  moved: 'moved',
  merge: 'merged',
  split: 'split',
  cosmetic: 'cosmetic',
  substantive: 'substantive',
  raised: 'raised',
  lowered: 'lowered',
  weakened: 'weakened',
  strengthened: 'strengthened',
  score: 'Score',
  scoreClauses: 'Clauses carried',
  scoreTargets: 'Targets carried',
  penalties: 'Deductions',
  counted: 'Counted',
  skeleton: 'skeleton',
  notApplicable: 'not applicable',
  findings: 'Findings',
  coverage: 'Coverage',
  additions: 'Additions',
  noFindings: 'No findings.',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  covered: 'Covered',
  generated: 'Made by plandiff',
  none: '—',
};

/** The labels of one language. */
export function labels(lang: Lang = 'vi'): Labels {
  if (lang !== 'vi' && lang !== 'en') throw new Error(`unknown report language "${String(lang)}": expected "vi" or "en"`);
  return lang === 'en' ? EN : VI;
}

/** Label of an alignment or target status. */
export function statusLabel(status: AlignmentStatus | TargetStatus, lang: Lang = 'vi'): string {
  return labels(lang)[status];
}

const FINDING_VI: Record<FindingKind, string> = {
  'weakened-target': 'Chỉ tiêu bị hạ thấp',
  'dropped-target': 'Chỉ tiêu không được thể hiện',
  'dropped-task': 'Nhiệm vụ không được thể hiện',
  'stale-reference': 'Trích dẫn văn bản năm cũ',
  'residue-unit': 'Sót tên đơn vị khác',
  'residue-year': 'Sót năm cũ',
  inconsistency: 'Mâu thuẫn trong văn bản',
};

const FINDING_EN: Record<FindingKind, string> = {
  'weakened-target': 'Weakened target',
  'dropped-target': 'Dropped target',
  'dropped-task': 'Dropped task',
  'stale-reference': 'Stale reference',
  'residue-unit': "Another unit's name",
  'residue-year': 'Wrong year',
  inconsistency: 'Inconsistency',
};

/** Label of a finding kind. */
export function findingLabel(kind: FindingKind, lang: Lang = 'vi'): string {
  return (lang === 'en' ? FINDING_EN : FINDING_VI)[kind];
}

/** One sentence for a finding in the report language (English is the finding's own message). */
export function findingSentence(f: Finding, lang: Lang = 'vi'): string {
  if (lang === 'en') return f.message;
  const d = f.detail;
  switch (f.kind) {
    case 'weakened-target':
      return `Chỉ tiêu "${d.metric}" bị hạ: ${d.parent} → ${d.child}.`;
    case 'dropped-target':
      return `Chỉ tiêu "${d.metric}" (${d.parent}) của văn bản cấp trên không có trong kế hoạch.`;
    case 'dropped-task':
      return `Nhiệm vụ ${d.id} của văn bản cấp trên không được thể hiện: "${clip(String(d.text ?? ''), 90)}".`;
    case 'stale-reference':
      return `Trích dẫn văn bản số ${d.cited} năm ${d.citedYear} trong khi văn bản cấp trên trích dẫn số ${d.current} năm ${d.currentYear}.`;
    case 'residue-unit':
      return d.selfReference
        ? `"${d.unit}" xuất hiện như đơn vị ban hành tại ${d.id}: có thể sót từ kế hoạch của đơn vị khác.`
        : `"${d.unit}" được nêu tại ${d.id} nhưng không có trong văn bản cấp trên: kiểm tra có phải sót từ kế hoạch khác.`;
    case 'residue-year':
      if (d.id === 'title') return `Tiêu đề ghi năm ${d.found} trong văn bản ban hành năm ${d.expected}.`;
      if (d.count) return `${d.count} chỉ tiêu có thời hạn năm ${d.found} trong kế hoạch cho năm ${d.expected}: ${d.id}.`;
      return `${d.id} ghi "năm ${d.found}" trong khi nội dung tương ứng của văn bản cấp trên ghi "năm ${d.expected}".`;
    case 'inconsistency':
      return f.message;
  }
}

/** Severity label. */
export function severityLabel(s: Finding['severity'], lang: Lang = 'vi'): string {
  return labels(lang)[s];
}

/** A short name for a document: "Kế hoạch 344/QĐ-UBND (2025)" when it has a number, else its title
 * and issuer ("Kế hoạch cải cách … năm 2024 — Sở Giáo dục và Đào tạo tỉnh Khánh Hòa"), else its file. */
export function documentName(meta: DocumentMeta & { file?: string | null }): string {
  if (meta.number) return `${[meta.type, printedNumber(meta.number, meta.symbol)].filter(Boolean).join(' ')}${meta.year ? ` (${meta.year})` : ''}`;
  const unit = (meta.issuer ?? '').split(/\s+tỉnh\s+|\s+thành phố\s+/u)[0]!;
  const named = [meta.title, meta.issuer && !(meta.title ?? '').includes(unit) ? meta.issuer : null].filter(Boolean).join(' — ');
  return named || meta.file || meta.type || '?';
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Cuts a text to n characters with an ellipsis. */

/** A similarity as a fixed two-decimal string ("0.93"). */
export function formatSimilarity(x: number | null): string {
  return x === null ? '' : x.toFixed(2);
}
