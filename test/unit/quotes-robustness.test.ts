/** Bad input: the finder never throws and stays linear. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findQuotes } from '../../server/src/service/quotes/index';
import { splitLines } from '../../server/src/service/text/lines';
import type { LineKind } from '../../server/src/service/types';
import { quotesOf } from './quotes-helpers';

import { assertScalesLinearly } from '../linearity';

describe('robustness', () => {
  it('empty text, blank lines, lone marks', () => {
    assert.deepEqual(quotesOf(''), []);
    assert.deepEqual(quotesOf('\n\n\r\n'), []);
    assert.equal(quotesOf('"').length, 1);
    assert.equal(quotesOf('"')[0].unbalanced, true);
    assert.deepEqual(quotesOf("'"), []);
    assert.deepEqual(quotesOf('”'), []);
  });

  it('lone surrogates and astral characters', () => {
    const qs = quotesOf('\ud800 "\udc00 said" \ud83d\ude00 she said \ud800');
    assert.equal(qs.length, 1);
    assert.equal(qs[0].content.text, '\udc00 said');
  });

  it('kinds shorter than lines, or lines not matching the text, do not throw', () => {
    const text = '"a," he said.\n"b"';
    const lines = splitLines(text);
    assert.doesNotThrow(() => findQuotes(text, lines, [] as LineKind[]));
    assert.doesNotThrow(() => findQuotes('', lines, ['body', 'body']));
    assert.doesNotThrow(() => findQuotes(text, [], []));
  });

  it('honours cancellation', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `"q${i}," he said.`).join('\n');
    const lines = splitLines(text);
    assert.deepEqual(findQuotes(text, lines, lines.map(() => 'body' as LineKind), () => true), []);
  });

  it('thousands of quote marks on one line stay fast', () => {
    const make = (k: number) => '"a" '.repeat(5000 * k) + "'b' ".repeat(5000 * k) + '"'.repeat(5000 * k + 1);
    assert.ok(quotesOf(make(4)).length > 20000);
    assertScalesLinearly((k) => quotesOf(make(k)));
  });

  it('a 1 MB single line stays fast', () => {
    const sentence = 'The minister said that the "talks" were useful, according to officials, and added: "We will see." ';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    assert.ok(quotesOf(text).length > 10000);
    assertScalesLinearly((k) => quotesOf(text.slice(0, (text.length / 4) * k)));
  });

  it('a 1 MB line of words without quote marks or punctuation stays fast', () => {
    assert.doesNotThrow(() => quotesOf('said the Minister of the Office of the Department '.repeat(20000)));
    assertScalesLinearly((k) => quotesOf('said the Minister of the Office of the Department '.repeat(5000 * k)));
  });

  it('pathological apostrophes and dashes', () => {
    const make = (k: number) => "'".repeat(50000 * k) + ' ' + "a'".repeat(25000 * k) + ' ' + '—'.repeat(25000 * k) + '"' + ','.repeat(25000 * k) + ' said';
    assert.doesNotThrow(() => quotesOf(make(4)));
    assertScalesLinearly((k) => quotesOf(make(k)));
  });

  it('a long run of punctuation in a quotation after `on` stays linear (title check)', () => {
    const make = (k: number) => 'He appeared on "' + '.'.repeat(16000 * k) + 'x" yesterday.';
    assert.equal(quotesOf(make(1)).length, 1);
    assertScalesLinearly((k) => quotesOf(make(k)));
  });

  it('a speaker name with a long run of combining marks stays linear', () => {
    const make = (k: number) => `"We are ready," said Ambassador Sonata C${'\u0301'.repeat(16000 * k)}oulter.`;
    assert.equal(quotesOf(make(1))[0].speaker?.kind, 'person');
    assertScalesLinearly((k) => quotesOf(make(k)));
  });
});
