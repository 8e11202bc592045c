import { MarkupKind, type Hover, type Range } from 'vscode-languageserver-types';
import type { SeedAnalysis } from '../analysis';
import { containsOffset, linesRange, spanRange } from '../text/positions';
import { getRule } from '../rules';

/** One section of a hover; the first section's range becomes the hover's range. */
export interface HoverPart {
  markdown: string;
  range?: Range;
}

/** A hover contributor looks at the analysis at an offset and may add a section. */
export type HoverContributor<C> = (a: SeedAnalysis, offset: number, line: number, ctx: C) => HoverPart | null;

export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, (c) => '\\' + c);
}

export const headerHover: HoverContributor<unknown> = (a, offset) => {
  const h = a.header;
  if (!h || !containsOffset({ start: h.keywordSpan.start, end: h.titleSpan.end }, offset)) return null;
  const date = h.dateValid ? new Date(h.date + 'T00:00:00Z').toUTCString().slice(0, 16) : `${h.date} (not a valid date)`;
  return {
    markdown: `**Seed header**\n\n- Date: ${escapeMarkdown(date)}\n- Title: ${h.title ? escapeMarkdown(h.title) : '_(none)_'}`,
    range: spanRange(a.lines, { start: h.keywordSpan.start, end: Math.max(h.titleSpan.end, h.dateSpan.end) }),
  };
};

export const invisibleHover: HoverContributor<unknown> = (a, offset) => {
  const run = a.invisibles.find((r) => offset >= r.start && offset < r.end);
  if (!run) return null;
  return {
    markdown: `**Invisible character**: ${run.names.map(escapeMarkdown).join(', ')}\n\nThe quick fix ${run.replacement ? 'replaces it with a plain space' : 'removes it'}.`,
    range: spanRange(a.lines, run),
  };
};

export const chromeHover: HoverContributor<unknown> = (a, _offset, line) => {
  const block = a.chrome.blocks.find((b) => line >= b.startLine && line <= b.endLine);
  if (!block) return null;
  const rule = getRule(block.code);
  const evidence = block.evidence.length ? '\n\nEvidence:\n' + block.evidence.map((e) => `- ${escapeMarkdown(e)}`).join('\n') : '';
  return {
    markdown: `**Chrome: ${escapeMarkdown(rule?.title ?? block.code)}** \`${block.code}\`\n\n${escapeMarkdown(block.message)}${evidence}`,
    range: linesRange(a.lines, block.startLine, block.endLine),
  };
};

export function composeHover(parts: (HoverPart | null)[]): Hover | null {
  const present = parts.filter((p): p is HoverPart => !!p);
  if (!present.length) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: present.map((p) => p.markdown).join('\n\n---\n\n') },
    range: present.find((p) => p.range)?.range,
  };
}
