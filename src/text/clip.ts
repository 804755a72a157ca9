/** Shortens display text to at most `n` characters, ending with "…" when something was cut. */
export function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, Math.max(0, n - 1))}…`;
}
