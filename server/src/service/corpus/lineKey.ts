/**
 * Normalisation and hashing of lines for cross-file recurrence counting.
 * Linear time, no regular expressions.
 */

/** Lines whose normalised form is shorter than this (in characters) are not counted. */
export const MIN_KEY_LENGTH = 2;
/** Only this many leading characters take part in the key (a 200,000-char line stays cheap). */
export const MAX_KEY_CHARS = 2000;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x200b || c === 0xfeff || c === 0x2007 || c === 0x202f || c === 12 || c === 11 || c === 0x3000;
}

function foldQuote(c: number): number {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032: case 0x60: case 0xb4:
      return 39; // '
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033: case 0xab: case 0xbb:
      return 34; // "
    default:
      return c;
  }
}

/**
 * The corpus key of a line: white space collapsed and trimmed, lower-cased, quote marks folded.
 * Returns null for lines too short or too generic to count (blank, no letter or digit).
 */
export function normalizeLineKey(text: string): string | null {
  const n = Math.min(text.length, MAX_KEY_CHARS);
  let out = '';
  let pendingSpace = false;
  let hasAlnum = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    const f = foldQuote(c);
    out += String.fromCharCode(f);
    if (!hasAlnum && ((f >= 48 && f <= 57) || (f >= 65 && f <= 90) || (f >= 97 && f <= 122) || f > 0xbf)) hasAlnum = true;
  }
  if (!hasAlnum) return null;
  out = out.toLowerCase();
  if (out.length < MIN_KEY_LENGTH) return null;
  return out;
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
