/**
 * Legacy Word 97–2003 (.doc) files, read on the Node side. Two readers, best first:
 *
 * 1. LibreOffice (`soffice --headless --convert-to docx`), when it is installed: the .doc becomes a
 *    .docx that our own OOXML reader reads, so Word's automatic numbering ("I.", "1.", "a)", table
 *    row numbers) and tables come out exactly as for a .docx. About 1 s a run of LibreOffice, most of
 *    it its start: files asked for together share a run (a folder's .doc files: 10 real ones in
 *    4.3 s instead of 11.7 s, see convertWithLibreOffice and pool.ts).
 * 2. word-extractor (pure JavaScript, always there): the text stream of the file, tables as
 *    tab-separated rows. Word stores automatic numbering outside the text, so those labels are lost;
 *    a warning says so.
 *
 * `PLANDIFF_DOC_READER=libreoffice|word-extractor` forces one (tests use it); the default is
 * LibreOffice when found, else word-extractor.
 */
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IngestError, type LegacyWordReading } from '../ingest/index.js';

/** How long one LibreOffice conversion may take before the file is given up. */
export const SOFFICE_TIMEOUT_MS = 120_000;

export type DocReader = 'libreoffice' | 'word-extractor';

/** Finds LibreOffice's `soffice` on the PATH (Debian: /usr/bin/soffice), or null. */
export function findSoffice(): string | null {
  const fromEnv = process.env.PLANDIFF_SOFFICE;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = join(dir, name);
      if (dir && existsSync(p)) return p;
    }
  }
  return null;
}

/** The reader `readLegacyWord` will use. */
export function chosenDocReader(): DocReader {
  const forced = process.env.PLANDIFF_DOC_READER;
  if (forced === 'word-extractor') return 'word-extractor';
  if (forced === 'libreoffice') return 'libreoffice';
  return findSoffice() ? 'libreoffice' : 'word-extractor';
}

/** Reads a .doc's bytes into a .docx (LibreOffice) or plain text (word-extractor). */
export async function readLegacyWord(bytes: Uint8Array): Promise<LegacyWordReading> {
  if (chosenDocReader() === 'libreoffice') {
    const soffice = findSoffice();
    if (!soffice) throw new IngestError('unsupported', 'is a .doc and PLANDIFF_DOC_READER=libreoffice, but LibreOffice (soffice) is not installed (apt-get install libreoffice-writer)');
    return { kind: 'docx', bytes: await convertWithLibreOffice(soffice, bytes), warnings: [] };
  }
  return extractWithWordExtractor(bytes);
}

async function extractWithWordExtractor(bytes: Uint8Array): Promise<LegacyWordReading> {
  let body: string;
  try {
    const { default: WordExtractor } = await import('word-extractor');
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = doc.getBody();
  } catch (e) {
    throw new IngestError('corrupt', `is not a readable Word .doc (${oneLine(e)})`);
  }
  // Cells end in a tab (word-extractor turns Word's cell marks into tabs); a row's last one is noise.
  const text = body.replace(/\t+$/gmu, '').replace(/\r\n?/gu, '\n');
  return {
    kind: 'text',
    text,
    warnings: [{ code: 'doc-numbering-lost', message: 'Read as a legacy .doc without LibreOffice: Word\'s automatic numbering labels ("1.", "a)") are not in the text; install LibreOffice to keep them.' }],
  };
}

// One LibreOffice profile per thread (LibreOffice refuses two instances on one profile), and one
// LibreOffice at a time on it.
let profile: Promise<string> | null = null;

async function newProfile(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'plandiff-lo-profile-'));
  process.once('exit', () => rmSync(home, { recursive: true, force: true }));
  return home;
}

/** Most files one LibreOffice run converts. */
const BATCH = 16;

/** How long the first conversion asked for waits for others (a LibreOffice run takes about a second). */
const GATHER_MS = 15;

