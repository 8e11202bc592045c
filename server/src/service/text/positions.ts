import type { Position, Range } from 'vscode-languageserver-types';
import type { Line } from '../types';

/** The LSP position (line, UTF-16 character) of an offset, by binary search over the lines. */
export function positionAt(lines: readonly Line[], offset: number): Position {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = lines[lo];
  return { line: lo, character: Math.max(0, Math.min(offset, line.end) - line.start) };
}

export function offsetAt(lines: readonly Line[], pos: Position): number {
  if (pos.line < 0) return 0;
  if (pos.line >= lines.length) return lines[lines.length - 1].end;
  const l = lines[pos.line];
  return l.start + Math.max(0, Math.min(pos.character, l.text.length));
}

export function rangeOf(lines: readonly Line[], start: number, end: number): Range {
  return { start: positionAt(lines, start), end: positionAt(lines, end) };
}

export function spanRange(lines: readonly Line[], span: { start: number; end: number }): Range {
  return rangeOf(lines, span.start, span.end);
}

/** The range covering whole lines a..b (inclusive), from the start of a to the end of b's text. */
export function linesRange(lines: readonly Line[], a: number, b: number): Range {
  return { start: { line: a, character: 0 }, end: { line: b, character: lines[b].text.length } };
}

export function containsOffset(span: { start: number; end: number }, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
