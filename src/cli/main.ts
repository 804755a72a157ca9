#!/usr/bin/env node
/**
 * The plandiff command line. Each command reads files through the Node edge (src/node/), runs the
 * isomorphic core, and prints text for people or `--json` for scripts (see docs/contract.md).
 * Problems with the input are one line on stderr and a non-zero exit, never a stack trace.
 */
import { Command, Option } from 'commander';
import { UserError } from '../node/user-error.js';
import { runSettings } from '../node/run-settings.js';
import { configureOcr, TESSERACT_DEFAULTS } from '../node/ocr.js';

// Start-up: only commander and the option checks load here; each command's code (the readers, the
// parser, compare, lineage, the server, the schema) is imported when that command runs.
type Commands = typeof import('./commands.js');

/** An action that loads commands.ts when it runs. */
function lazy<K extends keyof Commands>(name: K): (...args: unknown[]) => Promise<void> {
  return async (...args) => {
    const commands = await import('./commands.js');
    await (commands[name] as (...a: unknown[]) => Promise<void>)(...args);
  };
}

const program = new Command();
program
  .name('plandiff')
  .description('Plan diff and lineage analyzer for Vietnamese government plans (Kế hoạch, Quyết định …).')
  .version('0.1.0')
  .showHelpAfterError('(run plandiff --help for usage)')
  .configureOutput({ outputError: (str, write) => write(str) });

program
  .command('parse')
  .description('read one plan: an indented outline of its clauses, or the full JSON (meta, clauses, citations, targets)')
  .argument('<file>', 'plan file (.txt, .md, .html, .docx, .doc, .pdf)')
  .option('--json', 'print the JSON contract on stdout')
  .action(lazy('commandParse'));

program
  .command('outline')
  .description('print the clause outline of every plan in files or folders')
  .argument('[paths...]', 'files or folders', ['corpus'])
  .action(lazy('commandOutline'));

program
  .command('citations')
  .description('list the documents a plan cites, with relation and mentions')
  .argument('<file>', 'plan file')
  .option('--json', 'print JSON on stdout')
  .action(lazy('commandCitations'));

program
  .command('targets')
  .description('list the numeric targets of a plan')
  .argument('<file>', 'plan file')
  .option('--json', 'print JSON on stdout')
  .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv']).default('table'))
  .action(lazy('commandTargets'));

program
  .command('compare')
  .description('compare plan A (parent or older) with plan B (derivative or newer): clause alignment and targets')
  .argument('<a>', 'parent or older plan')
  .argument('<b>', 'derivative or newer plan')
  .option('--json', 'print the JSON contract on stdout')
  .option('--targets', 'show the target comparison table')
  .option('--changes', 'show only changed clauses')
  .option('--side-by-side', 'two columns in the terminal (A | B) instead of one line per pair')
  .addOption(new Option('--relation <relation>', 'how B relates to A: parent (B derives from A: weakened targets are flagged), peer, or auto').choices(['auto', 'parent', 'peer']).default('auto'))
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'md', 'html', 'csv', 'docx', 'xlsx']).default('text'))
  .addOption(new Option('--lang <lang>', 'language of labels').choices(['vi', 'en']).default('vi'))
  .option('-o, --output <file>', 'write the report to a file instead of stdout')
  .option('--no-color', 'no colours in terminal output')
  .action(lazy('commandCompare'));

program
  .command('fidelity')
  .description("judge a department plan's fidelity to its parent (or every plan of a folder)")
  .argument('<child>', 'child plan file, or a folder of plans')
  .requiredOption('--parent <file>', 'the parent plan')
  .option('--json', 'print JSON on stdout')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'html', 'docx', 'xlsx']).default('text'))
  .addOption(new Option('--lang <lang>', 'language of labels').choices(['vi', 'en']).default('vi'))
  .option('-o, --output <file>', 'write the report to a file instead of stdout')
  .action(lazy('commandFidelity'));

program
  .command('lineage')
  .description('build the citation-lineage graph of a folder of plans')
  .argument('<dir>', 'folder of plans (read recursively)')
  .option('--json', 'print the JSON contract on stdout')
  .option('--dot', 'print Graphviz DOT')
  .option('--graphml', 'print GraphML (Gephi, yEd)')
  .action(lazy('commandLineage'));

