/**
 * Word-level diff on our own tokens (a syllable, "421/QĐ-UBND", "6,5%" stay whole) through
 * jsdiff's array diff on token ids (a table LCS takes over when two texts differ in more than 48
 * places, where Myers' algorithm slows down), and the cosmetic/substantive judgement of a modified
 * pair.
 */
import { diffArrays } from 'diff';
import { distance } from 'fastest-levenshtein';
import { normalizeTones, stripDiacritics, tokenize, words } from '../text/vietnamese.js';

/** One run of a word diff: -1 deleted (only in A), 0 kept, 1 inserted (only in B). */
export type DiffOp = -1 | 0 | 1;
/** A word diff: runs of text with their operation; concatenating ops 0 and -1 gives A, 0 and 1 gives B. */
export type WordDiff = Array<[DiffOp, string]>;

/** A diff unit: one non-space token with the spacing that follows it. */
interface Unit {
  /** Printed text including trailing spaces. */
  text: string;
  /** Comparison key: one tone placement, lower case. */
  key: string;
}

/** Comparison keys of tokens seen so far (tone placement is the costly part). */
const keyCache = new Map<string, string>();

function keyOf(token: string): string {
  let k = keyCache.get(token);
  if (k === undefined) {
    k = normalizeTones(token).toLowerCase();
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(token, k);
  }
  return k;
}

function units(text: string): Unit[] {
  const out: Unit[] = [];
  let lead = '';
  for (const t of tokenize(text.normalize('NFC'))) {
    if (t.kind === 'space') {
      const last = out[out.length - 1];
      if (last) last.text += t.text;
      else lead += t.text;
      continue;
    }
    out.push({ text: lead + t.text, key: keyOf(t.text) });
    lead = '';
  }
  if (lead && out.length === 0) out.push({ text: lead, key: '' });
  return out;
}

function push(out: WordDiff, op: DiffOp, text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last[0] === op) last[1] += text;
  else out.push([op, text]);
}

/** Edit operations between two key sequences: common prefix and suffix cut, the middle diffed by
 * jsdiff on integer ids. Each entry is [op, count]. */
export function diffKeys(a: readonly string[], b: readonly string[]): Array<[DiffOp, number]> {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre += 1;
  let post = 0;
  while (post < a.length - pre && post < b.length - pre && a[a.length - 1 - post] === b[b.length - 1 - post]) post += 1;
  const ids = new Map<string, number>();
  const idOf = (k: string): number => {
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    return id;
  };
  const ma = a.slice(pre, a.length - post).map(idOf);
  const mb = b.slice(pre, b.length - post).map(idOf);
  const out: Array<[DiffOp, number]> = [];
  if (pre > 0) out.push([0, pre]);
  if (ma.length === 0 || mb.length === 0) {
    if (ma.length > 0) out.push([-1, ma.length]);
    if (mb.length > 0) out.push([1, mb.length]);
  } else {
    // Every id without a partner costs one edit: when they alone exceed the bound, skip Myers.
    const balance = new Int32Array(ids.size);
    for (const x of ma) balance[x]! += 1;
    for (const x of mb) balance[x]! -= 1;
    let unpaired = 0;
    for (const v of balance) unpaired += Math.abs(v);
    let changes = unpaired <= MAX_EDIT_LENGTH ? diffArrays(ma, mb, { maxEditLength: MAX_EDIT_LENGTH }) : undefined;
    // Past the LCS's size, Myers again, unbounded but timed.
    if (!changes && ma.length * mb.length > MAX_TABLE_CELLS) changes = diffArrays(ma, mb, { timeout: DIFF_TIMEOUT_MS });
    if (changes) for (const c of changes) out.push([c.added ? 1 : c.removed ? -1 : 0, c.count]);
    else if (ma.length * mb.length <= MAX_TABLE_CELLS) out.push(...lcsDiff(ma, mb));
    else out.push([-1, ma.length], [1, mb.length]);
  }
  if (post > 0) out.push([0, post]);
  return out;
}

/** Edits beyond which Myers' diff (O((N+M)·D)) gives way to an LCS (O(N·M/32), bit vectors). */
const MAX_EDIT_LENGTH = 48;
/** Largest pair diffed by the LCS (cells of its table), so time stays bounded on huge clauses. */
const MAX_TABLE_CELLS = 250_000;
/** Time allowed to Myers on a pair too large for the LCS; past it the middle shows as replaced. */
const DIFF_TIMEOUT_MS = 50;

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The lengths of the longest common subsequences of every pair of suffixes of `a` and `b` (the
 * table of the textbook dynamic programme), held as bit vectors, 32 columns a word (Allison–Dix):
 * row r is the row of the reversed sequences after r elements of reversed `a`, a bit set where the
 * length does not grow by that column. `at(i, j)` is the length for a[i..] and b[j..].
 */
