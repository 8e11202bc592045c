/**
 * Finds the article: the one contiguous stretch of lines whose prose outweighs the chrome inside
 * it (a maximum-sum segment, as in body-text extraction), then decides each line inside and
 * outside that stretch with smoothing over its neighbours.
 */
import type { LineEvidence } from './evidence';
import { WEIGHTS } from './weights';

export { WEIGHTS } from './weights';

export interface Stretch {
  start: number;
  end: number;
  score: number;
}


/** How much a line speaks for (positive) or against (negative) being inside the article. */
export function lineScore(ev: LineEvidence): number {
  const f = ev.f;
  if (f.blank) return 0;
  if (ev.hit?.strong) return -(6 + Math.min(f.words, 30) * 0.5);
  if (ev.siteTemplate === 'strong') return -(6 + Math.min(f.words, 30) * 0.5);
  if (ev.title) return -4;
  if (ev.dup) return -(3 + Math.min(f.words, 20) * 0.5);
  if (ev.sectionLabel) return WEIGHTS.sectionLabel;
  let s: number;
  if (ev.prose === 'good') s = Math.min(ev.unitWords, 120) * ev.share;
  else if (ev.prose === 'near-good') s = Math.min(ev.unitWords, 60) * WEIGHTS.nearGood * ev.share;
  else if (ev.headlineShape || f.words <= 3) s = WEIGHTS.shortHeadline;
  // a short line of mostly lower-case words (`Tent poles or trekking poles`) is a list or table
  // item of the text; menus and headlines capitalise their words: it argues neither way
  else if (f.words >= 4 && f.capRatio < 0.5) s = WEIGHTS.lowerCaseItem;
  else s = WEIGHTS.short;
  if (ev.hit) s = -(4 + Math.min(f.words, 30) * 0.3);
  if (ev.siteTemplate === 'weak') s -= 3;
  return s;
}

/**
 * The article stretch. Comment sections and author boxes are barriers: when an article stands
 * before a barrier, nothing after it can be article (comments read like prose). A heading of
 * other stories (`Related posts`, `You may also like`) is a weaker barrier: the teasers under it
 * carry ledes in full sentences, but such a box may also be set into the article's middle. One pass of
 * Kadane's algorithm; the best segment before each barrier is its running best at that point.
 */
export function findArticle(evs: readonly LineEvidence[], skip: (i: number) => boolean): Stretch | null {
  const beforeBarrier: (Stretch | null)[] = [];
  /** per barrier: whether it is a related-stories heading (the weaker kind) */
  const related: boolean[] = [];
  let best: Stretch | null = null;
  let curStart = -1;
  let cur = 0;
  for (let i = 0; i < evs.length; i++) {
    if (skip(i) || evs[i].f.blank) continue;
    if (evs[i].commentsStart || evs[i].relatedStart) {
      beforeBarrier.push(best);
      related.push(!evs[i].commentsStart);
    }
    const s = lineScore(evs[i]);
    if (curStart < 0 || cur <= 0) {
      if (s <= 0) {
        curStart = -1;
        cur = 0;
        continue;
      }
      curStart = i;
      cur = s;
    } else cur += s;
    if (best === null || cur > best.score) best = { start: curStart, end: i, score: cur };
  }
  if (best === null || best.score < WEIGHTS.minArticle) return null;
  for (let b = 0; b < beforeBarrier.length; b++) {
    const before = beforeBarrier[b];
    // a barrier before any article (share buttons or a comment count above the text) says nothing
    if (before === null) continue;
    if (before.end >= best.end) break;
    if (before.score < 40) continue;
    if (related[b]) {
      // a related-stories box may also sit inside the article, with the story going on under it;
      // it ends the article only when what follows it adds less than a quarter to the text before
      if (before.score * 5 >= best.score * 4) return before;
    } else if (before.score >= WEIGHTS.barrierEnough || before.score * 4 >= best.score) return before;
  }
  return best;
}

/**
 * Islands of article before the main stretch: long prose paragraphs cut off from it by charts,
 * tables or galleries rendered as text (runs of positive lines with at least `islandMin`).
 */
export function findIslands(evs: readonly LineEvidence[], skip: (i: number) => boolean, art: Stretch): Stretch[] {
  const out: Stretch[] = [];
  let start = -1;
  let end = -1;
  let sum = 0;
  const close = () => {
    if (start >= 0 && sum >= WEIGHTS.islandMin) out.push({ start, end, score: sum });
    start = -1;
    sum = 0;
  };
  for (let i = 0; i < art.start; i++) {
    if (skip(i) || evs[i].f.blank) continue;
    const s = lineScore(evs[i]);
    if (s > 0 && !evs[i].hit) {
      if (start < 0) start = i;
      end = i;
      sum += s;
    } else close();
  }
  close();
  return out;
}

/** Whether a line inside the article stretch is still chrome (a strong pattern, a repeated headline, …). */
export function chromeInsideArticle(ev: LineEvidence): boolean {
  if (ev.hit?.strong) return true;
  if (ev.siteTemplate === 'strong') return true;
  if (ev.title) return true;
  if (ev.dup && ev.prose !== 'good') return true;
  if (ev.sectionLabel && ev.f.words <= 3) return true;
  return false;
}
