/**
 * `npm run calibrate`: for each threshold of clause alignment, target matching and text reuse, the
 * scores of true and of false pairs on the labelled material — the seeds' hand-made answers in
 * ../shared/eval/gold and the labelled real pairs of test/compare/real-pairs.json over
 * ../shared/realcorpus — so that anyone can see the margin a threshold keeps on each side.
 *
 *   npm run calibrate [-- --shared ../shared]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALIGN_DEFAULTS, scoredCandidates, type ScoredCandidate } from '../compare/align.js';
import { bothMoney, TARGET_COMPARE_DEFAULTS, targetSimilarity } from '../compare/target-compare.js';
import { clauseNorms, REUSE_DEFAULTS, ReuseIndex } from '../corpus/reuse.js';
import { compareDocuments } from '../compare/compare.js';
import { parseDocument } from '../read/parse.js';
import { TIME_UNIT_RE } from '../patterns/targets.js';
import { SHORT_WORDS } from '../text/similarity.js';
import type { Clause, ParsedDocument, Target } from '../types.js';
import { labelledFiles, readLabels, scoreLabels } from './labelled.js';

/** Every clause of a tree, depth first. */
function allClauses(cs: readonly Clause[]): Clause[] {
  return cs.flatMap((c) => [c, ...allClauses(c.children)]);
}

