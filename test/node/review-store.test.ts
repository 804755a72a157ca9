import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReviewStore, storeFolderFor, storePath } from '../../src/node/review-store.js';
import { startServer, type RunningServer } from '../../src/node/server.js';
import { UserError } from '../../src/node/files.js';
import { childImports } from '../binary.js';
import { corpusPath, SEEDS } from '../corpus.js';

const WRITER = fileURLToPath(new URL('./review-writer.mjs', import.meta.url));

/**
 * The raw databases and statements this file opens, held for the life of the worker: on Node 24
 * better-sqlite3 12 aborts the process when one is garbage-collected at shutdown (see keptAlive in
 * src/node/review-store.ts), which ended a Node 24 run with "Worker exited unexpectedly".
 */
const HELD: unknown[] = [];
function rawDatabase(path: string): Database.Database {
  const db = new Database(path);
  HELD.push(db);
  return db;
}

/** A folder with the pair under review: parent.txt (seed 004, UBND 2025) and child.txt (seed 003, Sở GDĐT 2024). */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-review-'));
  copyFileSync(corpusPath(SEEDS.ubnd2025), join(dir, 'parent.txt'));
  copyFileSync(corpusPath(SEEDS.gddt2024), join(dir, 'child.txt'));
  return dir;
}

const DECISION = { parent: 'parent.txt', child: 'child.txt', item: 'f-1i6lalqq9w', kind: 'finding' as const, itemText: 'Target weakened: 60% → ≥ 45%.' };

/** Runs the writer script in its own Node process, on the built modules when they are up to date; resolves with its stdout lines. */
function child(args: string[], onLine?: (line: string, kill: () => void) => void): Promise<{ lines: string[]; code: number | null; signal: string | null }> {
  return new Promise((done, fail) => {
    const { execArgv, urls } = childImports(['node/review-store.js', 'node/server.js']);
    const p = spawn(process.execPath, [...execArgv, WRITER, ...urls, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let rest = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const l of parts) {
        lines.push(l);
        onLine?.(l, () => p.kill('SIGKILL'));
      }
    });
    p.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    p.on('error', fail);
    p.on('close', (code, signal) => (code && code !== 0 ? fail(new Error(stderr)) : done({ lines, code, signal })));
  });
}

