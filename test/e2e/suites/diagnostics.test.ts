import * as assert from 'assert';
import { suite, test } from '../runner';
import { SEED_000, diagnosticCode, openSeed, positionsOf, settledDiagnostics } from '../helpers';

suite('diagnostics', () => {
  test('seed 000 gets text.invisible-character on each no-break space of line 8', async () => {
    const { doc } = await openSeed(SEED_000);
    const nbsps = positionsOf(doc, 7, '\u00a0');
    assert.ok(nbsps.length > 0, 'fixture: line 8 of seed 000 holds no-break spaces');
    const ds = await settledDiagnostics(doc.uri, {
      accept: (all) => all.some((d) => diagnosticCode(d) === 'text.invisible-character'),
    });
    const invisible = ds.filter((d) => diagnosticCode(d) === 'text.invisible-character');
    for (const p of nbsps) {
      assert.ok(invisible.some((d) => d.range.contains(p) && !d.range.start.isEqual(d.range.end)),
        `a text.invisible-character diagnostic covers line ${p.line + 1}, column ${p.character + 1}`);
    }
    for (const d of ds) {
      assert.strictEqual(d.source, 'seed-review', `source of ${diagnosticCode(d)}`);
      assert.ok(diagnosticCode(d), 'every diagnostic has a code');
      assert.ok(d.message.trim().length > 0, 'every diagnostic has a message');
    }
  });

  test('every diagnostic lies inside its document', async () => {
    const { doc } = await openSeed(SEED_000);
    const ds = await settledDiagnostics(doc.uri);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    for (const d of ds) {
      assert.ok(doc.validateRange(d.range).isEqual(d.range) && d.range.end.isBeforeOrEqual(end),
        `${diagnosticCode(d)} at ${d.range.start.line}:${d.range.start.character} is inside the document`);
    }
  });
});

