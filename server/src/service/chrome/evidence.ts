/**
 * Gathers, for every line, the evidence the classifier weighs: its own features, a chrome pattern
 * its text names, duplication inside the file, the header title, and recurrence across the corpus.
 */
import type { ChromeCode, ChromeInput } from '../types';
import { lineFeatures as features, type LineFeatures } from './features';
import { wrappedParagraphs } from './wrap';
import { WEIGHTS as weights } from './weights';
import { isRelatedHeading as relatedHeading, isCommentsStart as commentsStart, isDatelineShape as datelineShape, isSectionLabel as sectionLabel, matchPattern as patternOf, type PatternHit } from './patterns';

// module-local bindings for the per-line loop (imported bindings may be getters under some loaders)
const lineFeatures = features;
const WEIGHTS = weights;
const matchPattern = patternOf;
const isSectionLabel = sectionLabel;
const isCommentsStart = commentsStart;
const isRelatedHeading = relatedHeading;
const isDatelineShape = datelineShape;

/** Lines longer than this are never looked up in the corpus (and never template-like). */
const MAX_RECURRENCE_CHARS = 2000;

export type ProseClass = 'good' | 'near-good' | 'short';

export interface LineEvidence {
  f: LineFeatures;
  /** judged on the paragraph when the line is one piece of a hard-wrapped paragraph */
  prose: ProseClass;
  /** words of the paragraph the line belongs to (its own words when not wrapped) */
  unitWords: number;
  /** this line's share of its paragraph's words */
  share: number;
  /** the line is one piece of a hard-wrapped paragraph */
  wrapped: boolean;
  hit: PatternHit | null;
  /** the line repeats another line of the file (same letters and digits) */
  dup: boolean;
  /** how many lines of the file have this line's key (0 when too short to have one) */
  copies: number;
  /** `WORLD Headline` whose headline also appears alone */
  sectionPrefixed: boolean;
  /** the line repeats the header title */
  title: boolean;
  /** number of other corpus files holding this line */
  recurrence: number;
  /** recurrence is high enough, and the line template-like enough, to call it site template */
  siteTemplate: 'strong' | 'weak' | null;
  sectionLabel: boolean;
  datelineShape: boolean;
  headlineShape: boolean;
  /** opens a comment section or author box */
  commentsStart: boolean;
  /** heads a list of other stories (`Related posts`, `Latest news`) */
  relatedStart: boolean;
}

export function proseClass(f: LineFeatures): ProseClass {
  if (f.glued >= 3 && f.glued * 6 >= f.words) return 'short';
  if (f.chars >= 70 && f.words >= 10 && f.stopDensity >= WEIGHTS.goodStopDensity && (f.endsSentence || f.sentences >= 2 || f.chars >= 200)) return 'good';
  if (f.words >= 6 && f.stopDensity >= WEIGHTS.nearGoodStopDensity && (f.endsSentence || f.chars >= 120)) return 'near-good';
  return 'short';
}

function headlineShape(f: LineFeatures): boolean {
  return f.words >= 3 && f.words <= 24 && !f.endsSentence && f.capRatio >= 0.5;
}

/**
 * How many lines of the file have each duplicate key: an open-addressing table over typed arrays,
 * reused from file to file (a Map of 53-bit keys boxes every key it holds, and hashes it as a
 * heap number on every look-up). A slot is empty while its count is 0.
 */
const MIN_SLOTS = 1024;
/** a table larger than this is allocated for its file only, not kept for the next */
const MAX_KEPT_SLOTS = 1 << 16;
let keptKeys = new Float64Array(MIN_SLOTS);
let keptCounts = new Int32Array(MIN_SLOTS);

class KeyCounts {
  private readonly keys: Float64Array;
  private readonly counts: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(lines: number) {
    let size = MIN_SLOTS;
    let bits = 10;
    while (size < lines * 2) {
      size *= 2;
      bits++;
    }
    if (size > MAX_KEPT_SLOTS) {
      this.keys = new Float64Array(size);
      this.counts = new Int32Array(size);
    } else {
      if (keptKeys.length < size) {
        keptKeys = new Float64Array(size);
        keptCounts = new Int32Array(size);
      } else keptCounts.fill(0, 0, size);
      this.keys = keptKeys;
      this.counts = keptCounts;
    }
    this.mask = size - 1;
    this.shift = 32 - bits;
  }

