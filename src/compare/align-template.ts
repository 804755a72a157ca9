/**
 * Template lines: sibling clauses written on one frame, each saying its own thing in the frame's
 * gaps. A resolution arranging communes has one line per new commune ("Sắp xếp toàn bộ diện tích tự
 * nhiên, quy mô dân số của các xã A, B và C thành xã mới có tên gọi là xã D"); a price rule lists one
 * service after another ("Giá cụ thể dịch vụ … được tính bằng 30% giá cụ thể dịch vụ …"). Two such
 * lines of two documents look alike by their frame alone, and sit at the same number or place; they
 * are the same clause only when what fills the frame is the same too. Position and frame are weak
 * evidence, never enough alone.
 */

/** How frames are found and fillings compared. */
export interface TemplateOptions {
  /** Least sibling leaves under one parent for their shared words to make a frame. */
  minSiblings: number;
  /** A word is part of the frame when at least this share of the siblings holds it. */
  frameShare: number;
  /** A line is written on the frame when frame words make at least this share of its words. */
  framed: number;
  /** Least likeness (Dice over the words outside both frames) of two template lines to be paired. */
  fillingFloor: number;
}

/** Documented defaults (`npm run calibrate` prints the margin of `fillingFloor` on the labelled pairs). */
export const TEMPLATE_DEFAULTS: Readonly<TemplateOptions> = {
  minSiblings: 4,
  frameShare: 0.6,
  framed: 0.5,
  fillingFloor: 0.4,
};

/** The frame of each sibling group: for each line written on it, the group's frame words. */
export function framesOf(siblings: ReadonlyArray<readonly string[]>, o: TemplateOptions = TEMPLATE_DEFAULTS): Array<ReadonlySet<string> | null> {
  const none = siblings.map(() => null);
  if (siblings.length < o.minSiblings) return none;
  const df = new Map<string, number>();
  for (const ws of siblings) for (const w of new Set(ws)) df.set(w, (df.get(w) ?? 0) + 1);
  const frame = new Set<string>();
  for (const [w, n] of df) if (n >= o.frameShare * siblings.length) frame.add(w);
  if (frame.size === 0) return none;
  return siblings.map((ws) => (ws.length > 0 && ws.filter((w) => frame.has(w)).length >= o.framed * ws.length ? frame : null));
}

/** What two lines say outside both their frames: the mean of the Dice coefficients over those words
 * and over their pairs in reading order (names are words in pairs: "Phú Vinh" is not "Thanh An"
 * though both hold a syllable of the other's), 0..1. */
export function fillingLikeness(a: readonly string[], frameA: ReadonlySet<string>, b: readonly string[], frameB: ReadonlySet<string>): number {
  const outside = (ws: readonly string[]): string[] => ws.filter((w) => !frameA.has(w) && !frameB.has(w));
  const fa = outside(a);
  const fb = outside(b);
  if (fa.length === 0 && fb.length === 0) return 1;
  const pairs = (ws: readonly string[]): string[] => ws.slice(1).map((w, i) => `${ws[i]} ${w}`);
  const pa = pairs(fa);
  const pb = pairs(fb);
  return pa.length + pb.length > 0 ? (dice(fa, fb) + dice(pa, pb)) / 2 : dice(fa, fb);
}

/** Dice coefficient of two word sets. */
function dice(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size + sb.size === 0) return 1;
  let common = 0;
  for (const w of sa) if (sb.has(w)) common += 1;
  return (2 * common) / (sa.size + sb.size);
}