describe('the review store (.plandiff/review.sqlite)', () => {
  test('a fresh store is made in the plans\' folder at the latest schema, in WAL mode', () => {
    const dir = folder();
    const store = new ReviewStore(dir);
    expect(store.version).toBe(2);
    store.close();
    const db = rawDatabase(storePath(dir));
    const mode = db.prepare('PRAGMA journal_mode').pluck();
    HELD.push(mode);
    expect(mode.get()).toBe('wal');
    db.close();
  });

  test('a store of schema 1 is migrated without losing its decisions', () => {
    const dir = folder();
    mkdirSync(join(dir, '.plandiff'));
    const old = rawDatabase(storePath(dir));
    old.exec(`CREATE TABLE decisions (seq INTEGER PRIMARY KEY AUTOINCREMENT, parent TEXT NOT NULL, child TEXT NOT NULL, item TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('finding', 'target', 'clause')), status TEXT NOT NULL CHECK (status IN ('confirmed', 'explained', 'false-alarm')),
      reason TEXT, note TEXT, item_text TEXT NOT NULL, parent_hash TEXT NOT NULL, child_hash TEXT NOT NULL, at TEXT NOT NULL);
      INSERT INTO decisions (parent, child, item, kind, status, item_text, parent_hash, child_hash, at)
      VALUES ('parent.txt', 'child.txt', 'f-1i6lalqq9w', 'finding', 'confirmed', 'old', 'x', 'y', '2025-01-01T00:00:00Z');
      PRAGMA user_version = 1;`);
    old.close();
    const store = new ReviewStore(dir);
    expect(store.version).toBe(2);
    expect(store.history('parent.txt', 'child.txt').map((d) => [d.status, d.itemText, d.author])).toEqual([['confirmed', 'old', null]]);
    store.close();
  });

  test('the latest decision on an item is current; earlier ones stay in the history', () => {
    const store = new ReviewStore(folder());
    store.decide({ ...DECISION, status: 'false-alarm' });
    store.decide({ ...DECISION, status: 'explained', reason: 'Sở chỉ phụ trách lĩnh vực giáo dục', note: 'hỏi lại Văn phòng' });
    expect(store.current('parent.txt', 'child.txt').map((d) => [d.status, d.reason, d.note, d.earlierVersion])).toEqual([
      ['explained', 'Sở chỉ phụ trách lĩnh vực giáo dục', 'hỏi lại Văn phòng', false],
    ]);
    expect(store.history('parent.txt', 'child.txt').map((d) => d.status)).toEqual(['false-alarm', 'explained']);
    store.close();
  });

  test('refuses "explained" without a reason, an unknown status and an id that is not a review id', () => {
    const store = new ReviewStore(folder());
    expect(() => store.decide({ ...DECISION, status: 'explained' })).toThrow(/needs a reason/);
    expect(() => store.decide({ ...DECISION, status: 'ok' as never })).toThrow(UserError);
    expect(() => store.decide({ ...DECISION, item: "x'; DROP TABLE decisions; --", status: 'confirmed' })).toThrow(/review id/);
    store.close();
  });

  test('a changed plan shows its decisions as made on an earlier version, with the text decided on; restoring it clears that', () => {
    const dir = folder();
    const store = new ReviewStore(dir);
    store.decide({ ...DECISION, status: 'confirmed' });
    const original = readFileSync(join(dir, 'child.txt'));
    appendFileSync(join(dir, 'child.txt'), '\n- Bổ sung một nhiệm vụ mới.\n');
    const [d] = store.current('parent.txt', 'child.txt');
    expect(d).toMatchObject({ status: 'confirmed', earlierVersion: true, itemText: DECISION.itemText });
    expect(store.current('parent.txt', 'child.txt', []).map((x) => x.orphaned)).toEqual([true]);
    writeFileSync(join(dir, 'child.txt'), original);
    expect(store.current('parent.txt', 'child.txt')[0]!.earlierVersion).toBe(false);
    store.close();
  });

  test('finds the store above the plans, else uses their common folder', () => {
    const dir = folder();
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(dir, 'child.txt'), join(dir, 'sub', 'child.txt'));
    expect(storeFolderFor(join(dir, 'sub', 'child.txt'), join(dir, 'parent.txt'))).toBe(dir);
    expect(storeFolderFor(join(dir, 'sub', 'child.txt'))).toBe(join(dir, 'sub'));
    new ReviewStore(dir).close();
    expect(storeFolderFor(join(dir, 'sub', 'child.txt'))).toBe(dir);
  });

  test('two processes writing at once lose nothing and leave a sound file', async () => {
    const dir = folder();
    new ReviewStore(dir).close();
    const [a, b] = await Promise.all([child(['write', dir, '80', 'a']), child(['write', dir, '80', 'b'])]);
    expect(a.lines.length + b.lines.length).toBe(160);
    const store = new ReviewStore(dir);
    expect(store.integrity()).toBe('ok');
    const seqs = new Set(store.all().map((d) => d.seq));
    for (const l of [...a.lines, ...b.lines]) expect(seqs.has(Number(l.split(' ')[1]))).toBe(true);
    expect(store.all().filter((d) => d.note?.startsWith('a ')).length).toBe(80);
    store.close();
  }, 60_000);

  test('a writer killed (SIGKILL) in the middle of its writes leaves no corruption and every committed decision', async () => {
    const dir = folder();
    new ReviewStore(dir).close();
    const run = await child(['write', dir, '100000', 'k'], (line, kill) => {
      if (line === 'ok 200') kill();
    });
    expect(run.signal).toBe('SIGKILL');
    const store = new ReviewStore(dir);
    expect(store.integrity()).toBe('ok');
    const seqs = new Set(store.all().map((d) => d.seq));
    for (const l of run.lines) expect(seqs.has(Number(l.split(' ')[1]))).toBe(true);
    expect(seqs.size).toBeGreaterThanOrEqual(run.lines.length);
    store.close();
  }, 60_000);
});

