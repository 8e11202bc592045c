import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands } from '../../server/src/shared/protocol';

/** The commands that need the editor. */
export function registerCommands(context: vscode.ExtensionContext, _client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.disableRule, async (code: string) => {
      if (typeof code !== 'string' || !code) return;
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration('seedReview').update(`rules.${code}`, 'off', target);
      void vscode.window.setStatusBarMessage(`Seed Review: rule ${code} turned off`, 4000);
    }),
  );
}
