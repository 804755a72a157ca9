/**
 * The one-pass comparison form and tone normalisation give exactly what the plain regular
 * expression chains give (the form they were written from), on corpus text and on garbage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GLOSSARY, makeExpander } from '../../src/text/abbreviations.js';
import { comparisonForm, lettersAndNumbers } from '../../src/text/fold.js';
import { normalizeTones, placeTone, tokenize, type Token } from '../../src/text/vietnamese.js';

/** The definitions before the one-pass versions. */
function referenceTones(text: string): string {
  return text.normalize('NFC').replace(/[\p{L}\p{M}]+/gu, (w) => (/^[A-Za-z]+$/.test(w) ? w : placeTone(w)));
}
const PUNCT_RE = /(?<!\p{N})[^\p{L}\p{M}\p{N}\s%]|[^\p{L}\p{M}\p{N}\s%](?!\p{N})/gu;
function referenceForm(text: string): string {
  return referenceTones(text).toLowerCase().replace(PUNCT_RE, ' ').replace(/\s+/g, ' ').trim();
}

/** The tokens the token pattern gives (what tokenize read with it alone). */
const TOKEN_RE =
  /(\p{N}+(?:[-/][\p{L}\p{N}]*\p{L}[\p{L}\p{N}]*|\/\p{N}{4}\/[\p{L}\p{N}]+)(?:[-/][\p{L}\p{N}]+)*)|(\p{N}+(?:[.,/]\p{N}+)*%?)|([\p{L}\p{M}\p{N}]+)|(\s+)|([^\s\p{L}\p{M}\p{N}])/gu;
function referenceTokens(text: string): Token[] {
  return [...text.matchAll(TOKEN_RE)].map((m) => ({ text: m[0], kind: m[1] ? 'docnum' : m[2] ? 'number' : m[3] ? 'word' : m[4] ? 'space' : 'punct', start: m.index }));
}

/** Whole-word abbreviations spelled out by the pattern alone (what makeExpander did with it). */
function referenceExpand(abbreviations: Record<string, string>): (text: string) => string {
  const sorted = Object.keys(abbreviations).sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}&])(${sorted.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}&])`, 'gu');
  return (text) => text.replace(re, (k) => abbreviations[k] ?? k);
}

/** Deterministic strings of abbreviations in and out of words: glued to letters, digits, "&", marks, astral letters. */
function abbreviationGarbage(count: number): string[] {
  const pieces = ['TTHC', 'UBND', 'GD&ĐT', 'ĐT', 'KT-XH', 'QĐKD', 'KSTTHC', 'KSTT', 'HC', 'a', 'ư', '1', '٣', '&', '-', '(', ')', ' ', '\u0301', '𝐀', 'Ư', '.'];
  let seed = 5;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: rand(12) }, () => pieces[rand(pieces.length)]).join(''));
}

/** Deterministic strings of document-number pieces: digits (other scripts too), separators, letters, marks. */
function numberGarbage(count: number): string[] {
  const pieces = ['421', '2024', '03', '5', '٣', '²', 'Ⅻ', '/', '/', '-', '.', ',', '%', ' ', 'QĐ', 'UBND', 'NĐ', 'CP', 'TW', 'QH15', 'a', 'ĐT', '\u0301', '\u0323', '_', '–', '\u00a0'];
  let seed = 3;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: rand(14) }, () => pieces[rand(pieces.length)]).join(''));
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

  test('tokenizes every line of the bundled corpus, garbage and document-number pieces as the token pattern does', () => {
    for (const line of [...lines, ...garbage(5000), ...numberGarbage(5000)]) expect(tokenize(line)).toEqual(referenceTokens(line));
  });

  test('keeps the runs of letters and numbers of every corpus line and garbage as the regular expression does', () => {
    for (const line of [...lines, ...garbage(5000)]) expect(lettersAndNumbers(line)).toBe(line.replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
  });

  test('spells out abbreviations in every line of the bundled corpus, garbage and abbreviation pieces as the whole-word pattern does', () => {
    const abbreviations = { ...GLOSSARY, QĐKD: 'quy định kinh doanh', HC: 'hành chính', 'Ư&A': 'x' };
    const [mine, reference] = [makeExpander(abbreviations), referenceExpand(abbreviations)];
    for (const line of [...lines, ...garbage(5000), ...abbreviationGarbage(5000)]) expect(mine(line)).toBe(reference(line));
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
