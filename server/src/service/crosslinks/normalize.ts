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
import { textHash } from '../text/hash';
import { ownCopy } from '../text/ownCopy';

/** The token contains a digit: a figure, a year, a count. */
export const TOKEN_NUMBER = 1;
/**
 * Capitalised in the original: probably (part of) a name. Mid-text after `.`, `:` or an opening
 * quote the capital says nothing; the first word of a sentence counts (a sentence often opens with
 * its subject: `Germany's inflation ...`) unless it is a function word or one of NEVER_NAMES.
 */
export const TOKEN_NAME = 2;
/** A function word (`the`, `of`, `said` is not one). */
export const TOKEN_STOP = 4;
/** A negation (`not`, `never`, `didn't`, `without`): a statement and its denial never match. */
export const TOKEN_NEG = 8;

export interface Token {
  /** normalised form used for matching */
  norm: string;
  /** offsets [start, end) of the token in the original text */
  start: number;
  end: number;
  /** TOKEN_NUMBER | TOKEN_NAME | TOKEN_STOP | TOKEN_NEG bits */
  flags: number;
}

const ZW = '\\u00ad\\u200b\\u200c\\u200d\\u2060\\ufeff';
const ZW_RE = new RegExp(`[${ZW}]`, 'g');
const APOS = `['\\u2019\\u2018\\u02bc\\u0060\\u00b4\\u2032]`;
const APOS_RE = new RegExp(APOS, 'g');
const MARKS_RE = /\p{M}/gu;
const DIGIT_RE = /\p{N}/u;
const UPPER_RE = /^\p{Lu}/u;

