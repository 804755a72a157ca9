/**
 * Single-byte code pages, written out so that decoding is the same in Node and in every browser
 * (Node's TextDecoder treats "windows-1252" as Latin-1, and Windows-1258 needs full ICU).
 * Each table is the upper half (bytes 0x80–0xFF); the lower half is ASCII.
 */

/** Windows-1258 (Vietnamese): tone marks are combining characters (0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde, 0xF2 dot). */
export const WINDOWS_1258_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u008a\u2039\u0152\u008d\u008e\u008f' + // 0x80
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u009a\u203a\u0153\u009d\u009e\u0178' + // 0x90
  '\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af' + // 0xA0
  '\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf' + // 0xB0
  '\u00c0\u00c1\u00c2\u0102\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u0300\u00cd\u00ce\u00cf' + // 0xC0
  '\u0110\u00d1\u0309\u00d3\u00d4\u01a0\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u01af\u0303\u00df' + // 0xD0
  '\u00e0\u00e1\u00e2\u0103\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u0301\u00ed\u00ee\u00ef' + // 0xE0
  '\u0111\u00f1\u0323\u00f3\u00f4\u01a1\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u01b0\u20ab\u00ff'; // 0xF0

/** Windows-1252 (Western): the code page VNI fonts were typed in. Undefined bytes map to the C1 control of the same value. */
export const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' + // 0x80
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178' + // 0x90
  latin1High();

function latin1High(): string {
  let s = '';
  for (let b = 0xa0; b <= 0xff; b++) s += String.fromCharCode(b);
  return s;
}

/** Decodes bytes with an ASCII lower half and the given 128-character upper half. */
export function decodeSingleByte(bytes: Uint8Array, high: string, low?: ReadonlyMap<number, string>): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    chunk += b >= 0x80 ? high[b - 0x80]! : (low?.get(b) ?? String.fromCharCode(b));
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}
