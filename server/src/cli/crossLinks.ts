import { closeSync, openSync } from 'node:fs';
import { SentenceIndex, type FrozenSentenceIndex, type LinkRelation, type SentenceLinkIds } from '../service/crosslinks/sentenceIndex';
import { tokenIdOf } from '../service/crosslinks/normalize';
import type { SeedReviewSettings } from '../shared/settings';
import { WorkerPool, orderedBatches } from '../node/workerPool';
import type { ThreadTokens } from './fileTasks';
import { CLI_WORKER_LIMITS } from './corpusRun';
import { Spill, readInto } from './spill';
import { dumpLinks } from './linksDump';

/** Files per request when links are read on worker threads. */
const LINKS_BATCH = 16;

const utf8 = new TextEncoder();

/**
 * The fragments of the indexed sentences, by sid, kept in a spill file (the page cache, not the
 * heap, holds them) that the link workers read: per sid its offset and length, in shared memory.
 */
export interface FrozenFragments {
  file: string;
  offset: Float64Array;
  length: Int32Array;
  /** per file id, its display path as JSON */
  paths: (string | undefined)[];
}

class FragmentStore {
  private readonly spill = new Spill();
  private offset = new Float64Array(new SharedArrayBuffer(8 * 1024));
  private length = new Int32Array(new SharedArrayBuffer(4 * 1024));
  private count = 0;

  /** A file's fragments (sentence k ending at `ends[k]`), kept for the sentences with a sid. */
  put(sids: Int32Array, fragments: Uint8Array, ends: Int32Array): void {
    let last = -1;
    for (let k = 0; k < sids.length; k++) if (sids[k] >= 0) last = k;
    if (last < 0) return;
    if (sids[last] >= this.offset.length) {
      let size = this.offset.length;
      while (size <= sids[last]) size = Math.ceil(size * 1.5);
      const offset = new Float64Array(new SharedArrayBuffer(size * 8));
      offset.set(this.offset);
      const length = new Int32Array(new SharedArrayBuffer(size * 4));
      length.set(this.length);
      this.offset = offset;
      this.length = length;
    }
    const base = this.spill.append(fragments.subarray(0, ends[last]));
    for (let k = 0; k <= last; k++) {
      const sid = sids[k];
      if (sid < 0) continue;
      const start = k ? ends[k - 1] : 0;
      this.offset[sid] = base + start;
      this.length[sid] = ends[k] - start;
      if (sid >= this.count) this.count = sid + 1;
    }
  }

  freeze(paths: (string | undefined)[]): FrozenFragments {
    this.spill.flush();
    return { file: this.spill.path, offset: this.offset.subarray(0, this.count), length: this.length.subarray(0, this.count), paths };
  }

  dispose(): void {
    this.spill.dispose();
  }
}

/** Bytes between two fragments a tail needs that are read through rather than read apart. */
const READ_GAP = 16 << 10;
/** Bytes one read takes at most (unless one fragment is longer). */
const READ_MAX = 256 << 10;

/**
 * Reads the fragments one matches tail needs from their spill file: sorted by place (a file's
 * sentences have consecutive sids and fragments, and the copies of a story are often consecutive
 * files), and read in as few reads as close neighbours allow, into one buffer kept for the next
 * tail. A tail's own sentences come in one read; a target file's in one.
 */
class FragmentReader {
  private readonly fd: number;
  private buf = Buffer.allocUnsafeSlow(1 << 16);
  /** per sid needed (sorted), where its bytes start in `buf` */
  private sids = new Int32Array(256);
  private at = new Int32Array(256);
  private count = 0;

  constructor(private readonly f: FrozenFragments) {
    this.fd = openSync(f.file, 'r');
  }

