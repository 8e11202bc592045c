import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverText as value, readSeed, seedsWorld, SEED_000, SEED_003, U000, U003 } from '../helpers';


const world = seedsWorld;

test('references on the State Department quote in seed 000 reach seed 003', async () => {
  const w = await world();
  const doc = w.open(U000, readSeed(SEED_000));
  const at = doc.getText().indexOf('The United States raised concerns');
  const refs = await w.service.getReferences(doc, doc.positionAt(at), false);
  assert.ok(refs.some((r) => r.uri === U003 && r.range.start.line === 10), JSON.stringify(refs));
});

test('the hover shows the match with the differing words: U.S./US, stabilize/stabilise', async () => {
  const w = await world();
  const doc = w.open(U000, readSeed(SEED_000));
  const text = doc.getText();
  const v1 = value(await w.service.getHover(doc, doc.positionAt(text.indexOf('access to banking'))));
  assert.match(v1, /Also in 1 other seed/);
  assert.match(v1, /003\.txt:11/);
  assert.match(v1, /_U\.S\._\u2009\u2248\u2009_US_/);
  const v2 = value(await w.service.getHover(doc, doc.positionAt(text.indexOf('Through constructive'))));
  assert.match(v2, /_stabilize_\u2009\u2248\u2009_stabilise_/);
});

test('links go both ways, and the delegation and follow-up sentences are linked', async () => {
  const w = await world();
  const d3 = w.open(U003, readSeed(SEED_003));
  const t3 = d3.getText();
  for (const phrase of ['The US delegation was led by', 'Coulter and Darchiev agreed', 'Through constructive discussions']) {
    const refs = await w.service.getReferences(d3, d3.positionAt(t3.indexOf(phrase) + 2), false);
    assert.ok(refs.some((r) => r.uri === U000), phrase);
  }
});

test('the photo caption repeating the follow-up meeting is chrome and not linked', async () => {
  const w = await world();
  const d3 = w.open(U003, readSeed(SEED_003));
  const t3 = d3.getText();
  const refs = await w.service.getReferences(d3, d3.positionAt(t3.indexOf('Officials agreed to hold')), false);
  assert.deepEqual(refs, []);
});

test('a code lens above each paragraph with matches', async () => {
  const w = await world();
  const doc = w.open(U000, readSeed(SEED_000));
  const lenses = await w.service.getCodeLenses(doc);
  const l = lenses.find((x) => x.range.start.line === 9);
  assert.ok(l?.command);
  assert.equal(l.command.title, '\u2194 1 matching sentence in 1 other seed');
  assert.equal(l.command.command, 'seedReview.showReferences');
});

test('edits re-link incrementally; a deleted file drops its links', async () => {
  const w = await world();
  const doc = w.open(U000, readSeed(SEED_000));
  const at = doc.getText().indexOf('The United States raised concerns');
  assert.ok((await w.service.getReferences(doc, doc.positionAt(at), false)).length > 0);
  w.workspace.deleteFile(U003);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(await w.service.getReferences(doc, doc.positionAt(at), false), []);
  w.workspace.writeFile(U003, readSeed(SEED_003));
  await new Promise((r) => setTimeout(r, 10));
  assert.ok((await w.service.getReferences(doc, doc.positionAt(at), false)).length > 0);
});

test('best matching seed and strip-all edits over the corpus', async () => {
  const w = await world();
  const doc = w.open(U000, readSeed(SEED_000));
  const best = await w.service.bestMatchingSeed(doc);
  assert.equal(best.uri, U003);
  assert.ok(best.sharedSentences >= 4);
  const edit = await w.service.stripAllEdits({ needsConfirmation: true });
  assert.equal(edit.files, 2);
  assert.ok(edit.changeAnnotations?.['seedReview.stripChrome'].needsConfirmation);
  const uris = (edit.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument : null));
  assert.deepEqual(uris.map((u) => u?.version), [1, null], 'the open seed at its version, the closed one unversioned');
});

test('re-indexing forgets files that left the corpus', async () => {
  const w = await world();
  const doc = w.open(U000, readSeed(SEED_000));
  const at = doc.getText().indexOf('The United States raised concerns');
  assert.ok((await w.service.getReferences(doc, doc.positionAt(at), false)).length > 0);
  // the file leaves the corpus without a delete event (as when seedReview.files changes)
  (w.workspace as unknown as { files: Map<string, string> }).files.delete(U003);
  await w.service.indexCorpus();
  assert.deepEqual(await w.service.getReferences(doc, doc.positionAt(at), false), []);
  assert.deepEqual(w.service.getWorkspaceSymbols('state').map((s) => s.location.uri).filter((u) => u === U003), []);
});

test('an edit to an open seed is reflected in its cross-links at once, without waiting for the deferred re-index', async () => {
  const w = await world();
  const text = readSeed(SEED_000);
  w.open(U000, text, 1);
  // the user deletes the State Department paragraph's first words and types something new
  const edited = text.replace('"The United States raised concerns regarding access to banking', '"Completely different words about nothing in');
  const doc2 = w.open(U000, edited, 2);
  await w.service.analyse(doc2);
  const at = edited.indexOf('Through constructive discussions');
  const refs = await w.service.getReferences(doc2, doc2.positionAt(at), false);
  assert.ok(refs.some((r) => r.uri === U003), 'the unchanged paragraph still links');
  const lenses = await w.service.getCodeLenses(doc2);
  assert.ok(!lenses.some((l) => l.range.start.line === 9), 'the rewritten paragraph no longer links');
});
