import type { SeedReviewSettings } from '../../shared/settings';
import { buildSettings } from '../config';
import { NearestIgnoreFiles } from '../ignores';
import { defaultFiles, resolvePaths, UsageError, type CorpusFile } from '../pathWorkspace';
import { makeWarn, Progress } from '../terminal';
import { parseJobs } from '../args';
import type { CorpusRunOptions } from '../corpusRun';
import type { FileOutcome, Skip } from '../fileTasks';

export interface RunSetup {
  cwd: string;
  settings: SeedReviewSettings;
  files: CorpusFile[];
  jobs: number | undefined;
  progress: Progress;
  warn: (message: string) => void;
  debug: boolean;
  runOptions: Pick<CorpusRunOptions, 'settings' | 'cwd' | 'jobs' | 'onProgress' | 'debug'>;
}

/** What every command does first: settings (--config, --rule), the files, progress and warnings. */
export async function setUp(
  values: { config?: string; rule?: string[]; jobs?: string; debug?: boolean },
  positionals: string[],
  opts: { pathsRequired: boolean },
): Promise<RunSetup> {
  const cwd = process.cwd();
  const progress = new Progress();
  const warn = makeWarn(progress);
  const settings = buildSettings(values.config, values.rule ?? [], warn);
  const jobs = parseJobs(values.jobs);
  let files: CorpusFile[];
  if (positionals.length) files = await resolvePaths(positionals);
  else if (opts.pathsRequired) throw new UsageError('no PATH given (try --help)');
  else {
    files = await defaultFiles(cwd, settings.files);
    if (!files.length) {
      throw new UsageError(`no seed files below ${cwd} match ${settings.files.join(', ')}; give a PATH (e.g. "seed-review check .")`);
    }
  }
  // read each .seedreview.json once here, so a broken one is reported once (workers read them silently)
  const ignores = new NearestIgnoreFiles(cwd, warn);
  for (const f of files) ignores.forFile(f.absPath);
  const debug = !!values.debug;
  return {
    cwd,
    settings,
    files,
    jobs,
    progress,
    warn,
    debug,
    runOptions: {
      settings,
      cwd,
      jobs,
      onProgress: (stage, done, total) => progress.update(stage, done, total),
      debug: debug ? (m) => warn(`debug: ${m}`) : undefined,
    },
  };
}

/** Whether any file could not be read (exit status 2). */
export interface SkipTally {
  ioError: boolean;
}

/**
 * The outcomes of the files that were analysed, in order, each with its file. Warnings are
 * reported as they come; a skipped file (binary, unreadable) is reported once, counted in
 * `tally`, and passed to `onSkip` for commands that list skips in their output.
 */
export async function* analysedOutcomes(
  s: RunSetup,
  outcomes: AsyncIterable<FileOutcome>,
  tally: SkipTally,
  hooks: { onWarning?: (file: CorpusFile, warning: string) => void; onSkip?: (file: CorpusFile, skip: Skip) => void } = {},
): AsyncGenerator<{ file: CorpusFile; r: FileOutcome }> {
  for await (const r of outcomes) {
    const file = s.files[r.i];
    for (const w of r.warnings) {
      s.warn(w);
      hooks.onWarning?.(file, w);
    }
    if (r.skip) {
      s.warn(r.skip.message);
      if (r.skip.reason === 'unreadable') tally.ioError = true;
      hooks.onSkip?.(file, r.skip);
      continue;
    }
    yield { file, r };
  }
}
