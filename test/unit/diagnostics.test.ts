import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeWorld, readSeed, SEED_000 } from '../helpers';

test('a malformed header date is reported on the date', async () => {
  const w = makeWorld();
  const doc = w.open('file:///s/a.txt', ' date 2025-02-30 Title\n\nBody text of the article goes here.\n');
  const d = (await w.service.computeDiagnostics(doc)).filter((x) => x.code === 'header.malformed');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range, { start: { line: 0, character: 6 }, end: { line: 0, character: 16 } });
  assert.match(d[0].message, /2025-02-30 is not a calendar date/);
  assert.equal(d[0].source, 'seed-review');
  assert.ok(d[0].codeDescription?.href.includes('headermalformed'));
});

test('no-break spaces in seed 000 are reported where they are', async () => {
  const w = makeWorld();
  const text = readSeed(SEED_000);
  const doc = w.open('file:///s/000.txt', text);
  const d = (await w.service.computeDiagnostics(doc)).filter((x) => x.code === 'text.invisible-character');
  assert.ok(d.length >= 2);
  const first = d[0];
  assert.equal(first.range.start.line, 7);
  assert.equal(doc.getText(first.range), '\u00a0');
  assert.match(first.message, /NO-BREAK SPACE/);
});

test('a rule set to off reports nothing; a severity setting changes the severity', async () => {
  const text = ' date 2025-02-30 T\n\nThe ministers met in the capital on Thursday to\u00a0discuss the talks, officials said.\n';
  const off = makeWorld({}, { rules: { text: { 'invisible-character': 'off' }, header: { malformed: 'error' } } });
  const d = await off.service.computeDiagnostics(off.open('file:///s/a.txt', text));
  assert.deepEqual(d.map((x) => x.code), ['header.malformed']);
  assert.equal(d[0].severity, 1);
});

test('a file over maxFileSize is analysed in part and says so', async () => {
  const w = makeWorld({}, { maxFileSize: 1000 });
  const para = 'Officials met in the capital on Thursday to discuss the talks.\n\n';
  const doc = w.open('file:///s/big.txt', para.repeat(60));
  const d = await w.service.computeDiagnostics(doc);
  const notice = d.find((x) => x.code === 'file.too-large');
  assert.ok(notice, 'a visible notice');
  assert.match(notice.message, /only lines 1\u2013\d+ were analysed/);
  const a = await w.service.analyse(doc);
  assert.equal(a.chrome.kinds.length, a.lines.length, 'every line still has a kind');
});

test('bad input never throws: empty, binary-ish, lone surrogates, unbalanced quotes, a 1 MB line', async () => {
  const w = makeWorld();
  const inputs = ['', '\u0000\u0001\u0002', '\ud800 lone \udfff', '"'.repeat(5000), 'x'.repeat(1_000_000), '\r\r\r\n\n', '\ufeff date 2025-01-01 X\n'];
  for (const [i, text] of inputs.entries()) {
    const doc = w.open(`file:///s/bad${i}.txt`, text);
    const d = await w.service.computeDiagnostics(doc);
    assert.ok(Array.isArray(d));
    const a = await w.service.analyse(doc);
    assert.equal(a.chrome.kinds.length, a.lines.length);
  }
});
