/**
 * Terminal rendering of a comparison: one line per clause pair ("= I.1.a ↔ I.1.a",
 * "~ II.2.5 ↔ II.2.5 (0.93)", "- III.1", "+ III.3") with the word diff under modified pairs, or two
 * aligned columns; colours through picocolors, off on request.
 */
import pc, { createColors } from 'picocolors';
import type { WordDiff } from '../compare/diff.js';
import type { Alignment, Comparison, TargetChange } from '../types.js';
import { clip } from '../text/clip.js';
import { documentName, formatSimilarity, labels, type Lang } from './compare-labels.js';

/** Options of the terminal renderer. */
export interface CompareTextOptions {
  /** Use ANSI colours. */
  color: boolean;
  /** Leave identical pairs out. */
  changesOnly: boolean;
  /** One line per pair with the diff under it, or A and B side by side. */
  layout: 'unified' | 'columns';
  /** Line width for the columns layout and for wrapping. */
  width: number;
  /** Longest clause text shown on a pair line (unified layout). */
  textChars: number;
  /** Label language. */
  lang: Lang;
}

/** Defaults: colour when the terminal supports it (picocolors: a TTY, no NO_COLOR), everything shown,
 * unified layout, 100 columns, Vietnamese. */
export const COMPARE_TEXT_DEFAULTS: Readonly<CompareTextOptions> = {
  color: pc.isColorSupported,
  changesOnly: false,
  layout: 'unified',
  width: 100,
  textChars: 70,
  lang: 'vi',
};

/** Status mark of an alignment. */
export const MARKS = { identical: '=', modified: '~', dropped: '-', added: '+' } as const;

type Colors = ReturnType<typeof createColors>;

/** The pair line without colour: "~ II.2.5 ↔ II.2.5 (0.93) moved split". */
export function pairLine(al: Alignment, lang: Lang = 'vi'): string {
  const L = labels(lang);
  const ids =
    al.a && al.b ? `${al.a.id} ↔ ${al.b.id}` : al.a ? al.a.id : al.b ? al.b.id : '';
  const tags: string[] = [];
  if (al.status === 'modified' && al.similarity !== null) tags.push(`(${formatSimilarity(al.similarity)})`);
  if (al.group) tags.push(L[al.group]);
  if (al.moved) tags.push(L.moved);
  if (al.nature === 'cosmetic') tags.push(L.cosmetic);
  return [MARKS[al.status], ids, ...tags].join(' ');
}

function colourLine(line: string, status: Alignment['status'], c: Colors): string {
  switch (status) {
    case 'identical':
      return c.dim(line);
    case 'modified':
      return c.yellow(line);
    case 'dropped':
      return c.red(line);
    case 'added':
      return c.green(line);
  }
}

/** A styled run of text for the columns layout. */
interface Run {
  text: string;
  style: 'plain' | 'del' | 'ins';
}

/** A word of a styled run, with whether spacing came before it (so "ĐÍCH" + "," stay glued). */
interface Word extends Run {
  space: boolean;
}

/** Wraps styled runs to lines (breaking only where the text had spacing), keeping each word's
 * style; returns each line with its visible length. */
function wrapRuns(runs: readonly Run[], width: number, c: Colors): Array<{ text: string; length: number }> {
  const all: Word[] = [];
  let pending = false;
  for (const r of runs) {
    for (const m of r.text.matchAll(/(\s*)(\S+)(\s*)/g)) {
      all.push({ text: m[2]!, style: r.style, space: all.length > 0 && (pending || m[1]!.length > 0) });
      pending = m[3]!.length > 0;
    }
    if (/^\s+$/.test(r.text)) pending = true;
  }
  const lines: Word[][] = [[]];
  let len = 0;
  for (const w of all) {
    const n = [...w.text].length + (w.space && len > 0 ? 1 : 0);
    if (len > 0 && w.space && len + n > width) {
      lines.push([]);
      len = 0;
    }
    const line = lines[lines.length - 1]!;
    line.push({ ...w, space: line.length > 0 && w.space });
    len += line.length === 1 ? [...w.text].length : n;
  }
  return lines.map((line) => {
    const groups: Word[] = [];
    for (const w of line) {
      const last = groups[groups.length - 1];
      if (last && last.style === w.style) last.text += (w.space ? ' ' : '') + w.text;
      else groups.push({ ...w });
    }
    const paint = (g: Word, colour: boolean): string => {
      if (g.style === 'plain') return g.text;
      if (!colour) return g.style === 'del' ? `[-${g.text}-]` : `{+${g.text}+}`;
      return g.style === 'del' ? c.red(c.strikethrough(g.text)) : c.green(c.underline(g.text));
    };
    const join = (colour: boolean): string => groups.map((g) => (g.space ? ' ' : '') + paint(g, colour)).join('');
    const plain = join(false);
    if (!c.isColorSupported) return { text: plain, length: [...plain].length };
    return { text: join(true), length: [...line.map((w) => (w.space ? ' ' : '') + w.text).join('')].length };
  });
}

