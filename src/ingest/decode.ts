/**
 * Bytes of a text file → Unicode text. UTF-8 (with or without BOM) and UTF-16 come through as a
 * plain read would give them (BOM removed, line endings and normalisation untouched: spans are
 * taken on this string). Anything else is tried as Windows-1258, TCVN3 and VNI, and the reading
 * that looks most like Vietnamese wins (legacy decodings are returned in NFC).
 */
import type { Warning } from '../types.js';
import { WINDOWS_1258_HIGH, decodeSingleByte } from './codepages.js';
import { IngestError } from './errors.js';
import { CONTROL_CHAR_RE } from './patterns.js';
import { scoreVietnamese, type Plausibility } from './plausibility.js';
import { decodeTcvn3 } from './tcvn3.js';
import { decodeVni } from './vni.js';

/** How the bytes were read; reported as `meta.encoding`. "utf-8+tcvn3" marks a file of mixed lines. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | LegacyEncoding | `utf-8+${LegacyEncoding}`;

/** The pre-Unicode Vietnamese encodings we recognise. */
export type LegacyEncoding = 'windows-1258' | 'tcvn3' | 'vni';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  warnings: Warning[];
}

export interface DecodeOptions {
  /** A charset named by the file itself (an HTML `<meta charset>`), tried first. */
  declared?: string;
}

/** The legacy decoders, in the order that breaks ties. */
export const LEGACY_DECODERS: Record<LegacyEncoding, (bytes: Uint8Array) => string> = {
  'windows-1258': (bytes) => decodeSingleByte(bytes, WINDOWS_1258_HIGH).normalize('NFC'),
  tcvn3: decodeTcvn3,
  vni: decodeVni,
};

/** A legacy reading is accepted when at least this share of its accented words are Vietnamese syllables. */
const MIN_PLAUSIBILITY = 0.6;

/** Share of control bytes (other than tab, line feed, carriage return, form feed, vertical tab) that makes a file binary. */
const MAX_CONTROL_SHARE = 0.01;

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a text file. Throws IngestError for empty, binary or unreadable bytes. */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  if (bytes.length === 0) throw new IngestError('empty', 'is empty (0 bytes)');
  const decoded = decodeBytes(bytes, options);
  if (decoded.text.trim() === '') throw new IngestError('empty', 'is empty (only whitespace)');
  return decoded;
}

function decodeBytes(bytes: Uint8Array, options: DecodeOptions): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    if (text !== null) return { text, encoding: 'utf-8-bom', warnings: [] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const utf16 = sniffUtf16(bytes);
  if (utf16) return decodeUtf16(bytes, utf16);

  checkNotBinary(bytes);
  const text = tryUtf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8', warnings: [] };
  return decodeLegacy(bytes, options);
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  const warnings: Warning[] = [];
  if (bytes.length % 2 === 1) warnings.push({ code: 'odd-length', message: `The ${encoding} file has an odd number of bytes; the last byte was dropped.` });
  if (CONTROL_CHAR_RE.test(text)) throw new IngestError('binary', `looks like a binary file (control characters in ${encoding} text)`);
  return { text, encoding, warnings };
}

/** UTF-16 without a BOM: ASCII-heavy text has a zero byte at every other position. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 16) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero += 1;
    if (bytes[i + 1] === 0) oddZero += 1;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.02) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.02) return 'utf-16be';
  return null;
}

function checkNotBinary(bytes: Uint8Array): void {
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) throw new IngestError('binary', `looks like a binary file (a NUL byte at offset ${i}), not text`);
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1a) controls += 1;
    else if (b === 0x7f) controls += 1;
  }
  if (controls > 8 && controls > bytes.length * MAX_CONTROL_SHARE) {
    throw new IngestError('binary', `looks like a binary file (${controls} control bytes), not text`);
  }
}

/** Normalises a declared charset label to one of ours: "windows-1258", "cp1258", "x-viet-tcvn5712", "vni-windows". */
export function legacyFromLabel(label: string): LegacyEncoding | null {
  const l = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (l === 'windows1258' || l === 'cp1258' || l === 'xcp1258') return 'windows-1258';
  if (l.includes('tcvn') || l === 'abc' || l === 'vn3') return 'tcvn3';
  if (l.includes('vni')) return 'vni';
  return null;
}

