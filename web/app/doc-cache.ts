/**
 * Corpus plans the web view has read, kept in this browser (IndexedDB, its own database) so that a
 * reload does not read and parse the whole folder again. An entry's key is the build of the
 * analysis worker (its file name carries the bundle's content hash, which changes whenever any
 * code it runs changes), the plan's path and the SHA-256 of its bytes: a changed file, a renamed
 * one or a new build of plandiff is read again, never answered from an old reading. A plan keeps
 * one entry (its earlier bytes' reading goes when it is read again); entries of other builds are
 * dropped the first time the store is opened, so the store stays the size of the folders served. Uploads are never kept here (the
 * upload store keeps their bytes; forgetting one must leave nothing behind). Every call fails
 * soft (a private window may refuse storage): the plan is then simply read again.
 */
import type { KeptDocuments, KeptReading } from '../../src/view/workspace.js';
import { objectStore, sha256Hex } from './idb.js';

const request = objectStore('plandiff-docs', 'readings');

/** The build this worker runs, from its script's hashed name ("analysis.worker-B4xk2Q9a.js"); null when unhashed (the dev server). */
export function buildOf(scriptUrl: string): string | null {
  const name = scriptUrl.split(/[?#]/)[0]!.split('/').pop() ?? '';
  return /-[A-Za-z0-9_-]{8,}\.js$/.test(name) ? name : null;
}

/** A stored value that has the shape of a reading (anything else is ignored and read again). */
function isReading(v: unknown): v is KeptReading {
  const r = v as Partial<KeptReading> | null;
  return !!r && typeof r.format === 'string' && Array.isArray(r.warnings) && !!r.doc && typeof r.doc.meta === 'object' && Array.isArray(r.doc.clauses) && Array.isArray(r.doc.targets) && Array.isArray(r.doc.citations);
}

/** The kept readings of one build; null when the build is unknown (nothing is kept then). */
export function keptDocuments(build: string | null): KeptDocuments | null {
  if (!build) return null;
  let pruned: Promise<void> | null = null;
  // Entries of other builds can never be read again: drop them once, before the first lookup.
  const prune = (): Promise<void> =>
    (pruned ??= request('readwrite', (s) => {
      s.delete(IDBKeyRange.bound('', `${build}|`, false, true));
      return s.delete(IDBKeyRange.lowerBound(`${build}|\uffff`, true));
    }).then(() => undefined, () => undefined));
  const key = async (file: string, bytes: Uint8Array): Promise<string> => `${build}|${file}|${await sha256Hex(bytes)}`;
  return {
    async get(file, bytes) {
      try {
        await prune();
        const k = await key(file, bytes);
        const value: unknown = await request('readonly', (s) => s.get(k));
        return isReading(value) ? value : null;
      } catch {
        return null;
      }
    },
    async put(file, bytes, reading) {
      try {
        const k = await key(file, bytes);
        // the plan's reading of its earlier bytes goes: one entry per plan and build
        const prefix = `${build}|${file}|`;
        await request('readwrite', (s) => {
          s.delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
          return s.put(reading, k);
        });
      } catch {
        // not kept: the plan is read again next time
      }
    },
  };
}
