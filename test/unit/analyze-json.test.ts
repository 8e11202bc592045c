import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../server/src/service/analysis';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { resolveSettings } from '../../server/src/shared/settings';
import { analyzedFileJsonText, toAnalyzedFileJson } from '../../server/src/cli/analyzeJson';
import { readSeed, SEED_000, SEED_003 } from '../helpers';

// the analyze JSON's lines[] are written as text for speed: it must stay the text of the object
test('analyze JSON written as text equals JSON.stringify of the file object', () => {
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
    assert.equal(analyzedFileJsonText(path, a, diagnostics), JSON.stringify(toAnalyzedFileJson(path, a, diagnostics, [])), path);
  }
});

test('a sentence fragment written by hand equals JSON.stringify of its range and text', async () => {
  const { sentenceFragment } = await import('../../server/src/cli/crossLinks');
  for (const [range, text] of [
    [{ start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, 'Hello'],
    [{ start: { line: 12345, character: 67 }, end: { line: 12346, character: 0 } }, '"Quoted," she said\u2028 \\ \ud800'],
  ] as const) {
    assert.equal(sentenceFragment(range, text), `"range":${JSON.stringify(range)},"text":${JSON.stringify(text)}`);
  }
});
