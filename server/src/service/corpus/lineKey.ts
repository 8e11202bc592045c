/**
 * Normalisation and hashing of lines for cross-file recurrence counting. Linear time.
 */

/** Lines whose normalised form is shorter than this (in characters) are not counted. */
export const MIN_KEY_LENGTH = 2;
/** Only this many leading characters take part in the key (a 200,000-char line stays cheap). */
export const MAX_KEY_CHARS = 2000;

const SPACES = /[\s\u00a0\u200b\ufeff\u2007\u202f\u3000]+/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032`\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const HAS_ALNUM = /[\p{L}\p{N}]/u;

/**
 * The corpus key of a line: white space collapsed and trimmed, lower-cased, quote marks folded.
 * Returns null for lines too short or too generic to count (blank, no letter or digit).
 * Only the first MAX_KEY_CHARS characters take part. Linear (single-character classes only).
 */
export function normalizeLineKey(text: string): string | null {
  const head = text.length > MAX_KEY_CHARS ? text.slice(0, MAX_KEY_CHARS) : text;
  const key = head.replace(SPACES, ' ').trim().toLowerCase().replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
  if (key.length < MIN_KEY_LENGTH || !HAS_ALNUM.test(key)) return null;
  return key;
}

/**
 * A 53-bit hash of a key (32-bit FNV-1a combined with 21 bits of a second, differently seeded
 * multiplicative hash), safe to use as a Map<number, …> key. Collisions are negligible at corpus sizes.
 */
export function hashLineKey(key: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 ^= c;
    h1 = Math.imul(h1, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/** Case-less punctuation passed through unchanged by the fast path of `lineHash` (U+2010–U+2027, U+2030–U+205E). */
function isPlainPunctuation(c: number): boolean {
  return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e);
}

/** `keyChar` of a white-space character, and of one outside the fast path. */
const KEY_SPACE = -2;
const KEY_OTHER = -1;
/** Added to `keyChar` of a letter or digit. */
const KEY_ALNUM = 0x10000;

/**
 * What a character becomes in a line key, for the fast path of `lineHash`: the character the key
 * holds (lower case, quote marks folded), plus KEY_ALNUM for a letter or digit; KEY_SPACE for
 * white space; KEY_OTHER for a character the fast path does not know.
 */
function keyChar(code: number): number {
  const c = code;
  if (c < 128) {
    if (c === 32 || (c >= 9 && c <= 13)) return KEY_SPACE;
    if (c >= 65 && c <= 90) return c + 32 + KEY_ALNUM;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return c + KEY_ALNUM;
    return c === 96 ? 39 : c;
  }
  if (c >= 0xc0 && c <= 0xff) {
    if (c === 0xd7 || c === 0xf7) return c; // × ÷
    return (c <= 0xde ? c + 32 : c) + KEY_ALNUM;
  }
  if (c === 0xa0 || c === 0x200b || c === 0xfeff || c === 0x2007 || c === 0x202f || c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0x205f || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)) return KEY_SPACE;
  if (c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b || c === 0x2032 || c === 0xb4) return 39;
  if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x201f || c === 0x2033 || c === 0xab || c === 0xbb) return 34;
  if (isPlainPunctuation(c)) return c;
  // any other character (Latin Extended, Greek, Cyrillic …): its lower case, unless that is two
  // characters (İ) or depends on the context (Σ: σ or ς), or it is half a surrogate pair
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x130 || c === 0x3a3) return KEY_OTHER;
  const lower = String.fromCharCode(c).toLowerCase();
  if (lower.length !== 1) return KEY_OTHER;
  return lower.charCodeAt(0) + (HAS_ALNUM.test(lower) ? KEY_ALNUM : 0);
}

/** keyChar of U+0000–U+3000 (every character above is KEY_OTHER but U+FEFF, a space). */
const KEY_CHARS = Int32Array.from({ length: 0x3001 }, (_, c) => keyChar(c));

/**
 * `hashLineKey(normalizeLineKey(text))` in one pass over the character codes, without building the
 * key; -1 where the key is null. Lines of characters up to U+3000 (but İ and Σ) take the fast
 * path; any other character falls back to the two-step definition, so the result is always
 * identical to it.
 */
export function lineHash(text: string): number {
  const n = text.length > MAX_KEY_CHARS ? MAX_KEY_CHARS : text.length;
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  let len = 0;
  let alnum = false;
  let space = false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const k = code < KEY_CHARS.length ? KEY_CHARS[code] : code === 0xfeff ? KEY_SPACE : KEY_OTHER;
    if (k < 0) {
      if (k === KEY_OTHER) return slowLineHash(text);
      space = true;
      continue;
    }
    let c = k;
    if (k >= KEY_ALNUM) {
      c -= KEY_ALNUM;
      alnum = true;
    }
    if (space) {
      space = false;
      if (len > 0) {
        h1 ^= 32;
        h1 = Math.imul(h1, 0x01000193);
        h2 = Math.imul(h2 ^ 32, 0x5bd1e995);
        h2 ^= h2 >>> 15;
        len++;
      }
    }
    h1 ^= c;
    h1 = Math.imul(h1, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    len++;
  }
  if (len < MIN_KEY_LENGTH || !alnum) return -1;
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

function slowLineHash(text: string): number {
  const key = normalizeLineKey(text);
  return key === null ? -1 : hashLineKey(key);
}
