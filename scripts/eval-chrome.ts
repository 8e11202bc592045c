/**
 * Scores the chrome classifier on a labelled page set (default ../shared/data/chrome-dev):
 * word 4-gram shingle precision / recall / F1 of the lines labelled `body` against the gold
 * `main_content`, per page (macro average) and pooled (micro). Even-numbered pages are the tuning
 * split, odd-numbered pages are reported as held-out. "macro F1" is the F1 of the macro-averaged
 * P and R (the convention behind the quoted keep-everything baseline 0.69 / 0.99 / 0.81); the mean
 * of per-page F1 is printed beside it.
 *
 *   npm run eval:chrome [-- <data root>] [--worst N] [--page NNNN] [--errors] [--dump F] [--dump-labels F]
 *   SEED_DATA=/path/to/data npm run eval:chrome
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyChrome } from '../server/src/service/chrome/classifier';
import { LineRecurrence } from '../server/src/service/corpus/lineRecurrence';
import { gatherEvidence } from '../server/src/service/chrome/evidence';
import { lineScore, WEIGHTS } from '../server/src/service/chrome/article';
import { splitLines } from '../server/src/service/text/lines';
import type { ChromeResult } from '../server/src/service/types';

interface Page {
  id: string;
  lines: string[];
  gold: string;
}

interface Score {
  p: number;
  r: number;
  f: number;
  tp: number;
  predN: number;
  goldN: number;
}

function tokens(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

function shingles(text: string): Map<string, number> {
  const t = tokens(text);
  const out = new Map<string, number>();
  if (t.length === 0) return out;
  if (t.length < 4) {
    out.set(t.join(' '), 1);
    return out;
  }
  for (let i = 0; i + 4 <= t.length; i++) {
    const k = t[i] + ' ' + t[i + 1] + ' ' + t[i + 2] + ' ' + t[i + 3];
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** How many of a line's word 4-grams the gold text holds (`hit`) out of all of them (`all`). */
function goldShare(line: string, goldSh: ReadonlyMap<string, number>): { hit: number; all: number } {
  let hit = 0;
  let all = 0;
  for (const [k, c] of shingles(line)) {
    all += c;
    if (goldSh.has(k)) hit += c;
  }
  return { hit, all };
}

function score(pred: string, gold: string): Score {
  const ps = shingles(pred);
  const gs = shingles(gold);
  let tp = 0;
  let predN = 0;
  let goldN = 0;
  for (const [k, c] of ps) {
    predN += c;
    tp += Math.min(c, gs.get(k) ?? 0);
  }
  for (const c of gs.values()) goldN += c;
  if (predN === 0 && goldN === 0) return { p: 1, r: 1, f: 1, tp, predN, goldN };
  const p = predN === 0 ? 0 : tp / predN;
  const r = goldN === 0 ? 0 : tp / goldN;
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f, tp, predN, goldN };
}

function summarise(scores: Score[]): string {
  if (scores.length === 0) return 'n=0';
  const m = (k: 'p' | 'r' | 'f') => scores.reduce((a, s) => a + s[k], 0) / scores.length;
  const tp = scores.reduce((a, s) => a + s.tp, 0);
  const pn = scores.reduce((a, s) => a + s.predN, 0);
  const gn = scores.reduce((a, s) => a + s.goldN, 0);
  const mp = pn ? tp / pn : 0;
  const mr = gn ? tp / gn : 0;
  const mf = mp + mr ? (2 * mp * mr) / (mp + mr) : 0;
  const f3 = (x: number) => x.toFixed(3);
  const fm = m('p') + m('r') ? (2 * m('p') * m('r')) / (m('p') + m('r')) : 0;
  return `n=${scores.length}  macro P ${f3(m('p'))} R ${f3(m('r'))} F1 ${f3(fm)} (mean of page F1 ${f3(m('f'))})   micro P ${f3(mp)} R ${f3(mr)} F1 ${f3(mf)}`;
}

function loadPages(dir: string): Page[] {
  const pages: Page[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.gold.json')) continue;
    const id = name.slice(0, -'.gold.json'.length);
    const txt = path.join(dir, id + '.txt');
    if (!fs.existsSync(txt)) continue;
    const gold = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { main_content?: string };
    const lines = splitLines(fs.readFileSync(txt, 'utf8')).map((l) => l.text);
    pages.push({ id, lines, gold: gold.main_content ?? '' });
  }
  return pages;
}

