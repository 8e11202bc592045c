/** FNV-1a's offset basis: the hash of the empty string. */
export const TEXT_HASH_START = 0x811c9dc5 | 0;

/** FNV-1a (32 bit) of a string's UTF-16 code units, as a signed 32-bit integer. */
export function textHash(s: string): number {
  return textHashOn(TEXT_HASH_START, s);
}

/** `textHash` of a text that is the text hashed to `h` followed by `s` (hashes pieces without joining them). */
export function textHashOn(h: number, s: string): number {
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}
