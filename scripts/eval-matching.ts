/**
 * Evaluates the cross-link score on MSRP train (matching-dev/msr_paraphrase_train.tsv):
 * precision and recall at the default threshold, a threshold curve, and the plain token-set
 * Jaccard ≥ 0.7 baseline. The threshold is chosen on the even data lines and reported on the odd
 * ones too (held out).
 *
 *   npm run eval:matching [-- DATA_ROOT]      (or SEED_DATA=DATA_ROOT; default ../shared/data)
 *
 * Flags: `--errors` lists the false positives at the threshold and the false negatives just
 * under it; `--fit` refits the model's weights on the even lines (conflict pairs left out),
 * prints them, and reports the refit model; `--bench-score` times scoreDetail per pair.
 *
 * With `--bench [FILES]` (default 10000) it times the SentenceIndex instead: FILES synthetic seed
 * files of 40 sentences (30% real sentences from chrome-dev, repeated across files; the rest
 * random word salad from the same text), index time, memory, lookups and edits. Run with
 * `node --expose-gc --import tsx scripts/eval-matching.ts --bench` for heap figures after GC.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenize, type Token } from '../server/src/service/crosslinks/normalize';
import { textHash } from '../server/src/service/text/hash';
import {
  DEFAULT_MIN_SCORE, LOGIT_WEIGHTS, modelScore, pairDetail, SCORE_FEATURES, scoreDetail, scoreFeatures, sequenceKey, toSeq, type ScoreDetail,
} from '../server/src/service/crosslinks/score';
import { corpusWeight } from '../server/src/service/crosslinks/weights';
import { SentenceIndex } from '../server/src/service/crosslinks/sentenceIndex';
import type { Sentence } from '../server/src/service/types';
import * as os from 'node:os';

// positional arguments: the data root (the number after --bench is not one)
const args = process.argv.slice(2).filter((a, k, all) => !a.startsWith('--') && all[k - 1] !== '--bench');

function dataRoot(): string {
  const given = args[0] ?? process.env.SEED_DATA;
  if (given) return path.resolve(given);
  const repo = path.resolve(__dirname, '..');
  // ../shared/data beside the repository; from a worktree (e.g. /work/wt/x) look further up
  for (let dir = repo; ; dir = path.dirname(dir)) {
    const candidate = path.join(path.dirname(dir), 'shared', 'data');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.join(path.dirname(repo), 'shared', 'data');
  }
}

interface Pair { label: boolean; a: string; b: string; line: number }

function load(file: string): Pair[] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const pairs: Pair[] = [];
  text.split(/\r?\n/).forEach((line, k) => {
    if (k === 0 || line.trim() === '') return; // header
    const cols = line.split('\t'); // tabs only: the strings contain quote characters
    if (cols.length < 5) throw new Error(`line ${k + 1}: ${cols.length} columns`);
    pairs.push({ label: cols[0] === '1', a: cols[3], b: cols[4], line: k });
  });
  return pairs;
}

function pr(scores: number[], labels: boolean[], t: number): { p: number; r: number; tp: number; fp: number } {
  let tp = 0, fp = 0, pos = 0;
  for (let k = 0; k < scores.length; k++) {
    if (labels[k]) pos++;
    if (scores[k] >= t) {
      if (labels[k]) tp++;
      else fp++;
    }
  }
  return { p: tp + fp === 0 ? 1 : tp / (tp + fp), r: pos === 0 ? 0 : tp / pos, tp, fp };
}

function fmt(x: { p: number; r: number; tp: number; fp: number }): string {
  return `P ${x.p.toFixed(3)}  R ${x.r.toFixed(3)}  (tp ${x.tp}, fp ${x.fp})`;
}

/**
 * L2-regularised logistic regression by Newton's method on standardised features; returns
 * [bias, ...weights] on the raw features.
 */
