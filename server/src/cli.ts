#!/usr/bin/env node
/** `seed-review`: the same engine as the extension, in a terminal and in CI. */
import { setFlagsFromString } from 'node:v8';
import { main } from './cli/main';

// V8 lets an old generation grow to about twice what survived its last full collection before
// the next one; the analysing threads keep ~25 MB alive but leave much more garbage behind
// (a file's analysis outlives a young-generation collection or two), so each thread's heap
// grew to ~105 MB. Growing by 35 % keeps the run's peak ~80 MB lower at no measured cost in
// time (docs/BENCHMARKS.md). Set before any worker thread starts; every thread reads it.
setFlagsFromString('--heap-growing-percent=35');
// A run is short and every thread compiles the analysis afresh: at 10,000 files the optimising
// compiler ran ~900 times (a deopt in an inlined callee recompiles its caller whole), ~7.8 s of
// compile jobs on a 2-core machine. Half V8's default inlining budget (920 bytes of bytecode per
// function) takes that to ~5.4 s and the run 0.2-0.3 s faster; the steady-state code is no
// slower at this size (docs/BENCHMARKS.md). The server, which runs for hours, keeps the default.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=460');
// V8 optimises on a helper thread so that the thread running JavaScript need not wait, and
// collects the young generation with helper threads too. Here every core already runs a thread of
// the CLI's (the analysing workers, then the link workers), so the helpers only take turns with
// them, and a thread whose collection waits for its helpers stands idle meanwhile. Both done in
// place, at 10,000 files: compiling 0.2 s faster with a peak 15 MB lower, young-generation
// collections another 0.25-0.9 s; at 100,000 files the collections 4.7-8 s (docs/BENCHMARKS.md).
// Set before any worker starts, so every worker's isolate runs with them.
setFlagsFromString('--no-concurrent-recompilation');
setFlagsFromString('--no-parallel-scavenge');

// a closed pipe (`seed-review … | head`) ends the run quietly, as other Unix tools do
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`seed-review: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.argv.includes('--debug') && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 2;
  },
);