function suffixLcs(a: readonly number[], b: readonly number[]): (i: number, j: number) => number {
  const n = a.length;
  const m = b.length;
  const words = (m + 31) >>> 5;
  const top = m & 31 ? 0xffffffff >>> (32 - (m & 31)) : 0xffffffff;
  // bit k of a column mask: reversed b's k-th element is that id
  const masks = new Map<number, Uint32Array>();
  for (let k = 0; k < m; k++) {
    const id = b[m - 1 - k]!;
    let mask = masks.get(id);
    if (!mask) masks.set(id, (mask = new Uint32Array(words)));
    mask[k >>> 5]! |= 1 << (k & 31);
  }
  const rows = new Uint32Array((n + 1) * words).fill(0xffffffff);
  rows[words - 1] = top;
  for (let r = 0; r < n; r++) {
    const mask = masks.get(a[n - 1 - r]!);
    const from = r * words;
    const to = from + words;
    if (!mask) {
      rows.copyWithin(to, from, to);
      continue;
    }
    // V' = (V + (V & M)) | (V & ~M), the sum carried from word to word
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const v = rows[from + w]!;
      const u = (v & mask[w]!) >>> 0;
      const sum = v + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      rows[to + w] = (sum >>> 0) | (v & ~mask[w]!);
    }
    rows[to + words - 1]! &= top;
  }
  // length for a[i..], b[j..]: the first m − j columns of row n − i, less the bits set among them
  return (i, j) => {
    const columns = m - j;
    const row = (n - i) * words;
    let set = 0;
    for (let w = 0; w < columns >>> 5; w++) set += popcount(rows[row + w]!);
    if (columns & 31) set += popcount(rows[row + (columns >>> 5)]! & (0xffffffff >>> (32 - (columns & 31))));
    return columns - set;
  };
}

/** Longest-common-subsequence diff, for pairs that differ a lot: the textbook walk through the
 * table of suffix lengths (kept as bit vectors, see suffixLcs). */
function lcsDiff(a: readonly number[], b: readonly number[]): Array<[DiffOp, number]> {
  const n = a.length;
  const m = b.length;
  const lcs = suffixLcs(a, b);
  const out: Array<[DiffOp, number]> = [];
  const add = (op: DiffOp): void => {
    const last = out[out.length - 1];
    if (last && last[0] === op) last[1] += 1;
    else out.push([op, 1]);
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      add(0);
      i += 1;
      j += 1;
    } else if (lcs(i + 1, j) >= lcs(i, j + 1)) {
      add(-1);
      i += 1;
    } else {
      add(1);
      j += 1;
    }
  }
  while (i < n) {
    add(-1);
    i += 1;
  }
  while (j < m) {
    add(1);
    j += 1;
  }
  // Deletions before insertions inside each change, as jsdiff gives them.
  const sorted: Array<[DiffOp, number]> = [];
  let del = 0;
  let ins = 0;
  const flush = (): void => {
    if (del > 0) sorted.push([-1, del]);
    if (ins > 0) sorted.push([1, ins]);
    del = 0;
    ins = 0;
  };
  for (const [op, k] of out) {
    if (op === -1) del += k;
    else if (op === 1) ins += k;
    else {
      flush();
      sorted.push([0, k]);
    }
  }
  flush();
  return sorted;
}

/**
 * Word diff of two display texts (NFC first). Tokens equal up to case and tone placement count
 * as kept and show B's spelling. Deletions come before insertions inside a change.
 */
