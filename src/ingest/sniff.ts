/**
 * Which reader a file goes to: magic numbers first, the name's extension second. A file whose
 * bytes contradict its name is read by its bytes (with a warning), or refused with a message
 * that says what it really is ("a PNG image named .pdf").
 */
import { IngestError } from './errors.js';
import { EXTENSION_RE, HTML_START_RE } from './patterns.js';

export type InputFormat = 'txt' | 'md' | 'html' | 'docx' | 'doc' | 'pdf' | 'image';

/** What the first bytes say. */
type Magic = 'pdf' | 'zip' | 'ole' | 'rtf' | 'image' | 'archive' | 'html' | 'text';

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

/** Page images read by OCR: a scanned page as PNG, JPEG or TIFF. */
const PAGE_IMAGES: Array<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a TIFF image', [0x49, 0x49, 0x2a, 0x00]],
  ['a TIFF image', [0x4d, 0x4d, 0x00, 0x2a]],
];

/** Extensions of page images. */
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'tif', 'tiff']);

/** Known binary signatures that are not ours, by the name to give in the message. */
const FOREIGN: Array<[string, number[]]> = [
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a BMP image', [0x42, 0x4d]],
  ['a WebP image', [0x52, 0x49, 0x46, 0x46]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['an executable', [0x4d, 0x5a]],
];

/** "a PNG image", "a JPEG image", "a TIFF image" for a page image, or null. */
export function imageKind(bytes: Uint8Array): string | null {
  for (const [name, sig] of PAGE_IMAGES) if (startsWith(bytes, sig)) return name;
  return null;
}

/** A human name for foreign binary content, or null. */
export function foreignKind(bytes: Uint8Array): string | null {
  for (const [name, sig] of FOREIGN) if (startsWith(bytes, sig)) return name;
  return null;
}

/** Finds "%PDF-" in the first KB (the spec allows junk before it). */
export function pdfHeaderAt(bytes: Uint8Array): number {
  const n = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= n; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return i;
  }
  return -1;
}

export function extensionOf(name: string): string {
  return EXTENSION_RE.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** Sniffs the format. Throws IngestError for formats we know but do not read. */
export function sniffFormat(bytes: Uint8Array, name: string): { format: InputFormat; mismatch: string | null } {
  const ext = extensionOf(name);
  const claimed: InputFormat | null =
    ext === 'pdf' ? 'pdf' : ext === 'docx' || ext === 'docm' || ext === 'dotx' ? 'docx' : ext === 'doc' || ext === 'dot' ? 'doc' : ext === 'html' || ext === 'htm' || ext === 'xhtml' ? 'html' : ext === 'md' || ext === 'markdown' ? 'md' : ext === 'txt' || ext === 'text' ? 'txt' : IMAGE_EXTENSIONS.has(ext) ? 'image' : null;
  const detected = detect(bytes, ext);
  let format = detected;
  // Text names win over text content: a .md stays markdown, a .txt that starts with tags stays text
  // (the normaliser strips inline tags), and an .html fragment without <html> is still HTML.
  if ((claimed === 'txt' || claimed === 'md' || claimed === 'html') && (detected === 'txt' || detected === 'html')) format = claimed;
  const mismatch = claimed !== null && format !== claimed ? `named .${ext} but holds ${describe(format)}; read as ${describe(format)}` : null;
  return { format, mismatch };
}

function describe(format: InputFormat): string {
  return { txt: 'plain text', md: 'markdown', html: 'HTML', docx: 'a Word .docx', doc: 'a legacy Word .doc', pdf: 'a PDF', image: 'a page image' }[format];
}

function detect(bytes: Uint8Array, ext: string): InputFormat {
  if (pdfHeaderAt(bytes) >= 0) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (containsUtf16(bytes, 'EncryptedPackage')) {
      throw new IngestError('encrypted', 'is a password-protected Office document; remove the password in Word and save again');
    }
    // Word 97–2003 files name their main stream "WordDocument"; Excel and PowerPoint files share the container.
    if (ext === 'doc' || ext === 'dot' || containsUtf16(bytes, 'WordDocument')) return 'doc';
    throw new IngestError('unsupported', 'is an old Office file (Excel or PowerPoint 97–2003), not a Word document');
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new IngestError('unsupported', 'is an RTF file; save it as .docx');
  if (PAGE_IMAGES.some(([, sig]) => startsWith(bytes, sig))) return 'image';
  const foreign = foreignKind(bytes);
  if (foreign) {
    const hint = ext === 'pdf' ? ' (a scan? run OCR first to get its text)' : '';
    throw new IngestError('unsupported', `is ${foreign}${ext ? ` named .${ext}` : ''}, not a document we read${hint}`);
  }
  if (ext === 'pdf') throw new IngestError('corrupt', 'is not a PDF (no %PDF header in the first KB)');
  if (ext === 'docx') throw new IngestError('corrupt', 'is not a .docx (not a zip archive)');
  if (looksLikeHtml(bytes)) return 'html';
  return ext === 'md' || ext === 'markdown' ? 'md' : 'txt';
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = '';
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < Math.min(bytes.length, 2048); i++) head += String.fromCharCode(bytes[i]!);
  return HTML_START_RE.test(head);
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const sig = [...word].flatMap((c) => [c.charCodeAt(0), 0]);
  const limit = Math.min(bytes.length - sig.length, 4 * 1024 * 1024);
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < sig.length; j++) if (bytes[i + j] !== sig[j]) continue outer;
    return true;
  }
  return false;
}
