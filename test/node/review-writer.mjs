/**
 * A child process for the review tests, plain JavaScript run by Node (review-store.test.ts gives it
 * the modules to load: the built ones, or the sources through tsx; see test/binary.ts childImports).
 * `STORE SERVER write DIR N TAG`: records N decisions on the pair (parent.txt, child.txt) of DIR,
 * printing "ok SEQ" after each commit. `STORE SERVER serve DIR`: starts the web view server on DIR
 * and prints its URL. STORE and SERVER are the URLs of node/review-store.js and node/server.js.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [storeModule, serverModule, mode, dir, count, tag] = process.argv.slice(2);
if (mode === 'write') {
  const { ReviewStore } = await import(storeModule);
  const store = new ReviewStore(dir);
  for (let i = 0; i < Number(count); i++) {
    const d = store.decide({ parent: 'parent.txt', child: 'child.txt', item: `f-${tag}${String(i).padStart(9, '0')}`.slice(0, 12), kind: 'finding', status: 'confirmed', note: `${tag} ${i}`, itemText: `item ${i}` });
    process.stdout.write(`ok ${d.seq}\n`);
  }
  store.close();
} else if (mode === 'serve') {
  const webRoot = mkdtempSync(join(tmpdir(), 'plandiff-webroot-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>plandiff</title>');
  // loaded only here: a writer needs the store alone
  const { startServer } = await import(serverModule);
  const running = await startServer({ dir, webRoot, port: 0 });
  process.stdout.write(`${running.url}\n`);
}
