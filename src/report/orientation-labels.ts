/**
 * The orientation of a pair (src/compare/orient.ts) in words, Vietnamese or English, for the
 * reports and the web view.
 */
import type { Orientation, OrientationWarning } from '../compare/orient.js';
import type { Lang } from './compare-labels.js';

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '?' : String(v));

/** One warning as a sentence. */
export function orientationSentence(w: OrientationWarning, lang: Lang = 'vi'): string {
  const d = w.detail;
  if (lang === 'en') return w.message;
  switch (w.code) {
    case 'child-older':
      return `Văn bản triển khai (${s(d.child)}) ban hành trước văn bản cấp trên (${s(d.parent)}).`;
    case 'other-province':
      return `Văn bản triển khai thuộc tỉnh ${s(d.child)}, văn bản cấp trên thuộc tỉnh ${s(d.parent)}.`;
    case 'cites-earlier-edition':
      return `Văn bản triển khai không viện dẫn ${s(d.parent)}; văn bản thực hiện ${s(d.cited)} năm ${s(d.citedYear)}, là kỳ trước của văn bản cấp trên.`;
    case 'cites-neither':
      return `Văn bản triển khai không viện dẫn ${s(d.parent)}, cũng không viện dẫn kỳ trước của văn bản này.`;
    case 'undecided':
      return 'Không xác định được văn bản nào là cấp trên (cùng cấp, không viện dẫn nhau): xét theo thứ tự đã chọn.';
    case 'year-on-year':
      return `Hai văn bản là hai kỳ của cùng một kế hoạch (năm ${s(d.older)} và năm ${s(d.newer)}): so sánh giữa các năm; chỉ tiêu đặt thấp hơn hay cao hơn là giảm hay tăng giữa hai kỳ, không phải hạ hay nâng mức cam kết.`;
  }
}

/** Why the parent is the parent, and whether the pair was swapped, as one sentence; null when there is nothing to say. */
export function orientationNote(o: Orientation, lang: Lang = 'vi'): string | null {
  if (!o.swapped) return null;
  const why = {
    vi: { cites: 'văn bản kia viện dẫn nó', series: 'văn bản kia thực hiện kỳ trước của nó', level: 'cấp ban hành cao hơn', given: 'theo lựa chọn' },
    en: { cites: 'the other cites it', series: 'the other implements its earlier edition', level: 'it is issued a level higher', given: 'as chosen' },
  }[lang][o.reason ?? 'given'];
  return lang === 'vi'
    ? `Đã đổi chiều: văn bản thứ hai là văn bản cấp trên (${why}).`
    : `Swapped: the second plan is the parent (${why}).`;
}
