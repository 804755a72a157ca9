/**
 * The app under its Content-Security-Policy in chromium: the built app, served by the real server
 * on the bundled corpus, loads, reads every plan in its worker, draws the graph and the diff, and
 * the browser reports no violation of the policy (scripts, worker, styles, images all allowed by it).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listPlanFiles } from '../../src/node/files.js';
import { formatRoute } from '../../src/view/route.js';
import { corpusPath, SEEDS } from '../corpus.js';
import { startHarness, type Harness } from './browser.js';

const CORPUS = corpusPath('');

describe('the web view under its Content-Security-Policy (chromium)', () => {
  let h: Harness;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    h = await startHarness(CORPUS);
    page = await h.context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    // The page's own report of every blocked load or inline use, collected before the app starts.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(h.server.url);
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  test('the app page is served with the policy', async () => {
    const res = await page.request.get(h.server.url);
    expect(res.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
  });

  test('loads every plan, draws the lineage graph and a diff, with no violation reported', async () => {
    const plans = (await listPlanFiles(CORPUS)).length;
    await expect.poll(() => page.getByTestId('corpus-row').count(), { timeout: 20_000 }).toBe(plans);
    await page.getByTestId('tab-lineage').click();
    await expect.poll(() => page.getByTestId('graph-stats').getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    await page.goto(`${h.server.url}${formatRoute({ view: 'diff', a: SEEDS.sct2024, b: SEEDS.gddt2024 })}`);
    await expect.poll(() => page.getByTestId('diff-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const reported = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect([...reported, ...violations]).toEqual([]);
  });
});
