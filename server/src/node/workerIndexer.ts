import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { RecurrenceTableData } from '../service/corpus';
import type { DigestJob, FileDigest, ParallelIndexer } from '../service/corpusIndex';
import { WorkerPool, orderedBatches } from './workerPool';

/** Files per request: large enough to amortise a message, small enough to keep every thread busy. */
const KEYS_BATCH = 64;
const DIGEST_BATCH = 16;

/**
 * The server's index build on worker threads (`corpusWorker.js` beside the server bundle), one
 * per core: they read, hash and analyse files while the server's thread takes in results and
 * answers requests. Threads start with a build and end with it (`release`), so an idle server
 * holds none.
 */
export class WorkerIndexer implements ParallelIndexer {
  private pool: WorkerPool | null = null;

  private constructor(
    private readonly file: string,
    private readonly threads: number,
  ) {}

  /** An indexer when the worker bundle is there (it is not when the service runs from source). */
  static create(dir: string, threads = availableParallelism()): WorkerIndexer | undefined {
    const file = path.join(dir, 'corpusWorker.js');
    return existsSync(file) && threads >= 1 ? new WorkerIndexer(file, threads) : undefined;
  }

  private get workers(): WorkerPool {
    this.pool ??= new WorkerPool(this.file, this.threads, { maxYoungGenerationSizeMb: Number(process.env.YG ?? 8) });
    return this.pool;
  }

  lineKeys(uris: readonly string[]): AsyncIterable<Float64Array | null> {
    const pool = this.workers;
    return orderedBatches<string, Float64Array | null>(uris, KEYS_BATCH, pool.size * 3, (batch) => pool.request({ type: 'indexKeys', uris: batch }));
  }

  async *digest(table: RecurrenceTableData, jobs: readonly DigestJob[]): AsyncIterable<FileDigest | null> {
    const pool = this.workers;
    await pool.broadcast({ type: 'indexInit', table });
    yield* orderedBatches<DigestJob, FileDigest | null>(jobs, DIGEST_BATCH, pool.size * 3, (batch) => pool.request({ type: 'digest', jobs: batch }));
  }

  async release(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }
}
