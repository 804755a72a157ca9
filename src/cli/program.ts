/**
 * The plandiff command line as a function: `run(argv, io)` parses the arguments with a commander
 * program made for this run, runs the command, writes to `io`, and resolves with the exit status.
 * Nothing here exits the process or installs process handlers (main.ts does, for the executable;
 * only `serve`, which runs until interrupted, ends the process on Ctrl+C), and the settings a run
 * makes (cache, progress, OCR) are put back when it ends, so that runs in one process (the tests)
 * do not see each other's.
 *
 * Start-up: only commander and the option checks load here (the OCR settings, not the OCR
 * engine); each command's code (the readers, the parser, compare, lineage, the server, the
 * schema) is imported when that command runs.
 */
import { Command, CommanderError, Option } from 'commander';
import { UserError } from '../node/user-error.js';
import { runSettings } from '../node/run-settings.js';
import { configureOcr, OCR_TIME_LIMIT_MS } from '../node/ocr-settings.js';
import { EXIT_BAD_INPUT, type CliContext, type CliIo } from './io.js';
import type { TrendsCommandOptions } from './trends.js';

type Commands = typeof import('./commands.js');

/** An action that loads commands.ts when it runs and hands it the run. */
function lazy<K extends keyof Commands>(cli: CliContext, name: K): (...args: unknown[]) => Promise<void> {
  return async (...args) => {
    const commands = await import('./commands.js');
    await (commands[name] as (cli: CliContext, ...a: unknown[]) => Promise<void>)(cli, ...args);
  };
}

/** parse, outline, citations, targets: the commands on one plan's own content. */
function addReadingCommands(program: Command, cli: CliContext): void {
  program
    .command('parse')
    .description('read one plan: an indented outline of its clauses, or the full JSON (meta, clauses, citations, targets)')
    .argument('<file>', 'plan file (.txt, .md, .html, .docx, .doc, .pdf, a scan or a .png/.jpg/.tif page)')
    .option('--json', 'print the JSON contract on stdout')
    .action(lazy(cli, 'commandParse'));

  program
    .command('outline')
    .description('print the clause outline of every plan in files or folders')
    .argument('[paths...]', 'files or folders', ['corpus'])
    .action(lazy(cli, 'commandOutline'));

  program
    .command('citations')
    .description('list the documents a plan cites, with relation and mentions')
    .argument('<file>', 'plan file')
    .option('--json', 'print JSON on stdout')
    .action(lazy(cli, 'commandCitations'));

  program
    .command('targets')
    .description('list the numeric targets of a plan')
    .argument('<file>', 'plan file')
    .option('--json', 'print JSON on stdout')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv']).default('table'))
    .action(lazy(cli, 'commandTargets'));
}

/** compare and fidelity: the commands on a pair of plans (or a folder against its parent). */
function addPairCommands(program: Command, cli: CliContext): void {
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
    .action(lazy(cli, 'commandCompare'));

  program
    .command('fidelity')
    .description("judge a department plan's fidelity to its parent (or every plan of a folder)")
    .argument('<child>', 'child plan file, or a folder of plans')
    .requiredOption('--parent <file>', 'the parent plan')
    .option('--json', 'print JSON on stdout')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'html', 'docx', 'xlsx']).default('text'))
    .addOption(new Option('--lang <lang>', 'language of labels').choices(['vi', 'en']).default('vi'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .action(lazy(cli, 'commandFidelity'));
}

/** lineage, trends and serve: the commands on a folder of plans. */
function addFolderCommands(program: Command, cli: CliContext): void {
  program
    .command('lineage')
    .description('build the citation-lineage graph of a folder of plans')
    .argument('<dir>', 'folder of plans (read recursively)')
    .option('--json', 'print the JSON contract on stdout')
    .option('--dot', 'print Graphviz DOT')
    .option('--graphml', 'print GraphML (Gephi, yEd)')
    .action(lazy(cli, 'commandLineage'));

  program
    .command('trends')
    .description('series of plans across years and their targets year by year; with --year Y --by issuer, the plans of one year side by side')
    .argument('<dir>', 'folder of plans (read recursively)')
    .option('--json', 'print the JSON contract on stdout')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'csv', 'md']).default('text'))
    .option('--year <year>', 'set the plans of this year side by side (with --by)')
    .addOption(new Option('--by <what>', 'rows of the side-by-side matrix').choices(['issuer']))
    .action(async (dir: string, opts: TrendsCommandOptions) => {
      const { commandTrends } = await import('./trends.js');
      await commandTrends(cli, dir, opts);
    });

  program
    .command('serve')
    .description('serve the web view (lineage graph, diff, targets, fidelity) on a folder of plans; prints the URL')
    .argument('[dir]', 'folder of plans (read recursively)', 'corpus')
    .option('--port <n>', 'port to listen on, on 127.0.0.1 (0 picks a free port)', '4180')
    .action(async (dir: string, opts: { port?: string }) => {
      const { commandServe } = await import('./serve.js');
      await commandServe(dir, opts, cli);
    });
}

