/**
 * A coarse, load-independent guard against super-linear time: runs `work` on inputs of size n
 * and 4n and fails when the larger takes more than `factor` times as long (linear work takes
 * about 4×, quadratic about 16×). Absolute times are never asserted.
 */
export function assertScalesLinearly(work: (scale: number) => void, factor = 10): void {
  const time = (scale: number) => {
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      work(scale);
      best = Math.min(best, performance.now() - t0);
    }
    return Math.max(best, 1);
  };
  work(1); // warm up the JIT
  const small = time(1);
  const large = time(4);
  if (large > small * factor) {
    throw new Error(`4× the input took ${(large / small).toFixed(1)}× as long (${small.toFixed(0)} ms → ${large.toFixed(0)} ms): super-linear`);
  }
}
