import { availableParallelism } from 'node:os';
import type { SeedReviewSettings } from '../shared/settings';
import type { CorpusFile } from './pathWorkspace';
import { FileAnalyser, lineKeysOf, type FileJob, type FileOutcome, type KeysOutcome, type Mode } from './fileTasks';
import { buildRecurrenceTable, type RecurrenceTableData } from '../service/corpus';
import { WorkerPool, corpusWorkerFile, orderedBatches } from '../node/workerPool';

/**
 * The CLI's worker threads keep a small young generation: each file's garbage is short-lived,
 * and default-sized isolates hold ~30 MB more each at the peak. The link workers: 8 MB rather
 * than the server's 4 (at 4 the workers spent ~0.5 s more each in scavenges at 10,000 files,
 * for ~10 MB).
 */
export const CLI_WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/**
 * The analysing workers: 16 MB, 32 MB past LARGE_RUN_FILES files. A file's analysis makes ~1 MB
 * of short-lived garbage; at 8 MB scavenges (and their helper threads) took 0.2-0.5 s more of
 * pass 2 at 10,000 files, on two cores, and 16 MB costs ~20 MB at the end of pass 2 (the run's
 * peak there). 32 MB would put a 10,000-file run over 400 MB; at 100,000 files, where the peak
 * is the link stage's (1.4 GB), it takes pass 2 from ~60 to ~56 s.
 */
export function analysisWorkerLimits(files: number): { maxYoungGenerationSizeMb: number } {
  return { maxYoungGenerationSizeMb: files > LARGE_RUN_FILES ? 32 : 16 };
}

/**
 * Files past which a run trades memory for time (see analysisWorkerLimits) and pass 1 reads with
 * many reads in flight (see readSeedFile).
 */
export const LARGE_RUN_FILES = 20_000;

/**
 * Bytes of line hashes pass 1 keeps for pass 2 (8 a line), at most: 15 MB at 10,000 seeds of the
 * bench corpus; past this, later files' lines are hashed again in pass 2 rather than held (~150 MB
 * at 100,000). Keeping all of them there made pass 2 no faster and the peak 130 MB higher.
 */
export const KEEP_LINE_HASH_BYTES = 32 << 20;

/** Below this many files one thread is used unless --jobs says otherwise (starting workers costs more). */
export const PARALLEL_THRESHOLD = 200;

export type Stage = 'reading' | 'analysing' | 'cross-linking' | 'writing';

export interface CorpusRunOptions {
  mode: Mode;
  settings: SeedReviewSettings;
  cwd: string;
  /** worker threads: undefined = automatic, 1 = the main thread only */
  jobs?: number;
  stripOutput?: boolean;
  onProgress?: (stage: Stage, done: number, total: number) => void;
  /** debug notes (why the run is single-threaded, …) */
  debug?: (message: string) => void;
}

/** The bundled worker entry beside the CLI bundle (server/out/corpusWorker.js). */
export function workerFile(): string | null {
  return corpusWorkerFile(__dirname);
}

export function threadCount(files: number, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  if (files <= PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(files / 50)));
}

/**
 * Runs the engine over the files of one command-line run. They form the corpus: pass 1 hashes
 * every file's lines and counts in how many files each recurs (the corpus stage the chrome
 * classifier reads); pass 2 analyses each file against those counts with the service, in
 * worker threads when there are many files, and yields the outcomes one at a time in the
 * order of `files`, so output streams and memory stays bounded. `--jobs 1` and any number of
 * workers run the same code on the same inputs and give the same outcomes.
 */
export async function* runCorpus(files: readonly CorpusFile[], opts: CorpusRunOptions): AsyncGenerator<FileOutcome> {
  const jobs: FileJob[] = files.map((f, i) => ({ i, uri: f.uri, absPath: f.absPath, displayPath: f.displayPath }));
  const total = jobs.length;
  let threads = threadCount(total, opts.jobs);
  const file = threads > 1 ? workerFile() : null;
  if (threads > 1 && !file) {
    opts.debug?.('no corpusWorker.js beside the CLI bundle; running on one thread');
    threads = 1;
  }
  opts.debug?.(`${total} files on ${threads} thread${threads === 1 ? '' : 's'}`);
  const t0 = Date.now();
  const tableDone = (t: RecurrenceTableData) =>
    opts.debug?.(`pass 1 (line keys) ${Date.now() - t0} ms: ${t.keys.length} recurring lines in ${t.fileCount} files; line hashes kept for ${keptFiles} files (${(kept / 2 ** 20).toFixed(1)} MB)`);
  const pass2Done = (t1: number) => opts.debug?.(`pass 2 (analysis) ${Date.now() - t1} ms`);

  // pass 1's line hashes of a file ride on its pass-2 job (see FileJob.lineHashes), up to the cap
  let kept = 0, keptFiles = 0;
  const keep = (job: FileJob, k: KeysOutcome) => {
    if (!k.hashes || kept + k.hashes.byteLength > KEEP_LINE_HASH_BYTES) return;
    kept += k.hashes.byteLength;
    keptFiles++;
    job.lineHashes = k.hashes;
    job.textLength = k.textLength;
  };
  if (threads === 1) {
    const keys: Float64Array[] = [];
    for (const job of jobs) {
      const k = lineKeysOf(job);
      if (k.keys) keys.push(k.keys);
      keep(job, k);
      if (job.i % 50 === 49) opts.onProgress?.('reading', job.i + 1, total);
    }
    const table = buildRecurrenceTable(keys);
    keys.length = 0;
    tableDone(table);
    const t1 = Date.now();
    const analyser = new FileAnalyser({ mode: opts.mode, settings: opts.settings, table, cwd: opts.cwd, stripOutput: opts.stripOutput });
    let done = 0;
    for (const job of jobs) {
      const out = analyser.run(job);
      job.lineHashes = undefined;
      if (++done % 20 === 0 || done === total) opts.onProgress?.('analysing', done, total);
      yield out;
    }
    pass2Done(t1);
    return;
  }

  const pool = new WorkerPool(file!, threads, analysisWorkerLimits(total));
  try {
    let done = 0;
    const keys: Float64Array[] = [];
    const ahead = threads * 3;
    // a large run reads its files with many reads in flight (see readSeedFile): its files are
    // less likely to be in the page cache, and a cached file reads faster synchronously
    const concurrentReads = total > LARGE_RUN_FILES;
    for await (const k of orderedBatches<FileJob, KeysOutcome>(jobs, 64, ahead, (batch) => pool.request({ type: 'keys', jobs: batch, concurrentReads }))) {
      if (k.keys) keys.push(k.keys);
      keep(jobs[k.i], k);
      if (++done % 50 === 0 || done === total) opts.onProgress?.('reading', done, total);
    }
    const table: RecurrenceTableData = buildRecurrenceTable(keys, true);
    keys.length = 0;
    tableDone(table);
    const t1 = Date.now();
    await pool.broadcast({ type: 'init', options: { mode: opts.mode, settings: opts.settings, table, cwd: opts.cwd, stripOutput: opts.stripOutput } });
    done = 0;
    const analyse = (batch: FileJob[]) => {
      const sent = pool.request<FileOutcome[]>({ type: 'analyse', jobs: batch });
      for (const job of batch) job.lineHashes = undefined; // copied into the message
      return sent;
    };
    for await (const out of orderedBatches<FileJob, FileOutcome>(jobs, 16, ahead, analyse)) {
      if (++done % 20 === 0 || done === total) opts.onProgress?.('analysing', done, total);
      yield out;
    }
    pass2Done(t1);
  } finally {
    await pool.close();
  }
}
