/**
 * Browser tests' setup: Debian's chromium driven by playwright-core (never a downloaded browser),
 * with the no-network flags of ../shared/ECOSYSTEM.md and a fresh profile; the web view built
 * with Vite's JS API into a temporary folder; the real server on an ephemeral loopback port.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/node/server.js';

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags: headless, no sandbox (CI runs as root), no GPU, and nothing that reaches the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Throws a clear error when chromium is missing: the browser suite must fail, not pass silently. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: the browser tests need Debian's chromium package ` +
        '(apt-get install -y chromium; .ci/run installs it). Refusing to skip them.',
    );
  }
}

/** Builds the web view into a fresh temporary folder; returns the folder. */
export async function buildWeb(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'plandiff-web-'));
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: join(ROOT, 'web'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** A browser with a fresh profile, and the server, torn down together. */
export interface Harness {
  context: BrowserContext;
  server: RunningServer;
  webRoot: string;
  close(): Promise<void>;
}

/** Starts everything for one test file: build, server on `dir`, chromium. */
export async function startHarness(dir: string): Promise<Harness> {
  requireChromium();
  const webRoot = await buildWeb();
  const server = await startServer({ dir, webRoot, port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'plandiff-chromium-'));
  // A persistent context on a fresh folder: Playwright's way of passing --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'vi-VN',
    acceptDownloads: true,
  });
  return {
    context,
    server,
    webRoot,
    async close() {
      await context.close().catch(() => {});
      await server.close();
      rmSync(webRoot, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
