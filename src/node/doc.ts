/**
 * Legacy Word 97–2003 (.doc) files, read on the Node side. Two readers, best first:
 *
 * 1. LibreOffice (`soffice --headless --convert-to docx`), when it is installed: the .doc becomes a
 *    .docx that our own OOXML reader reads, so Word's automatic numbering ("I.", "1.", "a)", table
 *    row numbers) and tables come out exactly as for a .docx. About 1 s a file once LibreOffice is warm.
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

// One LibreOffice profile per process (LibreOffice refuses two instances on one profile), and one
// conversion at a time in it.
let profile: Promise<string> | null = null;
let queue: Promise<unknown> = Promise.resolve();

async function newProfile(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'plandiff-lo-profile-'));
  process.once('exit', () => rmSync(home, { recursive: true, force: true }));
  return home;
}

async function convertWithLibreOffice(soffice: string, bytes: Uint8Array): Promise<Uint8Array> {
  const run = queue.then(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plandiff-doc-'));
    try {
      const input = join(dir, 'in.doc');
      const home = await (profile ??= newProfile());
      await writeFile(input, bytes);
      await new Promise<void>((resolve, reject) => {
        execFile(
          soffice,
          [`-env:UserInstallation=${pathToFileURL(home).href}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, input],
          { timeout: SOFFICE_TIMEOUT_MS, windowsHide: true },
          (error) => (error ? reject(error) : resolve()),
        );
      });
      const out = join(dir, 'in.docx');
      if (!existsSync(out)) throw new IngestError('corrupt', 'is a .doc that LibreOffice could not convert (damaged or not a Word document)');
      return new Uint8Array(await readFile(out));
    } catch (e) {
      if (e instanceof IngestError) throw e;
      const killed = (e as { killed?: boolean }).killed;
      throw new IngestError(killed ? 'limits' : 'corrupt', killed ? `is a .doc that LibreOffice did not convert within ${SOFFICE_TIMEOUT_MS / 1000} s` : `is a .doc that LibreOffice could not convert (${oneLine(e)})`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

function oneLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 160);
}
