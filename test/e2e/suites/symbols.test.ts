import * as assert from 'assert';
import * as vscode from 'vscode';
import { suite, test } from '../runner';
import { SEED_000, flattenSymbols, openSeed, waitFor } from '../helpers';

suite('document symbols', () => {
  test('the outline of seed 000 starts with its header (date and title)', async () => {
    const { doc } = await openSeed(SEED_000);
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
        'vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length > 0 ? s : undefined;
    });
    const flat = flattenSymbols(symbols);
    const header = flat.find((s) => s.line === 0);
    assert.ok(header, `a symbol starts on line 1; got ${JSON.stringify(flat.slice(0, 5))}`);
    const text = `${header.name} ${header.detail}`;
    assert.ok(
      text.includes('2025-02-28') || text.includes('US, Russia discuss stabilizing embassy operations'),
      `the header symbol names the date or the title: ${JSON.stringify(header)}`);
  });
});
