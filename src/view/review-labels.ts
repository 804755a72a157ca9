/**
 * Labels of the review controls, the pair's orientation and the report downloads in the web view
 * (Vietnamese and English), kept beside i18n.ts's dictionary.
 */
import type { Lang } from './i18n.js';

const VI = {
  review: 'Xem xét',
  'status.confirmed': 'Xác nhận',
  'status.explained': 'Đã giải trình',
  'status.false-alarm': 'Báo nhầm',
  'status.open': 'Chưa xem xét',
  reason: 'Lý do',
  note: 'Ghi chú',
  save: 'Lưu',
  saved: 'Đã lưu',
  earlier: 'Quyết định trên phiên bản trước của văn bản',
  decidedOn: 'Nội dung khi xem xét',
  noStore: 'Chỉ lưu được kết quả xem xét khi mở bằng plandiff serve, với văn bản trong thư mục.',
  swap: 'Đổi văn bản cấp trên ↔ văn bản triển khai',
  looksSwapped: 'Văn bản đang chọn làm "triển khai" có vẻ là văn bản cấp trên ({reason}).',
  asParent: 'Xét như văn bản cấp trên → triển khai',
  asPeer: 'Xét như hai văn bản ngang cấp (so sánh)',
  pairWarnings: 'Lưu ý về cặp văn bản',
  downloadDocx: 'Tải báo cáo Word',
  downloadXlsx: 'Tải bảng Excel',
  downloadMatrixDocx: 'Tải báo cáo Word của ma trận',
  downloadMatrixXlsx: 'Tải bảng Excel của ma trận',
  relation: 'Quan hệ',
  'relation.auto': 'Tự xác định',
  'relation.parent': 'B triển khai A (cấp trên → cấp dưới)',
  'relation.peer': 'Ngang cấp',
  'judged.parent': 'Đang xét: B triển khai A — chỉ tiêu thấp hơn là hạ mức cam kết',
  'judged.peer': 'Đang xét: ngang cấp — không đánh giá hạ mức',
  'reason.cites': 'văn bản kia viện dẫn nó',
  'reason.series': 'văn bản kia thực hiện kỳ trước của nó',
  'reason.level': 'cấp ban hành cao hơn',
  'reason.given': 'theo lựa chọn',
} as const;

export type ReviewLabel = keyof typeof VI;

const EN: Record<ReviewLabel, string> = {
  review: 'Review',
  'status.confirmed': 'Confirmed',
  'status.explained': 'Explained',
  'status.false-alarm': 'False alarm',
  'status.open': 'Open',
  reason: 'Reason',
  note: 'Note',
  save: 'Save',
  saved: 'Saved',
  earlier: 'Decided on an earlier version of the plans',
  decidedOn: 'Text when decided',
  noStore: 'Decisions are kept only when the page is served by plandiff serve, for plans of its folder.',
  swap: 'Swap parent ↔ child',
  looksSwapped: 'The plan chosen as the child looks like the parent ({reason}).',
  asParent: 'Judge as parent → child',
  asPeer: 'Compare as peers',
  pairWarnings: 'About this pair',
  downloadDocx: 'Download Word report',
  downloadXlsx: 'Download Excel workbook',
  downloadMatrixDocx: 'Download the matrix as a Word report',
  downloadMatrixXlsx: 'Download the matrix as an Excel workbook',
  relation: 'Relation',
  'relation.auto': 'Inferred',
  'relation.parent': 'B derives from A (parent → child)',
  'relation.peer': 'Peers',
  'judged.parent': 'Judged: B derives from A — a lower ask is weakened',
  'judged.peer': 'Judged: peers — no weakened verdicts',
  'reason.cites': 'the other cites it',
  'reason.series': 'the other implements its earlier edition',
  'reason.level': 'it is issued a level higher',
  'reason.given': 'as chosen',
};

/** A review label in `lang`, with {name} filled from `params`. */
export function rt(lang: Lang, key: ReviewLabel, params: Record<string, string> = {}): string {
  const template = lang === 'en' ? EN[key] : VI[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
