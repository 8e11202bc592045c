/**
 * A worker thread of the corpus passes, for the CLI (per-file passes of cli/fileTasks.ts) and for
 * the server's index build (line keys, then each file's digest against a frozen recurrence table).
 * Files are read here, so their text never crosses threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileAnalyser, lineKeysOf, readSeedFiles, type AnalyseOptions, type KeysOutcome, type FileJob, type FileOutcome } from '../cli/fileTasks';
import { RecurrenceTable, fileLineKeys, type RecurrenceTableData } from '../service/corpus';
import { digestFile, packDigest, type DigestJob, type PackedDigest } from '../service/corpusIndex';
import { readSeedText } from './readSeedFile';
import { lowerThisThreadPriority } from './threadPriority';
import type { FrozenSentenceIndex } from '../service/crosslinks/sentenceIndex';
import { FrozenLinks, type FrozenFragments } from '../cli/crossLinks';

/**
 * The buffer an analyze outcome's arrays (its JSON, fragments and their ends, tokens) are views
 * of, to transfer: FileAnalyser.run makes them in one, so one buffer crosses to the main thread
 * (the clone keeps views of one buffer as views of one buffer).
 */
function outcomeBuffer(o: FileOutcome): ArrayBuffer | null {
  const t = o.tokens;
  const arrays = [o.fragmentEnds, t?.ids, t?.counts, t?.flags, o.json, o.fragments].filter((a) => a !== undefined);
  if (arrays.length === 0) return null;
  const buffer = arrays[0].buffer;
  if (!(buffer instanceof ArrayBuffer) || arrays.some((a) => a.buffer !== buffer)) throw new Error('an analyze outcome not in one buffer');
  return buffer;
}

export type WorkerRequest =
  | { id: number; type: 'keys'; jobs: FileJob[]; concurrentReads: boolean }
  | { id: number; type: 'init'; options: AnalyseOptions }
  | { id: number; type: 'analyse'; jobs: FileJob[] }
  | { id: number; type: 'indexKeys'; uris: string[] }
  | { id: number; type: 'indexInit'; table: RecurrenceTableData }
  | { id: number; type: 'digest'; jobs: DigestJob[] }
  | { id: number; type: 'linksInit'; index: FrozenSentenceIndex; fragments: FrozenFragments }
  | { id: number; type: 'links'; fileIds: number[]; slot: SharedArrayBuffer };

let analyser: FileAnalyser | null = null;
let table: RecurrenceTable | null = null;
let links: FrozenLinks | null = null;
let digested = 0;

/** An index worker collects its garbage (when the process runs with --expose-gc) every this many files. */
const GC_EVERY_FILES = 1000;
const port = parentPort!;
// the server's index workers give way to its thread (and to the rest of the machine): they run in the background
if ((workerData as { background?: boolean } | null)?.background) lowerThisThreadPriority();

port.on('message', (msg: WorkerRequest) => {
  try {
    switch (msg.type) {
      case 'keys': {
        const { id, jobs } = msg;
        const answer = (out: KeysOutcome[]) => port.postMessage({ id, result: out }, out.flatMap((o) => (o.keys && o.hashes ? [o.keys.buffer as ArrayBuffer, o.hashes.buffer as ArrayBuffer] : [])));
        if (!msg.concurrentReads) answer(jobs.map((job) => lineKeysOf(job)));
        else {
          // the batch's files read all at once (see readSeedFile), then hashed; answers are
          // matched to requests by id, so batches may overlap
          readSeedFiles(jobs).then((read) => answer(jobs.map((job, k) => lineKeysOf(job, read[k])))).catch((e: unknown) => fail(id, e));
        }
        break;
      }
      case 'init':
        analyser = new FileAnalyser(msg.options);
        port.postMessage({ id: msg.id, result: null });
        break;
      case 'analyse':
        answerAnalysed(msg.id, msg.jobs.map((j) => analyser!.run(j)));
        break;
      case 'indexKeys': {
        const out = msg.uris.map((uri) => {
          const text = readSeedText(uri);
          return text === undefined ? null : fileLineKeys(text);
        });
        port.postMessage({ id: msg.id, result: out }, out.flatMap((k) => (k ? [k.buffer as ArrayBuffer] : [])));
        break;
      }
      case 'indexInit':
        table = new RecurrenceTable(msg.table);
        port.postMessage({ id: msg.id, result: null });
        break;
      case 'digest': {
        const out: (PackedDigest | null)[] = msg.jobs.map((j) => {
          const text = readSeedText(j.uri);
          return text === undefined ? null : packDigest(digestFile(j.uri, text, table!, j.maxFileSize));
        });
        // as the server's thread does (see SERVER_EXEC_ARGV): the worker's heap counts too
        digested += msg.jobs.length;
        if (digested >= GC_EVERY_FILES) {
          digested = 0;
          globalThis.gc?.();
        }
        port.postMessage({ id: msg.id, result: out }, out.flatMap((d) => (d ? [d.nums.buffer as ArrayBuffer] : [])));
        break;
      }
      case 'linksInit':
        links = new FrozenLinks(msg.index, msg.fragments);
        port.postMessage({ id: msg.id, result: null });
        break;
      case 'links': {
        const out = links!.tailsInto(msg.fileIds, msg.slot);
        port.postMessage({ id: msg.id, result: out }, [out.at.buffer as ArrayBuffer, ...out.spare.map((b) => b.buffer as ArrayBuffer)]);
        break;
      }
    }
  } catch (e) {
    fail(msg.id, e);
  }
});

/** Sends a batch's outcomes, transferring the buffers they own (see outcomeBuffer). */
function answerAnalysed(id: number, out: FileOutcome[]): void {
  const transfer: ArrayBuffer[] = [];
  for (const o of out) {
    const packed = outcomeBuffer(o);
    if (packed) transfer.push(packed);
    const b = o.strip?.output;
    // transfer only buffers the output owns outright (not a view into a pooled buffer)
    if (b && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer) transfer.push(b.buffer);
  }
  port.postMessage({ id, result: out }, transfer);
}

/** Answers request `id` with the error (its stack for --debug). */
function fail(id: number, e: unknown): void {
  port.postMessage({ id, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
}
