/**
 * The chrome classifier: labels every line of a seed `header | body | chrome | blank` and groups
 * chrome lines into blocks with a rule code, a message and evidence.
 *
 * Pipeline (each step linear in the text): per-line evidence (features, patterns, duplication,
 * corpus recurrence) → the article stretch (maximum-sum segment of line scores) → per-line
 * decision with smoothing → codes and blocks. Never throws: on any internal failure it returns
 * every non-blank line as body with no blocks.
 */
import type { ChromeCode, ChromeInput, ChromeResult, LineKind } from '../types';
import { isBlankLine } from '../text/lines';
import { chromeInsideArticle, findArticle, findIslands } from './article';
import { buildBlocks, reasonFor, smoothReasons, type LineReason } from './blocks';
import { gatherEvidence, type LineEvidence } from './evidence';

export function classifyChrome(input: ChromeInput, isCancelled?: () => boolean): ChromeResult {
  try {
    return classify(input, isCancelled);
  } catch {
    return fallback(input);
  }
}

function fallback(input: ChromeInput): ChromeResult {
  const lines = input?.lines ?? [];
  const kinds: LineKind[] = lines.map((l, i) => (i === input.headerLine ? 'header' : isBlankLine(l ?? '') ? 'blank' : 'body'));
  return { kinds, rules: kinds.map(() => null), blocks: [] };
}

function classify(input: ChromeInput, isCancelled?: () => boolean): ChromeResult {
  const n = input.lines.length;
  const evs = gatherEvidence(input, isCancelled);
  if (evs === null) return fallback(input);
  const isHeader = (i: number) => i === input.headerLine;

  const art = findArticle(evs, isHeader);
  const kinds: LineKind[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (isHeader(i)) kinds[i] = 'header';
    else if (evs[i].f.blank) kinds[i] = 'blank';
    else if (art && i >= art.start && i <= art.end && !chromeInsideArticle(evs[i])) kinds[i] = 'body';
    else kinds[i] = 'chrome';
  }

  if (art) {
    keepSubheadings(kinds, evs, art.start, art.end);
    dropRelatedBoxes(kinds, evs, art.start, art.end);
    for (const island of findIslands(evs, isHeader, art)) for (let i = island.start; i <= island.end; i++) if (kinds[i] === 'chrome') kinds[i] = 'body';
  }

  const reasons: (LineReason | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) if (kinds[i] === 'chrome') reasons[i] = reasonFor(i, evs, art, input.corpusFiles);
  smoothReasons(kinds, reasons, evs);
  const rules: (ChromeCode | null)[] = reasons.map((r) => (r ? r.code : null));
  const blocks = buildBlocks(kinds, rules, reasons, evs, art);
  return { kinds, rules, blocks };
}

/**
 * A repeated short line inside the article (a subheading the page also lists in a table of
 * contents) is article when prose stands on both sides of it. A line the page holds exactly
 * twice (a contents entry and its heading, a summary list's item and the section it opens) is
 * article between any two article lines, unless a chrome pattern names it (`Learn more`); a line
 * repeated three times or more (a `Buy now` button under every product) is not. So are up to
 * three such lines in a row (a section's heading, the product it names, a spec line, all listed
 * in the summary at the top) when no two of them are copies of each other: a related-stories
 * card sets its headline twice side by side.
 */
function keepSubheadings(kinds: LineKind[], evs: readonly LineEvidence[], start: number, end: number): void {
  for (let i = start; i <= end; i++) {
    const ev = evs[i];
    if (kinds[i] !== 'chrome' || !ev.dup || ev.title || ev.hit?.strong || ev.siteTemplate === 'strong' || ev.sectionPrefixed) continue;
    let p = i - 1;
    while (p >= start && kinds[p] === 'blank') p--;
    let q = i + 1;
    while (q <= end && kinds[q] === 'blank') q++;
    if (p < start || q > end) continue;
    if (kinds[p] !== 'body' || evs[q].dup) continue;
    if (evs[q].prose !== 'short' || (kinds[q] === 'body' && ev.copies === 2 && !ev.hit && !ev.sectionLabel)) kinds[i] = 'body';
  }
  const twice = (k: number) => kinds[k] === 'chrome' && evs[k].copies === 2 && !evs[k].hit && !evs[k].title && !evs[k].siteTemplate && !evs[k].sectionPrefixed && !evs[k].sectionLabel;
  for (let i = start; i <= end; i++) {
    if (!twice(i)) continue;
    // the run of such lines from i (blank lines inside it skipped); at most three, no key twice
    let last = i;
    let n = 0;
    let distinct = true;
    let j = i;
    for (; j <= end && (kinds[j] === 'blank' || twice(j)); j++) {
      if (kinds[j] === 'blank') continue;
      for (let k = i; k < j; k++) if (kinds[k] !== 'blank' && evs[k].f.dupKey === evs[j].f.dupKey) distinct = false;
      last = j;
      if (++n > 3) break;
    }
    let p = i - 1;
    while (p >= start && kinds[p] === 'blank') p--;
    let q = last + 1;
    while (q <= end && kinds[q] === 'blank') q++;
    if (n <= 3 && distinct && p >= start && q <= end && kinds[p] === 'body' && kinds[q] === 'body' && !evs[q].dup) for (let k = i; k <= last; k++) if (kinds[k] === 'chrome') kinds[k] = 'body';
    i = Math.max(i, j - 1);
  }
}

/**
 * A related-stories box set into the article (`Related articles` and a few headline links, then
 * the story goes on): the heading is chrome, and so are the short lines right under it, up to the
 * next paragraph of prose or a blank line after them. A box's headlines are short link texts; the
 * article resumes with a paragraph.
 */
function dropRelatedBoxes(kinds: LineKind[], evs: readonly LineEvidence[], start: number, end: number): void {
  for (let i = start; i <= end; i++) {
    if (!evs[i].relatedStart) continue;
    if (kinds[i] === 'body') kinds[i] = 'chrome';
    let taken = 0;
    for (let j = i + 1; j <= end && taken < 10; j++) {
      const ev = evs[j];
      if (ev.f.blank) {
        if (taken > 0) break;
        continue;
      }
      if (ev.prose !== 'short') break;
      if (kinds[j] === 'body') kinds[j] = 'chrome';
      taken++;
    }
  }
}
