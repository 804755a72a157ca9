/**
 * The administrative vocabulary every stage reads: issuing bodies and their symbol codes,
 * provincial departments, provinces before and after the 2025 reorganisation, administrative
 * levels and document types. Data in the sibling files; here the small lookups over it.
 */
import { stripDiacritics } from '../text/vietnamese.js';
import { NATIONAL_BODIES, LOCAL_BODIES, type Body, type LocalBody } from './bodies.js';
import { DEPARTMENTS, type Department } from './departments.js';
import { PROVINCES, type Province } from './provinces.js';
import { DOCUMENT_TYPES, type DocumentType } from './types.js';

export { NATIONAL_BODIES, LOCAL_BODIES, DEPARTMENTS, PROVINCES, DOCUMENT_TYPES };
export type { Body, LocalBody, Department, Province, DocumentType };

/** Cyrillic capitals that look like Latin ones, as a symbol typed on another keyboard writes them ("66/NQ-СР"). */
const LOOKALIKES: Readonly<Record<string, string>> = { А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', К: 'K', М: 'M', О: 'O', Р: 'P', Т: 'T', Х: 'X', І: 'I' };

/** A symbol with its Cyrillic look-alike letters read as the Latin ones: "NQ-СР" → "NQ-CP". */
export function latinLookalikes(symbol: string): string {
  return /[\u0400-\u04ff]/u.test(symbol) ? symbol.replace(/[АВСЕНКМОРТХІ]/gu, (c) => LOOKALIKES[c] ?? c) : symbol;
}

/** Administrative level of an issuer. */
export type Level = 'national' | 'province' | 'department' | 'district';

/** A name in comparison form: NFC, lower case, diacritics and "đ" folded, single spaces ("Văn hoá" = "Văn hóa"). */
export function foldName(s: string): string {
  return stripDiacritics(s.normalize('NFC').toLowerCase()).replace(/[\s\u00a0]+/gu, ' ').trim();
}

/** A symbol code in comparison form: "QĐ" = "QD", "SGD&ĐT" = "SGDĐT" = "SGDDT"; case kept ("TTg", "SoNNMT"). */
export function foldCode(code: string): string {
  return stripDiacritics(code.normalize('NFC')).replace(/&/gu, '');
}

function indexBy<T>(items: readonly T[], keys: (t: T) => readonly string[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const it of items) for (const k of keys(it)) if (!out.has(k)) out.set(k, it);
  return out;
}

const BODY_BY_CODE = indexBy(NATIONAL_BODIES, (b) => b.codes.map(foldCode));
const BODY_BY_UPPER_CODE = indexBy(NATIONAL_BODIES, (b) => b.codes.map((c) => foldCode(c).toUpperCase()));
const BODY_BY_NAME = indexBy(NATIONAL_BODIES, (b) => [b.name, ...(b.aliases ?? [])].map(foldName));
const LOCAL_BY_CODE = indexBy(LOCAL_BODIES, (b) => b.codes.map(foldCode));
const DEPARTMENT_BY_CODE = indexBy(DEPARTMENTS, (d) => d.codes.map(foldCode));
const DEPARTMENT_BY_UPPER_CODE = indexBy(DEPARTMENTS, (d) => d.codes.map((c) => foldCode(c).toUpperCase()));
const DEPARTMENT_NAMES = [...DEPARTMENTS].sort((a, b) => b.name.length - a.name.length);
const PROVINCE_BY_NAME = indexBy(PROVINCES, (p) => [p.name, ...(p.aliases ?? [])].map(foldName));
const TYPE_BY_CODE = indexBy(DOCUMENT_TYPES, (t) => t.codes.map(foldCode));
const TYPE_BY_WORD = indexBy(DOCUMENT_TYPES, (t) => [t.name, ...(t.words ?? [])].map(foldName));

/** Codes of the Quốc hội and its Standing Committee carry the term: "QH15" (60/2024/QH15), "UBTVQH15", "UBPLTP15". */
const TERM = /^(QH|UBTVQH|UBPLTP)\d{1,2}$/u;

/** The central body a symbol code names: "TTg" → Thủ tướng Chính phủ, "QH15" → Quốc hội, "CHQ" → Cục Hải quan; else null. */
export function bodyByCode(code: string): Body | null {
  const c = foldCode(code.trim());
  const t = TERM.exec(c);
  const key = t ? t[1]! : c;
  // a title in capitals writes "QĐ-TTG": the upper-cased code is looked up last
  return BODY_BY_CODE.get(key) ?? BODY_BY_UPPER_CODE.get(key.toUpperCase()) ?? null;
}

/** The central body a written name is ("BỘ TÀI CHÍNH", "Bộ Văn hoá, Thể thao và Du lịch", "Bộ Chính trị"); else null. */
export function bodyByName(name: string): Body | null {
  return BODY_BY_NAME.get(foldName(name)) ?? null;
}

/** The local body a symbol code names: "UBND", "HĐND", "TU"; else null. */
export function localBodyByCode(code: string): LocalBody | null {
  return LOCAL_BY_CODE.get(foldCode(code.trim())) ?? null;
}

/** The department a symbol code names: "SCT", "SGD&ĐT", "SoNNMT", "SKHĐT"; else null. */
export function departmentByCode(code: string): Department | null {
  const c = foldCode(code.trim());
  return DEPARTMENT_BY_CODE.get(c) ?? DEPARTMENT_BY_UPPER_CODE.get(c.toUpperCase()) ?? null;
}

/** The department whose name starts `text` (after "Sở "): "Giáo dục và Đào tạo tỉnh …", "VĂN HÓA, THỂ THAO VÀ DU LỊCH"; else null. */
export function departmentAt(text: string): Department | null {
  const f = foldName(text);
  return DEPARTMENT_NAMES.find((d) => {
    const n = foldName(d.name);
    return f.startsWith(n) && !/^[\p{L}\p{N}]/u.test(f.slice(n.length));
  }) ?? null;
}

/** The province of that name, either era, any listed spelling ("Thừa Thiên Huế" → Huế); else null. */
export function provinceByName(name: string): Province | null {
  return PROVINCE_BY_NAME.get(foldName(name.replace(/^(?:tỉnh|thành\s+phố|tp\.?)\s+/iu, ''))) ?? null;
}

const PROVINCE_NAMES = [...PROVINCE_BY_NAME.keys()].sort((a, b) => b.length - a.length);

/**
 * The province named at the start of `text` (the words after "tỉnh" / "thành phố"), the longest
 * name first so "Hồ Chí Minh" is never cut to "Minh": "QUẢNG TRỊ", "Hồ Chí Minh về việc …".
 * Returns the province and the length of its name in `text`.
 */
export function provinceAt(text: string): { province: Province; length: number } | null {
  const words = [...text.slice(0, 60).matchAll(/[^\s,.;:()]+/gu)];
  for (let n = Math.min(5, words.length); n >= 1; n--) {
    const last = words[n - 1]!;
    const end = last.index + last[0].length;
    const p = PROVINCE_BY_NAME.get(foldName(text.slice(0, end).replace(/\s*-\s*/gu, ' - ')));
    if (p) return { province: p, length: end };
  }
  return null;
}

/** The document type a symbol code opens: "QĐ" → Quyết định, "NĐ" → Nghị định, "VBHN"; else null. */
export function typeByCode(code: string): DocumentType | null {
  return TYPE_BY_CODE.get(foldCode(code.trim())) ?? null;
}

/** The document type of a written word ("QUYẾT ĐỊNH", "Kế hoạch hành động", "công điện"); else null. */
export function typeByWord(word: string): DocumentType | null {
  return TYPE_BY_WORD.get(foldName(word)) ?? null;
}

/** What a symbol says of its document: the type code, the issuing body's code and the level. */
export interface SymbolReading {
  /** The type its first part names ("QĐ-UBND" → Quyết định); null for a letter's "UBND-KT". */
  type: DocumentType | null;
  /** The central body it names, if any. */
  body: Body | null;
  /** The local body it names, if any (UBND, HĐND, TU). */
  local: LocalBody | null;
  /** The department it names, if any (SCT, SNV …). */
  department: Department | null;
  level: Level | null;
}

/**
 * Reads a symbol: "QĐ-TTg" (type, Prime Minister), "NĐ-CP", "NQ/TW", "KH-SCT" (a department),
 * "UBND-KT" (a letter of the People's Committee: no type code), "CT-CS" (a letter of the Cục Thuế:
 * CT is the issuer when no issuer code follows), "BC-UBPLTP15", "QĐ-BNN-KHCN".
 */
export function readSymbol(symbol: string): SymbolReading {
  const parts = symbol.split(/[-/–]+/u).map((p) => p.trim()).filter(Boolean);
  const out: SymbolReading = { type: null, body: null, local: null, department: null, level: null };
  let from = 0;
  const first = parts[0];
  if (first !== undefined) {
    const type = typeByCode(first);
    const issuerAfter = parts.slice(1).some((p) => bodyByCode(p) || localBodyByCode(p) || departmentByCode(p));
    if (type && (issuerAfter || !bodyByCode(first))) {
      out.type = type;
      from = 1;
    }
  }
  for (const p of parts.slice(from)) {
    if (!out.body && !out.local && !out.department) {
      out.body = bodyByCode(p);
      if (!out.body) out.local = localBodyByCode(p);
      if (!out.body && !out.local) out.department = departmentByCode(p);
    }
  }
  out.level = out.body ? 'national' : out.department ? 'department' : out.local ? out.local.level : null;
  return out;
}
