/** A workspace holding the bundled corpus, read from its bytes as the browser reads them. */
import { readFileSync } from 'node:fs';
import { corpusPath, SEEDS } from '../corpus.js';
import { Workspace } from '../../src/view/workspace.js';

let shared: Promise<Workspace> | null = null;

/** The five seed plans in one workspace (built once per test file). */
export function corpusWorkspace(): Promise<Workspace> {
  shared ??= (async () => {
    const ws = new Workspace();
    for (const file of Object.values(SEEDS)) await ws.add({ file, source: 'corpus', bytes: readFileSync(corpusPath(file)) });
    return ws;
  })();
  return shared;
}
