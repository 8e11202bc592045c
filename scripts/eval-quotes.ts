/**
 * Evaluates the quote finder and attributor on PolNeAR (quotes-dev: train + dev).
 *
 *   npm run eval:quotes [-- <data root>] [--misses N]
 *
 * Data root: the argument, else $SEED_DATA, else ../shared/data beside the repository (or the
 * nearest ancestor folder holding shared/data).
 *
 * Gold: one annotator per article, the first annotation file in name order (several
 * annotators annotated a few articles; picking one keeps each article counted once and the
 * gold self-consistent). A gold direct quote is an attribution whose Content contains a double
 * quote mark (" “ ” or the typewriter '' of old NYT copy); its speaker is its Source span (possibly reused from an earlier
 * attribution).
 * Prediction: every top-level (not nested) quote that findQuotes attributes (speaker ≠ null).
 * Match: a predicted quote and a gold quote match when the characters of the predicted
 * content inside the gold Content spans are at least half of the shorter of the two.
 * Precision = matched predictions / predictions; recall = matched gold / gold.
 * Speaker accuracy: over matched gold quotes that have a Source, the share whose best-
 * overlapping prediction has a speaker mention or via overlapping the Source span, or a speaker
 * whose identity key equals speakerKey(Source text) (Source not a pronoun).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findQuotes, speakerKey, type FoundQuote } from '../server/src/service/quotes/index';
import { isBlankLine, splitLines } from '../server/src/service/text/lines';
import type { LineKind } from '../server/src/service/types';

type Range = [number, number];

interface GoldQuote {
  content: Range[];
  source: Range[] | null;
  sourceText: string;
}

interface Misses {
  missed: string[];
  wrongSpeaker: string[];
  spurious: string[];
}

function dataRoot(): string {
  const args = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(all[i - 1] === '--misses'));
  if (args[0]) return resolve(args[0]);
  if (process.env.SEED_DATA) return resolve(process.env.SEED_DATA);
  const repo = resolve(__dirname, '..');
  const direct = resolve(repo, '../shared/data');
  if (existsSync(direct)) return direct;
  for (let d = repo; dirname(d) !== d; d = dirname(d)) {
    const c = join(d, 'shared', 'data');
    if (existsSync(c)) return c;
  }
  return direct;
}

function parseRanges(s: string): Range[] {
  return s.split(';').map((p) => p.trim().split(/\s+/).map(Number) as Range);
}

function parseAnn(ann: string, text: string): GoldQuote[] {
  const spans = new Map<string, { type: string; ranges: Range[] }>();
  const rels: Map<string, string>[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (cols[0].startsWith('T') && cols.length >= 2) {
      const sp = cols[1].indexOf(' ');
      spans.set(cols[0], { type: cols[1].slice(0, sp), ranges: parseRanges(cols[1].slice(sp + 1)) });
    } else if (cols[0].startsWith('E') && cols.length >= 2) {
      const m = new Map<string, string>();
      for (const part of cols[1].trim().split(/\s+/)) {
        const [role, id] = part.split(':');
        m.set(role.replace(/\d+$/, ''), id);
      }
      rels.push(m);
    }
  }
  const out: GoldQuote[] = [];
  for (const r of rels) {
    const content = spans.get(r.get('Content') ?? '');
    if (!content) continue;
    const ctext = content.ranges.map(([a, b]) => text.slice(a, b)).join(' ');
    if (!/["\u201c\u201d]|''/.test(ctext)) continue;
    const source = spans.get(r.get('Source') ?? '');
    out.push({
      content: content.ranges,
      source: source ? source.ranges : null,
      sourceText: source ? source.ranges.map(([a, b]) => text.slice(a, b)).join(' ') : '',
    });
  }
  return out;
}

function overlap(a: Range, bs: Range[]): number {
  let n = 0;
  for (const b of bs) n += Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  return n;
}

function size(rs: Range[]): number {
  return rs.reduce((n, [a, b]) => n + (b - a), 0);
}

function matches(p: FoundQuote, g: GoldQuote): number {
  const r: Range = [p.content.start, p.content.end];
  const o = overlap(r, g.content);
  const shorter = Math.min(r[1] - r[0], size(g.content));
  return shorter > 0 && o >= 0.5 * shorter ? o : 0;
}

const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'i', 'we', 'you']);

function speakerOk(p: FoundQuote, g: GoldQuote): boolean {
  const s = p.speaker;
  if (!s || !g.source) return false;
  for (const sp of [s.mention, s.via]) if (sp && g.source.some((r) => overlap([sp.start, sp.end], [r]) > 0)) return true;
  const gt = g.sourceText.trim();
  if (!PRONOUNS.has(gt.toLowerCase()) && speakerKey(gt) !== '' && speakerKey(gt) === s.key) return true;
  return false;
}

function snippet(text: string, start: number, end: number): string {
  return text.slice(start, Math.min(end, start + 110)).replace(/\s+/g, ' ');
}

function evaluate(dir: string, misses: Misses) {
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  const annFiles = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const byArticle = new Map<string, string>();
  for (const f of annFiles) {
    const base = f.replace(/_[^_]+\.ann$/, '');
    if (!byArticle.has(base)) byArticle.set(base, f);
  }
  let pred = 0, predOk = 0, gold = 0, goldFound = 0, withSource = 0, speakerRight = 0, anyFound = 0;
  let ms = 0;
  let unattrGold = 0, unattrOther = 0;
  for (const [base, annFile] of [...byArticle].sort()) {
    const textPath = join(textDir, base + '.txt');
    if (!existsSync(textPath)) continue;
    const text = readFileSync(textPath, 'utf8');
    const golds = parseAnn(readFileSync(join(annDir, annFile), 'utf8'), text);
    const lines = splitLines(text);
    const kinds: LineKind[] = lines.map((l) => (isBlankLine(l.text) ? 'blank' : 'body'));
    const t0 = performance.now();
    const all = findQuotes(text, lines, kinds);
    ms += performance.now() - t0;
    const top = all.filter((q) => !q.nested);
    const predicted = top.filter((q) => q.speaker);
    pred += predicted.length;
    gold += golds.length;
    for (const p of top) {
      if (p.speaker) continue;
      if (golds.some((g) => matches(p, g) > 0)) unattrGold++;
      else { unattrOther++; if (process.env.SHOW_UNATTR) console.log(`  unattributed, not gold: ${base}: …${text.slice(Math.max(0, p.span.start - 80), p.span.start).replace(/\s+/g, ' ')}«${snippet(text, p.span.start, p.span.end)}»`); }
    }
    for (const p of predicted) {
      if (golds.some((g) => matches(p, g) > 0)) predOk++;
      else misses.spurious.push(`${base}: «${snippet(text, p.span.start, p.span.end)}» → ${p.speaker?.name} [${p.cue?.text}]`);
    }
    for (const g of golds) {
      let best: FoundQuote | null = null;
      let bestO = 0;
      for (const p of predicted) {
        const o = matches(p, g);
        if (o > bestO) { best = p; bestO = o; }
      }
      if (top.some((p) => matches(p, g) > 0)) anyFound++;
      const gs = g.content[0][0];
      if (!best) {
        const found = top.find((p) => matches(p, g) > 0);
        misses.missed.push(`${base}: …${text.slice(Math.max(0, gs - 70), gs).replace(/\s+/g, " ")}«${snippet(text, gs, g.content[g.content.length - 1][1])}» src=${g.sourceText || '-'}${found ? ' (found, unattributed)' : ' (not found)'}`);
        continue;
      }
      goldFound++;
      if (g.source) {
        withSource++;
        if (speakerOk(best, g)) speakerRight++;
        else misses.wrongSpeaker.push(`${base}: «${snippet(text, best.span.start, best.span.end)}» gold=${g.sourceText} pred=${best.speaker?.name} [${best.speaker?.mention.text}${best.speaker?.via ? ' via ' + best.speaker.via.text : ''}]`);
      }
    }
  }
  const P = pred ? predOk / pred : 0;
  const R = gold ? goldFound / gold : 0;
  const F = P + R ? (2 * P * R) / (P + R) : 0;
  return { articles: byArticle.size, gold, pred, P, R, F, speakerAcc: withSource ? speakerRight / withSource : 0, withSource, anyFoundRecall: gold ? anyFound / gold : 0, ms, unattrGold, unattrOther };
}

function main(): void {
  const root = dataRoot();
  const base = join(root, 'quotes-dev');
  const missesArg = process.argv.indexOf('--misses');
  const showMisses = missesArg >= 0 ? Number(process.argv[missesArg + 1]) : 12;
  if (!existsSync(base)) {
    console.error(`quotes-dev not found under ${root} (pass the data root as an argument or set SEED_DATA)`);
    process.exit(2);
  }
  console.log(`data: ${base}`);
  console.log("gold: first annotator file per article; direct quote = attribution whose Content contains \" “ ” or ''");
  console.log('match: |pred content ∩ gold Content| >= 0.5 × min(|pred|, |gold|); predictions = top-level quotes with a speaker');
  console.log('speaker: best match\'s speaker mention/via overlaps gold Source, or speakerKey equal (non-pronoun Source)\n');
  for (const split of ['dev', 'train']) {
    const misses: Misses = { missed: [], wrongSpeaker: [], spurious: [] };
    const r = evaluate(join(base, split), misses);
    console.log(`${split.padEnd(5)} articles ${r.articles}  gold ${r.gold}  predicted ${r.pred}  P ${r.P.toFixed(3)}  R ${r.R.toFixed(3)}  F1 ${r.F.toFixed(3)}  speaker acc ${r.speakerAcc.toFixed(3)} (of ${r.withSource})  found-any recall ${r.anyFoundRecall.toFixed(3)}  unattributed quotes: ${r.unattrGold} in gold, ${r.unattrOther} not  ${r.ms.toFixed(0)} ms`);
    if (split === 'dev' && showMisses > 0) {
      for (const [label, list] of [['missed gold quotes', misses.missed], ['wrong speakers', misses.wrongSpeaker], ['spurious attributed quotes', misses.spurious]] as const) {
        console.log(`  ${label} (${list.length}):`);
        for (const m of list.slice(0, showMisses)) console.log('    ' + m);
      }
    }
  }
}

main();
