/**
 * Property tests of the chrome fixes: fix-all and every single chrome quick fix remove whole
 * lines only — the block's lines and blank lines the removal leaves doubled — and keep every
 * other line, in order, byte for byte, whatever the line breaks (LF, CRLF, CR, mixed).
 *
 * The check is independent of the service's line splitter: the edits must each cover whole
 * lines, and the text after applying them must equal the original's kept lines concatenated
 * (the last kept line loses its break only when the removal ran to the end of the file).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { makeWorld, readSeed, SEED_000, SEED_003 } from '../helpers';
import { activeChromeBlocks } from '../../server/src/service/features/codeActions';
import { resolveSettings } from '../../server/src/shared/settings';
import { FIX_ALL_KIND } from '../../server/src/shared/protocol';
import { seedMix, seedMixAnyEol, withEol, type Eol } from './fuzzHelpers';

interface RawLine {
  text: string;
  eol: string;
}

/** The test's own line splitter (LF, CRLF, CR). */
function rawLines(text: string): RawLine[] {
  const out: RawLine[] = [];
  const re = /\r\n|\r|\n/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: text.slice(last, m.index), eol: m[0] });
    last = m.index + m[0].length;
  }
  out.push({ text: text.slice(last), eol: '' });
  return out;
}

const BLANK = /^[ \t\u00a0\u200b\ufeff\u2007\u202f\f\v]*$/;

/** The lines an edit list deletes, checking that each edit deletes whole lines and nothing else. */
function deletedLines(lines: RawLine[], edits: TextEdit[]): Set<number> {
  const del = new Set<number>();
  for (const e of edits) {
    assert.equal(e.newText, '', 'a chrome fix only deletes');
    const { start, end } = e.range;
    if (start.character === 0 && end.character === 0 && end.line > start.line) {
      for (let i = start.line; i < end.line; i++) del.add(i); // lines start..end-1 with their breaks
    } else {
      // a run reaching the last line: from the end of the line before (or the file start) to the end of the last line
      assert.equal(end.line, lines.length - 1, `edit ${JSON.stringify(e.range)} must reach the last line`);
      assert.equal(end.character, lines[end.line].text.length, 'the edit ends at the end of the last line');
      if (start.line === 0 && start.character === 0) {
        for (let i = 0; i <= end.line; i++) del.add(i);
      } else {
        assert.equal(start.character, lines[start.line].text.length, 'the edit starts at the end of a line');
        for (let i = start.line + 1; i <= end.line; i++) del.add(i);
      }
    }
  }
  return del;
}

/** What the text must be after deleting those lines. */
function expectedAfter(lines: RawLine[], del: Set<number>): string {
  let out = '';
  let lastKept = -1;
  lines.forEach((l, i) => {
    if (del.has(i)) return;
    out += l.text + l.eol;
    lastKept = i;
  });
  if (lastKept >= 0 && lastKept < lines.length - 1) out = out.slice(0, out.length - lines[lastKept].eol.length);
  return out;
}

function editsOf(action: CodeAction, uri: string, version: number): TextEdit[] {
  const changes = action.edit?.documentChanges ?? [];
  assert.equal(changes.length, 1, `"${action.title}" edits one document`);
  const c = changes[0];
  assert.ok('textDocument' in c && c.textDocument.uri === uri && c.textDocument.version === version, 'a versioned edit of this document');
  return c.edits as TextEdit[];
}

/** Applies a chrome-removal action and checks it against the lines it may remove. */
function checkRemoval(text: string, action: CodeAction, mayRemove: Set<number>, mustRemove: Set<number>, uri: string, version: number): void {
  const lines = rawLines(text);
  const edits = editsOf(action, uri, version);
  const del = deletedLines(lines, edits);
  for (const i of mustRemove) assert.ok(del.has(i), `"${action.title}" must remove line ${i}`);
  for (const i of del) assert.ok(mayRemove.has(i) || BLANK.test(lines[i].text), `"${action.title}" removed line ${i} (${JSON.stringify(lines[i].text.slice(0, 60))}), which is neither chrome nor blank`);
  const after = TextDocument.applyEdits(TextDocument.create(uri, 'seed', version, text), edits);
  assert.equal(after, expectedAfter(lines, del), `"${action.title}": other lines must stay byte for byte`);
}

const settings = resolveSettings({});
const SEEDS = { 'file:///w/seeds/000.txt': readSeed(SEED_000), 'file:///w/seeds/003.txt': readSeed(SEED_003) };

async function checkAllFixes(text: string, siblings: string[]): Promise<number> {
  const files: Record<string, string> = { ...SEEDS };
  siblings.forEach((s, i) => (files[`file:///w/seeds/sib${i}.txt`] = s));
  const w = makeWorld(files);
  await w.service.indexCorpus();
  const uri = 'file:///w/seeds/fuzz.txt';
  const doc = w.open(uri, text, 3);
  const a = await w.service.analyse(doc);
  const blocks = activeChromeBlocks(a, settings);
  const chromeLines = new Set<number>();
  for (const b of blocks) for (let i = b.startLine; i <= b.endLine; i++) chromeLines.add(i);

  const fixAll = (await w.service.getCodeActions(doc, { diagnostics: [], only: [FIX_ALL_KIND] })).find((x) => x.kind === FIX_ALL_KIND);
  assert.equal(!!fixAll, blocks.length > 0, 'fix-all is offered exactly when there is chrome');
  if (fixAll) checkRemoval(text, fixAll, chromeLines, chromeLines, uri, 3);

  const diags: Diagnostic[] = await w.service.computeDiagnostics(doc);
  let checked = 0;
  for (const d of diags) {
    const data = d.data as { fix?: string; startLine?: number; endLine?: number; code?: string } | undefined;
    if (data?.fix !== 'removeChrome') continue;
    const own = new Set<number>();
    for (let i = data.startLine!; i <= data.endLine!; i++) own.add(i);
    const sameKind = new Set<number>();
    for (const b of blocks) if (b.code === data.code) for (let i = b.startLine; i <= b.endLine; i++) sameKind.add(i);
    const actions = await w.service.getCodeActions(doc, { diagnostics: [d] });
    for (const action of actions) {
      if (!action.edit) continue;
      if (action.isPreferred) checkRemoval(text, action, own, own, uri, 3);
      else if (action.title.startsWith('Remove all chrome')) checkRemoval(text, action, chromeLines, chromeLines, uri, 3);
      else checkRemoval(text, action, sameKind, sameKind, uri, 3);
      checked++;
    }
  }
  return checked + (fixAll ? 1 : 0);
}

test('fuzz: fix-all and each chrome quick fix remove whole chrome lines only (LF, CRLF, CR, mixed)', async () => {
  let actions = 0;
  await fc.assert(
    fc.asyncProperty(seedMixAnyEol, fc.array(seedMix, { maxLength: 3 }), async (text, siblings) => {
      actions += await checkAllFixes(text, siblings);
    }),
    { numRuns: 120 },
  );
  assert.ok(actions > 50, `the generator must produce chrome to fix (${actions} actions checked)`);
});

test('the real seeds: every fix keeps the other lines byte for byte in every line-break style', async () => {
  for (const seed of [readSeed(SEED_000), readSeed(SEED_003)]) {
    for (const eol of ['\n', '\r\n', '\r'] as Eol[]) {
      for (const final of [true, false]) {
        const base = final ? seed : seed.replace(/\n+$/, '');
        const n = await checkAllFixes(withEol(base, eol), []);
        assert.ok(n > 3, `fixes were checked (${n})`);
      }
    }
  }
});