  /** Reads the fragments of the first `n` sids of `needed` (sorted in place, repeats dropped). */
  load(needed: Int32Array, n: number): void {
    needed.subarray(0, n).sort();
    let distinct = 0;
    for (let k = 0; k < n; k++) if (k === 0 || needed[k] !== needed[k - 1]) needed[distinct++] = needed[k];
    if (this.sids.length < distinct) {
      this.sids = new Int32Array(2 * distinct);
      this.at = new Int32Array(2 * distinct);
    }
    const sids = this.sids;
    sids.set(needed.subarray(0, distinct));
    this.count = distinct;
    const { offset, length } = this.f;
    // the reads: a run of fragments each within READ_GAP of the last, up to READ_MAX in all
    const reads = (each: (k: number, j: number, from: number, to: number) => void) => {
      for (let k = 0; k < distinct; ) {
        const from = offset[sids[k]];
        let to = from + length[sids[k]];
        let j = k + 1;
        for (; j < distinct; j++) {
          const next = offset[sids[j]], end = next + length[sids[j]];
          if (next < from || next - to > READ_GAP || end - from > READ_MAX) break;
          if (end > to) to = end;
        }
        each(k, j, from, to);
        k = j;
      }
    };
    let size = 0;
    reads((_k, _j, from, to) => (size += to - from));
    if (this.buf.length < size) this.buf = Buffer.allocUnsafeSlow(Math.max(size, 2 * this.buf.length));
    let o = 0;
    reads((k, j, from, to) => {
      readInto(this.fd, this.buf.subarray(o), from, to - from);
      for (let q = k; q < j; q++) this.at[q] = o + (offset[sids[q]] - from);
      o += to - from;
    });
  }

  /** The bytes of `sid`, one of those loaded last. */
  get(sid: number): Uint8Array {
    let lo = 0, hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sids[mid] < sid) lo = mid + 1;
      else hi = mid;
    }
    if (this.sids[lo] !== sid) throw new Error(`fragment ${sid} not loaded`);
    return this.buf.subarray(this.at[lo], this.at[lo] + this.f.length[sid]);
  }

  close(): void {
    closeSync(this.fd);
  }
}

const FIRST_OPEN = utf8.encode('"matches":[{');
const NEXT_OPEN = utf8.encode(',{');
const SCORE = utf8.encode('},"score":');
/** per relation (every one of them: a new relation without its bytes does not compile) */
const RELATION_CLOSE: Record<LinkRelation, Uint8Array> = {
  same: utf8.encode(',"relation":"same"}'),
  contains: utf8.encode(',"relation":"contains"}'),
  containedIn: utf8.encode(',"relation":"containedIn"}'),
};
const LIST_CLOSE = utf8.encode(']}');
/** Bytes put one by one rather than with `set` (a call that costs more than the copy below this). */
const SHORT_PUT = 32;

/**
 * The `"matches":[...]}` tail of a file's analyze JSON for its links (null when it has none): the
 * bytes `JSON.stringify` gives for the matches, put together from the sentences' fragments.
 */
export class MatchWriter {
  /** per file id: `,"target":{"path":` its path `,` */
  private readonly targetBytes: (Uint8Array | undefined)[] = [];
  /** per score rounded to 4 places, times 10,000: how the JSON writes it */
  private readonly scoreBytes: (Uint8Array | undefined)[] = [];
  private buf = new Uint8Array(1 << 16);
  private n = 0;

  private readonly reader: FragmentReader;

  constructor(private readonly index: SentenceIndex, private readonly f: FrozenFragments) {
    this.reader = new FragmentReader(f);
  }

  close(): void {
    this.reader.close();
  }

  private target(fileId: number): Uint8Array {
    let b = this.targetBytes[fileId];
    if (!b) {
      const path = this.f.paths[fileId] ?? JSON.stringify(this.index.fileUriOf(fileId));
      this.targetBytes[fileId] = b = utf8.encode(`,"target":{"path":${path},`);
    }
    return b;
  }

