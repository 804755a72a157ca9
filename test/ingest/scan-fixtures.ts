/**
 * Small scans for the OCR tests that check a path (progress per page, the cache, the clean-up, the
 * identity on page 1), not full-page accuracy (`npm run bench`, `npm run test:real`): pages of a
 * committed typed PDF rasterised at their real size (A4 at 200 dpi, as a scanner gives them) with
 * only their top part printed, the rest left white paper, and the text printed on that part, from
 * the PDF's text layer. Tesseract's time goes with the lines it reads, so a page that keeps its top
 * third costs about a third of a full one, while its size, resolution and header are the scan's.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rasterize, type RgbImage } from '../../src/node/ocr-synth.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A row with no ink on it (every channel lighter than mid-grey). */
function blankRow(image: RgbImage, y: number): boolean {
  const row = image.pixels.subarray(y * image.width * 3, (y + 1) * image.width * 3);
  return row.every((v) => v > 160);
}

/** Pages of test/fixtures/`fixture` (from 1) as page images at `dpi`, each printed down to the first blank row below `keep` of its height. */
export function pageTops(fixture: string, pages: number[], keep: number, dpi = 200): { images: RgbImage[]; text: string } {
  const path = join(FIXTURES, fixture);
  const images = rasterize(new Uint8Array(readFileSync(path)), dpi, pages);
  const texts: string[] = [];
  images.forEach((image, i) => {
    let cut = Math.round(image.height * keep);
    while (cut < image.height && !blankRow(image, cut)) cut += 1;
    image.pixels.fill(255, cut * image.width * 3);
    // pdftotext's crop box is in pixels at its -r (72 dpi, PDF points)
    const height = String(Math.floor((cut * 72) / dpi));
    const page = String(pages[i]);
    const r = spawnSync('pdftotext', ['-f', page, '-l', page, '-x', '0', '-y', '0', '-W', '10000', '-H', height, path, '-'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftotext: ${r.stderr}`);
    texts.push(r.stdout);
  });
  return { images, text: texts.join('') };
}

/** A binary PPM (P6) of a page image, for tools that read files (Python's PIL, img2pdf). */
export function ppmBytes(image: RgbImage): Uint8Array {
  const head = new TextEncoder().encode(`P6\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(head.length + image.pixels.length);
  out.set(head);
  out.set(image.pixels, head.length);
  return out;
}
