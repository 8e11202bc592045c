import { analyseText, bodySentences, type SeedAnalysis } from './analysis';
import type { Sentence } from './types';
import type { SentenceMatches } from './crosslinks/sentenceIndex';
import { RecurrenceTable, type RecurrenceTableData } from './corpus/recurrenceTable';

/** The corpus stage: how often each normalised line recurs across files. */
export interface LineCounter {
  setFile(uri: string, lines: readonly string[]): void;
  removeFile(uri: string): void;
  /** files other than `excludeUri` holding the line; `line`: its index in the asking file (a counter may have the file's hashes already) */
  count(lineText: string, excludeUri?: string, line?: number): number;
  readonly fileCount: number;
  /** `setFile` with keys hashed elsewhere (`fileLineKeys`); needed for parallel indexing */
  setFileKeys?(uri: string, keys: Float64Array): void;
  /** a frozen copy to analyse files elsewhere; needed for parallel indexing */
  snapshot?(shared: boolean): RecurrenceTableData;
}

/** The cross-link stage: body sentences of every corpus file. */
export interface SentenceLinker {
  setFile(uri: string, sentences: readonly Sentence[]): void;
  removeFile(uri: string): void;
  /** per linked sentence of the file: its links to other files and how many files carry it */
  fileMatches(uri: string): SentenceMatches[];
  /** the links of one sentence (by its index in the file), undefined when it is not indexed */
  matchesForSentence(uri: string, sentenceIndex: number): SentenceMatches | undefined;
  /** changes whenever the index changes */
  readonly version: number;
  readonly sentenceCount: number;
}

/** How often each speaker is quoted in each file, for "n quotes in the corpus" and workspace symbols. */
export class SpeakerRegistry {
  private readonly byFile = new Map<string, Map<string, { name: string; count: number; line: number; character: number; length: number }>>();

  /** per speaker key: quotes and files across the corpus, kept as files come and go */
  private readonly totals = new Map<string, { quotes: number; files: number }>();

  private account(m: Map<string, { count: number }> | undefined, sign: 1 | -1): void {
    if (!m) return;
    for (const [key, e] of m) {
      const t = this.totals.get(key) ?? { quotes: 0, files: 0 };
      t.quotes += sign * e.count;
      t.files += sign;
      if (t.files <= 0) this.totals.delete(key);
      else this.totals.set(key, t);
    }
  }

  setFile(uri: string, a: SeedAnalysis): void {
    this.setFileEntries(uri, speakerEntries(a));
  }

  /** `setFile` with the entries already taken from the analysis (by a worker thread). */
  setFileEntries(uri: string, entries: readonly SpeakerEntry[]): void {
    this.account(this.byFile.get(uri), -1);
    const m = new Map<string, { name: string; count: number; line: number; character: number; length: number }>();
    for (const { key, ...e } of entries) m.set(key, e);
    if (m.size) this.byFile.set(uri, m);
    else this.byFile.delete(uri);
    this.account(m, 1);
  }

  removeFile(uri: string): void {
    this.account(this.byFile.get(uri), -1);
    this.byFile.delete(uri);
  }

  /** quotes by this speaker across the corpus, and in how many files */
  countFor(key: string): { quotes: number; files: number } {
    const t = this.totals.get(key);
    return t ? { ...t } : { quotes: 0, files: 0 };
  }

  /** every (speaker, file) pair whose name contains the query, case-insensitively */
  search(query: string, limit = 500): { key: string; name: string; uri: string; line: number; character: number; length: number; count: number }[] {
    const q = query.toLowerCase();
    const out: { key: string; name: string; uri: string; line: number; character: number; length: number; count: number }[] = [];
    for (const [uri, m] of this.byFile) {
      for (const [key, e] of m) {
        if (!q || e.name.toLowerCase().includes(q)) {
          out.push({ key, name: e.name, uri, line: e.line, character: e.character, length: e.length, count: e.count });
          if (out.length >= limit) return out;
        }
      }
    }
    return out;
  }
}

/** A speaker of one file: how often quoted there, and where first named. */
export interface SpeakerEntry {
  key: string;
  name: string;
  count: number;
  line: number;
  character: number;
  length: number;
}