  private slot(key: number): number {
    // the low 32 bits of the key (ToUint32 of an integer below 2^53 is its value modulo 2^32)
    return Math.imul(key >>> 0, 0x9e3779b1) >>> this.shift;
  }

  add(key: number): void {
    const keys = this.keys;
    const counts = this.counts;
    let s = this.slot(key);
    while (counts[s] !== 0 && keys[s] !== key) s = (s + 1) & this.mask;
    keys[s] = key;
    counts[s]++;
  }

  get(key: number): number {
    const keys = this.keys;
    const counts = this.counts;
    let s = this.slot(key);
    for (;;) {
      const c = counts[s];
      if (c === 0 || keys[s] === key) return c;
      s = (s + 1) & this.mask;
    }
  }
}

function titleKey(title: string | null): number | null {
  if (!title) return null;
  const f = lineFeatures(title);
  return f.dupLen >= 8 ? f.dupKey : null;
}

/** A line's evidence before its tests: the one literal every LineEvidence is made by (one shape). */
function newEvidence(f: LineFeatures, prose: ProseClass, unitWords: number, share: number, wrapped: boolean): LineEvidence {
  return {
    f,
    prose,
    unitWords,
    share,
    wrapped,
    hit: null,
    dup: false,
    copies: 0,
    sectionPrefixed: false,
    title: false,
    recurrence: 0,
    siteTemplate: null,
    sectionLabel: false,
    datelineShape: false,
    headlineShape: false,
    commentsStart: false,
    relatedStart: false,
  };
}

/** The evidence of every blank line (half the lines of a seed): one object, never written to. */
const BLANK_EVIDENCE = newEvidence(lineFeatures(''), 'short', 0, 1, false);

export function gatherEvidence(input: ChromeInput, isCancelled?: () => boolean): LineEvidence[] | null {
  const n = input.lines.length;
  const feats: LineFeatures[] = new Array(n);
  const keyCount = new KeyCounts(n);
  for (let i = 0; i < n; i++) {
    if ((i & 511) === 511 && isCancelled?.()) return null;
    const f = lineFeatures(input.lines[i] ?? '');
    feats[i] = f;
    if (!f.blank && i !== input.headerLine && f.dupLen >= 6) keyCount.add(f.dupKey);
  }
  const tKey = titleKey(input.title);
  const unit = wrappedParagraphs(feats, (i) => i === input.headerLine);
  const unitText = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    if (unit[i] === i) continue;
    const u = unit[i];
    const acc = unitText.get(u) ?? feats[u].text;
    if (acc.length < 8000) unitText.set(u, acc + ' ' + feats[i].text);
  }
  const unitFeats = new Map<number, LineFeatures>();
  for (const [u, t] of unitText) unitFeats.set(u, lineFeatures(t));
  const others = Math.max(1, input.corpusFiles - 1);

  const out: LineEvidence[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const f = feats[i];
    if (f.blank) {
      // a blank line is never part of a wrapped paragraph: its evidence is always the same
      out[i] = BLANK_EVIDENCE;
      continue;
    }
    const uf = unitFeats.size === 0 ? undefined : unitFeats.get(unit[i]);
    const prose = proseClass(uf ?? f);
    const ev = newEvidence(f, prose, uf ? uf.words : f.words, uf && uf.words > 0 ? f.words / uf.words : 1, uf !== undefined);
    out[i] = ev;
    if (i === input.headerLine) continue;
    ev.hit = matchPattern(f);
    ev.copies = f.dupLen >= 6 ? keyCount.get(f.dupKey) : 0;
    ev.dup = ev.copies >= 2;
    if (f.prefixKey !== null && keyCount.get(f.prefixKey) >= 1) {
      ev.sectionPrefixed = true;
      ev.dup = true;
    }
    if (tKey !== null && ((f.dupKey === tKey && f.dupLen >= 8) || f.prefixKey === tKey)) ev.title = true;
    ev.sectionLabel = isSectionLabel(f);
    ev.commentsStart = isCommentsStart(f);
    ev.relatedStart = isRelatedHeading(f);
    ev.datelineShape = isDatelineShape(f);
    ev.headlineShape = !ev.wrapped && headlineShape(f);
    if (input.recurrence && f.chars <= MAX_RECURRENCE_CHARS) {
      let r = 0;
      try {
        r = input.recurrence(input.lines[i], i) || 0;
      } catch {
        r = 0;
      }
      ev.recurrence = r;
      const frac = r / others;
      const sentencey = prose === 'good' && ev.unitWords >= 12;
      if (sentencey) {
        if (r >= 3 && frac >= 0.5) ev.siteTemplate = 'strong';
      } else if (r >= 3 && frac >= 0.2) ev.siteTemplate = 'strong';
      else if (r >= 2 && (frac >= 0.02 || r >= 5)) ev.siteTemplate = 'weak';
    }
  }
  // a long paragraph repeated in the file: its first occurrence is judged as prose (the article
  // may be rendered twice, or restate a quote); only the later copies count as repeats
  const seenLong = new Set<number>();
  const firstCopies: number[] = [];
  for (let i = 0; i < n; i++) {
    const ev = out[i];
    if (!ev.dup || ev.sectionPrefixed || ev.prose !== 'good' || ev.unitWords <= 25) continue;
    if (!seenLong.has(ev.f.dupKey)) {
      seenLong.add(ev.f.dupKey);
      ev.dup = false;
      firstCopies.push(i);
    }
  }
  if (firstCopies.length > 0) undupRepeatedBlocks(out, firstCopies, input.headerLine);
  return out;
}

