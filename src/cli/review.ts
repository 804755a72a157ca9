/**
 * `plandiff review list|set|export CHILD --parent P`: the review decisions on a pair of plans,
 * kept in the plans' folder (`.plandiff/review.sqlite`, see src/node/review-store.ts), the same
 * store `plandiff serve` writes from the web view.
 *
 *   plandiff review list CHILD --parent P            every item with its decision, if any
 *   plandiff review set ID CHILD --parent P --status explained --reason "…" [--note "…"]
 *   plandiff review export CHILD --parent P [--format json|csv] [-o FILE]
 */
import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { reviewPair, type ReviewPair } from '../compare/review-pair.js';
import { toCsv } from '../compare/target-compare.js';
import { readPlanFile, UserError } from '../node/files.js';
import { REVIEW_STATUSES, ReviewStore, storeFolderFor, type DecisionState, type ReviewStatus } from '../node/review-store.js';
import { parseDocument } from '../read/parse.js';
import { clip } from '../text/clip.js';
import type { ParsedDocument } from '../types.js';
import type { CliIo } from './io.js';

interface PairOptions {
  parent: string;
  /** The plans' folder holding `.plandiff/` (default: found above the plans). */
  dir?: string;
  json?: boolean;
}

async function load(path: string): Promise<ParsedDocument> {
  const file = await readPlanFile(path);
  return parseDocument(file.text, { file: path, encoding: file.encoding });
}

/** The ordered pair, its store, and the pair's paths inside the store's folder. */
async function open(io: CliIo, child: string, opts: PairOptions): Promise<{ pair: ReviewPair; store: ReviewStore; parentRel: string; childRel: string }> {
  const pair = reviewPair(await load(child), await load(opts.parent));
  const store = new ReviewStore(opts.dir ?? storeFolderFor(child, opts.parent));
  const parentRel = store.relativePlan(pair.parent.file!);
  const childRel = store.relativePlan(pair.child.file!);
  if (pair.report.orientation.swapped) io.stderr.write(`plandiff: review: ${pair.parent.file} is the parent (${pair.report.orientation.reason}); reviewing parent → child\n`);
  return { pair, store, parentRel, childRel };
}

/** One row per item: the item and its current decision. */
export function reviewRows(pair: ReviewPair, decisions: readonly DecisionState[]): Array<Record<string, string | number | boolean | null>> {
  const byItem = new Map(decisions.map((d) => [d.item, d]));
  const rows = pair.items.map((i) => {
    const d = byItem.get(i.id);
    return {
      id: i.id,
      kind: i.kind,
      label: i.label,
      text: i.text,
      status: d?.status ?? null,
      reason: d?.reason ?? null,
      note: d?.note ?? null,
      earlierVersion: d?.earlierVersion ?? false,
      decidedText: d && d.earlierVersion ? d.itemText : null,
      at: d?.at ?? null,
    };
  });
  // decisions on items the current plans no longer have: kept, shown with the text decided on
  for (const d of decisions) {
    if (pair.items.some((i) => i.id === d.item)) continue;
    rows.push({ id: d.item, kind: d.kind, label: '(no longer in the plans)', text: d.itemText, status: d.status, reason: d.reason, note: d.note, earlierVersion: true, decidedText: d.itemText, at: d.at });
  }
  return rows;
}

async function list(io: CliIo, child: string, opts: PairOptions & { all?: boolean }): Promise<void> {
  const { pair, store, parentRel, childRel } = await open(io, child, opts);
  try {
    const rows = reviewRows(pair, store.current(parentRel, childRel, pair.items));
    if (opts.json) {
      io.stdout.write(`${JSON.stringify({ parent: parentRel, child: childRel, store: store.folder, items: rows }, null, 2)}\n`);
      return;
    }
    const shown = opts.all ? rows : rows.filter((r) => r.kind !== 'clause' || r.status !== null);
    for (const r of shown) {
      const mark = r.status ? `${r.status}${r.earlierVersion ? ' (made on an earlier version)' : ''}` : 'open';
      io.stdout.write(`${String(r.id).padEnd(14)} ${String(r.kind).padEnd(8)} ${mark.padEnd(12)} ${clip(String(r.text), 100)}\n`);
      if (r.reason) io.stdout.write(`${' '.repeat(24)}reason: ${r.reason}\n`);
      if (r.note) io.stdout.write(`${' '.repeat(24)}note: ${r.note}\n`);
      if (r.decidedText && r.decidedText !== r.text) io.stdout.write(`${' '.repeat(24)}decided on: ${clip(String(r.decidedText), 100)}\n`);
    }
    if (!opts.all) io.stderr.write(`plandiff: ${rows.length - shown.length} undecided clause alignment(s) not shown (--all lists them)\n`);
  } finally {
    store.close();
  }
}

