/**
 * A page image made ready for OCR, on a grey image (one byte a pixel, 0 black): specks removed,
 * the page turned straight, and the ruled lines of tables found. Isomorphic: the Node edge runs it
 * on the page pdftoppm renders, the web worker on a canvas's pixels.
 */
import type { OcrRules } from './ocr.js';

/** A grey page image: one byte a pixel (0 black, 255 white), row by row. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export const OCR_IMAGE = {
  /** A pixel darker than this is ink. */
  ink: 128,
  /** A pixel darker than this can be part of a ruled line. */
  ruleInk: 200,
  /** A blot of ink this small (in pixels, at 300 dpi) with nothing touching it is dust. */
  speckPixels: 6,
  /** Skews up to this many degrees either way are measured and undone. */
  maxSkewDegrees: 3,
  /** A skew below this is left as it is. */
  minSkewDegrees: 0.15,
  /** A horizontal rule is a run of ink at least this share of the page width. */
  horizontalRule: 0.12,
  /** A vertical rule is a run of ink at least this share of the page height. */
  verticalRule: 0.025,
};

/** The grey image as a binary PGM (P5), which tesseract (and tesseract.js's Leptonica) reads as it is. */
export function greyPgm(image: GreyImage): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(head.length + image.pixels.length);
  out.set(head, 0);
  out.set(image.pixels, head.length);
  return out;
}

/** Removes specks, straightens the page and finds its ruled lines. */
export function prepareImage(image: GreyImage, dpi = 300): { image: GreyImage; rules: OcrRules; skewDegrees: number } {
  removeSpecks(image, Math.max(1, Math.round(OCR_IMAGE.speckPixels * (dpi / 300) ** 2)));
  const skew = measureSkew(image);
  const straight = Math.abs(skew) >= OCR_IMAGE.minSkewDegrees ? rotate(image, skew) : image;
  return { image: straight, rules: { ...findRules(straight), dashes: findDashes(straight, dpi) }, skewDegrees: skew };
}

/**
 * Whitens every 8-connected blot of ink of at most `maxPixels` pixels: dust and scanner noise,
 * which tesseract reads as "-", "_" or "ˆ" (a dash of dust at the start of a line is a bullet).
 * The smallest mark of the text, the dot of "ạ" or a full stop, covers about 20 pixels at 300 dpi.
 */
export function removeSpecks(image: GreyImage, maxPixels: number): void {
  blots(image, (blot) => {
    if (blot.pixels.length <= maxPixels) for (const i of blot.pixels) image.pixels[i] = 255;
  }, maxPixels);
}

/** A blot of ink: its box and, when it is small, its pixels. */
interface Blot {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The blot's pixel indexes, only up to `keep` of them. */
  pixels: number[];
  size: number;
}

/** Calls `visit` on every 8-connected blot of ink of the image. */
function blots(image: GreyImage, visit: (blot: Blot) => void, keep: number): void {
  const { width, height, pixels } = image;
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const blot: number[] = [];
  for (let start = 0; start < pixels.length; start++) {
    if (seen[start] || pixels[start]! >= OCR_IMAGE.ink) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    blot.length = 0;
    const box: Blot = { left: width, top: height, right: 0, bottom: 0, pixels: blot, size: 0 };
    while (top > 0) {
      const i = stack[--top]!;
      if (blot.length <= keep) blot.push(i);
      box.size += 1;
      const x = i % width;
      const y = (i - x) / width;
      if (x < box.left) box.left = x;
      if (x > box.right) box.right = x;
      if (y < box.top) box.top = y;
      if (y > box.bottom) box.bottom = y;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
          const j = ny * width + nx;
          if (seen[j] || pixels[j]! >= OCR_IMAGE.ink) continue;
          seen[j] = 1;
          stack[top++] = j;
        }
      }
    }
    visit(box);
  }
}

/**
 * Dashes printed on the page: short flat blots of ink (a list bullet "–", a hyphen). Tesseract
 * often drops a bullet dash or reads it as "_" somewhere else; the layout puts it back from here.
 */
export function findDashes(image: GreyImage, dpi = 300): Array<{ left: number; top: number; width: number; height: number }> {
  const scale = dpi / 300;
  const out: Array<{ left: number; top: number; width: number; height: number }> = [];
  blots(image, (b) => {
    const w = b.right - b.left + 1;
    const h = b.bottom - b.top + 1;
    if (w >= 12 * scale && w <= 90 * scale && h <= 10 * scale && h * 3 <= w && b.size >= w * h * 0.6) out.push({ left: b.left, top: b.top, width: w, height: h });
  }, 0);
  return out;
}

/**
 * The page's skew in degrees (positive: lines run down to the right), by projection profiles: ink
 * sampled on a coarse grid is projected along each candidate angle, and the angle whose profile
 * is sharpest (text lines in narrow bands, white between them) wins.
 */
