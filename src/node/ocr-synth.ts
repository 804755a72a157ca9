/**
 * Synthetic scans for the OCR benchmark and tests: a typed PDF (a seed plan's fixture, or a .txt
 * rendered by LibreOffice) rasterised by pdftoppm, each page then skewed, speckled with noise and
 * stamped with a red seal over its text, and rebuilt as an image-only PDF (no text layer at all),
 * written by hand: one RGB image per A4 page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** A decoded RGB page image. */
export interface RgbImage {
  width: number;
  height: number;
  /** RGB bytes, row by row. */
  pixels: Uint8Array;
}

export interface Degradation {
  /** Rotation in degrees (clockwise). */
  skewDegrees: number;
  /** Share of pixels flipped to black or white. */
  noise: number;
  /** Stamp a red seal (a ring with a star) over the text of the page. */
  stamp: boolean;
}

export const SCAN_DEFAULTS: Degradation = { skewDegrees: 0.8, noise: 0.002, stamp: true };

/** Renders a .txt (or any file LibreOffice opens) to PDF bytes. */
export function renderWithLibreOffice(path: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-soffice-'));
  try {
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path], { encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`soffice could not convert ${path}: ${r.stderr || r.error?.message}`);
    return new Uint8Array(readFileSync(join(dir, basename(path).replace(/\.[^.]+$/, '.pdf'))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A plan's .txt as it would be printed, rendered by LibreOffice: thuvienphapluat-style markdown (the
 * held-out documents) set as paragraphs in a serif face with Vietnamese glyphs, its bold and italic
 * marks as bold and italics, its "|" blocks as bordered tables (rows and cells as the reading stage
 * splits them; a header block or signature of one cell a row stays paragraphs), its "-----" rules as
 * breaks between blocks, hard wraps inside a paragraph joined. LibreOffice's own import of a .txt sets
 * it in a monospace face whose combining tone marks stand beside their letter ("Sô´"), which no
 * printed plan shows.
 */
export function renderPlanText(path: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-plan-html-'));
  try {
    const html = join(dir, basename(path).replace(/\.[^.]+$/, '.html'));
    writeFileSync(html, planHtml(readFileSync(path, 'utf8')));
    return renderWithLibreOffice(html);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const marks = (t: string) => escapeHtml(t).replace(/\*\*([^*]*)\*\*/g, '<b>$1</b>').replace(/\*([^*]+)\*/g, '<i>$1</i>').replace(/\*/g, '');
const visible = (html: string) => html.replace(/<[^>]+>|\s/g, '') !== '';

/** The HTML of a plan's text: one <p> per block (blocks apart at blank lines and rules), "|" blocks as tables, marks as <b> and <i>. */
function planHtml(text: string): string {
  const lines = text.normalize('NFC').replace(/^# source:.*\n/u, '').split(/\r?\n/);
  const body: string[] = [];
  let block: string[] = [];
  const flush = () => {
    const p = marks(block.join(' '));
    if (visible(p)) body.push(`<p>${p}</p>`);
    block = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '|') {
      flush();
      const { rows, next } = pipeRows(lines, i);
      body.push(...tableHtml(rows));
      i = next - 1;
    } else if (/^\s*(?:[-_=]{3,}|)\s*$/.test(line)) flush();
    else block.push(line.replace(/^#+\s*/, '').replace(/^\|\s*|\s*\|$/g, '').trim());
  }
  flush();
  const style = 'body { font-family: \'DejaVu Serif\'; font-size: 12pt; } p { margin: 0 0 6pt 0; text-align: justify; } td { vertical-align: top; font-size: 11pt; text-align: left; }';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${style}</style></head><body>\n${body.join('\n')}\n</body></html>\n`;
}

/**
 * The rows of a "|" block as the reading stage reads it (read/paragraphs.ts): a lone "|" closes one
 * cell and opens the next, an empty cell ends a row, blank lines inside are skipped, and the block
 * ends at a blank line not followed by another "|".
 */
function pipeRows(lines: string[], from: number): { rows: string[][]; next: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell: string[] | null = null;
  let i = from;
  for (; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === '|') {
      if (cell !== null && cell.length === 0) {
        if (row.length) rows.push(row);
        row = [];
      } else if (cell !== null) row.push(cell.join(' '));
      cell = [];
    } else if (t === '') {
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === '') j++;
      if (j >= lines.length || lines[j]!.trim() !== '|') break;
      i = j - 1;
    } else (cell ??= []).push(t);
  }
  if (cell && cell.length) row.push(cell.join(' '));
  if (row.length) rows.push(row);
  return { rows, next: i };
}

/** A "|" block printed: a bordered table (a short row's last cell spans the columns left), or paragraphs for a header block or signature (one cell a row, the motto, "Số:", "Nơi nhận"). */
function tableHtml(rows: string[][]): string[] {
  const all = rows.flat().join(' ');
  if (rows.every((r) => r.length <= 1) || /CỘNG\s+H[ÒO]A\s+XÃ\s+HỘI|Độc\s+lập|Nơi\s+nhận|Số\s*:/u.test(all)) {
    return rows.flat().map(marks).filter(visible).map((p) => `<p>${p}</p>`);
  }
  const width = Math.max(...rows.map((r) => r.length));
  const tr = (r: string[]) => r.map((c, k) => `<td${k === r.length - 1 && r.length < width ? ` colspan="${width - r.length + 1}"` : ''}>${marks(c)}</td>`).join('');
  // LibreOffice's HTML import draws a table's borders from its attributes, not from CSS.
  return ['<table border="1" cellspacing="0" cellpadding="4" width="100%">', ...rows.map((r) => `<tr>${tr(r)}</tr>`), '</table>'];
}

/** Rasterises pages of a PDF (`pages` from 1; all when omitted) at `dpi`. */
export function rasterize(pdf: Uint8Array, dpi = 200, pages?: number[]): RgbImage[] {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-raster-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const count = pages ?? Array.from({ length: pdfPages(file) }, (_, i) => i + 1);
    return count.map((n) => {
      const r = spawnSync('pdftoppm', ['-r', String(dpi), '-f', String(n), '-l', String(n), '-singlefile', file], { maxBuffer: 256 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`pdftoppm failed on page ${n}: ${r.stderr}`);
      return parsePpm(new Uint8Array(r.stdout));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pdfPages(file: string): number {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(r.stdout)?.[1] ?? 0);
}

export function parsePpm(bytes: Uint8Array): RgbImage {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 64)));
  if (!header) throw new Error('not a binary PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.slice(header[0].length, header[0].length + width * height * 3) };
}

/** A deterministic pseudo-random sequence (mulberry32), so a synthetic scan is the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Skews, speckles and stamps a page image. */
export function degrade(image: RgbImage, how: Degradation = SCAN_DEFAULTS, seed = 1): RgbImage {
  const { width, height, pixels } = image;
  const out = new Uint8Array(pixels.length).fill(255);
  const angle = (how.skewDegrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse mapping, nearest neighbour.
      const sx = Math.round(cos * (x - cx) + sin * (y - cy) + cx);
      const sy = Math.round(-sin * (x - cx) + cos * (y - cy) + cy);
      if (sx < 0 || sy < 0 || sx >= width || sy >= height) continue;
      const from = (sy * width + sx) * 3;
      const to = (y * width + x) * 3;
      out[to] = pixels[from]!;
      out[to + 1] = pixels[from + 1]!;
      out[to + 2] = pixels[from + 2]!;
    }
  }
  const rand = random(seed);
  const flips = Math.round(width * height * how.noise);
  for (let i = 0; i < flips; i++) {
    const p = Math.floor(rand() * width * height) * 3;
    const v = rand() < 0.5 ? 0 : 255;
    out[p] = out[p + 1] = out[p + 2] = v;
  }
  if (how.stamp) stampSeal(out, width, height, width * 0.68, height * (0.25 + rand() * 0.5), width * 0.11);
  return { width, height, pixels: out };
}

/** A red seal: two rings and a five-point star, multiplied over the page (black ink stays black). */
function stampSeal(pixels: Uint8Array, width: number, height: number, cx: number, cy: number, radius: number): void {
  const star = (x: number, y: number) => {
    const r = Math.hypot(x, y) / (radius * 0.45);
    const a = Math.atan2(y, x);
    const edge = 0.55 + 0.45 * Math.abs(Math.cos((5 * a) / 2));
    return r < edge;
  };
  for (let y = Math.max(0, Math.floor(cy - radius)); y < Math.min(height, cy + radius); y++) {
    for (let x = Math.max(0, Math.floor(cx - radius)); x < Math.min(width, cx + radius); x++) {
      const d = Math.hypot(x - cx, y - cy);
      const ink = (d > radius * 0.9 && d < radius) || (d > radius * 0.72 && d < radius * 0.76) || star(x - cx, y - cy);
      if (!ink) continue;
      const p = (y * width + x) * 3;
      pixels[p] = Math.min(pixels[p]!, 225);
      pixels[p + 1] = Math.min(pixels[p + 1]!, 40);
      pixels[p + 2] = Math.min(pixels[p + 2]!, 45);
    }
  }
}

/** An image-only PDF: each image one A4 page, no text layer. */
export function imagePdf(images: RgbImage[]): Uint8Array {
  const enc = (s: string) => Buffer.from(s, 'latin1');
  const objects: Buffer[] = [];
  const add = (body: Buffer) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add(Buffer.alloc(0));
  const pagesObj = add(Buffer.alloc(0));
  const kids: number[] = [];
  for (const image of images) {
    const data = deflateSync(image.pixels);
    const img = add(Buffer.concat([enc(`<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`), data, enc('\nendstream')]));
    const content = 'q 595 0 0 842 0 0 cm /Im1 Do Q\n';
    const stream = add(enc(`<< /Length ${content.length} >>\nstream\n${content}endstream`));
    kids.push(add(enc(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 ${img} 0 R >> >> /Contents ${stream} 0 R >>`)));
  }
  objects[catalog - 1] = enc(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`);
  objects[pagesObj - 1] = enc(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  const chunks: Buffer[] = [enc('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const bytes = Buffer.concat([enc(`${i + 1} 0 obj\n`), body, enc('\nendobj\n')]);
    chunks.push(bytes);
    offset += bytes.length;
  });
  chunks.push(enc(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

/** A synthetic scan of a typed PDF: rasterised, degraded page by page, rebuilt without a text layer. */
export function syntheticScan(pdf: Uint8Array, options: { dpi?: number; pages?: number[]; how?: Degradation } = {}): Uint8Array {
  const pages = rasterize(pdf, options.dpi ?? 200, options.pages);
  return imagePdf(pages.map((p, i) => degrade(p, options.how ?? SCAN_DEFAULTS, i + 1)));
}
