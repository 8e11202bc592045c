/**
 * Quote-mark scanning: finds quotations in one paragraph (line) of text. Straight and curly
 * double marks pair in any combination (`"… Moscow.”`); single marks (`'…'`, `‘…’`) pair only
 * when they are not apostrophes (`Öcalan’s`, `others'`, `'90s`) and only inside one double
 * quotation or outside all of them (single inside double = a nested quote).
 * One left-to-right pass per line, no regular expressions over the line: linear time.
 */
import { isWordUnit } from './chars';

export interface QuoteMarkSpan {
  /** offset of the opening mark */
  open: number;
  /** offset just past the closing mark, or the end of the line when open */
  end: number;
  /** whether a closing mark was found */
  closed: boolean;
  /** single-quote mark pair (partial quote or nested quote) */
  single: boolean;
  /** index of the enclosing quote in the line's list, or -1 */
  parent: number;
  /** length of the opening mark (2 for the typewriter double `''`) */
  openLen: number;
  /** length of the closing mark (0 when open) */
  closeLen: number;
}

const DQ_OPEN = new Set([0x201c, 0x201e, 0x201f, 0xab]); // “ „ ‟ «
const DQ_CLOSE = new Set([0x201d, 0xbb]); // ” »
const DQ_AMBIG = new Set([0x22, 0xff02, 0x2033]); // " ＂ ″
const SQ_OPEN = new Set([0x2018, 0x201a, 0x2039]); // ‘ ‚ ‹
const SQ_CLOSE = new Set([0x2019, 0x203a]); // ’ ›
const SQ_AMBIG = new Set([0x27]); // '

// the sets as bits of a table over the BMP: the scan asks about every character of a line
const DOUBLE = 1;
const SINGLE = 2;
const MARKS = new Uint8Array(0x10000);
for (const set of [DQ_OPEN, DQ_CLOSE, DQ_AMBIG]) for (const c of set) MARKS[c] |= DOUBLE;
for (const set of [SQ_OPEN, SQ_CLOSE, SQ_AMBIG]) for (const c of set) MARKS[c] |= SINGLE;
/** Any mark of the sets, as a character class: the regular-expression engine finds a line's few marks faster than a loop visiting every character. */
const ANY_MARK = new RegExp(
  `[${[DQ_OPEN, DQ_CLOSE, DQ_AMBIG, SQ_OPEN, SQ_CLOSE, SQ_AMBIG].flatMap((set) => [...set]).map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`,
  'g',
);

export function isDoubleMark(c: number): boolean {
  return c >= 0 && c < 0x10000 && (MARKS[c] & DOUBLE) !== 0;
}

export function isSingleMark(c: number): boolean {
  return c >= 0 && c < 0x10000 && (MARKS[c] & SINGLE) !== 0;
}