// Character classes for the scanner, filled lazily: a letter, a digit, a word-internal mark or
// invisible character, an apostrophe, `.` or `,`, a percent sign, anything else.
const C_UNKNOWN = 0, C_LETTER = 1, C_DIGIT = 2, C_INNER = 3, C_APOS = 4, C_POINT = 5, C_PERCENT = 6, C_OTHER = 7;
const charClass = new Uint8Array(65536);
function classOf(code: number): number {
  const known = charClass[code];
  if (known !== C_UNKNOWN) return known;
  const ch = String.fromCharCode(code);
  let c: number;
  if (/\p{L}/u.test(ch)) c = C_LETTER;
  else if (/\p{N}/u.test(ch)) c = C_DIGIT;
  else if (/[\p{M}\u00ad\u200b\u200c\u200d\u2060\ufeff]/u.test(ch)) c = C_INNER;
  else if (/['\u2019\u2018\u02bc\u0060\u00b4\u2032]/.test(ch)) c = C_APOS;
  else if (ch === '.' || ch === ',') c = C_POINT;
  else if (ch === '%' || ch === '\uff05') c = C_PERCENT;
  else if (code >= 0xd800 && code <= 0xdfff) c = C_LETTER; // astral: treat as part of a word
  else c = C_OTHER;
  charClass[code] = c;
  return c;
}
const isWordClass = (c: number) => c === C_LETTER || c === C_DIGIT || c === C_INNER;

/**
 * Cuts the raw tokens of `text`: an abbreviation with dots (`U.S.`, `e.g.`); a word or figure of
 * letters, digits and marks with inner apostrophes, and inner `.`/`,` only before a digit (`2.3`,
 * `1,000`); a percent sign. Calls `each(start, end)` for each.
 */
export function scan(text: string, each: (start: number, end: number) => void): void {
  for (let end = nextToken(text, 0); end >= 0; end = nextToken(text, end)) each(tokenStart, end);
}

/** Start of the token `nextToken` found last. */
let tokenStart = 0;

/** The end of the first token at or after `i` (its start in `tokenStart`), or -1 when none. */
function nextToken(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = classOf(text.charCodeAt(i));
    if (c === C_PERCENT) {
      tokenStart = i;
      return i + 1;
    }
    if (!isWordClass(c)) {
      i++;
      continue;
    }
    tokenStart = i;
    // abbreviation: (letter '.'){2,}
    if (c === C_LETTER) {
      let j = i, k = 0;
      while (j + 1 < n && classOf(text.charCodeAt(j)) === C_LETTER && text.charCodeAt(j + 1) === 46) {
        j += 2;
        k++;
      }
      if (k >= 2) return j;
    }
    let j = i + 1;
    for (;;) {
      while (j < n && isWordClass(classOf(text.charCodeAt(j)))) j++;
      if (j + 1 < n) {
        const sep = classOf(text.charCodeAt(j));
        const next = classOf(text.charCodeAt(j + 1));
        if ((sep === C_APOS && isWordClass(next)) ||
          (sep === C_POINT && next === C_DIGIT && classOf(text.charCodeAt(j - 1)) === C_DIGIT)) {
          j += 2;
          continue;
        }
      }
      break;
    }
    return j;
  }
  return -1;
}

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

/** What the tokenizer knows of a raw token, cached per raw string. */
interface WordInfo {
  norm: string;
  /** TOKEN_NUMBER, TOKEN_STOP (with TOKEN_NEG) or 0 */
  kind: number;
  /** the first character is upper-case */
  upper: boolean;
  /** id of `norm` in the shared vocabulary */
  id: number;
}
const cache = new Map<string, WordInfo>();

/**
 * One vocabulary shared by every index of the process: normalised form → integer id. It only
 * grows (by the number of distinct normalised words seen, a few hundred thousand at most).
 */
const vocabulary = new Map<string, number>();
const norms: string[] = [];
/** per id, `textHash` of its normalised form: unlike the id, the same in every process and run */
let normHashes = new Int32Array(1 << 12);

/** `textHash` of the normalised form of a shared vocabulary id. */
export function normHashOf(id: number): number {
  return normHashes[id];
}

/** The normalised form of a shared vocabulary id. */
export function normOf(id: number): string {
  return norms[id];
}

/** The shared integer id of a normalised token. */
export function tokenIdOf(norm: string): number {
  let id = vocabulary.get(norm);
  if (id === undefined) {
    id = vocabulary.size;
    vocabulary.set(norm, id);
    norms.push(norm);
    if (id >= normHashes.length) {
      const grown = new Int32Array(2 * normHashes.length);
      grown.set(normHashes);
      normHashes = grown;
    }
    normHashes[id] = textHash(norm);
  }
  return id;
}

/** Number of ids handed out so far (ids are below it). */
export function vocabularySize(): number {
  return vocabulary.size;
}

function wordInfo(raw: string): WordInfo {
  let info = cache.get(raw);
  if (info === undefined) {
    // an own copy: the cache and the vocabulary outlive the text the word was cut from
    raw = ownCopy(raw);
    const norm = normalizeUncached(raw);
    info = { norm, kind: kindOf(norm), upper: isUpper(raw.charCodeAt(0), raw) && !NEVER_NAMES.has(norm), id: tokenIdOf(norm) };
    if (cache.size > 200_000) cache.clear();
    cache.set(raw, info);
  }
  return info;
}

// Raw token → (vocabulary id, kind, upper) without slicing the text or touching a string:
// an open-addressing table keyed by two independent 32-bit hashes and the length of the
// token's characters (a false hit needs a 64-bit collision). A slot's four numbers sit side by
// side (id, h1, h2, length × 32 + meta), so a lookup reads one cache line: the table (8 MB) is
// far bigger than the caches, and a probe touching four arrays was most of tokenising's time.
// Cleared when 3/4 full. A slot's first number is the id plus one, 0 while the slot is empty:
// the table starts as zeroed memory, which takes no room until a thread that tokenises writes
// to it (the main thread and the link workers of the CLI never do).
const RAW_BITS = 19;
const RAW_MASK = (1 << RAW_BITS) - 1;
const RAW_EMPTY = 0;
/** id of a raw token whose normal form is empty (skipped) */
const RAW_SKIP = -2;
/** the slots, plus one past the table for a token too long to keep (length × 32 would overflow) */
const raw = new Int32Array(4 * ((1 << RAW_BITS) + 1));
const RAW_SPARE = 4 << RAW_BITS;
const RAW_MAX_LEN = (1 << 26) - 1;
/** meta: kind (TOKEN_NUMBER | TOKEN_STOP | TOKEN_NEG) plus 16 when the token starts upper-case */
let rawCount = 0;
const RAW_UPPER = 16;

/** Looks the token [start, end) up; returns the offset of its slot in `raw`. */
function rawSlotAt(text: string, start: number, end: number): number {
  let h1 = 0x811c9dc5 | 0, h2 = 0x2545f491;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 13);
  }
  const len = end - start;
  if (len > RAW_MAX_LEN) return fillSlot(RAW_SPARE, text, start, end, h1, h2);
  const lenKey = len * 32;
  let at = (h1 & RAW_MASK) << 2;
  for (;;) {
    if (raw[at] === RAW_EMPTY) break;
    if (raw[at + 1] === h1 && raw[at + 2] === h2 && (raw[at + 3] & ~31) === lenKey) return at;
    at = (at + 4) & (RAW_SPARE - 1);
  }
  if (rawCount > (3 << RAW_BITS) >> 2) {
    for (let k = 0; k < RAW_SPARE; k += 4) raw[k] = RAW_EMPTY;
    rawCount = 0;
    at = (h1 & RAW_MASK) << 2;
  }
  rawCount++;
  return fillSlot(at, text, start, end, h1, h2);
}

