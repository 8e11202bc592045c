/** A minimal LSP client for the benchmarks: spawns the bundled server over stdio and times requests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../server/src/shared/serverProcess';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { REPO } from './sources';

export const SERVER_JS = path.join(REPO, 'server/out/server.js');

export interface BenchServer {
  conn: MessageConnection;
  proc: ChildProcess;
  /** performance.now() when the process was spawned */
  spawnedAt: number;
  uriOf(abs: string): string;
  /** resolves with the time (performance.now()) of the first indexStatus notification with state idle */
  idle: Promise<number>;
  indexing: boolean;
  stderr: string[];
  close(): Promise<void>;
}

export interface ProcMemory {
  /** peak resident set, MB */
  hwmMB: number;
  /** current resident set, MB */
  rssMB: number;
}

/** VmHWM and VmRSS of a live process (Linux); null where /proc is not available. */
export function procMemory(pid: number): ProcMemory | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
    return { hwmMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a live process has used so far (Linux /proc/<pid>/stat); NaN elsewhere. */
export function procCpuSeconds(pid: number): number {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** Spawns the server on a workspace folder and initializes it the way VS Code does (pull diagnostics, configuration). */
export async function startBenchServer(root: string, opts: { cpuProf?: string } = {}): Promise<BenchServer> {
  // started as the client starts it (SERVER_EXEC_ARGV)
  const args = [...SERVER_EXEC_ARGV, ...(opts.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProf}`] : []), SERVER_JS, '--stdio'];
  const spawnedAt = performance.now();
  const proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...SERVER_ENV } });
  const stderr: string[] = [];
  proc.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  let resolveIdle!: (t: number) => void;
  const idle = new Promise<number>((r) => (resolveIdle = r));
  const server: BenchServer = {
    conn,
    proc,
    spawnedAt,
    uriOf: (abs) => pathToFileURL(abs).toString(),
    idle,
    indexing: true,
    stderr,
    async close() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification('exit');
      } catch {
        /* gone */
      }
      await new Promise<void>((r) => {
        if (proc.exitCode !== null) return r();
        const t = setTimeout(() => {
          proc.kill();
          r();
        }, opts.cpuProf ? 10000 : 2000);
        proc.once('exit', () => {
          clearTimeout(t);
          r();
        });
      });
      conn.dispose();
    },
  };
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onNotification('seedReview/indexStatus', (s: { state: string }) => {
    if (s.state === 'idle' && server.indexing) {
      server.indexing = false;
      resolveIdle(performance.now());
    }
  });
  conn.onNotification(() => {});
  conn.listen();
  const rootUri = pathToFileURL(root).toString();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, diagnostics: { refreshSupport: true }, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
      },
      window: { workDoneProgress: true },
    },
  });
  await conn.sendNotification('initialized', {});
  return server;
}

export async function openDoc(s: BenchServer, abs: string, text: string, version = 1): Promise<string> {
  const uri = s.uriOf(abs);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version, text } });
  return uri;
}

export async function pullDiagnostics(s: BenchServer, uri: string): Promise<unknown[]> {
  const r = (await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items?: unknown[] };
  return r.items ?? [];
}
