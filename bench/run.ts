/**
 * `npm run bench [-- --sizes 1000,10000] [--skip-100k] [--only analysis,start,server,cli,readability] [--no-write]`
 *
 * Generates (once per size) the benchmark corpora, measures against the budgets, prints the
 * table and writes it into docs/BENCHMARKS.md. Builds the bundles first unless --no-build.
 */
import { execSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCorpus, CORPUS_ROOT, type CorpusInfo } from './corpus';
import { cliCommands, measureAnalysis, measureCli, measureFirstDiagnostics, measureServerOnCorpus, type Row } from './measure';
import { measureReadability } from './readability';
import { table, writeReport, machine } from './report';
import { REPO } from './sources';

const ALL = ['analysis', 'start', 'server', 'cli', 'readability'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      'skip-100k': { type: 'boolean' },
      only: { type: 'string' },
      'no-write': { type: 'boolean' },
      'no-build': { type: 'boolean' },
      'cpu-prof': { type: 'boolean' },
    },
  });
  let sizes = (values.sizes ?? '1000,10000,100000').split(',').map((s) => Number(s.trim().replace(/k$/i, '000'))).filter((n) => n > 0);
  if (values['skip-100k']) sizes = sizes.filter((n) => n < 100000);
  sizes.sort((a, b) => a - b);
  const only = new Set(values.only ? values.only.split(',') : ALL);
  const log = (m: string) => process.stderr.write(m + '\n');

  if (!values['no-build']) {
    log('building the bundles …');
    execSync('node scripts/build.mjs', { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const corpora = new Map<number, CorpusInfo>();
  for (const n of sizes) corpora.set(n, ensureCorpus(n, log));
  const serverSize = sizes.includes(10000) ? 10000 : sizes[sizes.length - 1];
  const small = corpora.get(sizes[0]) ?? null;
  const rows: Row[] = [];
  const step = async (name: string, f: () => Promise<Row[]>) => {
    if (!only.has(name)) return;
    log(`measuring: ${name} …`);
    try {
      const r = await f();
      for (const x of r) log(`  ${x.what}: ${x.figure}`);
      rows.push(...r);
    } catch (e) {
      log(`  failed: ${e instanceof Error ? e.stack : String(e)}`);
      rows.push({ what: name, figure: `failed: ${e instanceof Error ? e.message : String(e)}`, budget: '—', met: false });
    }
  };

  await step('analysis', () => measureAnalysis(small));
  await step('start', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'seed-bench-start-'));
    mkdirSync(path.join(root, 'seeds'));
    cpSync(path.join(REPO, 'seeds'), path.join(root, 'seeds'), { recursive: true });
    try {
      return await measureFirstDiagnostics(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  if (serverSize !== undefined) {
    const profDir = values['cpu-prof'] ? path.join(CORPUS_ROOT, 'profiles') : undefined;
    await step('server', () => measureServerOnCorpus(corpora.get(serverSize)!, { cpuProf: profDir }));
  }
  await step('cli', async () => {
    const cmds = await cliCommands();
    const out: Row[] = [];
    for (const n of sizes) if (n >= 10000 || sizes.length === 1) out.push(...(await measureCli(corpora.get(n)!, cmds)));
    return out;
  });
  await step('readability', () => measureReadability(small ?? corpora.get(serverSize)!));

  const header = [
    `- Sizes run: ${sizes.map((n) => n.toLocaleString('en-US')).join(', ')} files${sizes.includes(100000) ? '' : ' (100,000 skipped in this run)'}; measurements: ${[...only].join(', ')}`,
    ...sizes.map((n) => {
      const c = corpora.get(n)!;
      return `- Corpus n${n}: ${c.files.toLocaleString('en-US')} files, ${(c.bytes / 1e6).toFixed(1)} MB (avg ${(c.bytes / c.files / 1024).toFixed(1)} KB), ${c.sites} sites, ${c.stories} stories; text: ${c.sources}`;
    }),
  ];
  process.stdout.write('\n' + machine().join('\n') + '\n' + header.join('\n') + '\n\n' + table(rows) + '\n');
  writeFileSync(path.join(CORPUS_ROOT, 'last-run.json'), JSON.stringify({ date: new Date().toISOString(), sizes, rows }, null, 1));
  if (!values['no-write']) {
    writeReport(rows, header);
    log(`wrote ${path.relative(REPO, path.join(REPO, 'docs/BENCHMARKS.md'))}`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
