/** The measurements. Each returns rows for the BENCHMARKS.md table. */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveSettings } from '../server/src/shared/settings';
import { splitLines } from '../server/src/service/text/lines';
import type { CorpusInfo } from './corpus';
import { openDoc, procCpuSeconds, procMemory, pullDiagnostics, startBenchServer, type ProcMemory } from './lsp';
import { REPO } from './sources';
import { loadBundledService } from './serviceBundle';
import { fmtMB, fmtMs, median, p95, sleep } from './stats';

export interface Row {
  what: string;
  figure: string;
  budget: string;
  /** true met, false missed, null no budget */
  met: boolean | null;
  /** raw numbers, for the JSON record */
  raw?: Record<string, number | string>;
}

const settings = resolveSettings({});

/** A 10 KB seed: seed 000 followed by the body of seed 003, cut at a line boundary near 10,240 characters. */
export function tenKbSeed(): string {
  const a = readFileSync(path.join(REPO, 'seeds/000_0de6c06a7072f844.txt'), 'utf8');
  const b = readFileSync(path.join(REPO, 'seeds/003_35d470c25130c666.txt'), 'utf8').split('\n').slice(1);
  let text = a.endsWith('\n') ? a : a + '\n';
  for (const l of b) {
    if (text.length + l.length + 1 > 10240) break;
    text += l + '\n';
  }
  return text;
}

