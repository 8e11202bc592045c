import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readSeed, SEED_000, SEED_003 } from '../helpers';
import { makeWorkspace, startServer, until, type LspSession } from './lspClient';

let s: LspSession;
const REL_000 = 'seeds/000_0de6c06a7072f844.txt';
const REL_003 = 'seeds/003_35d470c25130c666.txt';
const text000 = readSeed(SEED_000);

before(async () => {
  s = await startServer(makeWorkspace());
  await s.open(REL_000, text000);
});
after(async () => {
  await s.close();
});

/** The template-leak diagnostic of seed 000 and the code actions offered for it. */
async function templateLeakActions(): Promise<{ leak: Diagnostic; actions: CodeAction[] }> {
  const items = await pull(REL_000);
  const leak = items.find((d) => d.code === 'chrome.template-leak');
  assert.ok(leak);
  const actions = (await s.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri: s.uriOf(REL_000) },
    range: leak.range,
    context: { diagnostics: [leak] },
  })) as CodeAction[];
  return { leak, actions };
}

async function pull(rel: string): Promise<Diagnostic[]> {
  const r = (await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: s.uriOf(rel) } })) as { kind: string; items: Diagnostic[] };
  assert.equal(r.kind, 'full');
  return r.items;
}

test('initialize advertises pull diagnostics with inter-file dependencies and incremental sync', () => {
  const caps = s.capabilities;
  assert.deepEqual(caps.diagnosticProvider, { identifier: 'seed-review', interFileDependencies: true, workspaceDiagnostics: false });
  assert.equal(caps.textDocumentSync.change, 2, 'incremental');
  assert.ok(caps.codeActionProvider.codeActionKinds.includes('source.fixAll.seedReview'));
  assert.equal(caps.hoverProvider, true);
});

test('pull diagnostics on seed 000: chrome blocks and invisible characters, source seed-review', async () => {
  const items = await until('chrome diagnostics after indexing', async () => {
    const d = await pull(REL_000);
    return d.some((x) => String(x.code).startsWith('chrome.')) ? d : undefined;
  });
  assert.ok(items.every((d) => d.source === 'seed-review'));
  assert.ok(items.some((d) => d.code === 'text.invisible-character' && d.range.start.line === 7));
  const codes = new Set(items.map((d) => String(d.code)));
  assert.ok(codes.has('chrome.template-leak'), [...codes].join(','));
  assert.ok(codes.has('chrome.related-headlines'));
  assert.ok(codes.has('chrome.teaser'));
});

test('document symbols: header, article and chrome groups', async () => {
  const symbols = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: s.uriOf(REL_000) } })) as DocumentSymbol[];
  assert.equal(symbols[0].name, 'US, Russia discuss stabilizing embassy operations in Istanbul talks');
  assert.ok(symbols.some((x) => x.name === 'Article'));
  assert.ok(symbols.some((x) => x.name === 'Chrome'));
});

test('hover on the header line', async () => {
  const h = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: s.uriOf(REL_000) }, position: { line: 0, character: 3 } })) as Hover;
  assert.ok(h && typeof h.contents === 'object' && 'value' in h.contents);
  assert.match(h.contents.value, /Seed header/);
});

test('code action: the chrome quick fix removes exactly the block, and fix-all is offered', async () => {
  const { leak, actions } = await templateLeakActions();
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix?.edit?.documentChanges);
  const change = fix.edit.documentChanges[0];
  assert.ok('textDocument' in change);
  assert.equal(change.textDocument.version, 1);
  const doc = TextDocument.create(s.uriOf(REL_000), 'seed', 1, text000);
  const after = TextDocument.applyEdits(doc, change.edits as never);
  assert.ok(!after.includes('Quark.Models.Entities'));
  assert.equal(after.length, text000.length - (text000.split('\n')[leak.range.start.line].length + 1) - 1, 'the line and one surplus blank line go');

  const fixAll = (await s.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri: s.uriOf(REL_000) },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.seedReview'] },
  })) as CodeAction[];
  assert.equal(fixAll.length, 1);
  assert.equal(fixAll[0].kind, 'source.fixAll.seedReview');
});

test('an edit is picked up incrementally and a fix for the old version is refused', async () => {
  const items = await pull(REL_000);
  const nbsp = items.find((d) => d.code === 'text.invisible-character');
  assert.ok(nbsp);
  // the user replaces the no-break space by hand
  await s.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: s.uriOf(REL_000), version: 2 },
    contentChanges: [{ range: nbsp.range, text: ' ' }],
  });
  const actions = (await s.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri: s.uriOf(REL_000) },
    range: nbsp.range,
    context: { diagnostics: [nbsp] },
  })) as CodeAction[];
  assert.equal(actions.filter((a) => a.edit).length, 0, 'no edit offered for text that is gone');
  const after = await pull(REL_000);
  assert.equal(after.filter((d) => d.code === 'text.invisible-character').length, items.filter((d) => d.code === 'text.invisible-character').length - 1);
});

