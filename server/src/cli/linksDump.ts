import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newScoreData, type FrozenSentenceIndex } from '../service/crosslinks/sentenceIndex';
import type { FrozenFragments } from './crossLinks';

/**
 * A developer's copy of a run's link stage input: the frozen index, the fragments (their spill
 * file copied) and the files' ids in output order, written to a folder when the CLI runs with
 * SEED_REVIEW_DUMP_LINKS=folder. `bench/profile-links.ts` runs the link stage again on it, on one
 * thread, so a change to the link stage is timed without the rest of the run (and its noise).
 */
interface Manifest {
  index: Record<string, Field>;
  fragments: Record<string, Field>;
  scoreSlots: number;
  ids: number[];
}
type Field = { array: string; length: number } | { json: unknown };

const ARRAYS: Record<string, new (b: SharedArrayBuffer) => ArrayLike<number> & ArrayBufferView> = {
  Int32Array,
  Uint8Array,
  Float64Array,
};

function putFields(dir: string, prefix: string, obj: object, skip: string[]): Record<string, Field> {
  const out: Record<string, Field> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (skip.includes(k)) continue;
    if (ArrayBuffer.isView(v)) {
      writeFileSync(path.join(dir, `${prefix}.${k}.bin`), new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      out[k] = { array: v.constructor.name, length: (v as unknown as ArrayLike<number>).length };
    } else out[k] = { json: v };
  }
  return out;
}

function getFields(dir: string, prefix: string, fields: Record<string, Field>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(fields)) {
    if ('json' in f) {
      out[k] = f.json;
      continue;
    }
    const bytes = readFileSync(path.join(dir, `${prefix}.${k}.bin`));
    const a = new ARRAYS[f.array](new SharedArrayBuffer(bytes.length));
    new Uint8Array(a.buffer).set(bytes);
    out[k] = a;
  }
  return out;
}

/** Writes the link stage's input to `dir` (see above). */
export function dumpLinks(dir: string, index: FrozenSentenceIndex, fragments: FrozenFragments, ids: readonly number[]): void {
  mkdirSync(dir, { recursive: true });
  copyFileSync(fragments.file, path.join(dir, 'fragments.spill'));
  const manifest: Manifest = {
    index: putFields(dir, 'index', index, ['scores']),
    fragments: putFields(dir, 'fragments', fragments, ['file']),
    scoreSlots: index.scores.slots.length >> 2,
    ids: [...ids],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
}

/** Reads what `dumpLinks` wrote, with an empty score table. */
export function loadLinks(dir: string): { index: FrozenSentenceIndex; fragments: FrozenFragments; ids: number[]; emptyScores: () => void } {
  const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const index = getFields(dir, 'index', m.index) as unknown as FrozenSentenceIndex;
  const fragments = { ...getFields(dir, 'fragments', m.fragments), file: path.join(dir, 'fragments.spill') } as unknown as FrozenFragments;
  const emptyScores = () => {
    index.scores = newScoreData(m.scoreSlots);
  };
  emptyScores();
  return { index, fragments, ids: m.ids, emptyScores };
}
