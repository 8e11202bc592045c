// Destructive: strips chrome from every seed. index.ts imports it last, and the test puts the
// files back (saved) afterwards, because every suite and the UI steps share the workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { suite, test } from '../runner';
import { SEED_000, SEED_003, isChrome, openSeed, revert, settledDiagnostics, waitFor } from '../helpers';

const CHROME_LINES: Record<string, string[]> = {
  [SEED_000]: ['LATEST NEWS', 'Recommended', "Quark.Models.Entities.Ancestor?.Title?.ToUpperInvariant() Türkiye enters new phase in counterterrorism efforts: Erdoğan"],
  [SEED_003]: ['Contact us', '1 min read', 'Explore', 'Sneak a peek at TRT Global. Share your feedback!'],
};
const BODY_STARTS: Record<string, string[]> = {
  [SEED_000]: ['"The United States raised concerns', 'Coulter and Darchiev agreed', '"Through constructive discussions', 'Lavrov added that based on the outcome'],
  [SEED_003]: ['"The United States raised concerns', 'Coulter and Darchiev agreed', 'US and Russian delegations met in Istanbul'],
};

const lines = (doc: vscode.TextDocument) => doc.getText().split(/\r\n|\r|\n/);

suite('strip chrome from all seeds (destructive, runs last)', () => {
  test('seedReview.stripChromeFromAll { preview: false } removes the chrome of both seeds and keeps every article paragraph', async () => {
    // shown, not just opened: the client pulls diagnostics for visible documents
    const doc003 = (await openSeed(SEED_003)).doc;
    const doc000 = (await openSeed(SEED_000)).doc;
    const docs = [doc000, doc003];
    const originals = docs.map((d) => d.getText());
    // the article paragraphs: lines without chrome diagnostics, per seed
    const bodies: string[][] = [];
    for (const doc of docs) {
      const ds = await settledDiagnostics(doc.uri, { accept: (all) => all.some(isChrome) });
      const chrome = new Set<number>();
      for (const d of ds.filter(isChrome)) for (let l = d.range.start.line; l <= d.range.end.line; l++) chrome.add(l);
      bodies.push(lines(doc).filter((t, i) => t.trim() && !chrome.has(i) && i > 0));
    }
    for (const [i, doc] of docs.entries()) {
      const name = doc.uri.path.split('/').pop()!;
      for (const c of CHROME_LINES[name]) assert.ok(lines(doc).includes(c), `fixture: ${name} has the chrome line ${JSON.stringify(c)}`);
      for (const b of BODY_STARTS[name]) assert.ok(bodies[i].some((l) => l.startsWith(b)), `fixture: ${name} has a body line starting ${JSON.stringify(b)}`);
    }
    try {
      const result = await vscode.commands.executeCommand<{ files: number; blocks: number; applied: boolean }>(
        'seedReview.stripChromeFromAll', { preview: false });
      assert.ok(result, 'the command resolves to a result');
      assert.strictEqual(result.applied, true, 'the edit was applied');
      assert.strictEqual(result.files, 2, 'both seeds were edited');
      assert.ok(result.blocks >= 20, `blocks: ${result.blocks}`);

      for (const [i, doc] of docs.entries()) {
        const name = doc.uri.path.split('/').pop()!;
        await waitFor(`${name} to lose its chrome`, () => !CHROME_LINES[name].some((c) => lines(doc).includes(c)));
        const now = lines(doc);
        for (const c of CHROME_LINES[name]) assert.ok(!now.includes(c), `${name}: ${JSON.stringify(c)} is gone`);
        for (const b of bodies[i]) assert.ok(now.includes(b), `${name}: the article line ${JSON.stringify(b.slice(0, 60))} survives`);
        const left = await settledDiagnostics(doc.uri, { accept: (all) => !all.some(isChrome) });
        assert.ok(!left.some(isChrome), `${name}: no chrome diagnostics are left`);
      }
    } finally {
      for (const [i, doc] of docs.entries()) await revert(doc, originals[i]);
    }
    for (const doc of docs) await settledDiagnostics(doc.uri, { accept: (all) => all.some(isChrome) });
  });
});
