/**
 * The actions behind each CLI command. They read through src/node/, call the core, and print.
 *
 * Start-up: what every command needs is imported here; the parser, the comparison and each
 * output format are imported by the command that uses them, so that `plandiff compare A B --json`
 * of two plans read before loads neither the readers and the parser nor the text renderers.
 */
import { Deadline, TimeLimitError } from '../text/deadline.js';
import { timeLimitMs } from '../node/run-settings.js';
import { writeFile } from 'node:fs/promises';
import picocolors from 'picocolors';
import type { Orientation } from '../compare/orient.js';
import { UserError } from '../node/user-error.js';
import { printable } from '../node/paths.js';
import { finishFolderRun, gatherFolder, gatherPaths, loadEach, loadEachRecord, loadPlan, sameFile } from './plans.js';
import type { Citation, ParsedDocument, Target, TargetChange } from '../types.js';
import type { CliContext, CliIo } from './io.js';

export { loadPlan } from './plans.js';
import { clip } from '../text/clip.js';

/** Terminal colours (on or off). */
export type Colors = ReturnType<typeof picocolors.createColors>;

/** Colours only for a terminal (picocolors alone also colours when CI is set, even into a pipe). */
function colorsFor(io: CliIo): Colors {
  return picocolors.createColors(!!io.stdout.isTTY && !process.env.NO_COLOR);
}

function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

