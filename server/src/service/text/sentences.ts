import type { Line, Sentence } from '../types';

/** Titles and abbreviations that never end a sentence. */
const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'cpt', 'sgt', 'maj', 'adm', 'rev',
  'hon', 'pres', 'supt', 'st', 'mt', 'ft', 'messrs', 'mme', 'mlle', 'fr', 'sr', 'jr', 'no', 'nos', 'vol', 'vols', 'fig',
  'figs', 'approx', 'est', 'ca', 'cf', 'vs', 'v', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun', 'ave', 'blvd', 'rd', 'dept', 'univ',
  'e.g', 'i.e', 'op', 'pp', 'p', 'ed', 'eds', 'al', 'gens', 'reps', 'sens', 'govs', 'atty', 'insp', 'supt', 'cmdr',
]);

/** Abbreviations that may end a sentence: they do when the next word starts a sentence. */
const MAYBE_FINAL = new Set(['inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'etc', 'bros', 'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'u.s.a', 'ph.d']);

/** Words that typically open a sentence; after an ambiguous abbreviation they mark a boundary. */
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'in', 'on', 'at', 'but', 'and', 'or', 'so', 'this',
  'that', 'these', 'those', 'there', 'his', 'her', 'its', 'their', 'our', 'as', 'after', 'before', 'when', 'while',
  'however', 'meanwhile', 'also', 'some', 'many', 'most', 'if', 'for', 'since', 'yet', 'still', 'earlier', 'later',
  'officials', 'both', 'no', 'not', 'one', 'two', 'what', 'why', 'how', 'who', 'where', 'last', 'next',
]);

const TERMINATORS = '.!?\u2026';
/** A terminator, searched for by the regular-expression engine rather than a visit to every character. */
const TERMINATOR = /[.!?\u2026]/g;
const CLOSERS = '"\'\u201d\u2019)]\u00bb\u203a';
const OPENERS = '"\'\u201c\u2018([\u00ab\u2039';

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\u202f' || c === '\u2007';
}

// module-level: bundlers turn a `\p{…}` literal into `new RegExp(…)`, which would run per call
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/** `\p{L}` for one UTF-16 unit; ASCII by its code. */
function isLetter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(c);
}

function isLower(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/** The word (letters and inner dots) just before position `dot` (which holds a '.'), lower-cased, at most 12 chars. */
function wordBefore(t: string, dot: number): string {
  let k = dot;
  while (k > 0 && dot - k < 12) {
    const c = t[k - 1];
    if (c === '.' || isLetter(c)) k--;
    else break;
  }
  return t.slice(k, dot).toLowerCase();
}

function nextWord(t: string, from: number): string {
  let k = from;
  while (k < t.length && OPENERS.includes(t[k])) k++;
  let e = k;
  while (e < t.length && e - k < 20 && isLetter(t[e])) e++;
  return t.slice(k, e).toLowerCase();
}

/** Whether the '.' at `dot`, followed by white space and then `t[next]`, ends a sentence. */
function periodEndsSentence(t: string, dot: number, next: number): boolean {
  const w = wordBefore(t, dot);
  if (w.length === 0) return true; // after a digit, a quote or a bracket
  const bare = w.replace(/^\.+/, '');
  if (NEVER_FINAL.has(bare)) return false;
  // a single letter: an initial (Donald J. Trump)
  if (bare.length === 1 && UPPER.test(t[dot - 1])) return false;
  if (MAYBE_FINAL.has(bare) || bare.includes('.')) {
    return OPENERS.includes(t[next]) || SENTENCE_STARTERS.has(nextWord(t, next));
  }
  return true;
}

/**
 * Splits one line (a paragraph) into sentences, abbreviation-aware: `U.S.`, `Dr.`, `Jan.`,
 * initials and decimals do not end a sentence; punctuation inside closing quotes does.
 * Linear in the line's length.
 */
export function splitLineSentences(line: Line, firstIndex = 0): Sentence[] {
  const t = line.text;
  const out: Sentence[] = [];
  let s = 0;
  // the search for the next terminator starts at lastIndex; `test` leaves it just past the terminator
  TERMINATOR.lastIndex = 0;
  while (TERMINATOR.test(t)) {
    const i = TERMINATOR.lastIndex - 1;
    const c = t[i];
    let j = i + 1;
    while (j < t.length && TERMINATORS.includes(t[j])) j++;
    while (j < t.length && CLOSERS.includes(t[j])) j++;
    if (j >= t.length) break;
    if (!isSpace(t[j])) {
      TERMINATOR.lastIndex = j;
      continue;
    }
    let k = j;
    while (k < t.length && isSpace(t[k])) k++;
    if (k >= t.length) break;
    const n = t[k];
    let boundary = !isLower(n);
    if (boundary && c === '.' && j === i + 1) boundary = periodEndsSentence(t, i, k);
    if (boundary) {
      pushSentence(out, line, firstIndex, s, j);
      s = k;
    }
    TERMINATOR.lastIndex = k;
  }
  pushSentence(out, line, firstIndex, s, t.length);
  return out;
}

/** Adds the sentence line.text[from, end) without its surrounding spaces, unless nothing is left. */
function pushSentence(out: Sentence[], line: Line, firstIndex: number, from: number, end: number): void {
  const t = line.text;
  let a = from;
  let b = end;
  while (a < b && isSpace(t[a])) a++;
  while (b > a && isSpace(t[b - 1])) b--;
  if (b > a) {
    out.push({ index: firstIndex + out.length, line: line.index, start: line.start + a, end: line.start + b, text: t.slice(a, b), character: a });
  }
}
