import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  AnnotatedTextEdit,
  CodeAction,
  CodeActionContext,
  CodeLens,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  SymbolInformation,
  TextDocumentEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { SeedReviewSettings } from '../shared/settings';
import { analyseText, bodySentences, CancelledError, type SeedAnalysis } from './analysis';
import type { SeedWorkspace, FileChange, Disposable } from './workspace';
import type { Sentence } from './types';
import { SpeakerRegistry, type DigestJob, type FileDigest, type LineCounter, type ParallelIndexer, type SentenceLinker } from './corpusIndex';
import { shareWork } from './workShare';
import { fileLineKeys } from './corpus/recurrenceTable';
import { splitLines } from './text/lines';
import { offsetAt } from './text/positions';
import { computeDiagnostics, type IgnoreFilter } from './features/diagnostics';
import { getCodeActions } from './features/codeActions';
import { getDocumentSymbols } from './features/documentSymbols';
import { chromeHover, composeHover, headerHover, invisibleHover } from './features/hover';
import { activeChromeBlocks, chromeRemovalEdits } from './features/codeActions';
import { quoteHover, semanticTokens, speakerInlayHints, speakerSymbols } from './features/quotes';
import {
  bestMatchingFile,
  crossLinkHighlights,
  crossLinkHover,
  crossLinkLenses,
  crossLinkReferences,
  type CrossLinkContext,
} from './features/crossLinks';
import type { SentenceMatches } from './crosslinks/sentenceIndex';

export { InMemoryWorkspace } from './workspace';
export type { SeedWorkspace, FileChange } from './workspace';
export type { SeedAnalysis } from './analysis';
export { SEMANTIC_TOKEN_TYPES, SEMANTIC_TOKEN_MODIFIERS } from './features/quotes';
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
  /** other threads to index on when the corpus is large (the line counter must support it) */
  parallel?: ParallelIndexer;
}

export interface IndexProgress {
  indexed: number;
  total: number;
}

/** A document as the service sees it: the LSP TextDocument or anything with the same three members. */
export type SeedDocument = Pick<TextDocument, 'uri' | 'version' | 'getText'>;

/** An edited document's lines and sentences go into the corpus index this long after the last edit. */
const REINDEX_DELAY_MS = 300;

/** While the index is being built, a document's cross-links are reused for this long. */
const LINKS_REUSE_WHILE_INDEXING_MS = 1000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A copy of a sentence whose text does not share memory with the file it came from: a slice of
 * a string keeps the whole string alive, and the index holds sentences of every corpus file.
 */
function detached(s: Sentence): Sentence {
  return { ...s, text: decoder.decode(encoder.encode(s.text)) };
}

/** Analyses kept for documents the editor does not have open (the CLI, indexing, hovers on others). */
const MAX_CACHED_CLOSED = 32;

/** A full index build of at least this many files runs on `parallel` threads when there are any. */
export const PARALLEL_INDEX_MIN_FILES = 300;

