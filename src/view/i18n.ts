/**
 * The web view's words: Vietnamese by default, English on the switch. One typed dictionary, so a
 * key missing in one language is a compile error; `{name}` placeholders are filled by `t`.
 * Status and finding labels come from the reports' labels (src/report/compare-labels.ts).
 */
import { findingLabel, labels, statusLabel, type Lang } from '../report/compare-labels.js';
import type { FindingKind } from '../compare/fidelity.js';
import type { AlignmentStatus, LineageRelation, TargetStatus } from '../types.js';
import type { Level } from './corpus.js';
import type { RowStatus } from './diff-rows.js';
import type { TargetMarker } from './target-rows.js';
import type { View } from './route.js';

export type { Lang };

/** The languages offered, in switch order. */
export const LANGS: readonly Lang[] = ['vi', 'en'];

const VI = {
  appName: 'plandiff',
  appTagline: 'Đối chiếu và phả hệ kế hoạch',
  'view.corpus': 'Kho văn bản',
  'view.lineage': 'Phả hệ',
  'view.diff': 'So sánh',
  'view.targets': 'Chỉ tiêu',
  'view.fidelity': 'Bám sát',
  switchLanguage: 'English',
  switchLanguageTitle: 'Switch to English',
  loading: 'Đang tải…',
  loadingCorpus: 'Đang đọc {done}/{total} văn bản…',
  analysing: 'Đang phân tích…',
  emptyCorpus: 'Thư mục chưa có văn bản nào.',
  emptyCorpusHint: 'Thêm tệp .txt, .md, .docx, .pdf, .html vào thư mục rồi tải lại trang, hoặc kéo thả một tệp vào đây để đối chiếu.',
  corpusUnavailable: 'Không tải được danh sách văn bản: {reason}',
  retry: 'Thử lại',
  unreadable: 'Không đọc được',
  unreadableFile: 'Không đọc được tệp "{file}": {reason}',
  dismiss: 'Đóng',
  search: 'Tìm theo tên, cơ quan, số hiệu…',
  allLevels: 'Mọi cấp',
  allYears: 'Mọi năm',
  allTypes: 'Mọi loại',
  'col.title': 'Văn bản',
  'col.issuer': 'Cơ quan ban hành',
  'col.level': 'Cấp',
  'col.year': 'Năm',
  'col.type': 'Loại',
  'col.ident': 'Số hiệu',
  'col.targets': 'Chỉ tiêu',
  'col.actions': '',
  plansShown: '{shown}/{total} văn bản',
  noMatch: 'Không có văn bản nào khớp bộ lọc.',
  clearFilters: 'Bỏ lọc',
  untitled: 'chưa rõ tiêu đề',
  uploaded: 'tải lên',
  warnings: '{count} cảnh báo',
  compareSelected: 'So sánh 2 văn bản đã chọn',
  selectTwo: 'Chọn 2 văn bản để so sánh',
  openDiff: 'So sánh',
  openInGraph: 'Xem trong phả hệ',
  'level.national': 'Trung ương',
  'level.province': 'Tỉnh',
  'level.department': 'Sở, ngành',
  'level.district': 'Huyện',
  'level.unknown': 'Chưa rõ',
  'relation.implements': 'Triển khai',
  'relation.basis': 'Căn cứ',
  'relation.refers': 'Dẫn chiếu',
  'relation.reuse': 'Dùng lại nội dung',
  'relation.succeeds': 'Kế tiếp (ấn bản trước)',
  inCorpus: 'Trong thư mục',
  external: 'Văn bản được dẫn chiếu',
  graphStats: '{nodes} văn bản · {edges} liên kết',
  fit: 'Vừa khung',
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  exportPng: 'Xuất PNG',
  yearFrom: 'Từ năm',
  yearTo: 'đến',
  corpusOnly: 'Chỉ văn bản trong thư mục',
  emptyGraph: 'Chưa có liên kết nào để vẽ.',
  reuseScore: 'Trùng {score}% nội dung',
  clickEdgeHint: 'Bấm một cạnh "dùng lại nội dung" để so sánh hai văn bản.',
  'page.cites': 'Văn bản dẫn chiếu',
  'page.citedBy': 'Được dẫn chiếu bởi',
  'page.implementers': 'Văn bản triển khai',
  'page.reuse': 'Dùng chung nội dung với',
  'page.none': 'Không có.',
  'page.close': 'Đóng',
  'page.issuer': 'Cơ quan',
  'page.date': 'Ngày',
  'page.file': 'Tệp',
  mentions: '{count} lần',
  planA: 'Văn bản A (gốc / cũ hơn)',
  planB: 'Văn bản B (triển khai / mới hơn)',
  parent: 'Văn bản cấp trên',
  child: 'Văn bản triển khai',
  choosePlan: '— chọn văn bản —',
  swap: 'Đổi chiều',
  choosePair: 'Chọn hai văn bản để đối chiếu.',
  choosePairHint: 'Chọn ở hai ô trên, bấm một cạnh trong phả hệ, hoặc chọn hai dòng trong kho văn bản.',
  'filter.all': 'Tất cả',
  'filter.changes': 'Chỉ thay đổi',
  'filter.substantive': 'Chỉ thay đổi nội dung',
  changeList: 'Danh sách thay đổi',
  noChanges: 'Không có thay đổi.',
  nextChange: 'Thay đổi sau (n)',
  prevChange: 'Thay đổi trước (p)',
  print: 'In',
  keyboardHint: 'Phím n/j: dòng sau · p/k: dòng trước (trong các trạng thái đã chọn) · /: tìm',
  moved: 'đổi vị trí',
  merge: 'gộp',
  split: 'tách',
  cosmetic: 'hình thức',
  substantive: 'nội dung',
  similarity: 'tương đồng {value}',
  diffSummary: '{total} cặp: {identical} giữ nguyên, {modified} sửa đổi, {moved} đổi vị trí, {dropped} bỏ, {added} bổ sung',
  copyLink: 'Sao chép liên kết',
  linkCopied: 'Đã sao chép',
  // diff view (issue 19)
  'diff.statuses': 'Lọc theo trạng thái (chọn được nhiều)',
  'diff.search': 'Tìm trong hai văn bản',
  'diff.searchPlaceholder': 'Tìm… (phím /)',
  'diff.side.both': 'Cả hai bên',
  'diff.side.a': 'Bên A',
  'diff.side.b': 'Bên B',
  'diff.hits': '{current}/{total}',
  'diff.noHits': 'không thấy',
  'diff.prevHit': 'Kết quả trước (Shift+Enter)',
  'diff.nextHit': 'Kết quả sau (Enter)',
  'diff.copyText': 'Chép nội dung',
  'diff.copied': 'Đã chép vào bộ nhớ tạm',
  'diff.copyFailed': 'Không chép được',
  'diff.layout': 'Cách trình bày',
  'diff.layout.side': 'Hai cột',
  'diff.layout.inline': 'Một cột',
  'diff.ignore': 'Bỏ qua khác biệt',
  'fold.tone': 'vị trí dấu thanh',
  'fold.abbreviation': 'chữ viết tắt',
  'fold.case': 'chữ hoa, chữ thường',
  'fold.punctuation': 'dấu câu',
  'fold.spacing': 'khoảng trắng',
  'diff.folded': 'Giống nhau khi bỏ qua: {kinds}',
  'diff.foldedUnknown': 'Giống nhau sau khi chuẩn hóa',
  'diff.swaps': 'Đổi dấu thành từ khác: {words}',
  'diff.block': 'thay cả đoạn',
  'diff.blockTitle': 'Tương đồng dưới {value}: hiện cả đoạn cũ và đoạn mới',
  'diff.warnings': 'Cảnh báo khi đọc ({count})',
  'diff.warningHead': 'phần đầu văn bản',
  'diff.pane': 'Nội dung đối chiếu',
  'diff.rowsShown': '{shown}/{total} cặp',
  'diff.current': 'Dòng đang chọn: {clause}',
  'tcol.status': 'Tình trạng',
  'tcol.metric': 'Chỉ tiêu',
  'tcol.before': 'Cũ (A)',
  'tcol.after': 'Mới (B)',
  'tcol.delta': 'Chênh lệch',
  'tcol.horizon': 'Thời hạn',
  'tcol.also': 'Thay đổi khác',
  'marker.raised': 'tăng',
  'marker.lowered': 'giảm',
  'marker.weakened': 'hạ mức cam kết',
  'marker.strengthened': 'nâng mức cam kết',
  'marker.dropped': 'bỏ',
  'marker.added': 'bổ sung',
  'aspect.value': 'giá trị',
  'aspect.comparator': 'mức so sánh',
  'aspect.horizon': 'năm',
  'aspect.deadline': 'thời hạn',
  'aspect.lead': 'đơn vị chủ trì',
  'aspect.unit': 'đơn vị tính',
  exportCsv: 'Xuất CSV',
  noTargets: 'Hai văn bản không có chỉ tiêu định lượng.',
  targetSummary: '{total} chỉ tiêu: {copied} giữ nguyên, {modified} thay đổi ({raised} tăng, {lowered} giảm), {dropped} bỏ, {added} bổ sung',
  wasWorded: 'A ghi: {text}',
  score: 'Điểm bám sát',
  matrix: 'Ma trận thể hiện',
  findings: 'Phát hiện',
  noFindings: 'Không có phát hiện.',
  showSkeleton: 'Hiện khung chuẩn',
  onlyGaps: 'Chỉ dòng có khác biệt',
  'coverage.copied': 'giữ nguyên',
  'coverage.modified': 'sửa đổi',
  'coverage.dropped': 'không thể hiện',
  clauseRow: 'Nội dung',
  targetRow: 'Chỉ tiêu',
  skeletonTag: 'khung',
  openClause: 'Xem {side} {id}',
  sideA: 'A',
  sideB: 'B',
  coverageLine: '{copied} giữ nguyên · {modified} sửa đổi · {dropped} không thể hiện',
  uploadTitle: 'Kéo thả một văn bản vào đây',
  uploadHint: 'hoặc bấm để chọn tệp (.txt, .md, .docx, .pdf, .html). Tệp được đọc ngay trên máy, không gửi đi đâu.',
  uploadButton: 'Tải văn bản lên',
  uploadDone: 'Đã đọc "{file}". Chọn văn bản để đối chiếu:',
  uploadCompareWith: 'Đối chiếu với…',
  uploads: 'Văn bản tải lên',
  remove: 'Xóa',
  dropHere: 'Thả tệp để đối chiếu',
  'error.empty': 'tệp rỗng',
  'error.binary': 'không phải tệp văn bản',
  'error.encoding': 'không nhận ra bảng mã tiếng Việt',
  'error.too-large': 'tệp quá lớn',
  'error.corrupt': 'tệp bị hỏng',
  'error.encrypted': 'tệp có mật khẩu',
  'error.scanned-pdf': 'PDF dạng ảnh quét, không có lớp chữ',
  'error.unsupported': 'định dạng chưa hỗ trợ',
  'error.limits': 'vượt giới hạn đọc',
  'error.parse': 'lỗi khi phân tích',
  'error.fetch': 'không tải được tệp',
  analysisFailed: 'Không phân tích được: {reason}',
  footer: 'Mọi phân tích chạy ngay trong trình duyệt; tệp tải lên không rời khỏi máy.',
} as const;

