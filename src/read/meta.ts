/**
 * The document's identity from its header, title, annex lines and signature: type, number,
 * symbol, date, issuer, place, title. Where the document contradicts itself (an OCR-garbled
 * "3HH /QĐ-UBND" beside "344/QĐ-UBND"), the best-supported reading wins and a warning names
 * the variants.
 */
import { META } from '../patterns/meta.js';
import type { Structure } from './structure.js';
import type { DocumentMeta, Span, Warning } from '../types.js';

interface Sourced<T> {
  value: T;
  span: Span;
  /** Where it was read: "number line", "annex", … */
  from: string;
}

/** Reads "344/QĐ-UBND", "3HH /QĐ-UBND", "/KH-SCT", "3/HH/QĐ-UBND", "57-NQ/TW" into number and symbol. */
export function splitNumberSymbol(token: string): { number: string | null; symbol: string | null; year: number | null } {
  const compact = token.replace(/\s+/g, '');
  const parts = compact.split('/');
  let symbolParts: string[] = [];
  // the symbol: the last part with a hyphen or the known two-part forms (NQ/TW, KH/TU)
  const last = parts[parts.length - 1] ?? '';
  if (/^[\p{Lu}Đ][\p{Lu}\p{N}Đ]*(?:-[\p{Lu}\p{N}Đ]+)+$/u.test(last) || /^QH\d+$/u.test(last)) symbolParts = [last];
  else if (parts.length >= 2 && /^\d+-[\p{Lu}Đ]+$/u.test(parts[parts.length - 2]!) && /^[\p{Lu}Đ]+$/u.test(last)) {
    const [num, kind] = parts[parts.length - 2]!.split('-');
    return { number: num || null, symbol: `${kind}/${last}`, year: null };
  } else if (/^[\p{Lu}Đ]{2,}$/u.test(last)) symbolParts = [last];
  const rest = parts.slice(0, parts.length - symbolParts.length);
  let year: number | null = null;
  if (rest.length >= 2 && /^(?:19|20)\d\d$/u.test(rest[rest.length - 1]!)) year = Number(rest.pop());
  const number = rest.join('/');
  return { number: number.length ? number : null, symbol: symbolParts.length ? symbolParts.join('/') : null, year };
}