function fitLogistic(X: number[][], y: boolean[], l2 = 0.01): number[] {
  const n = X.length, d = X[0].length;
  const mu = new Array<number>(d).fill(0), sd = new Array<number>(d).fill(0);
  for (const x of X) for (let k = 0; k < d; k++) mu[k] += x[k] / n;
  for (const x of X) for (let k = 0; k < d; k++) sd[k] += (x[k] - mu[k]) ** 2 / n;
  for (let k = 0; k < d; k++) sd[k] = Math.sqrt(sd[k]) + 1e-9;
  const Z = X.map((x) => [1, ...x.map((v, k) => (v - mu[k]) / sd[k])]);
  const beta = new Array<number>(d + 1).fill(0);
  const lambda = (l2 * n) / 100;
  for (let it = 0; it < 50; it++) {
    const g = new Array<number>(d + 1).fill(0);
    const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let k = 0; k <= d; k++) z += beta[k] * Z[i][k];
      const p = 1 / (1 + Math.exp(-z)), r = p - (y[i] ? 1 : 0), w = p * (1 - p);
      for (let k = 0; k <= d; k++) {
        g[k] += r * Z[i][k];
        for (let l = 0; l <= d; l++) H[k][l] += w * Z[i][k] * Z[i][l];
      }
    }
    for (let k = 1; k <= d; k++) { g[k] += lambda * beta[k]; H[k][k] += lambda; }
    const step = solve(H, g);
    let max = 0;
    for (let k = 0; k <= d; k++) { beta[k] -= step[k]; max = Math.max(max, Math.abs(step[k])); }
    if (max < 1e-9) break;
  }
  const out = [beta[0]];
  for (let k = 0; k < d; k++) { out.push(beta[k + 1] / sd[k]); out[0] -= (beta[k + 1] * mu[k]) / sd[k]; }
  return out;
}

/** Solves A x = b by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let v = M[r][n];
    for (let k = r + 1; k < n; k++) v -= M[r][k] * x[k];
    x[r] = v / M[r][r];
  }
  return x;
}

/** The highest threshold (3 decimals) at which `scores` reach recall `r`. */
function thresholdForRecall(scores: number[], labels: boolean[], r: number): number {
  const pos = scores.filter((_, k) => labels[k]).sort((a, b) => b - a);
  const need = Math.ceil(r * pos.length);
  return Math.floor(pos[need - 1] * 1000) / 1000;
}

