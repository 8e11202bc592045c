/**
 * A copy of a string that does not keep the text it was cut from alive (V8 makes a slice of 13
 * or more characters a view of its parent): memos that outlive a document keep copies.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
