import { parseArgs } from 'node:util';
import { UsageError, resolvePaths } from './pathWorkspace';
import { runCorpus } from './corpusRun';
import { toAnalyzedFileJson } from './analyzeJson';
import { resolveSettings } from '../shared/settings';
import { VERSION } from './version';

const HELP = `Usage: seed-review <command> [options] [PATH...]

Commands:
  analyze --json PATH...   Print the full analysis of every file as JSON
                           (line kinds, diagnostics, quotes, cross-links).

Options:
  -h, --help               Show help (also: seed-review <command> --help)
  -v, --version            Show the version
      --debug              Show stack traces on errors

A file given is analysed whatever its name; a folder contributes every *.txt below it.
All files of one run form the corpus that cross-file features see.
Exit status: 0 on success, 2 on usage or I/O errors.`;

const ANALYZE_HELP = `Usage: seed-review analyze --json PATH...

Prints {"tool": {...}, "files": [...]} with, per file: header, one lines[] entry per line
(kind header|body|chrome|blank and the chrome rule), diagnostics, quotes with speakers, and
cross-links (matches) to the other files given. Positions are zero-based lines and UTF-16
characters (LSP positions). Output is streamed one file at a time.`;

function write(s: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(s)) resolve();
    else process.stdout.once('drain', resolve).once('error', reject);
  });
}

async function analyze(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(ANALYZE_HELP + '\n');
    return 0;
  }
  if (!values.json) throw new UsageError('analyze prints JSON only: add --json');
  if (!positionals.length) throw new UsageError('analyze needs at least one PATH');
  const files = await resolvePaths(positionals);
  if (!files.length) throw new UsageError(`no .txt files found in ${positionals.join(', ')}`);
  const settings = resolveSettings({});
  await write(`{"tool":${JSON.stringify({ name: 'seed-review', version: VERSION })},"files":[`);
  let first = true;
  for await (const r of runCorpus(files, { settings, warn: (m) => process.stderr.write(`seed-review: ${m}\n`) })) {
    const json = toAnalyzedFileJson(r.file.displayPath, r.analysis, r.diagnostics, []);
    await write((first ? '\n' : ',\n') + JSON.stringify(json));
    first = false;
  }
  await write('\n]}\n');
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '-h' || command === '--help' || command === 'help') {
      process.stdout.write(HELP + '\n');
      return command ? 0 : 2;
    }
    if (command === '-v' || command === '--version') {
      process.stdout.write(VERSION + '\n');
      return 0;
    }
    switch (command) {
      case 'analyze':
        return await analyze(rest);
      default:
        throw new UsageError(`unknown command "${command}" (try --help)`);
    }
  } catch (e) {
    const debug = argv.includes('--debug');
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`seed-review: ${(e as Error).message}\n`);
    } else {
      process.stderr.write(`seed-review: ${e instanceof Error ? e.message : String(e)}\n`);
      if (debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    }
    return 2;
  }
}
