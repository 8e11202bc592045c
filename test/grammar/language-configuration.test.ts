// language-configuration.json: quote pairs, no auto-closing apostrophe, and a word pattern
// (compiled the way VS Code compiles it: the given flags plus "g") that keeps U.S., Erdoğan
// and Thursday’s whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './tokenize';

interface Pair { open: string; close: string; notIn?: string[] }
interface LanguageConfiguration {
  brackets: [string, string][];
  autoClosingPairs: Pair[];
  surroundingPairs: [string, string][];
  autoCloseBefore: string;
  wordPattern: { pattern: string; flags: string };
}

const conf = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8'),
) as LanguageConfiguration;

const wordRe = (): RegExp => new RegExp(conf.wordPattern.pattern, conf.wordPattern.flags + 'g');
const words = (s: string): string[] => s.match(wordRe()) ?? [];

test('brackets and surrounding pairs', () => {
  assert.deepEqual(conf.brackets, [['(', ')'], ['[', ']']]);
  for (const pair of [['"', '"'], ['“', '”'], ['‘', '’'], ['(', ')'], ['[', ']']]) {
    assert.ok(conf.surroundingPairs.some((p) => p[0] === pair[0] && p[1] === pair[1]), pair.join(''));
  }
});

test("auto-closing pairs include the quote marks but never the apostrophe '", () => {
  const opens = conf.autoClosingPairs.map((p) => `${p.open}${p.close}`);
  for (const p of ['()', '[]', '""', '“”', '‘’']) assert.ok(opens.includes(p), p);
  assert.ok(!conf.autoClosingPairs.some((p) => p.open === "'" || p.open === '’'));
  assert.ok(!conf.surroundingPairs.some((p) => p[0] === "'"));
  assert.deepEqual(conf.autoClosingPairs.find((p) => p.open === '"')?.notIn, ['string']);
  for (const c of [' ', '\n', '\t', '.', ',', '”', '’']) assert.ok(conf.autoCloseBefore.includes(c), JSON.stringify(c));
});

test('word pattern keeps U.S., Erdoğan, Thursday’s, Trump\'s and Öcalan’s whole', () => {
  assert.equal(conf.wordPattern.flags, 'u');
  assert.deepEqual(words('the U.S. Embassy'), ['the', 'U.S.', 'Embassy']);
  assert.deepEqual(words('counterterrorism efforts: Erdoğan'), ['counterterrorism', 'efforts', 'Erdoğan']);
  assert.deepEqual(words('during Thursday’s meeting'), ['during', 'Thursday’s', 'meeting']);
  assert.deepEqual(words("Donald Trump's call"), ['Donald', "Trump's", 'call']);
  assert.deepEqual(words('reactions to Öcalan’s call'), ['reactions', 'to', 'Öcalan’s', 'call']);
  assert.deepEqual(words("expelling each others' diplomats"), ['expelling', 'each', 'others', 'diplomats']);
  assert.deepEqual(words('“stabilise operations,” it said'), ['stabilise', 'operations', 'it', 'said']);
  assert.deepEqual(words('in Moscow. Through'), ['in', 'Moscow', 'Through']);
  assert.deepEqual(words('U.S.-Russia talks, 2.3 percent'), ['U.S.', 'Russia', 'talks', '2', '3', 'percent']);
});

test('word pattern handles decomposed letters (combining marks)', () => {
  const decomposed = 'Erdog\u0306an';
  assert.deepEqual(words(`by ${decomposed} today`), ['by', decomposed, 'today']);
});