/** A conversion asked for and not started yet. */
interface Pending {
  bytes: Uint8Array;
  resolve: (docx: Uint8Array) => void;
  reject: (e: unknown) => void;
}

const pending: Pending[] = [];
let draining: Promise<void> | null = null;

/**
 * Converts a .doc to a .docx with LibreOffice. Conversions asked for while LibreOffice runs wait,
 * and go together to the next run (up to {@link BATCH} files): LibreOffice's start is most of a
 * conversion's time (8 real .doc files: 1.9 s in one run, 8.6 s in eight), and a folder run asks
 * for several at once (pool.ts: a few files in flight per worker).
 */
function convertWithLibreOffice(soffice: string, bytes: Uint8Array): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    pending.push({ bytes, resolve, reject });
    // a few milliseconds for the files read at the same time to join the first run
    draining ??= new Promise<void>((go) => setTimeout(go, GATHER_MS)).then(() => drain(soffice));
  });
}

async function drain(soffice: string): Promise<void> {
  try {
    while (pending.length > 0) {
      const batch = pending.splice(0, BATCH);
      const results = await convertBatch(soffice, batch.map((p) => p.bytes));
      // a run that failed as a whole (a file that hangs or crashes LibreOffice): each file alone, so
      // that one bad file is given up by itself
      const each = !(results instanceof Error) ? results : batch.length > 1 ? await convertOneByOne(soffice, batch) : [results];
      batch.forEach((p, i) => {
        const r = each[i]!;
        if (r instanceof Error) p.reject(r);
        else p.resolve(r);
      });
    }
  } finally {
    draining = null;
  }
}

async function convertOneByOne(soffice: string, batch: Pending[]): Promise<Array<Uint8Array | Error>> {
  const out: Array<Uint8Array | Error> = [];
  for (const p of batch) {
    const r = await convertBatch(soffice, [p.bytes]);
    out.push(r instanceof Error ? r : r[0]!);
  }
  return out;
}

/**
 * One LibreOffice run on `inputs`: for each, its .docx or the reason it has none; an Error for the
 * whole run when LibreOffice itself failed or ran past {@link SOFFICE_TIMEOUT_MS}, or its files
 * could not be written or read. Never throws.
 */
async function convertBatch(soffice: string, inputs: Uint8Array[]): Promise<Array<Uint8Array | Error> | Error> {
  return runBatch(soffice, inputs).catch((e: unknown) => new IngestError('corrupt', `is a .doc that LibreOffice could not convert (${oneLine(e)})`));
}

async function runBatch(soffice: string, inputs: Uint8Array[]): Promise<Array<Uint8Array | Error> | Error> {
  const dir = await mkdtemp(join(tmpdir(), 'plandiff-doc-'));
  try {
    const home = await (profile ??= newProfile());
    const names = inputs.map((_, i) => join(dir, `in-${i}.doc`));
    await Promise.all(inputs.map((bytes, i) => writeFile(names[i]!, bytes)));
    const failed = await new Promise<Error | null>((resolve) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${pathToFileURL(home).href}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, ...names],
        // the limit of one file for the whole run: a run of several past it is run again file by
        // file (drain), each with the limit, so a file that hangs LibreOffice costs at most twice it
        { timeout: SOFFICE_TIMEOUT_MS, windowsHide: true },
        (error) => resolve(error),
      );
    });
    if (failed) {
      const killed = (failed as { killed?: boolean }).killed;
      return new IngestError(killed ? 'limits' : 'corrupt', killed ? `is a .doc that LibreOffice did not convert within ${SOFFICE_TIMEOUT_MS / 1000} s` : `is a .doc that LibreOffice could not convert (${oneLine(failed)})`);
    }
    return await Promise.all(
      names.map(async (_, i) => {
        const out = join(dir, `in-${i}.docx`);
        if (!existsSync(out)) return new IngestError('corrupt', 'is a .doc that LibreOffice could not convert (damaged or not a Word document)');
        return new Uint8Array(await readFile(out));
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function oneLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 160);
}
