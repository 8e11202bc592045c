import * as assert from 'assert';
import * as vscode from 'vscode';
import { suite, test } from '../runner';
import { SEED_000, SEED_003, flattenSymbols, openSeed, waitFor } from '../helpers';

async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return waitFor('document symbols', async () => {
    const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    return s && s.length > 0 ? s : undefined;
  });
}

suite('document symbols', () => {
  test('the outline of seed 000 starts with its header (date and title)', async () => {
    const { doc } = await openSeed(SEED_000);
    const flat = flattenSymbols(await documentSymbols(doc.uri));
    const header = flat.find((s) => s.line === 0);
    assert.ok(header, `a symbol starts on line 1; got ${JSON.stringify(flat.slice(0, 5))}`);
    const text = `${header.name} ${header.detail}`;
    assert.ok(
      text.includes('2025-02-28') || text.includes('US, Russia discuss stabilizing embassy operations'),
      `the header symbol names the date or the title: ${JSON.stringify(header)}`);
  });

  test('the outline groups Article, Chrome and Quotes; Quotes holds U.S. State Department with 2 quotes', async () => {
    const { doc } = await openSeed(SEED_000);
    const symbols = await documentSymbols(doc.uri);
    const names = symbols.map((s) => s.name);
    for (const group of ['Article', 'Chrome', 'Quotes']) {
      assert.ok(names.includes(group), `a top-level "${group}" group; got ${names.join(', ')}`);
    }
    const quotes = symbols.find((s) => s.name === 'Quotes')!;
    const speaker = quotes.children.find((c) => c.name === 'U.S. State Department');
    assert.ok(speaker, `Quotes has a "U.S. State Department" child; got ${quotes.children.map((c) => c.name).join(', ')}`);
    assert.strictEqual(speaker.children.length, 2, `U.S. State Department holds 2 quotes: ${speaker.children.map((c) => c.name).join(' | ')}`);
    assert.ok(speaker.children.some((q) => q.range.start.line === 9), 'one of them is the quote on line 10');
    const chrome = symbols.find((s) => s.name === 'Chrome')!;
    assert.ok(chrome.children.some((c) => c.range.start.line <= 62 && c.range.end.line >= 62),
      'a Chrome child covers line 63 (LATEST NEWS)');
  });
});

suite('workspace symbols', () => {
  test('searching "Putin" finds the speaker in seed 000', async () => {
    await openSeed(SEED_000);
    const symbols = await waitFor('workspace symbols for "Putin"', async () => {
      const s = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Putin');
      return s && s.some((x) => /Putin/.test(x.name)) ? s : undefined;
    });
    const putin = symbols.filter((x) => /Putin/.test(x.name));
    assert.ok(putin.some((x) => x.location.uri.path.endsWith(SEED_000)),
      `a Putin symbol lies in ${SEED_000}: ${putin.map((x) => `${x.name} ${x.location.uri.path.split('/').pop()}:${x.location.range.start.line + 1}`).join(', ')}`);
    assert.ok(!putin.some((x) => x.location.uri.path.endsWith(SEED_003)), `${SEED_003} does not quote Putin`);
  });
});
