/**
 * The web view's server (node:http, no framework): the built app (web-dist/) and the plan files
 * of one folder, as raw bytes, behind a small JSON index. The analysis itself runs in the browser
 * from the same core, so the server never parses anything.
 *
 *   GET /api/corpus            → [{ file, size }]   (plan files of the folder, relative "/" paths)
 *   GET /api/file?path=<file>  → the file's bytes   (only a plan file inside the folder)
 *   GET /<asset>               → web-dist/<asset>, and index.html for any other page
 *
 * It binds the loopback address only.
 */
import { createReadStream, existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPlanFiles, MAX_FILE_BYTES, PLAN_EXTENSIONS, UserError } from './files.js';
import { makeReviewApi } from './review-api.js';

/** How the server runs. */
export interface ServeOptions {
  /** Folder of plans served under /api. */
  dir: string;
  /** Folder of the built app (index.html and assets). */
  webRoot: string;
  /** Port; 0 picks a free one. */
  port: number;
  /** Address bound; loopback unless told otherwise. */
  host: string;
}

/** Defaults: port 4180 on 127.0.0.1, the app built next to the package (see `defaultWebRoot`). */
export const SERVE_DEFAULTS: Readonly<Omit<ServeOptions, 'dir' | 'webRoot'>> = { port: 4180, host: '127.0.0.1' };

/** A running server. */
export interface RunningServer {
  /** "http://127.0.0.1:4180/". */
  url: string;
  port: number;
  server: Server;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

/** One entry of /api/corpus. */
export interface CorpusEntry {
  /** Path relative to the folder, "/"-separated. */
  file: string;
  /** Size in bytes. */
  size: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.markdown': 'text/markdown; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
  '.map': 'application/json; charset=utf-8',
};

/** The package's own folder (the nearest parent of this module holding package.json). */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return dirname(from);
    dir = up;
  }
}

/** Where `npm run build:web` puts the app. */
export function defaultWebRoot(): string {
  return join(packageRoot(), 'web-dist');
}

/**
 * Checks a requested plan path: relative, "/"-separated, no "..", no hidden segment, no NUL, a
 * plan extension. Returns the cleaned relative path, or null when it is refused.
 */
export function safePlanPath(requested: string | null): string | null {
  if (!requested || requested.length > 1024 || requested.includes('\0') || requested.includes('\\')) return null;
  if (requested.startsWith('/') || isAbsolute(requested) || /^[a-z]:/i.test(requested)) return null;
  const parts = requested.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.startsWith('.'))) return null;
  if (!PLAN_EXTENSIONS.includes(extname(requested).toLowerCase())) return null;
  return parts.join('/');
}

/** True when `child` (a resolved real path) lies inside `root` (a resolved real path). */
function inside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

async function sendFile(res: ServerResponse, path: string, cache: string, head: boolean): Promise<void> {
  const info = await stat(path);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
  });
  if (head) {
    res.end();
    return;
  }
  await new Promise<void>((done, fail) => {
    createReadStream(path).on('error', fail).on('end', done).pipe(res);
  });
}

/** The request handler, exposed for tests that drive it without a socket. */
export function makeHandler(options: Pick<ServeOptions, 'dir' | 'webRoot'>): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const dir = resolve(options.dir);
  const webRoot = resolve(options.webRoot);
  let realDir: Promise<string> | null = null;
  const review = makeReviewApi({ dir, safePath: safePlanPath });

  const corpus = async (res: ServerResponse): Promise<void> => {
    const files = await listPlanFiles(dir);
    const entries: CorpusEntry[] = [];
    for (const f of files) {
      const info = await stat(f.path).catch(() => null);
      if (info) entries.push({ file: f.relative.split(sep).join('/'), size: info.size });
    }
    sendJson(res, 200, entries);
  };

  const planFile = async (res: ServerResponse, requested: string | null, head: boolean): Promise<void> => {
    const clean = safePlanPath(requested);
    if (!clean) return sendJson(res, 400, { error: `refused path "${requested ?? ''}": expected a plan file path relative to the folder` });
    realDir ??= realpath(dir);
    const root = await realDir;
    const real = await realpath(join(root, ...clean.split('/'))).catch(() => null);
    if (!real || !inside(root, real)) return sendJson(res, 404, { error: `no such plan file: ${clean}` });
    const info = await stat(real);
    if (!info.isFile()) return sendJson(res, 404, { error: `no such plan file: ${clean}` });
    if (info.size > MAX_FILE_BYTES) return sendJson(res, 413, { error: `${clean}: too large (${info.size} bytes)` });
    await sendFile(res, real, 'no-store', head);
  };

  const asset = async (res: ServerResponse, pathname: string, head: boolean): Promise<void> => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'bad path');
    }
    const wanted = resolve(webRoot, `.${decoded}`);
    const file = wanted !== webRoot && inside(webRoot, wanted) ? wanted : null;
    const info = file ? await stat(file).catch(() => null) : null;
    if (file && info?.isFile()) return sendFile(res, file, decoded.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache', head);
    if (extname(decoded) && decoded !== '/') return send(res, 404, 'not found');
    const index = join(webRoot, 'index.html');
    if (!existsSync(index)) return send(res, 503, 'The web view is not built: run `npm run build:web`.');
    return sendFile(res, index, 'no-cache', head);
  };

  return async (req, res) => {
    try {
      const method = req.method ?? 'GET';
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith('/api/review') && (await review(req, res, url))) return; // review decisions (review-api.ts)
      if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'method not allowed');
      const head = method === 'HEAD';
      if (url.pathname === '/api/corpus') return await corpus(res);
      if (url.pathname === '/api/file') return await planFile(res, url.searchParams.get('path'), head);
      if (url.pathname.startsWith('/api/')) return sendJson(res, 404, { error: `no such endpoint: ${url.pathname}` });
      return await asset(res, url.pathname, head);
    } catch (e) {
      if (!res.headersSent) sendJson(res, 500, { error: e instanceof Error ? e.message.split('\n')[0] : String(e) });
      else res.destroy();
    }
  };
}

/** Starts the server; resolves once it listens. A port in use is a UserError naming it. */
export async function startServer(options: Partial<ServeOptions> & Pick<ServeOptions, 'dir'>): Promise<RunningServer> {
  const o: ServeOptions = { ...SERVE_DEFAULTS, webRoot: defaultWebRoot(), ...options };
  const server = createServer(makeHandler(o));
  await new Promise<void>((done, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') fail(new UserError(`port ${o.port} is in use; pass --port N (0 picks a free port)`));
      else if (e.code === 'EACCES') fail(new UserError(`port ${o.port} needs privileges; pass --port N above 1023`));
      else fail(e);
    });
    server.listen(o.port, o.host, () => done());
  });
  const port = (server.address() as AddressInfo).port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
