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
import { deflateSync } from 'node:zlib';
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
  const { images, text } = printedTops(fixture, pages, keep, dpi);
  return { images, text };
}

/**
 * The same printed tops as strips of paper: each page image cut below its printed part (a blank
 * margin kept) and set on a PDF page of that size at `dpi`, so what reads the PDF draws and cleans
 * only the strip while its lines keep the scan's size and resolution.
 */
export function pageStrips(fixture: string, pages: number[], keep: number | readonly number[], dpi = 200): { pdf: Uint8Array; text: string } {
  const { images, cuts, text } = printedTops(fixture, pages, keep, dpi);
  const margin = Math.round(dpi / 4);
  const strips = images.map((image, i) => {
    const height = Math.min(image.height, cuts[i]! + margin);
    return { width: image.width, height, pixels: image.pixels.subarray(0, height * image.width * 3) };
  });
  return { pdf: stripPdf(strips, dpi), text };
}

function printedTops(fixture: string, pages: number[], keep: number | readonly number[], dpi: number): { images: RgbImage[]; cuts: number[]; text: string } {
  const path = join(FIXTURES, fixture);
  const images = rasterize(new Uint8Array(readFileSync(path)), dpi, pages);
  const texts: string[] = [];
  const cuts = images.map((image, i) => {
    let cut = Math.round(image.height * (typeof keep === 'number' ? keep : keep[i]!));
    while (cut < image.height && !blankRow(image, cut)) cut += 1;
    image.pixels.fill(255, cut * image.width * 3);
    // pdftotext's crop box is in pixels at its -r (72 dpi, PDF points)
    const height = String(Math.floor((cut * 72) / dpi));
    const page = String(pages[i]);
    const r = spawnSync('pdftotext', ['-f', page, '-l', page, '-x', '0', '-y', '0', '-W', '10000', '-H', height, path, '-'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftotext: ${r.stderr}`);
    texts.push(r.stdout);
    return cut;
  });
  return { images, cuts, text: texts.join('') };
}

/** An image-only PDF, one page per image, each page the image's size at `dpi` (src/node/ocr-synth.ts's imagePdf sets every image on A4). */
function stripPdf(images: RgbImage[], dpi: number): Uint8Array {
  const objects: Buffer[] = [Buffer.alloc(0), Buffer.alloc(0)]; // 1: catalog, 2: page tree
  const add = (...parts: Array<string | Buffer>): number => objects.push(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p))));
  const kids = images.map((image) => {
    const [w, h] = [image.width, image.height].map((px) => ((px * 72) / dpi).toFixed(2));
    const data = deflateSync(image.pixels);
    const img = add(`<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, data, '\nendstream');
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im1 Do Q\n`;
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}endstream`);
    return add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im1 ${img} 0 R >> >> /Contents ${stream} 0 R >>`);
  });
  objects[0] = Buffer.from('<< /Type /Catalog /Pages 2 0 R >>');
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  const chunks = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let offset = chunks[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(offset);
    chunks.push(Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]));
    offset += chunks.at(-1)!.length;
  });
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  chunks.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

/** A binary PPM (P6) of a page image, for tools that read files (Python's PIL, img2pdf). */
export function ppmBytes(image: RgbImage): Uint8Array {
  const head = new TextEncoder().encode(`P6\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(head.length + image.pixels.length);
  out.set(head);
  out.set(image.pixels, head.length);
  return out;
}
