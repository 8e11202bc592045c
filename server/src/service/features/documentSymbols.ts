import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { SeedAnalysis } from '../analysis';
import { linesRange, spanRange } from '../text/positions';
import { getRule } from '../rules';

function firstWords(s: string, max = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, max - 1).trimEnd() + '\u2026';
}

function group(name: string, detail: string, kind: SymbolKind, children: DocumentSymbol[]): DocumentSymbol | null {
  if (!children.length) return null;
  let start = children[0].range.start;
  let end = children[0].range.end;
  for (const c of children) {
    if (c.range.start.line < start.line || (c.range.start.line === start.line && c.range.start.character < start.character)) start = c.range.start;
    if (c.range.end.line > end.line || (c.range.end.line === end.line && c.range.end.character > end.character)) end = c.range.end;
  }
  const range = { start, end };
  return { name, detail, kind, range, selectionRange: children[0].selectionRange, children };
}

/** The outline: header, article paragraphs, chrome blocks, and quotes grouped by speaker. */
export function getDocumentSymbols(a: SeedAnalysis): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const h = a.header;
  if (h) {
    const range = linesRange(a.lines, 0, 0);
    out.push({
      name: h.title || '(untitled)',
      detail: h.dateValid ? h.date : `${h.date} (invalid date)`,
      kind: SymbolKind.File,
      range,
      selectionRange: h.title ? spanRange(a.lines, h.titleSpan) : spanRange(a.lines, h.dateSpan),
    });
  }

  const paragraphs: DocumentSymbol[] = a.paragraphs
    .filter((p) => a.chrome.kinds[p.index] === 'body')
    .map((p) => ({
      name: firstWords(p.text),
      detail: `line ${p.index + 1}`,
      kind: SymbolKind.String,
      range: linesRange(a.lines, p.index, p.index),
      selectionRange: linesRange(a.lines, p.index, p.index),
    }));
  const article = group('Article', `${paragraphs.length} paragraph${paragraphs.length === 1 ? '' : 's'}`, SymbolKind.Module, paragraphs);
  if (article) out.push(article);

  const chrome: DocumentSymbol[] = a.chrome.blocks.map((b) => ({
    name: getRule(b.code)?.title ?? b.code,
    detail: `${b.startLine === b.endLine ? `line ${b.startLine + 1}` : `lines ${b.startLine + 1}\u2013${b.endLine + 1}`} \u00b7 ${b.code}`,
    kind: SymbolKind.Null,
    range: linesRange(a.lines, b.startLine, b.endLine),
    selectionRange: linesRange(a.lines, b.startLine, b.endLine),
  }));
  const chromeGroup = group('Chrome', `${chrome.length} block${chrome.length === 1 ? '' : 's'}`, SymbolKind.Namespace, chrome);
  if (chromeGroup) out.push(chromeGroup);

  const bySpeaker = new Map<string, { name: string; quotes: DocumentSymbol[] }>();
  for (const q of a.quotes) {
    if (q.inChrome) continue;
    const key = q.speaker?.key ?? '';
    const name = q.speaker?.name ?? 'Unattributed';
    const entry = bySpeaker.get(key) ?? { name, quotes: [] };
    entry.quotes.push({
      name: `\u201c${firstWords(q.content.text, 50)}\u201d`,
      detail: q.cue?.text ?? '',
      kind: SymbolKind.String,
      range: spanRange(a.lines, q.span),
      selectionRange: spanRange(a.lines, q.span),
    });
    bySpeaker.set(key, entry);
  }
  const speakers = [...bySpeaker.entries()]
    .sort(([ka], [kb]) => (ka === '' ? 1 : kb === '' ? -1 : 0))
    .map(([, e]) => group(e.name, `${e.quotes.length} quote${e.quotes.length === 1 ? '' : 's'}`, SymbolKind.Object, e.quotes))
    .filter((s): s is DocumentSymbol => !!s);
  const quotes = group('Quotes', `${a.quotes.filter((q) => !q.inChrome).length} quotes`, SymbolKind.Namespace, speakers);
  if (quotes) out.push(quotes);
  return out;
}
