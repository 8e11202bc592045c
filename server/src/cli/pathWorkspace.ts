import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
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
 * contributes every `*.txt` below it (hidden folders, node_modules and out/ skipped), in sorted
 * order. A missing path, or a folder holding no `.txt` file, is a usage error.
 */
export async function resolvePaths(paths: readonly string[]): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    let st: import('node:fs').Stats;
    try {
      st = await fs.stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR' ? `${p}: no such file or folder` : `${p}: cannot access (${code ?? (e as Error).message})`);
    }
    const add = (abs: string, display: string) => {
      if (seen.has(abs)) return;
      seen.add(abs);
      out.push({ uri: pathToFileURL(abs).toString(), displayPath: display, absPath: abs });
    };
    if (st.isDirectory()) {
      const found = await walkFolder(path.resolve(p), (rel) => rel.toLowerCase().endsWith('.txt'));
      if (!found.length) throw new UsageError(`${p}: no .txt files in this folder`);
      found.sort();
      for (const abs of found) add(abs, path.join(p, path.relative(path.resolve(p), abs)));
    } else {
      add(path.resolve(p), p);
    }
  }
  return out;
}

/**
 * The files a command checks when given no path: those the extension treats as the corpus,
 * the `seedReview.files` globs (by default every .txt below a `seeds` folder) matched below the current folder.
 */
export async function defaultFiles(cwd: string, patterns: readonly string[]): Promise<CorpusFile[]> {
  const match = picomatch([...patterns], { dot: false, nocase: process.platform === 'win32' });
  const found = await walkFolder(cwd, (rel) => match(rel));
  found.sort();
  return found.map((abs) => ({ uri: pathToFileURL(abs).toString(), displayPath: path.relative(cwd, abs), absPath: abs }));
}
