import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IgnoreFilter } from '../service/features/diagnostics';
import { IGNORE_FILE_NAME, IgnoreFile } from '../node/ignoreFile';

/**
 * `.seedreview.json` ignores for a CLI run: for each file, the nearest `.seedreview.json` in
 * the folders above it; when none, the one in the current folder (if any). Lookups are
 * memoised per folder, so a large corpus costs one `exists` per folder.
 */
export class NearestIgnoreFiles implements IgnoreFilter {
  private readonly byDir = new Map<string, IgnoreFile | null>();
  private readonly loaded = new Map<string, IgnoreFile>();
  private cwdFile: IgnoreFile | null | undefined;
  /** the last file asked about (diagnostics ask once per chrome block of the same file) */
  private last: { file: string; found: IgnoreFile | null } | undefined;

  constructor(
    private readonly cwd: string,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  private load(root: string): IgnoreFile {
    let f = this.loaded.get(root);
    if (!f) {
      f = new IgnoreFile(root);
      const problem = f.load();
      if (problem) this.warn(problem);
      this.loaded.set(root, f);
    }
    return f;
  }

  private nearest(dir: string): IgnoreFile | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: IgnoreFile | null;
    if (existsSync(path.join(dir, IGNORE_FILE_NAME))) found = this.load(dir);
    else {
      const parent = path.dirname(dir);
      found = parent === dir ? null : this.nearest(parent);
    }
    this.byDir.set(dir, found);
    return found;
  }

  /** The ignore file in force for a file (absolute path or file: URI), or null. */
  forFile(fileOrUri: string): IgnoreFile | null {
    if (this.last?.file === fileOrUri) return this.last.found;
    const found = this.lookUp(fileOrUri);
    this.last = { file: fileOrUri, found };
    return found;
  }

  /** Tells the file's path before its uri is asked about (saves turning the uri into a path). */
  prime(uri: string, absPath: string): void {
    if (this.last?.file !== uri) this.last = { file: uri, found: this.lookUp(absPath) };
  }

  private lookUp(fileOrUri: string): IgnoreFile | null {
    const p = fileOrUri.startsWith('file:') ? fileURLToPath(fileOrUri) : fileOrUri;
    const found = this.nearest(path.dirname(path.resolve(p)));
    if (found) return found;
    if (this.cwdFile === undefined) this.cwdFile = existsSync(path.join(this.cwd, IGNORE_FILE_NAME)) ? this.load(this.cwd) : null;
    return this.cwdFile;
  }

  isIgnored(uri: string, code: string, hash: string): boolean {
    return this.forFile(uri)?.isIgnored(uri, code, hash) ?? false;
  }
}
