/**
 * A child process for the review tests. `write DIR N TAG`: records N decisions on the pair
 * (parent.txt, child.txt) of DIR, printing "ok SEQ" after each commit. `serve DIR`: starts the web
 * view server on DIR and prints its URL.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReviewStore } from '../../src/node/review-store.js';

const [mode, dir, count, tag] = process.argv.slice(2);
if (mode === 'write') {
  const store = new ReviewStore(dir!);
  for (let i = 0; i < Number(count); i++) {
    const d = store.decide({ parent: 'parent.txt', child: 'child.txt', item: `f-${tag}${String(i).padStart(9, '0')}`.slice(0, 12), kind: 'finding', status: 'confirmed', note: `${tag} ${i}`, itemText: `item ${i}` });
    process.stdout.write(`ok ${d.seq}\n`);
  }
  store.close();
} else if (mode === 'serve') {
  const webRoot = mkdtempSync(join(tmpdir(), 'plandiff-webroot-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>plandiff</title>');
  // loaded only here: a writer needs the store alone
  const { startServer } = await import('../../src/node/server.js');
  const running = await startServer({ dir: dir!, webRoot, port: 0 });
  process.stdout.write(`${running.url}\n`);
}
