/**
 * The LSP binding: thin. It looks documents up, pulls settings per resource, passes
 * cancellation tokens into the pure service and maps its results to the protocol.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  DocumentDiagnosticReportKind,
  FileChangeType,
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
  type DocumentDiagnosticReport,
  DidChangeConfigurationNotification,
  ShowMessageNotification,
  MessageType,
  type InitializeParams,
  type InitializeResult,
  type CancellationToken,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { createSeedService, CancelledError, type SeedService } from './service';
import { resolveSettings, type SeedReviewSettings } from './shared/settings';
import { Commands, FIX_ALL_KIND, Notifications, Requests, type IndexStatus, type StripAllParams, type BestMatchingSeedParams } from './shared/protocol';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from './service';
import { SentenceIndex } from './service/crosslinks/sentenceIndex';
import { DEFAULT_MIN_SCORE } from './service/crosslinks/score';
import { FsWorkspace, type WorkspaceFolderSpec } from './node/fsWorkspace';
import { IgnoreFile, IgnoreFiles } from './node/ignoreFile';
import { LineRecurrence } from './service/corpus';
import { WorkerIndexer } from './node/workerIndexer';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let supportsConfiguration = false;
let supportsPullDiagnostics = false;
let supportsRefresh = false;
let supportsWorkDoneProgress = false;
let folders: { uri: string; path: string }[] = [];
let supportsWorkspaceFolders = false;

// ---- settings: pulled per resource, cached per URI, dropped on change and close -------------
const settingsCache = new Map<string, Promise<SeedReviewSettings>>();
let globalSettings: SeedReviewSettings = resolveSettings({});

/** The workspace folder holding a file, if any (the deepest one). */
function folderOf(uri: string): string | undefined {
  return folders
    .filter((f) => uri === f.uri || uri.startsWith(f.uri.endsWith('/') ? f.uri : f.uri + '/'))
    .sort((a, b) => b.uri.length - a.uri.length)[0]?.uri;
}

/**
 * Settings in force for a resource. Files the editor has open are asked for by their own URI
 * (language-specific values apply to them); files only on disk share their workspace folder's
 * settings, so indexing 10,000 seeds asks once per folder, not once per file.
 */
function getSettings(uri: string): Promise<SeedReviewSettings> {
  if (!supportsConfiguration) return Promise.resolve(globalSettings);
  if (!documents.get(uri)) {
    const folder = folderOf(uri);
    if (folder && folder !== uri) return getSettings(folder);
  }
  let s = settingsCache.get(uri);
  if (!s) {
    s = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'seedReview' })
      .then(resolveSettings, () => globalSettings);
    settingsCache.set(uri, s);
  }
  return s;
}

const log = {
  info: (m: string) => connection.console.info(m),
  warn: (m: string) => connection.console.warn(m),
  error: (m: string) => connection.console.error(m),
};

let workspace: FsWorkspace;
let ignores: IgnoreFiles;
let service: SeedService;

/** Runs a handler; a throw is logged and answered with an error, and the server stays up. */
async function guard<T>(name: string, token: CancellationToken | undefined, fn: () => Promise<T>): Promise<T | ResponseError<void>> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CancelledError || token?.isCancellationRequested) {
      return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    }
    const msg = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
    log.error(`${name} failed: ${msg}`);
    return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  supportsConfiguration = !!caps.workspace?.configuration;
  supportsPullDiagnostics = !!caps.textDocument?.diagnostic;
  supportsRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
  supportsWorkDoneProgress = !!caps.window?.workDoneProgress;
  supportsWorkspaceFolders = !!caps.workspace?.workspaceFolders;
  folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []))
    .filter((f) => f.uri.startsWith('file:'))
    .map((f) => ({ uri: f.uri, path: fileURLToPath(f.uri) }));
  if (params.initializationOptions && typeof params.initializationOptions === 'object') {
    globalSettings = resolveSettings((params.initializationOptions as { settings?: unknown }).settings);
  }

  workspace = new FsWorkspace(
    folders.map((f) => ({ path: f.path, patterns: globalSettings.files })),
    (uri) => documents.get(uri),
  );
  ignores = new IgnoreFiles(folders.map((f) => new IgnoreFile(f.path)));
  for (const f of ignores.files) {
    const problem = f.load();
    if (problem) log.warn(problem);
  }
  service = createSeedService({
    workspace,
    settings: getSettings,
    logger: log,
    ignores,
    lineCounter: new LineRecurrence(),
    sentenceLinker: new SentenceIndex({ minScore: Math.min(globalSettings.matching.minScore, DEFAULT_MIN_SCORE), maxFanOut: 200 }),
    // the index build reads and analyses files on worker threads (the bundle sits beside this one)
    parallel: WorkerIndexer.create(__dirname),
  });

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      diagnosticProvider: { identifier: 'seed-review', interFileDependencies: true, workspaceDiagnostics: false },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Seed Review' },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      executeCommandProvider: { commands: [Commands.ignoreHere] },
      referencesProvider: true,
      documentHighlightProvider: true,
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: { resolveProvider: false },
      workspaceSymbolProvider: true,
      semanticTokensProvider: {
        legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] },
        full: true,
        range: false,
      },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'seed-review' },
  };
});

