/**
 * Node options the language server is started with, by the client and by everything that
 * starts it the same way (the benchmark, the protocol tests).
 *
 * `--expose-gc`: an index worker collects its garbage every GC_EVERY_FILES files it analyses
 * (corpusWorker.ts). Analysing thousands of files leaves tens of megabytes of garbage that V8
 * would otherwise keep until the heap is twice the live data; the worker's heap counts against
 * the server's 400 MB budget.
 *
 * `--max-semi-space-size=4` (MB; V8's default grows to 16): the young generation of the
 * server's thread stays small. Measured through the protocol on 10,000 files (`npm run bench`):
 * peak 401 → 364 MB, idle 319 → 278 MB, index build and edit latency unchanged.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--expose-gc', '--max-semi-space-size=4'];

/**
 * Environment added for the server process. `MALLOC_ARENA_MAX=2` (glibc; ignored elsewhere):
 * each thread that allocates gets its own malloc arena, and memory freed in a worker's arena
 * stays in the process; two arenas kept the peak of a 10,000-file build with an index worker
 * about 30 MB lower (bench/profile-index.ts).
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
