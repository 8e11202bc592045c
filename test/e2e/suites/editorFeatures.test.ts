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

  test('inlay hints are present', async () => {
    const { doc } = await openSeed(SEED_000);
    const full = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await waitFor('inlay hints', async () => {
      const h = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, full);
      return h && h.length > 0 ? h : undefined;
    }, { timeoutMs: 20_000 });
    assert.ok(hints.length > 0);
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
