/**
 * Property tests: whatever text a user opens (arbitrary Unicode, lone surrogates, NUL, CR, CRLF,
 * thousands of quote marks, huge lines, repeated lines, random mixes of the seeds' lines), no
 * service request throws, and every answer stays inside the document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic, DocumentSymbol, Position, Range } from 'vscode-languageserver-types';
import { makeWorld, readSeed, SEED_000, SEED_003 } from '../helpers';
import { analyseText } from '../../server/src/service/analysis';
import { FIX_ALL_KIND } from '../../server/src/shared/protocol';
import { anySeedText, seedMix, SEED_LINES } from './fuzzHelpers';

const MAX_FILE = 2_000_000;

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function assertRangeInside(r: Range, lines: number, what: string): void {
  for (const p of [r.start, r.end]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines, `${what}: line ${p.line} outside 0..${lines - 1}`);
    assert.ok(Number.isInteger(p.character) && p.character >= 0, `${what}: character ${p.character}`);
  }
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: range ends before it starts`);
}

function walkSymbols(ss: DocumentSymbol[], f: (s: DocumentSymbol) => void): void {
  for (const s of ss) {
    f(s);
    walkSymbols(s.children ?? [], f);
  }
}

/** Every request the editor makes, on one text in a small corpus: none may throw. */
async function exerciseAll(text: string, positions: Position[]): Promise<void> {
  const w = makeWorld({ 'file:///w/seeds/000.txt': readSeed(SEED_000), 'file:///w/seeds/003.txt': readSeed(SEED_003) });
  await w.service.indexCorpus();
  const doc = w.open('file:///w/seeds/fuzz.txt', text);
  const lines = lineCount(text);
  const diags: Diagnostic[] = await w.service.computeDiagnostics(doc);
  for (const d of diags) {
    assertRangeInside(d.range, lines, `diagnostic ${String(d.code)}`);
    assert.equal(d.source, 'seed-review');
  }
  for (const p of positions) {
    const h = await w.service.getHover(doc, p);
    if (h?.range) assertRangeInside(h.range, lines, 'hover range');
  }
  const symbols = await w.service.getDocumentSymbols(doc);
  walkSymbols(symbols, (s) => {
    assertRangeInside(s.range, lines, `symbol ${s.name}`);
    assertRangeInside(s.selectionRange, lines, `symbol ${s.name} selection`);
  });
  const all = await w.service.getCodeActions(doc, { diagnostics: diags });
  for (const d of diags) await w.service.getCodeActions(doc, { diagnostics: [d] });
  await w.service.getCodeActions(doc, { diagnostics: [], only: [FIX_ALL_KIND] });
  await w.service.getCodeActions(doc, { diagnostics: [], only: ['source'] });
  for (const a of all) {
    for (const c of a.edit?.documentChanges ?? []) {
      if ('edits' in c) for (const e of c.edits) assertRangeInside((e as { range: Range }).range, lines, `edit of "${a.title}"`);
    }
  }
}

/** Positions in and around the text: random lines and characters, plus some past the end. */
const positionsFor = (text: string) => {
  const lines = lineCount(text);
  return fc.array(
    fc.record({ line: fc.integer({ min: 0, max: lines + 2 }), character: fc.integer({ min: 0, max: 400 }) }),
    { minLength: 1, maxLength: 6 },
  );
};

test('fuzz: analysis of arbitrary text never throws and keeps one kind per line', () => {
  fc.assert(
    fc.property(anySeedText, (text) => {
      const a = analyseText('file:///f.txt', 1, text, { corpusFiles: 1, maxFileSize: MAX_FILE });
      assert.equal(a.lines.length, lineCount(text));
      assert.equal(a.chrome.kinds.length, a.lines.length);
      assert.equal(a.lines.map((l) => l.text + l.eol).join(''), text, 'lines rebuild the text');
      for (const q of a.quotes) assert.ok(q.span.start >= 0 && q.span.end <= text.length && q.span.start <= q.span.end);
    }),
    { numRuns: 300 },
  );
});

test('fuzz: diagnostics, hover, symbols and code actions never throw on arbitrary text', async () => {
  await fc.assert(
    fc.asyncProperty(
      anySeedText.chain((t) => fc.tuple(fc.constant(t), positionsFor(t))),
      async ([text, positions]) => {
        await exerciseAll(text, positions);
      },
    ),
    { numRuns: 60 },
  );
});

test('fuzz: a small maxFileSize cuts at a line boundary and still answers every request', async () => {
  await fc.assert(
    fc.asyncProperty(seedMix, fc.integer({ min: 1000, max: 4000 }), async (text, limit) => {
      const w = makeWorld({}, { maxFileSize: limit });
      const doc = w.open('file:///w/seeds/big.txt', text.repeat(3));
      const diags = await w.service.computeDiagnostics(doc);
      await w.service.getCodeActions(doc, { diagnostics: diags });
      await w.service.getDocumentSymbols(doc);
    }),
    { numRuns: 40 },
  );
});

test('extremes: 1 MB single line, 20,000 quote marks, a line repeated 10,000 times, NUL and CR runs', async () => {
  const para = SEED_LINES.find((l) => l.length > 200)!;
  const cases: Record<string, string> = {
    'one 1 MB line': (para + ' ').repeat(Math.ceil(1_000_000 / (para.length + 1))).slice(0, 1_000_000),
    '1 MB line of one letter': 'a'.repeat(1_000_000),
    '20,000 straight double quotes': '"'.repeat(20000),
    '20,000 mixed quote marks': '“”‘’"\'«»„'.repeat(2223),
    'quotes around words, 5,000 times': ' "He said," she said. '.repeat(5000),
    'apostrophes and single quotes': "'tis 'n' 'bout ' ' ' it's".repeat(2000),
    'a line repeated 10,000 times': (para + '\n').repeat(10000),
    'a chrome line repeated 10,000 times': 'LATEST NEWS\n'.repeat(10000),
    '100,000 NULs': '\u0000'.repeat(100000),
    '100,000 CRs': '\r'.repeat(100000),
    'CR LF CR LF… with text': 'a\r\rb\r\n\n'.repeat(20000),
    'lone surrogates': '\ud800\udc00\udc00\ud800 x '.repeat(20000),
    'no-break spaces': 'word\u00a0'.repeat(50000),
  };
  for (const [name, text] of Object.entries(cases)) {
    await assert.doesNotReject(() => exerciseAll(text, [{ line: 0, character: 3 }, { line: 5, character: 1 }, { line: 0, character: 999_999 }]), name);
  }
});