async function set(io: CliIo, id: string, child: string, opts: PairOptions & { status: string; reason?: string; note?: string }): Promise<void> {
  if (!REVIEW_STATUSES.includes(opts.status as ReviewStatus)) throw new UserError(`--status ${opts.status}: expected one of ${REVIEW_STATUSES.join(', ')}`);
  const { pair, store, parentRel, childRel } = await open(io, child, opts);
  try {
    const matches = pair.items.filter((i) => i.id === id || i.id.startsWith(id));
    const item = matches.find((i) => i.id === id) ?? (matches.length === 1 ? matches[0] : undefined);
    if (!item) throw new UserError(matches.length > 1 ? `${id}: matches ${matches.length} items; give more of the id` : `${id}: no such item in this pair (plandiff review list shows the ids)`);
    const d = store.decide({
      parent: parentRel,
      child: childRel,
      item: item.id,
      kind: item.kind,
      status: opts.status as ReviewStatus,
      reason: opts.reason ?? null,
      note: opts.note ?? null,
      itemText: item.text,
      author: process.env.USER ?? null,
    });
    if (opts.json) io.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
    else io.stdout.write(`${d.item} ${d.status}${d.reason ? `: ${d.reason}` : ''}\n`);
  } finally {
    store.close();
  }
}

async function exportDecisions(io: CliIo, child: string, opts: PairOptions & { format?: string; output?: string }): Promise<void> {
  const { pair, store, parentRel, childRel } = await open(io, child, opts);
  let text: string;
  try {
    const current = store.current(parentRel, childRel, pair.items);
    if (opts.format === 'csv') {
      const header = ['id', 'kind', 'label', 'status', 'reason', 'note', 'earlier version', 'item', 'decided on', 'at'];
      const rows = reviewRows(pair, current)
        .filter((r) => r.status !== null)
        .map((r) => [r.id, r.kind, r.label, r.status, r.reason, r.note, r.earlierVersion ? 'yes' : 'no', r.text, r.decidedText, r.at].map((v) => (v === null ? '' : String(v))));
      text = toCsv([header, ...rows]);
    } else {
      text = `${JSON.stringify({ parent: parentRel, child: childRel, decisions: current, history: store.history(parentRel, childRel) }, null, 2)}\n`;
    }
  } finally {
    store.close();
  }
  if (opts.output) {
    await writeFile(opts.output, text).catch((e: NodeJS.ErrnoException) => {
      throw new UserError(`${opts.output}: cannot write (${e.code ?? 'error'})`);
    });
    io.stderr.write(`plandiff: wrote ${opts.output}\n`);
  } else io.stdout.write(text);
}

/** The `review` command and its subcommands, writing to `io`. */
export function reviewCommand(io: CliIo): Command {
  const review = new Command('review').description('review decisions on a pair of plans: confirmed / explained / false alarm, with notes');
  const pairOptions = (c: Command): Command =>
    c.requiredOption('--parent <file>', 'the parent plan').option('--dir <folder>', "the plans' folder holding .plandiff/review.sqlite (default: found above the plans)");
  pairOptions(review.command('list').description('every finding and target change (and decided clause) with its decision').argument('<child>', 'child plan'))
    .option('--all', 'also list undecided clause alignments')
    .option('--json', 'print JSON on stdout')
    .action((child: string, opts: PairOptions) => list(io, child, opts));
  pairOptions(review.command('set').description('record a decision on one item').argument('<id>', 'review id (or an unambiguous start of it)').argument('<child>', 'child plan'))
    .addOption(new Option('--status <status>', 'the decision').choices([...REVIEW_STATUSES]).makeOptionMandatory())
    .option('--reason <text>', 'why (required for explained)')
    .option('--note <text>', 'a note')
    .option('--json', 'print the stored decision as JSON')
    .action((id: string, child: string, opts: PairOptions & { status: string }) => set(io, id, child, opts));
  pairOptions(review.command('export').description('the decisions of a pair, with their history').argument('<child>', 'child plan'))
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .option('-o, --output <file>', 'write to a file')
    .action((child: string, opts: PairOptions) => exportDecisions(io, child, opts));
  return review;
}
