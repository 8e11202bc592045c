import { parseCommandArgs } from '../args';
import { runCorpus } from '../corpusRun';
import { UsageError } from '../pathWorkspace';
import { colors, colorEnabled, writeOut } from '../terminal';
import { addTotals, emptyTotals, formatFileStylish, formatSummary, SEVERITY_RANK, sortDiagnostics, type SeverityName } from '../formatStylish';
import { SarifWriter } from '../formatSarif';
import { VERSION } from '../version';
import { analysedOutcomes, setUp, type SkipTally } from './setup';

export const CHECK_HELP = `Usage: seed-review check [PATH...] [options]

Reports the problems the extension shows: page chrome, unattributed and unbalanced quotes,
invisible characters, malformed headers. With no PATH: the files matching seedReview.files
(default **/seeds/**/*.txt) below the current folder.

Options:
  -f, --format FORMAT      text (default; ESLint-stylish, 1-based line:col),
                           json (LSP positions: zero-based line and UTF-16 character),
                           sarif (SARIF 2.1.0 for GitHub code scanning)
      --fail-on LEVEL      Exit 1 when a problem at or above LEVEL is found:
                           error|warning|info|hint|none (default warning)
      --config FILE        Settings as JSON (seedReview.* keys, as in VS Code)
      --rule CODE=SEVERITY Override a rule, e.g. --rule chrome.teaser=off; repeatable
  -j, --jobs N             Worker threads (1 = single thread)
      --debug              Stack traces on errors

Exit status: 0 nothing at or above --fail-on, 1 something was, 2 usage or I/O error.
Colours on a terminal only; NO_COLOR turns them off, FORCE_COLOR on.`;

const FAIL_ON = ['error', 'warning', 'info', 'hint', 'none'] as const;

export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string', short: 'f', default: 'text' },
    'fail-on': { type: 'string', default: 'warning' },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format ${format}: expected text, json or sarif`);
  const failOn = values['fail-on'] as (typeof FAIL_ON)[number];
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on ${failOn}: expected ${FAIL_ON.join(', ')}`);
  const threshold = failOn === 'none' ? Infinity : SEVERITY_RANK[failOn as SeverityName];

  const s = await setUp(values, positionals, { pathsRequired: false });
  const c = colors(format === 'text' && colorEnabled(process.stdout));
  const sarif = new SarifWriter(s.cwd);
  const totals = emptyTotals();
  const notifications: { message: string; level: 'warning' | 'error'; uri?: ReturnType<SarifWriter['artifactLocation']> }[] = [];
  const skipped: { path: string; reason: string; message: string }[] = [];
  const tally: SkipTally = { ioError: false };
  let failed = false;
  let first = true;
  const out = async (text: string) => {
    s.progress.clear();
    await writeOut(text);
  };

  if (format === 'json') await out(`{"tool":${JSON.stringify({ name: 'seed-review', version: VERSION })},"files":[`);
  if (format === 'sarif') await out(sarif.head());

  const outcomes = analysedOutcomes(s, runCorpus(s.files, { ...s.runOptions, mode: 'check' }), tally, {
    onWarning: (file, w) => notifications.push({ message: w, level: 'warning', uri: sarif.artifactLocation(file.absPath) }),
    onSkip: (file, skip) => {
      totals.skipped++;
      skipped.push({ path: file.displayPath, reason: skip.reason, message: skip.message });
      const level = skip.reason === 'unreadable' ? 'error' : 'warning';
      notifications.push({ message: skip.message, level, uri: sarif.artifactLocation(file.absPath) });
    },
  });
  for await (const { file, r } of outcomes) {
    const ds = sortDiagnostics(r.diagnostics ?? []);
    addTotals(totals, ds);
    if (ds.some((d) => SEVERITY_RANK[d.severity] >= threshold)) failed = true;
    if (format === 'text') {
      if (ds.length) await out(formatFileStylish(file.displayPath, ds, c));
    } else if (format === 'json') {
      await out((first ? '\n' : ',\n') + JSON.stringify({ path: file.displayPath, diagnostics: ds }));
      first = false;
    } else if (ds.length) {
      const loc = sarif.artifactLocation(file.absPath);
      const text = ds.map((d) => JSON.stringify(sarif.result(d, loc))).join(',');
      await out((first ? '' : ',') + text);
      first = false;
    }
  }
  s.progress.clear();

  const checkedNothing = totals.filesChecked === 0;
  if (checkedNothing) s.warn('no file could be checked');
  if (format === 'text') {
    await out((totals.filesWithProblems ? '' : '') + formatSummary(totals, c));
  } else if (format === 'json') {
    const summary = {
      problems: totals.error + totals.warning + totals.info + totals.hint,
      errors: totals.error,
      warnings: totals.warning,
      infos: totals.info,
      hints: totals.hint,
      filesChecked: totals.filesChecked,
      filesWithProblems: totals.filesWithProblems,
      skipped,
    };
    await out(`\n],"summary":${JSON.stringify(summary)}}\n`);
  } else {
    await out(sarif.tail(!tally.ioError && !checkedNothing, notifications));
  }
  if (tally.ioError || checkedNothing) return 2;
  return failed ? 1 : 0;
}
