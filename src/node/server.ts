/**
 * The web view's server (node:http, no framework): the built app (web-dist/) and the plan files
 * of one folder, as raw bytes, behind a small JSON index. The analysis itself runs in the browser
 * from the same core, so the server never parses anything.
 *
 *   GET /api/corpus            → [{ file, size }]   (plan files of the folder, relative "/" paths)
 *   GET /api/file?path=<file>  → the file's bytes   (only a plan file inside the folder)
 *   GET /<asset>               → web-dist/<asset>, and index.html for any other page
 *
 * It binds the loopback address only, and answers only requests addressed to it: a Host header
 * that is not the loopback address and port is refused (a page elsewhere cannot reach the corpus
 * through DNS rebinding), and so is a write from another origin. Plan files are served as data
 * (text/plain or octet-stream, as an attachment, never sniffed, sandboxed); the app's pages carry a
 * strict Content-Security-Policy; /api/file serves only the files /api/corpus lists.
 */
import { createReadStream, existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertDocApi } from './convert-api.js';
import { COMMON_HEADERS, DATA_CSP, send, sendJson } from './http-send.js';
import { listPlanFiles, MAX_FILE_BYTES, PLAN_EXTENSIONS, UserError } from './files.js';
import { ocrApi } from './ocr-api.js';
import { ocrAssets } from './ocr-assets.js';
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

/** A header value for a message: printable, short. */
function clip(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?').slice(0, 80);
}

/** True when `child` (a resolved real path) lies inside `root` (a resolved real path). */
function inside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The policy of the app's pages. What the built app needs: its own module scripts and module
 * worker ('self'), Lit's `style="…"` bindings and constructed stylesheets ('unsafe-inline' styles,
 * never scripts), fetches to its own /api, PNG export through data:/blob: images. Nothing else: no
 * inline or eval'd script, no plugin, no framing, no form posts, no other origin.
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Host names a loopback server answers to. */
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * True when a Host header names this server on the loopback address: "127.0.0.1:4180",
 * "localhost:4180", "[::1]:4180" (with `port`, that port exactly). "evil.example:4180", a missing
 * Host, or a loopback name on another port are refused.
 */
export function isLoopbackHost(host: string | undefined, port?: number): boolean {
  if (!host) return false;
  const m = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d{1,5}))?$/i.exec(host.trim().toLowerCase());
  if (!m || !LOOPBACK_NAMES.has(m[1]!)) return false;
  if (port === undefined) return true;
  return Number(m[2] ?? 80) === port;
}

/** Plan files go out as data: text as text/plain, the rest as bytes, always as an attachment. */
const PLAN_TYPES: Record<string, string> = { '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8', '.markdown': 'text/plain; charset=utf-8' };

/** How a file is sent: an app asset (its type, the app's policy) or a plan file (data, attachment). */
type FileKind = 'asset' | 'plan';

