/**
 * Abbreviations: a small built-in glossary plus definitions a document makes itself
 * ("thủ tục hành chính (TTHC)", "Sở Giáo dục và Đào tạo (GDĐT)").
 */
import { hasSurrogate, isLetterOrNumber, stripDiacritics } from './vietnamese.js';

/** Common administrative abbreviations, expanded in lower case. */
export const GLOSSARY: Readonly<Record<string, string>> = {
  UBND: 'ủy ban nhân dân',
  HĐND: 'hội đồng nhân dân',
  TTHC: 'thủ tục hành chính',
  QPPL: 'quy phạm pháp luật',
  CCHC: 'cải cách hành chính',
  CCVC: 'công chức, viên chức',
  CBCCVC: 'cán bộ, công chức, viên chức',
  CBCC: 'cán bộ, công chức',
  CNTT: 'công nghệ thông tin',
  CSDL: 'cơ sở dữ liệu',
  DVC: 'dịch vụ công',
  DVCTT: 'dịch vụ công trực tuyến',
  VPCP: 'Văn phòng Chính phủ',
  PVHCC: 'phục vụ hành chính công',
  KSTT: 'kiểm soát thủ tục hành chính',
  KSTTHC: 'kiểm soát thủ tục hành chính',
  GDĐT: 'giáo dục và đào tạo',
  'GD&ĐT': 'giáo dục và đào tạo',
  'KH&CN': 'khoa học và công nghệ',
  KHCN: 'khoa học và công nghệ',
  'TT&TT': 'thông tin và truyền thông',
  TTTT: 'thông tin và truyền thông',
  'KT-XH': 'kinh tế - xã hội',
  MTTQ: 'mặt trận tổ quốc',
  VBĐT: 'văn bản điện tử',
  ĐT: 'điện tử',
};

/** Words that may sit inside a defined phrase without giving a letter ("Giáo dục và Đào tạo"). */
const SKIPPABLE = new Set(['và', 'của', 'các', 'về', 'với']);

const DEFINITION_RE = /\(([A-ZĐ][A-ZĐ&-]{1,9})\)/gu;

function initial(word: string): string {
  const c = word.charAt(0);
  return c === 'đ' || c === 'Đ' ? 'Đ' : stripDiacritics(c).toUpperCase();
}

/**
 * Finds the phrase before "(ABBR)" that the abbreviation stands for, trying the contiguous reading
 * first ("thủ tục hành chính (TTHC)") and then the widest window in which the letters occur in
 * order ("quy định liên quan đến hoạt động kinh doanh (QĐKD)").
 */
export function definedPhrase(before: string, abbr: string): string | null {
  const letters = [...abbr.replace(/[&-]/g, '')];
  const ws = before.replace(/[,;:]\s*$/, '').split(/\s+/).filter(Boolean);
  if (ws.length === 0) return null;
  // contiguous (skippable joiners allowed)
  let li = letters.length - 1;
  let wi = ws.length - 1;
  while (wi >= 0 && li >= 0) {
    const w = ws[wi]!;
    if (initial(w) === letters[li]) li -= 1;
    else if (!SKIPPABLE.has(w.toLowerCase())) break;
    wi -= 1;
  }
  if (li < 0) return ws.slice(wi + 1).join(' ');
  // widest window where the letters are a subsequence, anchored on a first-letter word
  const maxWords = letters.length * 2 + 2;
  for (let start = Math.max(0, ws.length - maxWords); start < ws.length; start++) {
    if (initial(ws[start]!) !== letters[0]) continue;
    let k = 0;
    for (let j = start; j < ws.length && k < letters.length; j++) if (initial(ws[j]!) === letters[k]) k += 1;
    if (k === letters.length && initial(ws[ws.length - 1]!) === letters[letters.length - 1]) return ws.slice(start).join(' ');
  }
  return null;
}

/** Definitions made in a text: { TTHC: "thủ tục hành chính", QĐKD: "quy định liên quan đến hoạt động kinh doanh" }. */
export function findDefinitions(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of text.matchAll(DEFINITION_RE)) {
    const abbr = m[1]!;
    if (found[abbr]) continue;
    const before = text.slice(Math.max(0, m.index - 160), m.index);
    const phrase = definedPhrase(before.split(/[.;(\n]/).pop() ?? '', abbr);
    if (phrase) found[abbr] = phrase.toLowerCase();
  }
  return found;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex matching any of the abbreviations as a whole word. */
function wholeWords(keys: string[]): RegExp {
  const sorted = [...keys].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}&])(${sorted.map(escapeRe).join('|')})(?![\\p{L}\\p{N}&])`, 'gu');
}

/**
 * Builds an expander replacing whole-word abbreviations by their lower-case expansions: what
 * `text.replace(wholeWords(keys), …)` gives, found by hand in text of the Basic Multilingual Plane
 * (the pattern's look-arounds over Unicode letter classes cost more to compile than a command's
 * whole folding); text with astral code points, or keys with them, go through the pattern.
 */
export function makeExpander(abbreviations: Record<string, string>): (text: string) => string {
  const keys = Object.keys(abbreviations);
  if (keys.length === 0) return (t) => t;
  let re: RegExp | null = null;
  const byPattern = (text: string): string => text.replace((re ??= wholeWords(keys)), (k) => abbreviations[k] ?? k);
  if (keys.some((k) => k.length === 0 || hasSurrogate(k))) return byPattern;
  // the keys by their first code unit, longest first as the pattern's alternatives are
  const byFirst = new Map<number, string[]>();
  for (const k of [...keys].sort((a, b) => b.length - a.length)) {
    const list = byFirst.get(k.charCodeAt(0));
    if (list) list.push(k);
    else byFirst.set(k.charCodeAt(0), [k]);
  }
  const boundary = (text: string, i: number): boolean => text.charCodeAt(i) !== 38 && !isLetterOrNumber(text, i); // 38: "&"
  return (text) => {
    if (hasSurrogate(text)) return byPattern(text);
    let out = '';
    let copied = 0;
    for (let i = 0; i < text.length; i++) {
      const list = byFirst.get(text.charCodeAt(i));
      if (!list || !boundary(text, i - 1)) continue;
      const key = list.find((k) => text.startsWith(k, i) && boundary(text, i + k.length));
      if (key === undefined) continue;
      out += text.slice(copied, i) + (abbreviations[key] ?? key);
      copied = i + key.length;
      i = copied - 1;
    }
    return copied === 0 ? text : out + text.slice(copied);
  };
}

/** The abbreviations among `keys` that occur in a text as whole words. */
export function findAbbreviations(text: string, keys: string[]): string[] {
  if (keys.length === 0) return [];
  return [...new Set([...text.matchAll(wholeWords(keys))].map((m) => m[1]!))];
}

/** The glossary merged with a document's own definitions (the document wins). */
export function abbreviationsFor(text: string): Record<string, string> {
  return { ...GLOSSARY, ...findDefinitions(text) };
}
