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
