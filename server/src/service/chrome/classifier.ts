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
import { chromeInsideArticle, findArticle } from './article';
import { buildBlocks, reasonFor, smoothReasons, type LineReason } from './blocks';
import { gatherEvidence } from './evidence';

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

  const reasons: (LineReason | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) if (kinds[i] === 'chrome') reasons[i] = reasonFor(i, evs, art, input.corpusFiles);
  smoothReasons(kinds, reasons, evs);
  const rules: (ChromeCode | null)[] = reasons.map((r) => (r ? r.code : null));
  const blocks = buildBlocks(kinds, rules, reasons, evs, art);
  return { kinds, rules, blocks };
}
