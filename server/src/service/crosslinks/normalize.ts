/**
 * Normalisation for matching. The original text is never changed: `tokenize` returns each
 * token's normalised form together with its source offsets in the sentence it was given.
 *
 * Per token: NFKC, case folding, diacritics removed (`Türkiye` = `Turkiye`), quote/apostrophe
 * folding, zero-width characters and soft hyphens dropped, possessive `'s` dropped, dotted and
 * upper-case abbreviations joined (`U.S.` = `US`, but the pronoun `us` stays apart), thousands
 * separators dropped (`1,000` = `1000`), small number words as digits (`eight` = `8`), British
 * spelling as American (`stabilise` = `stabilize`). Hyphens and dashes split words
 * (`follow-up` = `follow up`). Different figures never become equal (`2.3` ≠ `2.4`).
 * Sequence rules: `per cent` = `percent` = `%`, `United States` = `U.S.`, likewise `UK`, `UN`.
 */
import { americanize } from './spelling';
import { isStopword } from './stopwords';

/** The token contains a digit: a figure, a year, a count. */
export const TOKEN_NUMBER = 1;
/** Capitalised in the original and not the first word: probably (part of) a name. */
export const TOKEN_NAME = 2;
/** A function word (`the`, `of`, `said` is not one). */
export const TOKEN_STOP = 4;

export interface Token {
  /** normalised form used for matching */
  norm: string;
  /** offsets [start, end) of the token in the original text */
  start: number;
  end: number;
  /** TOKEN_NUMBER | TOKEN_NAME | TOKEN_STOP bits */
  flags: number;
}

const ZW = '\\u00ad\\u200b\\u200c\\u200d\\u2060\\ufeff';
const W = `[\\p{L}\\p{N}\\p{M}${ZW}]`;
const APOS = `['\\u2019\\u2018\\u02bc\\u0060\\u00b4\\u2032]`;
/**
 * An abbreviation with dots (`U.S.`, `e.g.`), or a word/figure: letters, digits and marks, with
 * inner apostrophes, and inner `.`/`,` only before a digit (`2.3`, `1,000`); or a percent sign.
 */
const TOKEN_RE = new RegExp(
  `(?:\\p{L}\\.){2,}|${W}+(?:(?:${APOS}|[.,](?=\\p{N}))${W}+)*|[%\\uff05]`,
  'gu',
);
const ZW_RE = new RegExp(`[${ZW}]`, 'g');
const APOS_RE = new RegExp(APOS, 'g');
const MARKS_RE = /\p{M}/gu;
const DIGIT_RE = /\p{N}/u;
const UPPER_RE = /^\p{Lu}/u;

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ł: 'l', ı: 'i', þ: 'th', ð: 'd', ħ: 'h',
};
const SPECIAL_RE = /[ßøæœđłıþðħ]/g;

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7',
  eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14',
  fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20',
  thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90',
  first: '1st', second: '2nd', third: '3rd', fourth: '4th', fifth: '5th',
};

/** Marker form of the lower-case pronoun `us`, kept apart from the country `US`/`U.S.`. */
const PRONOUN_US = 'us~';

const cache = new Map<string, string>();

/** The normalised form of one raw token (as the tokenizer cuts it). Returns '' for nothing. */
export function normalizeWord(raw: string): string {
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const out = normalizeUncached(raw);
  if (cache.size > 200_000) cache.clear();
  cache.set(raw, out);
  return out;
}

function normalizeUncached(raw: string): string {
  let s = raw.normalize('NFKC').replace(ZW_RE, '');
  if (s === '') return '';
  if (s === '%' || s === '\uff05') return 'percent';
  const dotted = s.includes('.') && !DIGIT_RE.test(s);
  const lowerUs = s === 'us';
  s = s.toLowerCase().normalize('NFD').replace(MARKS_RE, '').replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c]);
  s = s.replace(APOS_RE, "'");
  if (s.endsWith("'s")) s = s.slice(0, -2);
  s = s.replace(/'/g, '');
  if (dotted) s = s.replace(/\./g, '');
  if (s === '') return '';
  if (DIGIT_RE.test(s)) {
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
    return s;
  }
  if (s === 'us' && lowerUs) return PRONOUN_US;
  const n = NUMBER_WORDS[s];
  if (n !== undefined) return n;
  return americanize(s);
}

/** Two-token sequences that are one thing. */
const PAIRS: Record<string, string> = {
  'per cent': 'percent',
  'united states': 'us',
  'united kingdom': 'uk',
  'united nations': 'un',
};

/** Tokenizes one sentence (or any text) into normalised tokens with their source offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const raw = m[0];
    const norm = normalizeWord(raw);
    if (norm === '') continue;
    const start = m.index;
    const end = start + raw.length;
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    if (prev && prev.end + 1 === start && text.charCodeAt(prev.end) === 32) {
      const pair = PAIRS[prev.norm + ' ' + norm];
      if (pair !== undefined) {
        prev.norm = pair;
        prev.end = end;
        prev.flags = flagsFor(pair, prev.flags & TOKEN_NAME);
        continue;
      }
    }
    let flags = 0;
    if (out.length > 0 && UPPER_RE.test(raw) && !(isSentenceStart(text, start))) flags |= TOKEN_NAME;
    out.push({ norm, start, end, flags: flagsFor(norm, flags) });
  }
  return out;
}

function flagsFor(norm: string, base: number): number {
  let flags = base;
  if (DIGIT_RE.test(norm)) flags |= TOKEN_NUMBER;
  else if (isStopword(norm)) flags = TOKEN_STOP; // a capitalised `The` is not a name
  return flags;
}

/** Whether the word at `pos` opens a sentence or a quotation (so its capital says nothing). */
function isSentenceStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\u00a0') {
      i--;
      continue;
    }
    return c === '"' || c === '\u201c' || c === '\u2018' || c === "'" || c === '(' || c === '[' ||
      c === ':' || c === '.' || c === '!' || c === '?' || c === '\u2014';
  }
  return true;
}

/** Just the normalised forms. */
export function normalizedTokens(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}
