/**
 * Tables of a plan (usually its appendices): header rows give column meanings, repeated headers
 * after page breaks are dropped, rows split across a page break are merged, section rows
 * (I / II / III) group the rows after them (inside lettered parts A / B / C when the table has
 * them), and dotted indexes (1.1) nest under their parent.
 */
import { join, slice, spanOf, type MappedText } from '../text/mapped-text.js';
import { COLUMN_ROLES } from '../patterns/structure.js';
import type { CellRole, TableCell } from '../types.js';

/** A table row as read, before it becomes a clause. */
export interface TableRow {
  kind: 'group' | 'row';
  /** Index as printed, without trailing dot ("I", "2", "1.1"); null when the row has none. */
  label: string | null;
  /** Cell texts (mutable while continuation fragments arrive). */
  cells: MappedText[];
  /** Column meanings, parallel to `cells`. */
  roles: CellRole[];
  /** Column headers, parallel to `cells`. */
  headers: string[];
  /** Rows nested under this one. */
  children: TableRow[];
}

/** A column of the current table. */
interface Column {
  header: string;
  role: CellRole;
}

/** "A", "B.", "Đ": the index of a row heading a part of the table ("A | THỦ TỤC HÀNH CHÍNH CẤP TRUNG ƯƠNG"); never I, V or X. */
const LETTER_INDEX = /^([A-HĐ])\.?$/u;
/** "A. THỦ TỤC HÀNH CHÍNH NỘI BỘ CẤP TRUNG ƯƠNG", "A. Vi sinh vật": the letter and the part's name in one cell. */
const LETTER_LEADING = /^([A-HĐ])\.\s+(?=\p{Lu})/u;
/** A cell naming something (a word of two letters or more), not a column number ("A | B | 1 | 2 …"). */
const NAMED = /\p{L}{2}/u;
const ROMAN_INDEX = /^([IVX]{1,5})\.?$/u;
const ROMAN_LEADING = /^([IVX]{1,5})\.?\s+(?=\p{Lu})/u;
const ARABIC_INDEX = /^(\d{1,3}(?:\.\d{1,3}){0,3})\.?$/u;
const HEADER_FIRST = /^(?:s?tt|số\s+tt|stt\.?)$/iu;

