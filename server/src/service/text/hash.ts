/** FNV-1a (32 bit) of a string's UTF-16 code units, as a signed 32-bit integer. */
export function textHash(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}
