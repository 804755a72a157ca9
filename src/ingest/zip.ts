/**
 * Reads the parts we need out of a zip container (a .docx) with fflate, refusing zip bombs:
 * only the wanted entries are inflated, their declared sizes are checked against the limit
 * before any work, and fflate writes into a buffer of the declared size, so an entry that
 * lies about its size cannot grow past it.
 */
import { unzipSync } from 'fflate';
import { IngestError } from './errors.js';
import { formatBytes } from './limits.js';

/** Names of every entry and the wanted ones inflated. */
export interface ZipParts {
  names: string[];
  parts: Map<string, Uint8Array>;
}

export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean, maxUncompressedBytes: number): ZipParts {
  const names: string[] = [];
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (names.length >= 100_000) throw new IngestError('limits', 'has more than 100000 zip entries (a zip bomb?)');
        names.push(file.name);
        if (!wanted(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > maxUncompressedBytes || total > maxUncompressedBytes) {
          throw new IngestError(
            'limits',
            `unpacks to more than ${formatBytes(maxUncompressedBytes)} (${file.name} alone claims ${formatBytes(file.originalSize)}); a zip bomb?`,
          );
        }
        return true;
      },
    });
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new IngestError('corrupt', `is not a readable zip archive (${message.split('\n')[0]})`);
  }
  return { names, parts: new Map(Object.entries(files)) };
}
