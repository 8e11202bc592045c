import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type * as lsp from 'vscode-languageclient';
import { Commands, Requests, type BestMatchingSeedResult, type StripAllParams } from '../../server/src/shared/protocol';

type ClientRef = () => LanguageClient | undefined;

async function stripAll(getClient: ClientRef, options?: { preview?: boolean }): Promise<{ files: number; blocks: number; applied: boolean } | undefined> {
  const client = getClient();
  if (!client) {
    void vscode.window.showWarningMessage('Seed Review: the language server is not running.');
    return undefined;
  }
  const preview = options?.preview !== false;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Seed Review: finding chrome in all seed files', cancellable: true },
    async (_progress, token) => {
      try {
        return await client.sendRequest<lsp.WorkspaceEdit & { files: number; blocks: number }>(
          Requests.stripAllEdits,
          { preview } satisfies StripAllParams,
          token,
        );
      } catch (e) {
        if (token.isCancellationRequested) return undefined;
        throw e;
      }
    },
  );
  if (!result) return undefined;
  if (!result.files) {
    void vscode.window.showInformationMessage('Seed Review: no chrome to strip in the seed files.');
    return { files: 0, blocks: 0, applied: false };
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result);
  // with change annotations that need confirmation, VS Code shows its refactor preview first;
  // the whole strip is one edit, so one undo reverts it
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  if (applied && !preview) {
    void vscode.window.setStatusBarMessage(`Seed Review: stripped ${result.blocks} chrome blocks from ${result.files} seeds`, 5000);
  }
  return { files: result.files, blocks: result.blocks, applied };
}

async function compareWithMatching(getClient: ClientRef, uri?: vscode.Uri): Promise<boolean> {
  const client = getClient();
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!client || !target) return false;
  const best = await client.sendRequest<BestMatchingSeedResult>(Requests.bestMatchingSeed, { uri: target.toString() });
  if (!best.uri) {
    void vscode.window.showInformationMessage('Seed Review: no other seed shares a sentence with this one.');
    return false;
  }
  const other = vscode.Uri.parse(best.uri);
  const name = (u: vscode.Uri) => u.path.slice(u.path.lastIndexOf('/') + 1);
  await vscode.commands.executeCommand('vscode.diff', target, other, `${name(target)} \u2194 ${name(other)} (${best.sharedSentences} shared sentences)`);
  return true;
}

/** The commands that need the editor. */
export function registerCommands(context: vscode.ExtensionContext, getClient: ClientRef): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.disableRule, async (code: string) => {
      if (typeof code !== 'string' || !code) return;
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration('seedReview').update(`rules.${code}`, 'off', target);
      void vscode.window.setStatusBarMessage(`Seed Review: rule ${code} turned off`, 4000);
    }),
    vscode.commands.registerCommand(Commands.stripAll, (options?: { preview?: boolean }) => stripAll(getClient, options)),
    vscode.commands.registerCommand(Commands.compareWithMatching, (uri?: vscode.Uri) => compareWithMatching(getClient, uri)),
    vscode.commands.registerCommand(Commands.showReferences, async (uri: string, position: lsp.Position, locations: lsp.Location[]) => {
      const client = getClient();
      if (!client) return;
      const c = client.protocol2CodeConverter;
      await vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(uri),
        c.asPosition(position),
        locations.map((l) => c.asLocation(l)),
      );
    }),
  );
}
