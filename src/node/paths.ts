/**
 * How plan paths are ordered and printed: in a small module of their own (files.ts re-exports
 * them), so that the command line can name a file without loading the readers.
 */

/** Code-point order of NFC paths: the same on every machine, whatever the locale. */
export function comparePaths(a: string, b: string): number {
  const x = a.normalize('NFC');
  const y = b.normalize('NFC');
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A file name safe to print on a terminal: control characters shown as \xNN. */
export function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