/** review (its subcommands and SQLite store load only when the arguments name it), cache and schema. */
async function addOtherCommands(program: Command, cli: CliContext, argv: readonly string[]): Promise<void> {
  // otherwise a stand-in keeps its line in `plandiff --help`
  if (argv.includes('review')) program.addCommand((await import('./review.js')).reviewCommand(cli));
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
      cli.stderr.write(`plandiff: ${had ? 'cleared' : 'no cache in'} ${root}\n`);
    });
  cache
    .command('dir')
    .description('print where the cache of a folder run lives')
    .argument('[dir]', 'folder of plans')
    .action(async (dir?: string) => {
      const { cacheDirFor } = await import('../node/cache.js');
      cli.stdout.write(`${cacheDirFor(dir ?? null)}\n`);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the --json outputs')
    .action(lazy(cli, 'commandSchema'));
}

/** Every command that reads plans reads scans (a PDF of page images, a .png/.jpg/.tif page) by OCR; the options of a folder run. */
function addReadingOptions(program: Command, cli: CliContext): void {
  for (const command of program.commands) {
    if (command.name() === 'schema' || command.name() === 'cache') continue;
    command
      .option('--no-cache', 'parse every plan again (do not read or fill the cache of parsed documents)')
      .option('-q, --quiet', 'no progress on stderr during long folder runs and long scans')
      .addOption(new Option('--ocr <mode>', 'read scans by OCR (tesseract, Vietnamese): auto (when a PDF has no usable text layer, and page images), off, or force').choices(['auto', 'off', 'force']).default('auto'))
      .option('--ocr-timeout <seconds>', 'time limit of OCR for one document, in seconds', String(OCR_TIME_LIMIT_MS / 1000));
  }
  program.hook('preAction', (_program, action) => {
    try {
      const opts = action.opts() as { cache?: boolean; quiet?: boolean; ocr?: string; ocrTimeout?: string };
      configureOcr({ ...opts, progress: cli.stderr });
      runSettings.cache = opts.cache !== false && !process.env.PLANDIFF_NO_CACHE;
      runSettings.quiet = opts.quiet === true;
      runSettings.ocr = { ocr: opts.ocr, ocrTimeout: opts.ocrTimeout };
    } catch (e) {
      throw new UserError((e as Error).message);
    }
  });
}

/** Commander writes help and its errors to the run's outputs, and throws instead of exiting. */
function routeOutput(command: Command, io: CliIo): void {
  command.exitOverride().configureOutput({
    writeOut: (str) => io.stdout.write(str),
    writeErr: (str) => io.stderr.write(str),
    outputError: (str, write) => write(str),
    // a terminal's width, else the 80 columns commander wraps to by default
    getOutHelpWidth: () => (io.stdout.isTTY ? io.stdout.columns : undefined) ?? 80,
    getErrHelpWidth: () => (io.stderr.isTTY ? io.stderr.columns : undefined) ?? 80,
  });
  for (const sub of command.commands) routeOutput(sub, io);
}

/** The commander program of one run. */
async function buildProgram(cli: CliContext, argv: readonly string[]): Promise<Command> {
  const program = new Command();
  program
    .name('plandiff')
    .description('Plan diff and lineage analyzer for Vietnamese government plans (Kế hoạch, Quyết định …).')
    .version('0.1.0')
    .showHelpAfterError('(run plandiff --help for usage)');
  addReadingCommands(program, cli);
  addPairCommands(program, cli);
  addFolderCommands(program, cli);
  await addOtherCommands(program, cli, argv);
  addReadingOptions(program, cli);
  routeOutput(program, cli);
  return program;
}

/** Output into a closed pipe (`plandiff … | head`) ends quietly, as `git log | head` does. */
export function isClosedPipe(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === 'EPIPE';
}

/**
 * Says what went wrong in one line on stderr and gives the exit status: 2 for a problem with the
 * input (a UserError, or a spent time budget: its message names the file), 1 for a bug (with the
 * stack when PLANDIFF_DEBUG is set), 0 for a closed pipe (nothing said).
 */
export function reportFailure(e: unknown, io: CliIo): number {
  if (isClosedPipe(e)) return 0;
  if (e instanceof UserError || (e instanceof Error && e.name === 'TimeLimitError')) {
    io.stderr.write(`plandiff: ${(e as Error).message.split('\n')[0]}\n`);
    return EXIT_BAD_INPUT;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.stderr.write(`plandiff: internal error: ${message.split('\n')[0]}\n`);
  if (process.env.PLANDIFF_DEBUG && e instanceof Error) io.stderr.write(`${e.stack}\n`);
  return 1;
}

/** The OCR settings of a process that ran no command (see ocr.ts). */
const OCR_DEFAULTS = { ocr: 'auto', ocrTimeout: String(OCR_TIME_LIMIT_MS / 1000), progress: process.stderr };

/**
 * Runs the command line on `argv` (the arguments after the program's name), writing to `io`;
 * resolves with the exit status: 0 (help and the version included), 3 when a folder run skipped
 * some input, 2 for bad input or usage (commander's errors: an unknown option or command, a missing
 * argument, no command at all), 1 for a bug.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const cli: CliContext = { stdout: io.stdout, stderr: io.stderr, exitCode: 0 };
  const settings = { ...runSettings };
  try {
    const program = await buildProgram(cli, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return cli.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    return reportFailure(e, io);
  } finally {
    Object.assign(runSettings, settings);
    configureOcr(OCR_DEFAULTS);
  }
}
