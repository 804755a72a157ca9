/**
 * Text that remembers, for every character, its offset in the original file, so every cleaning
 * step keeps spans honest. Immutable: every operation returns a new value.
 */
import type { Span } from '../types.js';

export interface MappedText {
  /** The text. */
  readonly text: string;
  /** offsets[i] = original offset of text[i]; offsets[text.length] = original offset just past the end. */
  readonly offsets: Int32Array;
}

/** The identity mapping of an original text onto itself. */
export function identity(text: string, base = 0): MappedText {
  const offsets = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = base + i;
  return { text, offsets };
}

/** A slice [start, end) keeping the offsets. */
export function slice(m: MappedText, start: number, end = m.text.length): MappedText {
  const s = Math.max(0, Math.min(start, m.text.length));
  const e = Math.max(s, Math.min(end, m.text.length));
  const offsets = new Int32Array(e - s + 1);
  offsets.set(m.offsets.subarray(s, e));
  offsets[e - s] = e > s ? m.offsets[e - 1]! + 1 : m.offsets[s]!;
  return { text: m.text.slice(s, e), offsets };
}

/**
 * Replaces every match of a global regex. Inserted characters map to the start of the match they
 * replace; kept characters keep their offsets.
 */
export function replace(m: MappedText, re: RegExp, replacement: string | ((match: RegExpExecArray) => string)): MappedText {
  if (!re.global) throw new Error('replace needs a global regex');
  re.lastIndex = 0;
  let match: RegExpExecArray | null;
  let last = 0;
  let text = '';
  const offs: number[] = [];
  let changed = false;
  while ((match = re.exec(m.text)) !== null) {
    if (match[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    changed = true;
    text += m.text.slice(last, match.index);
    for (let i = last; i < match.index; i++) offs.push(m.offsets[i]!);
    const rep = typeof replacement === 'string' ? replacement : replacement(match);
    text += rep;
    for (let i = 0; i < rep.length; i++) offs.push(m.offsets[match.index]!);
    last = match.index + match[0].length;
  }
  if (!changed) return m;
  text += m.text.slice(last);
  for (let i = last; i < m.text.length; i++) offs.push(m.offsets[i]!);
  offs.push(m.offsets[m.text.length]!);
  return { text, offsets: Int32Array.from(offs) };
}

/** Trims white space at both ends. */
export function trim(m: MappedText): MappedText {
  const start = m.text.length - m.text.trimStart().length;
  const end = m.text.trimEnd().length;
  if (start === 0 && end === m.text.length) return m;
  return slice(m, start, Math.max(start, end));
}

/** Joins parts with a separator; separator characters map to the end of the part before them. */
export function join(parts: readonly MappedText[], separator: string): MappedText {
  if (parts.length === 1) return parts[0]!;
  let total = 0;
  for (const p of parts) total += p.text.length;
  total += separator.length * Math.max(0, parts.length - 1);
  const offsets = new Int32Array(total + 1);
  let text = '';
  let at = 0;
  parts.forEach((p, k) => {
    if (k > 0) {
      const prevEnd = parts[k - 1]!.offsets[parts[k - 1]!.text.length]!;
      for (let i = 0; i < separator.length; i++) offsets[at++] = prevEnd;
      text += separator;
    }
    offsets.set(p.offsets.subarray(0, p.text.length), at);
    at += p.text.length;
    text += p.text;
  });
  offsets[at] = parts.length ? parts[parts.length - 1]!.offsets[parts[parts.length - 1]!.text.length]! : 0;
  return { text, offsets };
}

/** The original span covered by [start, end) of the mapped text. */
export function spanOf(m: MappedText, start = 0, end = m.text.length): Span {
  if (end <= start) return [m.offsets[start] ?? 0, m.offsets[start] ?? 0];
  return [m.offsets[start]!, m.offsets[end - 1]! + 1];
}