/** A key of the dictionary. */
export type MessageKey = keyof typeof VI;

type Messages = { readonly [K in MessageKey]: string };

const EN: Messages = {
  appName: 'plandiff',
  appTagline: 'Plan diff and lineage',
  'view.corpus': 'Corpus',
  'view.lineage': 'Lineage',
  'view.diff': 'Diff',
  'view.targets': 'Targets',
  'view.fidelity': 'Fidelity',
  switchLanguage: 'Tiếng Việt',
  switchLanguageTitle: 'Chuyển sang tiếng Việt',
  loading: 'Loading…',
  loadingCorpus: 'Reading {done}/{total} plans…',
  analysing: 'Analysing…',
  emptyCorpus: 'The folder has no plans yet.',
  emptyCorpusHint: 'Add .txt, .md, .docx, .pdf or .html files to the folder and reload, or drop a file here to compare it.',
  corpusUnavailable: 'Could not load the list of plans: {reason}',
  retry: 'Retry',
  unreadable: 'Unreadable',
  unreadableFile: 'Could not read "{file}": {reason}',
  dismiss: 'Dismiss',
  search: 'Search title, issuer, number…',
  allLevels: 'All levels',
  allYears: 'All years',
  allTypes: 'All types',
  'col.title': 'Plan',
  'col.issuer': 'Issuer',
  'col.level': 'Level',
  'col.year': 'Year',
  'col.type': 'Type',
  'col.ident': 'Number',
  'col.targets': 'Targets',
  'col.actions': '',
  plansShown: '{shown}/{total} plans',
  noMatch: 'No plan matches the filters.',
  clearFilters: 'Clear filters',
  untitled: 'no title found',
  uploaded: 'uploaded',
  warnings: '{count} warning(s)',
  compareSelected: 'Compare the 2 selected plans',
  selectTwo: 'Select 2 plans to compare',
  openDiff: 'Compare',
  openInGraph: 'Show in lineage',
  'level.national': 'National',
  'level.province': 'Province',
  'level.department': 'Department',
  'level.district': 'District',
  'level.unknown': 'Unknown',
  'relation.implements': 'Implements',
  'relation.basis': 'Legal basis',
  'relation.refers': 'Refers to',
  'relation.reuse': 'Reuses text',
  'relation.succeeds': 'Next edition of',
  inCorpus: 'In the folder',
  external: 'Cited document',
  graphStats: '{nodes} documents · {edges} links',
  fit: 'Fit',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  exportPng: 'Export PNG',
  yearFrom: 'From',
  yearTo: 'to',
  corpusOnly: 'Folder plans only',
  emptyGraph: 'No links to draw yet.',
  reuseScore: '{score}% of text in common',
  clickEdgeHint: 'Click a "reuses text" edge to compare the two plans.',
  'page.cites': 'Cites',
  'page.citedBy': 'Cited by',
  'page.implementers': 'Implemented by',
  'page.reuse': 'Shares text with',
  'page.none': 'None.',
  'page.close': 'Close',
  'page.issuer': 'Issuer',
  'page.date': 'Date',
  'page.file': 'File',
  mentions: '{count}×',
  planA: 'Plan A (parent / older)',
  planB: 'Plan B (derivative / newer)',
  parent: 'Parent plan',
  child: 'Derivative plan',
  choosePlan: '— choose a plan —',
  swap: 'Swap',
  choosePair: 'Choose two plans to compare.',
  choosePairHint: 'Pick them above, click an edge in the lineage graph, or select two rows in the corpus.',
  'filter.all': 'All',
  'filter.changes': 'Changes only',
  'filter.substantive': 'Substantive only',
  changeList: 'Changes',
  noChanges: 'No changes.',
  nextChange: 'Next change (n)',
  prevChange: 'Previous change (p)',
  print: 'Print',
  keyboardHint: 'Keys n/j: next row · p/k: previous row (of the chosen statuses) · /: search',
  moved: 'moved',
  merge: 'merged',
  split: 'split',
  cosmetic: 'cosmetic',
  substantive: 'substantive',
  similarity: 'similarity {value}',
  diffSummary: '{total} pairs: {identical} identical, {modified} modified, {moved} moved, {dropped} dropped, {added} added',
  copyLink: 'Copy link',
  linkCopied: 'Copied',
  // diff view (issue 19)
  'diff.statuses': 'Filter by status (several at once)',
  'diff.search': 'Search both plans',
  'diff.searchPlaceholder': 'Search… (key /)',
  'diff.side.both': 'Both sides',
  'diff.side.a': 'Side A',
  'diff.side.b': 'Side B',
  'diff.hits': '{current}/{total}',
  'diff.noHits': 'not found',
  'diff.prevHit': 'Previous hit (Shift+Enter)',
  'diff.nextHit': 'Next hit (Enter)',
  'diff.copyText': 'Copy text',
  'diff.copied': 'Copied to the clipboard',
  'diff.copyFailed': 'Could not copy',
  'diff.layout': 'Layout',
  'diff.layout.side': 'Side by side',
  'diff.layout.inline': 'Inline',
  'diff.ignore': 'Ignore differences',
  'fold.tone': 'tone mark placement',
  'fold.abbreviation': 'abbreviations',
  'fold.case': 'upper / lower case',
  'fold.punctuation': 'punctuation',
  'fold.spacing': 'spacing',
  'diff.folded': 'Equal when ignoring: {kinds}',
  'diff.foldedUnknown': 'Equal after normalisation',
  'diff.swaps': 'Marks changed into another word: {words}',
  'diff.block': 'replaced whole',
  'diff.blockTitle': 'Similarity below {value}: the old and the new text shown whole',
  'diff.warnings': 'Reading warnings ({count})',
  'diff.warningHead': 'document header',
  'diff.pane': 'Compared text',
  'diff.rowsShown': '{shown}/{total} pairs',
  'diff.current': 'Current row: {clause}',
  'tcol.status': 'Status',
  'tcol.metric': 'Target',
  'tcol.before': 'Old (A)',
  'tcol.after': 'New (B)',
  'tcol.delta': 'Change',
  'tcol.horizon': 'Due',
  'tcol.also': 'Also changed',
  'marker.raised': 'raised',
  'marker.lowered': 'lowered',
  'marker.weakened': 'weakened',
  'marker.strengthened': 'strengthened',
  'marker.dropped': 'dropped',
  'marker.added': 'added',
  'aspect.value': 'value',
  'aspect.comparator': 'comparator',
  'aspect.horizon': 'year',
  'aspect.deadline': 'deadline',
  'aspect.lead': 'lead unit',
  'aspect.unit': 'unit',
  exportCsv: 'Export CSV',
  noTargets: 'Neither plan has numeric targets.',
  targetSummary: '{total} targets: {copied} copied, {modified} modified ({raised} raised, {lowered} lowered), {dropped} dropped, {added} added',
  wasWorded: 'A reads: {text}',
  score: 'Fidelity score',
  matrix: 'Coverage matrix',
  findings: 'Findings',
  noFindings: 'No findings.',
  showSkeleton: 'Show skeleton',
  onlyGaps: 'Only rows with differences',
  'coverage.copied': 'copied',
  'coverage.modified': 'modified',
  'coverage.dropped': 'not carried',
  clauseRow: 'Clause',
  targetRow: 'Target',
  skeletonTag: 'skeleton',
  openClause: 'Show {side} {id}',
  sideA: 'A',
  sideB: 'B',
  coverageLine: '{copied} copied · {modified} modified · {dropped} not carried',
  uploadTitle: 'Drop a plan here',
  uploadHint: 'or click to choose a file (.txt, .md, .docx, .pdf, .html). It is read on this computer and sent nowhere.',
  uploadButton: 'Upload a plan',
  uploadDone: 'Read "{file}". Choose a plan to compare it with:',
  uploadCompareWith: 'Compare with…',
  uploads: 'Uploaded plans',
  remove: 'Remove',
  dropHere: 'Drop the file to compare it',
  'error.empty': 'the file is empty',
  'error.binary': 'not a text file',
  'error.encoding': 'no Vietnamese encoding recognised',
  'error.too-large': 'the file is too large',
  'error.corrupt': 'the file is damaged',
  'error.encrypted': 'the file is password-protected',
  'error.scanned-pdf': 'a scanned PDF without a text layer',
  'error.unsupported': 'a format not supported',
  'error.limits': 'reading limits exceeded',
  'error.parse': 'an error while parsing',
  'error.fetch': 'the file could not be fetched',
  analysisFailed: 'Analysis failed: {reason}',
  footer: 'All analysis runs in your browser; uploaded files never leave this computer.',
};

