import type { Line } from '../types';

export interface InvisibleRun {
  line: number;
  start: number;
  end: number;
  /** the characters of the run */
  chars: string;
  /** what the quick fix puts in its place: a plain space for spacing characters, nothing for zero-width ones */
  replacement: string;
  /** human-readable names, e.g. "NO-BREAK SPACE (U+00A0)" */
  names: string[];
}

const SPACES: Record<number, string> = {
  0x00a0: 'NO-BREAK SPACE',
  0x2007: 'FIGURE SPACE',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x2000: 'EN QUAD',
  0x2001: 'EM QUAD',
  0x2002: 'EN SPACE',
  0x2003: 'EM SPACE',
  0x2004: 'THREE-PER-EM SPACE',
  0x2005: 'FOUR-PER-EM SPACE',
  0x2006: 'SIX-PER-EM SPACE',
  0x2008: 'PUNCTUATION SPACE',
  0x2009: 'THIN SPACE',
  0x200a: 'HAIR SPACE',
  0x205f: 'MEDIUM MATHEMATICAL SPACE',
  0x3000: 'IDEOGRAPHIC SPACE',
  0x000b: 'LINE TABULATION',
  0x000c: 'FORM FEED',
};

const ZERO_WIDTH: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0x00ad: 'SOFT HYPHEN',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
};

function hex(c: number): string {
  return 'U+' + c.toString(16).toUpperCase().padStart(4, '0');
}

/** Name of an invisible character, or undefined when the character is visible (or an ordinary space/tab). */
export function invisibleName(c: number): { name: string; zeroWidth: boolean } | undefined {
  if (c > 0x20 && c < 0x7f) return undefined; // printable ASCII: the common case, no lookups
  const s = SPACES[c];
  if (s) return { name: `${s} (${hex(c)})`, zeroWidth: false };
  const z = ZERO_WIDTH[c];
  if (z) return { name: `${z} (${hex(c)})`, zeroWidth: true };
  // C0/C1 control characters other than tab; they are invisible and never belong in text
  if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c < 0xa0)) {
    return { name: `control character (${hex(c)})`, zeroWidth: true };
  }
  return undefined;
}

/** Exactly the characters `invisibleName` names (a unit test checks every code unit). */
export const INVISIBLE_RE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0\xad\u180e\u2000-\u200b\u200e\u200f\u202f\u205f-\u2064\u3000\ufeff]/g;

/**
 * Finds runs of invisible characters inside text: no-break, zero-width and control characters.
 * Adjacent characters form one run. At most `limit` runs per document (the rest are not reported).
 */
export function findInvisibles(lines: readonly Line[], limit = 1000): InvisibleRun[] {
  const runs: InvisibleRun[] = [];
  for (const line of lines) {
    const t = line.text;
    INVISIBLE_RE.lastIndex = 0;
    // the expression finds the next candidate in native code; most lines have none
    while (INVISIBLE_RE.test(t)) {
      const runStart = INVISIBLE_RE.lastIndex - 1;
      let i = runStart;
      const names: string[] = [];
      let allZero = true;
      while (i < t.length) {
        const inf = invisibleName(t.charCodeAt(i));
        if (!inf) break;
        if (!names.includes(inf.name)) names.push(inf.name);
        allZero &&= inf.zeroWidth;
        i++;
      }
      // a run at the very start or end of the line, or beside a space, would leave a double or
      // dangling space: remove it rather than turn it into a space
      const before = runStart > 0 ? t.charCodeAt(runStart - 1) : 32;
      const after = i < t.length ? t.charCodeAt(i) : 32;
      const besideSpace = before === 32 || after === 32 || before === 9 || after === 9;
      runs.push({
        line: line.index,
        start: line.start + runStart,
        end: line.start + i,
        chars: t.slice(runStart, i),
        replacement: allZero || besideSpace ? '' : ' ',
        names,
      });
      if (runs.length >= limit) return runs;
      INVISIBLE_RE.lastIndex = i;
    }
  }
  return runs;
}
