import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { applyWorkspaceEdit, makeDoc, makeWorld, readSeed, SEED_000, SEED_003 } from '../helpers';
import type { SeedService } from '../../server/src/service';
import type { TextDocument } from 'vscode-languageserver-textdocument';

async function actionsFor(service: SeedService, doc: TextDocument, d: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  return service.getCodeActions(doc, { diagnostics: d, only });
}

test('the invisible-character fix replaces a no-break space with a space', async () => {
  const w = makeWorld();
  const doc = w.open('file:///s/a.txt', 'Diplomats met to discuss\u00a0normalizing ties.\n');
  const d = await w.service.computeDiagnostics(doc);
  const [fix] = await actionsFor(w.service, doc, d);
  assert.equal(fix.isPreferred, true);
  assert.equal(applyWorkspaceEdit(doc, fix.edit), 'Diplomats met to discuss normalizing ties.\n');
});

test('a stale fix is refused: the text under the diagnostic changed', async () => {
  const w = makeWorld();
  const doc = w.open('file:///s/a.txt', 'A\u00a0b\n');
  const d = await w.service.computeDiagnostics(doc);
  const edited = makeDoc('file:///s/a.txt', 'Ab c\n', 2);
  w.workspace.openDocument(edited);
  const actions = await actionsFor(w.service, edited, d);
  assert.equal(actions.filter((a) => a.edit).length, 0);
});

test('fix edits are versioned: applying one to a newer version fails', async () => {
  const w = makeWorld();
  const doc = w.open('file:///s/a.txt', 'A\u00a0b\n', 7);
  const [fix] = await actionsFor(w.service, doc, await w.service.computeDiagnostics(doc));
  const change = fix.edit?.documentChanges?.[0];
  assert.ok(change && 'textDocument' in change);
  assert.equal(change.textDocument.version, 7);
  assert.throws(() => applyWorkspaceEdit(makeDoc(doc.uri, doc.getText(), 8), fix.edit));
});

test('removing one chrome block removes exactly its lines and leaves one blank line between paragraphs', async () => {
  const w = makeWorld();
  const text = readSeed(SEED_003);
  const doc = w.open('file:///s/003.txt', text);
  const d = (await w.service.computeDiagnostics(doc)).filter((x) => String(x.code).startsWith('chrome.'));
  const footer = d.find((x) => x.code === 'chrome.footer');
  assert.ok(footer, 'footer diagnostic');
  const actions = await actionsFor(w.service, doc, [footer]);
  const remove = actions.find((a) => a.isPreferred);
  assert.ok(remove?.title.startsWith('Remove'));
  const after = applyWorkspaceEdit(doc, remove?.edit);
  assert.ok(!after.includes('Contact us'));
  assert.ok(!after.includes('Sneak a peek at TRT Global'));
  const beforeLines = text.split('\n');
  const afterLines = after.split('\n');
  const removed = beforeLines.filter((l) => !afterLines.includes(l));
  assert.deepEqual(removed, ['Sneak a peek at TRT Global. Share your feedback!', 'Contact us']);
  assert.ok(actions.some((a) => a.title.startsWith('Ignore')), 'ignore here');
  assert.ok(actions.some((a) => a.title === 'Disable rule chrome.footer'), 'disable rule');
});

test('fix-all removes every chrome block and never changes a body line', async () => {
  const w = makeWorld();
  const text = readSeed(SEED_000);
  const doc = w.open('file:///s/000.txt', text);
  const actions = await actionsFor(w.service, doc, [], ['source.fixAll.seedReview']);
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.seedReview');
  const after = applyWorkspaceEdit(doc, actions[0].edit);
  const a = await w.service.analyse(doc);
  const body = a.lines.filter((l) => a.chrome.kinds[l.index] === 'body' || a.chrome.kinds[l.index] === 'header').map((l) => l.text);
  const kept = after.split('\n').filter((l) => l.trim() !== '');
  assert.deepEqual(kept, body, 'exactly the body lines remain, in order');
  assert.ok(!/\n\n\n/.test(after), 'no doubled blank lines');
  assert.ok(after.startsWith(' date 2025-02-28'), 'header kept');
  assert.ok(after.endsWith('\u201d\n'), 'ends with the last paragraph and its line break');
  assert.ok(!after.includes('LATEST NEWS'));
});

test('fix-all keeps CRLF line breaks', async () => {
  const w = makeWorld();
  const text = readSeed(SEED_003).replace(/\n/g, '\r\n');
  const doc = w.open('file:///s/003crlf.txt', text);
  const [fixAll] = await actionsFor(w.service, doc, [], ['source.fixAll']);
  const after = applyWorkspaceEdit(doc, fixAll.edit);
  assert.ok(!/[^\r]\n/.test(after), 'every line break is still CRLF');
  assert.ok(after.includes('Coulter and Darchiev agreed'));
  assert.ok(!after.includes('Contact us'));
});

test('a block hash (fix anchors, ignores) is the hash of its lines joined by \\n, whatever their breaks', async () => {
  const { hashLines, hashText } = await import('../../server/src/service/edits/lineEdits');
  const { splitLines } = await import('../../server/src/service/text/lines');
  const texts = ['Menu\r\nHome\r\n\r\nNews\n\u00a9 2025 \u00e9t\u00e9 \ud83d\ude00\n', '', 'one line', '\n\n\n'];
  for (const text of texts) {
    const lines = splitLines(text);
    for (let start = 0; start < lines.length; start++) {
      for (let end = start; end < lines.length + 1; end++) {
        const joined = lines.slice(start, end + 1).map((l) => l.text).join('\n');
        assert.equal(hashLines(lines, start, end), hashText(joined), `${JSON.stringify(text)} ${start}..${end}`);
      }
    }
  }
  // pinned: anchors written into .seedreview.json files by earlier versions keep matching
  assert.equal(hashText('Menu\nHome'), '93083f27');
});

test('a hash is written as 8 lower-case hex digits, leading zeros kept', async () => {
  const { hashText } = await import('../../server/src/service/edits/lineEdits');
  const { textHash } = await import('../../server/src/service/text/hash');
  for (let k = 0; k < 2000; k++) {
    const s = `line ${k} \u00e9${'x'.repeat(k % 17)}`;
    assert.equal(hashText(s), (textHash(s) >>> 0).toString(16).padStart(8, '0'), s);
  }
});