  /** `${Math.round(score * 1e4) / 1e4}` as bytes. */
  private score(score: number): Uint8Array {
    const r = Math.round(score * 1e4);
    if (!(r >= 0 && r <= 10_000)) return utf8.encode(`${r / 1e4}`);
    let b = this.scoreBytes[r];
    if (!b) this.scoreBytes[r] = b = utf8.encode(`${r / 1e4}`);
    return b;
  }

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const b = new Uint8Array(Math.max(2 * this.buf.length, this.n + k));
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
  }

  private put(bytes: Uint8Array): void {
    const len = bytes.length;
    this.room(len);
    const buf = this.buf, n = this.n;
    if (len < SHORT_PUT) for (let i = 0; i < len; i++) buf[n + i] = bytes[i];
    else buf.set(bytes, n);
    this.n = n + len;
  }

  /** the sids whose fragments a tail shows (repeats too) */
  private needed = new Int32Array(256);

  private need(sid: number, k: number): number {
    if (k === this.needed.length) {
      const grown = new Int32Array(2 * k);
      grown.set(this.needed);
      this.needed = grown;
    }
    this.needed[k] = sid;
    return k + 1;
  }

  private fragment(sid: number): void {
    this.put(this.reader.get(sid));
  }

  /**
   * Reads the fragments the tails of `files` (each file's links) show, in one go: the copies of a
   * story are often files next to each other, so a batch of files shows many fragments more than
   * once. `tailView` then writes any of these files' tails.
   */
  load(files: readonly (readonly SentenceLinkIds[])[]): void {
    let k = 0;
    for (const links of files) {
      for (const m of links) {
        if (!m.links.length) continue;
        k = this.need(m.sid, k);
        for (const l of m.links) k = this.need(l.target, k);
      }
    }
    if (k > 0) this.reader.load(this.needed, k);
  }

  /** The tail of links loaded last (see `load`), as a view of the writer's buffer: valid until the next call. */
  tailView(links: readonly SentenceLinkIds[]): Uint8Array | null {
    let first = true;
    this.n = 0;
    for (const m of links) {
      for (const l of m.links) {
        this.put(first ? FIRST_OPEN : NEXT_OPEN);
        first = false;
        this.fragment(m.sid);
        this.put(this.target(this.index.fileOfSid(l.target)));
        this.fragment(l.target);
        this.put(SCORE);
        this.put(this.score(l.score));
        this.put(RELATION_CLOSE[l.relation]);
      }
    }
    if (first) return null;
    this.put(LIST_CLOSE);
    return this.buf.subarray(0, this.n);
  }
}

/**
 * The cross-link stage of a CLI run: every file's body sentences go into one `SentenceIndex`
 * (the service's) in the main thread, in file order (tokenised by the workers when they
 * analysed the files), their JSON fragments into a spill file. Once all are in, the index is
 * frozen and each file's matches are written, on worker threads when there are several.
 */
export class CrossLinks {
  /** undefined once frozen for the links: the frozen copy is all the link stage reads */
  private index: SentenceIndex | undefined;
  private readonly fragments = new FragmentStore();
  private readonly paths: (string | undefined)[] = [];
  /** per analysing thread: its vocabulary's words, and their ids here (-1 until first used) */
  private readonly threads = new Map<number, { words: string[]; ids: Int32Array }>();

  constructor(settings: SeedReviewSettings) {
    this.index = new SentenceIndex({
      minScore: settings.matching.minScore,
      maxFanOut: settings.matching.maxLinksPerSentence,
      shared: true,
      deferPostings: true,
    });
  }

  /** A file's sentences: their tokens, and their fragments as UTF-8, sentence k ending at `ends[k]`. */
  add(uri: string, displayPath: string, tokens: ThreadTokens, fragments: Uint8Array, ends: Int32Array): void {
    const index = this.index;
    if (!index) throw new Error('cross-links: a file added after the index was frozen');
    const sids = index.setFileTokenIds(uri, null, this.globalIds(tokens), tokens.flags, tokens.counts);
    this.paths[index.fileIdOf(uri)] = JSON.stringify(displayPath);
    this.fragments.put(sids, fragments, ends);
  }

  /** Removes the fragments' spill file. */
  dispose(): void {
    this.fragments.dispose();
  }

