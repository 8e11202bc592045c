/**
 * Finds the article: the one contiguous stretch of lines whose prose outweighs the chrome inside
 * it (a maximum-sum segment, as in body-text extraction), then decides each line inside and
 * outside that stretch with smoothing over its neighbours.
 */
import type { LineEvidence } from './evidence';

export interface Stretch {
  start: number;
  end: number;
  score: number;
}

/** Below this the best stretch is not an article (the file is all chrome). */
const MIN_ARTICLE_SCORE = 12;

/** How much a line speaks for (positive) or against (negative) being inside the article. */
export function lineScore(ev: LineEvidence): number {
  const f = ev.f;
  if (f.blank) return 0;
  if (ev.hit?.strong) return -(6 + Math.min(f.words, 30) * 0.5);
  if (ev.siteTemplate === 'strong') return -(6 + Math.min(f.words, 30) * 0.5);
  if (ev.title) return -4;
  if (ev.dup) return -(3 + Math.min(f.words, 20) * 0.5);
  if (ev.sectionLabel) return -6;
  let s: number;
  if (ev.prose === 'good') s = Math.min(ev.unitWords, 120) * ev.share;
  else if (ev.prose === 'near-good') s = Math.min(ev.unitWords, 60) * 0.5 * ev.share;
  else if (ev.headlineShape || f.words <= 3) s = -2.5;
  else s = -1;
  if (ev.hit) s = -(4 + Math.min(f.words, 30) * 0.3);
  if (ev.siteTemplate === 'weak') s -= 3;
  return s;
}

/**
 * The article stretch. Comment sections and author boxes are barriers: when an article stands
 * before the first barrier, nothing after it can be article (comments read like prose).
 */
export function findArticle(evs: readonly LineEvidence[], skip: (i: number) => boolean): Stretch | null {
  let from = 0;
  for (;;) {
    let barrier = -1;
    for (let i = from; i < evs.length; i++) {
      if (evs[i].commentsStart && !skip(i)) {
        barrier = i;
        break;
      }
    }
    const all = bestSegment(evs, skip, 0, evs.length);
    if (barrier < 0 || all === null || all.end < barrier) return all;
    const before = bestSegment(evs, skip, 0, barrier);
    if (before !== null && before.score >= 40 && before.score * 4 >= all.score) return before;
    from = barrier + 1;
  }
}

/** Maximum-sum contiguous segment of the line scores in [from, to) (Kadane), or null when none reaches the floor. */
function bestSegment(evs: readonly LineEvidence[], skip: (i: number) => boolean, from: number, to: number): Stretch | null {
  let best: Stretch | null = null;
  let curStart = -1;
  let cur = 0;
  for (let i = from; i < to; i++) {
    if (skip(i) || evs[i].f.blank) continue;
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
  if (best === null || best.score < MIN_ARTICLE_SCORE) return null;
  return best;
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
