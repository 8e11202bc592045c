import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** The bundled worker entry (`corpusWorker.js`) in `dir`, or null when it is not there (running from source). */
export function corpusWorkerFile(dir: string): string | null {
  const f = path.join(dir, 'corpusWorker.js');
  return existsSync(f) ? f : null;
}
import type { WorkerRequest } from './corpusWorker';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** Distributive Omit, so each request variant keeps its own fields. */
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/** A fixed set of worker threads answering requests one at a time each, in the order sent. */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly load: number[] = [];
  private nextId = 1;
  private failure: Error | null = null;

  /** `background`: the workers lower their own thread priority (see threadPriority.ts) */
  constructor(file: string, size: number, resourceLimits?: ResourceLimits, background = false) {
    for (let w = 0; w < size; w++) {
      const worker = new Worker(file, { resourceLimits, workerData: { background } });
      worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        this.load[w]--;
        if (m.error !== undefined) p.reject(new WorkerError(m.error));
        else p.resolve(m.result);
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`worker thread exited with code ${code}`));
      });
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  /** Sends a request to the least busy worker (or to worker `to`). */
  request<T>(body: RequestBody, transfer: ArrayBuffer[] = [], to?: number): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    let w = to ?? 0;
    if (to === undefined) for (let k = 1; k < this.workers.length; k++) if (this.load[k] < this.load[w]) w = k;
    const id = this.nextId++;
    this.load[w]++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.workers[w].postMessage({ ...body, id }, transfer);
    });
  }

  /** The same request to every worker. */
  broadcast(body: RequestBody): Promise<unknown[]> {
    return Promise.all(this.workers.map((_, w) => this.request(body, [], w)));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** An error thrown inside a worker, carrying its stack for --debug. */
export class WorkerError extends Error {
  constructor(detail: string) {
    const [first, ...rest] = detail.split('\n');
    super(first);
    this.stack = [first, ...rest].join('\n');
  }
}

/**
 * Runs `work` over consecutive batches, at most `ahead` batches in flight, and yields the results
 * in batch order however the batches finish, so the caller streams results in input order with
 * bounded memory.
 */
export async function* orderedBatches<J, R>(items: readonly J[], batchSize: number, ahead: number, work: (batch: J[]) => Promise<R[]>): AsyncGenerator<R> {
  const batches: J[][] = [];
  for (let i = 0; i < items.length; i += batchSize) batches.push(items.slice(i, i + batchSize));
  const inFlight = new Map<number, Promise<R[]>>();
  let next = 0;
  for (let b = 0; b < batches.length; b++) {
    while (next < batches.length && next - b < ahead) {
      const p = work(batches[next]);
      p.catch(() => {}); // observed when its turn comes
      inFlight.set(next++, p);
    }
    const results = await inFlight.get(b)!;
    inFlight.delete(b);
    yield* results;
  }
}