export function measureSkew(image: GreyImage): number {
  const { width, height, pixels } = image;
  const step = Math.max(1, Math.round(width / 600));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      if (pixels[y * width + x]! < OCR_IMAGE.ink) xs.push(x), ys.push(y);
    }
  }
  if (xs.length < 200) return 0;
  const bins = new Float64Array(Math.ceil(height / step) + Math.ceil(width / step) + 8);
  const sharpness = (degrees: number): number => {
    const t = Math.tan((degrees * Math.PI) / 180);
    bins.fill(0);
    const shift = Math.ceil(width / step) + 4;
    for (let i = 0; i < xs.length; i++) {
      const b = Math.round((ys[i]! - xs[i]! * t) / step) + shift;
      if (b >= 0 && b < bins.length) bins[b]! += 1;
    }
    let sum = 0;
    for (const v of bins) sum += v * v;
    return sum;
  };
  let best = 0;
  let bestScore = -1;
  for (let d = -OCR_IMAGE.maxSkewDegrees; d <= OCR_IMAGE.maxSkewDegrees + 1e-9; d += 0.1) {
    const s = sharpness(d);
    if (s > bestScore) (bestScore = s), (best = d);
  }
  for (let d = best - 0.08; d <= best + 0.08 + 1e-9; d += 0.02) {
    const s = sharpness(d);
    if (s > bestScore) (bestScore = s), (best = d);
  }
  return Math.round(best * 100) / 100;
}

/** The image turned by `degrees` back to straight (nearest pixel; what falls outside is white). */
export function rotate(image: GreyImage, degrees: number): GreyImage {
  const { width, height, pixels } = image;
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = width / 2;
  const cy = height / 2;
  const out = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      const sx = Math.round(cx + dx * cos - dy * sin);
      const sy = Math.round(cy + dx * sin + dy * cos);
      if (sx >= 0 && sy >= 0 && sx < width && sy < height) out[y * width + x] = pixels[sy * width + sx]!;
    }
  }
  return { width, height, pixels: out };
}

/**
 * The ruled lines of the page: long runs of ink along a pixel row (horizontal rules) or column
 * (vertical rules), runs on neighbouring rows or columns merged into one rule of a few pixels'
 * thickness. Text never makes such runs: its longest strokes are a letter high.
 */
export function findRules(image: GreyImage): OcrRules {
  const { width, height, pixels } = image;
  // A thin rule scanned or rendered at a low resolution is grey, not black.
  const ink = (x: number, y: number) => pixels[y * width + x]! < OCR_IMAGE.ruleInk;
  // A rule a pixel off straight steps from one pixel row (or column) to the next: each run looks at two.
  const horizontal = merge(
    runs(height - 1, width, Math.round(width * OCR_IMAGE.horizontalRule), (along, across) => ink(along, across) || ink(along, across + 1)),
  ).map((r) => ({ y: r.at, left: r.from, right: r.to }));
  const vertical = merge(
    runs(width - 1, height, Math.round(height * OCR_IMAGE.verticalRule), (along, across) => ink(across, along) || ink(across + 1, along)),
  ).map((r) => ({ x: r.at, top: r.from, bottom: r.to }));
  return { horizontal, vertical };
}

interface Run {
  at: number;
  from: number;
  to: number;
}

/** Runs of ink at least `min` long along each of `lines` lines of `length` pixels (gaps of 2 pixels bridged). */
function runs(lines: number, length: number, min: number, isInk: (along: number, across: number) => boolean): Run[] {
  const out: Run[] = [];
  for (let at = 0; at < lines; at++) {
    let from = -1;
    let gap = 0;
    for (let i = 0; i <= length; i++) {
      if (i < length && isInk(i, at)) {
        if (from < 0) from = i;
        gap = 0;
      } else if (from >= 0) {
        gap += 1;
        if (gap > 2 || i === length) {
          const to = i - gap;
          if (to - from >= min) out.push({ at, from, to });
          from = -1;
          gap = 0;
        }
      }
    }
  }
  return out;
}

/** Runs on neighbouring lines that overlap become one rule (its middle line, its widest extent). */
function merge(list: Run[]): Run[] {
  const groups: Array<{ first: number; last: number; from: number; to: number }> = [];
  for (const r of list) {
    const g = groups.find((x) => r.at - x.last <= 2 && r.from < x.to && r.to > x.from);
    if (g) {
      g.last = r.at;
      g.from = Math.min(g.from, r.from);
      g.to = Math.max(g.to, r.to);
    } else groups.push({ first: r.at, last: r.at, from: r.from, to: r.to });
  }
  const rules = groups.filter((g) => g.last - g.first <= 12).map((g) => ({ at: Math.round((g.first + g.last) / 2), from: g.from, to: g.to }));
  // Pieces of one rule broken by a faint stretch join up: rules a few pixels apart, along their length.
  rules.sort((a, b) => a.at - b.at);
  const joined: Run[] = [];
  for (let i = 0; i < rules.length; ) {
    let j = i + 1;
    while (j < rules.length && rules[j]!.at - rules[j - 1]!.at <= 3) j++;
    const cluster = rules.slice(i, j).sort((a, b) => a.from - b.from);
    let current: Run | null = null;
    for (const r of cluster) {
      if (current && r.from - current.to <= 24) current.to = Math.max(current.to, r.to);
      else {
        if (current) joined.push(current);
        current = { ...r };
      }
    }
    if (current) joined.push(current);
    i = j;
  }
  return joined;
}