test('push diagnostics for clients without pull support', async () => {
  const s3 = await startServer(makeWorkspace(), { pull: false });
  try {
    await s3.open(REL_003, readSeed(SEED_003));
    const pushed = await until('publishDiagnostics', () =>
      s3.notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { diagnostics: Diagnostic[] }).diagnostics.length > 0),
    );
    const d = (pushed.params as { diagnostics: Diagnostic[] }).diagnostics;
    assert.ok(d.some((x) => x.code === 'chrome.footer'));
  } finally {
    await s3.close();
  }
});

test('settings are pulled per resource: a rule turned off disappears after a configuration change', async () => {
  s.settings = { rules: { chrome: { teaser: 'off' } } };
  await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const items = await until('teaser diagnostics gone', async () => {
    const d = await pull(REL_000);
    return d.some((x) => x.code === 'chrome.teaser') ? undefined : d;
  });
  assert.ok(items.some((x) => x.code === 'chrome.template-leak'));
  s.settings = {};
  await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
});

test('a request for an unknown document answers empty, the server stays up', async () => {
  const h = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nope.txt' }, position: { line: 0, character: 0 } });
  assert.equal(h, null);
  const symbols = await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: s.uriOf(REL_000) } });
  assert.ok(Array.isArray(symbols));
});

test('hover on the first State Department quote of seed 000 names the U.S. State Department', async () => {
  const line = 9;
  const character = text000.split('\n')[line].indexOf('raised');
  const h = await until('quote hover', async () => {
    const r = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: s.uriOf(REL_000) }, position: { line, character } })) as Hover | null;
    return r && typeof r.contents === 'object' && 'value' in r.contents && r.contents.value.includes('Quote by') ? r : undefined;
  });
  assert.ok(typeof h.contents === 'object' && 'value' in h.contents);
  assert.match(h.contents.value, /Quote by U\.S\. State Department/);
});

test('references on the State Department quote in seed 000 reach seed 003', async () => {
  const line = 9;
  const character = text000.split('\n')[line].indexOf('banking');
  const refs = await until('references after indexing', async () => {
    const r = (await s.conn.sendRequest('textDocument/references', {
      textDocument: { uri: s.uriOf(REL_000) },
      position: { line, character },
      context: { includeDeclaration: false },
    })) as { uri: string; range: { start: { line: number } } }[];
    return r.length ? r : undefined;
  });
  assert.ok(refs.some((r) => r.uri === s.uriOf(REL_003) && r.range.start.line === 10), JSON.stringify(refs));
});

test('inlay hints, semantic tokens, code lenses and workspace symbols answer', async () => {
  const uri = s.uriOf(REL_000);
  const hints = (await s.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 130, character: 0 } } })) as { label: string }[];
  assert.ok(hints.some((h) => h.label === '= U.S. State Department'));
  const tokens = (await s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
  assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
  assert.deepEqual(s.capabilities.semanticTokensProvider.legend.tokenTypes, ['quote', 'speaker', 'attributionCue']);
  const lenses = (await s.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { command: { title: string } }[];
  assert.ok(lenses.some((l) => /matching sentence/.test(l.command.title)));
  const symbols = (await s.conn.sendRequest('workspace/symbol', { query: 'Putin' })) as { name: string }[];
  assert.ok(symbols.some((x) => /Putin/.test(x.name)));
});

test('"Ignore here" records the block in .seedreview.json and its diagnostic goes away', async () => {
  const { actions } = await templateLeakActions();
  const ignore = actions.find((a) => a.title.startsWith('Ignore'));
  assert.ok(ignore?.command);
  await s.conn.sendRequest('workspace/executeCommand', { command: ignore.command.command, arguments: ignore.command.arguments });
  const stored = JSON.parse(readFileSync(path.join(s.root, '.seedreview.json'), 'utf8'));
  assert.equal(stored.ignore[0].code, 'chrome.template-leak');
  assert.equal(stored.ignore[0].file, REL_000);
  const after = await pull(REL_000);
  assert.ok(!after.some((d) => d.code === 'chrome.template-leak'));
  assert.ok(after.some((d) => d.code === 'chrome.teaser'), 'other chrome still reported');
});

test('a file over maxFileSize is analysed in part, with a diagnostic and a one-time notice', async () => {
  const s4 = await startServer(makeWorkspace(), { settings: { maxFileSize: 2000 } });
  try {
    const big = 'Officials met in the capital on Thursday to discuss the talks, the ministry said.\n\n'.repeat(100);
    await s4.open('seeds/big.txt', big);
    const r = (await s4.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: s4.uriOf('seeds/big.txt') } })) as { items: Diagnostic[] };
    assert.ok(r.items.some((d) => d.code === 'file.too-large'));
    const notice = await until('showMessage', () => s4.notifications.find((n) => n.method === 'window/showMessage'));
    assert.match((notice.params as { message: string }).message, /maxFileSize/);
    await s4.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: s4.uriOf('seeds/big.txt') } });
    assert.equal(s4.notifications.filter((n) => n.method === 'window/showMessage').length, 1, 'once per file');
  } finally {
    await s4.close();
  }
});
