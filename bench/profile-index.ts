/**
 * `node --expose-gc --import tsx bench/profile-index.ts [--size 10000] [--threads N]`: the server's index
 * build in process (the bundled service, FsWorkspace on a bench corpus, worker threads from
 * server/out unless --threads 0): wall time, process CPU, peak RSS, and how busy the main
 * thread was (event-loop utilisation), for working on the build without the LSP around it.
 * Run `npm run build` and `npm run bench -- --sizes N --only analysis --no-write` once first
 * (it generates the corpus).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadBundledService } from './serviceBundle';
import { CORPUS_ROOT } from './corpus';
import { REPO } from './sources';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '10000' }, threads: { type: 'string' } } });
  const m = loadBundledService();
  const root = path.join(CORPUS_ROOT, `n${values.size}`);
  const settings = m.resolveSettings({});
  const workspace = new m.FsWorkspace([{ path: root, patterns: settings.files }], () => undefined);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  const parallel = threads === 0 ? undefined : m.WorkerIndexer.create(path.join(REPO, 'server', 'out'), threads);
  const sentenceLinker = new m.SentenceIndex({ minScore: settings.matching.minScore, maxFanOut: 200 });
  const logger = { info: (x: string) => console.error('info:', x), warn: (x: string) => console.error('warn:', x), error: (x: string) => console.error('error:', x) };
  const g = globalThis as { gc?: () => void };
  const service = m.createSeedService({ workspace, logger, settings: () => settings, lineCounter: new m.LineRecurrence(), sentenceLinker, parallel });
  let peak = 0;
  let atPeak = '';
  // CPU time of each thread of the process (Linux), read while they live: which thread the build waits for
  const threadCpu = new Map<string, { name: string; ms: number }>();
  const readThreads = () => {
    try {
      for (const tid of readdirSync('/proc/self/task')) {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        const name = stat.slice(stat.indexOf('(') + 1, close);
        const f = stat.slice(close + 2).split(' ');
        const ms = ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
        threadCpu.set(tid, { name, ms: Math.max(ms, threadCpu.get(tid)?.ms ?? 0) });
      }
    } catch {
      /* not Linux */
    }
  };
  const t00 = performance.now();
  const sample = setInterval(() => {
    readThreads();
    const m = process.memoryUsage();
    if (m.rss > peak) {
      peak = m.rss;
      atPeak = `at ${((performance.now() - t00) / 1000).toFixed(1)} s: heap ${(m.heapUsed / 2 ** 20).toFixed(0)}/${(m.heapTotal / 2 ** 20).toFixed(0)} MB, external ${(m.external / 2 ** 20).toFixed(0)} MB, arrayBuffers ${(m.arrayBuffers / 2 ** 20).toFixed(0)} MB`;
    }
  }, 25);
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await service.indexCorpus();
  readThreads();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const elu = performance.eventLoopUtilization(elu0);
  clearInterval(sample);
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  g.gc?.();
  console.log(
    `${r.indexed}/${r.total} files, ${service.indexStats.sentences} sentences, threads ${parallel ? (threads ?? 'auto') : 0}: ` +
      `wall ${(wall / 1000).toFixed(1)} s, process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, ` +
      `main thread busy ${(elu.utilization * 100).toFixed(0)}% (${((elu.active) / 1000).toFixed(1)} s), ` +
      `peak RSS ${mb(Math.max(peak, process.resourceUsage().maxRSS * 1024))}, RSS after ${mb(process.memoryUsage.rss())}, heap ${mb(process.memoryUsage().heapUsed)}`,
  );
  console.log(`peak ${atPeak}`);
  const busy = [...threadCpu.values()].filter((t) => t.ms >= 100).sort((a, b) => b.ms - a.ms);
  if (busy.length) console.log(`CPU by thread: ${busy.map((t) => `${t.name} ${(t.ms / 1000).toFixed(1)} s`).join(', ')}`);
  const st = sentenceLinker.stats();
  console.log(`sentence index: ${st.tokens} tokens, ${st.postings} postings, vocabulary ${st.vocabulary}, ${mb(st.bytes)} in typed arrays; memory ${JSON.stringify(process.memoryUsage(), (_k, v) => (typeof v === 'number' ? mb(v) : v))}`);
}
void main();
