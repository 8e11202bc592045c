/**
 * Hard-wrapped prose: some pages (plain-text posts, <pre> blocks, e-mail archives) break one
 * paragraph over many short lines, sometimes with blank lines between them. Judged line by line
 * these look like short chrome; joined back they are article paragraphs. This module finds such
 * runs so the classifier can judge the joined paragraph.
 */
import type { LineFeatures } from './features';
import { isStopword } from './stopwords';

const MIN_WRAPPED_CHARS = 30;

function startsLower(text: string): boolean {
  const c = text[0];
  if (c === undefined) return false;
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

function lastWord(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && text[i] === ' ') i--;
  const end = i + 1;
  while (i >= 0 && text[i] !== ' ' && end - i < 30) i--;
  return text.slice(i + 1, end).toLowerCase();
}

/** Whether `next` continues the sentence that `prev` breaks off. */
export function continues(prev: LineFeatures, next: LineFeatures, adjacent: boolean): boolean {
  if (prev.blank || next.blank || prev.chars < MIN_WRAPPED_CHARS || prev.endsSentence || prev.listMarker || next.listMarker) return false;
  if (prev.words < 5) return false;
  const lastCh = prev.text[prev.text.length - 1];
  if (lastCh === ':') return false;
  if (startsLower(next.text)) return true;
  if (!adjacent) return false;
  // adjacent lines where the first breaks off after a comma, hyphen or function word
  return lastCh === ',' || lastCh === '-' || isStopword(lastWord(prev.text));
}

/**
 * For each line, the index of the first line of the wrapped paragraph it belongs to (itself when
 * not wrapped). At most one blank line may separate two pieces of a paragraph.
 */
export function wrappedParagraphs(feats: readonly LineFeatures[], skip: (i: number) => boolean): Int32Array {
  const n = feats.length;
  const unit = new Int32Array(n);
  let prev = -1;
  for (let i = 0; i < n; i++) {
    unit[i] = i;
    if (feats[i].blank || skip(i)) continue;
    if (prev >= 0 && i - prev <= 2 && continues(feats[prev], feats[i], i - prev === 1)) unit[i] = unit[prev];
    prev = i;
  }
  return unit;
}
