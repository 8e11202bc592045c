import { UsageError } from './pathWorkspace';
import { VERSION } from './version';
import { checkCommand, CHECK_HELP } from './commands/check';
import { stripCommand, STRIP_HELP } from './commands/strip';
import { analyzeCommand, ANALYZE_HELP } from './commands/analyze';
import { WorkerError } from '../node/workerPool';

const HELP = `Usage: seed-review <command> [options] [PATH...]

Commands:
  check [PATH...]          Report chrome, quote and text problems, ESLint-style
                           (--format text|json|sarif); exit 1 when some are at or
                           above --fail-on (default warning).
  strip PATH...            Remove page chrome: print one file, or rewrite files
                           (--write) or copy them into a folder (--out DIR).
  analyze --json [PATH...] Print the full analysis of every file as JSON
                           (line kinds, diagnostics, quotes, cross-links).

Options of every command:
      --config FILE        Settings as JSON: the extension's seedReview.* keys
      --rule CODE=SEVERITY Override a rule (off|hint|info|warning|error); repeatable
  -j, --jobs N             Worker threads (default: all cores above 200 files; 1 = no workers)
      --debug              Show stack traces on errors
  -h, --help               Show help (also: seed-review <command> --help)
  -v, --version            Show the version

A file given is analysed whatever its name; a folder contributes every *.txt below it.
With no PATH, check and analyze take the files matching seedReview.files (default
**/seeds/**/*.txt) below the current folder. All files of one run form the corpus that
cross-file stages (line recurrence, cross-links) see.
Exit status: 0 success, 1 problems found (check), 2 usage or I/O error.
Docs: docs/cli.md`;

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const [command, ...rest] = argv;
    if (!command || command === '-h' || command === '--help' || command === 'help') {
      (command ? process.stdout : process.stderr).write(HELP + '\n');
      return command ? 0 : 2;
    }
    if (command === '-v' || command === '--version') {
      process.stdout.write(VERSION + '\n');
      return 0;
    }
    const wantsHelp = rest.includes('--help') || rest.includes('-h');
    switch (command) {
      case 'check':
        if (wantsHelp) return help(CHECK_HELP);
        return await checkCommand(rest);
      case 'strip':
        if (wantsHelp) return help(STRIP_HELP);
        return await stripCommand(rest);
      case 'analyze':
        if (wantsHelp) return help(ANALYZE_HELP);
        return await analyzeCommand(rest);
      default:
        throw new UsageError(`unknown command "${command}" (commands: check, strip, analyze; try --help)`);
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`seed-review: ${err.message.split('\n')[0]}\n`);
    } else {
      const msg = e instanceof WorkerError ? `internal error in a worker thread: ${err.message}` : e instanceof Error ? describeError(err) : String(e);
      process.stderr.write(`seed-review: ${msg}\n`);
      if (debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    }
    return 2;
  }
}

function help(text: string): number {
  process.stdout.write(text + '\n');
  return 0;
}

/** One line for an I/O error (`EACCES: permission denied, open '…'` → `…: permission denied`). */
function describeError(e: NodeJS.ErrnoException): string {
  if (e.code && e.path) {
    const what = e.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
    return `${e.path}: ${what}`;
  }
  return e.message.split('\n')[0];
}