  /**
   * The tokens' ids in this thread's vocabulary, each word given its id on first use in file
   * order: the ids come out as indexing the files in order here would number them (what the
   * analysing threads did meanwhile plays no part), so the index does not depend on which thread
   * analysed which file.
   */
  private globalIds(t: ThreadTokens): Int32Array {
    let th = this.threads.get(t.thread);
    if (!th) this.threads.set(t.thread, (th = { words: [], ids: new Int32Array(1024).fill(-1) }));
    if (t.firstWord !== th.words.length) throw new Error('tokens from a thread out of order');
    for (const w of t.words) th.words.push(w);
    if (th.words.length > th.ids.length) {
      const ids = new Int32Array(Math.max(th.words.length, 2 * th.ids.length)).fill(-1);
      ids.set(th.ids);
      th.ids = ids;
    }
    const out = new Int32Array(t.ids.length);
    for (let k = 0; k < t.ids.length; k++) {
      const local = t.ids[k];
      let id = th.ids[local];
      if (id < 0) th.ids[local] = id = tokenIdOf(th.words[local]);
      out[k] = id;
    }
    return out;
  }

  /**
   * The matches tail of each of `uris` (see MatchWriter), in that order: written in this thread,
   * or with `workerFile` on `threads` worker threads sharing a frozen copy of the index. A tail is
   * a view of memory the next tails reuse (the writer's buffer, or a slot of shared memory): write
   * it out (and wait for the write) before asking for the next.
   */
  async *matches(uris: readonly string[], opts: { workerFile?: string | null; threads: number; debug?: (message: string) => void }): AsyncGenerator<Uint8Array | null> {
    const index = this.index;
    if (!index) throw new Error('cross-links: matches asked for twice');
    const ids = uris.map((u) => index.fileIdOf(u));
    const t0 = Date.now();
    const fragments = this.fragments.freeze(this.paths);
    const frozen = index.freeze();
    opts.debug?.(`cross-link index frozen in ${Date.now() - t0} ms: ${frozen.live} sentences, ${frozen.pSid.length} postings, a score table of ${frozen.scores.slots.length >> 2} slots`);
    // a developer's copy of the link stage's input, for bench/profile-links.ts
    const dump = process.env.SEED_REVIEW_DUMP_LINKS;
    if (dump) dumpLinks(dump, frozen, fragments, ids);
    // the growable index (its pools and postings grown by half again, ~45 MB at 10,000 files)
    // goes before the link stage's peak: only the frozen copy is read from here on
    this.index = undefined;
    if (!opts.workerFile || opts.threads < 2) {
      const links = new FrozenLinks(frozen, fragments);
      try {
        for (const id of ids) yield links.tailView(id);
      } finally {
        links.close();
      }
      return;
    }
    const pool = new WorkerPool(opts.workerFile, opts.threads, CLI_WORKER_LIMITS);
    try {
      await pool.broadcast({ type: 'linksInit', index: frozen, fragments });
      // a batch is asked for once the one `ahead` batches before it has been handed on (see
      // orderedBatches), so `ahead` slots, taken in turn, are never written while read. Their
      // pages are touched only as far as tails fill them.
      const ahead = opts.threads * 3;
      const slots = Array.from({ length: ahead }, () => new SharedArrayBuffer(SLOT_BYTES));
      let asked = 0;
      const ask = async (batch: number[]) => {
        const slot = slots[asked++ % ahead];
        return unpackTails(await pool.request<LinkTails>({ type: 'links', fileIds: batch, slot }), slot);
      };
      for await (const tail of orderedBatches<number, Uint8Array | null>(ids, LINKS_BATCH, ahead, ask)) yield tail;
    } finally {
      await pool.close();
    }
  }
}

/** The link worker's side: a frozen index and fragments, files' matches tails by file id. */
export class FrozenLinks {
  private readonly index: SentenceIndex;
  private readonly writer: MatchWriter;

  constructor(index: FrozenSentenceIndex, fragments: FrozenFragments) {
    this.index = SentenceIndex.fromFrozen(index);
    this.writer = new MatchWriter(this.index, fragments);
  }

