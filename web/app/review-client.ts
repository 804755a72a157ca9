/**
 * The page's side of the review API of `plandiff serve` (src/node/review-api.ts): the CSRF token,
 * the decisions of a pair, and writing one. Only plans of the served folder can be reviewed; an
 * upload, or the page opened without the server, has no store (`available` is false).
 */
import type { DecisionView } from '../../src/report/review-decisions.js';
import type { ReviewItemKind } from '../../src/compare/review-items.js';
import type { ReviewEventDetail } from '../components/review-mark/review-mark.js';

/** A decision as the API returns it. */
export interface StoredDecision extends DecisionView {
  seq: number;
  item: string;
  kind: ReviewItemKind;
  at: string;
}

/** A decision to write: what the review control sends up, on the pair it is about. */
export interface DecisionDraft extends ReviewEventDetail {
  parent: string;
  child: string;
}

let token: Promise<string | null> | null = null;

async function csrfToken(): Promise<string | null> {
  token ??= fetch('/api/review/token', { credentials: 'same-origin' })
    .then(async (r) => (r.ok ? ((await r.json()) as { token: string }).token : null))
    .catch(() => null);
  return token;
}

/** True for a pair of plans of the served folder (not uploads). */
export function reviewable(parent: string | null, child: string | null): boolean {
  return !!parent && !!child && !parent.startsWith('upload:') && !child.startsWith('upload:');
}

/** The current decisions of a pair by item id; null when the server keeps no decisions. */
export async function loadDecisions(parent: string, child: string): Promise<Map<string, StoredDecision> | null> {
  if ((await csrfToken()) === null) return null;
  const res = await fetch(`/api/review?parent=${encodeURIComponent(parent)}&child=${encodeURIComponent(child)}`, { credentials: 'same-origin' });
  if (!res.ok) return null;
  const body = (await res.json()) as { decisions: StoredDecision[] };
  return new Map(body.decisions.map((d) => [d.item, d]));
}

/** Writes a decision; resolves with the stored one, or rejects with the server's message. */
export async function saveDecision(draft: DecisionDraft): Promise<StoredDecision> {
  const t = await csrfToken();
  if (t === null) throw new Error('review decisions are kept only when the page is served by plandiff serve');
  const res = await fetch('/api/review', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-plandiff-token': t },
    body: JSON.stringify(draft),
  });
  const body = (await res.json()) as StoredDecision & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return { ...body, earlierVersion: false };
}