function bodyText(lines: readonly string[], result: ChromeResult): string {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) if (result.kinds[i] === 'body') kept.push(lines[i]);
  return kept.join('\n');
}

/** `../shared/data` beside the repository (one more level up when run from a git worktree). */
function defaultDataRoot(): string {
  const repo = path.resolve(__dirname, '..');
  for (const up of [['..'], ['..', '..']]) {
    const candidate = path.resolve(repo, ...up, 'shared', 'data');
    if (fs.existsSync(candidate)) return candidate;
  }
  return path.resolve(repo, '..', 'shared', 'data');
}

function main(): void {
  const args = process.argv.slice(2);
  let worstN = 10;
  let pageId: string | null = null;
  let errors = false;
  let dump: string | null = null;
  /** --dump-labels FILE: every page's line kinds, rules and blocks, to check that a speed change keeps the output */
  let labels: string | null = null;
  let root: string | null = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--worst') worstN = Number(args[++i]);
    else if (args[i] === '--page') pageId = args[++i];
    else if (args[i] === '--errors') errors = true;
    else if (args[i] === '--dump') dump = args[++i];
    else if (args[i] === '--dump-labels') labels = args[++i];
    else if (args[i] === '--weight') {
      // --weight name=value: probe a line-score weight (tuning only)
      const [k, v] = args[++i].split('=');
      (WEIGHTS as Record<string, number>)[k] = Number(v);
    }
    else root = args[i];
  }
  root ??= process.env.SEED_DATA ?? defaultDataRoot();
  const dir = fs.existsSync(path.join(root, 'chrome-dev')) ? path.join(root, 'chrome-dev') : root;
  const pages = loadPages(dir);
  if (pages.length === 0) {
    console.error(`no pages found in ${dir}`);
    process.exit(1);
  }

  const t0 = Date.now();
  const corpus = new LineRecurrence();
  for (const p of pages) corpus.setFile(p.id, p.lines);
  const tIndex = Date.now() - t0;

  if (pageId !== null) {
    const p = pages.find((x) => x.id === pageId);
    if (!p) throw new Error(`no page ${pageId}`);
    const res = classifyChrome({ lines: p.lines, headerLine: null, title: null, recurrence: corpus.recurrenceFor(p.id), corpusFiles: corpus.fileCount });
    const goldSh = shingles(p.gold);
    const evs = gatherEvidence({ lines: p.lines, headerLine: null, title: null, recurrence: corpus.recurrenceFor(p.id), corpusFiles: corpus.fileCount }) ?? [];
    for (let i = 0; i < p.lines.length; i++) {
      if (res.kinds[i] === 'blank') continue;
      const { hit, all } = goldShare(p.lines[i], goldSh);
      const inGold = all === 0 ? ' ' : hit / all > 0.5 ? 'G' : '.';
      const kind = res.kinds[i] === 'body' ? 'B' : res.kinds[i] === 'header' ? 'H' : '-';
      const mark = (kind === 'B') === (inGold === 'G') ? ' ' : '!';
      console.log(`${String(i).padStart(4)} ${kind}${inGold}${mark} ${lineScore(evs[i]).toFixed(0).padStart(4)} ${(res.rules[i] ?? '').replace('chrome.', '').padEnd(17)} ${p.lines[i].slice(0, 130)}`);
    }
    console.log(score(bodyText(p.lines, res), p.gold));
    return;
  }

  if (errors) {
    // words of gold lines labelled chrome (by rule code) and of non-gold lines labelled body
    const lost = new Map<string, number>();
    const perPage: [string, number, number][] = [];
    const extra = new Map<string, number>();
    for (const p of pages) {
      const res = classifyChrome({ lines: p.lines, headerLine: null, title: null, recurrence: corpus.recurrenceFor(p.id), corpusFiles: corpus.fileCount });
      const evs = gatherEvidence({ lines: p.lines, headerLine: null, title: null, recurrence: corpus.recurrenceFor(p.id), corpusFiles: corpus.fileCount }) ?? [];
      const goldSh = shingles(p.gold);
      let pl = 0;
      let pe = 0;
      for (let i = 0; i < p.lines.length; i++) {
        if (res.kinds[i] === 'blank') continue;
        const { hit, all } = goldShare(p.lines[i], goldSh);
        if (all === 0) continue;
        const g = hit / all > 0.5;
        if (g && res.kinds[i] !== 'body') pl += all;
        if (!g && res.kinds[i] === 'body') pe += all;
        if (g && res.kinds[i] !== 'body') lost.set(res.rules[i] ?? '?', (lost.get(res.rules[i] ?? '?') ?? 0) + all);
        if (!g && res.kinds[i] === 'body') {
          const k = evs[i].prose + (evs[i].hit ? ' +hit' : '');
          extra.set(k, (extra.get(k) ?? 0) + all);
        }
      }
      perPage.push([p.id, pl, pe]);
    }
    perPage.sort((a, b) => b[2] - a[2]);
    console.log('most non-gold kept:', perPage.slice(0, 15).map((x) => `${x[0]}:${x[2]}`).join(' '));
    perPage.sort((a, b) => b[1] - a[1]);
    console.log('most gold lost:', perPage.slice(0, 15).map((x) => `${x[0]}:${x[1]}`).join(' '));
    console.log('gold shingles lost, by rule:', [...lost.entries()].sort((a, b) => b[1] - a[1]));
    console.log('non-gold shingles kept, by prose class:', [...extra.entries()].sort((a, b) => b[1] - a[1]));
    return;
  }

  const baseline: Score[] = [];
  const withRec: Score[] = [];
  const noRec: Score[] = [];
  const ids: string[] = [];
  const t1 = Date.now();
  for (const p of pages) {
    ids.push(p.id);
    baseline.push(score(p.lines.join('\n'), p.gold));
    const r1 = classifyChrome({ lines: p.lines, headerLine: null, title: null, recurrence: corpus.recurrenceFor(p.id), corpusFiles: corpus.fileCount });
    withRec.push(score(bodyText(p.lines, r1), p.gold));
    const r2 = classifyChrome({ lines: p.lines, headerLine: null, title: null, corpusFiles: 1 });
    noRec.push(score(bodyText(p.lines, r2), p.gold));
  }
  const tClassify = Date.now() - t1;
  if (labels !== null) {
    const out = pages.map((p) => {
      const r = classifyChrome({ lines: p.lines, headerLine: null, title: null, recurrence: corpus.recurrenceFor(p.id), corpusFiles: corpus.fileCount });
      return `${p.id}\n${r.kinds.map((k, i) => `${k[0]}${r.rules[i] ?? ''}`).join('\n')}\n${JSON.stringify(r.blocks)}`;
    });
    fs.writeFileSync(labels, out.join('\n'));
  }
  const even = (s: Score[]) => s.filter((_, i) => Number(ids[i]) % 2 === 0);
  const odd = (s: Score[]) => s.filter((_, i) => Number(ids[i]) % 2 === 1);

  console.log(`chrome eval on ${dir} (${pages.length} pages; index ${tIndex} ms, classify x2 ${tClassify} ms)`);
  console.log(`baseline (keep every line)    ${summarise(baseline)}`);
  console.log(`classifier + recurrence       ${summarise(withRec)}`);
  console.log(`  tuning split (even ids)     ${summarise(even(withRec))}`);
  console.log(`  held-out split (odd ids)    ${summarise(odd(withRec))}`);
  console.log(`classifier, no recurrence     ${summarise(noRec)}`);
  console.log(`  tuning split (even ids)     ${summarise(even(noRec))}`);
  console.log(`  held-out split (odd ids)    ${summarise(odd(noRec))}`);
  if (dump !== null) fs.writeFileSync(dump, JSON.stringify(Object.fromEntries(ids.map((id, i) => [id, { p: withRec[i].p, r: withRec[i].r, f: withRec[i].f }]))));
  const order = withRec.map((s, i) => i).sort((a, b) => withRec[a].f - withRec[b].f);
  console.log(`worst ${worstN} pages (with recurrence):`);
  for (const i of order.slice(0, worstN)) {
    const s = withRec[i];
    console.log(`  ${ids[i]}  P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}  F1 ${s.f.toFixed(3)}`);
  }
}

main();
