import { availableParallelism } from 'node:os';
import type { RecurrenceTableData } from '../service/corpus';
import { unpackDigest, type DigestJob, type FileDigest, type PackedDigest, type ParallelIndexer } from '../service/corpusIndex';
import { WorkerPool, corpusWorkerFile } from './workerPool';
import { threadPriorityAvailable } from './threadPriority';

/**
 * Worker threads of the server's index build: one fewer than the cores (the server's thread
 * keeps one for requests), at most MAX_INDEX_THREADS. Each worker costs memory (its own heap and
 * copy of the code, ~40-80 MB while it analyses), which counts against the server's budget, and
 * the two cores measured here run two busy threads only 1.26x as fast as one.
 */
export const MAX_INDEX_THREADS = 2;

export function indexThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.min(MAX_INDEX_THREADS, cores - 1));
}

/**
 * The server's index build on worker threads (`corpusWorker.js` beside the server bundle): they
 * read, hash and analyse files while the server's thread takes in results and answers
 * requests. Threads start with a build and end with it (`release`), so an idle server holds none.
 */
export class WorkerIndexer implements ParallelIndexer {
  private pool: WorkerPool | null = null;

  private constructor(
    private readonly file: string,
    private readonly threads: number,
  ) {}

  /** An indexer when the worker bundle is there (it is not when the service runs from source). */
  static create(dir: string, threads = indexThreads()): WorkerIndexer | undefined {
    const file = corpusWorkerFile(dir);
    return file && threads >= 1 ? new WorkerIndexer(file, threads) : undefined;
  }

  /** two requests per thread, so a thread never waits for the next batch */
  get lanes(): number {
    return this.threads * 2;
  }

  private get workers(): WorkerPool {
    // background: a busy machine slows the build, not the server's answers
    this.pool ??= new WorkerPool(this.file, this.threads, { maxYoungGenerationSizeMb: 4 }, threadPriorityAvailable());
    return this.pool;
  }

  lineKeys(uris: string[]): Promise<(Float64Array | null)[]> {
    return this.workers.request({ type: 'indexKeys', uris });
  }

  async prepare(table: RecurrenceTableData): Promise<void> {
    await this.workers.broadcast({ type: 'indexInit', table });
  }

  async digest(jobs: DigestJob[]): Promise<(FileDigest | null)[]> {
    const packed = await this.workers.request<(PackedDigest | null)[]>({ type: 'digest', jobs });
    return packed.map((p) => (p ? unpackDigest(p) : null));
  }

  async release(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }
}
