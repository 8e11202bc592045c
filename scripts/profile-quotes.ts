/**
 * CPU time of the quote stage alone (findQuotes), in process, on the 10 KB benchmark seed and a
 * few quote-heavy chrome-dev pages; chrome classification runs once outside the timing.
 *
 *   node --import tsx scripts/profile-quotes.ts [runs]          median CPU ms per run and per 10 KB
 *   node --import tsx scripts/profile-quotes.ts --dump FILE     every quote of the quotes-dev,
 *                                                               chrome-dev and repo seeds as JSON
 *                                                               (to check a change keeps the output)
 *   node --cpu-prof --import tsx scripts/profile-quotes.ts      for a profile (bench/topProfile.ts)
 *
 * Data root: $SEED_DATA, else ../shared/data beside the repository. CPU time
 * (process.cpuUsage), not wall time: the machine is shared.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tenKbSeed } from '../bench/measure';
import { analyseText } from '../server/src/service/analysis';
import { findQuotes } from '../server/src/service/quotes/index';
import { isBlankLine, splitLines } from '../server/src/service/text/lines';
import type { Line, LineKind } from '../server/src/service/types';

const DATA = resolve(process.env.SEED_DATA ?? resolve(__dirname, '../../shared/data'));
const REPO = resolve(__dirname, '..');

interface Doc { name: string; text: string; lines: Line[]; kinds: LineKind[] }

function prepare(name: string, text: string): Doc {
  const a = analyseText(`file:///p/${name}`, 1, text, { corpusFiles: 0, maxFileSize: 2_000_000 });
  return { name, text, lines: a.lines, kinds: a.chrome.kinds };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(doc: Doc, runs: number): number {
  const run = (): void => void findQuotes(doc.text, doc.lines, doc.kinds);
  for (let i = 0; i < 200; i++) run();
  // batches of 10 runs: cpuUsage has coarse resolution on some systems
  const per: number[] = [];
  for (let b = 0; b < runs / 10; b++) {
    const t0 = cpuMs();
    for (let i = 0; i < 10; i++) run();
    per.push((cpuMs() - t0) / 10);
  }
  return median(per);
}

function dump(file: string): void {
  const out: Record<string, unknown> = {};
  const add = (name: string, text: string): void => {
    const d = prepare(name, text);
    out[name] = findQuotes(d.text, d.lines, d.kinds);
    // as the eval sees it: every non-blank line is body
    const lines = splitLines(text);
    out[`${name} (all body)`] = findQuotes(text, lines, lines.map((l) => (isBlankLine(l.text) ? 'blank' : 'body')));
  };
  for (const f of readdirSync(join(REPO, 'seeds')).filter((x) => x.endsWith('.txt')).sort()) add(`seeds/${f}`, readFileSync(join(REPO, 'seeds', f), 'utf8'));
  for (const split of ['dev', 'train']) {
    const dir = join(DATA, 'quotes-dev', split, 'text');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) add(`${split}/${f}`, readFileSync(join(dir, f), 'utf8'));
  }
  const chrome = join(DATA, 'chrome-dev');
  if (existsSync(chrome)) for (const f of readdirSync(chrome).filter((x) => x.endsWith('.txt')).sort()) add(`chrome-dev/${f}`, readFileSync(join(chrome, f), 'utf8'));
  writeFileSync(file, JSON.stringify(out));
  process.stdout.write(`${Object.keys(out).length} documents\n`);
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--dump') return dump(args[1] ?? 'quotes-dump.json');
  const runs = Number(args[0] ?? 1000);
  const docs: Doc[] = [prepare('ten-kb', tenKbSeed())];
  for (const f of ['4644', '0476', '0382', '0429', '4845']) {
    const p = join(DATA, 'chrome-dev', `${f}.txt`);
    if (existsSync(p)) docs.push(prepare(`chrome-dev/${f}`, readFileSync(p, 'utf8')));
  }
  for (const d of docs) {
    const ms = time(d, runs);
    const quotes = findQuotes(d.text, d.lines, d.kinds).length;
    process.stdout.write(`${d.name.padEnd(16)} ${String(d.text.length).padStart(6)} chars ${String(quotes).padStart(4)} quotes  ${ms.toFixed(3)} ms CPU  ${((ms * 10240) / d.text.length).toFixed(3)} ms per 10 KB\n`);
  }
}
main();
