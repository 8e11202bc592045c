import type { SeedReviewSettings } from '../../shared/settings';
import { buildSettings } from '../config';
import { NearestIgnoreFiles } from '../ignores';
import { defaultFiles, resolvePaths, UsageError, type CorpusFile } from '../pathWorkspace';
import { makeWarn, Progress } from '../terminal';
import { parseJobs } from '../args';
import type { CorpusRunOptions } from '../corpusRun';

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
