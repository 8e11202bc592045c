/**
 * Corpus-wide index of body sentences for cross-links, incremental per file.
 *
 * Storage is compact: every token is an integer id in one growable pool (Int32Array, with a
 * Uint8Array of TOKEN_* flags beside it); a sentence is a slice of the pool. Candidates come from
 * an inverted index of content-word bigrams (consecutive words once function words are dropped),
 * kept as chained postings in typed arrays; a candidate sharing enough bigrams is verified with
 * the alignment score (score.ts), weighted by the corpus document frequency of each token.
 * Removing a file only marks its sentences dead; postings are rebuilt once dead ones outnumber
 * live ones.
 */
import type { CrossLink, Sentence } from '../types';
import { forEachToken, normHashOf, TOKEN_STOP, vocabularySize } from './normalize';
import { DEFAULT_MIN_SCORE, pairDetail, sequenceKey, type TokenSeq, type TokenWeight } from './score';
import { corpusWeight, frozenWeight } from './weights';

export interface SentenceIndexOptions {
  /** minimum score of a link (`seedReview.matching.minScore`) */
  minScore?: number;
  /** links listed per sentence; beyond that only counted (default 20) */
  maxFanOut?: number;
  /** sentences with fewer content words are not indexed (default 5) */
  minContentTokens?: number;
  /** also link a sentence carried whole by a longer one (a clause added) (default true) */
  containment?: boolean;
  /** keep the large arrays in SharedArrayBuffers, so `freeze` shares them instead of copying */
  shared?: boolean;
  /**
   * Filled, then frozen and read elsewhere (`freeze`, the CLI): no postings chains are kept, only
   * each sentence's keys, laid out by bucket when frozen. Such an index is not queried itself,
   * and files are not removed or replaced.
   */
  deferPostings?: boolean;
}

/**
 * `same`: the two sentences say the same (score >= minScore);
 * `contains`: this sentence carries the target whole and adds a clause;
 * `containedIn`: the target carries this sentence whole and adds a clause.
 */
export type LinkRelation = 'same' | 'contains' | 'containedIn';

export interface SentenceLink extends CrossLink {
  relation: LinkRelation;
}

/** The links of one sentence: the best sentence of each other file, best first. */
export interface SentenceMatches {
  sentence: Sentence;
  /** at most `maxFanOut` links, one per other file, highest score first */
  links: SentenceLink[];
  /** number of other files with a link (may exceed links.length) */
  totalFiles: number;
}

/**
 * A copy of an index that no longer changes, in SharedArrayBuffers, for reading links in other
 * threads (`SentenceIndex.fromFrozen`): the typed arrays cut to their used length, the files'
 * sentence ids, and the options. Sentence objects stay behind; links come back as ids.
 */
export interface FrozenSentenceIndex {
  options: Required<Omit<SentenceIndexOptions, 'shared' | 'deferPostings'>>;
  bucketBits: number;
  live: number;
  sidCount: number;
  fileUris: (string | undefined)[];
  /** sids of file f: fileSids[fileSidStart[f] .. fileSidStart[f + 1]) */
  fileSidStart: Int32Array;
  fileSids: Int32Array;
  df: Int32Array;
  poolIds: Int32Array;
  poolFlags: Uint8Array;
  sOff: Int32Array;
  sLen: Int32Array;
  sFile: Int32Array;
  sKeys: Int32Array;
  sAlive: Uint8Array;
  /** per sid, its token list's `sequenceKey` (the order a pair is scored in) */
  sHash: Int32Array;
  /**
   * The postings laid out by bucket (`bucketStart[b] .. bucketStart[b + 1]`), within a bucket
   * grouped by key, each key's postings in the order its chain gives them (newest first): the
   * same walk as the chains, over contiguous memory.
   */
  bucketStart: Int32Array;
  pSid: Int32Array;
  pKey: Int32Array;
  /**
   * With deferred postings: each sid's keys as `forKeys` gives them, `keys[keyStart[sid] ..
   * keyStart[sid + 1])` (the keys recorded when the sentence was added), so a walk reads them
   * rather than making them again from the tokens.
   */
  keys?: Int32Array;
  keyStart?: Int32Array;
  /**
   * Per sid, the first sid with the same tokens (ids and flags): syndicated copies share one, and
   * the score of a pair depends on the two token lists only, so each pair of distinct lists is
   * scored once (see `scores`).
   */
  canon: Int32Array;
  /** scores of pairs of canonical sids, one table for every thread that reads the copy */
  scores: SharedScoreData;
}

/** A link as ids: sentence `sid` links the target file's sentence `target`. */
export interface LinkIds {
  sid: number;
  target: number;
  score: number;
  relation: LinkRelation;
}

/** Per sentence of a file that has links: its link ids, best first, and how many files carry it. */
export interface SentenceLinkIds {
  sid: number;
  links: LinkIds[];
  totalFiles: number;
}

/** The first `length` elements of `a` in shared memory: a view when `a` is shared already, else a copy. */
function sharedCopy<T extends Int32Array | Uint8Array>(a: T, length: number): T {
  if (a.buffer instanceof SharedArrayBuffer) return a.subarray(0, length) as T;
  const out = like(a, length, true);
  out.set(a.subarray(0, length) as never);
  return out;
}

interface FileEntry {
  id: number;
  uri: string;
  /** sentence ids (sids) of the file's indexed sentences */
  sids: number[];
}

const EMPTY = -1;
/** Slots of a frozen index's score table at most (17 bytes each): 143 MB, for ~6M pairs. */
const MAX_SCORE_SLOTS = 1 << 23;
/** Numbers a frozen index keeps per worker of the candidates of sentences with copies before it starts over (4 bytes each, two per candidate). */
const MAX_WALK_POOL = 1 << 22;
const MAX_POSTINGS_PER_KEY = 4000;
/** Up to this many sids (2 MB of marks) a walk marks the sids it meets in an array over all of them. */
const DIRECT_WALK_MAX_SIDS = 1 << 18;
const MAX_VERIFY = 600;

type Ctor<T> = { new (n: number): T; new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };

/** A zeroed array of `n` elements of `a`'s kind, in a SharedArrayBuffer when `a`'s is one. */
function like<T extends Int32Array | Uint8Array | Uint16Array>(a: T, n: number, shared = a.buffer instanceof SharedArrayBuffer): T {
  const C = a.constructor as Ctor<T>;
  return shared ? new C(new SharedArrayBuffer(Math.max(1, n) * C.BYTES_PER_ELEMENT)) : new C(n);
}