program
  .command('trends')
  .description('series of plans across years and their targets year by year; with --year Y --by issuer, the plans of one year side by side')
  .argument('<dir>', 'folder of plans (read recursively)')
  .option('--json', 'print the JSON contract on stdout')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'csv', 'md']).default('text'))
  .option('--year <year>', 'set the plans of this year side by side (with --by)')
  .addOption(new Option('--by <what>', 'rows of the side-by-side matrix').choices(['issuer']))
  .action(async (...args: unknown[]) => {
    const { commandTrends } = await import('./trends.js');
    await (commandTrends as (...a: unknown[]) => Promise<void>)(...args);
  });

program
  .command('serve')
  .description('serve the web view (lineage graph, diff, targets, fidelity) on a folder of plans; prints the URL')
  .argument('[dir]', 'folder of plans (read recursively)', 'corpus')
  .option('--port <n>', 'port to listen on, on 127.0.0.1 (0 picks a free port)', '4180')
  .action(async (dir: string, opts: { port?: string }) => {
    const { commandServe } = await import('./serve.js');
    await commandServe(dir, opts);
  });

// review's subcommands (and the SQLite store behind them) load only when the command line names it;
// otherwise a stand-in keeps its line in `plandiff --help`
if (process.argv.slice(2).includes('review')) program.addCommand((await import('./review.js')).reviewCommand());
else program.command('review').description('review decisions on a pair of plans: confirmed / explained / false alarm, with notes');

const cache = program.command('cache').description('the cache of parsed documents that folder runs keep (by content hash and program version)');
cache
  .command('clear')
  .description("remove every cached document (of the folder's .plandiff/ cache when it has one, else of the user cache folder)")
  .argument('[dir]', 'folder of plans whose .plandiff/ cache to clear')
  .action(async (dir?: string) => {
    const { cacheDirFor, clearCache } = await import('../node/cache.js');
    const root = cacheDirFor(dir ?? null);
    const had = await clearCache(root);
    process.stderr.write(`plandiff: ${had ? 'cleared' : 'no cache in'} ${root}\n`);
  });
cache
  .command('dir')
  .description('print where the cache of a folder run lives')
  .argument('[dir]', 'folder of plans')
  .action(async (dir?: string) => {
    const { cacheDirFor } = await import('../node/cache.js');
    process.stdout.write(`${cacheDirFor(dir ?? null)}\n`);
  });

program
  .command('schema')
  .description('print the JSON Schema of the --json outputs')
  .action(lazy('commandSchema'));

// Every command that reads plans reads scans (a PDF of page images, a .png/.jpg/.tif page) by OCR.
for (const command of program.commands) {
  if (command.name() === 'schema' || command.name() === 'cache') continue;
  command
    .option('--no-cache', 'parse every plan again (do not read or fill the cache of parsed documents)')
    .option('-q, --quiet', 'no progress on stderr during long folder runs')
    .addOption(new Option('--ocr <mode>', 'read scans by OCR (tesseract, Vietnamese): auto (when a PDF has no usable text layer, and page images), off, or force').choices(['auto', 'off', 'force']).default('auto'))
    .option('--ocr-timeout <seconds>', 'time limit of OCR for one document, in seconds', String(TESSERACT_DEFAULTS.timeMs / 1000));
}
program.hook('preAction', (_program, action) => {
  try {
    const opts = action.opts() as { cache?: boolean; quiet?: boolean; ocr?: string; ocrTimeout?: string };
    configureOcr(opts);
    runSettings.cache = opts.cache !== false && !process.env.PLANDIFF_NO_CACHE;
    runSettings.quiet = opts.quiet === true;
    runSettings.ocr = { ocr: opts.ocr, ocrTimeout: opts.ocrTimeout };
  } catch (e) {
    throw new UserError((e as Error).message);
  }
});

/** Output into a closed pipe (`plandiff … | head`) ends quietly, as `git log | head` does. */
function isClosedPipe(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === 'EPIPE';
}
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (isClosedPipe(e)) process.exit(0);
    fail(e);
  });
}

function fail(e: unknown): never {
  if (isClosedPipe(e)) process.exit(0);
  // A spent time budget is about the input (its message names the file), not a bug.
  if (e instanceof UserError || (e instanceof Error && e.name === 'TimeLimitError')) {
    process.stderr.write(`plandiff: ${(e as Error).message.split('\n')[0]}\n`);
    process.exit(2);
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`plandiff: internal error: ${message.split('\n')[0]}\n`);
  if (process.env.PLANDIFF_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exit(1);
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
program.parseAsync(process.argv).catch(fail);