/**
 * Some pages render the whole article twice or more (a print view, a tab, an AMP copy): every
 * line of the text, its subheadings and list items too, then recurs line for line further down.
 * Around the first copy of a repeated long paragraph, the lines that recur at the same distance
 * form one copied block. When that block holds at least half of the page's prose, it is the
 * article's first rendering, and its lines are judged on their own, not as repeats (the later
 * copies stay repeats). A repeated carousel of testimonials or a sign-up box repeated in the
 * footer holds a small share of the page's prose and keeps its repeats.
 */
function undupRepeatedBlocks(out: LineEvidence[], firstCopies: readonly number[], headerLine: number | null): void {
  const n = out.length;
  const isProse = (ev: LineEvidence) => !ev.f.blank && ev.prose === 'good' && !ev.dup;
  let proseWords = 0;
  for (let k = 0; k < n; k++) if (isProse(out[k])) proseWords += out[k].f.words;
  // the next line with the same key after each first copy, found in one backward pass
  const keys = new Set<number>();
  for (const i of firstCopies) keys.add(out[i].f.dupKey);
  const nextOf = new Map<number, number>();
  const next = new Int32Array(n).fill(-1);
  for (let k = n - 1; k >= 0; k--) {
    const f = out[k].f;
    if (f.blank || !keys.has(f.dupKey)) continue;
    next[k] = nextOf.get(f.dupKey) ?? -1;
    nextOf.set(f.dupKey, k);
  }
  const done = new Uint8Array(n);
  for (const i of firstCopies) {
    if (done[i]) continue;
    const j = next[i];
    if (j < 0) continue;
    const d = j - i;
    const same = (a: number) => a >= 0 && a + d < n && a !== headerLine && out[a].f.blank === out[a + d].f.blank && (out[a].f.blank || out[a].f.dupKey === out[a + d].f.dupKey);
    let a = i;
    while (a - 1 >= 0 && i - (a - 1) < d && same(a - 1)) a--;
    let b = i;
    while (b + 1 < j && same(b + 1)) b++;
    let blockWords = 0;
    for (let k = a; k <= b; k++) {
      done[k] = 1;
      if (isProse(out[k])) blockWords += out[k].f.words;
    }
    if (blockWords * 2 < proseWords) continue;
    for (let k = a; k <= b; k++) {
      const ev = out[k];
      if (ev.f.blank || !ev.dup || ev.sectionPrefixed || ev.title) continue;
      ev.dup = false;
    }
  }
}

export function hitCode(ev: LineEvidence): ChromeCode | null {
  return ev.hit ? ev.hit.code : null;
}
