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

/** A grey page cleaned up ({@link prepareImage}), as the PGM tesseract reads, with the page's ruled lines: what both OCR engines send. */
export function preparePgm(grey: GreyImage, dpi: number): { pgm: Uint8Array; rules: OcrRules } {
  const prepared = prepareImage(grey, dpi);
  return { pgm: greyPgm(prepared.image), rules: prepared.rules };
}

/**
 * Removes specks, straightens the page and finds its ruled lines. A page that needs no turning is
 * walked for blots of ink once (its specks and its dashes in one walk); a turned one is walked
 * again for its dashes, reusing the first walk's buffer.
 */
export function prepareImage(image: GreyImage, dpi = 300): { image: GreyImage; rules: OcrRules; skewDegrees: number } {
  const maxSpeck = Math.max(1, Math.round(OCR_IMAGE.speckPixels * (dpi / 300) ** 2));
  const seen = new Uint8Array(image.pixels.length);
  const dashes: Dash[] = [];
  blots(image, (blot) => {
    if (blot.size <= maxSpeck) whiten(image, blot);
    else if (isDash(blot, dpi)) dashes.push(dashBox(blot));
  }, maxSpeck, seen);
  const skew = measureSkew(image);
  const turned = Math.abs(skew) >= OCR_IMAGE.minSkewDegrees;
  const straight = turned ? rotate(image, skew) : image;
  const rules = findRules(straight);
  const found = { ...rules, dashes: turned ? findDashes(straight, dpi, seen.fill(0)) : dashes };
  eraseRules(straight, rules, dpi);
  return { image: straight, rules: found, skewDegrees: skew };
}

/**
 * Whitens the ruled lines once they are found: tesseract reads a table's borders as "|", "[" or a
 * "T" stuck to a figure ("T80"), and its page analysis drops a narrow column's text beside them
 * (the "I", "1." of an STT column). Each rule is followed from its middle outwards, a pixel or two
 * at a time (it runs a little askew), and only its own thickness goes: where a letter's stroke
 * crosses or touches it, the run of ink across the rule is longer and is kept, and a tone mark
 * printed just under or over it is never reached.
 */
function eraseRules(image: GreyImage, rules: OcrRules, dpi: number): void {
  const { width, height, pixels } = image;
  // A rule shorter than a third of an inch is no table border (a page image too small to have any).
  const long = dpi / 3;
  const thick = Math.max(3, Math.round(12 * (dpi / 300)));
  const ink = OCR_IMAGE.ruleInk;
  /** Along a rule (`along` from `from` to `to`), its line starting at `line` in the middle: `at(along, across)` is the pixel's index. */
  const follow = (from: number, to: number, line: number, limit: number, at: (along: number, across: number) => number) => {
    const middle = Math.round((from + to) / 2);
    for (const step of [1, -1]) {
      let centre = line;
      for (let t = step > 0 ? middle : middle - 1; step > 0 ? t <= to : t >= from; t += step) {
        const hit = [0, -1, 1, -2, 2].map((d) => centre + d).find((c) => c >= 0 && c < limit && pixels[at(t, c)]! < ink);
        if (hit === undefined) continue;
        let a = hit;
        let b = hit;
        while (a > 0 && hit - a < thick && pixels[at(t, a - 1)]! < ink) a--;
        while (b < limit - 1 && b - hit < thick && pixels[at(t, b + 1)]! < ink) b++;
        if (b - a + 1 > thick) continue;
        for (let c = a; c <= b; c++) pixels[at(t, c)] = 255;
        centre = Math.round((a + b) / 2);
      }
    }
  };
  for (const h of rules.horizontal) if (h.right - h.left >= long) follow(h.left, h.right, h.y, height, (x, y) => y * width + x);
  for (const v of rules.vertical) if (v.bottom - v.top >= long) follow(v.top, v.bottom, v.x, width, (y, x) => y * width + x);
}

/**
 * Whitens every 8-connected blot of ink of at most `maxPixels` pixels: dust and scanner noise,
 * which tesseract reads as "-", "_" or "ˆ" (a dash of dust at the start of a line is a bullet).
 * The smallest mark of the text, the dot of "ạ" or a full stop, covers about 20 pixels at 300 dpi.
 */
export function removeSpecks(image: GreyImage, maxPixels: number): void {
  blots(image, (blot) => {
    if (blot.size <= maxPixels) whiten(image, blot);
  }, maxPixels);
}