async function folderSpecs(): Promise<WorkspaceFolderSpec[]> {
  const specs: WorkspaceFolderSpec[] = [];
  for (const f of folders) specs.push({ path: f.path, patterns: (await getSettings(f.uri)).files });
  return specs;
}

let indexRun = 0;
async function reindexCorpus(): Promise<void> {
  const run = ++indexRun;
  workspace.setFolders(await folderSpecs());
  const progress = supportsWorkDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
  progress?.begin('Seed Review: indexing seeds', 0, undefined, true);
  const token = { get isCancellationRequested() { return run !== indexRun || !!progress?.token.isCancellationRequested; } };
  const status = (s: IndexStatus) => void connection.sendNotification(Notifications.indexStatus, s);
  try {
    const result = await service.indexCorpus(token, (p) => {
      progress?.report(p.total ? Math.round((100 * p.indexed) / p.total) : 100, `${p.indexed.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} seeds`);
      status({ state: 'indexing', indexed: p.indexed, total: p.total, sentences: 0, links: 0 });
    });
    status({ state: 'idle', indexed: result.indexed, total: result.total, sentences: service.indexStats.sentences, links: 0 });
  } catch (e) {
    log.error(`indexing failed: ${e instanceof Error ? e.stack : String(e)}`);
  } finally {
    progress?.done();
  }
}

connection.onInitialized(() => {
  if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  if (supportsWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => f.uri));
      folders = folders.filter((f) => !removed.has(f.uri));
      for (const f of e.added) if (f.uri.startsWith('file:')) folders.push({ uri: f.uri, path: fileURLToPath(f.uri) });
      ignores = new IgnoreFiles(folders.map((f) => new IgnoreFile(f.path)));
      for (const f of ignores.files) f.load();
      service.setIgnores(ignores);
      void reindexCorpus();
    });
  }
  service.onDidChangeCorpus(() => scheduleRefresh());
  void reindexCorpus();
});

// ---- diagnostics: pull, with a debounced push fallback --------------------------------------
let refreshTimer: NodeJS.Timeout | undefined;
function scheduleRefresh(): void {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined;
    if (supportsPullDiagnostics) {
      if (supportsRefresh) connection.languages.diagnostics.refresh();
    } else {
      for (const d of documents.all()) schedulePush(d);
    }
  }, 150);
}

const pushTimers = new Map<string, NodeJS.Timeout>();
function schedulePush(doc: TextDocument): void {
  if (supportsPullDiagnostics) return;
  const t = pushTimers.get(doc.uri);
  if (t) clearTimeout(t);
  pushTimers.set(
    doc.uri,
    setTimeout(async () => {
      pushTimers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      try {
        const diagnostics = await service.computeDiagnostics(current);
        noticeIfPartial(current.uri, diagnostics);
        if (documents.get(doc.uri)?.version === current.version) {
          void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
        }
      } catch (e) {
        log.error(`diagnostics failed for ${doc.uri}: ${String(e)}`);
      }
    }, 200),
  );
}

/** Files over seedReview.maxFileSize get a notice the user can dismiss, once per file and session. */
const toldTooLarge = new Set<string>();
function noticeIfPartial(uri: string, items: { code?: unknown; message: string }[]): void {
  const d = items.find((x) => x.code === 'file.too-large');
  if (!d || toldTooLarge.has(uri)) return;
  toldTooLarge.add(uri);
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  void connection.sendNotification(ShowMessageNotification.type, {
    type: MessageType.Warning,
    message: `Seed Review: ${name}: ${d.message} Raise seedReview.maxFileSize to analyse it whole.`,
  });
}

connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const r = await guard('diagnostics', token, async (): Promise<DocumentDiagnosticReport> => {
    const items = await service.computeDiagnostics(doc, token);
    noticeIfPartial(doc.uri, items);
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });
  if (r instanceof ResponseError) throw r;
  return r;
});

documents.onDidOpen((e) => schedulePush(e.document));
documents.onDidChangeContent((e) => schedulePush(e.document));
documents.onDidClose((e) => {
  service.documentClosed(e.document.uri);
  settingsCache.delete(e.document.uri);
  if (!supportsPullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  if (!supportsConfiguration) globalSettings = resolveSettings((change.settings as { seedReview?: unknown } | undefined)?.seedReview);
  void reindexCorpus();
});

connection.onDidChangeWatchedFiles((params) => {
  const ignoreChanged = params.changes.some((c) => c.uri.endsWith('/.seedreview.json'));
  if (ignoreChanged) {
    for (const f of ignores.files) f.load();
    service.setIgnores(ignores);
  }
  workspace.filesChanged(
    params.changes
      .filter((c) => !c.uri.endsWith('/.seedreview.json'))
      .map((c) => ({ uri: c.uri, kind: c.type === FileChangeType.Created ? 'created' : c.type === FileChangeType.Deleted ? 'deleted' : 'changed' })),
  );
});

// ---- features ------------------------------------------------------------------------------
/** A request about one document: nothing if the document is gone, else the guarded answer. */
function forDocument<T>(
  name: string,
  uri: string,
  token: CancellationToken,
  absent: T,
  fn: (doc: TextDocument) => Promise<T>,
): Promise<T | ResponseError<void>> | T {
  const doc = documents.get(uri);
  return doc ? guard(name, token, () => fn(doc)) : absent;
}

connection.onHover((params, token) =>
  forDocument('hover', params.textDocument.uri, token, null, (doc) => service.getHover(doc, params.position, token)),
);

connection.onDocumentSymbol((params, token) =>
  forDocument('documentSymbol', params.textDocument.uri, token, null, (doc) => service.getDocumentSymbols(doc, token)),
);

connection.onCodeAction((params, token) =>
  forDocument('codeAction', params.textDocument.uri, token, null, (doc) => service.getCodeActions(doc, params.context, token)),
);

connection.onReferences((params, token) =>
  forDocument('references', params.textDocument.uri, token, null, (doc) => service.getReferences(doc, params.position, params.context.includeDeclaration, token)),
);

connection.onDocumentHighlight((params, token) =>
  forDocument('documentHighlight', params.textDocument.uri, token, null, (doc) => service.getDocumentHighlights(doc, params.position, token)),
);

connection.onCodeLens((params, token) =>
  forDocument('codeLens', params.textDocument.uri, token, null, (doc) => service.getCodeLenses(doc, token)),
);

connection.languages.inlayHint.on((params, token) =>
  forDocument('inlayHint', params.textDocument.uri, token, null, (doc) => service.getInlayHints(doc, params.range, token)),
);

connection.languages.semanticTokens.on((params, token) =>
  forDocument('semanticTokens', params.textDocument.uri, token, { data: [] as number[] }, async (doc) => ({ data: await service.getSemanticTokens(doc, token) })),
);

connection.onWorkspaceSymbol((params, token) => guard('workspaceSymbol', token, async () => service.getWorkspaceSymbols(params.query)));

connection.onRequest(Requests.stripAllEdits, (params: StripAllParams, token) =>
  guard('stripAllEdits', token, () => service.stripAllEdits({ uris: params?.uris, needsConfirmation: params?.preview !== false }, token)),
);

connection.onRequest(Requests.bestMatchingSeed, (params: BestMatchingSeedParams, token) =>
  guard('bestMatchingSeed', token, async () => {
    const doc = documents.get(params.uri);
    if (!doc) return { uri: null, sharedSentences: 0 };
    return service.bestMatchingSeed(doc);
  }),
);

connection.onExecuteCommand((params, token) =>
  guard('executeCommand', token, async () => {
    if (params.command === Commands.ignoreHere) {
      const arg = params.arguments?.[0] as { uri?: string; code?: string; hash?: string } | undefined;
      if (!arg?.uri || !arg.code || !arg.hash) throw new Error('ignoreHere needs { uri, code, hash }');
      const file = ignores.forUri(arg.uri) ?? ignores.files[0];
      if (!file) throw new Error('no workspace folder to hold .seedreview.json');
      await file.add(arg.uri, arg.code, arg.hash);
      service.setIgnores(ignores);
    }
    return null;
  }),
);

documents.listen(connection);
connection.listen();
