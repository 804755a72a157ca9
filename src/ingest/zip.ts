/**
 * Reads the parts we need out of a zip container (a .docx), refusing zip bombs and lying
 * headers. We walk the central directory ourselves and inflate only the wanted entries with
 * fflate's streaming `Inflate`, a few KB of input at a time, so that:
 *   - the declared sizes are checked against the allowance before any work;
 *   - an entry that inflates past its declared size stops at once (a header that claims 40 bytes
 *     for 20 GB of output would otherwise be inflated to the end, into a buffer that drops it);
 *   - the deadline is checked between chunks.
 */
import { Inflate } from 'fflate';
import { IngestError } from './errors.js';
import { formatBytes, type Deadline } from './limits.js';

/** Names of every entry and the wanted ones inflated. */
export interface ZipParts {
  names: string[];
  parts: Map<string, Uint8Array>;
}

/** Most entries a container may list (a .docx has a few dozen). */
const MAX_ENTRIES = 100_000;
/** Compressed bytes pushed to the inflater at a time (deflate expands at most ~1032:1, so ≤ 8.5 MB out per push). */
const CHUNK = 8 * 1024;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const UTF8 = new TextDecoder('utf-8');

function corrupt(detail: string): IngestError {
  return new IngestError('corrupt', `is not a readable zip archive (${detail})`);
}

export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean, maxUncompressedBytes: number, deadline?: Deadline): ZipParts {
  const entries = centralDirectory(bytes);
  const names = entries.map((e) => e.name);
  const chosen = entries.filter((e) => wanted(e.name));
  let total = 0;
  for (const e of chosen) {
    total += e.size;
    if (e.size > maxUncompressedBytes || total > maxUncompressedBytes) {
      throw new IngestError(
        'limits',
        `unpacks to more than ${formatBytes(maxUncompressedBytes)} (${e.name} alone claims ${formatBytes(e.size)}); a zip bomb?`,
      );
    }
  }
  const parts = new Map<string, Uint8Array>();
  for (const e of chosen) {
    deadline?.check('unzipping the .docx');
    parts.set(e.name, inflateEntry(bytes, e, deadline));
  }
  return { names, parts };
}

/** The entries the central directory lists (zip64 sizes and offsets read from their extra field). */
function centralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let eocd = -1;
  for (let e = bytes.length - 22; e >= 0 && bytes.length - e <= 65557; e--) {
    if (u32(e) === 0x06054b50) {
      eocd = e;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory');
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if (eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z = Number(view.getBigUint64(eocd - 12, true));
    if (z + 56 <= bytes.length && u32(z) === 0x06064b50) {
      count = Number(view.getBigUint64(z + 32, true));
      offset = Number(view.getBigUint64(z + 48, true));
    }
  }
  if (count > MAX_ENTRIES) throw new IngestError('limits', `has more than ${MAX_ENTRIES} zip entries (a zip bomb?)`);
  const out: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) throw corrupt('a broken central directory');
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (at + 46 + nameLength + extraLength > bytes.length) throw corrupt('a broken central directory');
    const entry: Entry = {
      name: UTF8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localOffset: u32(at + 42),
    };
    readZip64(view, at + 46 + nameLength, extraLength, entry);
    out.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** Replaces 0xFFFFFFFF sizes and offsets with the zip64 extra field's values. */
function readZip64(view: DataView, from: number, length: number, entry: Entry): void {
  for (let at = from; at + 4 <= from + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let p = at + 4;
      const next = (): number => {
        const v = p + 8 <= at + 4 + size ? Number(view.getBigUint64(p, true)) : -1;
        p += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      if (entry.size < 0 || entry.compressedSize < 0 || entry.localOffset < 0) throw corrupt(`a broken zip64 field for ${entry.name}`);
      return;
    }
    at += 4 + size;
  }
}

function inflateEntry(bytes: Uint8Array, e: Entry, deadline?: Deadline): Uint8Array {
  const local = e.localOffset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw corrupt(`no local header for ${e.name}`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = Math.min(bytes.length, start + e.compressedSize);
  if (start > end) throw corrupt(`${e.name} lies outside the archive`);
  const data = bytes.subarray(start, end);
  if (e.method === 0) return data.slice(0, e.size);
  if (e.method !== 8) throw new IngestError('unsupported', `uses zip compression method ${e.method} for ${e.name}; save it again from Word`);

  const out = new Uint8Array(e.size);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > out.length) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let at = 0; at < data.length && !overflow; at += CHUNK) {
      inflater.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
      deadline?.check('unzipping the .docx');
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw corrupt(`${e.name}: ${message.split('\n')[0]}`);
  }
  if (overflow) throw corrupt(`${e.name} unpacks to more than the ${formatBytes(e.size)} its header declares`);
  return written === out.length ? out : out.subarray(0, written);
}