describe('the review API of plandiff serve', () => {
  let dir: string;
  let server: RunningServer;
  let token: string;
  const origin = (): string => server.url.replace(/\/$/, '');

  beforeAll(async () => {
    dir = folder();
    const webRoot = mkdtempSync(join(tmpdir(), 'plandiff-webroot-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>plandiff</title>');
    server = await startServer({ dir, webRoot, port: 0 });
    token = ((await (await fetch(`${origin()}/api/review/token`)).json()) as { token: string }).token;
  });
  afterAll(() => server.close());

  const post = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${origin()}/api/review`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: origin(), 'x-plandiff-token': token, ...headers },
      body: JSON.stringify(body),
    });

  test('records a decision from the page, with both plans\' hashes', async () => {
    const res = await post({ ...DECISION, status: 'confirmed', note: 'đã kiểm tra' });
    expect(res.status).toBe(200);
    const d = (await res.json()) as { parentHash: string; childHash: string; author: string };
    expect(d.parentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(d.author).toBe('web');
    const list = (await (await fetch(`${origin()}/api/review?parent=parent.txt&child=child.txt`)).json()) as { decisions: Array<{ note: string }> };
    expect(list.decisions.map((x) => x.note)).toContain('đã kiểm tra');
  });

  test.each([
    ['no token', { 'x-plandiff-token': '' }],
    ['a wrong token', { 'x-plandiff-token': 'guess' }],
    ['another origin', { origin: 'http://evil.example' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }],
  ])('refuses a write with %s (403)', async (_, headers) => {
    expect((await post({ ...DECISION, status: 'confirmed' }, headers)).status).toBe(403);
  });

  test('refuses to read or hand out the token under a foreign Host (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = (path: string): Promise<number> =>
      new Promise((done, fail) => {
        const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host: 'evil.example:80' } }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        });
        req.on('error', fail);
        req.end();
      });
    expect([403, 421]).toContain(await status('/api/review/token'));
    expect([403, 421]).toContain(await status('/api/review?parent=parent.txt&child=child.txt'));
  });

  test('refuses a plan path outside the folder and a bad decision (400)', async () => {
    expect((await post({ ...DECISION, parent: '../etc/passwd.txt', status: 'confirmed' })).status).toBe(400);
    expect((await post({ ...DECISION, status: 'explained' })).status).toBe(400);
  });

  test('two tabs writing at once: every decision is kept', async () => {
    const writes = Array.from({ length: 24 }, (_, i) => post({ ...DECISION, item: `t-${String(i).padStart(10, '0')}`, kind: 'target', status: 'confirmed', note: `tab ${i % 2}` }));
    expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(24).fill(200));
    const list = (await (await fetch(`${origin()}/api/review?parent=parent.txt&child=child.txt`)).json()) as { decisions: Array<{ item: string }> };
    expect(list.decisions.filter((d) => d.item.startsWith('t-')).length).toBe(24);
  });
});

describe('a server killed mid-write', () => {
  test('keeps every decision it acknowledged, and serves them again after a restart', async () => {
    const dir = folder();
    let url = '';
    const acknowledged: number[] = [];
    let stop = (): void => {};
    const serverRun = child(['serve', dir], (line, kill) => {
      url = line.trim().replace(/\/$/, '');
      stop = kill;
    });
    while (!url) await new Promise((r) => setTimeout(r, 50));
    const token = ((await (await fetch(`${url}/api/review/token`)).json()) as { token: string }).token;
    const write = async (i: number): Promise<void> => {
      const res = await fetch(`${url}/api/review`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url, 'x-plandiff-token': token },
        body: JSON.stringify({ ...DECISION, item: `c-${String(i).padStart(10, '0')}`, kind: 'clause', status: 'confirmed' }),
      });
      if (res.status === 200) acknowledged.push(((await res.json()) as { seq: number }).seq);
    };
    // two writers in flight at all times; kill the server once 60 writes are acknowledged
    let i = 0;
    const loop = async (): Promise<void> => {
      while (acknowledged.length < 60) await write(i++);
    };
    await Promise.all([loop(), loop()]);
    const inFlight = Array.from({ length: 8 }, () => write(i++).catch(() => undefined));
    stop();
    await Promise.all(inFlight);
    expect((await serverRun).signal).toBe('SIGKILL');
    const store = new ReviewStore(dir);
    expect(store.integrity()).toBe('ok');
    const seqs = new Set(store.all().map((d) => d.seq));
    for (const s of acknowledged) expect(seqs.has(s)).toBe(true);
    store.close();
    // a restarted server serves them
    let url2 = '';
    const again = child(['serve', dir], (line, kill) => {
      url2 = line.trim().replace(/\/$/, '');
      stop = kill;
    });
    while (!url2) await new Promise((r) => setTimeout(r, 50));
    const list = (await (await fetch(`${url2}/api/review?parent=parent.txt&child=child.txt`)).json()) as { history: Array<{ seq: number }> };
    const served = new Set(list.history.map((d) => d.seq));
    for (const s of acknowledged) expect(served.has(s)).toBe(true);
    stop();
    await again;
  }, 60_000);
});
