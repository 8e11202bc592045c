import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSeedService, InMemoryWorkspace, PARALLEL_INDEX_MIN_FILES, type SeedService } from '../../server/src/service';
import { LineRecurrence, RecurrenceTable, fileLineKeys, type RecurrenceTableData } from '../../server/src/service/corpus';
import { digestFile, packDigest, unpackDigest, type DigestJob, type FileDigest, type ParallelIndexer } from '../../server/src/service/corpusIndex';
import { SentenceIndex } from '../../server/src/service/crosslinks/sentenceIndex';
import { resolveSettings } from '../../server/src/shared/settings';
import { readSeed, SEED_000, SEED_003, makeDoc } from '../helpers';

/**
 * A parallel indexer in this thread that behaves like the worker threads: it reads files itself,
 * and everything it returns goes through structuredClone, as a message between threads would
 * (digests packed and unpacked, as the worker and WorkerIndexer do).
 */
class InThreadIndexer implements ParallelIndexer {
  released = 0;
  failed = false;
  /** files digested "on other threads" */
  digested = 0;
  private table: RecurrenceTable | undefined;
  private calls = 0;
  readonly lanes = 2;
  constructor(
    private readonly workspace: InMemoryWorkspace,
    private readonly failAtCall = -1,
  ) {}

  /** a request answered after a turn of the event loop, as a message from a thread would be */
  private async later<T>(f: () => Promise<T>): Promise<T> {
    await new Promise((r) => setImmediate(r));
    if (this.calls++ === this.failAtCall) {
      this.failed = true;
      throw new Error('worker thread exited with code 1');
    }
    return structuredClone(await f());
  }

  lineKeys(uris: string[]): Promise<(Float64Array | null)[]> {
    return this.later(async () => {
      const out = [];
      for (const uri of uris) {
        const text = await this.workspace.readText(uri);
        out.push(text === undefined ? null : fileLineKeys(text));
      }
      return out;
    });
  }

  async prepare(data: RecurrenceTableData): Promise<void> {
    this.table = new RecurrenceTable(structuredClone(data));
  }

  async digest(jobs: DigestJob[]): Promise<(FileDigest | null)[]> {
    const packed = await this.later(async () => {
      const out = [];
      for (const j of jobs) {
        const text = await this.workspace.readText(j.uri);
        out.push(text === undefined ? null : packDigest(digestFile(j.uri, text, this.table!, j.maxFileSize)));
        this.digested++;
      }
      return out;
    });
    return packed.map((p) => (p ? unpackDigest(p) : null));
  }

  async release(): Promise<void> {
    this.released++;
  }
}

/** A corpus large enough for a parallel build: the two seeds, restated by many outlets. */
function corpus(): Record<string, string> {
  const a = readSeed(SEED_000);
  const b = readSeed(SEED_003);
  const files: Record<string, string> = {};
  const n = PARALLEL_INDEX_MIN_FILES + 20;
  for (let i = 0; i < n; i++) {
    const site = `Outlet ${i % 23}`;
    const body = i % 2 ? a : b;
    files[`file:///w/seeds/${String(i).padStart(4, '0')}.txt`] =
      `${site} home\nWorld\nBusiness\n${body}\nMore from ${site}\nStory ${i} of the day, told in full here.\n© ${site}`;
  }
  files['file:///w/seeds/tiny.txt'] = 'x';
  return files;
}

function world(files: Record<string, string>, parallel?: (w: InMemoryWorkspace) => ParallelIndexer): { service: SeedService; workspace: InMemoryWorkspace } {
  const workspace = new InMemoryWorkspace(files);
  const settings = resolveSettings({});
  const service = createSeedService({
    workspace,
    settings: () => settings,
    lineCounter: new LineRecurrence(),
    sentenceLinker: new SentenceIndex(),
    parallel: parallel?.(workspace),
  });
  return { service, workspace };
}

