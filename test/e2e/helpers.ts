// Helpers shared by the e2e suites: polling instead of sleeping, opening seeds, reading results.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'seed-review.seed-review';
export const SEED_000 = '000_0de6c06a7072f844.txt';
export const SEED_003 = '003_35d470c25130c666.txt';

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value (returned), or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { timeoutMs = 30_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}` + (lastError ? `: ${String(lastError)}` : ''));
    }
    await delay(intervalMs);
  }
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

export function seedUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'seeds', name);
}

/** Activates the extension under development (normally it activates itself on the workspace). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = await waitFor(`extension ${EXTENSION_ID} to be registered`, () => vscode.extensions.getExtension(EXTENSION_ID), { timeoutMs: 30_000 });
  if (!ext.isActive) await ext.activate();
  return ext;
}

export async function openSeed(name: string, show = true): Promise<{ doc: vscode.TextDocument; editor?: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(seedUri(name));
  const editor = show ? await vscode.window.showTextDocument(doc, { preview: false }) : undefined;
  return { doc, editor };
}

function fingerprint(ds: readonly vscode.Diagnostic[]): string {
  return ds
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${diagnosticCode(d)} ${d.severity}`)
    .sort()
    .join('\n');
}

/**
 * Waits until the diagnostics of `uri` satisfy `accept` (default: at least one) and have not changed
 * for `quietMs`. Polls; never sleeps a fixed time in place of a condition.
 */
export async function settledDiagnostics(
  uri: vscode.Uri,
  { accept = (ds: readonly vscode.Diagnostic[]) => ds.length > 0, quietMs = 750, timeoutMs = 30_000 } = {},
): Promise<vscode.Diagnostic[]> {
  let last = '';
  let since = Date.now();
  return waitFor(`diagnostics of ${uri.path.split('/').pop()} to settle`, () => {
    const ds = vscode.languages.getDiagnostics(uri);
    const fp = fingerprint(ds);
    if (fp !== last) { last = fp; since = Date.now(); return undefined; }
    return accept(ds) && Date.now() - since >= quietMs ? ds : undefined;
  }, { timeoutMs, intervalMs: 100 });
}

export function diagnosticCode(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** Character offsets (UTF-16) of `ch` in line `line` of `doc`. */
export function positionsOf(doc: vscode.TextDocument, line: number, ch: string): vscode.Position[] {
  const text = doc.lineAt(line).text;
  const out: vscode.Position[] = [];
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) out.push(new vscode.Position(line, i));
  return out;
}

export function hoverText(h: vscode.Hover): string {
  return h.contents
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Flattens DocumentSymbol trees (or SymbolInformation lists) to name/line pairs. */
export function flattenSymbols(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): { name: string; detail: string; line: number; depth: number }[] {
  const out: { name: string; detail: string; line: number; depth: number }[] = [];
  const walk = (s: vscode.DocumentSymbol | vscode.SymbolInformation, depth: number) => {
    if ('children' in s) {
      out.push({ name: s.name, detail: s.detail, line: s.range.start.line, depth });
      for (const c of s.children) walk(c, depth + 1);
    } else {
      out.push({ name: s.name, detail: s.containerName, line: s.location.range.start.line, depth });
    }
  };
  for (const s of symbols) walk(s, 0);
  return out;
}

export function isChrome(d: vscode.Diagnostic): boolean {
  return diagnosticCode(d).startsWith('chrome.');
}

/** Non-blank lines of a text, in order (blank lines are collapsed by the fixes, by design). */
export function contentLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((l) => l.trim().length > 0);
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  // the 4th argument resolves (up to that many) actions, so lazily computed edits are filled in
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, kind, 100);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/** Puts the document back to `original` and saves it (the tests work on a temp copy of the seeds,
 *  but later tests expect the original text). */
export async function revert(doc: vscode.TextDocument, original: string): Promise<void> {
  if (doc.getText() !== original) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
    assert.ok(await vscode.workspace.applyEdit(edit), 'restoring the original text applies');
  }
  if (doc.isDirty) await doc.save();
  assert.strictEqual(doc.getText(), original, 'the document is back to its original text');
}

/** Sets a workspace setting for the duration of `fn`, then removes it again. */
export async function withSetting<T>(section: string, key: string, value: unknown, fn: () => Promise<T>): Promise<T> {
  const config = () => vscode.workspace.getConfiguration(section);
  await config().update(key, value, vscode.ConfigurationTarget.Workspace);
  try {
    return await fn();
  } finally {
    await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
}
