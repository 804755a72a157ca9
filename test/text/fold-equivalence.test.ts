/**
 * The one-pass comparison form and tone normalisation give exactly what the plain regular
 * expression chains give (the form they were written from), on corpus text and on garbage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { comparisonForm } from '../../src/text/fold.js';
import { normalizeTones, placeTone } from '../../src/text/vietnamese.js';

/** The definitions before the one-pass versions. */
function referenceTones(text: string): string {
  return text.normalize('NFC').replace(/[\p{L}\p{M}]+/gu, (w) => (/^[A-Za-z]+$/.test(w) ? w : placeTone(w)));
}
const PUNCT_RE = /(?<!\p{N})[^\p{L}\p{M}\p{N}\s%]|[^\p{L}\p{M}\p{N}\s%](?!\p{N})/gu;
function referenceForm(text: string): string {
  return referenceTones(text).toLowerCase().replace(PUNCT_RE, ' ').replace(/\s+/g, ' ').trim();
}

function corpusTexts(): string[] {
  const dir = join(import.meta.dirname, '..', '..', 'corpus');
  const out: string[] = [];
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.txt')) out.push(readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  return out;
}

/** Deterministic pseudo-random strings over letters, NFD marks, digits, marks, odd spaces and astral characters. */
function garbage(count: number): string[] {
  const alphabet = [
    ...'aăâeêioôơuưyAĂÂĐđqgQG hoá thuỷ khoẻ Hoàng QUYẾT người',
    '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0306', '\u0302',
    ...'0123456789٣²½Ⅻ',
    ...',.;:%/-–()[]"“”…!?*#_|+≥≤',
    ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u202f', '\u3000', '\ufeff', '\u2028',
    'İ', 'ẞ', 'Σ', '𝐀', '😀', '𠀀', '\ud800',
  ];
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    const len = rand(40);
    for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length)];
    out.push(s);
  }
  return out;
}

/** Syllables with every tone on every vowel, old and new placements, in any case. */
function syllables(): string[] {
  const onsets = ['', 'h', 'qu', 'gi', 'ng', 'th', 'đ', 'Kh', 'NG'];
  const nuclei = ['a', 'oa', 'oe', 'uy', 'ươ', 'iê', 'uô', 'ưa', 'ay', 'âu', 'oai', 'uyê', 'ê', 'ơ', 'Ư', 'OA'];
  const codas = ['', 'n', 'ng', 'nh', 'c', 'ch', 't', 'p', 'i', 'u', 'm'];
  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const out: string[] = [];
  for (const o of onsets)
    for (const v of nuclei)
      for (const c of codas)
        for (const t of tones)
          for (let at = 0; at <= v.length; at++) out.push((o + v.slice(0, at) + t + v.slice(at) + c).normalize(at % 2 ? 'NFC' : 'NFD'));
  return out;
}

describe('one-pass folding', () => {
  const lines = corpusTexts().flatMap((t) => t.split('\n'));

  test('folds every line of the bundled corpus exactly as the regular expression chain does', () => {
    expect(lines.length).toBeGreaterThan(500);
    for (const line of lines) expect(comparisonForm(line)).toBe(referenceForm(line));
  });

  test('places tones in every line of the bundled corpus exactly as before', () => {
    for (const line of lines) expect(normalizeTones(line)).toBe(referenceTones(line));
  });

  test('agrees on garbage: NFD marks, digits of other scripts, odd spaces, astral and lone surrogates', () => {
    for (const s of garbage(5000)) {
      expect(normalizeTones(s)).toBe(referenceTones(s));
      expect(comparisonForm(s)).toBe(referenceForm(s));
    }
  });

  test('places tones in every onset, nucleus, coda and tone position as placeTone does, NFC or NFD', () => {
    const all = syllables();
    expect(all.length).toBeGreaterThan(10_000);
    for (const w of all) expect(normalizeTones(w)).toBe(referenceTones(w));
    const text = all.join(' ');
    expect(normalizeTones(text)).toBe(referenceTones(text));
  });

  test.each([
    ['đạt 6,5% năm 2024.', 'đạt 6,5% năm 2024'],
    ['1.000 hồ sơ; 2..3', '1.000 hồ sơ 2 3'],
    ['  – Đơn giản hoá TTHC:  ', 'đơn giản hóa tthc'],
    ['Thuỷ lợi (khoẻ)', 'thủy lợi khỏe'],
  ])('folds %j to %j', (text, form) => {
    expect(comparisonForm(text)).toBe(form);
  });
});