/** The speakers of an analysed file, for the corpus-wide registry. */
export function speakerEntries(a: SeedAnalysis): SpeakerEntry[] {
  const m = new Map<string, SpeakerEntry>();
  for (const q of a.quotes) {
    // keys of unresolved pronouns (`?he@123`) are local to one file: never merged across the corpus
    if (!q.speaker || q.inChrome || q.speaker.key.startsWith('?')) continue;
    const e = m.get(q.speaker.key);
    if (e) e.count++;
    else {
      let line = 0;
      while (line + 1 < a.lines.length && a.lines[line + 1].start <= q.speaker.mention.start) line++;
      m.set(q.speaker.key, {
        key: q.speaker.key,
        name: q.speaker.name,
        count: 1,
        line,
        character: q.speaker.mention.start - a.lines[line].start,
        length: q.speaker.mention.end - q.speaker.mention.start,
      });
    }
  }
  return [...m.values()];
}

/**
 * What indexing needs of one corpus file: its body sentences and its speakers. The sentences
 * are tokenised where they are indexed (the server's thread): tokenising there costs about
 * what taking in tokens made elsewhere costs (each word's id is looked up either way), while
 * the analysing thread, the one the build waits for, is spared a tenth of its work.
 */
export interface FileDigest {
  sentences: Sentence[];
  speakers: SpeakerEntry[];
}

/** One file to digest elsewhere: read from disk there, analysed against a frozen recurrence table. */
export interface DigestJob {
  uri: string;
  maxFileSize: number;
}

/**
 * Indexing on other threads (worker threads in the server). Files are read where the work
 * runs; results come back in the order asked, null for a file that could not be read.
 * The service shares the work with its own thread and takes it over when this fails.
 */
export interface ParallelIndexer {
  /** how many requests to keep in flight */
  readonly lanes: number;
  /** pass 1: each file's line keys (`fileLineKeys`) */
  lineKeys(uris: string[]): Promise<(Float64Array | null)[]>;
  /** before pass 2: the frozen recurrence counts the files are analysed against */
  prepare(table: RecurrenceTableData): Promise<void>;
  /** pass 2: each file analysed against the prepared table */
  digest(jobs: DigestJob[]): Promise<(FileDigest | null)[]>;
  /** frees the threads until the next build */
  release(): Promise<void>;
}

/**
 * What indexing takes from one file, analysed against a frozen recurrence table: the same
 * analysis the service makes of it on its own thread (`analyseUncached`).
 */
export function digestFile(uri: string, text: string, table: RecurrenceTable, maxFileSize: number): FileDigest {
  const a = analyseText(uri, -1, text, {
    recurrence: (line) => table.count(line, uri),
    corpusFiles: Math.max(1, table.fileCount),
    maxFileSize,
  });
  return { sentences: bodySentences(a), speakers: speakerEntries(a) };
}

/**
 * A `FileDigest` as it crosses threads: the sentence texts in one string, their numbers in one
 * transferable Int32Array (per sentence: index, line, start, end, character or -1, text
 * length). A structured clone of sentence objects cost the analysing thread several times as
 * much, and the server's thread as much again to read back.
 */
export interface PackedDigest {
  /** the sentence texts, one after the other (the index keeps slices of it) */
  text: string;
  nums: Int32Array;
  speakers: SpeakerEntry[];
}

const SENTENCE_FIELDS = 6;

export function packDigest(d: FileDigest): PackedDigest {
  const { sentences } = d;
  const nums = new Int32Array(sentences.length * SENTENCE_FIELDS);
  const parts: string[] = new Array(sentences.length);
  let o = 0;
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k];
    nums[o++] = s.index;
    nums[o++] = s.line;
    nums[o++] = s.start;
    nums[o++] = s.end;
    nums[o++] = s.character ?? -1;
    nums[o++] = s.text.length;
    parts[k] = s.text;
  }
  return { text: parts.join(''), nums, speakers: d.speakers };
}

export function unpackDigest(p: PackedDigest): FileDigest {
  const { nums, text } = p;
  const n = nums.length / SENTENCE_FIELDS;
  const sentences: Sentence[] = new Array(n);
  let c = 0;
  for (let k = 0, o = 0; k < n; k++, o += SENTENCE_FIELDS) {
    const index = nums[o];
    const line = nums[o + 1];
    const start = nums[o + 2];
    const end = nums[o + 3];
    const character = nums[o + 4];
    const len = nums[o + 5];
    const t = text.slice(c, c + len);
    sentences[k] = character >= 0 ? { index, line, start, end, text: t, character } : { index, line, start, end, text: t };
    c += len;
  }
  return { sentences, speakers: p.speakers };
}