function fold(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Names the columns of a header row. */
export function columnsOf(headers: string[]): Column[] {
  const cols = headers.map((h) => {
    const f = fold(h);
    const hit = COLUMN_ROLES.find(([re]) => re.test(f));
    return { header: h, role: hit ? hit[1] : ('other' as CellRole) };
  });
  // "Chỉ tiêu" names the value column when another column names the task ("Tên nhiệm vụ") and no
  // other column holds values; otherwise it names the indicator (and a "(%)" column holds values).
  const hasTask = cols.some((c) => c.role === 'task');
  const hasTarget = cols.some((c) => c.role === 'target');
  for (const c of cols) {
    if (c.role === 'metric' && hasTask && !hasTarget) c.role = 'target';
  }
  return cols;
}

/** Reads the rows of one table (or of several blocks of the same table across page breaks). */
export class TableReader {
  private columns: Column[] | null = null;
  private headerKey: string | null = null;
  private last: TableRow | null = null;
  private group: TableRow | null = null;
  /** The lettered part the Roman groups nest in ("A" → "I", "II"; "B" → "I" …), if any. */
  private part: TableRow | null = null;
  /** Top-level rows (groups and rows outside any group). */
  readonly rows: TableRow[] = [];

  /** Feeds one row of cells. */
  add(cells: MappedText[]): void {
    const texts = cells.map((c) => c.text);
    if (texts.every((t) => t === '')) return;
    const key = texts.map(fold).join('\t');
    if (HEADER_FIRST.test(texts[0]!.trim()) || (this.columns === null && this.looksLikeHeader(texts))) {
      if (this.headerKey === null || this.columns === null) {
        this.columns = columnsOf(texts);
        this.headerKey = key;
      }
      return; // a header, or a header repeated after a page break
    }
    if (this.addGroup(cells, texts)) return;
    const first = texts[0]!.trim();
    const arabic = ARABIC_INDEX.exec(first);
    const rest = texts.slice(1);
    if (arabic) {
      const row = this.makeRow('row', arabic[1]!, cells);
      this.parentFor(arabic[1]!).push(row);
      this.last = row;
      return;
    }
    if (first === '' && this.last) {
      this.appendFragments(cells);
      return;
    }
    if (this.last && rest.every((t) => t.trim() === '')) {
      // "LIÊN THÔNG" after "… MỘT CỬA": a heading split across rows
      this.appendFragments([slice(cells[0]!, 0, 0), cells[0]!]);
      return;
    }
    const row = this.makeRow('row', null, [slice(cells[0]!, 0, 0), ...cells]);
    (this.group ? this.group.children : this.rows).push(row);
    this.last = row;
  }

  /**
   * A row heading a lettered part ("A | THỦ TỤC HÀNH CHÍNH CẤP TRUNG ƯƠNG", "A. Vi sinh vật") or a
   * Roman group ("I | LĨNH VỰC BẢO VỆ THỰC VẬT", "III NHIỆM VỤ …" with index and name in one cell):
   * opens it and returns true. Roman groups nest in the open part; the rows after nest in the group.
   */
  private addGroup(cells: MappedText[], texts: string[]): boolean {
    const first = texts[0]!.trim();
    const letter = LETTER_INDEX.exec(first) ?? LETTER_LEADING.exec(first);
    const x = letter ?? ROMAN_INDEX.exec(first) ?? ROMAN_LEADING.exec(first);
    if (!x) return false;
    const whole = x[0].length === first.length;
    if (letter && whole && !NAMED.test(texts.slice(1).find((t) => t.trim() !== '') ?? '')) return false; // "A | B | 1 | 2": column numbers
    const rowCells = whole ? cells : [slice(cells[0]!, 0, x[1]!.length), slice(cells[0]!, x[0].length), ...cells.slice(1).filter((c, k) => k > 0 || c.text !== '')];
    const row = this.makeRow('group', x[1]!, rowCells);
    if (letter) {
      this.rows.push(row);
      this.part = row;
    } else (this.part ? this.part.children : this.rows).push(row);
    this.group = row;
    this.last = row;
    return true;
  }

  private looksLikeHeader(texts: string[]): boolean {
    const joined = fold(texts.join(' '));
    const hits = COLUMN_ROLES.filter(([re]) => re.test(joined)).length;
    return hits >= 3 && texts.every((t) => t.length < 80);
  }

  private parentFor(label: string): TableRow[] {
    const parts = label.split('.');
    let siblings = this.group ? this.group.children : this.rows;
    // walk down "1" → "1.1" → "1.1.2"
    for (let depth = 1; depth < parts.length; depth++) {
      const prefix = parts.slice(0, depth).join('.');
      const parent = [...siblings].reverse().find((r) => r.label === prefix);
      if (!parent) break;
      siblings = parent.children;
    }
    return siblings;
  }

  private makeRow(kind: 'group' | 'row', label: string | null, cells: MappedText[]): TableRow {
    const cols = this.columns;
    return {
      kind,
      label,
      cells: [...cells],
      roles: cells.map((_, k) => (k === 0 ? 'index' : (cols?.[k]?.role ?? (k === 1 ? 'task' : 'other')))),
      headers: cells.map((_, k) => cols?.[k]?.header ?? ''),
      children: [],
    };
  }

  /** Appends the fragments of a row split by a page break to the previous row, cell by cell. */
  private appendFragments(cells: MappedText[]): void {
    const target = this.last!;
    cells.forEach((frag, k) => {
      if (k === 0 || frag.text.trim() === '') return;
      const at = Math.min(k, target.cells.length - 1);
      if (at <= 0) {
        target.cells.push(frag);
        target.roles.push('other');
        target.headers.push('');
        return;
      }
      const prev = target.cells[at]!;
      target.cells[at] = prev.text ? join([prev, frag], ' ') : frag;
    });
  }
}

/** The named cells of a row (index cell and empty cells left out). */
export function namedCells(row: TableRow): TableCell[] {
  const out: TableCell[] = [];
  row.cells.forEach((c, k) => {
    if (k === 0 || c.text.trim() === '') return;
    out.push({ role: row.roles[k] ?? 'other', header: row.headers[k] ?? '', text: c.text, span: spanOf(c) });
  });
  return out;
}

/** The display text of a row: its non-empty cells after the index, joined by " | ". */
export function rowText(row: TableRow): MappedText {
  const parts = row.cells.filter((c, k) => k > 0 && c.text.trim() !== '');
  return parts.length ? join(parts, ' | ') : slice(row.cells[0]!, 0, 0);
}
