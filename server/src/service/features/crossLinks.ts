import type { CodeLens, DocumentHighlight, Location, Range } from 'vscode-languageserver-types';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import type { SeedAnalysis } from '../analysis';
import type { SentenceMatches, SentenceLink } from '../crosslinks/sentenceIndex';
import { wordDiff, type DiffSegment } from '../crosslinks/wordDiff';
import { Commands } from '../../shared/protocol';
import type { Sentence } from '../types';
import type { HoverPart } from './hover';
import { escapeMarkdown } from './hover';

export interface CrossLinkContext {
  /** this document's sentences with links, already filtered by the settings in force (computed on first use) */
  readonly matches: readonly SentenceMatches[];
  /** the links of the sentence at an offset, computing only that sentence's when the file's are not at hand */
  matchAt(offset: number): SentenceMatches | undefined;
  /** a short, human name of a corpus file */
  fileLabel(uri: string): string;
}

/** The range of a sentence, which never spans lines. */
export function sentenceRange(s: Sentence, lineStartOffset?: number): Range {
  const character = s.character ?? (lineStartOffset !== undefined ? s.start - lineStartOffset : 0);
  return { start: { line: s.line, character }, end: { line: s.line, character: character + (s.end - s.start) } };
}

function relationLabel(l: SentenceLink): string {
  return l.relation === 'contains' ? 'this sentence adds to it' : l.relation === 'containedIn' ? 'it adds to this sentence' : 'same statement';
}

/** Markdown for a word diff: deleted words struck through, inserted words in bold, equivalent spellings marked. */
export function renderDiff(segments: readonly DiffSegment[]): string {
  return segments
    .map((seg) => {
      const lead = seg.text.match(/^\s*/)?.[0] ?? '';
      const body = escapeMarkdown(seg.text.slice(lead.length));
      if (!body) return lead;
      switch (seg.kind) {
        case 'equal':
          return lead + body;
        case 'delete':
          return `${lead}~~${body}~~`;
        case 'insert':
          return `${lead}**${body}**`;
        case 'equivalent':
          return `${lead}_${body}_\u2009\u2248\u2009_${escapeMarkdown((seg.other ?? '').trim())}_`;
      }
      return lead + body;
    })
    .join('');
}

function linkTo(uri: string, s: Sentence): string {
  const ch = (s.character ?? 0) + 1;
  return `${uri}#L${s.line + 1},${ch}`;
}

export function crossLinkHover(a: SeedAnalysis, offset: number, ctx: CrossLinkContext): HoverPart | null {
  const m = ctx.matchAt(offset);
  if (!m || !m.links.length) return null;
  const other = m.totalFiles === 1 ? '1 other seed' : `${m.totalFiles} other seeds`;
  const lines = [`**\u2194 Also in ${other}**`, ''];
  for (const l of m.links) {
    const label = `${ctx.fileLabel(l.target.uri)}:${l.target.sentence.line + 1}`;
    lines.push(`- [${escapeMarkdown(label)}](${linkTo(l.target.uri, l.target.sentence)}) \u2014 score ${l.score.toFixed(2)}, ${relationLabel(l)}`);
    lines.push(`  ${renderDiff(wordDiff(m.sentence.text, l.target.sentence.text))}`);
  }
  if (m.totalFiles > m.links.length) lines.push(`- \u2026 and ${m.totalFiles - m.links.length} more seeds carry it (a wire story or template)`);
  lines.push('', '_Struck-through words are only here, bold words only there; \u2248 marks the same word spelled differently._');
  return { markdown: lines.join('\n'), range: sentenceRange(m.sentence, a.lines[m.sentence.line].start) };
}

export function crossLinkReferences(a: SeedAnalysis, offset: number, ctx: CrossLinkContext, includeDeclaration: boolean): Location[] {
  const m = ctx.matchAt(offset);
  if (!m) return [];
  const out: Location[] = [];
  if (includeDeclaration) out.push({ uri: a.uri, range: sentenceRange(m.sentence, a.lines[m.sentence.line].start) });
  for (const l of m.links) out.push({ uri: l.target.uri, range: sentenceRange(l.target.sentence) });
  return out;
}

export function crossLinkHighlights(a: SeedAnalysis, offset: number, ctx: CrossLinkContext): DocumentHighlight[] {
  const here = ctx.matchAt(offset);
  if (!here) return [];
  // every sentence of this seed that shares a target file with the one under the cursor
  const targets = new Set(here.links.map((l) => l.target.uri));
  return ctx.matches
    .filter((m) => m === here || m.links.some((l) => targets.has(l.target.uri)))
    .map((m) => ({ range: sentenceRange(m.sentence, a.lines[m.sentence.line].start), kind: DocumentHighlightKind.Text }));
}

/** One lens per paragraph (line) with matched sentences: `↔ 2 matching sentences in 1 other seed`. */
export function crossLinkLenses(a: SeedAnalysis, ctx: CrossLinkContext): CodeLens[] {
  const byLine = new Map<number, SentenceMatches[]>();
  for (const m of ctx.matches) {
    if (!m.links.length) continue;
    const list = byLine.get(m.sentence.line) ?? [];
    list.push(m);
    byLine.set(m.sentence.line, list);
  }
  const lenses: CodeLens[] = [];
  for (const [line, list] of [...byLine.entries()].sort((x, y) => x[0] - y[0])) {
    const files = new Set<string>();
    let total = 0;
    const locations: Location[] = [];
    for (const m of list) {
      total += m.links.length;
      for (const l of m.links) {
        files.add(l.target.uri);
        locations.push({ uri: l.target.uri, range: sentenceRange(l.target.sentence) });
      }
    }
    const title = `\u2194 ${total} matching sentence${total === 1 ? '' : 's'} in ${files.size} other seed${files.size === 1 ? '' : 's'}`;
    const position = { line, character: 0 };
    lenses.push({
      range: { start: position, end: position },
      command: { title, command: Commands.showReferences, arguments: [a.uri, position, locations] },
    });
  }
  return lenses;
}

/** The corpus file that shares the most linked sentences with this document. */
export function bestMatchingFile(ctx: CrossLinkContext): { uri: string | null; sharedSentences: number } {
  const count = new Map<string, number>();
  for (const m of ctx.matches) {
    for (const uri of new Set(m.links.map((l) => l.target.uri))) count.set(uri, (count.get(uri) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [uri, c] of count) {
    if (c > n || (c === n && best !== null && uri < best)) {
      best = uri;
      n = c;
    }
  }
  return { uri: best, sharedSentences: n };
}
