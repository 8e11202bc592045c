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
