/**
 * Word's automatic numbering (word/numbering.xml) turned into the labels a reader sees:
 * "I.", "1.", "a)", "1.1.", "-". Counters are kept per abstract list, as Word does: two list
 * instances (w:num) on one abstract list continue each other unless one restarts it with a
 * w:startOverride. A level restarts when a higher level of the same list is used again.
 */
import { LVL_PLACEHOLDER_RE } from './patterns.js';
import { attr, child, children, documentElement, isOn, type XmlDocument as Document, type XmlElement as Element } from './xml.js';

/** One level of an abstract list. */
interface Level {
  /** decimal, upperRoman, lowerLetter, bullet, none, … */
  format: string;
  /** "%1.", "%2)", "%1.%2.", "", "Điều %1." */
  text: string;
  start: number;
  /** Restart after this (1-based) level is used; 0 never restarts; undefined: after any higher level. */
  restart?: number;
  /** isLgl: every placeholder in decimal ("1.1" under a Roman level). */
  legal: boolean;
}

interface NumInstance {
  abstractId: string;
  /** Level overrides of this instance: a new start, or a whole new level. */
  overrides: Map<number, { start?: number; level?: Level }>;
}

/** How letters count in lowerLetter/upperLetter lists. */
export type LetterSequence = 'vietnamese' | 'latin';

/** The Vietnamese sequence of point labels (Nghị định 30/2020/NĐ-CP): a b c d đ e g h i k l m n o p q r s t u v x y. */
const VIETNAMESE_LETTERS = 'abcdđeghiklmnopqrstuvxy';
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export interface NumberingOptions {
  letters: LetterSequence;
}

export class Numbering {
  private readonly abstracts = new Map<string, Level[]>();
  private readonly nums = new Map<string, NumInstance>();
  /** abstractId → counters per level (undefined: not started or restarted). */
  private readonly counters = new Map<string, Array<number | undefined>>();
  /** numId + level whose startOverride has been applied. */
  private readonly applied = new Set<string>();

  constructor(
    numbering: Document | null,
    private readonly styleNum: (styleId: string) => string | null,
    private readonly options: NumberingOptions = { letters: 'vietnamese' },
  ) {
    const root = documentElement(numbering);
    if (!root) return;
    for (const abs of children(root, 'abstractNum')) {
      const id = attr(abs, 'abstractNumId');
      if (id === null) continue;
      const levels: Level[] = [];
      for (const lvl of children(abs, 'lvl')) {
        const ilvl = Number(attr(lvl, 'ilvl') ?? 0);
        if (Number.isInteger(ilvl) && ilvl >= 0 && ilvl < 9) levels[ilvl] = readLevel(lvl);
      }
      const link = attr(child(abs, 'numStyleLink'), 'val');
      if (link !== null && levels.length === 0) this.abstracts.set(id, [{ format: 'link', text: link, start: 1, legal: false }]);
      else this.abstracts.set(id, levels);
    }
    for (const num of children(root, 'num')) {
      const numId = attr(num, 'numId');
      const abstractId = attr(child(num, 'abstractNumId'), 'val');
      if (numId === null || abstractId === null) continue;
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of children(num, 'lvlOverride')) {
        const ilvl = Number(attr(o, 'ilvl') ?? 0);
        const start = attr(child(o, 'startOverride'), 'val');
        const lvl = child(o, 'lvl');
        overrides.set(ilvl, {
          ...(start !== null ? { start: Number(start) } : {}),
          ...(lvl ? { level: readLevel(lvl) } : {}),
        });
      }
      this.nums.set(numId, { abstractId, overrides });
    }
  }

  /** The label of a numbered paragraph (and advances the counters); null for none or a bad reference. */
  next(numId: string, ilvl: number): string | null {
    const resolved = this.resolve(numId, 0);
    if (!resolved) return null;
    const { instance, abstractId } = resolved;
    const levels = this.levelsOf(abstractId, instance);
    const level = levels[ilvl];
    if (!level) return null;
    const counts = this.counters.get(abstractId) ?? [];
    this.counters.set(abstractId, counts);

    const override = instance.overrides.get(ilvl);
    const key = `${numId}:${ilvl}`;
    if (override?.start !== undefined && !this.applied.has(key)) {
      this.applied.add(key);
      counts[ilvl] = override.start;
    } else {
      counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
    }
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = levels[deeper]?.restart;
      if (restart === 0) continue;
      if (restart === undefined || ilvl < restart) counts[deeper] = undefined;
    }
    // Levels above that were never used count as their start value (Word prints "1.1." for a first sub-item).
    for (let above = 0; above < ilvl; above++) if (counts[above] === undefined) counts[above] = levels[above]?.start ?? 1;
    return this.render(level, levels, counts);
  }

  private resolve(numId: string, depth: number): { instance: NumInstance; abstractId: string } | null {
    const instance = this.nums.get(numId);
    if (!instance || depth > 4) return null;
    const levels = this.abstracts.get(instance.abstractId);
    const link = levels?.[0]?.format === 'link' ? levels[0].text : null;
    if (link !== null) {
      const linked = this.styleNum(link);
      return linked !== null && linked !== numId ? this.resolve(linked, depth + 1) : null;
    }
    return { instance, abstractId: instance.abstractId };
  }

  private levelsOf(abstractId: string, instance: NumInstance): Level[] {
    const levels = [...(this.abstracts.get(abstractId) ?? [])];
    for (const [ilvl, o] of instance.overrides) if (o.level) levels[ilvl] = o.level;
    return levels;
  }

  private render(level: Level, levels: Level[], counts: Array<number | undefined>): string | null {
    if (level.format === 'none') return null;
    if (level.format === 'bullet') return bulletLabel(level.text);
    const label = level.text.replace(LVL_PLACEHOLDER_RE, (_, d: string) => {
      const at = Number(d) - 1;
      const lvl = levels[at];
      const value = counts[at] ?? lvl?.start ?? 1;
      const format = level.legal ? 'decimal' : (lvl?.format ?? 'decimal');
      return formatNumber(value, format, this.options.letters);
    });
    const trimmed = label.trim();
    return trimmed === '' ? null : trimmed;
  }
}

