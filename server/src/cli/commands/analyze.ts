import { parseCommandArgs } from '../args';
import { runCorpus, threadCount, workerFile } from '../corpusRun';
import { UsageError } from '../pathWorkspace';
import { writeOut, writeOutFlushed } from '../terminal';
import { CrossLinks, withMatches } from '../crossLinks';
import { Spill } from '../spill';
import { VERSION } from '../version';
import { analysedOutcomes, setUp, type SkipTally } from './setup';

export const ANALYZE_HELP = `Usage: seed-review analyze --json [PATH...] [options]

Prints {"tool": {...}, "files": [...]} with, per file: header, one lines[] entry per line
(kind header|body|chrome|blank and the chrome rule), diagnostics, quotes with speakers, and
cross-links (matches[]: this file's sentences that another file given also carries, with the
target's path, range and text, a score 0..1 and the relation same|contains|containedIn).
Positions are zero-based lines and UTF-16 characters (LSP positions). Files are written one
at a time once the cross-link index over all files is built.

Options: --config FILE, --rule CODE=SEVERITY, -j/--jobs N, --debug (see seed-review --help).
Exit status: 0 success, 2 usage or I/O error.`;

export async function analyzeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } });
  if (!values.json) throw new UsageError('analyze prints JSON only: add --json');
  const s = await setUp(values, positionals, { pathsRequired: false });
  const links = new CrossLinks(s.settings);
  const spill = new Spill();
  const tally: SkipTally = { ioError: false };
  let analysed = 0;
  try {
    for await (const { file, r } of analysedOutcomes(s, runCorpus(s.files, { ...s.runOptions, mode: 'analyze' }), tally)) {
      spill.put(r.i, r.json!);
      links.add(file.uri, file.displayPath, r.tokens!, r.fragments!, r.fragmentEnds!);
      analysed++;
    }
    await writeOut(`{"tool":${JSON.stringify({ name: 'seed-review', version: VERSION })},"files":[`);
    let first = true;
    const threads = threadCount(s.files.length, s.runOptions.jobs);
    const t0 = Date.now(), cpu0 = process.cpuUsage();
    const matches = links.matches(s.files.map((f) => f.uri), { workerFile: threads > 1 ? workerFile() : null, threads, debug: s.runOptions.debug });
    let i = 0;
    for await (const m of matches) {
      const json = spill.take(i);
      if (i % 20 === 0) s.runOptions.onProgress?.('cross-linking', i, s.files.length);
      i++;
      if (json === undefined) continue;
      s.progress.clear();
      await writeOut(first ? '\n' : ',\n');
      // the matches tail may be shared memory the next batches reuse: written before going on
      for (const chunk of withMatches(json, m)) await (chunk === m ? writeOutFlushed(chunk) : writeOut(chunk));
      first = false;
    }
    await writeOut('\n]}\n');
    const cpu = process.cpuUsage(cpu0);
    s.runOptions.debug?.(`cross-links and output ${Date.now() - t0} ms (CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms, all threads)`);
  } finally {
    spill.dispose();
    links.dispose();
    s.progress.clear();
  }
  if (!analysed) s.warn('no file could be analysed');
  return tally.ioError || !analysed ? 2 : 0;
}
