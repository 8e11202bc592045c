/**
 * Tokens of one paragraph with its top-level quotations masked as single tokens, and the
 * sentence each token belongs to. Attribution patterns are matched on these tokens, so no
 * regular expression ever runs over unbounded text. One linear pass.
 */
import { ownCopy } from '../text/ownCopy';
import { isUpperUnit, isWordUnit } from './chars';
import { ABBREVIATIONS, SPEECH_VERB_FORMS } from './lexicon';

export type TokenKind = 'word' | 'punct' | 'quote';

export interface Token {
  start: number;
  end: number;
  text: string;
  /**
   * for words, the lower case; for punctuation and quotations the text itself (the patterns
   * compare only words' lower case with words, and a lower-cased quotation would cost a copy)
   */
  lower: string;
  kind: TokenKind;
  /** for quote tokens: index of the quotation in the paragraph's quote list */
  quote: number;
  /** first character is an upper-case letter (or a digit-free acronym) */
  cap: boolean;
  /** index of the first token of this token's sentence */
  sentence: number;
  /** for words: the base form of the speech verb this form is (`said` → `say`), else null */
  verb: string | null;
}

export interface MaskedQuote {
  /** offset of the opening mark */
  start: number;
  /** offset just past the closing mark (or the line end) */
  end: number;
  /** the quoted words end with sentence-final punctuation (`.”`, `?"`) */
  endsSentence: boolean;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2007 || c === 0x200b || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 10 || c === 13;
}

/**
 * Whether a lower-case word may be a speech-verb form, by its first and last letters and its
 * length: most words are ruled out without hashing them for the map.
 */
const VERB_SHAPES = (() => {
  const t = new Uint8Array(26 * 26 * 32);
  for (const f of SPEECH_VERB_FORMS.keys()) {
    const a = f.charCodeAt(0) - 97, b = f.charCodeAt(f.length - 1) - 97;
    if (a >= 0 && a < 26 && b >= 0 && b < 26 && f.length < 32) t[(a * 26 + b) * 32 + f.length] = 1;
    else return null; // a form outside a–z: no filter
  }
  return t;
})();

function verbOf(lower: string): string | null {
  if (VERB_SHAPES !== null) {
    const a = lower.charCodeAt(0) - 97, b = lower.charCodeAt(lower.length - 1) - 97;
    if (!(a >= 0 && a < 26 && b >= 0 && b < 26 && lower.length < 32) || VERB_SHAPES[(a * 26 + b) * 32 + lower.length] === 0) return null;
  }
  return SPEECH_VERB_FORMS.get(lower) ?? null;
}

/** Longest entry of ABBREVIATIONS (lower-casing never shortens a word: longer words are not looked up). */
const MAX_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