async function sendFile(res: ServerResponse, path: string, cache: string, head: boolean, kind: FileKind = 'asset'): Promise<void> {
  const info = await stat(path);
  const ext = extname(path).toLowerCase();
  const headers: Record<string, string | number> = { 'content-length': info.size, 'cache-control': cache, ...COMMON_HEADERS };
  if (kind === 'plan') {
    headers['content-type'] = PLAN_TYPES[ext] ?? 'application/octet-stream';
    headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(basename(path))}`;
    headers['content-security-policy'] = DATA_CSP;
  } else {
    headers['content-type'] = CONTENT_TYPES[ext] ?? 'application/octet-stream';
    // the app's policy on every asset: a module worker takes its policy from its own script's answer
    headers['content-security-policy'] = APP_CSP;
  }
  res.writeHead(200, headers);
  if (head) {
    res.end();
    return;
  }
  await new Promise<void>((done, fail) => {
    createReadStream(path).on('error', fail).on('end', done).pipe(res);
  });
}

/** The folder's plan files: the listing /api/corpus sends, and /api/file, which serves nothing else. */
function planFiles(dir: string): { corpus: (res: ServerResponse) => Promise<void>; planFile: (res: ServerResponse, requested: string | null, head: boolean) => Promise<void> } {
  let realDir: Promise<string> | null = null;
  /** The files /api/corpus lists, as of the last listing. */
  let listed: { at: number; files: Set<string> } | null = null;
  const listing = async (): Promise<CorpusEntry[]> => {
    const files = await listPlanFiles(dir);
    const entries: CorpusEntry[] = [];
    for (const f of files) {
      const info = await stat(f.path).catch(() => null);
      if (info) entries.push({ file: f.relative.split(sep).join('/'), size: info.size });
    }
    listed = { at: Date.now(), files: new Set(entries.map((e) => e.file)) };
    return entries;
  };
  /** True when the folder's listing has the file (listed again when the last listing is a second old). */
  const isListed = async (file: string): Promise<boolean> => {
    if (listed?.files.has(file)) return true;
    if (listed && Date.now() - listed.at < 1000) return false;
    await listing();
    return listed!.files.has(file);
  };
  const corpus = async (res: ServerResponse): Promise<void> => {
    sendJson(res, 200, await listing());
  };
  const planFile = async (res: ServerResponse, requested: string | null, head: boolean): Promise<void> => {
    const clean = safePlanPath(requested);
    if (!clean) return sendJson(res, 400, { error: `refused path "${requested ?? ''}": expected a plan file path relative to the folder` });
    if (!(await isListed(clean))) return sendJson(res, 404, { error: `no such plan file: ${clean}` });
    realDir ??= realpath(dir);
    const root = await realDir;
    const real = await realpath(join(root, ...clean.split('/'))).catch(() => null);
    if (!real || !inside(root, real)) return sendJson(res, 404, { error: `no such plan file: ${clean}` });
    const info = await stat(real);
    if (!info.isFile()) return sendJson(res, 404, { error: `no such plan file: ${clean}` });
    if (info.size > MAX_FILE_BYTES) return sendJson(res, 413, { error: `${clean}: too large (${info.size} bytes)` });
    await sendFile(res, real, 'no-store', head, 'plan');
  };
  return { corpus, planFile };
}

/** The web app's files under `webRoot`; a path with no extension gets the app's index (its own routes). */
function assetSender(webRoot: string): (res: ServerResponse, pathname: string, head: boolean) => Promise<void> {
  return async (res, pathname, head) => {
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
}

/** The request handler, exposed for tests that drive it without a socket. */
export function makeHandler(
  options: Pick<ServeOptions, 'dir' | 'webRoot'> & {
    /** The port requests must name in their Host header (once listening); any loopback port when unknown. */
    port?: () => number | undefined;
  },
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const dir = resolve(options.dir);
  const review = makeReviewApi({ dir, safePath: safePlanPath });
  const { corpus, planFile } = planFiles(dir);
  const asset = assetSender(resolve(options.webRoot));

  return async (req, res) => {
    try {
      const method = req.method ?? 'GET';
      if (!isLoopbackHost(req.headers.host, options.port?.())) {
        return send(res, 421, `refused: this server answers only at its loopback address (Host: ${clip(req.headers.host ?? '(none)')})`);
      }
      if (method !== 'GET' && method !== 'HEAD' && req.headers.origin !== undefined && !isLoopbackHost(req.headers.origin.replace(/^https?:\/\//i, ''), options.port?.())) {
        return send(res, 403, 'refused: a write from another origin');
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith('/api/review') && (await review(req, res, url))) return; // review decisions (review-api.ts)
      if (await convertDocApi(req, res, url.pathname)) return; // legacy .doc → .docx for the browser (convert-api.ts)
      if (await ocrApi(req, res, url)) return; // the served folder's scans read by this machine's tesseract (ocr-api.ts)
      if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'method not allowed');
      const head = method === 'HEAD';
      if (url.pathname === '/api/corpus') return await corpus(res);
      if (url.pathname === '/api/file') return await planFile(res, url.searchParams.get('path'), head);
      if (url.pathname.startsWith('/api/')) return sendJson(res, 404, { error: `no such endpoint: ${url.pathname}` });
      if (await ocrAssets(res, url.pathname, head)) return; // tesseract.js for scans in the browser (ocr-assets.ts)
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
  let port: number | undefined;
  const server = createServer(makeHandler({ ...o, port: () => port }));
  await new Promise<void>((done, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') fail(new UserError(`port ${o.port} is in use; pass --port N (0 picks a free port)`));
      else if (e.code === 'EACCES') fail(new UserError(`port ${o.port} needs privileges; pass --port N above 1023`));
      else fail(e);
    });
    server.listen(o.port, o.host, () => done());
  });
  port = (server.address() as AddressInfo).port;
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
