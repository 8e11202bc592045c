import * as assert from 'assert';
import * as vscode from 'vscode';
import { suite, test } from '../runner';
import { SEED_000, diagnosticCode, hoverText, openSeed, settledDiagnostics, waitFor } from '../helpers';

suite('hover', () => {
  test('hovering an invisible-character diagnostic says something', async () => {
    const { doc } = await openSeed(SEED_000);
    const ds = await settledDiagnostics(doc.uri, {
      accept: (all) => all.some((d) => diagnosticCode(d) === 'text.invisible-character'),
    });
    const d = ds.find((x) => diagnosticCode(x) === 'text.invisible-character' && x.range.start.line === 7)
      ?? ds.find((x) => diagnosticCode(x) === 'text.invisible-character')!;
    const at = d.range.start;
    const hovers = await waitFor('a hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      return h && h.some((x) => hoverText(x).trim().length > 0) ? h : undefined;
    }, { timeoutMs: 15_000 });
    const text = hovers.map(hoverText).join('\n');
    assert.ok(text.trim().length > 0, 'the hover has content');
  });
});
