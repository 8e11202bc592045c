import type { Line } from '../types';

/**
 * Splits text into lines on `\n`, `\r\n` and `\r` alike. There is always at least one line;
 * a text ending in a line break has an empty last line (as editors show it).
 * Linear time, no regular expressions.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      let eol = c === 10 ? '\n' : '\r';
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) eol = '\r\n';
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i), eol });
      i += eol.length - 1;
      start = i + 1;
    }
  }
  lines.push({ index: lines.length, start, end: n, text: text.slice(start, n), eol: '' });
  return lines;
}

/** Whether a line holds nothing but white space (including no-break and zero-width spaces). */
export function isBlankLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 0xa0 || c === 0x200b || c === 0xfeff || c === 0x2007 || c === 0x202f || c === 12 || c === 11)) {
      return false;
    }
  }
  return true;
}
