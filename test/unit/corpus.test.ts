import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineRecurrence, normalizeLineKey } from '../../server/src/service/corpus/lineRecurrence';
import { hashLineKey, lineHash } from '../../server/src/service/corpus/lineKey';

test('normalizeLineKey folds case, white space and quote marks, and drops blank or letterless lines', () => {
  assert.equal(normalizeLineKey('  Contact\u00a0 Us '), 'contact us');
  assert.equal(normalizeLineKey('“Quoted” ‘text’'), normalizeLineKey('"quoted" \'text\''));
  assert.equal(normalizeLineKey(''), null);
  assert.equal(normalizeLineKey('   \t'), null);
  assert.equal(normalizeLineKey('---- * ----'), null);
  assert.equal(normalizeLineKey('a'), null);
});

test('count gives the number of files holding a line, once per file', () => {
  const r = new LineRecurrence();
  r.setFile('a', ['Home', 'Home', 'Contact us', 'Article one text.']);
  r.setFile('b', ['home', 'Contact us', 'Article two text.']);
  r.setFile('c', ['HOME ']);
  assert.equal(r.fileCount, 3);
  assert.equal(r.count('Home'), 3);
  assert.equal(r.count('Contact us'), 2);
  assert.equal(r.count('Article one text.'), 1);
  assert.equal(r.count('Never seen'), 0);
  assert.equal(r.count(''), 0);
});

test('excludeUri counts only the other files', () => {
  const r = new LineRecurrence();
  r.setFile('a', ['Home', 'Only in a']);
  r.setFile('b', ['Home']);
  assert.equal(r.count('Home', 'a'), 1);
  assert.equal(r.count('Only in a', 'a'), 0);
  assert.equal(r.count('Only in a', 'b'), 1);
  assert.equal(r.count('Home', 'unknown'), 2);
  assert.equal(r.recurrenceFor('b')('Home'), 1);
});

test('setFile on a known uri replaces its contribution; removeFile forgets it', () => {
  const r = new LineRecurrence();
  r.setFile('a', ['Old line', 'Shared']);
  r.setFile('b', ['Shared']);
  r.setFile('a', ['New line', 'Shared']);
  assert.equal(r.fileCount, 2);
  assert.equal(r.count('Old line'), 0);
  assert.equal(r.count('New line'), 1);
  assert.equal(r.count('Shared'), 2);
  r.removeFile('a');
  assert.equal(r.fileCount, 1);
  assert.equal(r.count('New line'), 0);
  assert.equal(r.count('Shared'), 1);
  r.removeFile('a');
  r.removeFile('never');
  assert.equal(r.count('Shared'), 1);
});

test('a 200,000-character line and thousands of files index without trouble', () => {
  const r = new LineRecurrence();
  const long = 'word '.repeat(40_000);
  r.setFile('long', [long, long]);
  assert.equal(r.count(long), 1);
  for (let i = 0; i < 2000; i++) r.setFile(`f${i}`, ['Home', `Unique line ${i}`, 'Subscribe to our newsletter']);
  assert.equal(r.count('Subscribe to our newsletter'), 2000);
  assert.equal(r.count('Unique line 7'), 1);
});

test('a frozen snapshot answers what the live counts answer, and keys hashed elsewhere count the same', async () => {
  const { RecurrenceTable, fileLineKeys } = await import('../../server/src/service/corpus');
  const files: Record<string, string> = {
    a: 'Home\nHome\nContact us\nArticle one text.\n',
    b: 'home\r\nContact  us\r\nArticle two text.',
    c: 'HOME \n“Quoted” line\n',
    d: '"quoted" line\nArticle one text.',
  };
  const live = new LineRecurrence();
  const hashed = new LineRecurrence();
  for (const [uri, text] of Object.entries(files)) {
    live.setFile(uri, text.split(/\r\n|\r|\n/));
    hashed.setFileKeys(uri, fileLineKeys(text));
  }
  const table = new RecurrenceTable(live.snapshot(true));
  assert.equal(table.fileCount, 4);
  for (const [uri, text] of Object.entries(files)) {
    for (const line of text.split(/\r\n|\r|\n/)) {
      assert.equal(table.count(line, uri), live.count(line, uri), `${uri}: ${line}`);
      assert.equal(hashed.count(line, uri), live.count(line, uri), `${uri}: ${line}`);
    }
  }
  assert.equal(table.count('Home', 'a'), 2);
  assert.equal(table.count('Article two text.', 'b'), 0);

  // a file's line hashes taken once (the CLI's pass 1) answer for its lines by index, and only for that file
  const { fileLineHashes } = await import('../../server/src/service/corpus');
  for (const [uri, text] of Object.entries(files)) {
    const lines = text.split(/\r\n|\r|\n/);
    table.prime(uri, fileLineHashes(text));
    lines.forEach((line, i) => assert.equal(table.count(line, uri, i), live.count(line, uri), `${uri} primed: ${line}`));
    assert.equal(table.count('Home', uri === 'a' ? 'b' : 'a', 0), live.count('Home', uri === 'a' ? 'b' : 'a'), 'another file is hashed anew');
  }
  table.prime(undefined);
  assert.equal(table.count('Contact us', 'a', 2), live.count('Contact us', 'a'));
});

test('lineHash equals hashLineKey(normalizeLineKey) for every BMP character and for context-dependent lower case', () => {
  const twoStep = (t: string): number => {
    const key = normalizeLineKey(t);
    return key === null ? -1 : hashLineKey(key);
  };
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    for (const t of [`Ab ${ch}cd`, ch + ch, ` x${ch}  ${ch}Y `]) assert.equal(lineHash(t), twoStep(t), `U+${c.toString(16)} in ${JSON.stringify(t)}`);
  }
  for (const t of ['ΟΔΟΣ', 'ΑΣ.Β', "ΑΣ's", 'Erdoğan said', 'İstanbul', 'МОСКВА', 'Ǆ ǅ', 'K Å Ω', '𝐀𝐁 x', 'a\u0301b', 'x'.repeat(3000) + 'Σ']) {
    assert.equal(lineHash(t), twoStep(t), t.slice(0, 20));
  }
});

test('a frozen table of many lines counts each as the live counts do (the lookup narrowed by hash range)', async () => {
  const { RecurrenceTable } = await import('../../server/src/service/corpus');
  const live = new LineRecurrence();
  // 3,000 lines held by several files each, and a line of one file only per file
  const files = new Map<string, string[]>();
  for (let f = 0; f < 40; f++) {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) if ((i * 7 + f) % (2 + (i % 3)) === 0 || f < 2) lines.push(`Shared line ${i}`);
    lines.push(`Only in file ${f}`);
    live.setFile(`f${f}`, lines);
    files.set(`f${f}`, lines);
  }
  const snapshot = live.snapshot(true);
  assert.ok(snapshot.keys.length >= 3000, 'enough keys for a many-range directory');
  const table = new RecurrenceTable(snapshot);
  // what the table is asked: a line of the file being analysed, held by how many others
  for (const [uri, lines] of files) for (const line of lines) assert.equal(table.count(line, uri), live.count(line, uri), `${uri}: ${line}`);
  assert.equal(table.count('Only in file 3', 'f3'), 0);
  assert.equal(table.count('Not in any file'), 0);
  assert.equal(new RecurrenceTable({ keys: new Float64Array(0), counts: new Uint32Array(0), fileCount: 0 }).count('Home'), 0);
});