function whiten(image: GreyImage, blot: Blot): void {
  for (const i of blot.pixels) image.pixels[i] = 255;
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

/**
 * Calls `visit` on every 8-connected blot of ink of the image. `seen` (a byte a pixel, all zero) can
 * be passed in to reuse it; the stack of pixels to visit grows with the largest blot instead of
 * being made page-sized (a 300-dpi page is 9 million pixels: 36 MB of stack for a table's frame at
 * most a few hundred thousand pixels long).
 */
function blots(image: GreyImage, visit: (blot: Blot) => void, keep: number, seen: Uint8Array = new Uint8Array(image.pixels.length)): void {
  const { width, height, pixels } = image;
  const ink = OCR_IMAGE.ink;
  let stack = new Int32Array(4096);
  const blot: number[] = [];
  for (let start = 0; start < pixels.length; start++) {
    if (seen[start] || pixels[start]! >= ink) continue;
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
      if (top + 8 > stack.length) {
        const grown = new Int32Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      const left = x > 0 ? -1 : 0;
      const right = x < width - 1 ? 1 : 0;
      for (let row = y > 0 ? i - width : i, last = y < height - 1 ? i + width : i; row <= last; row += width) {
        for (let j = row + left; j <= row + right; j++) {
          if (seen[j] || pixels[j]! >= ink) continue;
          seen[j] = 1;
          stack[top++] = j;
        }
      }
    }
    visit(box);
  }
}

type Dash = { left: number; top: number; width: number; height: number };

/**
 * A short flat blot, mostly ink: a dash or a hyphen (sizes at 300 dpi, scaled to the page's). A
 * bullet dash of 10-point type is 13 × 4 pixels at 300 dpi; a page turned straight can smear it
 * over a fifth row (13 × 5), so the blot need only be two and a half times as wide as it is high.
 */
function isDash(b: Blot, dpi: number): boolean {
  const scale = dpi / 300;
  const w = b.right - b.left + 1;
  const h = b.bottom - b.top + 1;
  return w >= 12 * scale && w <= 90 * scale && h <= 10 * scale && h * 2.5 <= w && b.size >= w * h * 0.6;
}

const dashBox = (b: Blot): Dash => ({ left: b.left, top: b.top, width: b.right - b.left + 1, height: b.bottom - b.top + 1 });

/**
 * Dashes printed on the page: short flat blots of ink (a list bullet "–", a hyphen). Tesseract
 * often drops a bullet dash or reads it as "_" somewhere else; the layout puts it back from here.
 */
export function findDashes(image: GreyImage, dpi = 300, seen?: Uint8Array): Dash[] {
  const out: Dash[] = [];
  blots(image, (b) => {
    if (isDash(b, dpi)) out.push(dashBox(b));
  }, 0, seen);
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
  for (let y = 0, at = 0; y < height; y++) {
    const dy = y - cy;
    const rowX = cx - dy * sin;
    const rowY = cy + dy * cos;
    for (let x = 0; x < width; x++, at++) {
      const dx = x - cx;
      const sx = Math.round(rowX + dx * cos);
      const sy = Math.round(rowY + dx * sin);
      if (sx >= 0 && sy >= 0 && sx < width && sy < height) out[at] = pixels[sy * width + sx]!;
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
  // a horizontal run at `at` looks at rows at..at+2: the rule is on its middle one
  const horizontal = merge(horizontalRuns(image, Math.round(image.width * OCR_IMAGE.horizontalRule))).map((r) => ({ y: Math.min(r.at + 1, image.height - 1), left: r.from, right: r.to }));
  const vertical = merge(verticalRuns(image, Math.round(image.height * OCR_IMAGE.verticalRule))).map((r) => ({ x: r.at, top: r.from, bottom: r.to }));
  return { horizontal, vertical };
}

interface Run {
  at: number;
  from: number;
  to: number;
}

/**
 * Where a run of ink goes on or ends, one pixel at a time along a line: runs at least `min` long,
 * gaps of 2 pixels bridged. `from` and `gap` are the state of each line, `end` says the line ended.
 */
class RunTracker {
  readonly out: Run[] = [];
  readonly from: Int32Array;
  readonly gap: Int32Array;
  constructor(lines: number, readonly min: number) {
    this.from = new Int32Array(lines).fill(-1);
    this.gap = new Int32Array(lines);
  }
  /** Pixel `i` of line `at` is not ink (or the line ended at `i`): the run there grows a gap or ends. */
  blank(at: number, i: number, end: boolean): void {
    const from = this.from[at]!;
    if (from < 0) return;
    const gap = ++this.gap[at]!;
    if (gap > 2 || end) {
      const to = i - gap;
      if (to - from >= this.min) this.out.push({ at, from, to });
      this.from[at] = -1;
      this.gap[at] = 0;
    }
  }
}

/**
 * Runs along pixel rows; a rule a pixel off straight steps from one row to the next, so each run
 * looks at three rows (ink in any): a thin rule of a page skewed when scanned and turned straight
 * here zigzags over three rows, each stretch of it in two of them (a 1.5-pixel rule at 0.8°, its
 * stretches 150 pixels long, none as long as a rule must be). Rows in order, runs in order along each.
 */
function horizontalRuns(image: GreyImage, min: number): Run[] {
  const { width, height, pixels } = image;
  const inkBelow = OCR_IMAGE.ruleInk; // a thin rule scanned or rendered at a low resolution is grey, not black
  const runs = new RunTracker(Math.max(0, height - 1), min);
  for (let at = 0; at < height - 1; at++) {
    const row = at * width;
    const third = at + 2 < height ? row + 2 * width : row + width;
    for (let i = 0; i < width; i++) {
      if (pixels[row + i]! < inkBelow || pixels[row + width + i]! < inkBelow || pixels[third + i]! < inkBelow) {
        if (runs.from[at]! < 0) runs.from[at] = i;
        runs.gap[at] = 0;
      } else runs.blank(at, i, false);
    }
    runs.blank(at, width, true);
  }
  return runs.out;
}

/**
 * Runs down pixel columns, each looking at two columns; read row by row (the image's own order:
 * walking a column at a time reads a byte per cache line), then put in column order.
 */
function verticalRuns(image: GreyImage, min: number): Run[] {
  const { width, height, pixels } = image;
  const inkBelow = OCR_IMAGE.ruleInk;
  const lines = Math.max(0, width - 1);
  const runs = new RunTracker(lines, min);
  for (let i = 0; i < height; i++) {
    const row = i * width;
    for (let at = 0; at < lines; at++) {
      if (pixels[row + at]! < inkBelow || pixels[row + at + 1]! < inkBelow) {
        if (runs.from[at]! < 0) runs.from[at] = i;
        runs.gap[at] = 0;
      } else runs.blank(at, i, false);
    }
  }
  for (let at = 0; at < lines; at++) runs.blank(at, height, true);
  return runs.out.sort((a, b) => a.at - b.at); // stable: along each column in order
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
