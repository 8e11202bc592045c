import * as assert from 'assert';
import * as vscode from 'vscode';
import { suite, test } from '../runner';
import { SEED_000, SEED_003, hoverText, openSeed, waitFor } from '../helpers';

suite('editor features', () => {
  test('hover on a quote names its speaker', async () => {
    const { doc } = await openSeed(SEED_000);
    // line 10: "The United States raised concerns …," U.S. State Department said in a statement.
    const line = doc.lineAt(9).text;
    assert.ok(line.startsWith('"The United States raised concerns'), 'fixture: line 10 is the State Department quote');
    const at = new vscode.Position(9, 10);
    const text = await waitFor('a hover naming the speaker', async () => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      const t = (hs ?? []).map(hoverText).join('\n');
      return /State Department/.test(t) ? t : undefined;
    }, { timeoutMs: 20_000 });
    assert.match(text, /State Department/);
  });

  test('references of a shared sentence reach the other seed', async () => {
    const { doc } = await openSeed(SEED_000);
    const at = new vscode.Position(9, 10);
    const locations = await waitFor(`a reference in ${SEED_003}`, async () => {
      const ls = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at);
      return (ls ?? []).some((l) => l.uri.path.endsWith(SEED_003)) ? ls : undefined;
    }, { timeoutMs: 30_000 });
    assert.ok(locations.some((l) => l.uri.path.endsWith(SEED_003)));
  });

  test('an inlay hint "= U.S. State Department" follows "it" on line 12', async () => {
    const { doc } = await openSeed(SEED_000);
    const full = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await waitFor('inlay hints', async () => {
      const h = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, full);
      return h && h.length > 0 ? h : undefined;
    }, { timeoutMs: 20_000 });
    const label = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    const onLine12 = hints.filter((h) => h.position.line === 11);
    const hint = onLine12.find((h) => label(h).includes('U.S. State Department'));
    assert.ok(hint, `a U.S. State Department hint on line 12; got ${onLine12.map((h) => `${h.position.character}:${label(h)}`).join(', ') || 'none'}`);
    assert.match(label(hint).trim(), /^=\s*U\.S\. State Department$/);
    const before = doc.lineAt(11).text.slice(0, hint.position.character);
    assert.match(before, /\bit\s*$/, `the hint follows "it": …${before.slice(-20)}`);
  });

  test('code lenses show matching sentences above paragraphs with cross-links', async () => {
    const { doc } = await openSeed(SEED_000);
    const lenses = await waitFor('a "matching sentence" code lens', async () => {
      const ls = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
      return ls && ls.some((l) => /matching sentence/.test(l.command?.title ?? '')) ? ls : undefined;
    }, { timeoutMs: 30_000 });
    const lens = lenses.find((l) => l.range.start.line === 9 && /matching sentence/.test(l.command?.title ?? ''));
    assert.ok(lens, `a lens above line 10; got ${lenses.map((l) => `${l.range.start.line + 1}: ${l.command?.title}`).join(' | ')}`);
    assert.match(lens.command!.title, /^\u2194 \d+ matching sentences? in 1 other seed$/);
  });

  test('document highlights mark the shared sentence under the cursor', async () => {
    const { doc } = await openSeed(SEED_000);
    const at = new vscode.Position(9, 10);
    const hs = await waitFor('document highlights', async () => {
      const h = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, at);
      return h && h.length > 0 ? h : undefined;
    }, { timeoutMs: 20_000 });
    assert.ok(hs.some((h) => h.range.contains(at)), `a highlight covers 10:11; got ${hs.map((h) => `${h.range.start.line + 1}:${h.range.start.character + 1}`).join(', ')}`);
  });

  test('hover on a chrome block shows its rule and evidence', async () => {
    const { doc } = await openSeed(SEED_000);
    assert.strictEqual(doc.lineAt(62).text.trim(), 'LATEST NEWS', 'fixture: line 63 is LATEST NEWS');
    const at = new vscode.Position(62, 2);
    const text = await waitFor('a chrome hover', async () => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      const t = (hs ?? []).map(hoverText).join('\n');
      return /Evidence/.test(t) ? t : undefined;
    }, { timeoutMs: 20_000 });
    assert.match(text, /Chrome: .*chrome\.section-label/);
    assert.match(text, /LATEST NEWS/);
    assert.match(text, /Evidence:\n- /);
    assert.match(text, /position: after the end of the article/);
  });

  test('compare with matching seed opens a diff of seed 000 and seed 003', async () => {
    await openSeed(SEED_000);
    const ok = await vscode.commands.executeCommand<boolean>('seedReview.compareWithMatchingSeed');
    assert.strictEqual(ok, true, 'the command resolves true');
    const input = await waitFor('a diff editor', () => {
      const i = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return i instanceof vscode.TabInputTextDiff ? i : undefined;
    }, { timeoutMs: 20_000 });
    try {
      assert.ok(input.original.path.endsWith(SEED_000), `left: ${input.original.path}`);
      assert.ok(input.modified.path.endsWith(SEED_003), `right: ${input.modified.path}`);
    } finally {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      if (tab && tab.input instanceof vscode.TabInputTextDiff) await vscode.window.tabGroups.close(tab);
    }
  });

  test('semantic tokens are present', async () => {
    const { doc } = await openSeed(SEED_000);
    const tokens = await waitFor('semantic tokens', async () => {
      const t = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
      return t && t.data.length > 0 ? t : undefined;
    }, { timeoutMs: 20_000 });
    assert.ok(tokens.data.length % 5 === 0 && tokens.data.length > 0);
  });
});
