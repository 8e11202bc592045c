/**
 * Word diff of two sentences over their ORIGINAL words, aligned on normalised tokens.
 *
 * `equal`: the same words; `equivalent`: different text, same after normalisation (`U.S.` / `US`,
 * `stabilize` / `stabilise`, `Türkiye` / `Turkiye`); `delete`: words only in `a`; `insert`: words
 * only in `b`. Segment texts come from `a` (equal, equivalent, delete) or `b` (insert) and carry
 * the spacing and punctuation before their words, so joining the texts of every segment but
 * the inserts gives back `a` exactly, and joining all but the deletes reads as `b` (with `a`'s
 * spelling for equivalent words, whose `b` text is in `other`).
 */
import { tokenize, type Token } from './normalize';

export type DiffKind = 'equal' | 'equivalent' | 'insert' | 'delete';

export interface DiffSegment {
  kind: DiffKind;
  /** original text, from `a` except for inserts (from `b`) */
  text: string;
  /** for `equivalent`: the words as `b` writes them */
  other?: string;
}

export function wordDiff(a: string, b: string): DiffSegment[] {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const n = ta.length, m = tb.length;
  // LCS over normalised forms, suffix table so the walk runs forwards
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] = ta[i].norm === tb[j].norm
        ? dp[(i + 1) * w + j + 1] + 1
        : Math.max(dp[(i + 1) * w + j], dp[i * w + j + 1]);
    }
  }

  const out: DiffSegment[] = [];
  let endA = 0; // end of the last `a` text emitted
  let endB = 0; // end of the last `b` token consumed
  const push = (kind: DiffKind, text: string, other?: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) {
      last.text += text;
      if (other !== undefined) last.other = (last.other ?? '') + other;
    } else {
      out.push(other === undefined ? { kind, text } : { kind, text, other });
    }
  };
  // punctuation right after a word stays with it: the gap before a word is split at its first
  // white space, the part before it going to the last segment taken from `a`
  const lastFromA = (): DiffSegment | undefined => {
    for (let k = out.length - 1; k >= 0; k--) if (out[k].kind !== 'insert') return out[k];
    return undefined;
  };
  const gapA = (t: Token): string => {
    let gap = a.slice(endA, t.start);
    const ws = gap.search(/\s/);
    const prev = lastFromA();
    if (ws > 0 && prev) {
      prev.text += gap.slice(0, ws);
      gap = gap.slice(ws);
    }
    endA = t.end;
    return gap;
  };
  const takeA = (t: Token): string => gapA(t) + a.slice(t.start, t.end);
  const takeB = (t: Token): string => {
    let gap = b.slice(endB, t.start);
    const ws = gap.search(/\s/);
    if (ws > 0) gap = gap.slice(ws); // punctuation after b's previous word, shown with it
    const s = gap + b.slice(t.start, t.end);
    endB = t.end;
    return s;
  };

  let i = 0, j = 0;
  while (i < n || j < m) {
    const here = i < n && j < m ? dp[i * w + j] : 0;
    const wa = i < n ? a.slice(ta[i].start, ta[i].end) : '';
    const wb = j < m ? b.slice(tb[j].start, tb[j].end) : '';
    // take a match, unless it is only equivalent and a later one serves as well (prefer exact)
    const match = i < n && j < m && ta[i].norm === tb[j].norm && here === dp[(i + 1) * w + j + 1] + 1 &&
      (wa === wb || (dp[(i + 1) * w + j] < here && dp[i * w + j + 1] < here));
    if (match) {
      if (wa === wb) {
        push('equal', takeA(ta[i]));
        endB = tb[j].end;
      } else {
        const prev = out[out.length - 1];
        const otherGap = prev && prev.kind === 'equivalent' ? b.slice(endB, tb[j].start) : '';
        push('equivalent', gapA(ta[i]) + wa, otherGap + wb);
        endB = tb[j].end;
      }
      i++;
      j++;
    } else if (j >= m || (i < n && dp[(i + 1) * w + j] >= dp[i * w + j + 1])) {
      push('delete', takeA(ta[i]));
      i++;
    } else {
      push('insert', takeB(tb[j]));
      j++;
    }
  }
  if (endA < a.length) {
    const rest = a.slice(endA);
    const last = out[out.length - 1];
    if (last && last.kind === 'equal') last.text += rest;
    else out.push({ kind: 'equal', text: rest });
  }
  return out;
}

/** Whether the diff has no real change (only equal and equivalent words). */
export function onlyEquivalent(segments: readonly DiffSegment[]): boolean {
  return segments.every((s) => s.kind === 'equal' || s.kind === 'equivalent');
}
