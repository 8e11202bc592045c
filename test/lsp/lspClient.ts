import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, rmSync } from 'node:fs';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/shared/serverProcess';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { REPO } from '../helpers';

export interface LspSession {
  conn: MessageConnection;
  proc: ChildProcess;
  root: string;
  uriOf(rel: string): string;
  settings: Record<string, unknown>;
  /** server → client notifications received, by method */
  notifications: { method: string; params: unknown }[];
  refreshes: number;
  /** the server's answer to initialize */
  capabilities: Record<string, any>;
  open(rel: string, text: string, version?: number): Promise<void>;
  close(): Promise<void>;
}

/** Copies the sample seeds to a temporary workspace folder (plus extra files), for a server to index. */
export function makeWorkspace(extra: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'seed-review-lsp-'));
  mkdirSync(path.join(root, 'seeds'));
  for (const f of ['000_0de6c06a7072f844.txt', '003_35d470c25130c666.txt']) {
    copyFileSync(path.join(REPO, 'seeds', f), path.join(root, 'seeds', f));
  }
  for (const [rel, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** Starts the bundled server over stdio and initializes it as VS Code would. */
export async function startServer(root: string, opts: { pull?: boolean; settings?: Record<string, unknown> } = {}): Promise<LspSession> {
  const proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, path.join(REPO, 'server/out/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...SERVER_ENV } });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const session: LspSession = {
    conn,
    proc,
    root,
    settings: opts.settings ?? {},
    notifications: [],
    refreshes: 0,
    capabilities: {},
    uriOf: (rel) => pathToFileURL(path.join(root, rel)).toString(),
    async open(rel, text, version = 1) {
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: session.uriOf(rel), languageId: 'seed', version, text } });
    },
    async close() {
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      conn.dispose();
      proc.kill();
      rmSync(root, { recursive: true, force: true });
    },
  };
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => session.settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => {
    session.refreshes++;
    return null;
  });
  conn.onNotification((method, params) => {
    session.notifications.push({ method, params });
  });
  conn.listen();
  const pull = opts.pull ?? true;
  const init = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).toString(),
    workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }],
    capabilities: {
      workspace: { configuration: true, diagnostics: { refreshSupport: true }, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: {
        ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
      },
      window: { workDoneProgress: true },
    },
  })) as { capabilities: Record<string, any> };
  session.capabilities = init.capabilities;
  await conn.sendNotification('initialized', {});
  return session;
}

/** Waits until a condition holds, polling (no fixed sleeps in assertions). */
export async function until<T>(what: string, f: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
