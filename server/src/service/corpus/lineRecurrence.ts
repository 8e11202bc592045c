import { hashLineKey, normalizeLineKey } from './lineKey';

export { normalizeLineKey } from './lineKey';

/**
 * How many files of the corpus contain each normalised line. Stores only hashed keys: per key a
 * file count, per file the distinct keys it contributed (so a file can be replaced or removed).
 * Each key counts once per file however often the file repeats the line.
 */
export class LineRecurrence {
  private readonly counts = new Map<number, number>();
  private readonly files = new Map<string, Float64Array>();

  /** Number of files indexed. */
  get fileCount(): number {
    return this.files.size;
  }

  /** Adds a file, or replaces the contribution of a file already known under this uri. */
  setFile(uri: string, lines: readonly string[]): void {
    this.removeFile(uri);
    const seen = new Set<number>();
    for (const line of lines) {
      const key = normalizeLineKey(line);
      if (key === null) continue;
      seen.add(hashLineKey(key));
    }
    const keys = new Float64Array(seen.size);
    let i = 0;
    for (const h of seen) {
      keys[i++] = h;
      this.counts.set(h, (this.counts.get(h) ?? 0) + 1);
    }
    keys.sort();
    this.files.set(uri, keys);
  }

  /** Forgets a file; unknown uris are ignored. */
  removeFile(uri: string): void {
    const keys = this.files.get(uri);
    if (!keys) return;
    for (const h of keys) {
      const c = (this.counts.get(h) ?? 0) - 1;
      if (c <= 0) this.counts.delete(h);
      else this.counts.set(h, c);
    }
    this.files.delete(uri);
  }

  /** Whether a file is indexed under this uri. */
  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  /**
   * Number of files containing the normalised line, not counting `excludeUri` (pass the asking
   * file's uri to get the number of OTHER files). 0 for lines that normalise to null.
   */
  count(lineText: string, excludeUri?: string): number {
    const key = normalizeLineKey(lineText);
    if (key === null) return 0;
    const h = hashLineKey(key);
    let c = this.counts.get(h) ?? 0;
    if (c > 0 && excludeUri !== undefined) {
      const own = this.files.get(excludeUri);
      if (own && containsKey(own, h)) c--;
    }
    return c;
  }

  /** A recurrence function for ChromeInput, counting files other than `uri`. */
  recurrenceFor(uri: string): (lineText: string) => number {
    return (lineText) => this.count(lineText, uri);
  }
}

/** Binary search in a file's sorted key array (cheaper in memory than a Set per file). */
function containsKey(keys: Float64Array, h: number): boolean {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = keys[mid];
    if (v === h) return true;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
