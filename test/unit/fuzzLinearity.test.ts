/**
 * Guards against super-linear work: each adversarial family of inputs is analysed at size n and
 * 4n, and the 4n run must cost less than 16× the n run (linear is 4×; the factor is generous so
 * a loaded machine does not fail the test — only quadratic or worse behaviour does). Costs are
 * CPU time, best of three, never compared with absolute milliseconds.
 *
 * Also the regular-expression audit of server/src/service/**: the expressions that could
 * backtrack badly are run on adversarial inputs here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSeed, SEED_000 } from '../helpers';
import { analyseText } from '../../server/src/service/analysis';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { nameShape } from '../../server/src/service/quotes/identity';
import { americanize } from '../../server/src/service/crosslinks/spelling';
import { lineFeatures } from '../../server/src/service/chrome/features';
import { matchPattern } from '../../server/src/service/chrome/patterns';
import { resolveSettings } from '../../server/src/shared/settings';
import { SEED_LINES } from './fuzzHelpers';

const settings = resolveSettings({});
const ctx = { corpusFiles: 1, maxFileSize: 50_000_000 };

function cpuMs(f: () => void): number {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
}

/** Asserts that the work at 4n is under `factor` × the work at n (with a floor so tiny runs do not count noise). */
function assertLinear(name: string, make: (n: number) => string, n: number, run: (text: string) => void, factor = 16): void {
  run(make(n)); // warm up
  const small = cpuMs(() => run(make(n)));
  const large = cpuMs(() => run(make(4 * n)));
  const floor = Math.max(small, 2);
  assert.ok(large < factor * floor, `${name}: ${large.toFixed(1)} ms at 4n vs ${small.toFixed(1)} ms at n (${(large / floor).toFixed(1)}×, limit ${factor}×)`);
}

const pipeline = (text: string) => {
  const a = analyseText('file:///l.txt', 1, text, ctx);
  computeDiagnostics(a, settings);
};

const seedLine = SEED_LINES.find((l) => l.length > 200)!;
const seed = readSeed(SEED_000);

const FAMILIES: [string, (n: number) => string, number][] = [
  ['one long line of article text', (n) => (seedLine + ' ').repeat(n), 20],
  ['one long line of one letter', (n) => 'a'.repeat(n), 20000],
  ['one long capitalised name run', (n) => 'Mr ' + 'Alexander '.repeat(n) + 'said "yes."', 1000],
  ['straight double quotes', (n) => '"'.repeat(n), 5000],
  ['mixed quote marks', (n) => '“”‘’"\'«»„'.repeat(n), 1000],
  ['quoted sentences with attribution', (n) => '"We will talk," he said. '.repeat(n), 400],
  ['unclosed quotes, one per paragraph', (n) => '"It goes on\n\n'.repeat(n), 500],
  ['apostrophes', (n) => "'tis it's 'bout ".repeat(n), 1000],
  ['one line repeated', (n) => (seedLine + '\n').repeat(n), 100],
  ['a chrome line repeated', (n) => 'LATEST NEWS\n'.repeat(n), 1000],
  ['the seed repeated', (n) => seed.repeat(n), 4],
  ['CR only line breaks', (n) => seed.replace(/\n/g, '\r').repeat(n), 4],
  ['NUL characters', (n) => '\u0000'.repeat(n), 10000],
  ['no-break spaces between words', (n) => 'word\u00a0'.repeat(n), 2000],
  ['periods and abbreviations', (n) => 'U.S. Mr. J. '.repeat(n), 1000],
  ['numbered list lines', (n) => Array.from({ length: n }, (_, i) => `  ${i % 999}. Headline number ${i}\n    Headline number ${i}`).join('\n'), 200],
  ['lone surrogates', (n) => '\ud800a\udc00 '.repeat(n), 2000],
];

test('linearity: analysis + diagnostics scale linearly on adversarial inputs', () => {
  for (const [name, make, n] of FAMILIES) assertLinear(name, make, n, pipeline);
});

test('regex audit: chrome patterns on long and adversarial lines stay linear', () => {
  const lines: [string, (n: number) => string][] = [
    ['dotted identifiers', (n) => 'A.'.repeat(n) + '!'],
    ['template code start', (n) => 'Quark' + '.Models?'.repeat(n)],
    ['byline with many names', (n) => 'By ' + 'John, '.repeat(n) + '!'],
    ['date-like runs', (n) => '12 '.repeat(n) + 'January'],
    ['agency-like tail', (n) => 'photo / '.repeat(n) + 'AFPx'],
    ['section words', (n) => 'more from '.repeat(n)],
  ];
  for (const [name, make] of lines) assertLinear(name, make, 2000, (t) => void matchPattern(lineFeatures(t)));
});

test('regex audit: spelling variants on long words stay linear (crosslinks/spelling.ts)', () => {
  const words: [string, (n: number) => string][] = [
    ['vowels then ll-suffix', (n) => 'a'.repeat(n) + 'bllx'],
    ['alternating with ll', (n) => 'ab'.repeat(n) + 'lled'],
    ['-our stems', (n) => 'o'.repeat(n) + 'urx'],
    ['-is- runs', (n) => 'is'.repeat(n) + 'x'],
    ['-tre runs', (n) => 'tre'.repeat(n) + 'x'],
  ];
  for (const [name, make] of words) assertLinear(name, make, 4000, (w) => void americanize(w));
});

// Known problem, reported to the lead: quotes/identity.ts `words()` trims each word with
// /^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu. The unanchored second alternative is tried at every
// position of a run of characters it matches and fails at the letter after the run: quadratic
// in the run. Combining marks are word characters to the tokenizer, so a capitalised word with a
// long run of them (Zalgo text) in a body line reaches it through nameShape: 4,000 marks in one
// name cost ~1.4 s of analysis, 32,000 (a 64 KB line) several minutes, on every keystroke.
test('regex audit: nameShape on a name with a long run of combining marks stays linear', () => {
  // a stricter factor here (linear is 4×, quadratic 16×) so the todo shows the problem until it is fixed
  assertLinear('name with combining marks', (n) => 'A' + '\u0301'.repeat(n) + 'b', 500, (w) => void nameShape(w), 10);
});

test('regex audit: a body line naming someone with a long run of combining marks stays linear', () => {
  const lines = seed.split('\n');
  const make = (n: number) => [...lines.slice(0, 10), `The talks were led by Ambassador Sonata C${'\u0301'.repeat(n)}oulter, the State Department said.`, '', ...lines.slice(10)].join('\n');
  assertLinear('Zalgo name in the article', make, 500, pipeline, 8);
});
