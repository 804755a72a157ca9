/**
 * The review decisions behind `plandiff serve` (src/node/review-store.ts does the storing):
 *
 *   GET  /api/review/token                  → { token }         (readable by the page's own origin only)
 *   GET  /api/review?parent=P&child=C       → { decisions, history }
 *   POST /api/review   { parent, child, item, kind, status, reason?, note?, itemText }  → the decision
 *
 * A write must come from the page itself: a loopback Host (no DNS rebinding), an Origin equal to
 * it, no cross-site Sec-Fetch-Site, a JSON body (so a cross-origin form cannot send it without a
 * preflight the server never answers), and the per-server CSRF token in `x-plandiff-token`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UserError } from './files.js';
import { readBody, sendJson } from './http-send.js';
import { checkDecision, ReviewStore, type DecisionInput } from './review-store.js';

/** The header carrying the CSRF token. */
export const TOKEN_HEADER = 'x-plandiff-token';

/** Largest request body accepted (bytes). */
const MAX_BODY = 256 * 1024;

const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

async function readText(req: IncomingMessage): Promise<string> {
  const body = await readBody(req, MAX_BODY);
  if (!body) throw new UserError(`request body larger than ${MAX_BODY} bytes`);
  return body.toString('utf8');
}

/** Options of the review API. */
export interface ReviewApiOptions {
  /** The served folder. */
  dir: string;
  /** Checks a plan path from a request (server.ts's safePlanPath): the clean path, or null. */
  safePath: (requested: string | null) => string | null;
  /** The CSRF token (random per server unless given, for tests). */
  token?: string;
}

/** A handler for /api/review*; resolves true when it answered the request. */
export type ReviewApi = ((req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>) & { token: string; close(): void };

/** Why a write is refused (another host, origin or site, a wrong token, not JSON); null when it is accepted. */
function refusal(req: IncomingMessage, token: string): string | null {
  const host = req.headers.host ?? '';
  if (!LOOPBACK_HOST.test(host)) return `refused host "${host}"`;
  const origin = req.headers.origin;
  if (!origin || origin !== `http://${host}`) return 'refused: not from this page (Origin)';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return 'refused: cross-site request';
  const given = String(req.headers[TOKEN_HEADER] ?? '');
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return 'refused: missing or wrong token';
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return 'refused: expected a JSON body';
  return null;
}

/** The pair a request names, as safe plan paths, or why it is refused. */
function pairOf(safePath: ReviewApiOptions['safePath'], parent: unknown, child: unknown): { parent: string; child: string } | string {
  const p = safePath(typeof parent === 'string' ? parent : null);
  const c = safePath(typeof child === 'string' ? child : null);
  if (!p || !c) return `refused plan path "${!p ? String(parent) : String(child)}"`;
  return { parent: p, child: c };
}

/** A posted decision, from the page (author "web"); checkDecision says what is wrong with it. */
function decisionInput(pair: { parent: string; child: string }, body: Record<string, unknown>): DecisionInput {
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return {
    ...pair,
    item: str(body.item) ?? '',
    kind: str(body.kind) as DecisionInput['kind'],
    status: str(body.status) as DecisionInput['status'],
    reason: str(body.reason),
    note: str(body.note),
    itemText: str(body.itemText) ?? '',
    author: 'web',
  };
}

/** POST /api/review: a decision checked, then stored; answers the stored decision. */
async function postDecision(req: IncomingMessage, res: ServerResponse, token: string, safePath: ReviewApiOptions['safePath'], db: () => ReviewStore): Promise<void> {
  const refused = refusal(req, token);
  if (refused) return sendJson(res, 403, { error: refused });
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(await readText(req)) as Record<string, unknown>;
  } catch (e) {
    return sendJson(res, 400, { error: e instanceof UserError ? e.message : 'expected a JSON object' });
  }
  const pair = pairOf(safePath, body.parent, body.child);
  if (typeof pair === 'string') return sendJson(res, 400, { error: pair });
  const input = decisionInput(pair, body);
  try {
    checkDecision(input);
  } catch (e) {
    return sendJson(res, 400, { error: (e as Error).message });
  }
  try {
    sendJson(res, 200, db().decide(input));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return sendJson(res, 404, { error: 'no such plan file' });
    throw e;
  }
}

/** Makes the review API of a served folder. The store is opened on first use. */
export function makeReviewApi(options: ReviewApiOptions): ReviewApi {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let store: ReviewStore | null = null;
  const db = (): ReviewStore => (store ??= new ReviewStore(options.dir));

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/api/review' && url.pathname !== '/api/review/token') return false;
    const method = req.method ?? 'GET';
    try {
      if (url.pathname === '/api/review/token') {
        if (method !== 'GET') return (sendJson(res, 405, { error: 'method not allowed' }), true);
        if (!LOOPBACK_HOST.test(req.headers.host ?? '')) return (sendJson(res, 403, { error: 'refused host' }), true);
        sendJson(res, 200, { token });
        return true;
      }
      if (method === 'GET') {
        if (!LOOPBACK_HOST.test(req.headers.host ?? '')) return (sendJson(res, 403, { error: 'refused host' }), true); // DNS rebinding
        const pair = pairOf(options.safePath, url.searchParams.get('parent'), url.searchParams.get('child'));
        if (typeof pair === 'string') return (sendJson(res, 400, { error: pair }), true);
        sendJson(res, 200, { decisions: db().current(pair.parent, pair.child), history: db().history(pair.parent, pair.child) });
        return true;
      }
      if (method !== 'POST') return (sendJson(res, 405, { error: 'method not allowed' }), true);
      await postDecision(req, res, token, options.safePath, db);
      return true;
    } catch (e) {
      sendJson(res, e instanceof UserError ? 400 : 500, { error: e instanceof Error ? e.message.split('\n')[0] : String(e) });
      return true;
    }
  };
  return Object.assign(api, {
    token,
    close: () => {
      store?.close();
      store = null;
    },
  });
}
