/**
 * What a reviewer decides about: every finding of a fidelity report, every target change and every
 * clause alignment of a comparison, each with a stable id. An id is derived from content (the
 * folded text of the item's parent side, or of its child side when the parent has nothing) and
 * position (the rank among items of the same content), so it is the same across runs and across
 * edits elsewhere in either plan; an edit of the item itself keeps the id as long as its parent side
 * is unchanged (a child that changes a target's value keeps the target's id, and the old decision
 * shows as made on an earlier version).
 *
 *   f-1x9k3m0a2b   a finding          t-…  a target change          c-…  a clause alignment
 */
import { digest } from '../text/digest.js';
import { makeFolder } from '../text/fold.js';
import { GLOSSARY } from '../text/abbreviations.js';
import type { Alignment, Comparison, Target, TargetChange } from '../types.js';
import type { Finding } from './fidelity.js';

/** What kind of thing a review item is. */
export type ReviewItemKind = 'finding' | 'target' | 'clause';

/** One thing a reviewer can decide about. */
export interface ReviewItem {
  /** Stable id: "f-…", "t-…" or "c-…" and 10 base-36 characters, then ".2", ".3" … for a repeat. */
  id: string;
  kind: ReviewItemKind;
  /** A short heading: the finding kind, the target's metric, the clause ids "II.1.b → II.1.c". */
  label: string;
  /** The item as a reviewer saw it (kept with a decision, shown when the plan has changed since). */
  text: string;
}

const fold = makeFolder(GLOSSARY);

/** Ids for `keys` (content keys in reading order): prefix + digest, ".n" for the n-th repeat. */
export function stableIds(prefix: string, keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const base = `${prefix}-${digest(key)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}.${n}`;
  });
}

/** A finding's content: its kind, its facts (not the clause ids, which are positions) and the
 * folded text of its evidence. */
function findingKey(f: Pick<Finding, 'kind' | 'evidence' | 'detail'>): string {
  const facts = Object.entries(f.detail)
    .filter(([k]) => k !== 'id')
    .map(([k, v]) => `${k}=${typeof v === 'string' ? fold(v) : String(v)}`);
  return [f.kind, ...facts, ...f.evidence.map((e) => `${e.side}:${fold(e.text)}`)].join('|');
}

/** Stable ids of a report's findings, in their order. */
export function findingIds(findings: ReadonlyArray<Pick<Finding, 'kind' | 'evidence' | 'detail'>>): string[] {
  return stableIds('f', findings.map(findingKey));
}

function targetKey(t: Target, side: 'a' | 'b'): string {
  return `${side}:${fold(t.metric)}|${t.unit ?? ''}`;
}

/** Stable ids of target changes: by the parent's (A's) target, else the child's (B's). */
export function targetChangeIds(changes: readonly TargetChange[]): string[] {
  return stableIds('t', changes.map((c) => (c.a ? targetKey(c.a, 'a') : c.b ? targetKey(c.b, 'b') : '')));
}

/** Stable ids of clause alignments: by A's clause text, else B's. */
export function alignmentIds(alignments: readonly Alignment[]): string[] {
  return stableIds('c', alignments.map((al) => (al.a ? `a:${fold(al.a.text)}` : al.b ? `b:${fold(al.b.text)}` : '')));
}

function valueOf(t: Target | null): string {
  if (!t) return '—';
  const sign = { '>=': '≥ ', '>': '> ', '=': '', '<=': '≤ ', '<': '< ' }[t.comparator] ?? '';
  return `${sign}${t.value}${t.unit ?? ''}`;
}

/** The review items of a pair: the report's findings (when given), the comparison's target changes
 * and clause alignments (A = parent or older, B = child or newer). */
export function reviewItems(comparison: Pick<Comparison, 'alignments' | 'targets'>, findings: readonly Finding[] = []): ReviewItem[] {
  const fIds = findingIds(findings);
  const tIds = targetChangeIds(comparison.targets);
  const cIds = alignmentIds(comparison.alignments);
  return [
    ...findings.map((f, i) => ({ id: fIds[i]!, kind: 'finding' as const, label: f.kind, text: f.message })),
    ...comparison.targets.map((t, i) => ({
      id: tIds[i]!,
      kind: 'target' as const,
      label: (t.a ?? t.b)?.metric ?? '',
      text: `${t.status}${t.verdict ? ` (${t.verdict})` : ''}: ${valueOf(t.a)} → ${valueOf(t.b)}${t.summary ? ` — ${t.summary}` : ''}`,
    })),
    ...comparison.alignments.map((al, i) => ({
      id: cIds[i]!,
      kind: 'clause' as const,
      label: `${al.a?.id ?? '—'} → ${al.b?.id ?? '—'}`,
      text: `${al.status}: ${al.a?.text ?? '—'} ⇒ ${al.b?.text ?? '—'}`,
    })),
  ];
}
