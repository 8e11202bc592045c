/**
 * A coarse, load-independent guard against super-linear time: runs `work` on inputs of size n
 * and 4n and fails when the larger takes more than `factor` times as long (linear work takes
 * about 4×, quadratic about 16×). Absolute times are never asserted. Sizes are timed in turn,
 * best of three each, and a ratio over the factor is measured again (up to three rounds) before
 * failing: a burst of load on a shared machine does not repeat, quadratic work does.
 */
export function assertScalesLinearly(work: (scale: number) => void, factor = 10): void {
  const once = (scale: number) => {
    const t0 = performance.now();
    work(scale);
    return performance.now() - t0;
  };
  work(1); // warm up the JIT
  let small = 0;
  let large = 0;
  for (let round = 0; round < 3; round++) {
    small = Infinity;
    large = Infinity;
    for (let i = 0; i < 3; i++) {
      small = Math.min(small, once(1));
      large = Math.min(large, once(4));
    }
    small = Math.max(small, 1);
    if (large <= small * factor) return;
  }
  throw new Error(`4× the input took ${(large / small).toFixed(1)}× as long (${small.toFixed(0)} ms → ${large.toFixed(0)} ms): super-linear`);
}