/** Fresh per-document analysis of a 10 KB seed, in process, through the service (cache defeated by bumping the version). */
export async function measureAnalysis(corpus: CorpusInfo | null, runs = 1000): Promise<Row[]> {
  // a corpus of neighbours so the recurrence stage has real counts: the two seeds plus up to 1,000 corpus files
  const files: Record<string, string> = {};
  for (const f of readdirSync(path.join(REPO, 'seeds')).filter((x) => x.endsWith('.txt'))) files[`file:///bench/seeds/${f}`] = readFileSync(path.join(REPO, 'seeds', f), 'utf8');
  if (corpus) {
    let n = 0;
    for (const dir of readdirSync(corpus.seedsDir).sort()) {
      for (const f of readdirSync(path.join(corpus.seedsDir, dir)).sort()) {
        if (n++ >= 1000) break;
        files[`file:///bench/corpus/${dir}/${f}`] = readFileSync(path.join(corpus.seedsDir, dir, f), 'utf8');
      }
    }
  }
  const svc = loadBundledService();
  const workspace = new svc.InMemoryWorkspace(files);
  const service = svc.createSeedService({
    workspace,
    settings: () => settings,
    lineCounter: new svc.LineRecurrence(),
    sentenceLinker: new svc.SentenceIndex(),
  });
  await service.indexCorpus();
  const text = tenKbSeed();
  const uri = 'file:///bench/seeds/ten-kb.txt';
  let version = 1;
  workspace.openDocument(TextDocument.create(uri, 'seed', version, text));
  const analyse: number[] = [];
  const withDiag: number[] = [];
  const warm = Math.min(500, runs / 4);
  let cpu0 = process.cpuUsage();
  for (let i = 0; i < runs + warm; i++) {
    if (i === warm) cpu0 = process.cpuUsage();
    version++;
    const doc = { uri, version, getText: () => text };
    const t0 = performance.now();
    service.analyseWith(doc, settings);
    const t1 = performance.now();
    await service.computeDiagnostics(doc); // cached analysis: the diagnostics provider only
    const t2 = performance.now();
    if (i >= warm) {
      analyse.push(t1 - t0);
      withDiag.push(t2 - t0);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
  service.dispose();
  const m = median(analyse);
  return [
    {
      what: `Analysis of one 10 KB seed (${text.length.toLocaleString('en-US')} chars, ${splitLines(text).length} lines; the production bundle of the service, fresh version each run, ${runs} runs, ${Object.keys(files).length}-file corpus indexed)`,
      figure: `median ${fmtMs(m)}, p95 ${fmtMs(p95(analyse))} (process CPU ${fmtMs(cpuMs)} per analysis + diagnostics, incl. GC)`,
      budget: '≤ 1 ms median',
      met: m <= 1,
      raw: { medianMs: m, p95Ms: p95(analyse), runs, cpuMsPerRun: cpuMs },
    },
    {
      what: 'Same, analysis + diagnostics (what one textDocument/diagnostic costs in process)',
      figure: `median ${fmtMs(median(withDiag))}, p95 ${fmtMs(p95(withDiag))}`,
      budget: '—',
      met: null,
      raw: { medianMs: median(withDiag), p95Ms: p95(withDiag) },
    },
  ];
}

/** Server start → first diagnostics for an opened seed, through the real protocol, in a workspace holding the two sample seeds. */
export async function measureFirstDiagnostics(root: string, runs = 7): Promise<Row[]> {
  const seed = path.join(root, 'seeds/000_0de6c06a7072f844.txt');
  const text = readFileSync(path.join(REPO, 'seeds/000_0de6c06a7072f844.txt'), 'utf8');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await startBenchServer(root);
    const uri = await openDoc(s, seed, text);
    const items = await pullDiagnostics(s, uri);
    times.push(performance.now() - s.spawnedAt);
    if (!items.length) throw new Error('first diagnostics were empty');
    await s.close();
  }
  const m = median(times);
  return [
    {
      what: `Server start to first diagnostics (spawn \`server.js --stdio\` → initialize → didOpen → first \`textDocument/diagnostic\` answer; median of ${runs})`,
      figure: `median ${fmtMs(m)} (min ${fmtMs(Math.min(...times))}, max ${fmtMs(Math.max(...times))})`,
      budget: '≤ 300 ms',
      met: m <= 300,
      raw: { medianMs: m, maxMs: Math.max(...times) },
    },
  ];
}

/** Index build, memory, hover during indexing and the edit round trip, in one server on the corpus folder. */
export async function measureServerOnCorpus(corpus: CorpusInfo, opts: { edits?: number; cpuProf?: string } = {}): Promise<Row[]> {
  const edits = opts.edits ?? 100;
  const n = corpus.files.toLocaleString('en-US');
  const s = await startBenchServer(corpus.root, { cpuProf: opts.cpuProf });
  const pid = s.proc.pid!;
  const seedAbs = path.join(corpus.root, corpus.sample[0]);
  const text = readFileSync(seedAbs, 'utf8');
  const uri = await openDoc(s, seedAbs, text);
  const lines = text.split('\n');
  // hovers while the index builds: one every 50 ms on the article's first line
  const bodyLine = lines.findIndex((l, i) => i > 0 && l.length > 200);
  const hoverTimes: number[] = [];
  let peak: ProcMemory | null = null;
  const poll = setInterval(() => {
    const m = procMemory(pid);
    if (m) peak = m;
  }, 100);
  while (s.indexing) {
    const t0 = performance.now();
    await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: Math.max(0, bodyLine), character: 5 } });
    const t1 = performance.now();
    if (s.indexing) hoverTimes.push(t1 - t0);
    await Promise.race([s.idle, sleep(50)]);
  }
  const idleAt = await s.idle;
  const indexMs = idleAt - s.spawnedAt;
  const indexCpu = procCpuSeconds(pid);
  await sleep(300);
  clearInterval(poll);
  const memIdle = procMemory(pid) ?? peak;

  // edit → refreshed diagnostics: insert a word into the article line, then pull
  const round: number[] = [];
  let version = 1;
  await pullDiagnostics(s, uri);
  const editCpu0 = procCpuSeconds(pid);
  for (let i = 0; i < edits + 5; i++) {
    version++;
    const insert = i % 2 === 0 ? 'very ' : '';
    const change =
      i % 2 === 0
        ? { range: { start: { line: bodyLine, character: 0 }, end: { line: bodyLine, character: 0 } }, text: insert }
        : { range: { start: { line: bodyLine, character: 0 }, end: { line: bodyLine, character: 5 } }, text: '' };
    const t0 = performance.now();
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const items = await pullDiagnostics(s, uri);
    const t1 = performance.now();
    if (!Array.isArray(items)) throw new Error('no diagnostics');
    if (i >= 5) round.push(t1 - t0);
  }
  const editCpuMs = ((procCpuSeconds(pid) - editCpu0) * 1000) / (edits + 5);
  const links = await measureCrossLinks(s, corpus, edits);
  const memEnd = procMemory(pid);
  await s.close();
  const rss = Math.max(memIdle?.hwmMB ?? NaN, memEnd?.hwmMB ?? NaN);
  const hp95 = hoverTimes.length ? p95(hoverTimes) : NaN;
  const hmax = hoverTimes.length ? Math.max(...hoverTimes) : NaN;
  return [
    {
      what: `Corpus index build, ${n} files (${(corpus.bytes / 1e6).toFixed(0)} MB): spawn → \`seedReview/indexStatus\` idle`,
      figure: `${fmtMs(indexMs)} (server CPU ${indexCpu.toFixed(1)} s)`,
      budget: '≤ 10 s',
      met: indexMs <= 10000,
      raw: { indexMs, indexCpuS: indexCpu },
    },
    {
      what: `Server memory with ${n} files indexed (peak VmHWM; VmRSS when idle)`,
      figure: `peak ${fmtMB(rss)}, idle ${fmtMB(memIdle?.rssMB ?? NaN)}`,
      budget: '≤ 400 MB',
      met: rss <= 400,
      raw: { peakMB: rss, idleRssMB: memIdle?.rssMB ?? NaN },
    },
    {
      what: `Hover answered while the index is building (${hoverTimes.length} hovers, one per 50 ms until idle; first includes the document's first analysis)`,
      figure: hoverTimes.length ? `median ${fmtMs(median(hoverTimes))}, p95 ${fmtMs(hp95)}, max ${fmtMs(hmax)}` : 'index finished before the first hover',
      budget: '≤ 50 ms',
      met: hoverTimes.length ? hp95 <= 50 : null,
      raw: { hovers: hoverTimes.length, medianMs: median(hoverTimes), p95Ms: hp95, maxMs: hmax },
    },
    {
      what: `Edit → refreshed diagnostics in the ${n}-file workspace (didChange + \`textDocument/diagnostic\`, ${edits} edits)`,
      figure: `p50 ${fmtMs(median(round))}, p95 ${fmtMs(p95(round))} (server CPU ${fmtMs(editCpuMs)} per edit, mean)`,
      budget: '≤ 30 ms p95',
      met: p95(round) <= 30,
      raw: { p50Ms: median(round), p95Ms: p95(round), serverCpuMsPerEdit: editCpuMs },
    },
    ...links,
  ];
}

