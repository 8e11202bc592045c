import type { ChromeResult, Header, Line, LineKind, Quote, Sentence } from './types';
import { splitLines, isBlankLine } from './text/lines';
import { parseHeader, type HeaderParse } from './text/header';
import { splitLineSentences } from './text/sentences';
import { findInvisibles, type InvisibleRun } from './text/invisible';
import { classifyChrome } from './chrome/classifier';
import { findQuotes } from './quotes';

/** Everything the features read about one version of one document. Computed once, then cached. */
export interface SeedAnalysis {
  uri: string;
  version: number;
  text: string;
  lines: Line[];
  headerParse: HeaderParse;
  header: Header | null;
  /** non-blank lines other than the header: one paragraph per line, as the scraper wrote them */
  paragraphs: Line[];
  /** sentences of every paragraph, in order */
  sentences: Sentence[];
  chrome: ChromeResult;
  quotes: Quote[];
  invisibles: InvisibleRun[];
  /** set when the file exceeded maxFileSize and only its first `analysedLines` lines were analysed */
  partial: { analysedLines: number; size: number; limit: number } | null;
}

export interface AnalysisContext {
  /** how many other corpus files hold this line, line `line` of the document (the corpus stage) */
  recurrence?: (lineText: string, line: number) => number;
  corpusFiles: number;
  maxFileSize: number;
  isCancelled?: () => boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

function emptyChrome(lines: readonly Line[], header: Header | null): ChromeResult {
  const kinds: LineKind[] = lines.map((l) => (header && l.index === header.line ? 'header' : isBlankLine(l.text) ? 'blank' : 'body'));
  return { kinds, rules: lines.map(() => null), blocks: [] };
}

/** Runs the per-document pipeline: text → chrome → quotes. */
export function analyseText(uri: string, version: number, text: string, ctx: AnalysisContext): SeedAnalysis {
  const lines = splitLines(text);
  let analysed = lines;
  let partial: SeedAnalysis['partial'] = null;
  if (text.length > ctx.maxFileSize) {
    // analyse whole lines up to the limit; the rest is reported, never silently dropped
    let n = 0;
    while (n < lines.length && lines[n].end <= ctx.maxFileSize) n++;
    analysed = lines.slice(0, Math.max(1, n));
    partial = { analysedLines: analysed.length, size: text.length, limit: ctx.maxFileSize };
  }
  const headerParse = parseHeader(lines[0]);
  const header = headerParse.kind === 'none' ? null : headerParse.header;

  let chrome = classifyChrome(
    {
      lines: analysed.map((l) => l.text),
      headerLine: header ? 0 : null,
      title: header?.title ?? null,
      recurrence: ctx.recurrence,
      corpusFiles: ctx.corpusFiles,
    },
    ctx.isCancelled,
  );
  if (ctx.isCancelled?.()) throw new CancelledError();
  if (partial) {
    // lines past the limit keep a kind (blank or body) so every line has one, but carry no analysis
    const rest = emptyChrome(lines, header);
    chrome = {
      kinds: [...chrome.kinds, ...rest.kinds.slice(analysed.length)],
      rules: [...chrome.rules, ...rest.rules.slice(analysed.length)],
      blocks: chrome.blocks,
    };
  }

  const paragraphs: Line[] = [];
  const sentences: Sentence[] = [];
  for (const line of analysed) {
    const kind = chrome.kinds[line.index];
    if (kind === 'blank' || kind === 'header') continue;
    paragraphs.push(line);
    for (const s of splitLineSentences(line, sentences.length)) sentences.push(s);
  }
  const quotes = findQuotes(text, analysed, chrome.kinds, ctx.isCancelled);
  if (ctx.isCancelled?.()) throw new CancelledError();
  // computed on first use: indexing never reads them
  let invisibles: InvisibleRun[] | undefined;
  return {
    uri,
    version,
    text,
    lines,
    headerParse,
    header,
    paragraphs,
    sentences,
    chrome,
    quotes,
    get invisibles() {
      return (invisibles ??= findInvisibles(analysed));
    },
    partial,
  };
}

/** The body sentences of an analysis: the ones the cross-link index holds. */
export function bodySentences(a: SeedAnalysis): Sentence[] {
  return a.sentences.filter((s) => a.chrome.kinds[s.line] === 'body');
}
