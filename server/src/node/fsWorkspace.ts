import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Disposable, FileChange, SeedWorkspace } from '../service/workspace';
import { readSeedText } from './readSeedFile';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'out', '.cache']);

export interface WorkspaceFolderSpec {
  /** absolute folder path */
  path: string;
  /** globs relative to the folder (seedReview.files) */
  patterns: string[];
}

/** Walks a folder for files whose relative path matches, skipping VCS and dependency folders. */
export async function walkFolder(root: string, accept: (rel: string) => boolean, out: string[] = []): Promise<string[]> {
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) stack.push(full);
      } else if (e.isFile()) {
        const rel = path.relative(root, full).split(path.sep).join('/');
        if (accept(rel)) out.push(full);
      }
    }
  }
  return out;
}

interface MatchedFolder {
  spec: WorkspaceFolderSpec;
  match: (rel: string) => boolean;
}

/**
 * The editor's workspace for the service: open documents from the LSP document manager, and
 * the corpus files on disk under the workspace folders, matched by `seedReview.files`.
 */
export class FsWorkspace implements SeedWorkspace {
  private folders: MatchedFolder[] = [];
  private known: Set<string> | null = null;
  private readonly listeners = new Set<(changes: readonly FileChange[]) => void>();

  constructor(
    folders: WorkspaceFolderSpec[],
    private readonly openDocument: (uri: string) => TextDocument | undefined,
  ) {
    this.setFolders(folders);
  }

  setFolders(folders: WorkspaceFolderSpec[]): void {
    this.folders = folders.map((spec) => ({ spec, match: picomatch(spec.patterns, { dot: false, nocase: process.platform === 'win32' }) }));
    this.known = null;
  }

  private relativeIn(filePath: string): { folder: MatchedFolder; rel: string } | undefined {
    for (const f of this.folders) {
      const rel = path.relative(f.spec.path, filePath);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { folder: f, rel: rel.split(path.sep).join('/') };
    }
    return undefined;
  }

  isCorpusFile(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const hit = this.relativeIn(fileURLToPath(uri));
    return !!hit && hit.folder.match(hit.rel);
  }

  async listCorpusFiles(): Promise<string[]> {
    if (!this.known) {
      const all: string[] = [];
      for (const f of this.folders) await walkFolder(f.spec.path, f.match, all);
      this.known = new Set(all.map((p) => pathToFileURL(p).toString()));
    }
    return [...this.known].sort();
  }

  getOpenDocument(uri: string): TextDocument | undefined {
    return this.openDocument(uri);
  }

  async readText(uri: string): Promise<string | undefined> {
    const open = this.openDocument(uri);
    if (open) return open.getText();
    return readSeedText(uri);
  }

  onDidChangeFiles(listener: (changes: readonly FileChange[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Changes reported by the client's file watcher (workspace/didChangeWatchedFiles). */
  filesChanged(changes: FileChange[]): void {
    const relevant = changes.filter((c) => c.kind === 'deleted' ? this.known?.has(c.uri) ?? this.isCorpusFile(c.uri) : this.isCorpusFile(c.uri));
    if (!relevant.length) return;
    for (const c of relevant) {
      if (c.kind === 'deleted') this.known?.delete(c.uri);
      else this.known?.add(c.uri);
    }
    for (const l of this.listeners) l(relevant);
  }
}
