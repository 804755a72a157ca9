// A CMYK JPEG page (what print workflows and some scanners save) is wrapped as img2pdf wraps it, so
// pdftoppm renders it and it gets a scanned page's clean-up: /DeviceCMYK, and inverted when it
// carries Adobe's APP14 marker (its writers store CMYK inverted; libjpeg writes that marker for
// every CMYK file). Needs poppler-utils, img2pdf and Debian's python3-pil; skips with the reason.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pageImagePdf } from '../../src/ingest/ocr-page-image.js';
import { fixtureBytes } from './seed-fixtures.js';

const has = (program: string, arg = '-v') => !spawnSync(program, [arg]).error;
const hasPil = spawnSync('/usr/bin/python3', ['-c', 'import PIL.JpegImagePlugin']).status === 0;
const ready = has('pdftoppm') && has('img2pdf', '--version') && hasPil;
if (!ready) console.warn('cmyk-jpeg: skipped (needs poppler-utils, img2pdf and python3-pil)');

/** The page rendered by pdftoppm at `dpi`, as PPM bytes. */
function render(pdf: Uint8Array, dpi: number): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-cmyk-render-'));
  writeFileSync(join(dir, 'in.pdf'), pdf);
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-singlefile', join(dir, 'in.pdf'), join(dir, 'out')]);
  if (r.status !== 0) throw new Error(`pdftoppm: ${r.stderr}`);
  return readFileSync(join(dir, 'out.ppm'));
}

/** Page 1 of a seed PDF at 50 dpi (small: the wrapping is the point), saved by PIL as a CMYK JPEG declaring 100 dpi. */
function cmykPage(): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-cmyk-'));
  writeFileSync(join(dir, 'in.pdf'), fixtureBytes('khanh-hoa-2025-ubnd-cai-cach-tthc.pdf'));
  expect(spawnSync('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', '-singlefile', '-png', join(dir, 'in.pdf'), join(dir, 'page')]).status).toBe(0);
  const py = `from PIL import Image; Image.open(${JSON.stringify(join(dir, 'page.png'))}).convert('CMYK').save(${JSON.stringify(join(dir, 'page.jpg'))}, 'JPEG', quality=90, dpi=(100, 100))`;
  expect(spawnSync('/usr/bin/python3', ['-c', py]).status).toBe(0);
  return new Uint8Array(readFileSync(join(dir, 'page.jpg')));
}

/** The JPEG without its APP14 "Adobe" segment. */
function withoutAdobe(jpeg: Uint8Array): Uint8Array {
  for (let at = 2; at + 4 <= jpeg.length; ) {
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    if (jpeg[at + 1] === 0xee) return new Uint8Array([...jpeg.subarray(0, at), ...jpeg.subarray(at + 2 + length)]);
    at += 2 + length;
  }
  throw new Error('no APP14 segment');
}

/** img2pdf's wrapping of the JPEG, rendered at 100 dpi. */
function reference(jpeg: Uint8Array): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-cmyk-img2pdf-'));
  writeFileSync(join(dir, 'page.jpg'), jpeg);
  expect(spawnSync('img2pdf', [join(dir, 'page.jpg'), '-o', join(dir, 'page.pdf')]).status).toBe(0);
  return render(new Uint8Array(readFileSync(join(dir, 'page.pdf'))), 100);
}

/** Mean of the PPM's samples (255 is a white page). */
function mean(ppm: Buffer): number {
  const header = /^P6\s+\d+\s+\d+\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'))![0].length;
  let sum = 0;
  for (let i = header; i < ppm.length; i++) sum += ppm[i]!;
  return sum / (ppm.length - header);
}

describe.skipIf(!ready)('a CMYK JPEG page', () => {
  test('is wrapped as img2pdf wraps it, Adobe-marked (inverted) or not, and renders as a white page with print', () => {
    const adobe = cmykPage();
    for (const jpeg of [adobe, withoutAdobe(adobe)]) {
      const wrapped = pageImagePdf(jpeg);
      expect(wrapped?.info).toMatchObject({ kind: 'jpeg', width: 414, height: 585, dpi: 100 });
      const ours = render(wrapped!.pdf, wrapped!.dpi);
      expect(ours.equals(reference(jpeg))).toBe(true);
    }
    // the Adobe-marked file is the one as PIL (libjpeg) writes it: rendered, it is paper, not its negative
    expect(mean(render(pageImagePdf(adobe)!.pdf, 100))).toBeGreaterThan(200);
  });
});
