/**
 * `GET /ocr/…` of `plandiff serve`: the files the web view's OCR engine (tesseract.js, run by the
 * analysis worker) loads, served from this install's node_modules so that reading a scan in the
 * browser fetches nothing from anywhere else:
 *
 *   /ocr/worker.min.js               tesseract.js's worker script          (tesseract.js)
 *   /ocr/core/tesseract-core-….js    the engine compiled to WebAssembly    (tesseract.js-core)
 *   /ocr/lang/vie.traineddata.gz     the Vietnamese LSTM model, best_int   (@tesseract.js-data/vie)
 *
 * Only these names are served (no path from the request reaches the file system).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { COMMON_HEADERS, send } from './http-send.js';

/** The URL prefix of the OCR files. */
const PREFIX = '/ocr/';

/** The engine builds tesseract.js picks from (SIMD, relaxed SIMD, LSTM only or with the legacy engine), and their .wasm files. */
const CORE_FILE = /^tesseract-core(?:-simd|-relaxedsimd)?(?:-lstm)?\.(?:wasm\.js|js|wasm)$/;

const require = createRequire(import.meta.url);

/** The folder of an installed package, or null when it is not installed. */
function packageDir(name: string): string | null {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

/** The file a request path names, or null (not an OCR file); `missing` when its package is not installed. */
function resolveAsset(pathname: string): { file: string } | { missing: string } | null {
  const rest = pathname.slice(PREFIX.length);
  const from = (pkg: string, ...parts: string[]) => {
    const dir = packageDir(pkg);
    return dir ? { file: join(dir, ...parts) } : { missing: pkg };
  };
  if (rest === 'worker.min.js') return from('tesseract.js', 'dist', 'worker.min.js');
  if (rest.startsWith('core/') && CORE_FILE.test(rest.slice(5))) return from('tesseract.js-core', rest.slice(5));
  if (rest === 'lang/vie.traineddata.gz') return from('@tesseract.js-data/vie', '4.0.0_best_int', 'vie.traineddata.gz');
  return null;
}

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', wasm: 'application/wasm', gz: 'application/octet-stream' };

/**
 * The policy of the OCR files. tesseract.js's worker takes its policy from its script's answer
 * (it is started from /ocr/worker.min.js, never from a blob: URL): its own scripts, the engine's
 * WebAssembly ('wasm-unsafe-eval' allows compiling WebAssembly, not eval), fetches of the language
 * data from this server only. The app's pages keep their stricter policy (APP_CSP in server.ts).
 */
const OCR_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Answers the request when it is for an OCR file (true), else leaves it (false). */
export async function ocrAssets(res: ServerResponse, pathname: string, head: boolean): Promise<boolean> {
  if (!pathname.startsWith(PREFIX)) return false;
  const asset = resolveAsset(pathname);
  if (!asset) {
    send(res, 404, 'not found');
    return true;
  }
  if ('missing' in asset) {
    send(res, 404, `the OCR files are not installed (${asset.missing}); run npm install in the plandiff folder`);
    return true;
  }
  const info = await stat(asset.file).catch(() => null);
  if (!info?.isFile()) {
    send(res, 404, 'not found');
    return true;
  }
  res.writeHead(200, {
    'content-type': TYPES[asset.file.slice(asset.file.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-cache', // asked for each time: the engine loads only when a page is not in the browser's OCR cache
    'content-security-policy': OCR_CSP,
    ...COMMON_HEADERS,
  });
  if (head) {
    res.end();
    return true;
  }
  await new Promise<void>((done, fail) => {
    createReadStream(asset.file).on('error', fail).on('end', done).pipe(res);
  });
  return true;
}