function grow<T extends Int32Array | Uint8Array | Uint16Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  let size = Math.max(16, a.length);
  while (size < need) size = Math.ceil(size * 1.5); // not doubling: these arrays get large
  const b = like(a, size);
  b.set(a);
  return b;
}

function pairKey(x: number, y: number): number {
  let h = Math.imul(x + 1, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

export class SentenceIndex {
  readonly minScore: number;
  readonly maxFanOut: number;
  readonly minContentTokens: number;
  readonly containment: boolean;

  private df: Int32Array = new Int32Array(1024);
  private vocabStamp: Int32Array = new Int32Array(1024);
  private stamp = 0;

  // token pool
  private poolIds: Int32Array = new Int32Array(1 << 16);
  private poolFlags: Uint8Array = new Uint8Array(1 << 16);
  private poolLen = 0;

  // per sentence id
  private sOff: Int32Array = new Int32Array(1024);
  private sLen: Int32Array = new Int32Array(1024);
  private sFile: Int32Array = new Int32Array(1024);
  private sKeys: Int32Array = new Int32Array(1024);
  private sAlive: Uint8Array = new Uint8Array(1024);
  private sHash: Int32Array = new Int32Array(1024);
  private sSentence: (Sentence | undefined)[] = [];
  private sidCount = 0;
  private live = 0;

  // postings: chained per bucket
  private bucketBits = 16;
  private heads: Int32Array = new Int32Array(1 << 16).fill(EMPTY);
  private pNext: Int32Array = new Int32Array(1 << 16);
  private pSid: Int32Array = new Int32Array(1 << 16);
  private pKey: Int32Array = new Int32Array(1 << 16);
  private postings = 0;
  private deadPostings = 0;

  private keyScratch: Int32Array = new Int32Array(256);
  /** per key of a frozen walk, its postings' stretch [from, to) */
  private readonly rangeScratch: number[] = [];
  /** a frozen index: per file id, its place in the files ordered by uri (as `<` orders strings) */
  private fileRank: Int32Array | undefined;

  private rankFiles(): Int32Array {
    const uris = this.fileUris;
    const ids = [...uris.keys()].filter((f) => uris[f] !== undefined);
    ids.sort((x, y) => (uris[x]! < uris[y]! ? -1 : uris[x]! > uris[y]! ? 1 : 0));
    const rank = new Int32Array(uris.length);
    ids.forEach((f, k) => (rank[f] = k));
    return rank;
  }

  /** probeScores' scratch: per candidate, its pair (canonical sids, the lower first) and slot */
  private probeA = new Int32Array(64);
  private probeB = new Int32Array(64);
  private probeSlot = new Int32Array(64);
  /** candidatesOf's scratch: per key of the sentence walked, its bucket's postings */
  private bucketLo = new Int32Array(64);
  private bucketHi = new Int32Array(64);
  // per query scratch
  private readonly met = new WalkCounts();

  private files = new Map<string, FileEntry>();
  private fileUris: (string | undefined)[] = [];
  private freeFileIds: number[] = [];

  /** Work done by the last sentence lookup (postings walked, candidates, candidates scored). */
  lastQuery = { walked: 0, candidates: 0, verified: 0 };

  /** Incremented on every change: cache links per version. */
  version = 0;

  constructor(options: SentenceIndexOptions = {}) {
    this.minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    this.maxFanOut = options.maxFanOut ?? 20;
    this.minContentTokens = options.minContentTokens ?? 5;
    this.containment = options.containment ?? true;
    this.deferPostings = options.deferPostings ?? false;
    if (options.shared) {
      const share = <T extends Int32Array | Uint8Array>(a: T): T => sharedCopy(a, a.length);
      this.df = share(this.df);
      this.poolIds = share(this.poolIds);
      this.poolFlags = share(this.poolFlags);
      this.sOff = share(this.sOff);
      this.sLen = share(this.sLen);
      this.sFile = share(this.sFile);
      this.sKeys = share(this.sKeys);
      this.sAlive = share(this.sAlive);
      this.sHash = share(this.sHash);
      this.heads = share(this.heads);
      this.pNext = share(this.pNext);
      this.pSid = share(this.pSid);
      this.pKey = share(this.pKey);
    }
  }

  get fileCount(): number {
    return this.files.size;
  }

  /** Number of indexed (long enough) sentences. */
  get sentenceCount(): number {
    return this.live;
  }

  /** Sizes, for diagnostics: tokens in the pool, postings, and bytes held in typed arrays. */
  stats(): { tokens: number; postings: number; deadPostings: number; vocabulary: number; bytes: number } {
    const arrays = [this.df, this.vocabStamp, this.poolIds, this.poolFlags, this.sOff, this.sLen, this.sFile,
      this.sKeys, this.sAlive, this.sHash, this.heads, this.pNext, this.pSid, this.pKey];
    return {
      tokens: this.poolLen,
      postings: this.postings,
      deadPostings: this.deadPostings,
      vocabulary: vocabularySize(),
      bytes: arrays.reduce((n, a) => n + a.byteLength, 0),
    };
  }

  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  /** Replaces the sentences of `uri` (body sentences only; chrome excluded by the caller). */
  setFile(uri: string, sentences: readonly Sentence[]): void {
    this.setFileWith(uri, sentences, sentences.length, (k, emit) => forEachToken(sentences[k].text, (id, _start, _end, flags) => emit(id, flags)));
  }

  /** Per sentence k, its sid, or -1 when it is too short to index. */
  private setFileWith(
    uri: string,
    sentences: readonly Sentence[] | null,
    count: number,
    tokensOf: (k: number, emit: (id: number, flags: number) => void) => void,
  ): Int32Array {
    this.dropSentences(uri);
    let entry = this.files.get(uri);
    if (!entry) {
      const id = this.freeFileIds.pop() ?? this.fileUris.length;
      entry = { id, uri, sids: [] };
      this.fileUris[id] = uri;
      this.files.set(uri, entry);
    }
    const sids = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const sid = this.addSentence(entry.id, sentences?.[k], (emit) => tokensOf(k, emit));
      if (sid >= 0) entry.sids.push(sid);
      sids[k] = sid;
    }
    this.version++;
    this.maybeCompact();
    return sids;
  }

  /**
   * `setFile` with the sentences tokenised elsewhere, the tokens given as ids of this thread's
   * vocabulary (`ids`, their `flags`, `counts[k]` tokens for sentence k). With `sentences` null
   * the caller keeps what it needs of them (`sentenceOf` gives undefined, links are read by id).
   * Returns each sentence's sid, or -1 when not indexed.
   */
  setFileTokenIds(uri: string, sentences: readonly Sentence[] | null, ids: ArrayLike<number>, flags: ArrayLike<number>, counts: ArrayLike<number>): Int32Array {
    if (sentences && counts.length !== sentences.length) throw new Error('tokens do not match the sentences');
    let o = 0;
    return this.setFileWith(uri, sentences, counts.length, (k, emit) => {
      for (const end = o + counts[k]; o < end; o++) emit(ids[o], flags[o]);
    });
  }

  removeFile(uri: string): void {
    const entry = this.files.get(uri);
    if (!entry) return;
    this.dropSentences(uri);
    this.files.delete(uri);
    this.fileUris[entry.id] = undefined;
    this.freeFileIds.push(entry.id);
    this.version++;
    this.maybeCompact();
  }

  /** All links from the sentences of `uri` to other files (per sentence at most maxFanOut). */
  matchesFor(uri: string): SentenceLink[] {
    const out: SentenceLink[] = [];
    for (const m of this.fileMatches(uri)) out.push(...m.links);
    return out;
  }

  /** Per sentence of `uri` that has links: its links and how many files carry it. */
  fileMatches(uri: string): SentenceMatches[] {
    const entry = this.files.get(uri);
    if (!entry) return [];
    const out: SentenceMatches[] = [];
    for (const sid of entry.sids) {
      const m = this.matchSid(sid);
      if (m.totalFiles > 0) out.push(m);
    }
    return out;
  }

  /** Per file id, its uri (undefined for a freed id). */
  fileUriOf(fileId: number): string | undefined {
    return this.fileUris[fileId];
  }

  /** The sentence object of a sid (undefined in an index made by `fromFrozen`). */
  sentenceOf(sid: number): Sentence | undefined {
    return this.sSentence[sid];
  }

  /** The file id a sentence id belongs to. */
  fileOfSid(sid: number): number {
    return this.sFile[sid];
  }

  /** The file id of `uri`, or -1. */
  fileIdOf(uri: string): number {
    return this.files.get(uri)?.id ?? -1;
  }

  /** A shareable copy of the index as it is now (see FrozenSentenceIndex). */
  freeze(): FrozenSentenceIndex {
    const fileSidStart = new Int32Array(new SharedArrayBuffer((this.fileUris.length + 1) * 4));
    let n = 0;
    for (let f = 0; f < this.fileUris.length; f++) {
      fileSidStart[f] = n;
      const uri = this.fileUris[f];
      n += uri === undefined ? 0 : this.files.get(uri)!.sids.length;
    }
    fileSidStart[this.fileUris.length] = n;
    const fileSids = new Int32Array(new SharedArrayBuffer(Math.max(1, n) * 4));
    for (let f = 0; f < this.fileUris.length; f++) {
      const uri = this.fileUris[f];
      if (uri !== undefined) fileSids.set(this.files.get(uri)!.sids, fileSidStart[f]);
    }
    return {
      canon: this.canonicalSids(),
      options: { minScore: this.minScore, maxFanOut: this.maxFanOut, minContentTokens: this.minContentTokens, containment: this.containment },
      bucketBits: this.bucketBits,
      live: this.live,
      sidCount: this.sidCount,
      fileUris: [...this.fileUris],
      fileSidStart,
      fileSids,
      df: sharedCopy(this.df, vocabularySize()),
      poolIds: sharedCopy(this.poolIds, this.poolLen),
      poolFlags: sharedCopy(this.poolFlags, this.poolLen),
      sOff: sharedCopy(this.sOff, this.sidCount),
      sLen: sharedCopy(this.sLen, this.sidCount),
      sFile: sharedCopy(this.sFile, this.sidCount),
      sKeys: sharedCopy(this.sKeys, this.sidCount),
      sAlive: sharedCopy(this.sAlive, this.sidCount),
      sHash: sharedCopy(this.sHash, this.sidCount),
      // about two distinct pairs a sentence at 10,000 files, three at 100,000 (bench corpus)
      scores: newScoreData(Math.min(MAX_SCORE_SLOTS, Math.max(1 << 14, 2 ** Math.ceil(Math.log2(4 * this.live))))),
      ...(this.deferPostings ? this.recordedPostingsByBucket() : this.postingsByBucket()),
    };
  }

  /**
   * `postingsByBucket` from the recorded keys: what the chains would hold (every sentence's keys,
   * newest first) in the same layout. The bucket count is the one the chains would have grown to.
   */
  private recordedPostingsByBucket(): { bucketBits: number; bucketStart: Int32Array; pSid: Int32Array; pKey: Int32Array; keys: Int32Array; keyStart: Int32Array } {
    const n = this.keyLen;
    let bits = this.bucketBits;
    while (n > 4 << bits && bits < 24) bits += 2;
    const buckets = 1 << bits, mask = buckets - 1;
    const bucketStart = new Int32Array(new SharedArrayBuffer((buckets + 1) * 4));
    for (let k = 0; k < n; k++) bucketStart[(this.keyPool[k] & mask) + 1]++;
    for (let b = 0; b < buckets; b++) bucketStart[b + 1] += bucketStart[b];
    const pSid = new Int32Array(new SharedArrayBuffer(Math.max(1, n) * 4));
    const pKey = new Int32Array(new SharedArrayBuffer(Math.max(1, n) * 4));
    // newest first: sids from the last, each sid's keys from its last
    const fill = Int32Array.from(bucketStart.subarray(0, buckets));
    let k = n;
    for (let sid = this.sidCount - 1; sid >= 0; sid--) {
      for (let j = 0; j < this.sKeys[sid]; j++) {
        const key = this.keyPool[--k];
        const q = fill[key & mask]++;
        pSid[q] = sid;
        pKey[q] = key;
      }
    }
    // group each bucket by key, keys in order of first appearance, postings in order
    const scratch = new BucketScratch();
    for (let b = 0; b < buckets; b++) {
      const start = bucketStart[b], end = bucketStart[b + 1], len = end - start;
      if (len < 2) continue;
      let mixed = false;
      for (let q = start + 1; q < end; q++) if (pKey[q] !== pKey[start]) { mixed = true; break; }
      if (!mixed) continue;
      scratch.room(len);
      scratch.sid.set(pSid.subarray(start, end));
      scratch.key.set(pKey.subarray(start, end));
      scratch.groupInto(len, pSid, pKey, start);
    }
    // the recorded keys themselves, sid after sid, for the walks
    const keyStart = new Int32Array(new SharedArrayBuffer((this.sidCount + 1) * 4));
    for (let sid = 0; sid < this.sidCount; sid++) keyStart[sid + 1] = keyStart[sid] + this.sKeys[sid];
    return { bucketBits: bits, bucketStart, pSid, pKey, keys: sharedCopy(this.keyPool, n), keyStart };
  }

  /** The postings as FrozenSentenceIndex lays them out, in shared memory. */
  private postingsByBucket(): { bucketStart: Int32Array; pSid: Int32Array; pKey: Int32Array } {
    const buckets = 1 << this.bucketBits;
    const bucketStart = new Int32Array(new SharedArrayBuffer((buckets + 1) * 4));
    const pSid = new Int32Array(new SharedArrayBuffer(Math.max(1, this.postings) * 4));
    const pKey = new Int32Array(new SharedArrayBuffer(Math.max(1, this.postings) * 4));
    const scratch = new BucketScratch();
    let o = 0;
    for (let b = 0; b < buckets; b++) {
      bucketStart[b] = o;
      let n = 0;
      for (let p = this.heads[b]; p !== EMPTY; p = this.pNext[p]) {
        scratch.room(n + 1);
        scratch.sid[n] = this.pSid[p];
        scratch.key[n++] = this.pKey[p];
      }
      // group by key, keys in order of first appearance, each key's postings in chain order
      o = scratch.groupInto(n, pSid, pKey, o);
    }
    bucketStart[buckets] = o;
    return { bucketStart, pSid, pKey };
  }

  /** Per sid, the first sid with the same token list (see FrozenSentenceIndex.canon). */
  private canonicalSids(): Int32Array {
    const canon = new Int32Array(new SharedArrayBuffer(Math.max(1, this.sidCount) * 4));
    const ids = this.poolIds, flags = this.poolFlags;
    const byHash = new Map<number, number | number[]>();
    const same = (x: number, y: number) => {
      const len = this.sLen[x];
      if (this.sLen[y] !== len) return false;
      const xo = this.sOff[x], yo = this.sOff[y];
      for (let k = 0; k < len; k++) if (ids[xo + k] !== ids[yo + k] || flags[xo + k] !== flags[yo + k]) return false;
      return true;
    };
    for (let sid = 0; sid < this.sidCount; sid++) {
      canon[sid] = sid;
      if (!this.sAlive[sid]) continue;
      // equal token lists have equal sequence keys: the key groups them, `same` confirms
      const h = this.sHash[sid];
      const seen = byHash.get(h);
      if (seen === undefined) byHash.set(h, sid);
      else if (typeof seen === 'number') {
        if (same(seen, sid)) canon[sid] = seen;
        else byHash.set(h, [seen, sid]);
      } else {
        const r = seen.find((x) => same(x, sid));
        if (r !== undefined) canon[sid] = r;
        else seen.push(sid);
      }
    }
    return canon;
  }

  /** An index over a frozen copy, for reading links by id (`fileLinkIds`); it is not to be changed. */
  static fromFrozen(d: FrozenSentenceIndex): SentenceIndex {
    const x = new SentenceIndex(d.options);
    x.bucketBits = d.bucketBits;
    x.live = d.live;
    x.sidCount = d.sidCount;
    x.fileUris = d.fileUris;
    x.df = d.df;
    x.poolIds = d.poolIds;
    x.poolFlags = d.poolFlags;
    x.poolLen = d.poolIds.length;
    x.sOff = d.sOff;
    x.sLen = d.sLen;
    x.sFile = d.sFile;
    x.sKeys = d.sKeys;
    x.sAlive = d.sAlive;
    x.sHash = d.sHash;
    x.bucketStart = d.bucketStart;
    x.pSid = d.pSid;
    x.pKey = d.pKey;
    x.postings = d.pKey.length;
    x.frozenFiles = d;
    x.frozenKeys = d.keys;
    x.keyStart = d.keyStart;
    x.canon = d.canon;
    x.scores = new SharedScoreTable(d.scores);
    x.copies = new Int32Array(d.sidCount);
    for (let sid = 0; sid < d.sidCount; sid++) x.copies[d.canon[sid]]++;
    x.weightOf = frozenWeight(d.df, d.live);
    return x;
  }

  private frozenFiles: FrozenSentenceIndex | undefined;
  /** frozen with deferred postings: each sid's keys (see FrozenSentenceIndex.keys) */
  private frozenKeys: Int32Array | undefined;
  private keyStart: Int32Array | undefined;
  /** deferred postings (see SentenceIndexOptions.deferPostings): the sentences' keys, sid after sid */
  private readonly deferPostings: boolean;
  private keyPool: Int32Array = new Int32Array(1 << 16);
  private keyLen = 0;
  /** frozen: the postings by bucket (see FrozenSentenceIndex.bucketStart) */
  private bucketStart: Int32Array | undefined;
  /** frozen: canonical sids, the scores of pairs of them (the lower first, shared between threads), and the weights */
  private canon: Int32Array | undefined;
  private scores: SharedScoreTable | undefined;
  /** frozen: per canonical sid, how many sids share it, and the candidates of those walked */
  private copies: Int32Array | undefined;
  private walkAt = new Map<number, number>();
  /** linkIdsOf's scratch: per file id, the query that last kept a link to it and where */
  private fileStamp = new Int32Array(0);
  private fileAt = new Int32Array(0);
  private linkQuery = 0;
  /** the links kept by one query, one per file (a query verifies at most MAX_VERIFY) */
  private readonly keptTarget = new Int32Array(MAX_VERIFY);
  private readonly keptScore = new Float64Array(MAX_VERIFY);
  private readonly keptRelation: LinkRelation[] = new Array<LinkRelation>(MAX_VERIFY);
  private readonly keptOrder: number[] = [];
  /** per walk kept, at walkAt(canon): its length n, then n (sid, count) pairs */
  private walkPool = new Int32Array(0);
  private walkLen = 0;
  private weightOf: TokenWeight | undefined;

  /** The sids of file `fileId`'s indexed sentences, in order. */
  sidsOfFile(fileId: number): ArrayLike<number> {
    if (fileId < 0) return [];
    if (this.frozenFiles) {
      const f = this.frozenFiles;
      return fileId + 1 < f.fileSidStart.length ? f.fileSids.subarray(f.fileSidStart[fileId], f.fileSidStart[fileId + 1]) : [];
    }
    const uri = this.fileUris[fileId];
    return uri === undefined ? [] : this.files.get(uri)!.sids;
  }

  /** The links of every sentence of file `fileId`, as ids (what `fileMatches` gives as objects). */
  fileLinkIds(fileId: number): SentenceLinkIds[] {
    const sids = this.sidsOfFile(fileId);
    const out: SentenceLinkIds[] = [];
    for (let k = 0; k < sids.length; k++) {
      const m = this.linkIdsOf(sids[k]);
      if (m.totalFiles > 0) out.push(m);
    }
    return out;
  }

  /** The links of the sentence whose `Sentence.index` is `sentenceIndex` in `uri`. */
  matchesForSentence(uri: string, sentenceIndex: number): SentenceMatches | undefined {
    const entry = this.files.get(uri);
    if (!entry) return undefined;
    for (const sid of entry.sids) {
      if (this.sSentence[sid]!.index === sentenceIndex) return this.matchSid(sid);
    }
    return undefined;
  }

  // ---- internals ------------------------------------------------------------------------

  private dropSentences(uri: string): void {
    const entry = this.files.get(uri);
    if (!entry) return;
    for (const sid of entry.sids) {
      this.sAlive[sid] = 0;
      this.sSentence[sid] = undefined;
      this.live--;
      this.deadPostings += this.sKeys[sid];
      this.stamp++;
      const off = this.sOff[sid], end = off + this.sLen[sid];
      for (let k = off; k < end; k++) {
        const id = this.poolIds[k];
        if (this.vocabStamp[id] !== this.stamp) {
          this.vocabStamp[id] = this.stamp;
          this.df[id]--;
        }
      }
    }
    entry.sids = [];
  }

  /** Adds one sentence; returns its sid, or -1 when too short to index. */
  private addSentence(fileId: number, s: Sentence | undefined, tokens: (emit: (id: number, flags: number) => void) => void): number {
    const off = this.poolLen;
    let len = 0, content = 0;
    tokens((id, flags) => {
      const k = off + len++;
      if (k >= this.poolIds.length) {
        this.poolIds = grow(this.poolIds, k + 1);
        this.poolFlags = grow(this.poolFlags, k + 1);
      }
      this.poolIds[k] = id;
      this.poolFlags[k] = flags;
      if (!(flags & TOKEN_STOP)) content++;
    });
    if (content < this.minContentTokens) return -1; // the pool slot is reused by the next one

    if (vocabularySize() > this.df.length) {
      this.df = grow(this.df, vocabularySize());
      this.vocabStamp = grow(this.vocabStamp, vocabularySize());
    }
    const sid = this.sidCount++;
    if (sid >= this.sOff.length) {
      const need = sid + 1;
      this.sOff = grow(this.sOff, need);
      this.sLen = grow(this.sLen, need);
      this.sFile = grow(this.sFile, need);
      this.sKeys = grow(this.sKeys, need);
      this.sAlive = grow(this.sAlive, need);
      this.sHash = grow(this.sHash, need);
    }
    this.stamp++;
    for (let k = off; k < off + len; k++) {
      const id = this.poolIds[k];
      if (this.vocabStamp[id] !== this.stamp) {
        this.vocabStamp[id] = this.stamp;
        this.df[id]++;
      }
    }
    this.poolLen += len;
    this.sOff[sid] = off;
    this.sLen[sid] = len;
    this.sFile[sid] = fileId;
    this.sAlive[sid] = 1;
    const ids = this.poolIds, flags = this.poolFlags;
    this.sHash[sid] = sequenceKey(len, (k) => normHashOf(ids[off + k]), (k) => flags[off + k]);
    this.sSentence[sid] = s;
    this.live++;
    this.sKeys[sid] = this.deferPostings ? this.recordKeys(sid) : this.insertKeys(sid);
    return sid;
  }

  /** `forKeys` into the recorded keys (deferred postings). */
  private recordKeys(sid: number): number {
    return this.forKeys(sid, (key) => {
      if (this.keyLen === this.keyPool.length) this.keyPool = grow(this.keyPool, this.keyLen + 1);
      this.keyPool[this.keyLen++] = key;
    });
  }

  /** Content-word bigram keys of a sentence, deduplicated, passed to `each`. */
  private forKeys(sid: number, each: (key: number) => void): number {
    const off = this.sOff[sid], end = off + this.sLen[sid];
    if (this.keyScratch.length < end - off) this.keyScratch = new Int32Array(2 * (end - off));
    const seen = this.keyScratch;
    let prev = -1;
    let count = 0;
    for (let k = off; k < end; k++) {
      if (this.poolFlags[k] & TOKEN_STOP) continue;
      const id = this.poolIds[k];
      if (prev >= 0) {
        const key = pairKey(prev, id);
        let dup = false;
        for (let q = 0; q < count; q++) if (seen[q] === key) { dup = true; break; }
        if (!dup) {
          seen[count++] = key;
          each(key);
        }
      }
      prev = id;
    }
    return count;
  }

  private insertKeys(sid: number): number {
    return this.forKeys(sid, (key) => {
      const p = this.postings++;
      if (p >= this.pNext.length) {
        this.pNext = grow(this.pNext, p + 1);
        this.pSid = grow(this.pSid, p + 1);
        this.pKey = grow(this.pKey, p + 1);
      }
      const b = key & ((1 << this.bucketBits) - 1);
      this.pNext[p] = this.heads[b];
      this.pSid[p] = sid;
      this.pKey[p] = key;
      this.heads[b] = p;
      if (this.postings > 4 << this.bucketBits && this.bucketBits < 24) this.rehash(this.bucketBits + 2);
    });
  }

  private rehash(bits: number): void {
    this.bucketBits = bits;
    this.heads = like(this.heads, 1 << bits).fill(EMPTY);
    const mask = (1 << bits) - 1;
    for (let p = 0; p < this.postings; p++) {
      const b = this.pKey[p] & mask;
      this.pNext[p] = this.heads[b];
      this.heads[b] = p;
    }
  }

  private maybeCompact(): void {
    if (this.deferPostings) return;
    if (this.deadPostings > 50_000 && this.deadPostings > this.postings - this.deadPostings) this.compact();
  }

  /** Rebuilds the pool and the postings from the live sentences (sids are kept). */
  compact(): void {
    const ids = like(this.poolIds, Math.max(1 << 16, this.poolLen));
    const flags = like(this.poolFlags, ids.length);
    let len = 0;
    for (let sid = 0; sid < this.sidCount; sid++) {
      if (!this.sAlive[sid]) continue;
      const off = this.sOff[sid], n = this.sLen[sid];
      ids.set(this.poolIds.subarray(off, off + n), len);
      flags.set(this.poolFlags.subarray(off, off + n), len);
      this.sOff[sid] = len;
      len += n;
    }
    this.poolIds = ids;
    this.poolFlags = flags;
    this.poolLen = len;
    this.postings = 0;
    this.deadPostings = 0;
    this.heads.fill(EMPTY);
    for (let sid = 0; sid < this.sidCount; sid++) if (this.sAlive[sid]) this.insertKeys(sid);
  }

  private seq(sid: number): TokenSeq {
    return { ids: this.poolIds, flags: this.poolFlags, off: this.sOff[sid], len: this.sLen[sid] };
  }

  private matchSid(sid: number): SentenceMatches {
    const sentence = this.sSentence[sid]!;
    const m = this.linkIdsOf(sid);
    const links: SentenceLink[] = m.links.map((l) => ({
      sentence,
      target: { uri: this.fileUris[this.sFile[l.target]]!, sentence: this.sSentence[l.target]! },
      score: l.score,
      relation: l.relation,
    }));
    return { sentence, links, totalFiles: m.totalFiles };
  }

  /**
   * The score-table slots of the pairs of `sid` with each of `cands` (-1: not scored yet), looked
   * up all at once: lookups that do not wait on one another, so their cache misses (the canonical
   * sids, the table's slots: tens of MB at 100,000 files) overlap.
   */
  private probeScores(sid: number, cands: readonly number[]): Int32Array {
    const scores = this.scores!, canon = this.canon!;
    const n = cands.length;
    if (this.probeA.length < n) {
      this.probeA = new Int32Array(2 * n);
      this.probeB = new Int32Array(2 * n);
      this.probeSlot = new Int32Array(2 * n);
    }
    const pa = this.probeA, pb = this.probeB, slots = this.probeSlot;
    const x = canon[sid];
    for (let k = 0; k < n; k++) {
      const y = canon[cands[k]];
      pa[k] = x < y ? x : y;
      pb[k] = x < y ? y : x;
    }
    for (let k = 0; k < n; k++) slots[k] = scores.find(pa[k], pb[k]);
    return slots;
  }

  /**
   * `pairDetail` of two sids (what it needs of it), from the shared table in a frozen index;
   * `known` is the pair's slot when `probeScores` found it.
   */
  private score(sid: number, me: TokenSeq, c: number, weight: TokenWeight, known = -1): { score: number; contained: boolean } {
    const scores = this.scores;
    if (!scores) return pairDetail(me, this.sHash[sid], this.seq(c), this.sHash[c], weight);
    if (known >= 0) return scores.detail(known);
    // the pair of canonical sids, the lower first: one entry for both directions and all copies
    // (looked up again: another thread, or another copy of `c` in this walk, may have scored it)
    const x = this.canon![sid], y = this.canon![c];
    const a = x < y ? x : y, b = x < y ? y : x;
    const slot = scores.find(a, b);
    if (slot >= 0) return scores.detail(slot);
    const full = pairDetail(me, this.sHash[sid], this.seq(c), this.sHash[c], weight);
    scores.put(a, b, full.score, full.contained);
    return full;
  }

  /**
   * The candidates of `sid` worth scoring, in the order the walk meets them, with their shared key
   * counts: sentences sharing enough content bigrams, none of file `exclude` (-1: none excluded).
   */
  private candidatesOf(sid: number, exclude: number): { sids: number[]; counts: number[] } {
    if (this.deferPostings && !this.bucketStart) throw new Error('an index with deferred postings is read through freeze()');
    const met = this.met;
    const mask = (1 << this.bucketBits) - 1;
    const byBucket = this.bucketStart;
    const pKey = this.pKey, pSid = this.pSid;
    let walked = 0;
    let nKeys: number;
    if (byBucket) {
      // each key's postings are one stretch: find them all, then count in a table sized to them
      const ranges = this.rangeScratch;
      let total = 0;
      const stretch = (key: number, from: number, end: number) => {
        let q = from;
        while (q < end && pKey[q] !== key) q++;
        let last = q;
        const stop = Math.min(end, q + MAX_POSTINGS_PER_KEY);
        while (last < stop && pKey[last] === key) last++;
        ranges.push(q, last);
        total += last - q;
      };
      const keys = this.frozenKeys, keyStart = this.keyStart;
      if (keys && keyStart) {
        // the keys' buckets first, then their postings: loads that do not wait on one another,
        // so their cache misses (tables of 64 and 82 MB at 100,000 files) overlap
        const from = keyStart[sid];
        nKeys = keyStart[sid + 1] - from;
        if (this.bucketLo.length < nKeys) {
          this.bucketLo = new Int32Array(2 * nKeys);
          this.bucketHi = new Int32Array(2 * nKeys);
        }
        const lo = this.bucketLo, hi = this.bucketHi;
        for (let i = 0; i < nKeys; i++) {
          const b = keys[from + i] & mask;
          lo[i] = byBucket[b];
          hi[i] = byBucket[b + 1];
        }
        for (let i = 0; i < nKeys; i++) stretch(keys[from + i], lo[i], hi[i]);
      } else {
        nKeys = this.forKeys(sid, (key) => stretch(key, byBucket[key & mask], byBucket[(key & mask) + 1]));
      }
      met.start(total, this.sidCount);
      for (let r = 0; r < ranges.length; r += 2) for (let q = ranges[r]; q < ranges[r + 1]; q++) met.add(pSid[q]);
      ranges.length = 0;
      walked = total;
    } else {
      met.start(64, this.sidCount);
      nKeys = this.forKeys(sid, (key) => {
        let seen = 0;
        for (let p = this.heads[key & mask]; p !== EMPTY && seen < MAX_POSTINGS_PER_KEY; p = this.pNext[p]) {
          if (pKey[p] !== key) continue;
          seen++;
          met.add(pSid[p]);
        }
        walked += seen;
      });
    }

    // in the order the walk met them; a sentence of the file left out, or dead, only now dropped.
    // Most sentences met share one key: they fail on their count, before the per-sid arrays
    // (tens of MB at 100,000 files, a cache miss each) are read.
    const sids: number[] = [], counts: number[] = [];
    const enough = Math.max(2, Math.ceil(0.3 * nKeys));
    for (let k = 0; k < met.size; k++) {
      const n = met.counts[k];
      if (n < 2) continue;
      const c = met.sids[k];
      if (n < enough && n < Math.ceil(0.3 * Math.min(nKeys, this.sKeys[c]))) continue;
      if (!this.sAlive[c] || this.sFile[c] === exclude) continue;
      sids.push(c);
      counts.push(n);
    }
    this.lastQuery = { walked, candidates: met.size, verified: Math.min(MAX_VERIFY, sids.length) };
    return { sids, counts };
  }

  /**
   * `candidatesOf(sid, its file)`. In a frozen index a sentence with copies elsewhere (the same
   * canonical sid) walks once for all of them: the candidates over every file are kept, and each
   * copy drops its own file's (the walk, the counts and the order do not depend on the file left
   * out, so the result is the same). `lastQuery` is then the first copy's.
   */
  private candidatesOfSid(sid: number): { sids: number[]; counts: number[] } {
    const fileId = this.sFile[sid];
    if (!this.canon || this.copies![this.canon[sid]] < 2) return this.candidatesOf(sid, fileId);
    const canon = this.canon[sid];
    let at = this.walkAt.get(canon);
    if (at === undefined) {
      const walk = this.candidatesOf(sid, -1);
      at = this.keepWalk(walk.sids, walk.counts);
      if (at < 0) return this.candidatesOf(sid, fileId);
      this.walkAt.set(canon, at);
    }
    const pool = this.walkPool;
    const sids: number[] = [], counts: number[] = [];
    for (let k = at + 1, end = at + 1 + 2 * pool[at]; k < end; k += 2) {
      if (this.sFile[pool[k]] === fileId) continue;
      sids.push(pool[k]);
      counts.push(pool[k + 1]);
    }
    return { sids, counts };
  }

  /** Puts a walk in the pool (emptied when full); returns where, or -1 when it would not fit an empty pool. */
  private keepWalk(sids: readonly number[], counts: readonly number[]): number {
    const need = 1 + 2 * sids.length;
    if (need > MAX_WALK_POOL) return -1;
    if (this.walkLen + need > this.walkPool.length) {
      if (this.walkPool.length < MAX_WALK_POOL) {
        const pool = new Int32Array(Math.min(MAX_WALK_POOL, Math.max(1 << 16, 2 * this.walkPool.length, this.walkLen + need)));
        pool.set(this.walkPool.subarray(0, this.walkLen));
        this.walkPool = pool;
      }
      if (this.walkLen + need > this.walkPool.length) {
        this.walkAt.clear();
        this.walkLen = 0;
      }
    }
    const at = this.walkLen, pool = this.walkPool;
    pool[at] = sids.length;
    for (let k = 0; k < sids.length; k++) {
      pool[at + 1 + 2 * k] = sids[k];
      pool[at + 2 + 2 * k] = counts[k];
    }
    this.walkLen += need;
    return at;
  }

  private linkIdsOf(sid: number): SentenceLinkIds {
    const cand = this.candidatesOfSid(sid);
    let chosen = cand.sids;
    if (chosen.length > MAX_VERIFY) {
      // the most shared keys first (a stable sort: ties keep the walk's order)
      const order = chosen.map((_, k) => k).sort((x, y) => cand.counts[y] - cand.counts[x]);
      chosen = order.slice(0, MAX_VERIFY).map((k) => cand.sids[k]);
    }

    const weight = this.weightOf ?? corpusWeight(this.df, this.live);
    const me = this.seq(sid);
    // the best link per file: its place in the `kept*` arrays, found through a per-file stamp
    const files = this.fileUris.length;
    if (this.fileStamp.length < files) {
      this.fileStamp = new Int32Array(files + (files >> 1));
      this.fileAt = new Int32Array(this.fileStamp.length);
    }
    const stamp = ++this.linkQuery;
    const fileStamp = this.fileStamp, fileAt = this.fileAt;
    const keptTarget = this.keptTarget, keptScore = this.keptScore, keptRelation = this.keptRelation;
    let kept = 0;
    const known = this.scores ? this.probeScores(sid, chosen) : null;
    for (let q = 0; q < chosen.length; q++) {
      const c = chosen[q];
      const d = this.score(sid, me, c, weight, known ? known[q] : -1);
      let relation: LinkRelation;
      if (d.score >= this.minScore) relation = 'same';
      else if (this.containment && d.contained) {
        relation = this.sLen[sid] >= this.sLen[c] ? 'contains' : 'containedIn';
      } else continue;
      const f = this.sFile[c];
      let k: number;
      if (fileStamp[f] === stamp) {
        k = fileAt[f];
        if (keptScore[k] >= d.score) continue;
      } else {
        fileStamp[f] = stamp;
        fileAt[f] = k = kept++;
      }
      keptTarget[k] = c;
      keptScore[k] = d.score;
      keptRelation[k] = relation;
    }
    // best first; equal scores by target path (one link per file: the order is total)
    const order = this.keptOrder;
    order.length = kept;
    for (let k = 0; k < kept; k++) order[k] = k;
    if (kept > 1) {
      if (this.frozenFiles) {
        // a frozen index's files never change: their order by path is worked out once
        const rank = this.fileRank ??= this.rankFiles();
        const rankOf = (k: number) => rank[this.sFile[keptTarget[k]]];
        order.sort((x, y) => keptScore[y] - keptScore[x] || rankOf(x) - rankOf(y));
      } else {
        const uriOf = (k: number) => this.fileUris[this.sFile[keptTarget[k]]]!;
        order.sort((x, y) => keptScore[y] - keptScore[x] || (uriOf(x) < uriOf(y) ? -1 : 1));
      }
    }
    const totalFiles = kept;
    const links: LinkIds[] = [];
    for (let q = 0; q < kept && q < this.maxFanOut; q++) {
      const k = order[q];
      links.push({ sid, target: keptTarget[k], score: keptScore[k], relation: keptRelation[k] });
    }
    return { sid, links, totalFiles };
  }
}

/**
 * The sentences one postings walk meets and how often, in the order met. In a large index, an
 * open-addressing table sized to the walk, so it sits in cache: a mark per sid of the corpus (tens
 * of MB at 100,000 files) costs a cache miss per posting (a tenth of the link stage there). In a
 * small one (`direct`), that mark, which then fits in cache and needs no hashing.
 */
export class WalkCounts {
  /** per sid: the walk that last met it, and its place in `sids` */
  private direct: Int32Array | null = null;
  private walk = 0;
  private bits = 6;
  /** per slot: sid + 1 (0: empty), and its place in `sids` */
  private slots = new Int32Array(2 << 6);
  /** the sentences met, in order, and how often each was */
  sids: Int32Array = new Int32Array(64);
  counts: Int32Array = new Int32Array(64);
  size = 0;

  /** Empties the table for a walk of about `postings` postings over sids below `sidCount`. */
  start(postings: number, sidCount: number): void {
    this.size = 0;
    if (sidCount <= DIRECT_WALK_MAX_SIDS) {
      if (!this.direct || this.direct.length < 2 * sidCount) this.direct = new Int32Array(2 * Math.max(1024, sidCount + (sidCount >> 1)));
      this.walk++;
      return;
    }
    this.direct = null;
    let bits = 6;
    while (1 << bits < 2 * postings && bits < 30) bits++;
    this.bits = bits;
    const need = 2 << bits;
    if (this.slots.length < need) this.slots = new Int32Array(need);
    else this.slots.fill(0, 0, need);
  }

  add(sid: number): void {
    const direct = this.direct;
    if (direct) {
      if (direct[2 * sid] === this.walk) this.counts[direct[2 * sid + 1]]++;
      else {
        direct[2 * sid] = this.walk;
        direct[2 * sid + 1] = this.push(sid);
      }
      return;
    }
    const slots = this.slots, mask = (1 << this.bits) - 1;
    let h = Math.imul(sid + 1, 0x9e3779b1) >>> (32 - this.bits);
    for (;;) {
      const s = slots[2 * h];
      if (s === sid + 1) {
        this.counts[slots[2 * h + 1]]++;
        return;
      }
      if (s === 0) break;
      h = (h + 1) & mask;
    }
    const k = this.push(sid);
    if (2 * this.size > 1 << this.bits) this.rehash();
    else {
      slots[2 * h] = sid + 1;
      slots[2 * h + 1] = k;
    }
  }

  /** A sentence met for the first time: its place in `sids`. */
  private push(sid: number): number {
    const k = this.size++;
    if (k === this.sids.length) {
      this.sids = grow(this.sids, k + 1);
      this.counts = grow(this.counts, k + 1);
    }
    this.sids[k] = sid;
    this.counts[k] = 1;
    return k;
  }

  /** Twice the slots, every sentence met put in again. */
  private rehash(): void {
    const bits = ++this.bits, mask = (1 << bits) - 1;
    if (this.slots.length < 2 << bits) this.slots = new Int32Array(2 << bits);
    else this.slots.fill(0, 0, 2 << bits);
    for (let k = 0; k < this.size; k++) {
      const sid = this.sids[k];
      let h = Math.imul(sid + 1, 0x9e3779b1) >>> (32 - bits);
      while (this.slots[2 * h] !== 0) h = (h + 1) & mask;
      this.slots[2 * h] = sid + 1;
      this.slots[2 * h + 1] = k;
    }
  }
}

/** A bucket's postings (sid, key) gathered, to be laid out grouped by key when frozen. */
class BucketScratch {
  sid = new Int32Array(64);
  key = new Int32Array(64);

  room(n: number): void {
    if (n <= this.sid.length) return;
    const sid = new Int32Array(2 * n), key = new Int32Array(2 * n);
    sid.set(this.sid);
    key.set(this.key);
    this.sid = sid;
    this.key = key;
  }

  /**
   * Writes the first `n` postings to `outSid`/`outKey` from `o` on, grouped by key: keys in order
   * of first appearance, each key's postings in order. Returns where the writing ended.
   */
  groupInto(n: number, outSid: Int32Array, outKey: Int32Array, o: number): number {
    const sid = this.sid, key = this.key;
    for (let i = 0; i < n; i++) {
      if (sid[i] === EMPTY) continue;
      const k = key[i];
      for (let j = i; j < n; j++) {
        if (sid[j] === EMPTY || key[j] !== k) continue;
        outSid[o] = sid[j];
        outKey[o++] = k;
        sid[j] = EMPTY;
      }
    }
    return o;
  }
}

/**
 * The memory of a SharedScoreTable: one SharedArrayBuffer of 16-byte slots, so a probe reads one
 * cache line (four parallel arrays were four misses at 100,000 files). Per slot, as int32s: [0]
 * the state, 0 empty, -1 being written, else a + 1 (scored); [1] b, its top bit set when
 * `contained`; then [2, 3] the score as a float64.
 */
export interface SharedScoreData {
  slots: Int32Array;
  score: Float64Array;
  /** [slots taken] */
  taken: Int32Array;
}

/** An empty score table of `slots` slots (a power of two). */
export function newScoreData(slots: number): SharedScoreData {
  const memory = new SharedArrayBuffer(16 * slots);
  return { slots: new Int32Array(memory), score: new Float64Array(memory), taken: new Int32Array(new SharedArrayBuffer(4)) };
}

const CONTAINED_BIT = 1 << 31;

/**
 * Scores of pairs (a < b), one open-addressing table in shared memory for every thread reading a
 * frozen index, so a pair one link worker scored is not scored again by another (a pair's two
 * files are often written by different workers). A slot is claimed with a compare-and-swap of its
 * state and published by storing the state last, after the pair and score; a reader trusts a slot
 * only once its state says scored (a slot being written reads as a miss: the pair is scored
 * again, and may be stored twice, with the same score). Past 3/4 full, no more pairs are stored.
 */
class SharedScoreTable {
  private readonly bits: number;
  private readonly mask: number;
  private readonly room: number;
  private readonly out = { score: 0, contained: false };

  constructor(private readonly d: SharedScoreData) {
    const n = d.slots.length >> 2;
    this.bits = Math.log2(n);
    this.mask = n - 1;
    this.room = (3 * n) >> 2;
  }

  private first(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - this.bits);
  }

  /** The slot holding the pair's score, or -1. */
  find(a: number, b: number): number {
    const slots = this.d.slots;
    for (let i = this.first(a, b); ; i = (i + 1) & this.mask) {
      const st = Atomics.load(slots, 4 * i);
      if (st === 0) return -1;
      if (st === a + 1 && (slots[4 * i + 1] & ~CONTAINED_BIT) === b) return i;
    }
  }

  /** The score in `slot` (one object, overwritten by the next call). */
  detail(slot: number): { score: number; contained: boolean } {
    this.out.score = this.d.score[2 * slot + 1];
    this.out.contained = this.d.slots[4 * slot + 1] < 0;
    return this.out;
  }

  put(a: number, b: number, score: number, contained: boolean): void {
    const d = this.d, slots = d.slots;
    if (Atomics.load(d.taken, 0) >= this.room) return;
    for (let i = this.first(a, b); ; i = (i + 1) & this.mask) {
      const st = Atomics.compareExchange(slots, 4 * i, 0, -1);
      if (st === 0) {
        slots[4 * i + 1] = contained ? b | CONTAINED_BIT : b;
        d.score[2 * i + 1] = score;
        Atomics.store(slots, 4 * i, a + 1);
        Atomics.add(d.taken, 0, 1);
        return;
      }
      if (st === a + 1 && (slots[4 * i + 1] & ~CONTAINED_BIT) === b) return;
    }
  }
}