interface Candidate {
  encoding: LegacyEncoding;
  text: string;
  plausibility: Plausibility;
}

/** Scores every legacy reading of the bytes and returns them best first. */
export function rankLegacy(bytes: Uint8Array, declared?: LegacyEncoding | null): Candidate[] {
  const candidates: Candidate[] = (Object.keys(LEGACY_DECODERS) as LegacyEncoding[]).map((encoding) => {
    const text = LEGACY_DECODERS[encoding](bytes);
    return { encoding, text, plausibility: scoreVietnamese(text) };
  });
  const bonus = (c: Candidate) => (c.encoding === declared ? 0.05 : 0);
  return candidates.sort((a, b) => b.plausibility.score + bonus(b) - (a.plausibility.score + bonus(a)));
}

function decodeLegacy(bytes: Uint8Array, options: DecodeOptions): DecodedText {
  const declared = options.declared ? legacyFromLabel(options.declared) : null;
  const lines = splitLines(bytes);
  const utf8Lines = lines.filter((l) => l.kind === 'utf8').length;
  const badLines = lines.filter((l) => l.kind === 'invalid');
  if (utf8Lines > 0 && badLines.length > 0) return decodeMixed(lines, badLines, declared);

  const [best] = rankLegacy(bytes, declared);
  if (!best || best.plausibility.score < MIN_PLAUSIBILITY || best.plausibility.accented === 0) {
    throw new IngestError(
      'encoding',
      'is not UTF-8 and does not read as Vietnamese in Windows-1258, TCVN3 or VNI; save it as UTF-8',
    );
  }
  return {
    text: best.text,
    encoding: best.encoding,
    warnings: [{ code: 'legacy-encoding', message: `Decoded from ${best.encoding} (not UTF-8).` }],
  };
}

interface ByteLine {
  bytes: Uint8Array;
  kind: 'ascii' | 'utf8' | 'invalid';
}

/** Splits on LF (kept with the line) and classifies each line as ASCII, valid UTF-8 or not. */
function splitLines(bytes: Uint8Array): ByteLine[] {
  const lines: ByteLine[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const line = bytes.subarray(start, Math.min(i + 1, bytes.length));
    let ascii = true;
    for (const b of line) if (b >= 0x80) { ascii = false; break; }
    lines.push({ bytes: line, kind: ascii ? 'ascii' : tryUtf8(line) !== null ? 'utf8' : 'invalid' });
    start = i + 1;
  }
  return lines;
}

/** A file whose lines are partly UTF-8 and partly a legacy encoding (pasted together from two sources). */
function decodeMixed(lines: ByteLine[], badLines: ByteLine[], declared: LegacyEncoding | null): DecodedText {
  const joined = concat(badLines.map((l) => l.bytes));
  const [best] = rankLegacy(joined, declared);
  if (!best || best.plausibility.score < MIN_PLAUSIBILITY) {
    throw new IngestError('encoding', `is mostly UTF-8 but ${badLines.length} lines are in no encoding we recognise; save it as UTF-8`);
  }
  const decode = LEGACY_DECODERS[best.encoding];
  const text = lines.map((l) => (l.kind === 'invalid' ? decode(l.bytes) : (tryUtf8(l.bytes) ?? ''))).join('');
  return {
    text,
    encoding: `utf-8+${best.encoding}`,
    warnings: [
      {
        code: 'mixed-encoding',
        message: `${badLines.length} of ${lines.length} lines are not UTF-8; they were decoded as ${best.encoding}.`,
      },
    ],
  };
}

/** The parts' bytes one after the other, in one array. */
export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
