#!/usr/bin/env node
/** `seed-review`: the same engine as the extension, in a terminal and in CI. */
import { main } from './cli/main';

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
