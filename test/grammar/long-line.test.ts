// Every regex in the grammar must stay linear on very long lines (scrapes do produce them).
// These lines are 200,000 characters; the test asserts that tokenising does not throw, is not
// cut short, and that the tokens cover the line exactly. It deliberately asserts no timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as vsctm from 'vscode-textmate';
import { loadGrammar, tokenizeText } from './tokenize';

const N = 200_000;
const fill = (unit: string, prefix = '', suffix = ''): string =>
  prefix + unit.repeat(Math.ceil((N - prefix.length - suffix.length) / unit.length)).slice(0, N - prefix.length - suffix.length) + suffix;

const LINES: Record<string, string> = {
  'mixed straight and curly quote marks with cues': fill(`"a “b” c' 'd’ e" said ‘f’ g's ' “ ” `),
  'only straight double marks': fill('"'),
  'only opening curly marks': fill('“'),
  'closing marks followed by spaces': fill('" '),
  'a closing mark, then no cue for 200k characters': fill('x ', '"'),
  'closing mark + cue, repeated': fill('” said '),
  'single marks before letters': fill(" 'a"),
  'apostrophes': fill("a'"),
  'ALL-CAPS with no spaces': fill('A'),
  'ALL-CAPS words ending in lower case': fill('AB ', '', 'x'),
  'header with a long run of spaces': fill(' ', ' date 2025-02-28', 'x'),
  'list item full of quotes': fill(`'a' "b" `, '  1. '),
  'section word then spaces': fill(' ', 'WORLD', 'x'),
  'cue followed by spaces': fill(' ', 'said', 'x'),
  'attribution region full of short sentences': fill('ab. ', '"x" said '),
};

for (const [name, line] of Object.entries(LINES)) {
  test(`200,000-character line: ${name}`, async () => {
    assert.equal(line.length, N);
    const grammar = await loadGrammar();
    const r = grammar.tokenizeLine(line, vsctm.INITIAL);
    assert.equal(r.stoppedEarly, false);
    assert.ok(r.tokens.length > 0);
    assert.equal(r.tokens[0].startIndex, 0);
    for (let i = 1; i < r.tokens.length; i++) {
      assert.equal(r.tokens[i].startIndex, r.tokens[i - 1].endIndex, 'tokens are contiguous');
    }
    assert.ok(r.tokens[r.tokens.length - 1].endIndex >= line.length, 'tokens cover the line');
  });
}

test('a long unbalanced quote does not leak into the next line', async () => {
  const lines = await tokenizeText(fill('x ', '“') + '\nplain');
  assert.ok(lines[1].every((t) => t.scopes.length === 0));
});
