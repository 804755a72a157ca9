/**
 * The document's identity from its header, title, annex lines and signature: type, number,
 * symbol, date, issuer, place, title. One reading order for each field, and a warning where the
 * document contradicts itself (an OCR-garbled "3HH /QĐ-UBND" beside "344/QĐ-UBND"):
 *
 * - number: the number line ("Số: 2597/QĐ-TTg", "Luật số: 60/2024/QH15", "Số 383-QĐ/TW", or one
 *   inside a header row "CHÍNH PHỦ___ Số: 171/2025/NĐ-CP | CỘNG HÒA …"), then the annex line of
 *   the title ("(Ban hành kèm theo Quyết định số …)") when the header has none; an annex line after
 *   the body only confirms a number of the same symbol. Never a number from the body.
 * - year: the one inside the number (16/2025/NĐ-CP), else the date's.
 * - type: the document's own type word; a consolidated text (VBHN) by its symbol; a letter
 *   ("V/v …", "Kính gửi") is a Công văn; a decision issuing a plan is read as the plan it carries.
 * - issuer: the issuing block at the head (left of the motto), then the authority line, then the
 *   symbol's issuer code. A department only when its name heads the document.
 */
import { META } from '../patterns/meta.js';
import { dropStampLead, readFormNumbers, readObscuredNumberLine, readStampedTypeLine } from './meta-ocr.js';
import type { Structure } from './structure.js';
import type { Block, DocumentMeta, Span, Warning } from '../types.js';
import { bodyByName, departmentAt, latinLookalikes, departmentByCode, foldName, provinceAt, provinceByName, readSymbol, typeByCode, typeByWord } from '../vocabulary/index.js';

interface Sourced<T> {
  value: T;
  span: Span;
  /** Where it was read: "number", "row", "annex", "place-date" … */
  from: string;
}

type HeaderBlock = Structure['header'][number];

