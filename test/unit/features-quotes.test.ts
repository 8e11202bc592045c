import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverText as value, readSeed, seedsWorld, SEED_000, SEED_003, U000, U003 } from '../helpers';


async function world() {
  const w = await seedsWorld();
  const doc = w.open(U000, readSeed(SEED_000));
  return { w, doc };
}

test('hover on the first State Department quote names the U.S. State Department and the cue', async () => {
  const { w, doc } = await world();
  const text = doc.getText();
  const at = text.indexOf('The United States raised concerns');
  const v = value(await w.service.getHover(doc, doc.positionAt(at + 5)));
  assert.match(v, /\*\*Quote by U\.S\. State Department\*\*/);
  assert.match(v, /Cue: _said in a statement_/);
  assert.match(v, /Named on line 10/);
});

test('hover on the "it added" quote shows the pronoun and the State Department', async () => {
  const { w, doc } = await world();
  const at = doc.getText().indexOf('Through constructive discussions');
  const v = value(await w.service.getHover(doc, doc.positionAt(at)));
  assert.match(v, /Quote by U\.S\. State Department/);
  assert.match(v, /here as \u201cit\u201d/);
  assert.match(v, /Quotes by this speaker: 2 in this seed, \d+ across 2 seeds of the corpus/);
});

test('an inlay hint after a pronoun speaker names who it is', async () => {
  const { w, doc } = await world();
  const hints = await w.service.getInlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } });
  const onIt = hints.find((h) => h.position.line === 11);
  assert.ok(onIt, 'hint on line 12 ("it added")');
  assert.equal(onIt.label, '= U.S. State Department');
  const she = hints.find((h) => String(h.label).includes('Matvienko'));
  assert.ok(she, 'she said → Valentina Matvienko');
});

test('outline lists quotes grouped by speaker', async () => {
  const { w, doc } = await world();
  const symbols = await w.service.getDocumentSymbols(doc);
  const quotes = symbols.find((s) => s.name === 'Quotes');
  assert.ok(quotes?.children);
  const state = quotes.children.find((c) => c.name === 'U.S. State Department');
  assert.ok(state, quotes.children.map((c) => c.name).join(' | '));
  assert.equal(state.children?.length, 2);
  assert.ok(state.children[0].name.startsWith('\u201cThe United States raised'));
  assert.ok(quotes.children.some((c) => /Putin/.test(c.name)));
});

test('semantic tokens mark quotes, speakers and cues without overlap', async () => {
  const { w, doc } = await world();
  const data = await w.service.getSemanticTokens(doc);
  assert.equal(data.length % 5, 0);
  const types = new Set<number>();
  let line = 0;
  let ch = 0;
  let lastEnd = -1;
  let lastLine = -1;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
    if (line === lastLine) assert.ok(ch >= lastEnd, 'no overlap');
    lastLine = line;
    lastEnd = ch + data[i + 2];
    types.add(data[i + 3]);
  }
  assert.deepEqual([...types].sort(), [0, 1, 2]);
});

test('workspace symbols find speakers across the corpus', async () => {
  const { w } = await world();
  const found = w.service.getWorkspaceSymbols('state department');
  const files = new Set(found.map((s) => s.location.uri));
  assert.ok(files.has(U000) && files.has(U003), JSON.stringify(found.map((f) => [f.name, f.location.uri])));
});

test('corpus quote counts follow files as they are replaced and removed', async () => {
  const { w } = await world();
  const key = (await w.service.analyse(w.open(U003, readSeed(SEED_003)))).quotes.find((q) => q.speaker)!.speaker!.key;
  const before = w.service.speakers.countFor(key);
  assert.equal(before.files, 2);
  w.workspace.deleteFile(U003);
  w.workspace.closeDocument(U003);
  await new Promise((r) => setImmediate(r));
  const after = w.service.speakers.countFor(key);
  assert.equal(after.files, 1);
  assert.equal(after.quotes, before.quotes - 2);
});
