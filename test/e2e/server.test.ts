import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commandServe, parsePort } from '../../src/cli/serve.js';
import { UserError } from '../../src/node/files.js';
import { isLoopbackHost, safePlanPath, startServer, type RunningServer } from '../../src/node/server.js';
import { corpusPath, SEEDS } from '../corpus.js';

const CORPUS = corpusPath('');

/** GET with the path sent as written (no client-side normalisation of "..", unlike fetch). */
function get(
  server: RunningServer,
  path: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: Buffer; headers: IncomingHttpHeaders }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the web view server', () => {
  let server: RunningServer;
  let webRoot: string;
  let outside: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'plandiff-webroot-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>plandiff</title><pd-app></pd-app>');
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'export {};');
    server = await startServer({ dir: CORPUS, webRoot, port: 0 });
    outside = mkdtempSync(join(tmpdir(), 'plandiff-outside-'));
  });

  afterAll(async () => {
    await server.close();
    rmSync(webRoot, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  test('listens on the loopback address and says where', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  test('indexes the plan files of the folder with their sizes', async () => {
    const res = await get(server, '/api/corpus');
    expect(res.type).toContain('application/json');
    const entries = JSON.parse(res.body.toString()) as Array<{ file: string; size: number }>;
    expect(entries.map((e) => e.file).sort()).toEqual(Object.values(SEEDS).sort());
    for (const e of entries) expect(e.size).toBe(readFileSync(corpusPath(e.file)).length);
  });

  test('serves a plan file byte for byte', async () => {
    const res = await get(server, `/api/file?path=${encodeURIComponent(SEEDS.ubnd2025)}`);
    expect(res.status).toBe(200);
    expect(res.body.equals(readFileSync(corpusPath(SEEDS.ubnd2025)))).toBe(true);
  });

  test.each([
    ['a parent folder', '../package.json'],
    ['a parent folder inside a path', 'khanh-hoa/../../package.json'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows drive', 'C:/Windows/win.ini'],
    ['a backslash path', 'khanh-hoa\\..\\..\\package.json'],
    ['a hidden file', '.git/config'],
    ['a file that is not a plan', 'khanh-hoa/notes.exe'],
    ['a NUL byte', 'khanh-hoa/2024-so-gddt-cai-cach-tthc.txt\u0000.txt'],
    ['nothing', ''],
  ])('refuses %s in /api/file (%j)', async (_what, path) => {
    const res = await get(server, `/api/file?path=${encodeURIComponent(path)}`);
    expect([400, 404]).toContain(res.status);
    expect(res.body.toString()).not.toContain('"name": "plandiff"');
  });

  test('does not follow a symbolic link out of the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-linked-'));
    writeFileSync(join(outside, 'secret.txt'), 'KẾ HOẠCH MẬT');
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'link.txt'));
    const linked = await startServer({ dir, webRoot, port: 0 });
    try {
      const res = await get(linked, '/api/file?path=link.txt');
      expect(res.status).toBe(404);
      expect(res.body.toString()).not.toContain('MẬT');
    } finally {
      await linked.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('serves the app and its assets, and the app for any page path', async () => {
    expect((await get(server, '/')).body.toString()).toContain('<pd-app>');
    expect((await get(server, '/assets/app.js')).type).toContain('text/javascript');
    expect((await get(server, '/lineage')).body.toString()).toContain('<pd-app>');
  });

  test.each(['/../package.json', '/..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json', '/missing.js'])('does not serve %s', async (path) => {
    const res = await get(server, path);
    expect(res.body.toString()).not.toContain('"devDependencies"');
  });

  test('answers only GET and HEAD', async () => {
    expect((await get(server, '/api/corpus', 'POST')).status).toBe(405);
    expect((await get(server, '/api/corpus', 'HEAD')).status).toBe(200);
  });

  test('says which endpoint does not exist', async () => {
    const res = await get(server, '/api/nothing');
    expect(res.status).toBe(404);
    expect(res.body.toString()).toContain('/api/nothing');
  });

  test('names the port when it is in use', async () => {
    await expect(startServer({ dir: CORPUS, webRoot, port: server.port })).rejects.toThrow(new UserError(`port ${server.port} is in use; pass --port N (0 picks a free port)`));
  });
});

describe('plandiff serve', () => {
  test.each(['80a', '-1', '65536', '1.5', ''])('refuses --port %j with a message naming it', (port) => {
    expect(() => parsePort(port)).toThrow(UserError);
    expect(() => parsePort(port)).toThrow(`--port ${port}:`);
  });

  test('takes port 0 as "any free port"', () => {
    expect(parsePort('0')).toBe(0);
  });

  test('says to build the web view when it is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'plandiff-nobuild-'));
    try {
      await expect(commandServe(CORPUS, { port: '0', webRoot: empty })).rejects.toThrow(/npm run build:web/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('refuses a folder that does not exist', async () => {
    await expect(commandServe(join(CORPUS, 'no-such-folder'), { port: '0' })).rejects.toThrow(/no such folder/);
  });

  test.each([
    ['khanh-hoa/2024-so-gddt-cai-cach-tthc.txt', 'khanh-hoa/2024-so-gddt-cai-cach-tthc.txt'],
    ['a/./b.txt', null],
    ['ke-hoach.DOCX', 'ke-hoach.DOCX'],
  ])('checks plan path %j', (path, clean) => {
    expect(safePlanPath(path)).toBe(clean);
  });
});

describe('the server against other web pages (loopback only)', () => {
  let server: RunningServer;
  let webRoot: string;
  let dir: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'plandiff-webroot-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>plandiff</title><pd-app></pd-app>');
    dir = mkdtempSync(join(tmpdir(), 'plandiff-hostile-corpus-'));
    writeFileSync(join(dir, 'ke-hoach.txt'), 'KẾ HOẠCH cải cách hành chính năm 2025');
    writeFileSync(join(dir, 'trang.html'), '<html><body><script>fetch("/api/corpus")</script><p>Kế hoạch</p></body></html>');
    writeFileSync(join(dir, 'README.md'), '# not a plan');
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', 'goi.txt'), 'not a plan either');
    server = await startServer({ dir, webRoot, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    rmSync(webRoot, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    ['another site (DNS rebinding)', (port: number) => `rebind.example:${port}`],
    ['another site without a port', () => 'rebind.example'],
    ['the loopback address on another port', (port: number) => `127.0.0.1:${port + 1}`],
    ['a loopback look-alike', (port: number) => `127.0.0.1.rebind.example:${port}`],
  ])('refuses a request whose Host is %s', async (_what, host) => {
    for (const path of ['/api/corpus', '/api/file?path=ke-hoach.txt', '/']) {
      const res = await get(server, path, 'GET', { host: host(server.port) });
      expect(res.status).toBe(421);
      expect(res.body.toString()).not.toContain('KẾ HOẠCH');
      expect(res.body.toString()).not.toContain('ke-hoach.txt');
    }
  });

  test('answers at 127.0.0.1, localhost and [::1] on its own port', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `[::1]:${server.port}`]) {
      expect((await get(server, '/api/corpus', 'GET', { host })).status).toBe(200);
    }
  });

  test('refuses a write from another origin', async () => {
    const res = await get(server, '/api/corpus', 'POST', { origin: 'https://rebind.example' });
    expect(res.status).toBe(403);
  });

  test('serves a text plan as text/plain data: an attachment, never sniffed, sandboxed', async () => {
    const res = await get(server, '/api/file?path=ke-hoach.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''ke-hoach\.txt$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
  });

  test('serves an .html plan as bytes, not as a page that could run its script', async () => {
    const res = await get(server, '/api/file?path=trang.html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
  });

  test('serves only the files /api/corpus lists (no README, nothing under node_modules)', async () => {
    const listed = (JSON.parse((await get(server, '/api/corpus')).body.toString()) as Array<{ file: string }>).map((e) => e.file).sort();
    expect(listed).toEqual(['ke-hoach.txt', 'trang.html']);
    for (const path of ['README.md', 'node_modules/goi.txt']) {
      const res = await get(server, `/api/file?path=${encodeURIComponent(path)}`);
      expect(res.status).toBe(404);
      expect(res.body.toString()).not.toContain('not a plan');
    }
  });

  test('a plan added to the folder is served once listed', async () => {
    writeFileSync(join(dir, 'moi.txt'), 'KẾ HOẠCH mới');
    // the folder is listed again once its last listing is a second old: asked until then
    await expect.poll(async () => (await get(server, '/api/file?path=moi.txt')).status, { timeout: 5_000, interval: 100 }).toBe(200);
  });

  test("gives the app's pages a strict Content-Security-Policy (no inline or eval'd script, no framing)", async () => {
    const res = await get(server, '/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|\*)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
  });

  test.each([
    ['127.0.0.1:4180', 4180, true],
    ['localhost:4180', 4180, true],
    ['[::1]:4180', 4180, true],
    ['LOCALHOST:4180', 4180, true],
    ['localhost', 80, true],
    ['localhost:4181', 4180, false],
    ['evil.example:4180', 4180, false],
    ['127.0.0.2:4180', 4180, false],
    ['', 4180, false],
  ] as const)('Host %j on port %i is loopback: %s', (host, port, ok) => {
    expect(isLoopbackHost(host, port)).toBe(ok);
  });
});
