/**
 * Turns a seed plan (.txt as published) into a .docx the way an author would have typed it in
 * Word: labels that follow the list counters become automatic numbering (so they exist only in
 * numbering.xml), the rest stay typed; tab rows become a bordered table; "**bold**" becomes bold
 * runs; a "¹ …" paragraph becomes a real footnote referenced where "¹" appears in the text.
 */
import { PLAN_LISTS, buildDocx, footnotesXml, numbering, paragraph, table, type RunSpec } from './docx.js';

/** Labels at the start of a paragraph, and the list level each belongs to. */
const LABELS: Array<{ re: RegExp; level: number; list: 0 | 1 }> = [
  { re: /^([IVX]+)\.\s/, level: 0, list: 0 }, // "I. MỤC ĐÍCH, YÊU CẦU"
  { re: /^(\d{1,2})\.(\d{1,2})\.\s/, level: 3, list: 0 }, // "1.1. Triển khai công tác pháp chế"
  { re: /^(\d{1,2})\.\s/, level: 1, list: 0 }, // "1. Mục đích:"
  { re: /^([a-zđ])\)\s/, level: 2, list: 0 }, // "a) Triển khai thực hiện"
  { re: /^-\s/, level: 0, list: 1 }, // "- Các sở, ban, ngành"
  { re: /^\+\s/, level: 1, list: 1 }, // "+ Cải cách thể chế"
];

const VI_LETTERS = 'abcdđeghiklmnopqrstuvxy';
const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The counters of the plan list (list 0), simulated the way Word (and our reader) keeps them. */
class Counters {
  counts: Array<number | undefined> = [];
  peek(level: number): Array<number | undefined> {
    const next = [...this.counts];
    next[level] = next[level] === undefined ? 1 : next[level]! + 1;
    for (let d = level + 1; d < 9; d++) next[d] = undefined;
    for (let a = 0; a < level; a++) next[a] ??= 1;
    return next;
  }
  label(level: number, next: Array<number | undefined>): string {
    const v = next[level]!;
    if (level === 0) return `${ROMAN[v] ?? v}.`;
    if (level === 1) return `${v}.`;
    if (level === 2) return `${VI_LETTERS[v - 1] ?? '?'})`;
    return `${next[1]}.${v}.`;
  }
}

/** Splits "**bold** plain" into runs, turning superscript digits into footnote references. */
function inlineRuns(text: string, footnotes: Map<string, number>): RunSpec[] {
  const out: RunSpec[] = [];
  text.split('**').forEach((part, i) => {
    const bold = i % 2 === 1;
    let rest = part;
    for (;;) {
      const m = /[¹²³⁴⁵⁶⁷⁸⁹]+/.exec(rest);
      const id = m ? footnotes.get(m[0]) : undefined;
      if (!m || id === undefined) break;
      if (m.index > 0) out.push({ text: rest.slice(0, m.index), ...(bold ? { bold } : {}) });
      out.push({ text: '', footnote: id });
      rest = rest.slice(m.index + m[0].length);
    }
    if (rest !== '') out.push({ text: rest, ...(bold ? { bold } : {}) });
  });
  return out;
}

function fromSuperscript(s: string): string {
  return [...s].map((c) => String(SUPERSCRIPT.indexOf(c))).join('');
}

export interface SeedDocx {
  docx: Uint8Array;
  /** How many labels became automatic numbering, and how many stayed typed. */
  numbered: number;
  typed: number;
}

export function seedToDocx(seed: string): SeedDocx {
  const lines = seed.replace(/\r\n?/g, '\n').split('\n');
  // Blocks: paragraphs (runs of non-blank lines) and tables (tab lines, blank lines between rows allowed).
  type Block = { kind: 'p'; lines: string[] } | { kind: 'table'; rows: string[][] };
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (line.includes('\t')) {
      const last = blocks[blocks.length - 1];
      if (/^[-\t ]+$/.test(line)) continue; // "--\t-----" rule lines of the text export
      // Rows continue the table until a paragraph comes between (blank lines are page breaks).
      const rows = last?.kind === 'table' ? last.rows : null;
      const cells = line.split('\t');
      if (rows) rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
      continue;
    }
    const last = blocks[blocks.length - 1];
    if (last?.kind === 'p' && i > 0 && lines[i - 1]!.trim() !== '') last.lines.push(line);
    else blocks.push({ kind: 'p', lines: [line] });
  }

  const footnoteTexts = new Map<number, string>();
  const footnoteIds = new Map<string, number>();
  for (const b of blocks) {
    if (b.kind !== 'p') continue;
    const m = /^([¹²³⁴⁵⁶⁷⁸⁹]+)\s+([\s\S]*)$/.exec(b.lines.join('\n'));
    if (m) {
      const id = Number(fromSuperscript(m[1]!));
      footnoteIds.set(m[1]!, id);
      footnoteTexts.set(id, m[2]!.replace(/\n/g, ' '));
    }
  }

  const counters = new Counters();
  let numbered = 0;
  let typed = 0;
  const body: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      const width = Math.max(...b.rows.map((r) => r.length));
      const rows = b.rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')].map((c) => c.trim()));
      // Columns as wide as their text needs (the task column wide, the index column narrow), as authors set them.
      const widths = Array.from({ length: width }, (_, c) => Math.max(3.2, Math.sqrt(Math.max(...rows.map((r) => r[c]!.length)))));
      body.push(table({ rows, headerRows: 1, widths }));
      continue;
    }
    const text = b.lines.join('\n');
    if (/^[¹²³⁴⁵⁶⁷⁸⁹]+\s/.test(text)) continue; // a footnote body: written to footnotes.xml
    const boldLead = text.startsWith('**') ? '**' : '';
    const bare = text.slice(boldLead.length);
    let num: { numId: number; ilvl: number } | undefined;
    let rest = text;
    for (const label of LABELS) {
      const m = label.re.exec(bare);
      if (!m) continue;
      if (label.list === 1) {
        num = { numId: 2, ilvl: label.level };
      } else {
        const next = counters.peek(label.level);
        // Word counts letters a b c d e …: from "đ)" on, Vietnamese authors type the labels themselves.
        const wordCanPrint = label.level !== 2 || next[label.level]! <= 4;
        if (wordCanPrint && counters.label(label.level, next) === m[0].trim()) {
          counters.counts = next;
          num = { numId: 1, ilvl: label.level };
        }
      }
      if (num) rest = boldLead + bare.slice(m[0].length);
      break;
    }
    if (num) numbered += 1;
    else if (LABELS.some((l) => l.re.test(bare))) typed += 1;
    body.push(paragraph(inlineRuns(rest, footnoteIds), num ? { num } : {}));
  }

  const docx = buildDocx({
    body: body.join(''),
    numbering: numbering(PLAN_LISTS, [
      { numId: 1, abstractId: 0 },
      { numId: 2, abstractId: 1 },
    ]),
    ...(footnoteTexts.size > 0 ? { footnotes: footnotesXml(footnoteTexts) } : {}),
    pageNumbers: true,
  });
  return { docx, numbered, typed };
}