const CLITIC = /^(he|she|it|they|we|i|you|who|that|there)['\u2019](?:s|re|ve|d|ll|m)$/i;

function isLowerAsciiOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAbbreviation(w: string, lowerCase: boolean): boolean {
  return ABBREVIATIONS.has(lowerCase ? w : w.toLowerCase());
}

/** Capitalised words up to this length and their lower case, in generations of this many words. */
const MAX_MEMO_WORD = 40;
const LOWER_GENERATION = 4000;
let youngLower = new Map<string, string>();
let oldLower = new Map<string, string>();

/**
 * `word.toLowerCase()`, memoised for the process: lower-casing a slice of a text with any
 * character past Latin-1 (two-byte, as nearly every news text with typographic quotes) costs a
 * call into the runtime, and the same names and sentence openers recur. Bounded like the names
 * of identity.ts: two generations.
 */
function lowerOf(word: string): string {
  if (word.length > MAX_MEMO_WORD) return word.toLowerCase();
  let lower = youngLower.get(word);
  if (lower !== undefined) return lower;
  lower = oldLower.get(word);
  // own copies: the memo outlives the document the word was cut from
  if (lower === undefined) lower = ownCopy(word.toLowerCase());
  word = ownCopy(word);
  if (youngLower.size >= LOWER_GENERATION) {
    oldLower = youngLower;
    youngLower = new Map();
  }
  youngLower.set(word, lower);
  return lower;
}

/** Adds the token text[start, end); `lowerCase`: the text is known to be its own lower case (ASCII without capitals). */
function pushToken(toks: Token[], text: string, start: number, end: number, kind: TokenKind, quote: number, lowerCase: boolean): void {
  const t = text.slice(start, end);
  const word = kind === 'word';
  const lower = lowerCase || !word ? t : lowerOf(t);
  toks.push({ start, end, text: t, lower, kind, quote, cap: word && !lowerCase && isUpperUnit(text.charCodeAt(start)), sentence: 0, verb: word ? verbOf(lower) : null });
}

/**
 * Tokenises text[from, to) treating each of `quotes` (sorted, non-overlapping, within the
 * range) as one token.
 */
export function tokenize(text: string, from: number, to: number, quotes: readonly MaskedQuote[]): Token[] {
  const toks: Token[] = [];
  let qi = 0;
  let i = from;
  while (i < to) {
    if (qi < quotes.length && i >= quotes[qi].start) {
      const q = quotes[qi];
      pushToken(toks, text, q.start, Math.min(q.end, to), 'quote', qi, false);
      i = Math.max(i, q.end);
      qi++;
      continue;
    }
    const limit = qi < quotes.length ? Math.min(to, quotes[qi].start) : to;
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    // most words start with a lower-case ASCII letter: no table lookup for those
    if (isLowerAsciiOrDigit(c) || isWordUnit(c)) {
      let j = i + 1;
      let apostrophe = false;
      let period = false;
      let lowerCase = isLowerAsciiOrDigit(c);
      while (j < limit) {
        const d = text.charCodeAt(j);
        if (isLowerAsciiOrDigit(d)) { j++; continue; }
        if ((d >= 65 && d <= 90) || (d >= 0x80 && isWordUnit(d))) { j++; lowerCase = false; continue; }
        // joiners inside a word: U.S, parliament's, U.S.-Russia, AT&T
        if (d === 44 && isDigit(text.charCodeAt(j - 1)) && j + 3 < limit && isDigit(text.charCodeAt(j + 1)) && isDigit(text.charCodeAt(j + 2)) && isDigit(text.charCodeAt(j + 3)) && !isDigit(text.charCodeAt(j + 4))) { j += 4; continue; }
        if ((d === 46 || d === 39 || d === 0x2019 || d === 45 || d === 38 || d === 0x2010 || d === 0x2011) && j + 1 < limit && isWordUnit(text.charCodeAt(j + 1))) {
          if (d === 39 || d === 0x2019) apostrophe = true;
          else if (d === 46) period = true;
          if (d >= 0x80 || !isLowerAsciiOrDigit(text.charCodeAt(j + 1))) lowerCase = false;
          j += 2;
          continue;
        }
        break;
      }
      // a final period belongs to abbreviations: U.S., Mr., J.
      if (j < limit && text.charCodeAt(j) === 46) {
        if (period || (j - i === 1 && isUpperUnit(c)) || (j - i <= MAX_ABBREVIATION && isAbbreviation(text.slice(i, j), lowerCase))) j++;
      }
      // `He’s claiming`: a pronoun's clitic is a word of its own (possessives stay whole)
      const clitic = apostrophe && j - i <= 8 ? CLITIC.exec(text.slice(i, j)) : null;
      if (clitic && clitic[0].length === j - i) {
        pushToken(toks, text, i, i + clitic[1].length, 'word', -1, lowerCase);
        pushToken(toks, text, i + clitic[1].length, j, 'word', -1, lowerCase);
        i = j;
        continue;
      }
      pushToken(toks, text, i, j, 'word', -1, lowerCase);
      i = j;
      continue;
    }
    // surrogate pairs and other symbols: one token per code point
    const step = c >= 0xd800 && c <= 0xdbff && i + 1 < limit && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    pushToken(toks, text, i, i + step, 'punct', -1, c < 0x80);
    i += step;
  }
  // sentences
  let s = 0;
  for (let k = 0; k < toks.length; k++) {
    toks[k].sentence = s;
    const t = toks[k];
    const next = toks[k + 1];
    if (!next) break;
    let boundary = false;
    if (t.kind === 'punct' && (t.text === '.' || t.text === '!' || t.text === '?' || t.text === ';')) {
      boundary = next.kind === 'quote' || next.cap || t.text === ';' || (next.kind === 'punct' && next.text !== ',' && next.text !== ')' && next.text !== ']');
    } else if (t.kind === 'quote' && quotes[t.quote].endsSentence) {
      boundary = next.kind === 'quote';
    }
    if (boundary) s = k + 1;
  }
  return toks;
}

/** Whether the quotation's words end a sentence (`…Moscow.”`, `…?"`). */
export function quoteEndsSentence(text: string, open: number, contentEnd: number): boolean {
  let j = contentEnd - 1;
  while (j > open && isSpace(text.charCodeAt(j))) j--;
  const c = text.charCodeAt(j);
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}
