import { lineHash } from './lineKey';
import { sortedDistinct, type RecurrenceTableData } from './recurrenceTable';

export { normalizeLineKey } from './lineKey';

/**
 * How many files of the corpus contain each normalised line. Stores only hashed keys: per key a
 * file count, per file the distinct keys it contributed (so a file can be replaced or removed).
 * Each key counts once per file however often the file repeats the line.
 *
 * The counts live in an open-addressing table of typed arrays (53-bit hashes as doubles, counts
 * as integers) rather than a Map: no boxed numbers, and adding a 5 KB file costs a few
 * microseconds. A key whose count falls to 0 keeps its slot until the next rehash.
 */
export class LineRecurrence {
  private keys = new Float64Array(1024).fill(EMPTY);
  private vals = new Int32Array(1024);
  /** occupied slots (including those whose count fell to 0) */
  private used = 0;
  /** slots with a count above 0 */
  private live = 0;
  private readonly files = new Map<string, Float64Array>();
  private scratch = new Float64Array(256);

  /** Number of files indexed. */
  get fileCount(): number {
    return this.files.size;
  }

  /** Adds a file, or replaces the contribution of a file already known under this uri. */
  setFile(uri: string, lines: readonly string[]): void {
    if (this.scratch.length < lines.length) this.scratch = new Float64Array(Math.max(lines.length, this.scratch.length * 2));
    const hs = this.scratch;
    let m = 0;
    for (let i = 0; i < lines.length; i++) {
      const h = lineHash(lines[i]);
      if (h >= 0) hs[m++] = h;
    }
    this.setFileKeys(uri, sortedDistinct(hs.subarray(0, m)));
  }

  /**
   * `setFile` with the file's keys already hashed (`fileLineKeys`, e.g. by a worker thread):
   * sorted, each once. The array is kept.
   */
  setFileKeys(uri: string, keys: Float64Array): void {
    this.removeFile(uri);
    if ((this.used + keys.length) * 2 > this.keys.length) this.rehash(this.live + keys.length);
    for (let i = 0; i < keys.length; i++) this.add(keys[i], 1);
    this.files.set(uri, keys);
  }

  /**
   * A frozen copy of the counts for analysing files elsewhere (`RecurrenceTable`): the keys held
   * by two or more files, sorted, with their counts; in SharedArrayBuffers when `shared`.
   */
  snapshot(shared = false): RecurrenceTableData {
    let multi = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY && this.vals[i] >= 2) multi++;
    const pairs = new Float64Array(multi);
    let m = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY && this.vals[i] >= 2) pairs[m++] = this.keys[i];
    pairs.sort();
    const keys = shared ? new Float64Array(new SharedArrayBuffer(multi * 8)) : new Float64Array(multi);
    const counts = shared ? new Uint32Array(new SharedArrayBuffer(multi * 4)) : new Uint32Array(multi);
    keys.set(pairs);
    for (let k = 0; k < multi; k++) counts[k] = this.get(keys[k]);
    return { keys, counts, fileCount: this.files.size };
  }

  /** Forgets a file; unknown uris are ignored. */
  removeFile(uri: string): void {
    const keys = this.files.get(uri);
    if (!keys) return;
    for (let i = 0; i < keys.length; i++) this.add(keys[i], -1);
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
    const h = lineHash(lineText);
    if (h < 0) return 0;
    return this.countHash(h, excludeUri);
  }

  /** A recurrence function for ChromeInput, counting files other than `uri`. */
  recurrenceFor(uri: string): (lineText: string) => number {
    return (lineText) => this.count(lineText, uri);
  }

  private countHash(h: number, excludeUri?: string): number {
    let c = this.get(h);
    if (c > 0 && excludeUri !== undefined) {
      const own = this.files.get(excludeUri);
      if (own && containsKey(own, h)) c--;
    }
    return c;
  }

  private slot(h: number): number {
    const mask = this.keys.length - 1;
    // both halves of the hash take part: the low 32 bits (h1's low 11 bits and h2's 21) and h1's high bits
    let i = (Math.imul((h >>> 0) ^ Math.floor(h / 0x100000000), 0x9e3779b1) >>> 0) & mask;
    const keys = this.keys;
    while (true) {
      const k = keys[i];
      if (k === h || k === EMPTY) return i;
      i = (i + 1) & mask;
    }
  }

  private get(h: number): number {
    const i = this.slot(h);
    return this.keys[i] === h ? this.vals[i] : 0;
  }

  private add(h: number, d: number): void {
    const i = this.slot(h);
    if (this.keys[i] !== h) {
      if (d <= 0) return;
      this.keys[i] = h;
      this.vals[i] = 0;
      this.used++;
    }
    const before = this.vals[i];
    const after = before + d;
    this.vals[i] = after < 0 ? 0 : after;
    if (before <= 0 && after > 0) this.live++;
    else if (before > 0 && after <= 0) this.live--;
  }

  /** A table for at least `need` live keys at load ≤ 1/2, without the keys whose count is 0. */
  private rehash(need: number): void {
    let cap = 1024;
    while (cap < need * 3) cap *= 2;
    const oldKeys = this.keys;
    const oldVals = this.vals;
    this.keys = new Float64Array(cap).fill(EMPTY);
    this.vals = new Int32Array(cap);
    this.used = 0;
    this.live = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] === EMPTY || oldVals[i] <= 0) continue;
      const j = this.slot(oldKeys[i]);
      this.keys[j] = oldKeys[i];
      this.vals[j] = oldVals[i];
      this.used++;
      this.live++;
    }
  }
}

/** Marks an empty slot (hashes are never negative). */
const EMPTY = -1;

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