export function wordDiff(a: string, b: string): WordDiff {
  const ua = units(a);
  const ub = units(b);
  const out: WordDiff = [];
  let ia = 0;
  let ib = 0;
  // Spacing A had after a kept word where B has none ("Kế hoạch này./." → "Kế hoạch./."): it goes
  // before the deletion that follows, so that A still reads back with its spaces.
  let spaceOfA = '';
  for (const [op, n] of diffKeys(
    ua.map((u) => u.key),
    ub.map((u) => u.key),
  )) {
    if (op === 1) {
      push(out, 1, ub.slice(ib, ib + n).map((u) => u.text).join(''));
      ib += n;
    } else if (op === -1) {
      push(out, -1, spaceOfA + ua.slice(ia, ia + n).map((u) => u.text).join(''));
      ia += n;
    } else {
      push(out, 0, ub.slice(ib, ib + n).map((u) => u.text).join(''));
      const lastA = ua[ia + n - 1]!.text;
      const lastB = ub[ib + n - 1]!.text;
      const trailA = lastA.slice(lastA.trimEnd().length);
      spaceOfA = trailA && lastB.trimEnd() === lastB ? trailA : '';
      ia += n;
      ib += n;
      continue;
    }
    spaceOfA = '';
  }
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Renders a diff as HTML-ish text: kept text as is, `<del>…</del>` and `<ins>…</ins>` around changes. */
export function renderDiff(diff: WordDiff, escape = false): string {
  const esc = escape ? escapeHtml : (s: string) => s;
  return diff
    .map(([op, text]) => {
      if (op === 0) return esc(text);
      const core = text.trim();
      const head = text.slice(0, text.length - text.trimStart().length);
      const tail = text.slice(text.trimEnd().length);
      const tag = op < 0 ? 'del' : 'ins';
      return `${head}<${tag}>${esc(core)}</${tag}>${tail}`;
    })
    .join('');
}

/** Words that may come and go without changing what a clause commits to. */
const FUNCTION_WORDS = new Set(['các', 'những', 'và', 'của', 'về', 'này', 'thì', 'là']);

/** Most words without a same-spelled partner in a cosmetic edit (typos, an abbreviation spelled out). */
const MAX_COSMETIC_WORDS = 12;

const NUMBER_RE = /\p{N}/u;

/** True when one word becomes another by a typo: tone or mark only, or one letter for longer words. */
function isTypo(x: string, y: string): boolean {
  if (NUMBER_RE.test(x) || NUMBER_RE.test(y)) return false;
  const bx = stripDiacritics(x);
  const by = stripDiacritics(y);
  if (bx === by) return true;
  return bx.length >= 4 && by.length >= 4 && distance(x, y) <= 1;
}

/** Initials of a phrase ("đ" kept apart from "d"): "kế hoạch và đầu tư" → "khvđt". */
function initials(ws: readonly string[]): string {
  return ws.map((w) => (w.charAt(0) === 'đ' ? 'đ' : stripDiacritics(w.charAt(0)).toLowerCase())).join('');
}

/** True when `short` is an abbreviation of `long` by initials, joiners skipped or not:
 * "ubnd" ↔ "ủy ban nhân dân", "khđt" ↔ "kế hoạch và đầu tư". */
function isAbbreviation(short: readonly string[], long: readonly string[]): boolean {
  if (short.length !== 1 || long.length < 2) return false;
  const abbr = short[0]!.replace(/[&-]/g, '');
  return abbr === initials(long) || abbr === initials(long.filter((w) => !FUNCTION_WORDS.has(w)));
}

/**
 * Judges a modified pair from its comparison forms: cosmetic when every change is a typo
 * (marks or one letter), an abbreviation spelled out, or a function word ("các", "và") coming or
 * going; substantive as soon as a number, a name or a phrase changes.
 */
export function changeNature(normA: string, normB: string): 'cosmetic' | 'substantive' {
  return changeNatureOfWords(words(normA), words(normB));
}

/** {@link changeNature} of two comparison forms already split into words (a clause's profile holds them). */
export function changeNatureOfWords(wa: readonly string[], wb: readonly string[]): 'cosmetic' | 'substantive' {
  // Quick refusal: a cosmetic edit leaves few words without a partner.
  const count = new Map<string, number>();
  for (const w of wa) if (!FUNCTION_WORDS.has(w)) count.set(w, (count.get(w) ?? 0) + 1);
  for (const w of wb) if (!FUNCTION_WORDS.has(w)) count.set(w, (count.get(w) ?? 0) - 1);
  let unpaired = 0;
  for (const n of count.values()) unpaired += Math.abs(n);
  if (unpaired > MAX_COSMETIC_WORDS) return 'substantive';
  const changes = diffKeys(wa, wb);
  let ia = 0;
  let ib = 0;
  for (let i = 0; i < changes.length; i++) {
    const [op, n] = changes[i]!;
    if (op === 0) {
      ia += n;
      ib += n;
      continue;
    }
    const next = changes[i + 1];
    if (op === -1 && next?.[0] === 1) {
      const del = wa.slice(ia, ia + n);
      const ins = wb.slice(ib, ib + next[1]);
      ia += n;
      ib += next[1];
      i += 1;
      if (del.length === ins.length && del.every((w, k) => isTypo(w, ins[k]!))) continue;
      if (isAbbreviation(del, ins) || isAbbreviation(ins, del)) continue;
      return 'substantive';
    }
    const run = op === -1 ? wa.slice(ia, ia + n) : wb.slice(ib, ib + n);
    if (op === -1) ia += n;
    else ib += n;
    if (run.every((w) => FUNCTION_WORDS.has(w))) continue;
    return 'substantive';
  }
  return 'cosmetic';
}