function sideRuns(al: Alignment, side: 'a' | 'b'): Run[] {
  const clause = side === 'a' ? al.a : al.b;
  if (!clause) return [];
  if (!al.diff) return [{ text: clause.text, style: 'plain' }];
  const keep = side === 'a' ? -1 : 1;
  return al.diff.filter(([op]) => op === 0 || op === keep).map(([op, text]) => ({ text, style: op === 0 ? 'plain' : side === 'a' ? 'del' : 'ins' }));
}

function header(cmp: Comparison, lang: Lang, c: Colors): string[] {
  const L = labels(lang);
  const count = (s: Alignment['status']): number => cmp.alignments.filter((x) => x.status === s).length;
  return [
    c.bold(L.compareTitle),
    `${L.planA}: ${documentName(cmp.a)}${cmp.a.file ? `  ${c.dim(cmp.a.file)}` : ''}`,
    `${L.planB}: ${documentName(cmp.b)}${cmp.b.file ? `  ${c.dim(cmp.b.file)}` : ''}`,
    `${L.summary}: ${MARKS.identical} ${count('identical')} ${L.identical} · ${MARKS.modified} ${count('modified')} ${L.modified} · ${MARKS.dropped} ${count('dropped')} ${L.dropped} · ${MARKS.added} ${count('added')} ${L.added}`,
    '',
  ];
}

/** One line per target change: "~ Tỷ lệ thanh toán trực tuyến …: 45% → 60% (raised)". */
export function targetLines(changes: readonly TargetChange[], lang: Lang, c: Colors, changesOnly: boolean): string[] {
  const L = labels(lang);
  const out: string[] = [];
  const mark = { copied: '=', modified: '~', dropped: '-', added: '+' } as const;
  for (const t of changes) {
    if (changesOnly && t.status === 'copied') continue;
    const verdict = t.verdict ? ` [${L[t.verdict]}]` : '';
    const line = `${mark[t.status]} ${t.summary}${verdict}`;
    out.push(t.status === 'copied' ? c.dim(line) : t.verdict === 'weakened' || t.status === 'dropped' ? c.red(line) : t.status === 'added' ? c.green(line) : c.yellow(line));
  }
  return out;
}

/** Renders a comparison for the terminal. */
export function renderCompareText(cmp: Comparison, options: Partial<CompareTextOptions> = {}): string {
  const o: CompareTextOptions = { ...COMPARE_TEXT_DEFAULTS, ...options };
  const L = labels(o.lang);
  const c = createColors(o.color);
  const lines = header(cmp, o.lang, c);
  const shown = cmp.alignments.filter((al) => !o.changesOnly || al.status !== 'identical');
  if (shown.length === 0) lines.push(L.noChanges);
  if (o.layout === 'columns') {
    const col = Math.max(20, Math.floor((o.width - 5) / 2));
    for (const al of shown) {
      lines.push(colourLine(pairLine(al, o.lang), al.status, c));
      const left = al.a ? wrapRuns(sideRuns(al, 'a'), col, c) : [];
      const right = al.b ? wrapRuns(sideRuns(al, 'b'), col, c) : [];
      const n = Math.max(left.length, right.length);
      for (let i = 0; i < n; i++) {
        const l = left[i] ?? { text: '', length: 0 };
        const r = right[i] ?? { text: '', length: 0 };
        lines.push(`  ${l.text}${' '.repeat(Math.max(0, col - l.length))} │ ${r.text}`.trimEnd());
      }
    }
  } else {
    for (const al of shown) {
      const text = clip((al.b ?? al.a)!.text.replace(/\s+/g, ' '), o.textChars);
      lines.push(colourLine(pairLine(al, o.lang), al.status, c) + '  ' + (al.status === 'identical' ? c.dim(text) : text));
      if (al.status === 'modified' && al.diff) {
        const runs = al.diff.map(([op, text]): Run => ({ text, style: op === 0 ? 'plain' : op < 0 ? 'del' : 'ins' }));
        for (const l of wrapRuns(runs, o.width - 4, c)) lines.push('    ' + l.text);
      }
    }
  }
  if (cmp.targets.length > 0) {
    lines.push('', c.bold(L.targets));
    lines.push(...targetLines(cmp.targets, o.lang, c, o.changesOnly));
  }
  return lines.join('\n') + '\n';
}
