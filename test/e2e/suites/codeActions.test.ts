import * as assert from 'assert';
import * as vscode from 'vscode';
import { suite, test } from '../runner';
import { SEED_000, codeActions, contentLines, diagnosticCode, isChrome, openSeed, revert, settledDiagnostics } from '../helpers';

suite('code actions', () => {
  test('a chrome quick fix removes exactly that block', async () => {
    const { doc } = await openSeed(SEED_000);
    const original = doc.getText();
    try {
      const ds = await settledDiagnostics(doc.uri, { accept: (all) => all.some(isChrome) });
      const d = ds.find(isChrome)!;
      const actions = await codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const remove = actions.find((a) => /^Remove /.test(a.title) && !/^Remove all /.test(a.title));
      assert.ok(remove, `a "Remove …" quick fix for ${diagnosticCode(d)}; got ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(remove.edit, `"${remove.title}" carries an edit`);
      assert.ok(await vscode.workspace.applyEdit(remove.edit!), 'the edit applies');

      const before = original.split(/\r\n|\r|\n/);
      const block = new Set<number>();
      for (let l = d.range.start.line; l <= d.range.end.line; l++) if (before[l].trim()) block.add(l);
      const expected = contentLines(before.filter((_, i) => !block.has(i)).join('\n'));
      assert.deepStrictEqual(contentLines(doc.getText()), expected,
        `only lines ${d.range.start.line + 1}–${d.range.end.line + 1} (${diagnosticCode(d)}) are gone`);
    } finally {
      await revert(doc, original);
    }
  });

  test('source.fixAll.seedReview removes every chrome block and nothing else', async () => {
    const { doc } = await openSeed(SEED_000);
    const original = doc.getText();
    try {
      const ds = await settledDiagnostics(doc.uri, { accept: (all) => all.some(isChrome) });
      const full = new vscode.Range(0, 0, doc.lineCount, 0);
      const actions = await codeActions(doc.uri, full, 'source.fixAll.seedReview');
      const fixAll = actions.find((a) => a.edit && a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind));
      assert.ok(fixAll, `a source.fixAll action; got ${actions.map((a) => `${a.title} [${a.kind?.value}]`).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fixAll.edit!), 'the edit applies');

      const before = original.split(/\r\n|\r|\n/);
      const chromeLines = new Set<number>();
      for (const d of ds.filter(isChrome)) for (let l = d.range.start.line; l <= d.range.end.line; l++) chromeLines.add(l);
      const expected = contentLines(before.filter((_, i) => !chromeLines.has(i)).join('\n'));
      assert.deepStrictEqual(contentLines(doc.getText()), expected, 'exactly the chrome lines are gone');
      const after = await settledDiagnostics(doc.uri, { accept: (all) => !all.some(isChrome) });
      assert.ok(after.some((x) => diagnosticCode(x) === 'text.invisible-character'), 'other diagnostics remain');
    } finally {
      await revert(doc, original);
    }
  });
});