/** Reads "344/QĐ-UBND", "3HH /QĐ-UBND", "/KH-SCT", "3/HH/QĐ-UBND", "57-NQ/TW", "2597/QĐ-TTg", "11554/VPCP-V.I" into number and symbol. */
export function splitNumberSymbol(token: string): { number: string | null; symbol: string | null; year: number | null } {
  const compact = latinLookalikes(token.replace(/\s+/g, '').replace(/[.\-/]+$/u, ''));
  const parts = compact.split('/');
  let symbolParts: string[] = [];
  const last = parts[parts.length - 1] ?? '';
  const prev = parts.length >= 2 ? parts[parts.length - 2]! : '';
  if (parts.length >= 2 && /^\d+-[\p{Lu}Đ][\p{L}Đđ]*$/u.test(prev) && /^[\p{Lu}Đ][\p{L}\p{N}Đđ&]*$/u.test(last)) {
    // the Party's form: "57-NQ/TW", "383-QĐi/TW", "45-HD/BTCTW"
    const [num, kind] = prev.split('-');
    return { number: num || null, symbol: `${kind}/${last}`, year: null };
  }
  // the symbol: the last part, a capital first ("QĐ-UBND", "QĐ-TTg", "QH15", "VPCP-V.I", "BNV-CTTN&BĐG", "TTr-SoNNMT")
  if (/^[\p{Lu}Đ][\p{L}\p{N}Đđ&.]*(?:-[\p{L}\p{N}Đđ&.]+)*$/u.test(last) && /\p{Lu}.*\p{Lu}|\p{Lu}\p{N}|^[\p{Lu}Đ]{2}/u.test(last)) symbolParts = [last];
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

/** "KHÁNH HÒA" → "Khánh Hòa", "BẮC GIANG" → "Bắc Giang". */
export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** The official name of a department named in a text ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Công Thương tỉnh …", "Sở GDĐT"). */
export function findDepartment(text: string): string | null {
  for (const m of text.matchAll(META.departmentLead)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const known = departmentAt(after);
    if (known) return known.name;
    const code = /^([\p{Lu}Đ][\p{L}Đđ&]{1,8})(?![\p{L}])/u.exec(after);
    const byCode = code ? departmentByCode(`S${code[1]}`) : null;
    if (byCode) return byCode.name;
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

function capitalType(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase().replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Identity: number, symbol, year
// ---------------------------------------------------------------------------------------------

interface Identity {
  number: string | null;
  symbol: string | null;
  /** The year printed inside the number ("16/2025/NĐ-CP"). */
  year: number | null;
  /** "Luật số: 60/2024/QH15": the type the number line names. */
  lineType: string | null;
  /** Symbols of the annex lines that confirmed the number (their dates count too). */
  annexes: Set<HeaderBlock>;
  /** The block an obscured number line was read from (its date stands in when the header has no other). */
  row: HeaderBlock | null;
}

function foldSymbol(s: string): string {
  return foldName(s).replace(/\s+/g, '').toUpperCase();
}

/** Where the body starts in the original: the first preamble block or clause. */
function bodyStart(st: Structure): number {
  const starts = [st.preamble[0]?.span[0], st.clauses[0]?.m.offsets[0]].filter((x): x is number => typeof x === 'number');
  return starts.length ? Math.min(...starts) : Number.POSITIVE_INFINITY;
}

function readIdentity(st: Structure, warnings: Warning[]): Identity {
  const header = st.header;
  const titleAt = header.findIndex((b) => b.role === 'type');
  const lines: Sourced<{ number: string | null; symbol: string | null; year: number | null }>[] = [];
  let lineType: string | null = null;
  header.forEach((b, k) => {
    const m = b.role === 'number' ? META.numberLine.exec(b.text) : (titleAt < 0 || k < titleAt) && b.role !== 'annex' ? META.numberInRow.exec(b.text) : null;
    if (!m) return;
    const v = splitNumberSymbol(m[1]!);
    if (!v.symbol) return;
    lines.push({ value: v, span: b.span, from: b.role === 'number' ? 'number' : 'row' });
    const typed = META.typedNumberLine.exec(b.text.slice(Math.max(0, m.index)).trimStart());
    if (typed && !lineType) lineType = capitalType(typed[1]!.toUpperCase());
  });
  // a signed scan whose number line OCR did not keep whole (a number written by hand, a stamp over "Số:")
  const obscured = lines.length === 0 ? readObscuredNumberLine(header, titleAt) : null;
  if (obscured) {
    const { line, block } = obscured;
    lines.push({ value: line, span: block.span, from: 'row' });
  }
  const lineSymbol = lines[0]?.value.symbol ?? null;
  const typeBlock = titleAt >= 0 ? META.typeWord.exec(header[titleAt]!.text) : null;
  const typeWord = typeBlock ? typeBlock[1]! : null;
  const start = bodyStart(st);
  const annexes = new Set<HeaderBlock>();
  const readings = [...lines];
  for (const b of header) {
    if (b.role !== 'annex') continue;
    const m = META.annexNumber.exec(b.text);
    if (!m) continue;
    const v = splitNumberSymbol(m[1]!);
    if (!v.symbol) continue;
    const early = b.span[0] < start;
    const same = lineSymbol !== null && foldSymbol(v.symbol) === foldSymbol(lineSymbol);
    // an annex line names the document when the header has no number (a page that starts at the
    // body): before the body, or after it when it names the document's own type word; otherwise
    // it is a form's or a consolidated text's ("Mẫu số 25 (Kèm theo Thông tư số …)"), and only confirms
    const carrier = META.annexCarrierType.exec(b.text)?.[1];
    const ownType = typeWord === null || (carrier !== undefined && foldName(carrier) === foldName(typeWord));
    if (same || (lineSymbol === null && (early || ownType))) {
      readings.push({ value: v, span: b.span, from: 'annex' });
      annexes.add(b);
    }
  }
  if (!readings.some((r) => r.value.number !== null)) {
    // the forms issued with it name the document whose header lost its number
    const dated = header.find((b) => b.role === 'place-date' || b.role === 'number');
    const year = lines[0]?.value.year ?? (dated ? Number(readDate(dated.text)?.slice(0, 4) ?? NaN) || null : null);
    for (const f of readFormNumbers(st, splitNumberSymbol, typeWord, year)) {
      if (lineSymbol === null || foldSymbol(f.value.symbol!) === foldSymbol(lineSymbol)) readings.push({ ...f, from: 'form' });
    }
  }
  // number: a clean all-digit reading beats OCR-garbled ones; otherwise the majority
  const clean = (v: { number: string | null }): boolean => v.number !== null && /^\d+$/u.test(v.number);
  const withNumber = readings.filter((n) => n.value.number !== null);
  const chosen = majority(withNumber, (v) => v.number ?? '', clean);
  const distinct = [...new Set(withNumber.map((n) => n.value.number!))];
  if (distinct.length > 1 && chosen) {
    warnings.push({
      code: 'number-mismatch',
      message: `The document gives its number as ${distinct.map((n) => `"${n}"`).join(', ')}; read as "${chosen.value.number}"`,
      span: chosen.span,
    });
  }
  const symbol = chosen?.value.symbol ?? lineSymbol ?? readings[0]?.value.symbol ?? null;
  if (obscured?.line.unread != null) {
    const read = chosen ? `read "${chosen.value.number}" from ${chosen.from === 'form' ? 'the forms issued with it' : 'its annex lines'}` : `read the symbol "${symbol}" without it`;
    warnings.push({ code: 'number-unread', message: `The number line's number could not be read ("${obscured.line.unread}", written by hand or under a stamp); ${read}`, span: obscured.block.span });
  }
  const year = chosen?.value.year ?? readings.find((r) => r.value.year !== null)?.value.year ?? null;
  return { number: chosen?.value.number ?? null, symbol, year, lineType, annexes, row: obscured?.block ?? null };
}

// ---------------------------------------------------------------------------------------------
// Date and place
// ---------------------------------------------------------------------------------------------

/**
 * The number and symbol before the place on one line ("Số: 12/UBND-VP Khánh Hòa, ngày …"), with
 * a symbol OCR broke after a hyphen ("Số: /4;7/UEND- KSTTHC Phú Thọ, ngày …": its code in capitals
 * is the symbol's, not the place's) and the subject of a letter between ("V/v … Hà Nội, ngày").
 */
const NUMBER_BEFORE_PLACE = /^Số\s*:?\s*\S*\s*\/\s*\S+(?:(?<=[-–])\s+[\p{Lu}\d]+(?=\s))?\s*(?:V\/v\b[^,]*?(?=\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*\s*,?\s*ngày))?/u;

function readDating(header: readonly HeaderBlock[], identity: Identity, warnings: Warning[]): { date: string | null; place: string | null } {
  const dates: Sourced<string>[] = [];
  let place: string | null = null;
  const { annexes, row } = identity;
  const rowDate = row && !header.some((b) => (b.role === 'number' || b.role === 'place-date') && readDate(b.text)) ? row : null;
  header.forEach((b, k) => {
    if (b.role !== 'number' && b.role !== 'place-date' && !annexes.has(b) && b !== rowDate) return;
    const d = readDate(b.text);
    if (d) dates.push({ value: d, span: b.span, from: b.role });
    if (b.role === 'annex') return;
    const p = META.place.exec(b.text.replace(NUMBER_BEFORE_PLACE, ''));
    if (p && !place) {
      // "Hà" / "Nội, ngày …": a place wrapped onto two lines
      const before = header[k - 1];
      const fragment = before && before.role !== 'place-date' && META.placeFragment.test(before.text) ? `${before.text} ` : '';
      place = `${fragment}${p[1]!.trim()}`.replace(/\s+/g, ' ');
    }
  });
  // the date line of the header wins; annex lines stand in when it has none (or only a partial one)
  const full = dates.filter((d) => d.value.length === 10);
  const own = full.filter((d) => d.from !== 'annex');
  const chosen = majority(own.length ? own : full.length ? full : dates, (v) => v);
  const distinct = [...new Set(dates.map((d) => d.value))].filter((d) => !chosen || !chosen.value.startsWith(d) || d === chosen.value);
  if (chosen && distinct.length > 1) {
    warnings.push({
      code: 'date-mismatch',
      message: `The document gives its date as ${distinct.map((d) => `"${d}"`).join(', ')}; read as "${chosen.value}"`,
      span: chosen.span,
    });
  }
  return { date: chosen?.value ?? null, place };
}

// ---------------------------------------------------------------------------------------------
// Type and title
// ---------------------------------------------------------------------------------------------

/** Types a decision may carry and be read as (plandiff compares the plan itself). */
const CARRIED_PLANS = new Set(['Kế hoạch', 'Chương trình', 'Đề án']);
/** Types that carry a plan. */
const PLAN_CARRIERS = new Set(['Quyết định', 'Nghị quyết']);

interface Typing {
  type: string | null;
  title: string | null;
  carrier: string | null;
}

function readTyping(st: Structure, identity: Identity): Typing {
  const header = st.header;
  let typeAt = header.findIndex((b) => b.role === 'type');
  // a receipt stamp's debris run into the type line of a scan ("ĐẾN GÈ:-..S-....... NGHỊ ĐỊNH")
  const stamped = readStampedTypeLine(header, typeAt);
  if (stamped) typeAt = stamped.at;
  const typeBlock = stamped ? { text: stamped.word } : header[typeAt];
  // the subject may be wrapped over several paragraphs ("… ĐẠI HỘI LẦN THỨ" / "XIV CỦA ĐẢNG; …"); a stamp's debris before it goes
  const subjectParts: string[] = [];
  for (let k = typeAt + 1; k < header.length && header[k]!.role === 'subject'; k++) {
    const part = dropStampLead(header[k]!.text);
    if (part) subjectParts.push(part);
  }
  const subjectBlock = subjectParts.length ? { text: subjectParts.join(' ') } : typeAt < 0 ? header.find((b) => b.role === 'subject') : undefined;
  const carried = header.find((b) => b.role === 'carried-title');
  let type: string | null = null;
  let subject: string | null = null;
  if (typeBlock) {
    const m = META.typeWord.exec(typeBlock.text);
    if (m) {
      type = capitalType(m[1]!);
      const inline = dropStampLead(typeBlock.text.slice(m[0].length).trim());
      subject = inline || subjectBlock?.text || null;
    }
  }
  const symbolType = identity.symbol ? readSymbol(identity.symbol).type : null;
  if (symbolType?.name === 'Văn bản hợp nhất') type = symbolType.name; // the header prints the consolidated text's type
  if (!type) type = identity.lineType ?? (symbolType && !typeBlock ? symbolType.name : null);
  if (!type && isLetter(st, identity)) type = 'Công văn';
  let carrier: string | null = null;
  let title: string | null = null;
  const issuedPlan = subject ? META.issuesPlan.exec(subject) : null;
  const carriedType = carried ? META.typeWord.exec(carried.text) : null;
  const planOf = (word: string): string | null => {
    const t = capitalType(word.toUpperCase());
    return CARRIED_PLANS.has(t) ? t : null;
  };
  if (type && PLAN_CARRIERS.has(type) && issuedPlan && planOf(issuedPlan[1]!)) {
    // "QUYẾT ĐỊNH Ban hành Kế hoạch …": the decision carries the plan
    carrier = type;
    type = planOf(issuedPlan[1]!);
    title = subject!.slice(issuedPlan[0].length - issuedPlan[1]!.length).trim();
    title = title.charAt(0).toUpperCase() + title.slice(1);
  } else if (type && PLAN_CARRIERS.has(type) && carried && carriedType && planOf(carriedType[1]!)) {
    carrier = type;
    type = planOf(carriedType[1]!);
    title = `${type} ${lowerFirst(sentenceCase(carried.text.slice(carriedType[0].length).trim()))}`.trim();
  } else if (type) {
    title = subject ? `${type} ${lowerFirst(sentenceCase(subject))}` : type;
  } else if (subjectBlock) title = null;
  const annexCarrier = header.find((b) => b.role === 'annex' && META.annexCarrier.test(b.text));
  if (!carrier && type === 'Kế hoạch' && annexCarrier) {
    const m = META.annexCarrier.exec(annexCarrier.text);
    if (m && !/Kế\s+hoạch/u.test(m[1]!)) carrier = m[1]!.replace(/\s+/g, ' ');
  }
  return { type, title, carrier };
}

/** A letter: "V/v …" after its number, "Kính gửi" at its head, or a symbol with no type code ("4085/UBND-ĐT", "5348/CT-CS"). */
function isLetter(st: Structure, identity: Identity): boolean {
  if (st.header.some((b) => (b.role === 'number' && META.letterSubject.test(b.text)) || b.role === 'addressee')) return true;
  if (!identity.symbol || identity.number === null) return false;
  const first = identity.symbol.split(/[-/]/u)[0] ?? '';
  return !typeByCode(first) || readSymbol(identity.symbol).type === null;
}

// ---------------------------------------------------------------------------------------------
// Issuer, province, level
// ---------------------------------------------------------------------------------------------

interface Issuing {
  issuer: string | null;
  province: string | null;
  provinceKind: string;
  level: DocumentMeta['level'];
}

/** Lines of the issuing block: capitals at the head, before the motto and the title ("BỘ TÀI CHÍNH", "CỤC THUẾ"). */
function issuingLines(header: readonly HeaderBlock[]): Block[] {
  const out: Block[] = [];
  for (const b of header) {
    if (b.role === 'motto') {
      // "CHÍNH PHỦ Số: 170/2025/NĐ-CP | CỘNG HÒA …", "QUỐC HỘI | CỘNG HÒA …": the row's first cell; a
      // scan's rows pair the block's lines with the motto's, down to "Độc lập - Tự do - Hạnh phúc"
      // ("UBND TỈNH PHÚ THỌ CỘNG HOÀ …" / "SỞ THÔNG TIN VÀ TRUYỀN THÔNG Độc lập - …")
      const cell = firstCell(b.text);
      if (cell && cell === cell.toUpperCase() && /\p{L}{2}/u.test(cell)) out.push({ ...b, text: cell });
      if (out.length && MOTTO_SECOND.test(b.text)) break;
      continue;
    }
    if (b.role === 'type' || b.role === 'number' || b.role === 'place-date' || b.zone === 'title') break;
    if ((b.role === 'issuer' || b.role === 'authority' || b.role === 'subject') && b.text === b.text.toUpperCase() && /\p{L}{2}/u.test(b.text)) {
      // "BỘ CÔNG AN CỘNG HOÀ.XÃ HỘI …": OCR's dot kept the row from reading as the motto; the issuer is its first cell
      const cell = MOTTO_CELL.test(b.text) ? firstCell(b.text) : b.text;
      if (/\p{L}{2}/u.test(cell)) out.push(cell === b.text ? b : { ...b, text: cell });
    }
  }
  return out;
}

/** Where a header row's motto cell starts: "CỘNG HÒA", "CỘNG HOÀ" (either tone mark place). */
const MOTTO_CELL = /CỘNG\s+H(?:OÀ|ÒA)/u;
/** The motto's second line, "Độc lập - Tự do - Hạnh phúc": the last row of the header's two columns. */
const MOTTO_SECOND = /Độc\s+lập\s*[-–—]/u;
const CELL_END = new RegExp(String.raw`\s*\|\s*|\s+Số\s*[:.]|${MOTTO_CELL.source}|\s*${MOTTO_SECOND.source}`, 'u');

/** "CHÍNH PHỦ Số: 170/2025/NĐ-CP | CỘNG HÒA …", "QUỐC HỘI CỘNG HOÀ XÃ HỘI …": a header row's first cell. */
function firstCell(text: string): string {
  return text.split(CELL_END)[0]!.replace(/[_*]+/g, ' ').trim();
}

const LOCAL_GOVERNMENT = /^(?:(?:CHỦ\s+TỊCH\s+)?(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND|(HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND))\s+(TỈNH|THÀNH\s+PHỐ|TP\.?)\s+(.+)$/iu;

/** A name in capitals, sentence-cased with its province: "CỤC HẢI QUAN" → "Cục hải quan"; a known body keeps its spelling. */
function bodyName(upper: string): string {
  const known = bodyByName(upper);
  if (known) return known.name;
  const words = upper.split(/\s+/);
  // the longest known body at the end of the line: "BỘ TÀI CHÍNH CỤC THUẾ" → Cục Thuế
  for (let k = 1; k < words.length; k++) {
    const tail = bodyByName(words.slice(k).join(' '));
    if (tail) return tail.name;
  }
  // a unit under a known body written after it: "BAN CHẤP HÀNH TRUNG ƯƠNG / VĂN PHÒNG" → Văn phòng Ban Chấp hành Trung ương
  for (let k = words.length - 1; k >= 1; k--) {
    const head = bodyByName(words.slice(0, k).join(' '));
    if (!head) continue;
    const rest = words.slice(k).join(' ');
    if (/(?:^|\s)(?:TỈNH|THÀNH\s+PHỐ)\s/u.test(rest)) return bodyName(rest); // a local branch: "CỤC THUẾ / THUẾ TỈNH TÂY NINH"
    const unit = rest.toLowerCase();
    const whole = `${unit.charAt(0).toUpperCase()}${unit.slice(1)} ${head.name}`;
    return bodyByName(whole)?.name ?? whole;
  }
  const unit = /^(.*?)\s+(TỈNH|THÀNH\s+PHỐ)\s+(.+)$/u.exec(upper);
  const p = unit ? provinceAt(unit[3]!) : null;
  if (unit && p) return `${sentenceCase(unit[1]!).replace(/^\p{L}/u, (c) => c.toUpperCase())} ${unit[2]!.toLowerCase()} ${p.province.name}`;
  const s = upper.toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Reads the issuer from the issuing block's lines, the lowest unit last ("BỘ TÀI CHÍNH" / "CỤC THUẾ"). */
function issuerOfBlock(lines: string[]): Issuing | null {
  if (lines.length === 0) return null;
  const all = lines.join(' ').replace(/\s+/g, ' ').trim();
  let province: string | null = null;
  let provinceKind = 'tỉnh';
  const unitAt = /(?:^|\s)(TỈNH|THÀNH\s+PHỐ)\s+(.+)$/u.exec(all);
  if (unitAt) {
    const p = provinceAt(unitAt[2]!);
    if (p) {
      province = p.province.name;
      provinceKind = unitAt[1]!.toLowerCase().replace(/\s+/g, ' ');
    }
  }
  const dept = findDepartment(all);
  if (dept) return { issuer: `Sở ${dept}${province ? ` ${provinceKind} ${province}` : ''}`, province, provinceKind, level: 'department' };
  const local = LOCAL_GOVERNMENT.exec(all);
  if (local && province) {
    const council = local[1] !== undefined;
    return { issuer: `${council ? 'HĐND' : 'UBND'} ${provinceKind} ${province}`, province, provinceKind, level: 'province' };
  }
  const last = lines[lines.length - 1]!.replace(/\s+/g, ' ').trim();
  const name = bodyName(/^(?:BỘ\s+TRƯỞNG|THỦ\s+TRƯỞNG)\s+(BỘ\s+.+)$/u.exec(last)?.[1] ?? last);
  const national = bodyByName(name) !== null || /^(?:Bộ|Cục|Tổng\s+cục|Ban|Văn\s+phòng|Ủy\s+ban|Quốc\s+hội|Chính\s+phủ|Thủ\s+tướng)(?![\p{L}])/u.test(name);
  return { issuer: name, province, provinceKind, level: national && !province ? 'national' : province ? 'province' : null };
}

/** The first province named "tỉnh X" / "thành phố X" in the blocks ("… của Sở Công Thương tỉnh Khánh Hòa)"). */
function provinceNamedIn(blocks: readonly Block[]): ReturnType<typeof provinceByName> {
  for (const b of blocks) {
    for (const m of b.text.matchAll(/(?:tỉnh|TỈNH|thành\s+phố|THÀNH\s+PHỐ)\s+(?=\p{Lu})/gu)) {
      const p = provinceAt(b.text.slice(m.index + m[0].length));
      if (p) return p.province;
    }
  }
  return null;
}

function readIssuing(st: Structure, symbol: string | null, place: string | null): Issuing {
  const header = st.header;
  const fromBlock = issuerOfBlock(issuingLines(header).map((b) => b.text));
  const authority = header.find((b) => b.role === 'authority');
  let out: Issuing = fromBlock ?? issuerOfBlock(authority ? [authority.text.replace(/^(?:CHỦ\s+TỊCH|THỦ\s+TRƯỞNG)\s+(?=(?:ỦY|UỶ)\s+BAN)/u, '')] : []) ?? {
    issuer: null,
    province: null,
    provinceKind: 'tỉnh',
    level: null,
  };
  const placeProvince = place ? provinceAt(place.replace(/^(?:tỉnh|thành\s+phố|tp\.?)\s+/iu, ''))?.province ?? null : null;
  if ((!out.issuer || out.level === null) && symbol) {
    // the symbol's issuer code: "NQ-CP" → Chính phủ, "QĐ-UBND" → UBND of the province of issue; also
    // in place of a block no list knows, as OCR leaves it ("CHÍNHPHỦ", "ỦY BAN N:IÂN DÂN / TÍNH PEU THỌ")
    const s = readSymbol(symbol);
    const p = placeProvince ?? null;
    const unit = p ? `${p.kind} ${p.name}` : 'tỉnh';
    if (s.body) out = { issuer: s.body.name, province: null, provinceKind: 'tỉnh', level: 'national' };
    else if (s.department) out = { issuer: `Sở ${s.department.name}${p ? ` ${unit}` : ''}`, province: p?.name ?? null, provinceKind: p?.kind ?? 'tỉnh', level: 'department' };
    else if (s.local && s.local.level === 'province' && s.local.name.includes('{unit}')) out = { issuer: s.local.name.replace('{unit}', unit), province: p?.name ?? null, provinceKind: p?.kind ?? 'tỉnh', level: 'province' };
  }
  // a department's block that does not name its province: the province named in the header, the signature or the annex line
  const named = out.province ? null : placeProvince ?? provinceNamedIn([...header, ...st.closing.filter((b) => b.role === 'issuer')]);
  if (named && out.level === 'department' && out.issuer && !/(?:tỉnh|thành phố)\s/u.test(out.issuer)) {
    out.issuer = `${out.issuer} ${named.kind} ${named.name}`;
    out.province = named.name;
    out.provinceKind = named.kind;
  }
  if (placeProvince && (!out.province || out.level === 'national')) {
    out.province = out.province ?? placeProvince.name;
    if (out.level !== 'national') out.provinceKind = placeProvince.kind;
  }
  if (!out.province && place) out.province = provinceByName(place)?.name ?? place.replace(/^(?:tỉnh|thành\s+phố)\s+/iu, '');
  return out;
}

/** "Quyết định ban hành Quy chế …", "Nghị quyết quy định mức chi …": a decision or resolution that lays down rules. */
const RULE_TITLE = /^(?:Quyết\s+định|Nghị\s+quyết)\s+(?:về\s+việc\s+)?(?:ban\s+hành\s+)?(?:quy\s+chế|quy\s+định|điều\s+lệ|quy\s+trình|định\s+mức|bảng\s+giá|mức\s+thu|danh\s+mục)/iu;

/** True when the document lays down rules (a law, a decree, a circular, a regulation) rather than plans. */
export function laysDownRules(meta: Pick<DocumentMeta, 'type' | 'title'>): boolean {
  if (!meta.type) return false;
  if (typeByWord(meta.type)?.rules) return true;
  return meta.title !== null && RULE_TITLE.test(meta.title);
}

/** A label of the site's metadata table, ending its paragraph ("Số hiệu:", "Đang tải văn bản... Số hiệu:"); its value is the next one. */
const SITE_TABLE_LABEL = /(?:^|\s)(Số\s+hiệu|Loại\s+văn\s+bản|Nơi\s+ban\s+hành|Ngày\s+ban\s+hành)\s*:\s*$/u;

/** The site's "Ngày ban hành" value: "21/11/2025", day, month and year (read by readDate). */
const SITE_DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/u;

/**
 * The values of a legal-information site's metadata table in the page furniture (structure.ts
 * SITE), by label, whitespace folded: "Số hiệu" → "37569/CHQ-GSQL", "Loại văn bản" → "Công
 * văn", "Nơi ban hành" → "Cục Hải quan", "Ngày ban hành" → "21/11/2025".
 */
function siteTable(furniture: Structure['furniture']): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i + 1 < furniture.length; i++) {
    const label = SITE_TABLE_LABEL.exec(furniture[i]!.text)?.[1]?.replace(/\s+/gu, ' ');
    const value = furniture[i + 1]!.text.replace(/\s+/gu, ' ').trim();
    if (label && !out.has(label) && value && !SITE_TABLE_LABEL.test(value)) out.set(label, value);
  }
  return out;
}

/**
 * What the document itself does not print, taken from the site's metadata table: a page of a
 * legal-information site whose text starts at "Kính gửi:" (a letter shown without its header)
 * names its number, type, issuer and date only there. The document's own reading always wins;
 * a warning names each field taken.
 */
function fillFromSiteTable(meta: DocumentMeta, st: Structure): void {
  const table = siteTable(st.furniture);
  if (table.size === 0) return;
  const taken: string[] = [];
  const ident = table.get('Số hiệu');
  if (ident && meta.number === null && meta.symbol === null) {
    const read = splitNumberSymbol(ident);
    if (read.symbol) {
      meta.number = read.number;
      meta.symbol = read.symbol;
      meta.year ??= read.year;
      taken.push(`number and symbol "${ident}"`);
    }
  }
  const issued = table.get('Ngày ban hành') ?? '';
  const date = SITE_DATE.test(issued) ? readDate(`ngày ${issued}`) : null;
  if (date?.length === 10 && meta.date === null) {
    meta.date = date;
    meta.year ??= Number(date.slice(0, 4));
    taken.push(`date "${issued}"`);
  }
  const type = table.get('Loại văn bản');
  if (type && meta.type === null) {
    meta.type = type;
    taken.push(`type "${type}"`);
  }
  const issuer = table.get('Nơi ban hành');
  if (issuer && meta.issuer === null) {
    // the symbol's body where the vocabulary knows it ("BVHTTDL-VP" → Bộ Văn hóa, Thể thao và Du
    // lịch; "UBND-ĐT" with "Thành phố Hồ Chí Minh" → UBND thành phố Hồ Chí Minh), else the site's name as written
    const province = provinceAt(issuer.replace(/^(?:tỉnh|thành\s+phố|tp\.?)\s+/iu, ''))?.province ?? null;
    const bySymbol = meta.symbol ? readIssuing(st, meta.symbol, province ? issuer : null) : null;
    if (bySymbol?.issuer && bySymbol.level !== null) {
      meta.issuer = bySymbol.issuer;
      meta.level = bySymbol.level;
      meta.province ??= bySymbol.province;
    } else {
      meta.issuer = issuer;
      meta.level = issuerOfBlock([issuer.toUpperCase()])?.level ?? null;
      meta.province ??= province?.name ?? null;
    }
    taken.push(`issuer "${issuer}"`);
  }
  if (taken.length > 0) {
    meta.warnings.push({
      code: 'meta-from-site-table',
      message: `The document does not print its ${taken.map((t) => t.split(' "')[0]).join(', ')}; read from the site's metadata table: ${taken.join(', ')}`,
      span: st.furniture[0]!.span,
    });
  }
}

/** Reads the document meta from the structure. */
export function readMeta(st: Structure): DocumentMeta {
  const warnings: Warning[] = [];
  const identity = readIdentity(st, warnings);
  const { date, place } = readDating(st.header, identity, warnings);
  const { type, title: rawTitle, carrier } = readTyping(st, identity);
  const { issuer, province, level } = readIssuing(st, identity.symbol, place);
  const year = identity.year ?? (date ? Number(date.slice(0, 4)) : null);
  // a title sentence-cased from capitals lost the province's capitals ("… tỉnh bắc ninh giai đoạn …")
  let title = rawTitle;
  if (title && province) title = title.replace(new RegExp(`(?<![\\p{L}])${province.toLowerCase()}(?![\\p{L}])`, 'gu'), province);
  const meta: DocumentMeta = {
    type,
    number: identity.number,
    symbol: identity.symbol,
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
  fillFromSiteTable(meta, st);
  return meta;
}
