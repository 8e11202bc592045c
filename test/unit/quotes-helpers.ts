/** Shared helpers of the quote tests: run findQuotes on inline text the way the pipeline does. */
import { findQuotes, type FoundQuote } from '../../server/src/service/quotes/index';
import { isBlankLine, splitLines } from '../../server/src/service/text/lines';
import type { LineKind } from '../../server/src/service/types';

/** Runs the finder; lines whose index is in `chrome` (or at/after `chromeFrom`) are chrome. */
export function quotesOf(text: string, opts: { chrome?: number[]; chromeFrom?: number } = {}): FoundQuote[] {
  const lines = splitLines(text);
  const kinds: LineKind[] = lines.map((l, i) => {
    if (isBlankLine(l.text)) return 'blank';
    if (opts.chrome?.includes(i) || (opts.chromeFrom !== undefined && i >= opts.chromeFrom)) return 'chrome';
    return 'body';
  });
  return findQuotes(text, lines, kinds);
}

/** The quote whose content starts with `prefix`. */
export function quoteStarting(quotes: readonly FoundQuote[], prefix: string): FoundQuote {
  const q = quotes.find((x) => x.content.text.startsWith(prefix));
  if (!q) throw new Error(`no quote starting with ${JSON.stringify(prefix)} among ${JSON.stringify(quotes.map((x) => x.content.text.slice(0, 30)))}`);
  return q;
}

/** A compact view of what a user sees: content, speaker name, mention, via, cue. */
export function view(q: FoundQuote): { text: string; name: string | null; mention: string | null; via: string | null; cue: string | null } {
  return {
    text: q.content.text,
    name: q.speaker?.name ?? null,
    mention: q.speaker?.mention.text ?? null,
    via: q.speaker?.via?.text ?? null,
    cue: q.cue?.text ?? null,
  };
}