async function emit(io: CliIo, text: string, output?: string): Promise<void> {
  if (output) {
    try {
      await writeFile(output, text);
    } catch (e) {
      throw new UserError(`${output}: cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    io.stderr.write(`plandiff: wrote ${output}\n`);
  } else io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export async function commandParse(cli: CliContext, file: string, opts: { json?: boolean }): Promise<void> {
  const doc = await loadPlan(file);
  if (opts.json) printJson(cli, doc);
  else await emit(cli, (await import('./outline.js')).outline(doc, colorsFor(cli)));
}

export async function commandOutline(cli: CliContext, paths: string[]): Promise<void> {
  const { files, skipped } = await gatherPaths(cli, paths);
  const pc = colorsFor(cli);
  const { outline } = await import('./outline.js');
  await loadEach(cli, files, skipped, (f, doc) => {
    cli.stdout.write(`${pc.cyan(`── ${printable(f.path)}`)}\n${outline(doc, pc)}\n\n`);
  });
  finishFolderRun(cli, skipped);
}

export async function commandCitations(cli: CliContext, file: string, opts: { json?: boolean }): Promise<void> {
  const doc = await loadPlan(file);
  if (opts.json) return printJson(cli, { citations: doc.citations, titledCitations: doc.titledCitations });
  const { printedNumber } = await import('../extract/citations.js');
  const line = (c: Citation): string => {
    const id = c.number ? `${c.type ?? ''} số ${printedNumber(c.number, c.symbol)}`.trim() : [c.type, c.subject].filter(Boolean).join(' ') || c.key;
    return `${c.relation.padEnd(10)} ${id}${c.date ? ` ngày ${c.date}` : ''}${c.issuer ? ` — ${c.issuer}` : ''} (${c.mentions.length}×)`;
  };
  const lines = doc.citations.map(line);
  if (doc.titledCitations.length) lines.push('', 'cited by title only (no number):', ...doc.titledCitations.map(line));
  await emit(cli, lines.length ? lines.join('\n') : '(no citations found)');
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, k) => Math.min(60, Math.max(...rows.map((r) => (r[k] ?? '').length))));
  return rows.map((r) => r.map((cell, k) => clip(cell ?? '', widths[k]!).padEnd(widths[k]!)).join('  ')).join('\n');
}


export async function commandTargets(cli: CliContext, file: string, opts: { json?: boolean; format?: string }): Promise<void> {
  const doc = await loadPlan(file);
  if (opts.json) return printJson(cli, doc.targets);
  const { extractTargetsTable, TARGET_TABLE_HEADER } = await import('../extract/targets.js');
  const rows = extractTargetsTable(doc.targets);
  if (opts.format === 'csv') return emit(cli, (await import('../compare/target-compare.js')).toCsv([TARGET_TABLE_HEADER, ...rows]));
  await emit(cli, rows.length ? table([TARGET_TABLE_HEADER, ...rows]) : '(no targets found)');
}

export async function commandCompare(
  cli: CliContext,
  a: string,
  b: string,
  opts: { json?: boolean; targets?: boolean; changes?: boolean; sideBySide?: boolean; relation?: string; format?: string; lang?: string; output?: string; color?: boolean },
): Promise<void> {
  const relation = opts.relation === 'parent' || opts.relation === 'peer' ? opts.relation : 'auto';
  // the comparison has the same time budget as reading one file; a spent one is one line naming both
  const deadline = (): Deadline => new Deadline(timeLimitMs(), (ms, what) => new TimeLimitError(`${printable(a)} ↔ ${printable(b)}: took longer than ${ms} ms while ${what}; stopped`));
  // a pair compared before (same contents, options and program) is read back from the cache
  const { comparePlanFiles } = await import('../node/cache-compare.js');
  const cmp = (await comparePlanFiles(a, b, { relation, deadline, load: loadPlan })).comparison;
  noteOrientation(cli, cmp.orientation, 'compare');
  if (opts.json) return printJson(cli, cmp);
  const lang = opts.lang === 'en' ? 'en' : 'vi';
  switch (opts.format) {
    case 'docx':
    case 'xlsx': {
      const { writeBinaryReport } = await import('./reports.js');
      return writeBinaryReport(cli, opts.format, cmp, null, { lang, output: opts.output });
    }
    case 'csv':
      return emit(cli, (await import('../compare/target-compare.js')).targetsToCsv(cmp.targets), opts.output);
    case 'md': {
      const { renderCompareMd } = await import('../report/compare-md.js');
      return emit(cli, renderCompareMd(cmp, { lang, changesOnly: !!opts.changes }), opts.output);
    }
    case 'html': {
      const { renderCompareHtml } = await import('../report/compare-html.js');
      return emit(cli, renderCompareHtml(cmp, { lang, changesOnly: !!opts.changes }), opts.output);
    }
    default: {
      if (opts.targets) return emit(cli, targetChangeTable(cmp.targets, !!opts.changes, (await import('../extract/targets.js')).formatValue), opts.output);
      const color = opts.color !== false && !opts.output && !!cli.stdout.isTTY;
      const { renderCompareText } = await import('../report/compare-text.js');
      return emit(cli, renderCompareText(cmp, { lang, changesOnly: !!opts.changes, color, layout: opts.sideBySide ? 'columns' : 'unified' }), opts.output);
    }
  }
}

/** The target comparison as a plain table: status, direction, metric, A → B (values printed by `formatValue`, targets.ts's: loaded by the caller). */
export function targetChangeTable(changes: TargetChange[], changesOnly: boolean, formatValue: (t: Target) => string): string {
  const rows = changes
    .filter((t) => !changesOnly || t.status !== 'copied')
    .map((t) => [
      t.status,
      [t.change, t.verdict].filter(Boolean).join(' '),
      (t.a ?? t.b)!.metric,
      t.a ? formatValue(t.a) : '—',
      t.b ? formatValue(t.b) : '—',
      t.changes.filter((k) => k !== 'value').join(', '),
    ]);
  return rows.length ? table([['status', 'change', 'metric', 'A', 'B', 'also changed'], ...rows]) : '(no targets)';
}

/** One stderr line when the pair was swapped parent → child, and one per orientation warning. */
function noteOrientation(io: CliIo, o: Orientation, command: string): void {
  if (o.swapped) io.stderr.write(`plandiff: ${command}: the second plan is the parent (${o.reason}); compared parent → child\n`);
  for (const w of o.warnings) io.stderr.write(`plandiff: warning: ${w.message}\n`);
}

export async function commandFidelity(cli: CliContext, child: string, opts: { parent: string; json?: boolean; format?: string; lang?: string; output?: string }): Promise<void> {
  const lang = opts.lang === 'en' ? 'en' : 'vi';
  let folder: Awaited<ReturnType<typeof gatherFolder>> | null = null;
  try {
    folder = await gatherFolder(cli, child);
  } catch (e) {
    if (!(e instanceof UserError && /is a file, expected a folder/.test(e.message))) throw e;
  }
  if (!folder && (await sameFile(child, opts.parent))) {
    throw new UserError(`${printable(child)}: is the same file as --parent; give the parent plan and a different child plan`);
  }
  const parent = await loadPlan(opts.parent);
  if (!folder && (opts.format === 'docx' || opts.format === 'xlsx')) {
    const { reviewPair } = await import('../compare/review-pair.js');
    const { writeBinaryReport } = await import('./reports.js');
    const pair = reviewPair(await loadPlan(child), parent);
    noteOrientation(cli, pair.report.orientation, 'fidelity');
    return writeBinaryReport(cli, opts.format, pair.comparison, pair.report, { lang, output: opts.output });
  }
  if (folder) {
    const children: ParsedDocument[] = [];
    const { skipped } = folder;
    const plans = [];
    for (const f of folder.files) if (!(await sameFile(f.path, opts.parent))) plans.push(f);
    await loadEach(
      cli,
      plans,
      skipped,
      (_, doc) => {
        children.push(doc);
      },
      child,
    );
    finishFolderRun(cli, skipped);
    const { fidelityMatrix } = await import('../compare/fidelity.js');
    const matrix = fidelityMatrix(children, parent);
    if (opts.json) return printJson(cli, { ...matrix, skipped });
    if (opts.format === 'docx' || opts.format === 'xlsx') {
      const { writeMatrixReport } = await import('./reports.js');
      return writeMatrixReport(cli, opts.format, matrix, { lang, output: opts.output });
    }
    if (opts.format === 'html') {
      const { renderFidelityMatrixHtml } = await import('../report/fidelity-html.js');
      return emit(cli, renderFidelityMatrixHtml(matrix, { lang }), opts.output);
    }
    const { renderFidelityMatrixText } = await import('../report/fidelity-text.js');
    return emit(cli, renderFidelityMatrixText(matrix, { lang, color: !opts.output && !!cli.stdout.isTTY }), opts.output);
  }
  const { fidelity } = await import('../compare/fidelity.js');
  const report = fidelity(await loadPlan(child), parent);
  noteOrientation(cli, report.orientation, 'fidelity');
  if (opts.json) return printJson(cli, report);
  if (opts.format === 'html') {
    const { renderFidelityHtml } = await import('../report/fidelity-html.js');
    return emit(cli, renderFidelityHtml(report, { lang }), opts.output);
  }
  const { renderFidelityText } = await import('../report/fidelity-text.js');
  return emit(cli, renderFidelityText(report, { lang, color: !opts.output && !!cli.stdout.isTTY }), opts.output);
}

export async function commandLineage(cli: CliContext, dir: string, opts: { json?: boolean; dot?: boolean; graphml?: boolean }): Promise<void> {
  const { files, skipped } = await gatherFolder(cli, dir);
  // streamed: each plan is parsed, folded into the builder (shingle sets, not texts) and dropped
  const { LineageBuilder, lineageSummary } = await import('../corpus/lineage.js');
  // reuse scoring at the end of a long run gets its own bar (plans compared / total)
  let linking: { tick: (done: number, total: number) => void; stop: () => void } | null = null;
  const builder = new LineageBuilder({ onProgress: (done, total) => linking?.tick(done, total) });
  // each plan's record (identity, citations, shingle set) is made where it is parsed, and cached
  const plans: string[] = [];
  let keyed = true;
  await loadEachRecord(
    cli,
    files,
    skipped,
    (f, record, key) => {
      builder.addRecord(f.relative, record);
      if (key === null) keyed = false;
      else plans.push(`${f.relative}\u0000${key}`);
    },
    dir,
  );
  const [{ graphKey, openCache }, { defaultShingling }] = await Promise.all([import('../node/cache.js'), import('../corpus/lineage.js')]);
  const { runSettings } = await import('../node/run-settings.js');
  // the same plans under the same names make the same graph: a run on an unchanged folder reads it back
  const cache = runSettings.cache && keyed ? openCache(dir) : null;
  const key = cache ? graphKey(plans, defaultShingling()) : null;
  let graph = cache && key ? await cache.getGraph(key) : null;
  if (!graph) {
    const { folderProgress } = await import('../node/progress.js');
    linking = await folderProgress(files.length - skipped.length, 'linking', { quiet: runSettings.quiet, unit: 'plans', stream: cli.stderr });
    // the shares of text are scored in worker threads past a few thousand plans (same pairs, same order)
    const { reusePairs } = await import('../node/pool.js');
    graph = builder.finish(await reusePairs(builder.reuseIndex, { onProgress: (done, total) => linking?.tick(done, total) }));
    linking.stop();
    if (cache && key) await cache.putGraph(key, graph);
  }
  for (const n of graph.nodes) for (const w of n.warnings ?? []) cli.stderr.write(`plandiff: note: ${printable(n.file ?? n.id)}: ${w.message}\n`);
  graph.skipped = skipped;
  finishFolderRun(cli, skipped);
  if (opts.json) return printJson(cli, graph);
  if (opts.dot) return emit(cli, (await import('../corpus/graph-formats.js')).toDot(graph));
  if (opts.graphml) return emit(cli, (await import('../corpus/graph-formats.js')).toGraphML(graph));
  await emit(cli, lineageSummary(graph).join('\n'));
}

export async function commandSchema(cli: CliContext): Promise<void> {
  const { jsonSchema } = await import('../schema.js');
  printJson(cli, jsonSchema());
}
