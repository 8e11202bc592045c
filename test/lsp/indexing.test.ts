import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSeed, SEED_000, SEED_003 } from '../helpers';
import { makeWorkspace, startServer, until } from './lspClient';
import type { IndexStatus } from '../../server/src/shared/protocol';

/**
 * A corpus large enough for the server to index on worker threads (corpusWorker.js beside the
 * bundle): the two seeds restated by 330 outlets, each page with its own menu and footer.
 */
function outlets(n: number): Record<string, string> {
  const a = readSeed(SEED_000);
  const b = readSeed(SEED_003);
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const site = `Outlet ${i % 29}`;
    files[`seeds/outlets/${String(i).padStart(4, '0')}.txt`] =
      `${site} home\nWorld\nBusiness\n${i % 2 ? a : b}\nMore from ${site}\nStory ${i} of the day, told in full here.\n© ${site}`;
  }
  return files;
}

test('a 332-file workspace is indexed on worker threads: references reach the outlets, nothing is lost', async () => {
  const n = 330;
  const s = await startServer(makeWorkspace(outlets(n)));
  try {
    const rel = 'seeds/000_0de6c06a7072f844.txt';
    const text = readSeed(SEED_000);
    await s.open(rel, text);
    const idle = await until(
      'the index is built',
      () => s.notifications.map((x) => x.params as IndexStatus).find((p) => p?.state === 'idle' && p.total === n + 2),
      60000,
    );
    assert.equal(idle.indexed, n + 2, 'every file indexed');
    const line = 9;
    const character = text.split('\n')[line].indexOf('banking');
    const refs = (await s.conn.sendRequest('textDocument/references', {
      textDocument: { uri: s.uriOf(rel) },
      position: { line, character },
      context: { includeDeclaration: false },
    })) as { uri: string }[];
    const files = new Set(refs.map((r) => r.uri));
    assert.equal(files.size, 20, 'references list seedReview.matching.maxLinksPerSentence files');
    // the hover counts every seed that carries the quote: the 165 copies of seed 000 and the
    // 165 outlets (and seed 003) that restate it (`stabilise`), all indexed
    const hover = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: s.uriOf(rel) }, position: { line, character } })) as { contents: { value: string } };
    const m = /(\d+) other seeds/.exec(hover.contents.value);
    assert.ok(m, hover.contents.value);
    assert.equal(Number(m[1]), n + 1, hover.contents.value);
    const failures = s.notifications.filter((x) => /failed/.test(JSON.stringify(x.params)));
    assert.deepEqual(failures, [], 'no indexing failure logged');
  } finally {
    await s.close();
  }
});