/** \p{L}, \p{N} or \p{M} (a surrogate is not a word character). */
export function isWordChar(c: number): boolean {
  return isWordUnit(c);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0x200b || c === 0xfeff || c === 12 || c === 11 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

/** Characters after which a mark opens: start, space, brackets, dashes, slashes, other marks. */
function opensAfter(c: number): boolean {
  return c < 0 || isSpace(c) || c === 40 || c === 91 || c === 123 || c === 0x2014 || c === 0x2013 || c === 45 || c === 47 || c === 58 || isDoubleMark(c) || isSingleMark(c);
}

/** Characters before which a mark closes: end, space, punctuation, brackets, other marks. */
function closesBefore(c: number): boolean {
  return c < 0 || isSpace(c) || c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93 || c === 125 || c === 0x2014 || c === 0x2013 || c === 45 || c === 0x2026 || c === 47 || isDoubleMark(c) || isSingleMark(c);
}

type Role = 'open' | 'close' | 'either';

function doubleRole(text: string, i: number, from: number, to: number, len = 1): Role {
  const c = text.charCodeAt(i);
  const prev = i > from ? text.charCodeAt(i - 1) : -1;
  const next = i + len < to ? text.charCodeAt(i + len) : -1;
  const left = opensAfter(prev);
  const right = closesBefore(next);
  if (DQ_OPEN.has(c)) return right && !left ? 'close' : 'open';
  if (DQ_CLOSE.has(c)) return left && !right ? 'open' : 'close';
  if (left && !right) return 'open';
  if (right && !left) return 'close';
  return 'either';
}

// module-level: bundlers turn a `\p{…}` literal into `new RegExp(…)`, which would run per call
const LEADING_ELISION = /^(em|til|cause|tis|twas|n|bout|nuff|round)(?![\p{L}])/u;

/** Elisions that start with an apostrophe: '90s, '16, 'em, 'til, 'cause, rock 'n' roll. */
function isLeadingElision(text: string, i: number): boolean {
  const a = text.charCodeAt(i + 1), b = text.charCodeAt(i + 2);
  if (a >= 48 && a <= 57 && b >= 48 && b <= 57) {
    const c = text.charCodeAt(i + 3);
    return !(c >= 48 && c <= 57);
  }
  const rest = text.slice(i + 1, i + 7).toLowerCase();
  return LEADING_ELISION.test(rest);
}

type SingleRole = 'open' | 'close' | 'closeOrApostrophe' | 'apostrophe';

function singleRole(text: string, i: number, from: number, to: number): SingleRole {
  const c = text.charCodeAt(i);
  const prev = i > from ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
  const prevWord = prev >= 0 && isWordChar(prev);
  const nextWord = next >= 0 && isWordChar(next);
  if (prevWord && nextWord) return 'apostrophe'; // don't, Öcalan’s, O'Brien
  const left = opensAfter(prev);
  const right = closesBefore(next);
  if (left && !right) {
    if (isLeadingElision(text, i)) return 'apostrophe';
    return SQ_CLOSE.has(c) && !nextWord ? 'apostrophe' : 'open';
  }
  if (right && !left) {
    if (SQ_OPEN.has(c)) return 'apostrophe';
    // others' / Jesus' could be a possessive
    return prev === 115 || prev === 83 ? 'closeOrApostrophe' : 'close';
  }
  return 'apostrophe';
}

/**
 * Finds the quotes of one line. `from`/`to` bound the scan (offsets into `text`). Quotes are
 * returned in order of their opening marks; single-quoted ones carry their enclosing double.
 */
export function scanLine(text: string, from: number, to: number): QuoteMarkSpan[] {
  const out: QuoteMarkSpan[] = [];
  // 1. double marks (a doubled apostrophe `''` counts as one double mark, as in old NYT copy);
  // the same pass notes where the single marks are, so step 2 visits only those
  let singleAt: number[] | null = null;
  let open = -1;
  let openLen = 1;
  // the search runs over the line alone; `test` moves lastIndex just past the (one-character) mark
  const line = text.slice(from, to);
  ANY_MARK.lastIndex = 0;
  while (ANY_MARK.test(line)) {
    const i = from + ANY_MARK.lastIndex - 1;
    const c = text.charCodeAt(i);
    const f = MARKS[c];
    let len = 1;
    if ((f & SINGLE) !== 0) {
      (singleAt ??= []).push(i);
      if (c !== 0x27 || i + 1 >= to || text.charCodeAt(i + 1) !== 0x27) continue;
      singleAt.push(i + 1);
      len = 2;
    }
    const role = doubleRole(text, i, from, to, len);
    if (open < 0) {
      if (role !== 'close') { open = i; openLen = len; }
      // a stray closing mark is ignored
    } else if (role === 'open') {
      // an opening mark inside an open quote: the earlier one was never closed
      out.push({ open, end: i, closed: false, single: false, parent: -1, openLen, closeLen: 0 });
      open = i; openLen = len;
    } else {
      out.push({ open, end: i + len, closed: true, single: false, parent: -1, openLen, closeLen: len });
      open = -1;
    }
    ANY_MARK.lastIndex = i + len - from;
  }
  if (open >= 0) out.push({ open, end: to, closed: false, single: false, parent: -1, openLen, closeLen: 0 });
  if (singleAt === null) return out;

  // 2. single marks, within each double quote and in the gaps between them; a single-quoted
  // quotation outside doubles may contain them (British style: 'He said "no" to me,' she added)
  const doubles = out;
  const singles: QuoteMarkSpan[] = [];
  const at: SingleCursor = { marks: singleAt, k: 0 };
  let gapStart = from;
  let pending = -1;
  for (let d = 0; d <= doubles.length; d++) {
    const gapEnd = d < doubles.length ? doubles[d].open : to;
    pending = scanSingles(text, gapStart, gapEnd, -1, singles, pending, at);
    if (d < doubles.length) {
      const q = doubles[d];
      scanSingles(text, q.open + q.openLen, q.end - q.closeLen, d, singles, -1, at);
      gapStart = q.end;
    }
  }
  if (singles.length === 0) return doubles;
  const all = doubles.concat(singles).sort((x, y) => x.open - y.open);
  const newIndex = new Map<QuoteMarkSpan, number>();
  all.forEach((q, i) => newIndex.set(q, i));
  for (const q of singles) q.parent = q.parent >= 0 ? newIndex.get(doubles[q.parent]) ?? -1 : -1;
  // doubles inside a top-level single quotation are nested in it (both lists sorted: one pass)
  let di = 0;
  for (const sq of singles) {
    if (sq.parent >= 0) continue;
    while (di < doubles.length && doubles[di].open < sq.open) di++;
    for (let k = di; k < doubles.length && doubles[k].open < sq.end; k++) {
      if (doubles[k].end <= sq.end) doubles[k].parent = newIndex.get(sq) ?? -1;
    }
  }
  return all;
}

/** The offsets of a line's single marks, ascending, and how far step 2 has read them. */
interface SingleCursor {
  marks: number[];
  k: number;
}

/** Pairs the single marks in [from, to); ranges come in increasing, non-overlapping order. */
function scanSingles(text: string, from: number, to: number, parent: number, out: QuoteMarkSpan[], pendingIn: number, at: SingleCursor): number {
  let pending = pendingIn;
  const marks = at.marks;
  while (at.k < marks.length && marks[at.k] < from) at.k++;
  for (; at.k < marks.length && marks[at.k] < to; at.k++) {
    const i = marks[at.k];
    const role = singleRole(text, i, from, to);
    if (role === 'open') pending = i;
    else if ((role === 'close' || role === 'closeOrApostrophe') && pending >= 0 && i > pending + 1) {
      out.push({ open: pending, end: i + 1, closed: true, single: true, parent, openLen: 1, closeLen: 1 });
      pending = -1;
    }
  }
  return pending;
}

/** Whether the first non-space character of the line range is an opening double mark. */
export function startsWithOpeningDouble(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (i >= to) return false;
  const c = text.charCodeAt(i);
  const twin = c === 0x27 && i + 1 < to && text.charCodeAt(i + 1) === 0x27;
  return (twin || isDoubleMark(c)) && doubleRole(text, i, from, to, twin ? 2 : 1) !== 'close';
}
