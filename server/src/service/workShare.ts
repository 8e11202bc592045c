/**
 * Shares a list of jobs between other threads and this one: `lanes` requests of `batch` jobs
 * each are kept in flight to the other threads, taken from the front of the list, while this
 * thread does single jobs from the back whenever it has nothing else to do (each local job
 * is followed by `pause`, which lets requests through). Every result goes to `take` here, in
 * whatever order the jobs finish. When a request to the other threads fails, its jobs and all
 * that are left are done here.
 */
export interface WorkShare<J, R> {
  remote: (batch: J[]) => Promise<R[]>;
  lanes: number;
  batch: number;
  local: (job: J) => Promise<R>;
  /**
   * `share`: this thread also does jobs from the back of the list; `fallback`: only those the
   * other threads could not do (this thread stays free for requests).
   */
  localMode?: 'share' | 'fallback';
  take: (job: J, result: R) => void;
  pause: () => Promise<void>;
  cancelled: () => boolean;
  /** told once when the other threads fail (the work goes on here) */
  onRemoteFailure?: (e: unknown) => void;
}

export async function shareWork<J, R>(jobs: readonly J[], o: WorkShare<J, R>): Promise<void> {
  let lo = 0;
  let hi = jobs.length;
  const retry: J[] = [];
  let remoteFailed = false;

  const remoteLane = async () => {
    while (!remoteFailed && lo < hi && !o.cancelled()) {
      const batch = jobs.slice(lo, Math.min(hi, lo + o.batch));
      lo += batch.length;
      let results: R[];
      try {
        results = await o.remote(batch);
        if (results.length !== batch.length) throw new Error(`${results.length} results for ${batch.length} jobs`);
      } catch (e) {
        if (!remoteFailed) o.onRemoteFailure?.(e);
        remoteFailed = true;
        retry.push(...batch);
        return;
      }
      if (o.cancelled()) return;
      batch.forEach((job, k) => o.take(job, results[k]));
    }
  };

  const lanes = Array.from({ length: Math.max(0, o.lanes) }, remoteLane);
  // this thread: from the back of the list, then whatever the other threads could not do
  const localLane = async () => {
    while (!o.cancelled()) {
      let job: J;
      if (retry.length) job = retry.pop()!;
      else if (lo < hi && (o.localMode !== 'fallback' || remoteFailed || o.lanes <= 0)) job = jobs[--hi];
      else break;
      o.take(job, await o.local(job));
      await o.pause();
    }
  };
  await Promise.all([...lanes, localLane()]);
  // a lane that failed after the local lane finished leaves its jobs in `retry`
  if (retry.length && !o.cancelled()) await localLane();
}
