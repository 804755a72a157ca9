#!/usr/bin/env node
/**
 * The plandiff command line. Each command reads files through the Node edge (src/node/), runs the
 * isomorphic core, and prints text for people or `--json` for scripts (see docs/contract.md).
 * Problems with the input are one line on stderr and a non-zero exit, never a stack trace.
 */
import { Command, Option } from 'commander';
import { commandCitations, commandCompare, commandFidelity, commandLineage, commandOutline, commandParse, commandSchema, commandTargets } from './commands.js';
import { UserError } from '../node/files.js';
import { configureOcr, TESSERACT_DEFAULTS } from '../node/ocr.js';
import { commandServe } from './serve.js';
import { reviewCommand } from './review.js';
import { commandTrends } from './trends.js';

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
  .action(commandParse);

program
  .command('outline')
  .description('print the clause outline of every plan in files or folders')
  .argument('[paths...]', 'files or folders', ['corpus'])
  .action(commandOutline);

program
  .command('citations')
  .description('list the documents a plan cites, with relation and mentions')
  .argument('<file>', 'plan file')
  .option('--json', 'print JSON on stdout')
  .action(commandCitations);

program
  .command('targets')
  .description('list the numeric targets of a plan')
  .argument('<file>', 'plan file')
  .option('--json', 'print JSON on stdout')
  .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv']).default('table'))
  .action(commandTargets);

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
  .action(commandCompare);

program
  .command('fidelity')
  .description("judge a department plan's fidelity to its parent (or every plan of a folder)")
  .argument('<child>', 'child plan file, or a folder of plans')
  .requiredOption('--parent <file>', 'the parent plan')
  .option('--json', 'print JSON on stdout')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'html', 'docx', 'xlsx']).default('text'))
  .addOption(new Option('--lang <lang>', 'language of labels').choices(['vi', 'en']).default('vi'))
  .option('-o, --output <file>', 'write the report to a file instead of stdout')
  .action(commandFidelity);

program
  .command('lineage')
  .description('build the citation-lineage graph of a folder of plans')
  .argument('<dir>', 'folder of plans (read recursively)')
  .option('--json', 'print the JSON contract on stdout')
  .option('--dot', 'print Graphviz DOT')
  .option('--graphml', 'print GraphML (Gephi, yEd)')
  .action(commandLineage);

program
  .command('trends')
  .description('series of plans across years and their targets year by year; with --year Y --by issuer, the plans of one year side by side')
  .argument('<dir>', 'folder of plans (read recursively)')
  .option('--json', 'print the JSON contract on stdout')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'csv', 'md']).default('text'))
  .option('--year <year>', 'set the plans of this year side by side (with --by)')
  .addOption(new Option('--by <what>', 'rows of the side-by-side matrix').choices(['issuer']))
  .action(commandTrends);

program
  .command('serve')
  .description('serve the web view (lineage graph, diff, targets, fidelity) on a folder of plans; prints the URL')
  .argument('[dir]', 'folder of plans (read recursively)', 'corpus')
  .option('--port <n>', 'port to listen on, on 127.0.0.1 (0 picks a free port)', '4180')
  .action(async (dir: string, opts: { port?: string }) => {
    await commandServe(dir, opts);
  });

program.addCommand(reviewCommand());

program
  .command('schema')
  .description('print the JSON Schema of the --json outputs')
  .action(commandSchema);

// Every command that reads plans reads scans (a PDF of page images, a .png/.jpg/.tif page) by OCR.
for (const command of program.commands) {
  if (command.name() === 'schema') continue;
  command
    .addOption(new Option('--ocr <mode>', 'read scans by OCR (tesseract, Vietnamese): auto (when a PDF has no usable text layer, and page images), off, or force').choices(['auto', 'off', 'force']).default('auto'))
    .option('--ocr-timeout <seconds>', 'time limit of OCR for one document, in seconds', String(TESSERACT_DEFAULTS.timeMs / 1000));
}
program.hook('preAction', (_program, action) => {
  try {
    configureOcr(action.opts());
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
  if (e instanceof UserError) {
    process.stderr.write(`plandiff: ${e.message}\n`);
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