/** The scorer's text form (../shared/eval/score.py): NFC, lower case, marks and tags removed, spaces folded. */
function goldNorm(s: string | null | undefined): string {
  return (s ?? '').normalize('NFC').replace(/<[^>]+>/g, ' ').replace(/[*#]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Candidate pairs of one document pair, each judged true, false or unknown by its labels. */
interface Judged {
  candidates: ScoredCandidate[];
  verdict: (c: ScoredCandidate) => boolean | null;
}

const docs = new Map<string, ParsedDocument>();
function parse(file: string): ParsedDocument {
  let d = docs.get(file);
  if (!d) docs.set(file, (d = parseDocument(readFileSync(file, 'utf8'), { file })));
  return d;
}

function align(a: ParsedDocument, b: ParsedDocument): ScoredCandidate[] {
  return scoredCandidates(a.clauses, b.clauses);
}

/** The seed pairs of ../shared/eval/gold/align.json: a candidate is true when it is a gold pair,
 * false when one of its clauses has another answer there. */
function seedPairs(shared: string): Judged[] {
  const file = join(shared, 'eval/gold/align.json');
  if (!existsSync(file)) return [];
  const gold = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Array<{ a: string | null; b: string | null }>>;
  const out: Judged[] = [];
  for (const [pair, rows] of Object.entries(gold)) {
    if (pair.startsWith('_')) continue;
    const [fa, fb] = pair.split('>').map((f) => join(shared, 'seeds', f));
    if (!fa || !fb || !existsSync(fa) || !existsSync(fb)) continue;
    const a = parse(fa);
    const b = parse(fb);
    const idOf = (doc: ParsedDocument, snippet: string | null): string | null => {
      if (!snippet) return null;
      const n = goldNorm(snippet);
      return allClauses(doc.clauses).find((c) => goldNorm(c.text).includes(n))?.id ?? null;
    };
    const truth = new Set<string>();
    const knownA = new Set<string>();
    const knownB = new Set<string>();
    for (const r of rows) {
      const ia = idOf(a, r.a);
      const ib = idOf(b, r.b);
      if (ia) knownA.add(ia);
      if (ib) knownB.add(ib);
      if (ia && ib) truth.add(`${ia}\u0000${ib}`);
    }
    out.push({
      candidates: align(a, b),
      verdict: (c) => (truth.has(`${c.a}\u0000${c.b}`) ? true : knownA.has(c.a) || knownB.has(c.b) ? false : null),
    });
  }
  return out;
}

/** The labelled real pairs: a candidate is true when labelled, false when one of its clauses is
 * labelled otherwise (paired elsewhere or unpaired), unknown outside the scope and for unsure clauses. */
function realPairs(shared: string, labelsFile: string): Judged[] {
  const dir = join(shared, 'realcorpus');
  const out: Judged[] = [];
  for (const pair of readLabels(labelsFile)) {
    const files = labelledFiles(dir, pair);
    if (!files) continue;
    const a = parse(files.a);
    const b = parse(files.b);
    const truth = new Set(pair.pairs.map(([x, y]) => `${x}\u0000${y}`));
    const unsure = new Set(pair.unsure);
    const inScope = (side: 'a' | 'b', id: string): boolean => !unsure.has(`${side}:${id}`) && (!pair.scope || pair.scope[side].includes(id));
    out.push({
      candidates: align(a, b),
      verdict: (c) => (truth.has(`${c.a}\u0000${c.b}`) ? true : inScope('a', c.a) || inScope('b', c.b) ? false : null),
    });
  }
  return out;
}

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
}

const f = (x: number): string => (Number.isNaN(x) ? '   - ' : x.toFixed(3));

/** One line: the threshold, then the true scores (lowest, 10th percentile, median) and the false
 * ones (median, 90th percentile, highest), and how many fall on the wrong side. */
function line(name: string, threshold: number, trues: readonly number[], falses: readonly number[], note = ''): string {
  const below = trues.filter((x) => x < threshold).length;
  const above = falses.filter((x) => x >= threshold).length;
  return [
    name.padEnd(34),
    f(threshold),
    `  true n=${String(trues.length).padStart(4)} min ${f(quantile(trues, 0))} p10 ${f(quantile(trues, 0.1))} p50 ${f(quantile(trues, 0.5))}`,
    `  false n=${String(falses.length).padStart(5)} p50 ${f(quantile(falses, 0.5))} p90 ${f(quantile(falses, 0.9))} max ${f(quantile(falses, 1))}`,
    `  true below ${below}, false at or above ${above}${note ? `  (${note})` : ''}`,
  ].join('');
}

function alignmentLines(judged: readonly Judged[]): string[] {
  const t: ScoredCandidate[] = [];
  const x: ScoredCandidate[] = [];
  for (const j of judged) for (const c of j.candidates) (j.verdict(c) === true ? t : j.verdict(c) === false ? x : []).push(c);
  const isShort = (c: ScoredCandidate): boolean => c.short;
  const fillings = (cs: readonly ScoredCandidate[]): number[] => cs.flatMap((c) => (c.filling === null ? [] : [c.filling]));
  return [
    line('align.textFloor (text)', ALIGN_DEFAULTS.textFloor, t.map((c) => c.text), x.map((c) => c.text), 'text alone; structure must add the rest'),
    line('align.threshold (text+structure)', ALIGN_DEFAULTS.threshold, t.map((c) => c.score), x.map((c) => c.score)),
    line('align.shortAlone (short text)', ALIGN_DEFAULTS.shortAlone, t.filter(isShort).map((c) => c.text), x.filter(isShort).map((c) => c.text), `both ≤ ${SHORT_WORDS} words, no structure`),
    line('align.template.fillingFloor', ALIGN_DEFAULTS.template.fillingFloor, fillings(t), fillings(x), 'template lines: words outside their frames'),
    line('align chosen pairs (score)', ALIGN_DEFAULTS.threshold, t.filter((c) => c.chosen).map((c) => c.score), x.filter((c) => c.chosen).map((c) => c.score), 'what the assignment kept'),
  ];
}

/** The place of a target among those of its clause ("PL.I.2#3" → 3). */
function ordinal(t: Target): string {
  return t.id.slice(t.id.lastIndexOf('#') + 1);
}

/** The seeds' target answers (../shared/eval/gold/targetdiff.json): true pairs of targets, and every
 * other pair of those targets as false. */
function targetLines(shared: string): string[] {
  const file = join(shared, 'eval/gold/targetdiff.json');
  const trues: number[] = [];
  const falses: number[] = [];
  const money = { trues: [] as number[], falses: [] as number[] };
  // durations are matched with the metric threshold; their own line shows how many true pairs back it
  const durations = { trues: [] as number[], falses: [] as number[] };
  const isDuration = (t: Target): boolean => TIME_UNIT_RE.test((t.unit ?? '').trim());
  const judge = (as: Target[], bs: Target[], isTrue: (x: Target, y: Target) => boolean | null): void => {
    const sim = targetSimilarity(as, bs);
    for (const x of as)
      for (const y of bs) {
        if (x.unit && y.unit && x.unit !== y.unit) continue;
        const v = isTrue(x, y);
        if (v === null) continue;
        const s = sim(x, y);
        const bucket = bothMoney(x, y) ? money : { trues, falses };
        (v ? bucket.trues : bucket.falses).push(s);
        if (isDuration(x) && isDuration(y)) (v ? durations.trues : durations.falses).push(s);
      }
  };
  if (existsSync(file)) {
    type Side = { key: string; value: number } | null;
    const gold = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Array<{ a: Side; b: Side }>>;
    const hits = (t: Target, w: Side): boolean => !!w && Math.abs(t.value - w.value) < 1e-9 && goldNorm(`${t.metric} ${t.text}`).includes(goldNorm(w.key));
    for (const [pair, rows] of Object.entries(gold)) {
      if (pair.startsWith('_')) continue;
      const [fa, fb] = pair.split('>').map((p) => join(shared, 'seeds', p));
      if (!fa || !fb || !existsSync(fa) || !existsSync(fb)) continue;
      const bs = parse(fb).targets;
      judge(parse(fa).targets, bs, (x, y) => {
        const row = rows.find((r) => hits(x, r.a) || hits(y, r.b));
        if (!row) return null;
        if (!hits(x, row.a) || !hits(y, row.b)) return false;
        // a short key may name several targets: then only the one at the same place counts
        return bs.filter((z) => hits(z, row.b)).length === 1 || ordinal(x) === ordinal(y) ? true : null;
      });
    }
  }
  // the labelled real pairs: targets of two clauses labelled as a pair are true, others false
  const dir = join(shared, 'realcorpus');
  for (const pair of readLabels(labelsPath)) {
    const files = labelledFiles(dir, pair);
    if (!files) continue;
    const truth = new Set(pair.pairs.map(([x, y]) => `${x}\u0000${y}`));
    const labelledA = new Set(pair.scope ? pair.scope.a : []);
    // clauses are labelled, not targets: of two paired clauses' targets, the k-th goes with the k-th
    judge(parse(files.a).targets, parse(files.b).targets, (x, y) =>
      truth.has(`${x.clauseId}\u0000${y.clauseId}`) ? (ordinal(x) === ordinal(y) ? true : null) : !pair.scope || labelledA.has(x.clauseId) ? false : null,
    );
  }
  return [
    line('targets.threshold (metric)', TARGET_COMPARE_DEFAULTS.threshold, trues, falses),
    line('  of which durations', TARGET_COMPARE_DEFAULTS.threshold, durations.trues, durations.falses, 'time limits: "không quá 05 ngày làm việc"'),
    line('targets.moneyThreshold', TARGET_COMPARE_DEFAULTS.moneyThreshold, money.trues, money.falses, 'sums of money, sentences too'),
  ];
}

/** Text reuse between whole documents: labelled related pairs (seed siblings and editions, the
 * labelled real pairs) against the same documents paired across topics. */
function reuseLines(shared: string): string[] {
  const files: string[] = [];
  const related: Array<[string, string]> = [];
  const seeds = join(shared, 'seeds');
  const seedFile = (prefix: string): string | null => {
    if (!existsSync(seeds)) return null;
    const hit = readdirSafe(seeds).find((x) => x.startsWith(prefix));
    return hit ? join(seeds, hit) : null;
  };
  for (const [x, y] of [['000', '003'], ['000', '004'], ['003', '004']] as const) {
    const fx = seedFile(x);
    const fy = seedFile(y);
    if (fx && fy) related.push([fx, fy]);
  }
  const dir = join(shared, 'realcorpus');
  for (const pair of readLabels(labelsPath)) {
    const fs = labelledFiles(dir, pair);
    if (fs) related.push([fs.a, fs.b]);
  }
  for (const [x, y] of related) for (const p of [x, y]) if (!files.includes(p)) files.push(p);
  if (files.length < 2) return [];
  const index = new ReuseIndex({ threshold: 0, minShared: 0, maxPartners: files.length, maxCandidates: files.length });
  for (const p of files) index.add(clauseNorms(parse(p).clauses));
  const score = new Map(index.pairs().map((r) => [`${r.a}\u0000${r.b}`, r.score]));
  const isRelated = new Set(related.map(([x, y]) => [files.indexOf(x), files.indexOf(y)].sort((m, n) => m - n).join('\u0000')));
  const trues: number[] = [];
  const falses: number[] = [];
  for (let i = 0; i < files.length; i++)
    for (let j = i + 1; j < files.length; j++) {
      const s = score.get(`${i}\u0000${j}`) ?? 0; // not a candidate of the LSH: next to nothing in common
      (isRelated.has(`${i}\u0000${j}`) ? trues : falses).push(s);
    }
  return [line('reuse.threshold (share)', REUSE_DEFAULTS.threshold, trues, falses, 'related documents vs the same documents across topics')];
}

/** Rows right on each labelled real pair (as test/compare/real-pairs.test.ts counts them), and in all. */
function rowLines(shared: string, labelsFile: string): string[] {
  const dir = join(shared, 'realcorpus');
  const out: string[] = [];
  let right = 0;
  let all = 0;
  const ids = (d: ParsedDocument): string[] => allClauses(d.clauses).filter((c) => (c.norm ?? '').trim().length > 0).map((c) => c.id);
  for (const pair of readLabels(labelsFile)) {
    const files = labelledFiles(dir, pair);
    if (!files) continue;
    const a = parse(files.a);
    const b = parse(files.b);
    const rows = scoreLabels(pair, compareDocuments(a, b, { relation: 'peer' }).alignments, ids(a), ids(b));
    const ok = rows.filter((r) => r.ok).length;
    right += ok;
    all += rows.length;
    const missed = rows.filter((r) => !r.ok).map((r) => r.row);
    out.push(`${`${pair.a} > ${pair.b}`.padEnd(42)} ${String(ok).padStart(4)}/${String(rows.length).padEnd(4)} ${f(ok / rows.length)}  ${pair.kind}${missed.length ? `  missed: ${missed.join(', ')}` : ''}`);
  }
  if (all > 0) out.push(`${'all labelled real pairs'.padEnd(42)} ${String(right).padStart(4)}/${String(all).padEnd(4)} ${f(right / all)}`);
  return out;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}


const args = process.argv.slice(2);
const at = args.indexOf('--shared');
const sharedDir = resolve(at >= 0 && args[at + 1] ? args[at + 1]! : '../shared');
const labelsPath = resolve('test/compare/real-pairs.json');

if (!existsSync(sharedDir)) {
  process.stderr.write(`calibrate: ${sharedDir}: no such folder (the labelled material lives in ../shared; pass --shared DIR)\n`);
  process.exit(2);
}
const judged = [...seedPairs(sharedDir), ...realPairs(sharedDir, labelsPath)];
const out = [
  `Labelled material: ${judged.length} document pairs for alignment (seed gold and ${readLabels(labelsPath).length} labelled real pairs), ${sharedDir}`,
  '',
  ...alignmentLines(judged),
  ...targetLines(sharedDir),
  ...reuseLines(sharedDir),
  '',
  'Rows right on the labelled real pairs (alignment as compared, peers):',
  ...rowLines(sharedDir, labelsPath),
];
process.stdout.write(out.join('\n') + '\n');
