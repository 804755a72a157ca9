/**
 * The review decisions a report prints next to each item (isomorphic: the reports and the web view
 * get them from the store through the CLI or the server, as plain data).
 */
import type { ReviewItem } from '../compare/review-items.js';

/** A decision as a report shows it. */
export interface DecisionView {
  /** confirmed | explained | false-alarm. */
  status: 'confirmed' | 'explained' | 'false-alarm';
  reason: string | null;
  note: string | null;
  /** Made on an earlier version of either plan. */
  earlierVersion: boolean;
  /** The item's text when the decision was made. */
  itemText: string;
}

/** Decisions by review item id. */
export type DecisionMap = ReadonlyMap<string, DecisionView>;

const STATUS = {
  vi: { confirmed: 'Xác nhận', explained: 'Đã giải trình', 'false-alarm': 'Báo nhầm', open: 'Chưa xem xét', earlier: 'quyết định trên phiên bản trước' },
  en: { confirmed: 'Confirmed', explained: 'Explained', 'false-alarm': 'False alarm', open: 'Open', earlier: 'made on an earlier version' },
} as const;

/** "Đã giải trình: lý do (quyết định trên phiên bản trước)" — a decision in one line. */
export function decisionText(d: DecisionView | undefined, lang: 'vi' | 'en' = 'vi'): string {
  const t = STATUS[lang];
  if (!d) return t.open;
  return `${t[d.status]}${d.reason ? `: ${d.reason}` : ''}${d.earlierVersion ? ` (${t.earlier})` : ''}`;
}

/** Counts of decisions over `items` (open for those without one). */
export function decisionCounts(items: readonly ReviewItem[], decisions: DecisionMap): Record<'confirmed' | 'explained' | 'false-alarm' | 'open', number> {
  const out = { confirmed: 0, explained: 0, 'false-alarm': 0, open: 0 };
  for (const i of items) out[decisions.get(i.id)?.status ?? 'open'] += 1;
  return out;
}

/** The status label alone. */
export function statusName(s: DecisionView['status'] | 'open', lang: 'vi' | 'en' = 'vi'): string {
  return STATUS[lang][s];
}
