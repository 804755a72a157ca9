/**
 * The window of a long diff: which rows are in the page around the viewport, and how much space
 * the rows outside it take above and below. A row's height is measured once it has been drawn and
 * guessed from its text length before (`estimateRowHeight`); the view scales the guesses by how far
 * off they were for the rows it measured.
 */

/** How a row's height is guessed before it is drawn. */
export interface RowEstimate {
  /** Characters that fit on one line of a cell. */
  charsPerLine: number;
  /** Height of one line of text, in pixels. */
  linePx: number;
  /** Padding and border of a row, in pixels. */
  padPx: number;
  /** Height of the line of tags (status, similarity) under a changed row, in pixels. */
  tagsPx: number;
}

/** A guess at a row's height: its longer side's text wrapped at `charsPerLine`, plus tags when it changed. */
export function estimateRowHeight(row: { size: number; status: string }, estimate: RowEstimate): number {
  const lines = Math.max(1, Math.ceil(row.size / Math.max(1, estimate.charsPerLine)));
  return estimate.padPx + lines * estimate.linePx + (row.status === 'identical' ? 0 : estimate.tagsPx);
}

/** Where each row starts: `offsets[k]` is the sum of the heights of rows 0..k-1; `offsets[n]` is the total. */
export function rowOffsets(heights: readonly number[]): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let k = 0; k < heights.length; k++) offsets[k + 1] = (offsets[k] as number) + (heights[k] as number);
  return offsets;
}

/** Rows [start, end) of the page. */
export interface RowRange {
  start: number;
  end: number;
}

/** The first row whose bottom lies below `y`, or at `y` too with `atEdge` (n when none does). */
function rowAt(offsets: Float64Array, y: number, atEdge = false): number {
  const n = offsets.length - 1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const bottom = offsets[mid + 1] as number;
    if (bottom > y || (atEdge && bottom === y)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The rows to draw for a viewport showing [top, top + height) (pixels from the first row's top):
 * every row it touches and those within `overscan` pixels beyond either edge, widened outwards to
 * multiples of `align` rows, so that the window changes only once a whole block of rows has passed.
 */
export function rowWindow(offsets: Float64Array, top: number, height: number, overscan: number, align = 1): RowRange {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const first = Math.min(rowAt(offsets, Math.max(0, top - overscan)), n - 1);
  const last = Math.min(rowAt(offsets, top + height + overscan, true), n - 1);
  const start = Math.floor(first / align) * align;
  const end = Math.min(n, (Math.floor(last / align) + 1) * align);
  return { start, end };
}
