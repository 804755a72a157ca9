/**
 * A wall-clock budget for the work on one file, checked cooperatively: every stage whose loops
 * the input controls (ingest readers, paragraphs, structure, targets) calls `tick()` inside its
 * loops, which reads the clock only once every 256 calls, so it is cheap enough for any loop.
 * Isomorphic (performance.now() in Node and in the browser).
 */

/** Thrown when a budget is spent. `code` is "limits", as IngestError's time limit, so callers
 * that report ingest errors as one line report this one the same way. */
export class TimeLimitError extends Error {
  override name = 'TimeLimitError';
  readonly code = 'limits' as const;
}

/** True for a TimeLimitError (also across bundles, by name). */
export function isTimeLimitError(value: unknown): value is TimeLimitError {
  return value instanceof TimeLimitError || (value instanceof Error && value.name === 'TimeLimitError');
}

/** Builds the error a spent budget throws; `what` names the work that was under way. */
export type TimeLimitFailure = (budgetMs: number, what: string) => Error;

const defaultFailure: TimeLimitFailure = (budgetMs, what) =>
  new TimeLimitError(`took longer than ${budgetMs} ms while ${what}; stopped`);

/** How often `tick()` reads the clock (a power of two minus one, as a mask). */
const TICK_MASK = 255;

export class Deadline {
  private readonly end: number;
  private ticks = 0;

  constructor(
    readonly budgetMs: number,
    private readonly failure: TimeLimitFailure = defaultFailure,
  ) {
    this.end = now() + budgetMs;
  }

  /** Throws when the time budget is spent; `what` names the work under way ("reading paragraphs"). */
  check(what: string): void {
    if (now() > this.end) throw this.failure(this.budgetMs, what);
  }

  /** `check()` once every 256 calls: for the inside of loops. */
  tick(what: string): void {
    if ((++this.ticks & TICK_MASK) === 0) this.check(what);
  }

  /** Milliseconds left (negative once spent). */
  remaining(): number {
    return this.end - now();
  }
}

/** A deadline that never fires: the default of stages called without one. */
export const NO_DEADLINE: Deadline = new Deadline(Number.POSITIVE_INFINITY);

/** The default budget for reading one file's text into a document (parse stage), in milliseconds. */
export const PARSE_BUDGET_MS = 30_000;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
