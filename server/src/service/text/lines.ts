import type { Line } from '../types';

/** A line break character, searched for by the regular-expression engine rather than a visit to every character. */
const BREAK = /[\n\r]/g;

/**
 * Splits text into lines on `\n`, `\r\n` and `\r` alike. There is always at least one line;
 * a text ending in a line break has an empty last line (as editors show it).
 * Linear time: one search for the next break character per line.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  // `test` leaves lastIndex just past the break character it found
  BREAK.lastIndex = 0;
  while (BREAK.test(text)) {
    const i = BREAK.lastIndex - 1;
    const c = text.charCodeAt(i);
    const eol = c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10 ? '\r\n' : c === 10 ? '\n' : '\r';
    lines.push({ index: lines.length, start, end: i, text: text.slice(start, i), eol });
    start = i + eol.length;
    BREAK.lastIndex = start;
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
