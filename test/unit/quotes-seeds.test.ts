/** The sample seeds: every quote the design doc lists, with its speaker. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findQuotes, type FoundQuote } from '../../server/src/service/quotes/index';
import { isBlankLine, splitLines } from '../../server/src/service/text/lines';
import type { LineKind } from '../../server/src/service/types';
import { quoteStarting, view } from './quotes-helpers';

const seeds = join(__dirname, '..', '..', 'seeds');

/** The seed's quotes; lines after the `Quark.Models…` template leak are chrome (as the chrome stage says). */
function seedQuotes(name: string): { text: string; quotes: FoundQuote[] } {
  const text = readFileSync(join(seeds, name), 'utf8');
  const lines = splitLines(text);
  const leak = lines.findIndex((l) => l.text.startsWith('Quark.Models'));
  const kinds: LineKind[] = lines.map((l, i) => (isBlankLine(l.text) ? 'blank' : leak >= 0 && i >= leak ? 'chrome' : 'body'));
  return { text, quotes: findQuotes(text, lines, kinds) };
}

describe('seed 000 (TRT, US–Russia Istanbul talks)', () => {
  const { quotes } = seedQuotes('000_0de6c06a7072f844.txt');
  const body = quotes.filter((q) => !q.inChrome);

  it('the State Department statement, second quote via "it"', () => {
    const a = view(quoteStarting(body, 'The United States raised concerns'));
    assert.deepEqual([a.name, a.mention, a.via, a.cue], ['U.S. State Department', 'U.S. State Department', null, 'said in a statement']);
    const b = view(quoteStarting(body, 'Through constructive discussions'));
    assert.deepEqual([b.name, b.mention, b.via, b.cue], ['U.S. State Department', 'U.S. State Department', 'it', 'added']);
  });

  it('the Russian foreign ministry, then "the ministry"', () => {
    const a = quoteStarting(body, 'It was suggested');
    assert.equal(a.speaker?.mention.text, 'the Russian foreign ministry');
    const b = quoteStarting(body, 'In accordance with');
    assert.equal(b.speaker?.via?.text, 'the ministry');
    assert.equal(b.speaker?.key, a.speaker?.key);
    const irritants = quoteStarting(body, 'irritants');
    assert.equal(irritants.span.text, "'irritants'");
    assert.equal(irritants.speaker?.key, a.speaker?.key);
    assert.equal(quoteStarting(body, 'illegally seized').speaker?.key, a.speaker?.key);
  });

  it('Putin: partial quotes, "Putin said" and the two-sentence quote', () => {
    const pragmatism = quoteStarting(body, 'pragmatism and realistic view');
    assert.equal(pragmatism.span.text, '"pragmatism and realistic view”');
    assert.equal(pragmatism.speaker?.mention.text, 'Putin');
    for (const start of ['The first contacts', 'There is a mutual readiness', 'part of Western elites', 'disrupt or compromise']) {
      const q = quoteStarting(body, start);
      assert.equal(q.speaker?.key, 'putin', start);
      assert.equal(q.speaker?.name, 'Russian President Vladimir Putin', start);
    }
  });

  it('"she said in Ankara" is Valentina Matvienko', () => {
    const q = view(quoteStarting(body, 'I\'m sure that the agreements'));
    assert.deepEqual([q.name, q.via], ['Valentina Matvienko', 'she']);
    assert.equal(quoteStarting(body, 'full-fledged work').speaker?.name, 'Valentina Matvienko');
  });

  it('Lavrov, speaker before the quote', () => {
    const q = quoteStarting(body, 'systemic problems');
    assert.equal(q.speaker?.mention.text, 'Russian Foreign Minister Sergey Lavrov');
    assert.equal(q.unbalanced, false);
    assert.equal(quoteStarting(body, 'it will be clear').speaker?.key, 'lavrov');
  });

  it('the subheading quote is found, unattributed, and nothing in the article is unbalanced', () => {
    const q = quoteStarting(body, 'Restoring relations and dialogue');
    assert.equal(q.speaker, null);
    assert.ok(body.every((x) => !x.unbalanced));
  });

  it('the "not ready" in the teaser lede is chrome', () => {
    const q = quoteStarting(quotes, 'not ready');
    assert.equal(q.inChrome, true);
    assert.equal(q.speaker, null);
  });

  it('apostrophes make no quotes', () => {
    assert.ok(!quotes.some((q) => /^s\b|^90s/.test(q.content.text)));
    assert.ok(!quotes.some((q) => q.span.text.startsWith('’s')));
  });
});

describe('seed 003 (TRT World, same statement)', () => {
  const { quotes } = seedQuotes('003_35d470c25130c666.txt');

  it('"…," it said in a statement on Thursday → the US State Department', () => {
    const q = quoteStarting(quotes, 'The United States raised concerns');
    assert.equal(q.speaker?.name, 'US State Department');
    assert.equal(q.speaker?.via?.text, 'it');
    assert.equal(q.cue?.text, 'said in a statement');
    const b = quoteStarting(quotes, 'Through constructive discussions');
    assert.equal(b.speaker?.name, 'US State Department');
  });

  it('the State Department is one identity across both seeds', () => {
    const other = seedQuotes('000_0de6c06a7072f844.txt').quotes;
    assert.equal(quoteStarting(quotes, 'The United States').speaker?.key, quoteStarting(other, 'The United States').speaker?.key);
  });
});