const ALSO_IN = '\u2194 Also in';

interface LensLike {
  range: { start: { line: number; character: number } };
}

function hoverText(h: unknown): string {
  const c = (h as { contents?: { value?: string } | string } | null)?.contents;
  return typeof c === 'string' ? c : (c?.value ?? '');
}

/**
 * The cross-link issue's editor budgets, once the index is idle: a hover on a sentence that other
 * seeds carry (≤ 5 ms), and an edit re-linked (didChange → the code lenses of the edited file, which
 * re-index it and match all its sentences again; ≤ 20 ms). The files are the corpus's sample: one
 * story carried by several sites. The sentences with links are found first through the code lenses
 * and probing hovers; each file is then closed and opened again, so the timed hovers find no links
 * cached (the analysis is, as after the diagnostics VS Code pulls on opening).
 */
async function measureCrossLinks(s: Awaited<ReturnType<typeof startBenchServer>>, corpus: CorpusInfo, edits: number): Promise<Row[]> {
  const targets: { abs: string; text: string; at: { line: number; character: number }[] }[] = [];
  for (const rel of corpus.sample) {
    const abs = path.join(corpus.root, rel);
    const text = readFileSync(abs, 'utf8');
    const lines = text.split('\n');
    const uri = await openDoc(s, abs, text, 1);
    await pullDiagnostics(s, uri);
    const lenses = ((await s.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) ?? []) as LensLike[];
    const at: { line: number; character: number }[] = [];
    for (const lens of lenses) {
      const line = lens.range.start.line;
      const seen = new Set<string>();
      for (let character = 0; character < (lines[line]?.length ?? 0) && at.length < 20; character += 25) {
        const h = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as { range?: unknown } | null;
        const key = JSON.stringify(h?.range);
        if (!hoverText(h).includes(ALSO_IN) || seen.has(key)) continue;
        seen.add(key);
        at.push({ line, character });
      }
    }
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    if (at.length) targets.push({ abs, text, at });
  }
  if (!targets.length) {
    return [{ what: 'Hover on a sentence with cross-links (index idle)', figure: 'no linked sentence found in the sample files', budget: '≤ 5 ms', met: false }];
  }
  await sleep(500); // closing re-reads the files from disk: let that settle
  const hovers: number[] = [];
  for (const t of targets) {
    const uri = await openDoc(s, t.abs, t.text, 1);
    await pullDiagnostics(s, uri);
    for (const position of t.at) {
      const t0 = performance.now();
      const h = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      const t1 = performance.now();
      if (!hoverText(h).includes(ALSO_IN)) throw new Error(`no cross-links in the hover at ${t.abs}:${position.line + 1}`);
      hovers.push(t1 - t0);
    }
  }
  // edits in a linked line of the first target, each followed by its code lenses (re-indexed, re-linked)
  const first = targets[0];
  const uri = s.uriOf(first.abs);
  const line = first.at[0].line;
  const relink: number[] = [];
  for (let i = 0, version = 1; i < edits + 5; i++) {
    version++;
    const change =
      i % 2 === 0
        ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'very ' }
        : { range: { start: { line, character: 0 }, end: { line, character: 5 } }, text: '' };
    const t0 = performance.now();
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const lenses = (await s.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as LensLike[] | null;
    const t1 = performance.now();
    if (!lenses?.length) throw new Error('no code lenses after an edit of a linked file');
    if (i >= 5) relink.push(t1 - t0);
  }
  const files = targets.length;
  return [
    {
      what: `Hover on a sentence with cross-links, index idle (${hovers.length} sentences in ${files} files of one story; each file just opened, no links cached)`,
      figure: `median ${fmtMs(median(hovers))}, p95 ${fmtMs(p95(hovers))}, max ${fmtMs(Math.max(...hovers))}`,
      budget: '≤ 5 ms',
      met: p95(hovers) <= 5,
      raw: { hovers: hovers.length, medianMs: median(hovers), p95Ms: p95(hovers), maxMs: Math.max(...hovers) },
    },
    {
      what: `Edit → re-linked: didChange in a linked line + \`textDocument/codeLens\` (the file re-indexed and all its sentences matched again; ${edits} edits)`,
      figure: `p50 ${fmtMs(median(relink))}, p95 ${fmtMs(p95(relink))}`,
      budget: '≤ 20 ms p95',
      met: p95(relink) <= 20,
      raw: { p50Ms: median(relink), p95Ms: p95(relink) },
    },
  ];
}

