/**
 * Bad input: the finder never throws and stays linear (time checks tolerate a loaded machine
 * and parallel test files; a quadratic blow-up fails them).
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

/**
 * Linear-time check that holds on a loaded machine: the full input either runs in under 10 s,
 * or takes less than 10× a quarter of it (linear ≈ 4×, quadratic ≈ 16×).
 */
function assertLinear(make: (size: number) => string, size: number): number {
  const small = timed(make(size / 4));
  const full = timed(make(size));
  assert.ok(full.ms < 10000 || full.ms < 10 * Math.max(small.ms, 50), `${full.ms.toFixed(0)} ms for the full input, ${small.ms.toFixed(0)} ms for a quarter`);
  return full.n;
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
    const n = assertLinear((k) => '"a" '.repeat(k) + "'b' ".repeat(k) + '"'.repeat(k + 1), 20000);
    assert.ok(n > 20000);
  });

  it('a 1 MB single line stays fast', () => {
    const sentence = 'The minister said that the "talks" were useful, according to officials, and added: "We will see." ';
    const n = assertLinear((size) => sentence.repeat(Math.ceil(size / sentence.length)), 1_000_000);
    assert.ok(n > 10000);
  });

  it('a 1 MB line of words without quote marks or punctuation stays fast', () => {
    assertLinear((size) => 'said the Minister of the Office of the Department '.repeat(size / 50), 1_000_000);
  });

  it('pathological apostrophes and dashes', () => {
    assertLinear((k) => "'".repeat(2 * k) + ' ' + "a'".repeat(k) + ' ' + '—'.repeat(k) + '"' + ','.repeat(k) + ' said', 100000);
  });
});