/** What a user sees of a file that depends on the corpus: diagnostics, lenses, references of each lens. */
async function view(service: SeedService, uri: string, text: string) {
  const doc = makeDoc(uri, text, 7);
  const diagnostics = (await service.computeDiagnostics(doc)).map((d) => `${d.range.start.line} ${d.code} ${d.message}`);
  const lenses = await service.getCodeLenses(doc);
  const refs = [];
  for (const l of lenses) refs.push((await service.getReferences(doc, l.range.start, false)).length);
  return { diagnostics, lenses: lenses.map((l) => `${l.range.start.line}: ${l.command?.title}`), refs };
}

test('an index built on other threads answers what the one-thread build answers', async () => {
  const files = corpus();
  const one = world(files);
  let indexer: InThreadIndexer | undefined;
  const par = world(files, (w) => (indexer = new InThreadIndexer(w)));
  const p1 = await one.service.indexCorpus();
  const p2 = await par.service.indexCorpus();
  assert.equal(indexer!.released, 1, 'the build ran on the indexer');
  assert.equal(indexer!.digested, Object.keys(files).length, 'every file analysed on the other threads (this one stays free)');
  assert.deepEqual(p2, p1);
  assert.deepEqual(par.service.indexStats, one.service.indexStats);
  assert.ok(one.service.indexStats.sentences > 1000);
  for (const uri of ['file:///w/seeds/0000.txt', 'file:///w/seeds/0001.txt', 'file:///w/seeds/0150.txt']) {
    const expected = await view(one.service, uri, files[uri]);
    assert.ok(expected.lenses.length > 0, 'the seeds are restated: their sentences link');
    assert.ok(expected.diagnostics.some((d) => d.includes('chrome')), 'the recurring lines are chrome');
    assert.deepEqual(await view(par.service, uri, files[uri]), expected);
  }
  const key = one.service.speakers.search('State Department')[0]?.key;
  assert.ok(key, 'the State Department is a speaker of the corpus');
  assert.deepEqual(par.service.speakers.countFor(key), one.service.speakers.countFor(key));
});

test('a failing thread leaves a complete index: the build goes on in this thread', async () => {
  const files = corpus();
  const one = world(files);
  let indexer: InThreadIndexer | undefined;
  const par = world(files, (w) => (indexer = new InThreadIndexer(w, 9)));
  await one.service.indexCorpus();
  const p = await par.service.indexCorpus();
  assert.equal(p.indexed, p.total);
  assert.ok(indexer!.failed && indexer!.digested > 0, 'the threads failed in pass 2');
  assert.equal(indexer!.released, 1, 'the threads are let go');
  assert.deepEqual(par.service.indexStats, one.service.indexStats);
  const uri = 'file:///w/seeds/0003.txt';
  assert.deepEqual(await view(par.service, uri, files[uri]), await view(one.service, uri, files[uri]));
});

test('a document open in the editor is indexed from its text, not from the disk', async () => {
  const files = corpus();
  const par = world(files, (w) => new InThreadIndexer(w));
  const uri = 'file:///w/seeds/0002.txt';
  const edited = 'A sentence that only the open editor holds, long enough to be indexed as one.\n';
  par.workspace.openDocument(makeDoc(uri, edited, 3));
  await par.service.indexCorpus();
  const other = world({ ...files, [uri]: edited });
  await other.service.indexCorpus();
  assert.deepEqual(par.service.indexStats, other.service.indexStats);
});

test('a digest packed for another thread reads back equal: sentences and speakers', () => {
  const files = corpus();
  const uris = Object.keys(files).slice(0, 3);
  const table = new RecurrenceTable(new LineRecurrence().snapshot(false));
  const odd = 'date 2024-01-02 Odd\n\u201cWe did it,\u201d said Ana G\u00f3mez of the \u{1F600} party.\nIt rained \u00a0 in T\u00fcrkiye, the U.S. said.\n';
  for (const [uri, text] of [...uris.map((u) => [u, files[u]]), ['file:///w/seeds/odd.txt', odd], ['file:///w/seeds/empty.txt', '']]) {
    const d = digestFile(uri, text, table, 2_000_000);
    const back = unpackDigest(structuredClone(packDigest(d)));
    assert.deepEqual(back.sentences, d.sentences);
    assert.deepEqual(back.speakers, d.speakers);
  }
});