  /** The tail of one file (MatchWriter.tailView: valid until the next call). */
  tailView(fileId: number): Uint8Array | null {
    const links = this.index.fileLinkIds(fileId);
    this.writer.load([links]);
    return this.writer.tailView(links);
  }

  /**
   * The tails of `fileIds` written one after another into `slot` (see LinkTails); a tail that
   * does not fit goes as its own buffer.
   */
  tailsInto(fileIds: readonly number[], slot: SharedArrayBuffer): LinkTails {
    const links = fileIds.map((id) => this.index.fileLinkIds(id));
    this.writer.load(links);
    return packTails(fileIds.length, (k) => this.writer.tailView(links[k]), slot);
  }

  close(): void {
    this.writer.close();
  }
}

/**
 * A batch's matches tails as a link worker hands them over: per file k, `at[2k]` is where its tail
 * starts in the batch's slot (a SharedArrayBuffer the main thread lends), `at[2k + 1]` its length;
 * `at[2k]` = -1 for no tail, and -2 - j for a tail too big for the slot, sent as `spare[j]`.
 * Tails in a slot make no garbage on either side: at 100,000 files they are ~12 GB, and a fresh
 * buffer for each, transferred, made the main thread collect its heap ~200 times.
 */
export interface LinkTails {
  at: Int32Array;
  spare: Uint8Array[];
}

/**
 * `n` tails (`tailOf(k)`, a view valid until the next call) copied into `slot` as LinkTails, each
 * at an offset that is a multiple of 8. V8 copies into shared memory with relaxed atomics: a word
 * at a time when source and target are both 8-byte aligned, else a byte at a time, which was 8
 * times slower (tails are ~12 GB at 100,000 files). For the same reason a tail is written in the
 * writer's own buffer and copied in whole, not written into the slot piece by piece.
 */
export function packTails(n: number, tailOf: (k: number) => Uint8Array | null, slot: SharedArrayBuffer): LinkTails {
  const out = new Uint8Array(slot);
  const at = new Int32Array(2 * n);
  const spare: Uint8Array[] = [];
  let o = 0;
  for (let k = 0; k < n; k++) {
    const tail = tailOf(k);
    if (!tail) {
      at[2 * k] = at[2 * k + 1] = -1;
    } else if (o + tail.length <= out.length) {
      out.set(tail, o);
      at[2 * k] = o;
      at[2 * k + 1] = tail.length;
      o += (tail.length + 7) & ~7;
    } else {
      at[2 * k] = -2 - spare.length;
      at[2 * k + 1] = tail.length;
      spare.push(tail.slice());
    }
  }
  return { at, spare };
}

/** The tails LinkTails `r` holds for its files, in order: views of `slot`, spare buffers, or null. */
export function unpackTails(r: LinkTails, slot: SharedArrayBuffer): (Uint8Array | null)[] {
  const out: (Uint8Array | null)[] = [];
  for (let k = 0; 2 * k < r.at.length; k++) {
    const start = r.at[2 * k], length = r.at[2 * k + 1];
    out.push(start === -1 ? null : start >= 0 ? new Uint8Array(slot, start, length) : r.spare[-2 - start]);
  }
  return out;
}

/** Bytes of a batch's slot (a batch of LINKS_BATCH files' tails is ~2 MB at 100,000 files). */
const SLOT_BYTES = 4 << 20;

const MATCHES_TAIL = Buffer.from('"matches":[]}');

/**
 * A file's JSON (UTF-8, written by the worker with `"matches":[]` last) with its matches tail
 * (`MatchWriter.tailView`) put in, as the chunks to write.
 */
export function withMatches(json: Uint8Array, tail: Uint8Array | null): Uint8Array[] {
  if (!tail) return [json];
  const cut = json.length - MATCHES_TAIL.length;
  if (cut < 0 || !MATCHES_TAIL.equals(json.subarray(cut))) throw new Error('analyze JSON does not end with its matches');
  return [json.subarray(0, cut), tail];
}
