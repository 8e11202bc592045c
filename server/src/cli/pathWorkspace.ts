import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Disposable, FileChange, SeedWorkspace } from '../service/workspace';
import { readSeedFile, type SeedFileContent } from '../node/readSeedFile';
import { walkFolder } from '../node/fsWorkspace';

export class UsageError extends Error {}

export interface CorpusFile {
  uri: string;
  /** the path as the user gave it, or as found below a folder they gave */
  displayPath: string;
  absPath: string;
}

/**
 * Resolves the command line's paths to files: a file is taken whatever its name, a folder
 * contributes every `*.txt` below it. A missing path is a usage error.
 */
export async function resolvePaths(paths: readonly string[]): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    let st: import('node:fs').Stats;
    try {
      st = await fs.stat(p);
    } catch {
      throw new UsageError(`${p}: no such file or folder`);
    }
    const add = (abs: string, display: string) => {
      if (seen.has(abs)) return;
      seen.add(abs);
      out.push({ uri: pathToFileURL(abs).toString(), displayPath: display, absPath: abs });
    };
    if (st.isDirectory()) {
      const found = await walkFolder(path.resolve(p), (rel) => rel.toLowerCase().endsWith('.txt'));
      found.sort();
      for (const abs of found) add(abs, path.join(p, path.relative(path.resolve(p), abs)));
    } else {
      add(path.resolve(p), p);
    }
  }
  return out;
}

/** The CLI's workspace: the files given on the command line, read from disk. */
export class PathWorkspace implements SeedWorkspace {
  private readonly byUri = new Map<string, CorpusFile>();
  /** why files were skipped (binary, unreadable), reported once each */
  readonly problems = new Map<string, string>();
  readonly contents = new Map<string, Pick<SeedFileContent, 'bom' | 'invalidUtf8'>>();

  constructor(readonly files: CorpusFile[]) {
    for (const f of files) this.byUri.set(f.uri, f);
  }

  file(uri: string): CorpusFile | undefined {
    return this.byUri.get(uri);
  }

  async listCorpusFiles(): Promise<string[]> {
    return this.files.map((f) => f.uri);
  }

  getOpenDocument(): TextDocument | undefined {
    return undefined;
  }

  async read(uri: string): Promise<SeedFileContent | undefined> {
    const f = this.byUri.get(uri);
    if (!f) return undefined;
    const r = await readSeedFile(f.absPath);
    if (!r.ok) {
      this.problems.set(uri, r.message.replace(f.absPath, f.displayPath));
      return undefined;
    }
    this.contents.set(uri, { bom: r.content.bom, invalidUtf8: r.content.invalidUtf8 });
    return r.content;
  }

  async readText(uri: string): Promise<string | undefined> {
    return (await this.read(uri))?.text;
  }

  isCorpusFile(uri: string): boolean {
    return this.byUri.has(uri);
  }

  onDidChangeFiles(_listener: (changes: readonly FileChange[]) => void): Disposable {
    return { dispose() {} };
  }
}