const DICTIONARIES: Record<Lang, Messages> = { vi: VI, en: EN };

/** The message for a key in a language, `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = (DICTIONARIES[lang] ?? VI)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Whether a string names a language of the app. */
export function isLang(s: unknown): s is Lang {
  return s === 'vi' || s === 'en';
}

/** Label of a view's tab. */
export function viewLabel(lang: Lang, view: View): string {
  return t(lang, `view.${view}`);
}

/** Label of an administrative level (null: unknown). */
export function levelLabel(lang: Lang, level: Level | null): string {
  return t(lang, level ? `level.${level}` : 'level.unknown');
}

/** Label of a lineage relation. */
export function relationLabel(lang: Lang, relation: LineageRelation): string {
  return t(lang, `relation.${relation}`);
}

/** Label of a diff row status (moved included). */
export function rowStatusLabel(lang: Lang, status: RowStatus): string {
  return status === 'moved' ? capitalise(t(lang, 'moved')) : statusLabel(status, lang);
}

/** Label of an alignment or target status. */
export function statusText(lang: Lang, status: AlignmentStatus | TargetStatus): string {
  return statusLabel(status, lang);
}

/** Label of a target marker. */
export function markerLabel(lang: Lang, marker: TargetMarker): string {
  return t(lang, `marker.${marker}`);
}

/** Label of a kind of fidelity finding ("Chỉ tiêu bị hạ thấp"). */
export function findingKindLabel(lang: Lang, kind: FindingKind): string {
  return findingLabel(kind, lang);
}

/** A reason a file could not be read, from its error code (the English message when the code is unknown). */
export function errorReason(lang: Lang, error: { code: string; message: string }): string {
  const key = `error.${error.code}` as MessageKey;
  if (!(key in VI)) return error.message;
  return lang === 'en' ? `${t(lang, key)} (${error.message})` : t(lang, key);
}

/** The report labels of a language (for words shared with the HTML reports). */
export function reportLabels(lang: Lang): ReturnType<typeof labels> {
  return labels(lang);
}

/** A number in the language's format ("0,95" in Vietnamese). */
export function formatNumber(lang: Lang, n: number, digits = 0): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}
