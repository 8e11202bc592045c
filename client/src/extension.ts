/**
 * The client: thin. It starts the language server and registers the commands that need the
 * editor (workspace strip with preview, compare two seeds, disable a rule). No analysis here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/shared/serverProcess';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID, Notifications, type IndexStatus } from '../../server/src/shared/protocol';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env: { ...process.env, ...SERVER_ENV } } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6011'], env: { ...process.env, ...SERVER_ENV } },
    },
  };
  const output = vscode.window.createOutputChannel('Seed Review', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: {
      configurationSection: 'seedReview',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.txt'), vscode.workspace.createFileSystemWatcher('**/.seedreview.json')],
    },
    outputChannel: output,
    // restart a crashed server (up to the library's limit) instead of leaving the user without it
    connectionOptions: { maxRestartCount: 5 },
  };
  client = new LanguageClient('seedReview', 'Seed Review', serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem('seedReview.index', { language: LANGUAGE_ID });
  status.name = 'Seed Review';
  status.text = 'Seed Review: starting';
  status.busy = true;
  context.subscriptions.push(status);

  registerCommands(context, () => client);
  await client.start();
  context.subscriptions.push(
    client.onNotification(Notifications.indexStatus, (s: IndexStatus) => {
      const n = (x: number) => x.toLocaleString('en-US');
      if (s.state === 'indexing') {
        status.text = `Indexing ${n(s.indexed)} / ${n(s.total)} seeds`;
        status.busy = true;
      } else {
        status.text = `${n(s.total)} seed${s.total === 1 ? '' : 's'} indexed`;
        status.detail = s.links ? `${n(s.links)} cross-linked sentences` : undefined;
        status.busy = false;
      }
    }),
  );
  status.command = { title: 'Show log', command: 'seedReview.showOutput' };
  context.subscriptions.push(vscode.commands.registerCommand('seedReview.showOutput', () => output.show()));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
