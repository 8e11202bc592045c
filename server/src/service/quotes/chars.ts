/**
 * Character classes of the quote finder without a regular expression per character: ASCII is
 * decided by arithmetic, other BMP code points by one Unicode regex test each, remembered in a
 * typed table (at most 64 K tests over the life of the process), astral code points by a regex.
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const UPPER = /^\p{Lu}$/u;

/** bit 1: computed; bit 2: \p{L} or \p{N}; bit 4: \p{M}; bit 8: \p{Lu} */
const BMP = new Uint8Array(0x10000);
const KNOWN = 1;
const LN = 2;
const M = 4;
const LU = 8;

function classify(c: number): number {
  let f = BMP[c];
  if (f === 0) {
    const ch = String.fromCharCode(c);
    f = KNOWN | (LETTER_OR_DIGIT.test(ch) ? LN : 0) | (MARK.test(ch) ? M : 0) | (UPPER.test(ch) ? LU : 0);
    BMP[c] = f;
  }
  return f;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/** `\p{L}` or `\p{N}` for a code point (a lone surrogate is neither). */
export function isLetterOrDigit(cp: number): boolean {
  if (cp < 0x80) return isAsciiAlnum(cp);
  if (cp <= 0xffff) return !isSurrogate(cp) && (classify(cp) & LN) !== 0;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** `\p{L}`, `\p{N}` or `\p{M}` for a UTF-16 code unit; surrogates are not word characters. */
export function isWordUnit(c: number): boolean {
  if (c < 0x80) return isAsciiAlnum(c);
  if (!(c < 0x10000) || isSurrogate(c)) return false;
  return (classify(c) & (LN | M)) !== 0;
}

/** `\p{Lu}` for a UTF-16 code unit (a surrogate is not). */
export function isUpperUnit(c: number): boolean {
  if (c < 0x80) return c >= 65 && c <= 90;
  if (!(c < 0x10000) || isSurrogate(c)) return false;
  return (classify(c) & LU) !== 0;
}

/**
 * `w` without leading characters other than letters and digits and without trailing ones other
 * than letters, digits and periods (by code point). Two index scans: linear in `w`.
 */
export function trimWord(w: string): string {
  const n = w.length;
  let s = 0;
  while (s < n) {
    const cp = w.codePointAt(s) as number;
    if (isLetterOrDigit(cp)) break;
    s += cp > 0xffff ? 2 : 1;
  }
  if (s >= n) return '';
  let e = n;
  while (e > s) {
    let cp = w.charCodeAt(e - 1);
    let len = 1;
    if (cp >= 0xdc00 && cp <= 0xdfff && e - 2 >= s && (w.charCodeAt(e - 2) & 0xfc00) === 0xd800) {
      cp = w.codePointAt(e - 2) as number;
      len = 2;
    }
    if (cp === 46 || isLetterOrDigit(cp)) break;
    e -= len;
  }
  return s === 0 && e === n ? w : w.slice(s, e);
}

/** The characters of `\s` in a JavaScript regular expression. */
export function isJsSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
