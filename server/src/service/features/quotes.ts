import { InlayHintKind, SymbolKind, type InlayHint, type Range, type SymbolInformation } from 'vscode-languageserver-types';
import type { SeedAnalysis } from '../analysis';
import type { Quote } from '../types';
import { positionAt, spanRange } from '../text/positions';
import type { SpeakerRegistry } from '../corpusIndex';
import { escapeMarkdown, type HoverPart } from './hover';

function firstWords(s: string, max = 80): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, max - 1).trimEnd() + '\u2026';
}

function isNested(q: Quote): boolean {
  return (q as { nested?: boolean }).nested === true;
}

/** The innermost quote containing the offset (a nested quote wins over its outer one). */
export function quoteAt(a: SeedAnalysis, offset: number): Quote | undefined {
  let best: Quote | undefined;
  for (const q of a.quotes) {
    if (offset >= q.span.start && offset <= q.span.end) {
      if (!best || q.span.end - q.span.start < best.span.end - best.span.start) best = q;
    }
  }
  return best;
}

export function quoteHover(a: SeedAnalysis, offset: number, speakers: SpeakerRegistry): HoverPart | null {
  const q = quoteAt(a, offset) ?? a.quotes.find((x) => x.speaker?.via && offset >= x.speaker.via.start && offset <= x.speaker.via.end);
  if (!q) return null;
  const range = spanRange(a.lines, q.span);
  if (q.inChrome) {
    return { markdown: `**Quote inside chrome**: \u201c${escapeMarkdown(firstWords(q.content.text))}\u201d\n\nPart of page chrome (another story's teaser or a headline), not a quote of this article; not attributed.`, range };
  }
  const lines: string[] = [];
  if (!q.speaker) {
    lines.push(`**Quote, no speaker found**: \u201c${escapeMarkdown(firstWords(q.content.text))}\u201d`);
    if (q.unbalanced) lines.push('', 'The opening quote mark is never closed.');
    return { markdown: lines.join('\n'), range };
  }
  const sp = q.speaker;
  const kind = sp.kind === 'unknown' ? '' : ` (${sp.kind})`;
  lines.push(`**Quote by ${escapeMarkdown(sp.name)}**${kind}`);
  lines.push('', `> ${escapeMarkdown(firstWords(q.content.text, 160))}`, '');
  if (q.cue) lines.push(`- Cue: _${escapeMarkdown(q.cue.text)}_`);
  const named = positionAt(a.lines, sp.mention.start);
  const viaText = sp.via ? ` \u2014 here as \u201c${escapeMarkdown(sp.via.text)}\u201d` : '';
  lines.push(`- Named on line ${named.line + 1} as \u201c${escapeMarkdown(sp.mention.text)}\u201d${viaText}`);
  const inFile = a.quotes.filter((x) => !x.inChrome && x.speaker?.key === sp.key).length;
  const corpus = speakers.countFor(sp.key);
  const corpusText = corpus.files > 1 ? `, ${corpus.quotes} across ${corpus.files} seeds of the corpus` : '';
  lines.push(`- Quotes by this speaker: ${inFile} in this seed${corpusText}`);
  if (q.unbalanced) lines.push('- The opening quote mark is never closed.');
  return { markdown: lines.join('\n'), range };
}

// ---- semantic tokens -----------------------------------------------------------------------

export const SEMANTIC_TOKEN_TYPES = ['quote', 'speaker', 'attributionCue'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['pronoun', 'inChrome'] as const;

interface RawToken {
  line: number;
  character: number;
  length: number;
  type: number;
  modifiers: number;
}

/** Semantic tokens as the LSP encodes them (relative, five integers each), never overlapping. */
export function semanticTokens(a: SeedAnalysis): number[] {
  const raw: RawToken[] = [];
  const add = (start: number, end: number, type: number, modifiers = 0) => {
    // split at line breaks: a token never spans lines
    let s = start;
    while (s < end) {
      const p = positionAt(a.lines, s);
      const line = a.lines[p.line];
      const e = Math.min(end, line.end);
      if (e > s) raw.push({ line: p.line, character: s - line.start, length: e - s, type, modifiers });
      if (p.line + 1 >= a.lines.length) break;
      s = a.lines[p.line + 1].start;
    }
  };
  for (const q of a.quotes) {
    if (isNested(q)) continue;
    add(q.span.start, q.span.end, 0, q.inChrome ? 2 : 0);
    if (q.inChrome || !q.speaker) continue;
    add(q.speaker.mention.start, q.speaker.mention.end, 1);
    if (q.speaker.via) add(q.speaker.via.start, q.speaker.via.end, 1, 1);
    if (q.cue) add(q.cue.start, q.cue.end, 2);
  }
  raw.sort((x, y) => x.line - y.line || x.character - y.character || y.length - x.length);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEndLine = -1;
  let lastEndChar = -1;
  for (const t of raw) {
    if (t.line === lastEndLine && t.character < lastEndChar) continue; // overlap: keep the first
    data.push(t.line - prevLine, t.line === prevLine ? t.character - prevChar : t.character, t.length, t.type, t.modifiers);
    prevLine = t.line;
    prevChar = t.character;
    lastEndLine = t.line;
    lastEndChar = t.character + t.length;
  }
  return data;
}

// ---- inlay hints ---------------------------------------------------------------------------

/** After a pronoun speaker (`it added`), a hint naming who it is. */
export function speakerInlayHints(a: SeedAnalysis, range: Range): InlayHint[] {
  const seen = new Set<number>();
  const hints: InlayHint[] = [];
  for (const q of a.quotes) {
    const via = q.speaker?.via;
    if (!via || q.inChrome || seen.has(via.start)) continue;
    seen.add(via.start);
    const pos = positionAt(a.lines, via.end);
    if (pos.line < range.start.line || pos.line > range.end.line) continue;
    const named = positionAt(a.lines, q.speaker!.mention.start);
    hints.push({
      position: pos,
      label: `= ${q.speaker!.name}`,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: `\u201c${via.text}\u201d refers to ${q.speaker!.name}, named on line ${named.line + 1}`,
    });
  }
  return hints;
}

// ---- workspace symbols ---------------------------------------------------------------------

export function speakerSymbols(speakers: SpeakerRegistry, query: string, fileLabel: (uri: string) => string): SymbolInformation[] {
  return speakers.search(query).map((s) => ({
    name: s.name,
    kind: SymbolKind.Constant,
    containerName: `${fileLabel(s.uri)} \u00b7 ${s.count} quote${s.count === 1 ? '' : 's'}`,
    location: { uri: s.uri, range: { start: { line: s.line, character: s.character }, end: { line: s.line, character: s.character + s.length } } },
  }));
}
