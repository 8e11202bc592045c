/** Quote-mark scanning: pairs, apostrophes, nesting, continuation over paragraphs, unbalanced. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quotesOf, quoteStarting } from './quotes-helpers';

describe('quote marks', () => {
  it('pairs straight, curly and mixed double marks', () => {
    const text = 'He said "one" and “two” and "three.” Then “four," she said.';
    const qs = quotesOf(text);
    assert.deepEqual(qs.map((q) => q.content.text), ['one', 'two', 'three.', 'four,']);
    assert.deepEqual(qs.map((q) => q.span.text), ['"one"', '“two”', '"three.”', '“four,"']);
    assert.ok(qs.every((q) => !q.unbalanced));
    // offsets are offsets into the text
    for (const q of qs) assert.equal(text.slice(q.span.start, q.span.end), q.span.text);
  });

  it('tells single-quoted partial quotes from apostrophes', () => {
    const text = "After years expelling each others' diplomats, Öcalan’s call on Thursday’s meeting in the '90s ended the 'irritants' and ‘Restoring relations’ talk. Don't.";
    const qs = quotesOf(text);
    assert.deepEqual(qs.map((q) => q.content.text), ['irritants', 'Restoring relations']);
  });

  it('does not pair a possessive with a later quote mark', () => {
    const qs = quotesOf("The Joneses' house and Charles' car were sold.");
    assert.equal(qs.length, 0);
  });

  it('finds a single-quoted quote nested in a double-quoted one', () => {
    const qs = quotesOf(`"Ways to overcome the numerous 'irritants' were discussed," the ministry said.`);
    assert.equal(qs.length, 2);
    const inner = quoteStarting(qs, 'irritants');
    assert.equal(inner.nested, true);
    assert.equal(inner.span.text, "'irritants'");
    assert.equal(quoteStarting(qs, 'Ways').nested, false);
  });

  it('reads typewriter double marks as one mark', () => {
    const qs = quotesOf("''A museum alone will not do it,'' he said.");
    assert.equal(qs.length, 1);
    assert.equal(qs[0].content.text, 'A museum alone will not do it,');
  });

  it('marks an unclosed quote unbalanced at its opening mark', () => {
    const text = 'Intro.\n\nShe said "this never closes.\n\nNext paragraph without marks.';
    const qs = quotesOf(text);
    assert.equal(qs.length, 1);
    assert.equal(qs[0].unbalanced, true);
    assert.equal(text[qs[0].span.start], '"');
    assert.equal(qs[0].content.text, 'this never closes.');
  });

  it('continues a quote over paragraphs without calling it unbalanced', () => {
    const text = [
      '"The first paragraph of the statement goes on,',
      '',
      '"and the second paragraph goes on too,',
      '',
      '"and the third one ends it," the senator said.',
    ].join('\n');
    const qs = quotesOf(text);
    assert.equal(qs.length, 3);
    assert.deepEqual(qs.map((q) => q.unbalanced), [false, false, false]);
    assert.deepEqual(qs.map((q) => [q.continued, q.continues]), [[false, true], [true, true], [true, false]]);
    // the attribution at the end covers every piece
    assert.deepEqual(qs.map((q) => q.speaker?.name), ['senator', 'senator', 'senator'].map(() => qs[2].speaker?.name));
    assert.equal(qs[0].speaker?.mention.text, 'the senator');
  });

  it('a dangling quote before a paragraph that does not reopen is unbalanced', () => {
    const qs = quotesOf('"Open here\n\nand no mark here."');
    assert.equal(qs[0].unbalanced, true);
  });

  it('flags quotes in chrome lines and does not attribute them', () => {
    const text = 'Body line.\nU.S. President Donald Trump said the Ukrainian leader is "not ready" for peace.';
    const qs = quotesOf(text, { chrome: [1] });
    assert.equal(qs.length, 1);
    assert.equal(qs[0].inChrome, true);
    assert.equal(qs[0].speaker, null);
    assert.equal(qs[0].cue, null);
    const body = quotesOf(text);
    assert.equal(body[0].inChrome, false);
    assert.equal(body[0].speaker?.mention.text, 'U.S. President Donald Trump');
  });
});