function readLevel(lvl: Element): Level {
  const restart = attr(child(lvl, 'lvlRestart'), 'val');
  return {
    format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
    text: attr(child(lvl, 'lvlText'), 'val') ?? '',
    start: Number(attr(child(lvl, 'start'), 'val') ?? 1) || 0,
    ...(restart !== null ? { restart: Number(restart) } : {}),
    legal: isOn(child(lvl, 'isLgl')),
  };
}

/** Bullet symbols ("•", "", "–", "o", "▪") print as "-"; "+" stays "+" (the second-level bullet of Vietnamese plans). */
function bulletLabel(symbol: string): string {
  return symbol.trim() === '+' ? '+' : '-';
}

/** One counter value in a Word number format. Unknown formats fall back to decimal. */
export function formatNumber(n: number, format: string, letters: LetterSequence = 'vietnamese'): string {
  switch (format) {
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'lowerLetter':
      return toLetters(n, letters);
    case 'upperLetter':
      return toLetters(n, letters).toUpperCase();
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

/** 1 → "a", 5 → "đ" (Vietnamese) or "e" (Latin), past the end Word doubles: "aa". */
function toLetters(n: number, letters: LetterSequence): string {
  if (n < 1) return String(n);
  const alphabet = [...(letters === 'vietnamese' ? VIETNAMESE_LETTERS : LATIN_LETTERS)];
  const index = (n - 1) % alphabet.length;
  const repeat = Math.floor((n - 1) / alphabet.length) + 1;
  return alphabet[index]!.repeat(Math.min(repeat, 10));
}

function toRoman(n: number): string {
  if (n < 1 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

/** The numbering a paragraph property block asks for: [numId, ilvl], or null. numId "0" switches numbering off. */
export function numPrOf(pPr: Element | null): { numId: string; ilvl: number | null } | null {
  const numPr = child(pPr, 'numPr');
  if (!numPr) return null;
  const numId = attr(child(numPr, 'numId'), 'val');
  const ilvl = attr(child(numPr, 'ilvl'), 'val');
  if (numId === null && ilvl === null) return null;
  return { numId: numId ?? '', ilvl: ilvl === null ? null : Number(ilvl) };
}