function fillSlot(at: number, text: string, start: number, end: number, h1: number, h2: number): number {
  const info = wordInfo(text.slice(start, end));
  raw[at] = (info.norm === '' ? RAW_SKIP : info.id) + 1;
  raw[at + 1] = h1;
  raw[at + 2] = h2;
  raw[at + 3] = Math.min(end - start, RAW_MAX_LEN) * 32 + (info.kind | (info.upper ? RAW_UPPER : 0));
  return at;
}

/** The normalised form of one raw token (as the tokenizer cuts it). Returns '' for nothing. */
export function normalizeWord(raw: string): string {
  return wordInfo(raw).norm;
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
  const n = Object.hasOwn(NUMBER_WORDS, s) ? NUMBER_WORDS[s] : undefined; // not `constructor` of the prototype
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
/** First words of PAIRS (ids in the shared vocabulary, resolved on first use). */
let pairHeads: Int32Array | undefined;

/**
 * Calls `each(id, start, end, flags)` for each token of `text` (`id` in the shared vocabulary,
 * `normOf(id)` its normal form), without allocating (the index uses this; `tokenize` builds
 * token objects on it).
 */
export function forEachToken(
  text: string,
  each: (id: number, start: number, end: number, flags: number) => void,
): void {
  // one token is held back so that `per cent`, `United States`, ... can merge into it
  let pStart = 0, pEnd = 0, pFlags = 0, pId = 0, have = false, first = true;
  for (let end = nextToken(text, 0); end >= 0; end = nextToken(text, end)) {
    const start = tokenStart;
    const slot = rawSlotAt(text, start, end);
    const id = raw[slot] - 1;
    if (id === RAW_SKIP) continue;
    if (have && isPairHead(pId) && pEnd + 1 === start && text.charCodeAt(pEnd) === 32) {
      const key = norms[pId] + ' ' + norms[id];
      const pair = Object.hasOwn(PAIRS, key) ? PAIRS[key] : undefined;
      if (pair !== undefined) {
        pEnd = end;
        pFlags = flagsFor(kindOf(pair), pFlags & TOKEN_NAME);
        pId = tokenIdOf(pair);
        continue;
      }
    }
    if (have) each(pId, pStart, pEnd, pFlags);
    const meta = raw[slot + 3] & 31;
    const name = meta & RAW_UPPER && (first || !isSentenceStart(text, start)) ? TOKEN_NAME : 0;
    pStart = start; pEnd = end; pFlags = flagsFor(meta & 15, name); pId = id;
    have = true;
    first = false;
  }
  if (have) each(pId, pStart, pEnd, pFlags);
}

function isPairHead(id: number): boolean {
  if (pairHeads === undefined) {
    pairHeads = Int32Array.from(new Set(Object.keys(PAIRS).map((k) => tokenIdOf(k.split(' ')[0]))));
  }
  for (let k = 0; k < pairHeads.length; k++) if (pairHeads[k] === id) return true;
  return false;
}

/** Tokenizes one sentence (or any text) into normalised tokens with their source offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  forEachToken(text, (id, start, end, flags) => out.push({ norm: norms[id], start, end, flags }));
  return out;
}

function isUpper(code: number, raw: string): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER_RE.test(raw);
}

/**
 * Capitalised words that are not names: days and relative days (`said Tuesday` / `said today`
 * is the same report filed on another day, not another person) and sentence adverbs that open
 * a sentence (`Instead, ...`); titles, which one outlet writes and another drops (`Mr Adams` / `Paul
 * Adams`).
 */
const NEVER_NAMES = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight ' +
    'however meanwhile instead still earlier later elsewhere previously separately overall ' +
    'now yet already currently recently finally additionally furthermore moreover indeed ' +
    'mr mrs ms dr sir').split(' '),
);

/** Negations (normalised: `didn't` is `didnt`). */
const NEGATIONS = new Set(
  ('not no never nor none nobody nothing neither without cannot dont doesnt didnt isnt arent wasnt werent ' +
    'wont wouldnt cant couldnt shouldnt hasnt havent hadnt aint mustnt neednt').split(' '),
);

function kindOf(norm: string): number {
  const neg = NEGATIONS.has(norm) ? TOKEN_NEG : 0;
  return DIGIT_RE.test(norm) ? TOKEN_NUMBER : isStopword(norm) ? TOKEN_STOP | neg : neg;
}

function flagsFor(kind: number, name: number): number {
  if (kind & TOKEN_STOP) return kind; // a capitalised `The` is not a name
  return name | kind;
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
