import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import assert from 'node:assert/strict';
import { createSeedService, InMemoryWorkspace, type SeedService } from '../server/src/service';
import { resolveSettings, type SeedReviewSettings } from '../server/src/shared/settings';
import { LineRecurrence } from '../server/src/service/corpus';
import { SentenceIndex } from '../server/src/service/crosslinks/sentenceIndex';

export const REPO = path.resolve(__dirname, '..');
export const SEED_000 = 'seeds/000_0de6c06a7072f844.txt';
export const SEED_003 = 'seeds/003_35d470c25130c666.txt';

export function readSeed(rel: string): string {
  return readFileSync(path.join(REPO, rel), 'utf8');
}

export const CURSOR = '$$CURSOR$$';

/** Takes the cursor marker out of a fixture and returns the text and the cursor's offset. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0) throw new Error('fixture has no cursor marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + CURSOR.length), offset };
}

export function makeDoc(uri: string, text: string, version = 1): TextDocument {
  return TextDocument.create(uri, 'seed', version, text);
}

export interface TestWorld {
  service: SeedService;
  workspace: InMemoryWorkspace;
  open(uri: string, text: string, version?: number): TextDocument;
}

/** A service over an in-memory workspace holding the given files, with the corpus stages wired. */
export function makeWorld(files: Record<string, string> = {}, rawSettings: unknown = {}): TestWorld {
  const workspace = new InMemoryWorkspace(files);
  const settings: SeedReviewSettings = resolveSettings(rawSettings);
  const service = createSeedService({
    workspace,
    settings: () => settings,
    lineCounter: new LineRecurrence(),
    sentenceLinker: new SentenceIndex(),
  });
  return {
    service,
    workspace,
    open(uri, text, version = 1) {
      const d = makeDoc(uri, text, version);
      workspace.openDocument(d);
      return d;
    },
  };
}

/** Applies the edits a WorkspaceEdit makes to one document and returns the new text. */
export function applyWorkspaceEdit(doc: TextDocument, edit: WorkspaceEdit | undefined): string {
  if (!edit) throw new Error('no edit');
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === doc.uri) {
      if (change.textDocument.version !== null && change.textDocument.version !== doc.version) {
        throw new Error(`edit is for version ${change.textDocument.version}, document is at ${doc.version}`);
      }
      edits.push(...(change.edits as TextEdit[]));
    }
  }
  edits.push(...(edit.changes?.[doc.uri] ?? []));
  return TextDocument.applyEdits(doc, edits);
}

export const U000 = 'file:///w/seeds/000.txt';
export const U003 = 'file:///w/seeds/003.txt';

/** Both sample seeds as an indexed corpus (closed on disk; open them with world.open). */
export async function seedsWorld(): Promise<TestWorld> {
  const w = makeWorld({ [U000]: readSeed(SEED_000), [U003]: readSeed(SEED_003) });
  await w.service.indexCorpus();
  return w;
}

/** The markdown text of a hover, failing when there is none. */
export function hoverText(h: Hover | null): string {
  assert.ok(h && typeof h.contents === 'object' && 'value' in h.contents, 'a markdown hover');
  return h.contents.value;
}
