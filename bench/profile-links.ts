/**
 * `npx esbuild bench/profile-links.ts --bundle --platform=node --outfile=/tmp/profile-links.js &&
 * node /tmp/profile-links.js DIR [--every 5] [--reps 2]`: the CLI's link stage
 * (FrozenLinks: the walks, the alignments, the matches tails) on one thread, on a copy of a real
 * run's frozen index and fragments, timed in CPU. Alternate two versions of the code to compare
 * them: a whole run at 100,000 files varies by several seconds from run to run on these machines,
 * more than most changes to the link stage gain; this varies by 2-3 %. Run it bundled, as the
 * CLI is: through tsx the same code took a third longer.
 *
 * Make the copy once (it is ~1 GB at 100,000 files):
 * `SEED_REVIEW_DUMP_LINKS=DIR node server/out/cli.js analyze --json bench/corpus/n100000/seeds > /dev/null`.
 * It holds the score table's size, not its scores: each rep starts with an empty table. Every
 * `--every`-th batch of 16 files is written (consecutive files, as a link worker gets them).
 */
import { parseArgs } from 'node:util';
import { FrozenLinks } from '../server/src/cli/crossLinks';
import { loadLinks } from '../server/src/cli/linksDump';

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { every: { type: 'string', default: '5' }, reps: { type: 'string', default: '2' } },
  });
  if (positionals.length !== 1) throw new Error('usage: profile-links.ts DIR [--every N] [--reps N]');
  const every = Number(values.every), reps = Number(values.reps);
  const { index, fragments, ids, emptyScores } = loadLinks(positionals[0]);
  const batches: number[][] = [];
  for (let k = 0, b = 0; k < ids.length; k += 16, b++) if (b % every === 0) batches.push(ids.slice(k, k + 16));
  const slot = new SharedArrayBuffer(4 << 20);
  for (let r = 0; r < reps; r++) {
    emptyScores();
    const links = new FrozenLinks(index, fragments);
    const cpu = process.cpuUsage(), t0 = Date.now();
    let bytes = 0;
    for (const batch of batches) {
      const tails = links.tailsInto(batch, slot);
      for (let k = 0; k < batch.length; k++) bytes += Math.max(0, tails.at[2 * k + 1]);
    }
    const used = process.cpuUsage(cpu);
    links.close();
    console.log(`${batches.length * 16} files: ${Date.now() - t0} ms, CPU ${((used.user + used.system) / 1000).toFixed(0)} ms (system ${(used.system / 1000).toFixed(0)}), tails ${(bytes / 1e6).toFixed(0)} MB`);
  }
}

main();
