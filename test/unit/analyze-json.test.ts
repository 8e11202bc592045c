import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../server/src/service/analysis';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { resolveSettings } from '../../server/src/shared/settings';
import { analyzedFileBytes, toAnalyzedFileJson } from '../../server/src/cli/analyzeJson';
import { readSeed, SEED_000, SEED_003 } from '../helpers';

// the analyze JSON's lines[] are written as bytes for speed: they must stay the text of the object
test('analyze JSON written as bytes equals JSON.stringify of the file object', () => {
  const settings = resolveSettings({});
  const texts: [string, string][] = [
    [SEED_000, readSeed(SEED_000)],
    [SEED_003, readSeed(SEED_003)],
    ['odd "path".txt', '\ufeff date 2024-13-40 Bad\r\n\r\n"Unbalanced, he said.\r\nMenu\r\nMenu\r\n\u2028x'],
    ['empty.txt', ''],
  ];
  for (const [path, text] of texts) {
    const a = analyseText(`file:///w/${encodeURIComponent(path)}`, 1, text, { corpusFiles: 1, maxFileSize: 2_000_000 });
    const diagnostics = computeDiagnostics(a, settings);
    const expected = JSON.stringify(toAnalyzedFileJson(path, a, diagnostics, []));
    const { bytes, jsonLength } = analyzedFileBytes(path, a, diagnostics, []);
    assert.equal(jsonLength, bytes.length);
    assert.equal(new TextDecoder().decode(bytes), expected, path);
    assert.deepEqual(bytes, new TextEncoder().encode(expected), `${path}: the same bytes`);
  }
});

test('sentence fragments written as bytes, after the file\'s JSON, equal JSON.stringify of each sentence\'s range and text', async () => {
  const { analyzedFileBytes } = await import('../../server/src/cli/analyzeJson');
  const { spanRange } = await import('../../server/src/service/text/positions');
  const blank = '\n'.repeat(12345);
  const text = `${blank}Hello there. "Quoted," she said\u2028 \\ \ud800 and more ${'x'.repeat(70)}. Then \u00e9t\u00e9 came.\n`;
  const a = analyseText('file:///w/f.txt', 1, text, { corpusFiles: 1, maxFileSize: 2_000_000 });
  assert.ok(a.sentences.length >= 3);
  const written = analyzedFileBytes('f.txt', a, [], a.sentences);
  const json = written.bytes.subarray(0, written.jsonLength), fragments = written.bytes.subarray(written.jsonLength), ends = written.ends;
  const dec = new TextDecoder();
  assert.equal(dec.decode(json), JSON.stringify(toAnalyzedFileJson('f.txt', a, [], [])), 'the file\'s JSON first');
  a.sentences.forEach((s, k) => {
    const got = dec.decode(fragments.subarray(k ? ends[k - 1] : 0, ends[k]));
    assert.equal(got, `"range":${JSON.stringify(spanRange(a.lines, s))},"text":${JSON.stringify(s.text)}`);
  });
  assert.equal(ends[ends.length - 1], fragments.length);
});

test('a batch of matches tails handed over in a shared slot comes back whole, in order, when it overflows too', async () => {
  const { packTails, unpackTails } = await import('../../server/src/cli/crossLinks');
  const enc = new TextEncoder();
  const tails = ['"matches":[{"a":1}]}', null, '"matches":[{"b":22}]}', '"matches":[{"c":333}]}', null].map((t) => (t === null ? null : enc.encode(t)));
  for (const size of [1 << 10, 45, 0]) {
    const slot = new SharedArrayBuffer(size);
    const scratch = new Uint8Array(64); // the writer's buffer: each tail a view of it, overwritten by the next
    const packed = packTails(tails.length, (k) => {
      const t = tails[k];
      if (!t) return null;
      scratch.set(t);
      return scratch.subarray(0, t.length);
    }, slot);
    // what crosses to the main thread: a structured clone (the slot is shared, not copied)
    const got = unpackTails(structuredClone(packed), slot).map((t) => (t === null ? null : new TextDecoder().decode(t)));
    assert.deepEqual(got, tails.map((t) => (t === null ? null : new TextDecoder().decode(t))), `slot of ${size} bytes`);
    assert.equal(packed.spare.length, size === 1 << 10 ? 0 : size === 0 ? 3 : 1, 'tails past the end of the slot go as their own buffers');
    // V8 copies into shared memory a word at a time only between 8-byte aligned places
    for (let k = 0; 2 * k < packed.at.length; k++) if (packed.at[2 * k] >= 0) assert.equal(packed.at[2 * k] % 8, 0, `tail ${k} starts on a multiple of 8`);
  }
});