function main(): void {
  const root = dataRoot();
  const file = path.join(root, 'matching-dev', 'msr_paraphrase_train.tsv');
  const pairs = load(file);
  console.log(`${file}: ${pairs.length} pairs, ${pairs.filter((p) => p.label).length} positive`);

  // document frequencies over all sentences of the set, as the corpus index would have them
  const vocab = new Map<string, number>();
  const seqs = pairs.map((p) => [toSeq(tokenize(p.a), vocab), toSeq(tokenize(p.b), vocab)] as const);
  // each pair scored in the order the index scores it (see pairDetail)
  const keyOf = (t: Token[]) => sequenceKey(t.length, (k) => textHash(t[k].norm), (k) => t[k].flags);
  const keys = pairs.map((p) => [keyOf(tokenize(p.a)), keyOf(tokenize(p.b))] as const);
  const df = new Int32Array(vocab.size);
  for (const pair of seqs) {
    for (const s of pair) for (const id of new Set(Array.from(s.ids))) df[id]++;
  }
  const weight = corpusWeight(df, seqs.length * 2);
  const details: ScoreDetail[] = seqs.map(([a, b], k) => pairDetail(a, keys[k][0], b, keys[k][1], weight));
  let scores = details.map((d) => d.score);
  const labels = pairs.map((p) => p.label);

  if (process.argv.includes('--fit')) {
    // refit the model on the even lines; pairs with a number or name conflict never link, so
    // they are left out of the fit
    const feats = details.map((d) => scoreFeatures(d));
    const train = details.map((d, k) => k % 2 === 0 && !d.numberConflict && !d.nameConflict);
    const w = fitLogistic(feats.filter((_, k) => train[k]), labels.filter((_, k) => train[k]));
    console.log(`\nfit on ${train.filter(Boolean).length} even-line pairs without conflicts:`);
    console.log(`  bias ${w[0].toFixed(4)}`);
    SCORE_FEATURES.forEach((name, k) => console.log(`  ${name.padEnd(16)} ${w[k + 1].toFixed(4)}`));
    console.log(`export const LOGIT_WEIGHTS: readonly number[] = [\n  ${w.map((v) => v.toFixed(4)).join(', ')},\n];`);
    scores = details.map((d, k) => modelScore(feats[k], w) * (d.numberConflict ? 0.5 : 1) * (d.nameConflict ? 0.7 : 1));
    const evenS = scores.filter((_, k) => k % 2 === 0), evenL = labels.filter((_, k) => k % 2 === 0);
    for (const r of [0.4, 0.41, 0.42]) {
      const t = thresholdForRecall(evenS, evenL, r);
      console.log(`  threshold for even-half recall ${r}: ${t}`);
    }
    console.log('(the figures below are for the refit weights; LOGIT_WEIGHTS in score.ts are ' +
      (w.every((v, k) => Math.abs(v - LOGIT_WEIGHTS[k]) < 1e-3) ? 'the same)' : 'different)'));
  }

  // baseline: token-set Jaccard on lower-cased words
  const jac = pairs.map((p) => {
    const A = new Set(p.a.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    const B = new Set(p.b.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    let inter = 0;
    for (const x of A) if (B.has(x)) inter++;
    return inter / (A.size + B.size - inter);
  });

  const even = pairs.map((_, k) => k % 2 === 0);
  const pick = <T,>(xs: T[], half: boolean) => xs.filter((_, k) => even[k] === half);
  const halves: [string, boolean][] = [['tune (even lines)', true], ['held-out (odd lines)', false]];

  console.log(`\nbaseline token-set Jaccard >= 0.7: all ${fmt(pr(jac, labels, 0.7))}`);
  console.log(`\nscore >= ${DEFAULT_MIN_SCORE} (default seedReview.matching.minScore):`);
  console.log(`  all                   ${fmt(pr(scores, labels, DEFAULT_MIN_SCORE))}`);
  for (const [name, h] of halves) {
    console.log(`  ${name.padEnd(21)} ${fmt(pr(pick(scores, h), pick(labels, h), DEFAULT_MIN_SCORE))}`);
  }

  // what the index links by default: score >= threshold, or the lighter sentence carried whole
  const linked = details.map((d, k) => (scores[k] >= DEFAULT_MIN_SCORE || d.contained ? 1 : 0));
  console.log(`\nlinks as the index makes them (score >= ${DEFAULT_MIN_SCORE} or contained):`);
  for (const [name, h] of [['all', undefined], ...halves] as [string, boolean | undefined][]) {
    const sel = h === undefined ? linked : pick(linked, h);
    const lab = h === undefined ? labels : pick(labels, h);
    console.log(`  ${name.padEnd(21)} ${fmt(pr(sel, lab, 1))}`);
  }
  const cont = details.map((d, k) => (d.contained && scores[k] < DEFAULT_MIN_SCORE ? 1 : 0));
  console.log(`  of which contained only: ${fmt(pr(cont, labels, 1))}`);

  // threshold chosen on the tune half: the lowest with precision >= 0.96 there
  const tuneS = pick(scores, true), tuneL = pick(labels, true);
  let chosen = 1;
  for (let t = 0.99; t >= 0.3; t -= 0.01) {
    if (pr(tuneS, tuneL, t).p >= 0.95) chosen = t;
    else break;
  }
  console.log(`\nlowest threshold with P >= 0.95 on the tune half: ${chosen.toFixed(2)}; held-out there: ` +
    fmt(pr(pick(scores, false), pick(labels, false), chosen)));

  console.log('\ncurve (threshold: tune half | held-out half)');
  for (let t = 0.95; t >= 0.4; t -= 0.05) {
    const a = pr(tuneS, tuneL, t), b = pr(pick(scores, false), pick(labels, false), t);
    console.log(`  ${t.toFixed(2)}: P ${a.p.toFixed(3)} R ${a.r.toFixed(3)} | P ${b.p.toFixed(3)} R ${b.r.toFixed(3)}`);
  }

  if (process.argv.includes('--bench-score')) {
    // scoring cost per pair (the index scores every candidate pair it verifies)
    const reps = 20;
    let sink = 0;
    for (const [a, b] of seqs) sink += scoreDetail(a, b, weight).score; // warm up
    // CPU time, best of 5 rounds: the machine is shared, wall time is noise
    let us = Infinity;
    for (let round = 0; round < 5; round++) {
      const c0 = process.cpuUsage();
      for (let r = 0; r < reps; r++) for (const [a, b] of seqs) sink += scoreDetail(a, b, weight).score;
      const c = process.cpuUsage(c0);
      us = Math.min(us, (c.user + c.system) / (reps * seqs.length));
    }
    console.log(`\nscoreDetail: ${us.toFixed(2)} µs per pair (CPU, best of 5 rounds of ${reps} x ${seqs.length} pairs, checksum ${sink.toFixed(1)})`);
  }
  if (process.env.DUMP) {
    // every detail field per pair, tab-separated with a header, for offline analysis
    const keys = Object.keys(details[0]) as (keyof ScoreDetail)[];
    const rows = details.map((d, k) => [labels[k] ? 1 : 0, k % 2, jac[k], ...keys.map((x) => Number(d[x]))].join('\t'));
    fs.writeFileSync(process.env.DUMP, ['label\todd\tjaccard\t' + keys.join('\t'), ...rows].join('\n') + '\n');
  }
  if (process.argv.includes('--errors')) {
    // false positives at the threshold and false negatives just under it, highest first
    const fmtPair = (k: number) => {
      const d = details[k];
      const why = [d.numberConflict && 'figure', d.nameConflict && 'name', d.negationConflict && 'negation', d.contained && 'contained']
        .filter(Boolean).join(' ');
      return `${scores[k].toFixed(3)} line ${pairs[k].line + 1} sim ${d.similarity.toFixed(2)} cont ${d.containment.toFixed(2)} ` +
        `unmatched ${d.cntA}/${d.cntB} names ${d.namesA}/${d.namesB} figures ${d.numsA}/${d.numsB}${why ? ' ' + why : ''}\n` +
        `    ${pairs[k].a}\n    ${pairs[k].b}`;
    };
    const ks = pairs.map((_, k) => k).sort((x, y) => scores[y] - scores[x]);
    const fps = ks.filter((k) => !labels[k] && scores[k] >= DEFAULT_MIN_SCORE);
    console.log(`\nfalse positives at ${DEFAULT_MIN_SCORE} (${fps.length}):`);
    for (const k of fps) console.log(`  FP ${fmtPair(k)}`);
    const fns = ks.filter((k) => labels[k] && scores[k] < DEFAULT_MIN_SCORE && scores[k] >= DEFAULT_MIN_SCORE - 0.05);
    console.log(`\nfalse negatives within 0.05 under it (${fns.length}):`);
    for (const k of fns) console.log(`  FN ${fmtPair(k)}`);
  }
}

function bench(nFiles: number): void {
  const dir = path.join(dataRoot(), 'chrome-dev');
  const real: string[] = [];
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/)) {
      for (const s of line.split(/(?<=[.!?])\s+(?=[A-Z"“])/)) if (s.length > 60 && s.length < 400) real.push(s);
    }
  }
  const words = real.join(' ').split(/\s+/);
  let seed = 12345;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const synth = () => {
    const n = 12 + Math.floor(rnd() * 25);
    const out: string[] = [];
    for (let k = 0; k < n; k++) out.push(words[Math.floor(rnd() * words.length)]);
    return out.join(' ') + '.';
  };
  const PER = 40;
  const files: Sentence[][] = [];
  let bytes = 0;
  for (let f = 0; f < nFiles; f++) {
    const ss: Sentence[] = [];
    let off = 0;
    for (let k = 0; k < PER; k++) {
      const text = rnd() < 0.3 ? real[Math.floor(rnd() * real.length)] : synth();
      ss.push({ index: k, line: k, start: off, end: off + text.length, text });
      off += text.length + 1;
      bytes += text.length + 1;
    }
    files.push(ss);
  }
  const uri = (f: number) => `file:///seeds/${f}.txt`;
  console.log(`${nFiles} files, ${(bytes / 1e6).toFixed(1)} MB of sentences, ${nFiles * PER} sentences; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const index = new SentenceIndex();
  const cpu0 = process.cpuUsage();
  let t = performance.now();
  for (let f = 0; f < nFiles; f++) index.setFile(uri(f), files[f]);
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  gc?.();
  const mem = process.memoryUsage();
  const st = index.stats();
  console.log(`index: ${(wall / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s cpu; ` +
    `${index.sentenceCount} sentences indexed, ${st.tokens} tokens, ${st.postings} postings, vocabulary ${st.vocabulary}`);
  console.log(`memory: index typed arrays ${(st.bytes / 1e6).toFixed(0)} MB, heap growth ${((mem.heapUsed - heap0) / 1e6).toFixed(0)} MB` +
    ` (heap ${(mem.heapUsed / 1e6).toFixed(0)} MB incl. the input sentences), rss ${(mem.rss / 1e6).toFixed(0)} MB`);
  const times: number[] = [];
  for (let k = 0; k < 500; k++) {
    const f = Math.floor(rnd() * nFiles), i = Math.floor(rnd() * PER);
    t = performance.now();
    index.matchesForSentence(uri(f), i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`matchesForSentence: median ${times[250].toFixed(2)} ms, p90 ${times[450].toFixed(2)} ms, max ${times[499].toFixed(2)} ms`);
  const edits: number[] = [];
  for (let k = 0; k < 50; k++) {
    const f = Math.floor(rnd() * nFiles);
    const ss = files[f].map((s) => ({ ...s, text: s.text.replace(/\.$/, ' today.') }));
    t = performance.now();
    index.setFile(uri(f), ss);
    index.matchesFor(uri(f));
    edits.push(performance.now() - t);
  }
  edits.sort((a, b) => a - b);
  console.log(`edit (setFile + matchesFor of a 40-sentence file): median ${edits[25].toFixed(1)} ms, p90 ${edits[45].toFixed(1)} ms`);
}

if (process.argv.includes('--bench')) {
  const n = Number(process.argv[process.argv.indexOf('--bench') + 1]);
  bench(Number.isFinite(n) && n > 0 ? n : 10000);
} else {
  main();
}
