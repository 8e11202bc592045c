import type { LineCounter } from '../service/corpusIndex';
import { hashLineKey, normalizeLineKey } from '../service/corpus';
import { splitLines } from '../service/text/lines';

/**
 * The distinct line keys of one file, hashed exactly as the service's `LineRecurrence` does
 * (same normalisation, same hash, each key once per file), as a compact typed array.
 */
export function fileLineKeys(text: string): Float64Array {
  const seen = new Set<number>();
  for (const line of splitLines(text)) {
    const key = normalizeLineKey(line.text);
    if (key !== null) seen.add(hashLineKey(key));
  }
  return Float64Array.from(seen);
}

/** The frozen corpus stage of one CLI run, in a form that can be shared with worker threads. */
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
 * The table never changes during a run, so `setFile`/`removeFile` do nothing.
 */
export class RecurrenceTable implements LineCounter {
  constructor(private readonly data: RecurrenceTableData) {}

  get fileCount(): number {
    return this.data.fileCount;
  }

  setFile(): void {}

  removeFile(): void {}

  count(lineText: string, _excludeUri?: string): number {
    const key = normalizeLineKey(lineText);
    if (key === null) return 0;
    const h = hashLineKey(key);
    const keys = this.data.keys;
    let lo = 0;
    let hi = keys.length - 1;
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
