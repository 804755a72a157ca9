/**
 * Browser tests' setup: Debian's chromium driven by playwright-core (never a downloaded browser),
 * with the no-network flags of ../shared/ECOSYSTEM.md, one browser for a test worker and a fresh
 * context (its own storage, as a new profile has) for each harness; the web view built with
 * Vite's JS API into a temporary folder; the real server on an ephemeral loopback port.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../src/node/server.js';
import { withLock } from '../lock.js';
import { SOURCE_STAMP, webSourceHash } from '../../vite.config.js';
import { keptTmp } from '../tmp.js';

/** Where Debian's chromium package puts the browser. */
const FULL_CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's chromium-headless-shell package: Chromium's own headless build (the same Blink and V8,
 * without the browser's windowing layers; what Playwright itself runs headless). On this suite it
 * takes 63 s of CPU where the full browser takes 85 s (the twelve browser files, one run each,
 * 2-core machine, 4 December 2026), so it is used when installed (.ci/run installs it);
 * PLANDIFF_TEST_CHROMIUM names another browser (e.g. /usr/bin/chromium) for a run.
 */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

/** The browser the tests drive: PLANDIFF_TEST_CHROMIUM, else the headless shell when installed, else the full browser. */
export const CHROMIUM = process.env.PLANDIFF_TEST_CHROMIUM ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM);

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
        '(apt-get install -y chromium chromium-headless-shell; .ci/run installs them). Refusing to skip them.',
    );
  }
}

/**
 * Builds the web view once per state of its sources. The package's own build (web-dist/, made by
 * `npm install`'s prepare step or `npm start`) is used as it is when its stamp names the same
 * sources (vite.config.ts SOURCE_STAMP); else it is built into `<tmpdir>/plandiff-web-<hash>`, reused
 * by every browser test file (and later runs) until a source changes. The test workers build it
 * one at a time (test/lock.ts), so two workers starting their first browser file together build it
 * once; a build goes into a fresh folder renamed into place, so nobody sees half a build.
 */
export function buildWeb(): Promise<string> {
  return (webBuild ??= buildWebOnce());
}

let webBuild: Promise<string> | null = null;

async function buildWebOnce(): Promise<string> {
  const hash = webSourceHash();
  const packaged = join(ROOT, 'web-dist');
  const stamp = join(packaged, SOURCE_STAMP);
  if (existsSync(join(packaged, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) return packaged;
  const target = keptTmp(`plandiff-web-${hash}`);
  const done = (): string | null => (existsSync(join(target, 'index.html')) ? target : null);
  return done() ?? withLock(`${target}.lock`, done, async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'plandiff-web-build-'));
    const { build } = await import('vite');
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      root: join(ROOT, 'web'),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
    try {
      renameSync(outDir, target);
    } catch {
      rmSync(outDir, { recursive: true, force: true }); // a run without the lock built it first
    }
    return target;
  });
}

/** A fresh browser context on the shared chromium, and the server, torn down together. */
export interface Harness {
  context: BrowserContext;
  server: RunningServer;
  webRoot: string;
  close(): Promise<void>;
}

/**
 * The chromium that the harnesses open their contexts on: launched by the first harness of a
 * worker and kept for its later test files (Vitest keeps a worker's modules from one file to the
 * next: isolate false), one launch a worker instead of one a file (2 s of CPU less over the
 * browser files); launched again if it crashed. Playwright closes it when the worker exits.
 */
let shared: Promise<Browser> | null = null;

/** The shared chromium, launched if none runs, its launch failed or it crashed. */
async function sharedBrowser(): Promise<Browser> {
  if (shared && !(await shared.catch(() => null))?.isConnected()) shared = null;
  return (shared ??= chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true }));
}

/**
 * For a test file with several harnesses one after the other (several describe blocks): launches
 * the chromium before the file's first test, and fails the file early when chromium is missing.
 * Call it at the top level of the file.
 */
export function shareBrowser(): void {
  beforeAll(async () => {
    requireChromium();
    await sharedBrowser();
  }, 60_000);
}

/** Starts everything for one harness: build (cached), server on `dir`, a fresh context of chromium. */
export async function startHarness(dir: string, options: { viewport?: { width: number; height: number } } = {}): Promise<Harness> {
  requireChromium();
  const webRoot = await buildWeb();
  const server = await startServer({ dir, webRoot, port: 0 });
  const browser = await sharedBrowser();
  // A new context shares nothing with the others (cookies, storage, IndexedDB, cache): a fresh profile's worth.
  const context = await browser
    .newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      locale: 'vi-VN',
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    .catch(async (e: unknown) => {
      await server.close();
      throw e;
    });
  return {
    context,
    server,
    webRoot,
    async close() {
      await context.close().catch(() => {});
      await server.close();
    },
  };
}

/** One accessibility violation axe-core reports, reduced to what a failing test should print. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Selectors of the first few offending nodes (shadow paths joined by " >> "). */
  targets: string[];
}

/**
 * Runs axe-core (the devDependency, injected from node_modules: nothing fetched) on the page as it
 * stands, open shadow roots included, and returns the serious and critical violations. `within`
 * narrows it to some elements, each a path of selectors through shadow roots (['pd-app',
 * 'pd-diff-view', '.row']): for a state that changes a part of a view whose whole is checked by
 * another test.
 */
export async function seriousViolations(page: Page, within?: string[][]): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol rather than added as a <script>: the app's
  // Content-Security-Policy (script-src 'self') rightly refuses an injected inline script.
  if (!loaded) await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (paths) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(paths ? { include: paths.map((fromShadowDom) => ({ fromShadowDom })) } : document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.map((x) => (Array.isArray(x) ? x.join(' >> ') : String(x))).join(' >> ')) }));
  }, within ?? null);
}

/** Picks a plan in the pair picker's combobox of one side: opens its list and clicks the plan's option. */
export async function pickPlan(page: Page, side: 'a' | 'b', file: string): Promise<void> {
  await page.getByTestId(`pick-${side}`).click();
  await page.getByTestId(`pick-${side}-options`).locator(`li[data-file="${file}"]`).click();
}

/** The element inside the app's (or the page's) diff view, by selector. */
export async function inDiff<T>(page: Page, fn: (root: ShadowRoot) => T): Promise<T> {
  return page.evaluate(`(() => {
    const view = document.querySelector('pd-diff-view') ?? document.querySelector('pd-app')?.shadowRoot?.querySelector('pd-diff-view');
    return (${fn.toString()})(view.shadowRoot);
  })()`) as Promise<T>;
}

/** Whether the row at alignment `index` is drawn and lies inside the pane's visible box. */
export function rowInView(page: Page, index: number): Promise<boolean> {
  return page.evaluate((i) => {
    const view = document.querySelector('pd-diff-view') ?? document.querySelector('pd-app')?.shadowRoot?.querySelector('pd-diff-view');
    const root = view!.shadowRoot!;
    const row = root.querySelector(`[data-testid="diff-row"][data-index="${i}"]`);
    const pane = root.querySelector('[data-testid="diff-pane"]');
    if (!row || !pane) return false;
    const r = row.getBoundingClientRect();
    const p = pane.getBoundingClientRect();
    return r.bottom > p.top && r.top < p.bottom;
  }, index);
}
