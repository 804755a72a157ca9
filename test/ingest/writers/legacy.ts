/** Encoders for test inputs: Unicode → Windows-1258 (base letter + combining tone byte). */
import { WINDOWS_1258_HIGH } from '../../../src/ingest/codepages.js';

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;

export function encodeWindows1258(text: string): Uint8Array {
  const reverse = new Map<string, number>();
  for (let i = 0; i < 128; i++) reverse.set(WINDOWS_1258_HIGH[i]!, 0x80 + i);
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const parts = [...ch.normalize('NFD')];
    const tone = parts.find((c) => TONES.test(c));
    const base = parts.filter((c) => !TONES.test(c)).join('').normalize('NFC');
    for (const c of tone ? [base, tone] : [base]) {
      for (const u of c) out.push(u.charCodeAt(0) < 0x80 ? u.charCodeAt(0) : (reverse.get(u) ?? 0x3f));
    }
  }
  return Uint8Array.from(out);
}