export const CLI_JS = path.join(REPO, 'server/out/cli.js');

/** Which CLI commands exist in the bundle (analyze always; check once it lands). */
export async function cliCommands(): Promise<string[][]> {
  const help = await runQuiet(process.execPath, [CLI_JS, '--help']);
  const cmds: string[][] = [['analyze', '--json']];
  if (/^\s+check\b/m.test(help)) cmds.push(['check']);
  return cmds;
}

function runQuiet(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', () => resolve(out));
  });
}

/**
 * Runs the CLI on a folder, output discarded, and reads its peak RSS from inside
 * (`process.resourceUsage().maxRSS` at exit, written to fd 3): exact, and needs no /usr/bin/time.
 * Standard output goes to /dev/null, as `> /dev/null` sends it: read through a pipe by this
 * process (545 MB of JSON at 10,000 files), the reading took CPU from the run on the same cores.
 */
export async function runCli(args: string[], folder: string): Promise<{ ms: number; cpuMs: number; maxRssMB: number; code: number | null; stderr: string }> {
  const devNull = openSync('/dev/null', 'w');
  const wrapper = `process.on('exit',()=>{try{require('fs').writeSync(3,JSON.stringify(process.resourceUsage()))}catch{}});process.argv.splice(1,1,${JSON.stringify(CLI_JS)});require(${JSON.stringify(CLI_JS)});`;
  const t0 = performance.now();
  const p = spawn(process.execPath, ['-e', wrapper, CLI_JS, ...args, folder], { stdio: ['ignore', devNull, 'pipe', 'pipe'] });
  closeSync(devNull); // the child has its own
  let usage = '';
  let stderr = '';
  let hwm = 0;
  p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  (p.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => (usage += d.toString()));
  const poll = setInterval(() => {
    const m = p.pid ? procMemory(p.pid) : null;
    // a read while the process exits can miss the field (NaN), which Math.max would keep
    if (m && Number.isFinite(m.hwmMB)) hwm = Math.max(hwm, m.hwmMB);
  }, 100);
  const code = await new Promise<number | null>((r) => p.on('close', r));
  clearInterval(poll);
  const ms = performance.now() - t0;
  let maxRssMB = hwm;
  let cpuMs = NaN;
  try {
    const u = JSON.parse(usage) as { maxRSS: number; userCPUTime: number; systemCPUTime: number };
    maxRssMB = Math.max(hwm, u.maxRSS / 1024);
    cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
  } catch {
    /* keep the polled figure */
  }
  return { ms, cpuMs, maxRssMB, code, stderr: stderr.slice(0, 2000) };
}

