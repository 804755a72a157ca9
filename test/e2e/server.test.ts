import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commandServe, parsePort } from '../../src/cli/serve.js';
import { UserError } from '../../src/node/files.js';
import { safePlanPath, startServer, type RunningServer } from '../../src/node/server.js';
import { corpusPath, SEEDS } from '../corpus.js';

const CORPUS = corpusPath('');

/** GET with the path sent as written (no client-side normalisation of "..", unlike fetch). */
function get(server: RunningServer, path: string, method = 'GET'): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }));
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