/** Lets other work through: indexing runs in slices of about this many milliseconds. */
const SLICE_MS = 4;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SeedService {
  readonly workspace: SeedWorkspace;
  readonly logger: Logger;
  readonly speakers = new SpeakerRegistry();
  private readonly settingsFor: SeedServiceOptions['settings'];
  private readonly cache = new Map<string, { version: number; epoch: number; analysis: SeedAnalysis }>();
  private readonly linkCache = new Map<string, { version: number; indexVersion: number; minScore: number; at: number; matches: SentenceMatches[] }>();
  private indexing = false;
  private readonly lineCounter?: LineCounter;
  private readonly sentenceLinker?: SentenceLinker;
  private parallel?: ParallelIndexer;
  private ignores?: IgnoreFilter;
  /** bumped whenever corpus-wide state changes, so cached analyses that read it are redone */
  private epoch = 0;
  private readonly listeners = new Set<() => void>();
  private readonly fileWatch: Disposable;
  private indexedOnce = false;
  /** edited open documents whose corpus entries are not yet updated (see scheduleReindex) */
  private readonly pendingReindex = new Map<string, SeedAnalysis>();
  private reindexTimer: ReturnType<typeof setTimeout> | undefined;
  /** the files the corpus-wide state holds */
  private readonly indexed = new Set<string>();

  constructor(opts: SeedServiceOptions) {
    this.workspace = opts.workspace;
    this.logger = opts.logger ?? silentLogger;
    this.settingsFor = opts.settings;
    this.ignores = opts.ignores;
    this.lineCounter = opts.lineCounter;
    this.sentenceLinker = opts.sentenceLinker;
    this.parallel = opts.parallel;
    this.fileWatch = this.workspace.onDidChangeFiles((changes) => {
      void this.filesChanged(changes);
    });
  }

  dispose(): void {
    if (this.reindexTimer) clearTimeout(this.reindexTimer);
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
    this.cache.delete(doc.uri); // re-insert: the map's order is the order of use
    this.cache.set(doc.uri, { version: doc.version, epoch: this.epoch, analysis });
    this.evictClosed();
    if ((!cached || cached.version !== doc.version) && this.workspace.getOpenDocument(doc.uri)) this.scheduleReindex(doc.uri, analysis);
    return analysis;
  }

  /** Keeps every open document's analysis, and only the most recently used of the others. */
  private evictClosed(): void {
    let closed = 0;
    for (const uri of this.cache.keys()) if (!this.workspace.getOpenDocument(uri)) closed++;
    if (closed <= MAX_CACHED_CLOSED) return;
    for (const uri of [...this.cache.keys()]) {
      if (closed <= MAX_CACHED_CLOSED) break;
      if (this.workspace.getOpenDocument(uri)) continue;
      this.cache.delete(uri);
      this.linkCache.delete(uri);
      closed--;
    }
  }

  private analyseUncached(uri: string, version: number, text: string, settings: SeedReviewSettings, token?: CancellationTokenLike): SeedAnalysis {
    const counter = this.lineCounter;
    return analyseText(uri, version, text, {
      recurrence: counter ? (line, i) => counter.count(line, uri, i) : undefined,
      corpusFiles: Math.max(1, counter?.fileCount ?? 1),
      maxFileSize: settings.maxFileSize,
      isCancelled: token ? () => token.isCancellationRequested : undefined,
    });
  }

  /**
   * Typing should not pay for re-indexing: an edited document's corpus entries are updated once
   * edits pause, or at once when cross-links of that document are asked for.
   */
  private scheduleReindex(uri: string, a: SeedAnalysis): void {
    if (!this.workspace.isCorpusFile(uri)) return;
    this.pendingReindex.set(uri, a);
    if (this.reindexTimer) clearTimeout(this.reindexTimer);
    this.reindexTimer = setTimeout(() => this.flushReindex(), REINDEX_DELAY_MS);
    this.reindexTimer.unref?.();
  }

  /** Applies pending re-indexing: of one document, or of all. */
  flushReindex(uri?: string): void {
    const entries = uri ? [[uri, this.pendingReindex.get(uri)] as const] : [...this.pendingReindex.entries()];
    for (const [u, a] of entries) {
      if (!a) continue;
      this.pendingReindex.delete(u);
      this.reindexOpenDocument(u, a);
    }
    if (!this.pendingReindex.size && this.reindexTimer) {
      clearTimeout(this.reindexTimer);
      this.reindexTimer = undefined;
    }
  }

  /** An edited document is re-indexed on its own: its lines and body sentences replace its old ones. */
  private reindexOpenDocument(uri: string, a: SeedAnalysis): void {
    if (!this.workspace.isCorpusFile(uri)) return;
    this.lineCounter?.setFile(uri, a.lines.map((l) => l.text));
    this.sentenceLinker?.setFile(uri, bodySentences(a));
    this.speakers.setFile(uri, a);
    this.indexed.add(uri);
  }

  /** A closed document's unsaved edits are gone: the corpus takes the file from disk again. */
  documentClosed(uri: string): void {
    this.cache.delete(uri);
    this.linkCache.delete(uri);
    if (this.workspace.isCorpusFile(uri)) void this.filesChanged([{ uri, kind: 'changed' }]);
  }

  async computeDiagnostics(doc: SeedDocument, token?: CancellationTokenLike): Promise<Diagnostic[]> {
    const settings = await this.getSettings(doc.uri);
    const a = this.analyseWith(doc, settings, token);
    return computeDiagnostics(a, settings, this.ignores);
  }

  async getHover(doc: SeedDocument, position: Position, token?: CancellationTokenLike): Promise<Hover | null> {
    const settings = await this.getSettings(doc.uri);
    const a = this.analyseWith(doc, settings, token);
    const offset = offsetAt(a.lines, position);
    const line = Math.min(position.line, a.lines.length - 1);
    return composeHover([
      headerHover(a, offset, line, null),
      quoteHover(a, offset, this.speakers),
      crossLinkHover(a, offset, this.crossLinkContext(a, settings)),
      invisibleHover(a, offset, line, null),
      chromeHover(a, offset, line, null),
    ]);
  }

  /** A short name for a corpus file: its path relative to the common folder, else its base name. */
  fileLabel(uri: string): string {
    const p = uri.startsWith('file:') ? decodeURIComponent(uri.replace(/^file:\/\/[^/]*/, '')) : uri;
    return p.slice(p.lastIndexOf('/') + 1);
  }

  /** This document's sentences that other corpus files carry, filtered by the settings in force. */
  getCrossLinks(a: SeedAnalysis, settings: SeedReviewSettings): SentenceMatches[] {
    const linker = this.sentenceLinker;
    if (!linker) return [];
    if (this.pendingReindex.size) this.flushReindex(a.uri);
    const cached = this.freshLinks(a, settings);
    if (cached) return cached;
    const matches = linker
      .fileMatches(a.uri)
      .map((m) => this.filterLinks(m, settings))
      .filter((m): m is SentenceMatches => !!m);
    this.linkCache.set(a.uri, { version: a.version, indexVersion: linker.version, minScore: settings.matching.minScore, at: Date.now(), matches });
    return matches;
  }

  private freshLinks(a: SeedAnalysis, settings: SeedReviewSettings): SentenceMatches[] | undefined {
    const cached = this.linkCache.get(a.uri);
    if (!cached || cached.version !== a.version || cached.minScore !== settings.matching.minScore) return undefined;
    if (cached.indexVersion === this.sentenceLinker?.version) return cached.matches;
    // the index changes after every file while it is built: a second-old answer is good enough
    if (this.indexing && Date.now() - cached.at < LINKS_REUSE_WHILE_INDEXING_MS) return cached.matches;
    return undefined;
  }

  /** Links at or above the minimum score, at most maxLinksPerSentence; undefined when none is left. */
  private filterLinks(m: SentenceMatches, settings: SeedReviewSettings): SentenceMatches | undefined {
    const links = m.links.filter((l) => l.score >= settings.matching.minScore);
    if (!links.length) return undefined;
    const dropped = m.links.length - links.length;
    return { sentence: m.sentence, links: links.slice(0, settings.matching.maxLinksPerSentence), totalFiles: m.totalFiles - dropped };
  }

  /** The links of the sentence at an offset: from the file's links when at hand, else that sentence alone. */
  private linksAt(a: SeedAnalysis, settings: SeedReviewSettings, offset: number): SentenceMatches | undefined {
    const linker = this.sentenceLinker;
    if (!linker) return undefined;
    if (this.pendingReindex.size) this.flushReindex(a.uri);
    const cached = this.freshLinks(a, settings);
    if (cached) return cached.find((m) => offset >= m.sentence.start && offset <= m.sentence.end);
    const s = a.sentences.find((x) => offset >= x.start && offset <= x.end);
    if (!s || a.chrome.kinds[s.line] !== 'body') return undefined;
    const m = linker.matchesForSentence(a.uri, s.index);
    return m && this.filterLinks(m, settings);
  }

  private crossLinkContext(a: SeedAnalysis, settings: SeedReviewSettings): CrossLinkContext {
    let all: SentenceMatches[] | undefined;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    return {
      get matches() {
        return (all ??= self.getCrossLinks(a, settings));
      },
      matchAt: (offset) => (all ? all.find((m) => offset >= m.sentence.start && offset <= m.sentence.end) : this.linksAt(a, settings, offset)),
      fileLabel: (uri) => this.fileLabel(uri),
    };
  }

  async getReferences(doc: SeedDocument, position: Position, includeDeclaration: boolean, token?: CancellationTokenLike): Promise<Location[]> {
    const settings = await this.getSettings(doc.uri);
    const a = this.analyseWith(doc, settings, token);
    return crossLinkReferences(a, offsetAt(a.lines, position), this.crossLinkContext(a, settings), includeDeclaration);
  }

  async getDocumentHighlights(doc: SeedDocument, position: Position, token?: CancellationTokenLike): Promise<DocumentHighlight[]> {
    const settings = await this.getSettings(doc.uri);
    const a = this.analyseWith(doc, settings, token);
    return crossLinkHighlights(a, offsetAt(a.lines, position), this.crossLinkContext(a, settings));
  }

  async getCodeLenses(doc: SeedDocument, token?: CancellationTokenLike): Promise<CodeLens[]> {
    const settings = await this.getSettings(doc.uri);
    if (!settings.codeLens.crossLinks) return [];
    const a = this.analyseWith(doc, settings, token);
    return crossLinkLenses(a, this.crossLinkContext(a, settings));
  }

  async getSemanticTokens(doc: SeedDocument, token?: CancellationTokenLike): Promise<number[]> {
    return semanticTokens(await this.analyse(doc, token));
  }

  async getInlayHints(doc: SeedDocument, range: Range, token?: CancellationTokenLike): Promise<InlayHint[]> {
    const settings = await this.getSettings(doc.uri);
    if (!settings.inlayHints.speakers) return [];
    return speakerInlayHints(this.analyseWith(doc, settings, token), range);
  }

  getWorkspaceSymbols(query: string): SymbolInformation[] {
    return speakerSymbols(this.speakers, query, (uri) => this.fileLabel(uri));
  }

  /** The corpus file that shares the most cross-linked sentences with this document. */
  async bestMatchingSeed(doc: SeedDocument): Promise<{ uri: string | null; sharedSentences: number }> {
    const settings = await this.getSettings(doc.uri);
    const a = this.analyseWith(doc, settings);
    return bestMatchingFile(this.crossLinkContext(a, settings));
  }

  /**
   * One WorkspaceEdit that strips chrome from every corpus file (or the given ones). With
   * `needsConfirmation`, every edit carries a change annotation so the editor shows its refactor
   * preview first. Open documents are edited at their version; a stale one is refused by the editor.
   */
  async stripAllEdits(
    opts: { uris?: string[]; needsConfirmation?: boolean },
    token?: CancellationTokenLike,
    onProgress?: (p: IndexProgress) => void,
  ): Promise<WorkspaceEdit & { files: number; blocks: number }> {
    const uris = opts.uris ?? (await this.workspace.listCorpusFiles());
    const changes: TextDocumentEdit[] = [];
    let blocks = 0;
    let sliceStart = Date.now();
    for (const [i, uri] of uris.entries()) {
      if (token?.isCancellationRequested) throw new CancelledError();
      const open = this.workspace.getOpenDocument(uri);
      const text = open ? open.getText() : await this.workspace.readText(uri);
      if (text === undefined) continue;
      const settings = await this.getSettings(uri);
      const a = open ? this.analyseWith(open, settings, token) : this.analyseUncached(uri, -1, text, settings, token);
      const active = activeChromeBlocks(a, settings, this.ignores);
      if (active.length) {
        blocks += active.length;
        const annotationId = opts.needsConfirmation ? 'seedReview.stripChrome' : undefined;
        const edits = chromeRemovalEdits(a, active).map((e) => (annotationId ? ({ ...e, annotationId } as AnnotatedTextEdit) : e));
        changes.push({ textDocument: { uri, version: open ? open.version : null }, edits });
      }
      if ((i + 1) % 50 === 0) onProgress?.({ indexed: i + 1, total: uris.length });
      if (Date.now() - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = Date.now();
      }
    }
    const edit: WorkspaceEdit & { files: number; blocks: number } = { documentChanges: changes, files: changes.length, blocks };
    if (opts.needsConfirmation) {
      edit.changeAnnotations = {
        'seedReview.stripChrome': {
          label: 'Strip chrome',
          needsConfirmation: true,
          description: `Remove ${blocks} chrome block${blocks === 1 ? '' : 's'} from ${changes.length} seed${changes.length === 1 ? '' : 's'}`,
        },
      };
    }
    return edit;
  }

  get indexStats(): { files: number; sentences: number } {
    return { files: this.lineCounter?.fileCount ?? 0, sentences: this.sentenceLinker?.sentenceCount ?? 0 };
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
    this.indexing = true;
    this.lastPassTimes = '';
    const t0 = Date.now();
    try {
      const r = await this.buildIndex(token, onProgress);
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      this.logger.info(`indexed ${r.indexed} of ${r.total} seed files in ${secs} s${this.lastPassTimes ? ` (${this.lastPassTimes})` : ''}: ${this.indexStats.sentences} body sentences`);
      return r;
    } finally {
      this.indexing = false;
    }
  }

  private async buildIndex(token?: CancellationTokenLike, onProgress?: (p: IndexProgress) => void): Promise<IndexProgress> {
    const uris = await this.workspace.listCorpusFiles();
    const total = uris.length;
    // files that left the corpus (a folder removed, seedReview.files changed) are forgotten
    const current = new Set(uris);
    for (const uri of [...this.indexed]) if (!current.has(uri)) this.forgetFile(uri);
    let sliceStart = Date.now();
    const maybeYield = async () => {
      if (Date.now() - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = Date.now();
      }
    };
    let indexed = 0;
    const done = () => {
      indexed++;
      if (onProgress && (indexed % 100 === 0 || indexed === total)) onProgress({ indexed, total });
    };
    let remaining: readonly string[] = uris;
    if (this.parallel && total >= PARALLEL_INDEX_MIN_FILES && this.lineCounter?.setFileKeys && this.lineCounter.snapshot) {
      try {
        const left = await this.buildIndexInParallel(this.parallel, uris, token, maybeYield, done);
        if (left === null) return { indexed, total }; // cancelled
        remaining = left;
      } catch (e) {
        if (e instanceof CancelledError) throw e;
        this.logger.warn(`indexing on worker threads failed, going on in the server's thread: ${e instanceof Error ? e.message : String(e)}`);
        this.parallel = undefined;
        remaining = uris;
        indexed = 0;
      }
    }
    if (remaining.length) {
      if (this.lineCounter) {
        for (const uri of remaining) {
          if (token?.isCancellationRequested) return { indexed, total };
          const text = await this.workspace.readText(uri);
          if (text !== undefined) this.lineCounter.setFile(uri, splitLines(text).map((l) => l.text));
          await maybeYield();
        }
      }
      this.epoch++;
      for (const uri of remaining) {
        if (token?.isCancellationRequested) break;
        await this.indexFile(uri);
        done();
        await maybeYield();
      }
    }
    this.indexedOnce = true;
    this.fireChanged();
    return { indexed, total };
  }

  /**
   * The two passes of `buildIndex`, the per-file work (reading, hashing, analysing) shared
   * between the parallel indexer's threads and this one (see shareWork): this thread takes
   * every result in and does files of its own in between, a slice at a time, so requests keep
   * flowing. Open documents are done here, with the editor's text. Returns the files left to
   * do here, null when cancelled.
   */
  private async buildIndexInParallel(
    parallel: ParallelIndexer,
    uris: readonly string[],
    token: CancellationTokenLike | undefined,
    maybeYield: () => Promise<void>,
    done: () => void,
  ): Promise<string[] | null> {
    const started = Date.now();
    const counter = this.lineCounter!;
    const closed = uris.filter((u) => !this.workspace.getOpenDocument(u));
    const open = uris.filter((u) => this.workspace.getOpenDocument(u));
    const left: string[] = [];
    const cancelled = () => token?.isCancellationRequested ?? false;
    const onRemoteFailure = (e: unknown) =>
      this.logger.warn(`indexing on worker threads failed, going on in the server's thread: ${e instanceof Error ? e.message : String(e)}`);
    try {
      await shareWork<string, Float64Array | null>(closed, {
        remote: (batch) => parallel.lineKeys(batch),
        lanes: parallel.lanes,
        batch: 64,
        local: async (uri) => {
          const text = await this.workspace.readText(uri);
          return text === undefined ? null : fileLineKeys(text);
        },
        take: (uri, keys) => (keys ? counter.setFileKeys!(uri, keys) : counter.removeFile(uri)),
        pause: maybeYield,
        cancelled,
        onRemoteFailure,
      });
      if (cancelled()) return null;
      const keysDone = Date.now();
      for (const uri of open) counter.setFile(uri, splitLines(this.workspace.getOpenDocument(uri)!.getText()).map((l) => l.text));
      this.epoch++;
      const jobs: DigestJob[] = [];
      for (const uri of closed) jobs.push({ uri, maxFileSize: (await this.getSettings(uri)).maxFileSize });
      let remote = parallel.lanes > 0;
      try {
        await parallel.prepare(counter.snapshot!(true));
      } catch (e) {
        onRemoteFailure(e);
        remote = false;
      }
      await shareWork<DigestJob, FileDigest | null | 'here'>(jobs, {
        remote: (batch) => parallel.digest(batch),
        lanes: remote ? parallel.lanes : 0,
        batch: 16,
        // analysing here too made the build ~30 % faster but put hovers at 65 ms p95 and the
        // peak at 450 MB (bench, 10,000 files): this thread stays free for requests instead
        localMode: 'fallback',
        local: async (job) => {
          await this.indexFile(job.uri);
          return 'here';
        },
        take: (job, digest) => {
          if (digest === 'here') done();
          // a file opened meanwhile is done from the editor's text
          else if (digest && !this.workspace.getOpenDocument(job.uri)) {
            this.takeDigest(job.uri, digest);
            done();
          } else left.push(job.uri);
        },
        pause: maybeYield,
        cancelled,
        onRemoteFailure,
      });
      if (cancelled()) return null;
      this.lastPassTimes = `line keys ${((keysDone - started) / 1000).toFixed(1)} s, analysis ${((Date.now() - keysDone) / 1000).toFixed(1)} s on ${parallel.lanes > 0 && remote ? 'worker threads' : "the server's thread"}`;
    } finally {
      await parallel.release();
    }
    for (const uri of open) {
      if (cancelled()) return null;
      await this.indexFile(uri);
      done();
      await maybeYield();
    }
    return left;
  }

  /** how long the passes of the last parallel build took, for the log */
  private lastPassTimes = '';

  private takeDigest(uri: string, d: FileDigest): void {
    this.sentenceLinker?.setFile(uri, d.sentences);
    this.speakers.setFileEntries(uri, d.speakers);
    this.indexed.add(uri);
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
      this.sentenceLinker?.setFile(uri, open ? bodySentences(a) : bodySentences(a).map(detached));
      this.speakers.setFile(uri, a);
      this.indexed.add(uri);
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      this.logger.warn(`could not index ${uri}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private forgetFile(uri: string): void {
    this.pendingReindex.delete(uri);
    this.indexed.delete(uri);
    this.lineCounter?.removeFile(uri);
    this.sentenceLinker?.removeFile(uri);
    this.speakers.removeFile(uri);
    this.cache.delete(uri);
    this.linkCache.delete(uri);
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
