import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface Disposable {
  dispose(): void;
}

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
  uri: string;
  kind: FileChangeKind;
}

/**
 * Everything that spans files goes through this interface: the editor's open documents plus
 * the corpus files on disk. The server implements it over LSP and the file system, the CLI
 * over a directory walk, tests in memory.
 */
export interface SeedWorkspace {
  /** every corpus file, open or not */
  listCorpusFiles(): Promise<string[]>;
  /** the open document, if the editor has it open */
  getOpenDocument(uri: string): TextDocument | undefined;
  /** the current text: the open document's, else the file's on disk; undefined if unreadable */
  readText(uri: string): Promise<string | undefined>;
  /** whether a uri belongs to the corpus */
  isCorpusFile(uri: string): boolean;
  /** files created, changed or deleted on disk (not edits of open documents) */
  onDidChangeFiles(listener: (changes: readonly FileChange[]) => void): Disposable;
}

/** A workspace held in memory, for tests and for callers that already have the texts. */
export class InMemoryWorkspace implements SeedWorkspace {
  private readonly files = new Map<string, string>();
  private readonly open = new Map<string, TextDocument>();
  private readonly listeners = new Set<(changes: readonly FileChange[]) => void>();

  constructor(files: Record<string, string> = {}) {
    for (const [uri, text] of Object.entries(files)) this.files.set(uri, text);
  }

  async listCorpusFiles(): Promise<string[]> {
    return [...new Set([...this.files.keys(), ...this.open.keys()])].sort();
  }

  getOpenDocument(uri: string): TextDocument | undefined {
    return this.open.get(uri);
  }

  async readText(uri: string): Promise<string | undefined> {
    return this.open.get(uri)?.getText() ?? this.files.get(uri);
  }

  isCorpusFile(uri: string): boolean {
    return this.files.has(uri) || this.open.has(uri);
  }

  onDidChangeFiles(listener: (changes: readonly FileChange[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  openDocument(doc: TextDocument): void {
    this.open.set(doc.uri, doc);
  }

  closeDocument(uri: string): void {
    this.open.delete(uri);
  }

  /** Simulates a change on disk and tells the listeners. */
  writeFile(uri: string, text: string): void {
    const kind: FileChangeKind = this.files.has(uri) ? 'changed' : 'created';
    this.files.set(uri, text);
    this.fire([{ uri, kind }]);
  }

  deleteFile(uri: string): void {
    if (this.files.delete(uri)) this.fire([{ uri, kind: 'deleted' }]);
  }

  renameFile(from: string, to: string): void {
    const text = this.files.get(from);
    if (text === undefined) return;
    this.files.delete(from);
    this.files.set(to, text);
    this.fire([
      { uri: from, kind: 'deleted' },
      { uri: to, kind: 'created' },
    ]);
  }

  private fire(changes: FileChange[]): void {
    for (const l of this.listeners) l(changes);
  }
}
