import type { LineCounter } from '../corpusIndex';
import { splitLines } from '../text/lines';
import { lineHash } from './lineKey';

/**
 * The distinct line keys of one file, hashed exactly as `LineRecurrence` does (same
 * normalisation, same hash, each key once per file), sorted, as a compact typed array.
 */
export function fileLineKeys(text: string): Float64Array {
  return distinctLineKeys(fileLineHashes(text));
}

/** `lineHash` of each line of the text, in order (-1 where the key is null). */
export function fileLineHashes(text: string): Float64Array {
  const lines = splitLines(text);
  const out = new Float64Array(lines.length);
  for (let i = 0; i < lines.length; i++) out[i] = lineHash(lines[i].text);
  return out;
}

/** `fileLineKeys` from the file's `fileLineHashes` (which are left as they are). */
export function distinctLineKeys(hashes: Float64Array): Float64Array {
  const all = new Float64Array(hashes.length);
  let m = 0;
  for (let i = 0; i < hashes.length; i++) if (hashes[i] >= 0) all[m++] = hashes[i];
  return sortedDistinct(all.subarray(0, m));
}

/** The distinct values of `keys`, sorted (sorts `keys` in place; returns a new array). */
export function sortedDistinct(keys: Float64Array): Float64Array {
  keys.sort();
  let distinct = 0;
  for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) keys[distinct++] = keys[i];
  return keys.slice(0, distinct);
}

/**
 * A frozen copy of the corpus stage (a CLI run's, or the server's while it indexes), in a form
 * that can be shared with worker threads.
 */
export interface RecurrenceTableData {
  /** sorted hashes of the line keys held by two or more files */
  keys: Float64Array;
  /** number of files holding each key */
  counts: Uint32Array;
  /** number of files indexed */
  fileCount: number;
}

/**
 * Counts how many files hold each key: the keys of every file are gathered into one array,
 * sorted and run-length counted. Only keys held by two or more files are kept (a key held by
 * one file recurs nowhere else), in SharedArrayBuffers so workers read the table without a copy.
 */
export function buildRecurrenceTable(perFile: readonly Float64Array[], shared = false): RecurrenceTableData {
  let total = 0;
  for (const k of perFile) total += k.length;
  const all = new Float64Array(total);
  let o = 0;
  for (const k of perFile) {
    all.set(k, o);
    o += k.length;
  }
  all.sort();
  let multi = 0;
  for (let i = 0; i < total; ) {
    let j = i + 1;
    while (j < total && all[j] === all[i]) j++;
    if (j - i >= 2) multi++;
    i = j;
  }
  const keys = shared ? new Float64Array(new SharedArrayBuffer(multi * 8)) : new Float64Array(multi);
  const counts = shared ? new Uint32Array(new SharedArrayBuffer(multi * 4)) : new Uint32Array(multi);
  let m = 0;
  for (let i = 0; i < total; ) {
    let j = i + 1;
    while (j < total && all[j] === all[i]) j++;
    if (j - i >= 2) {
      keys[m] = all[i];
      counts[m++] = j - i;
    }
    i = j;
  }
  return { keys, counts, fileCount: perFile.length };
}

/**
 * The service's `LineCounter` over a frozen table: `count(line, uri)` is the number of OTHER
 * files holding the line, for a line of the file being analysed (the only lines the chrome
 * classifier asks about), exactly what `LineRecurrence.count(line, uri)` answers for it.
 * The table never changes, so `setFile`/`removeFile` do nothing.
 */
export class RecurrenceTable implements LineCounter {
  /**
   * Where each range of hash values starts among the sorted keys: `dir[b]` is the first key
   * whose value divided by `dirShift` (its top bits, of 53) is b or more. A lookup searches the few keys of its range
   * (about four) rather than all of them: a binary search over the 580,000 keys of 100,000
   * seeds is ~20 reads scattered over 4.6 MB, and was 6 % of analysing a seed there.
   */
  private readonly dir: Uint32Array;
  private readonly dirShift: number;

  constructor(private readonly data: RecurrenceTableData) {
    const keys = data.keys;
    const bits = Math.max(4, Math.min(20, Math.ceil(Math.log2(Math.max(1, keys.length))) - 2));
    this.dirShift = 2 ** (53 - bits);
    const dir = new Uint32Array((1 << bits) + 1);
    let k = 0;
    for (let b = 0; b <= 1 << bits; b++) {
      while (k < keys.length && Math.floor(keys[k] / this.dirShift) < b) k++;
      dir[b] = k;
    }
    this.dir = dir;
  }

  /** the file whose line hashes are known (see `prime`) */
  private primedUri: string | undefined;
  private primed: Float64Array | undefined;

  /**
   * The line hashes of file `uri` (`fileLineHashes` of the text being analysed, e.g. kept from
   * the pass that built the table), so `count` asked about its line i need not hash the line
   * again. `undefined` forgets them.
   */
  prime(uri: string | undefined, hashes?: Float64Array): void {
    this.primedUri = hashes ? uri : undefined;
    this.primed = hashes;
  }

  get fileCount(): number {
    return this.data.fileCount;
  }

  setFile(): void {}

  removeFile(): void {}

  count(lineText: string, excludeUri?: string, line?: number): number {
    const p = this.primed;
    const h = p && line !== undefined && line < p.length && excludeUri === this.primedUri ? p[line] : lineHash(lineText);
    if (h < 0) return 0;
    const keys = this.data.keys;
    const b = Math.floor(h / this.dirShift);
    if (b + 1 >= this.dir.length) return 0;
    let lo = this.dir[b];
    let hi = this.dir[b + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = keys[mid];
      if (v === h) return this.data.counts[mid] - 1;
      if (v < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}
