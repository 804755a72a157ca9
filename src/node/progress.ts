/**
 * Progress of a long folder run on stderr — files read / total, rate, time left — drawn with
 * cli-progress, only when stderr is a terminal and the user did not ask for `--quiet`; scripts and
 * pipes see nothing. Short runs draw nothing either (the bar would only flicker).
 */
import type { SingleBar } from 'cli-progress';

/** When a bar is drawn. */
export interface ProgressOptions {
  /** `--quiet`: never draw. */
  quiet: boolean;
  /** Fewer files than this draw nothing. */
  minFiles: number;
  /** The stream drawn on (default: stderr); drawn on only when it is a terminal (a tty.WriteStream). */
  stream: { isTTY?: boolean };
  /** What is counted ("files"). */
  unit: string;
}

/** A progress display: `tick(done, total)` after each file, `stop()` at the end. */
export interface Progress {
  tick: (done: number, total: number) => void;
  stop: () => void;
}

const SILENT: Progress = { tick: () => undefined, stop: () => undefined };

/** A bar for a run over `total` files, or a silent one (not a terminal, quiet, or a short run). */
export async function folderProgress(total: number, label: string, options: Partial<ProgressOptions> = {}): Promise<Progress> {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || !stream.isTTY || total < (options.minFiles ?? 50)) return SILENT;
  const { default: cliProgress } = await import('cli-progress');
  const bar: SingleBar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: `plandiff ${label} [{bar}] {value}/{total} ${options.unit ?? 'files'} | {rate} ${options.unit ?? 'files'}/s | {eta_formatted} left`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const t0 = performance.now();
  bar.start(total, 0, { rate: '0' });
  let shown = total;
  return {
    tick: (done, of) => {
      if (of !== shown && of > 0) bar.setTotal((shown = of));
      const seconds = (performance.now() - t0) / 1000;
      bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(0) : '0' });
    },
    stop: () => bar.stop(),
  };
}
