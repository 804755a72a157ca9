/**
 * `plandiff serve DIR [--port N]`: serves the web view (built into web-dist/ by `npm run
 * build:web`) on a folder of plans, at a loopback address it prints. Runs until interrupted.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listPlanFiles, UserError } from '../node/files.js';
import { defaultWebRoot, SERVE_DEFAULTS, startServer, type RunningServer } from '../node/server.js';
import type { CliIo } from './io.js';

/** Options of the serve command as commander passes them. */
export interface ServeCommandOptions {
  /** Port as typed; "0" picks a free port. */
  port?: string;
  /** Folder of the built app (defaults to the package's web-dist/). */
  webRoot?: string;
}

/** Reads a port number; a UserError naming the value otherwise. */
export function parsePort(value: string | undefined): number {
  if (value === undefined) return SERVE_DEFAULTS.port;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 0 || n > 65535) {
    throw new UserError(`--port ${value}: expected a whole number from 0 to 65535`);
  }
  return n;
}

/** Starts the server for `dir` and prints its URL (to `io`); resolves with the running server. */
export async function commandServe(dir: string, opts: ServeCommandOptions = {}, io: CliIo = process): Promise<RunningServer> {
  const port = parsePort(opts.port);
  const files = await listPlanFiles(dir);
  const webRoot = opts.webRoot ?? defaultWebRoot();
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new UserError(`${webRoot}: the web view is not built; run \`npm run build:web\` first`);
  }
  const running = await startServer({ dir, webRoot, port });
  io.stderr.write(`plandiff: serving ${files.length} plan file(s) of ${dir}\n`);
  io.stdout.write(`${running.url}\n`);
  io.stderr.write('plandiff: press Ctrl+C to stop\n');
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return running;
}
