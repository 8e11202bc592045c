/**
 * Bad input: the finder never throws and stays linear. The time limits are generous (other test
 * files run in parallel); they catch quadratic blow-ups, which take minutes on these inputs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findQuotes } from '../../server/src/service/quotes/index';
import { splitLines } from '../../server/src/service/text/lines';
import type { LineKind } from '../../server/src/service/types';
import { quotesOf } from './quotes-helpers';

function timed(text: string): { ms: number; n: number } {
  const t0 = performance.now();
  const n = quotesOf(text).length;
  return { ms: performance.now() - t0, n };
}

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
    const { ms, n } = timed('"a" '.repeat(20000) + "'b' ".repeat(20000) + '"'.repeat(20001));
    assert.ok(n > 20000);
    assert.ok(ms < 10000, `${ms} ms`);
  });

  it('a 1 MB single line stays fast', () => {
    const sentence = 'The minister said that the "talks" were useful, according to officials, and added: "We will see." ';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const { ms, n } = timed(text);
    assert.ok(n > 10000);
    assert.ok(ms < 10000, `${ms} ms`);
  });

  it('a 1 MB line of words without quote marks or punctuation stays fast', () => {
    const { ms } = timed('said the Minister of the Office of the Department '.repeat(20000));
    assert.ok(ms < 10000, `${ms} ms`);
  });

  it('pathological apostrophes and dashes', () => {
    const { ms } = timed("'".repeat(200000) + ' ' + "a'".repeat(100000) + ' ' + '—'.repeat(100000) + '"' + ','.repeat(100000) + ' said');
    assert.ok(ms < 10000, `${ms} ms`);
  });
});
