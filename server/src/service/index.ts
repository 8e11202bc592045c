import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, Diagnostic, DocumentSymbol, Hover, Position } from 'vscode-languageserver-types';
import type { SeedReviewSettings } from '../shared/settings';
import { analyseText, bodySentences, CancelledError, type SeedAnalysis } from './analysis';
import type { SeedWorkspace, FileChange, Disposable } from './workspace';
import { SpeakerRegistry, type LineCounter, type SentenceLinker } from './corpusIndex';
import { splitLines } from './text/lines';
import { offsetAt } from './text/positions';
import { computeDiagnostics, type IgnoreFilter } from './features/diagnostics';
import { getCodeActions } from './features/codeActions';
import { getDocumentSymbols } from './features/documentSymbols';
import { chromeHover, composeHover, headerHover, invisibleHover } from './features/hover';

export { InMemoryWorkspace } from './workspace';
export type { SeedWorkspace, FileChange } from './workspace';
export type { SeedAnalysis } from './analysis';
export { CancelledError } from './analysis';

export interface CancellationTokenLike {
  readonly isCancellationRequested: boolean;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export interface SeedServiceOptions {
  workspace: SeedWorkspace;
  /** the settings in force for a resource */
  settings: (uri: string) => SeedReviewSettings | Promise<SeedReviewSettings>;
  logger?: Logger;
  ignores?: IgnoreFilter;
  lineCounter?: LineCounter;
  sentenceLinker?: SentenceLinker;
}

export interface IndexProgress {
  indexed: number;
  total: number;
}

/** A document as the service sees it: the LSP TextDocument or anything with the same three members. */
export type SeedDocument = Pick<TextDocument, 'uri' | 'version' | 'getText'>;

/** Lets other work through: indexing runs in slices of about this many milliseconds. */
const SLICE_MS = 8;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SeedService {
  readonly workspace: SeedWorkspace;
  readonly logger: Logger;
  readonly speakers = new SpeakerRegistry();
  private readonly settingsFor: SeedServiceOptions['settings'];
  private readonly cache = new Map<string, { version: number; epoch: number; analysis: SeedAnalysis }>();
  private readonly lineCounter?: LineCounter;
  private readonly sentenceLinker?: SentenceLinker;
  private ignores?: IgnoreFilter;
  /** bumped whenever corpus-wide state changes, so cached analyses that read it are redone */
  private epoch = 0;
  private readonly listeners = new Set<() => void>();
  private readonly fileWatch: Disposable;
  private indexedOnce = false;

  constructor(opts: SeedServiceOptions) {
    this.workspace = opts.workspace;
    this.logger = opts.logger ?? silentLogger;
    this.settingsFor = opts.settings;
    this.ignores = opts.ignores;
    this.lineCounter = opts.lineCounter;
    this.sentenceLinker = opts.sentenceLinker;
    this.fileWatch = this.workspace.onDidChangeFiles((changes) => {
      void this.filesChanged(changes);
    });
  }

  dispose(): void {
    this.fileWatch.dispose();
    this.listeners.clear();
  }

  setIgnores(ignores: IgnoreFilter | undefined): void {
    this.ignores = ignores;
    this.fireChanged();
  }

  /** Called when corpus-wide state changed (index built, file on disk changed): cross-file results may differ. */
  onDidChangeCorpus(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fireChanged(): void {
    this.epoch++;
    for (const l of this.listeners) {
      try {
        l();
      } catch (e) {
        this.logger.error(`corpus listener failed: ${String(e)}`);
      }
    }
  }

  async getSettings(uri: string): Promise<SeedReviewSettings> {
    return await this.settingsFor(uri);
  }

  /** The cached analysis of this document version, computing it if needed. */
  async analyse(doc: SeedDocument, token?: CancellationTokenLike): Promise<SeedAnalysis> {
    const settings = await this.getSettings(doc.uri);
    return this.analyseWith(doc, settings, token);
  }

  analyseWith(doc: SeedDocument, settings: SeedReviewSettings, token?: CancellationTokenLike): SeedAnalysis {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version && cached.epoch === this.epoch) return cached.analysis;
    const text = doc.getText();
    const analysis = this.analyseUncached(doc.uri, doc.version, text, settings, token);
    this.cache.set(doc.uri, { version: doc.version, epoch: this.epoch, analysis });
    if (!cached || cached.version !== doc.version) this.reindexOpenDocument(doc.uri, analysis);
    return analysis;
  }

  private analyseUncached(uri: string, version: number, text: string, settings: SeedReviewSettings, token?: CancellationTokenLike): SeedAnalysis {
    const counter = this.lineCounter;
    return analyseText(uri, version, text, {
      recurrence: counter ? (line) => counter.count(line, uri) : undefined,
      corpusFiles: Math.max(1, counter?.fileCount ?? 1),
      maxFileSize: settings.maxFileSize,
      isCancelled: token ? () => token.isCancellationRequested : undefined,
    });
  }

  /** An edited document is re-indexed on its own: its lines and body sentences replace its old ones. */
  private reindexOpenDocument(uri: string, a: SeedAnalysis): void {
    if (!this.workspace.isCorpusFile(uri)) return;
    this.lineCounter?.setFile(uri, a.lines.map((l) => l.text));
    this.sentenceLinker?.setFile(uri, bodySentences(a));
    this.speakers.setFile(uri, a);
  }

  documentClosed(uri: string): void {
    this.cache.delete(uri);
  }

  async computeDiagnostics(doc: SeedDocument, token?: CancellationTokenLike): Promise<Diagnostic[]> {
    const settings = await this.getSettings(doc.uri);
    const a = this.analyseWith(doc, settings, token);
    return computeDiagnostics(a, settings, this.ignores);
  }

  async getHover(doc: SeedDocument, position: Position, token?: CancellationTokenLike): Promise<Hover | null> {
    const a = await this.analyse(doc, token);
    const offset = offsetAt(a.lines, position);
    const line = Math.min(position.line, a.lines.length - 1);
    return composeHover([headerHover(a, offset, line, null), invisibleHover(a, offset, line, null), chromeHover(a, offset, line, null)]);
  }

  async getDocumentSymbols(doc: SeedDocument, token?: CancellationTokenLike): Promise<DocumentSymbol[]> {
    return getDocumentSymbols(await this.analyse(doc, token));
  }

  async getCodeActions(doc: SeedDocument, context: CodeActionContext, token?: CancellationTokenLike): Promise<CodeAction[]> {
    const settings = await this.getSettings(doc.uri);
    const a = this.analyseWith(doc, settings, token);
    return getCodeActions(a, context, settings, this.ignores);
  }

  /**
   * Builds the corpus-wide state over every corpus file, open or not: first how often each line
   * recurs (the chrome classifier reads it), then each file's body sentences and speakers.
   * Runs in slices so requests get through; stops when the token is cancelled.
   */
  async indexCorpus(token?: CancellationTokenLike, onProgress?: (p: IndexProgress) => void): Promise<IndexProgress> {
    const uris = await this.workspace.listCorpusFiles();
    const total = uris.length;
    let sliceStart = Date.now();
    const maybeYield = async () => {
      if (Date.now() - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = Date.now();
      }
    };
    if (this.lineCounter) {
      for (const uri of uris) {
        if (token?.isCancellationRequested) return { indexed: 0, total };
        const text = await this.workspace.readText(uri);
        if (text !== undefined) this.lineCounter.setFile(uri, splitLines(text).map((l) => l.text));
        await maybeYield();
      }
    }
    this.epoch++;
    let indexed = 0;
    for (const uri of uris) {
      if (token?.isCancellationRequested) break;
      await this.indexFile(uri);
      indexed++;
      if (onProgress && (indexed % 100 === 0 || indexed === total)) onProgress({ indexed, total });
      await maybeYield();
    }
    this.indexedOnce = true;
    this.fireChanged();
    return { indexed, total };
  }

  get isIndexed(): boolean {
    return this.indexedOnce;
  }

  private async indexFile(uri: string): Promise<void> {
    try {
      const open = this.workspace.getOpenDocument(uri);
      const text = open ? open.getText() : await this.workspace.readText(uri);
      if (text === undefined) {
        this.forgetFile(uri);
        return;
      }
      const settings = await this.getSettings(uri);
      const a = this.analyseUncached(uri, open?.version ?? -1, text, settings);
      this.sentenceLinker?.setFile(uri, bodySentences(a));
      this.speakers.setFile(uri, a);
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      this.logger.warn(`could not index ${uri}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private forgetFile(uri: string): void {
    this.lineCounter?.removeFile(uri);
    this.sentenceLinker?.removeFile(uri);
    this.speakers.removeFile(uri);
    this.cache.delete(uri);
  }

  /** Files created, changed or deleted on disk: only those files are re-indexed. */
  async filesChanged(changes: readonly FileChange[]): Promise<void> {
    let any = false;
    for (const c of changes) {
      if (c.kind === 'deleted' || !this.workspace.isCorpusFile(c.uri)) {
        this.forgetFile(c.uri);
        any = true;
        continue;
      }
      if (this.workspace.getOpenDocument(c.uri)) continue; // the editor's text wins over the disk's
      const text = await this.workspace.readText(c.uri);
      if (text === undefined) {
        this.forgetFile(c.uri);
      } else {
        this.lineCounter?.setFile(c.uri, splitLines(text).map((l) => l.text));
        await this.indexFile(c.uri);
      }
      any = true;
    }
    if (any) this.fireChanged();
  }
}

export function createSeedService(opts: SeedServiceOptions): SeedService {
  return new SeedService(opts);
}