/** Reads a date written "ngày 13 tháng 02 năm 2025", "ngày tháng 02 năm 2024", "ngày /02/2024", "ngày 13 / 02 / 2025". */
export function readDate(text: string): string | null {
  const m = META.date.exec(text);
  if (!m) return null;
  const day = m[1] ? Number(m[1]) : null;
  const month = Number(m[2] ?? m[4]);
  const year = Number(m[3] ?? m[5]);
  if (!(month >= 1 && month <= 12) || !(year >= 1945 && year <= 2100)) return null;
  const mm = String(month).padStart(2, '0');
  if (day === null || !(day >= 1 && day <= 31)) return `${year}-${mm}`;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

const DEPARTMENTS: ReadonlyArray<string> = [
  'Công Thương',
  'Giáo dục và Đào tạo',
  'Tài chính',
  'Nội vụ',
  'Tư pháp',
  'Kế hoạch và Đầu tư',
  'Thông tin và Truyền thông',
  'Y tế',
  'Xây dựng',
  'Giao thông vận tải',
  'Nông nghiệp và Phát triển nông thôn',
  'Nông nghiệp và Môi trường',
  'Tài nguyên và Môi trường',
  'Lao động - Thương binh và Xã hội',
  'Văn hóa, Thể thao và Du lịch',
  'Khoa học và Công nghệ',
  'Ngoại vụ',
  'Dân tộc và Tôn giáo',
];

/** Department symbols as they appear after the type code ("KH-SCT", "KH-SGDĐT"). */
const DEPARTMENT_SYMBOLS: Readonly<Record<string, string>> = {
  SCT: 'Công Thương',
  SGDĐT: 'Giáo dục và Đào tạo',
  STC: 'Tài chính',
  SNV: 'Nội vụ',
  STP: 'Tư pháp',
  SKHĐT: 'Kế hoạch và Đầu tư',
  STTTT: 'Thông tin và Truyền thông',
  SYT: 'Y tế',
  SXD: 'Xây dựng',
  SNNPTNT: 'Nông nghiệp và Phát triển nông thôn',
  SNNMT: 'Nông nghiệp và Môi trường',
  STNMT: 'Tài nguyên và Môi trường',
  SKHCN: 'Khoa học và Công nghệ',
};

/** National issuers by symbol ("NQ-CP" → Chính phủ). */
const NATIONAL_ISSUERS: ReadonlyArray<[RegExp, string]> = [
  [/-TTg$/u, 'Thủ tướng Chính phủ'],
  [/-CP$/u, 'Chính phủ'],
  [/-VPCP$/u, 'Văn phòng Chính phủ'],
  [/^QH\d+$/u, 'Quốc hội'],
  [/\/TW$/u, 'Ban Chấp hành Trung ương'],
];

function fold(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** "KHÁNH HÒA" → "Khánh Hòa", "BẮC GIANG" → "Bắc Giang". */
export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** The official name of a department mentioned in a text ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Công Thương tỉnh …", "Sở GDĐT"). */
export function findDepartment(text: string): string | null {
  for (const m of text.matchAll(META.departmentLead)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const f = fold(after);
    const known = DEPARTMENTS.find((d) => f.startsWith(fold(d)) && !/^[\p{L}]/u.test(f.slice(fold(d).length)));
    if (known) return known;
    const code = /^([\p{Lu}Đ]{2,8})(?![\p{L}])/u.exec(after);
    if (code && DEPARTMENT_SYMBOLS[`S${code[1]}`]) return DEPARTMENT_SYMBOLS[`S${code[1]}`]!;
  }
  return null;
}

function majority<T>(items: Sourced<T>[], key: (v: T) => string, prefer?: (v: T) => boolean): Sourced<T> | null {
  if (items.length === 0) return null;
  const counts = new Map<string, number>();
  for (const it of items) counts.set(key(it.value), (counts.get(key(it.value)) ?? 0) + 1);
  const scored = items.map((it, k) => ({ it, k, score: (counts.get(key(it.value)) ?? 0) + (prefer && prefer(it.value) ? 10 : 0) }));
  scored.sort((a, b) => b.score - a.score || a.k - b.k);
  return scored[0]!.it;
}

/** Sentence case for a subject written in capitals, keeping province names capitalised. */
function sentenceCase(s: string): string {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters !== letters.toUpperCase()) return s;
  // words with digits ("5G") and Roman numerals ("lần thứ XIV") keep their capitals; the rest is lower-cased
  let lower = s.replace(/[\p{L}\p{N}]+/gu, (w) => (/\p{N}/u.test(w) || /^[IVXLC]{2,}$/u.test(w) ? w : w.toLowerCase()));
  lower = lower.replace(/(tỉnh|thành phố)\s+((?:[\p{L}]+\s?){1,3})$/u, (_, kind: string, name: string) => `${kind} ${titleCase(name)}`);
  return lower;
}

function lowerFirst(s: string): string {
  const first = s.split(/\s+/)[0] ?? '';
  if (first.length > 1 && first === first.toUpperCase()) return s; // an acronym ("TTHC")
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Reads the document meta from the structure. */
export function readMeta(st: Structure): DocumentMeta {
  const warnings: Warning[] = [];
  const header = st.header;
  const numbers: Sourced<{ number: string | null; symbol: string | null }>[] = [];
  const dates: Sourced<string>[] = [];
  let place: string | null = null;

  for (const b of header) {
    if (b.role === 'number' || b.role === 'annex') {
      const m = (b.role === 'number' ? META.numberLine : META.annexNumber).exec(b.text);
      if (m) {
        const { number, symbol } = splitNumberSymbol(m[1]!);
        if (symbol) numbers.push({ value: { number, symbol }, span: b.span, from: b.role });
      }
    }
    if (b.role === 'number' || b.role === 'place-date' || b.role === 'annex') {
      const d = readDate(b.text);
      if (d) dates.push({ value: d, span: b.span, from: b.role });
      const p = META.place.exec(b.text.replace(/^Số\s*:?\s*\S*\s*\/\s*\S+\s*/u, ''));
      if (p && !place) place = p[1]!.trim();
    }
  }

  // number: a clean all-digit reading beats OCR-garbled ones; otherwise the majority
  const clean = (v: { number: string | null }): boolean => v.number !== null && /^\d+$/u.test(v.number);
  const withNumber = numbers.filter((n) => n.value.number !== null);
  const chosenNumber = majority(withNumber, (v) => v.number ?? '', clean);
  const distinctNumbers = [...new Set(withNumber.map((n) => n.value.number!))];
  if (distinctNumbers.length > 1 && chosenNumber) {
    warnings.push({
      code: 'number-mismatch',
      message: `The document gives its number as ${distinctNumbers.map((n) => `"${n}"`).join(', ')}; read as "${chosenNumber.value.number}"`,
      span: chosenNumber.span,
    });
  }
  const fromNumberLine = numbers.find((n) => n.from === 'number');
  const symbol = chosenNumber?.value.symbol ?? fromNumberLine?.value.symbol ?? numbers[0]?.value.symbol ?? null;

  // date: majority of full dates; partial dates only when nothing better
  const full = dates.filter((d) => d.value.length === 10);
  const chosenDate = majority(full.length ? full : dates, (v) => v);
  const distinctDates = [...new Set(dates.map((d) => d.value))].filter((d) => !chosenDate || !chosenDate.value.startsWith(d) || d === chosenDate.value);
  if (chosenDate && distinctDates.length > 1) {
    warnings.push({
      code: 'date-mismatch',
      message: `The document gives its date as ${distinctDates.map((d) => `"${d}"`).join(', ')}; read as "${chosenDate.value}"`,
      span: chosenDate.span,
    });
  }
  const date = chosenDate?.value ?? null;

  // type and title
  const typeBlock = header.find((b) => b.role === 'type');
  const typeAt = header.findIndex((b) => b.role === 'type');
  // the subject may be wrapped over several paragraphs ("… ĐẠI HỘI LẦN THỨ" / "XIV CỦA ĐẢNG; …")
  const subjectParts: string[] = [];
  for (let k = typeAt + 1; k < header.length && header[k]!.role === 'subject'; k++) subjectParts.push(header[k]!.text);
  const subjectBlock = subjectParts.length ? { text: subjectParts.join(' ') } : typeAt < 0 ? header.find((b) => b.role === 'subject') : undefined;
  const carried = header.find((b) => b.role === 'carried-title');
  let type: string | null = null;
  let subject: string | null = null;
  if (typeBlock) {
    const m = META.typeWord.exec(typeBlock.text);
    if (m) {
      type = m[1]!.charAt(0) + m[1]!.slice(1).toLowerCase().replace(/\s+/g, ' ');
      const inline = typeBlock.text.slice(m[0].length).trim();
      subject = inline || subjectBlock?.text || null;
    }
  } else if (subjectBlock) subject = subjectBlock.text;
  let carrier: string | null = null;
  let title: string | null = null;
  const issuedPlan = subject ? META.issuesPlan.exec(subject) : null;
  const carriedType = carried ? META.typeWord.exec(carried.text) : null;
  if (type && issuedPlan && fold(issuedPlan[1]!) !== fold(type)) {
    // "QUYẾT ĐỊNH Ban hành Kế hoạch …": the decision carries the plan
    carrier = type;
    type = issuedPlan[1]!.charAt(0).toUpperCase() + issuedPlan[1]!.slice(1).toLowerCase();
    title = subject!.slice(issuedPlan[0].length - issuedPlan[1]!.length).trim();
    title = title.charAt(0).toUpperCase() + title.slice(1);
  } else if (type && carried && carriedType) {
    carrier = type;
    type = carriedType[1]!.charAt(0) + carriedType[1]!.slice(1).toLowerCase().replace(/\s+/g, ' ');
    title = `${type} ${lowerFirst(sentenceCase(carried.text.slice(carriedType[0].length).trim()))}`.trim();
  } else if (type) {
    title = subject ? `${type} ${lowerFirst(sentenceCase(subject))}` : type;
  }
  const annexCarrier = header.find((b) => b.role === 'annex' && META.annexCarrier.test(b.text));
  if (!carrier && type === 'Kế hoạch' && annexCarrier) {
    const m = META.annexCarrier.exec(annexCarrier.text);
    if (m && !/Kế\s+hoạch/u.test(m[1]!)) carrier = m[1]!.replace(/\s+/g, ' ');
  }

  // issuer, province and level
  const texts = [...header, ...st.closing.filter((b) => b.role === 'issuer'), ...st.preamble.filter((b) => b.role === 'intro')];
  let department: string | null = null;
  let province: string | null = null;
  let provinceKind = 'tỉnh';
  let level: DocumentMeta['level'] = null;
  for (const b of texts) {
    const t = b.text;
    department ??= findDepartment(t);
    if (!province) {
      const p = META.province.exec(t);
      if (p) {
        provinceKind = p[1]!.toLowerCase();
        province = titleCase(p[2]!.split(/\s+(?=SỞ|Sở|UBND|ỦY|UỶ|BAN|VĂN|xây|ban|về)/u)[0]!);
      }
    }
    if (!level && (b.role === 'authority' || (b.role === 'issuer' && !/SỞ/u.test(t))) && /ỦY\s+BAN|UỶ\s+BAN|UBND/u.test(t)) level = 'province';
  }
  if (!department && symbol) {
    const code = symbol.split('-').pop() ?? '';
    if (DEPARTMENT_SYMBOLS[code]) department = DEPARTMENT_SYMBOLS[code]!;
  }
  if (place) province = place;
  if (province) {
    const p = /^(?:tỉnh|thành phố)\s+(.+)$/iu.exec(province);
    if (p) province = titleCase(p[1]!);
  }
  let issuer: string | null = null;
  if (department) {
    level = 'department';
    issuer = `Sở ${department}${province ? ` ${provinceKind} ${province}` : ''}`;
  } else if (level === 'province' || (symbol && /-UBND$/u.test(symbol))) {
    level = 'province';
    issuer = province ? `UBND ${provinceKind} ${province}` : 'UBND tỉnh';
  }

  if (!issuer && symbol) {
    const national = NATIONAL_ISSUERS.find(([re]) => re.test(symbol));
    if (national) {
      issuer = national[1];
      level = 'national';
    }
  }
  const year = date ? Number(date.slice(0, 4)) : null;
  // a title sentence-cased from capitals lost the province's capitals ("… tỉnh bắc ninh giai đoạn …")
  if (title && province) title = title.replace(new RegExp(`(?<![\\p{L}])${province.toLowerCase()}(?![\\p{L}])`, 'gu'), province);
  return {
    type,
    number: chosenNumber?.value.number ?? null,
    symbol,
    year,
    date,
    issuer,
    place,
    province,
    level,
    title,
    carrier,
    encoding: 'utf-8',
    warnings,
  };
}