/** The CLI issue's budgets: 10,000 files in ≤ 10 s and ≤ 400 MB; 100,000 in ≤ 2 minutes without running out of memory. */
function cliBudget(files: number, ok: boolean, ms: number, rssMB: number): Pick<Row, 'budget' | 'met'> {
  if (files === 10000) return { budget: '≤ 10 s, ≤ 400 MB', met: ok && ms <= 10_000 && rssMB <= 400 };
  if (files === 100000) return { budget: '≤ 120 s, no out-of-memory', met: ok && ms <= 120_000 };
  return { budget: '—', met: ok ? null : false };
}

export async function measureCli(corpus: CorpusInfo, commands: string[][]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const cmd of commands) {
    const r = await runCli(cmd, corpus.seedsDir);
    const mbps = corpus.bytes / 1e6 / (r.ms / 1000);
    const ok = r.code === 0 || (cmd[0] === 'check' && r.code === 1);
    rows.push({
      what: `CLI \`seed-review ${cmd.join(' ')}\` on ${corpus.files.toLocaleString('en-US')} files (${(corpus.bytes / 1e6).toFixed(0)} MB), output discarded`,
      figure: ok
        ? `${mbps.toFixed(1)} MB/s (${fmtMs(r.ms)}, ${Math.round(corpus.files / (r.ms / 1000)).toLocaleString('en-US')} files/s; CPU ${fmtMs(r.cpuMs)}), peak RSS ${fmtMB(r.maxRssMB)}`
        : `failed (exit ${r.code}): ${r.stderr.split('\n')[0]}; peak RSS ${fmtMB(r.maxRssMB)} after ${fmtMs(r.ms)}`,
      ...cliBudget(corpus.files, ok, r.ms, r.maxRssMB),
      raw: { ms: r.ms, cpuMs: r.cpuMs, mbps, maxRssMB: r.maxRssMB, code: r.code ?? -1 },
    });
  }
  return rows;
}
