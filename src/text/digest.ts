/**
 * A short, stable digest of a string, the same in Node and in the browser (no crypto API, no
 * await): cyrb53, a 53-bit non-cryptographic hash, written in base 36. Used for ids derived from
 * content (review items), never for security.
 */

/** 53-bit hash of the UTF-16 code units of `text`. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The hash as 10 base-36 characters ("0k3j9x0a1q"). */
export function digest(text: string): string {
  return hash53(text).toString(36).padStart(11, '0').slice(-10);
}
