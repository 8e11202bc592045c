import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IgnoreFilter } from '../service/features/diagnostics';

/** One "ignore here" entry of .seedreview.json: a finding anchored by the hash of its lines. */
export interface IgnoreEntry {
  /** path relative to the folder holding .seedreview.json, with forward slashes */
  file?: string;
  code: string;
  hash: string;
}

export const IGNORE_FILE_NAME = '.seedreview.json';

function toPath(uriOrPath: string): string {
  return uriOrPath.startsWith('file:') ? fileURLToPath(uriOrPath) : uriOrPath;
}

/**
 * The ignores kept in `.seedreview.json` at a workspace root. An entry matches a finding with
 * the same rule code and content hash, in the same file (or any file when `file` is absent), so it
 * survives edits elsewhere in the file.
 */
export class IgnoreFile implements IgnoreFilter {
  private entries: IgnoreEntry[] = [];
  readonly filePath: string;

  constructor(readonly root: string) {
    this.filePath = path.join(root, IGNORE_FILE_NAME);
  }

  /** Loads the file; a missing file means no ignores; a broken one is reported and treated as empty. */
  load(): string | null {
    try {
      const raw = JSON.parse(readFileSync(this.filePath, 'utf8')) as { ignore?: unknown };
      this.entries = Array.isArray(raw.ignore)
        ? raw.ignore.filter((e): e is IgnoreEntry => !!e && typeof e.code === 'string' && typeof e.hash === 'string')
        : [];
      return null;
    } catch (e) {
      this.entries = [];
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return `${this.filePath}: ignored, not valid JSON (${(e as Error).message})`;
    }
  }

  get size(): number {
    return this.entries.length;
  }

  private relative(uriOrPath: string): string {
    return path.relative(this.root, toPath(uriOrPath)).split(path.sep).join('/');
  }

  isIgnored(uri: string, code: string, hash: string): boolean {
    if (!this.entries.length) return false;
    const rel = this.relative(uri);
    return this.entries.some((e) => e.code === code && e.hash === hash && (!e.file || e.file === rel));
  }

  /** Adds an entry and writes the file (keeping any other keys it holds). */
  async add(uri: string, code: string, hash: string): Promise<void> {
    let raw: Record<string, unknown> = {};
    try {
      raw = JSON.parse(await fs.readFile(this.filePath, 'utf8')) as Record<string, unknown>;
    } catch {
      raw = {};
    }
    const list = Array.isArray(raw.ignore) ? (raw.ignore as IgnoreEntry[]) : [];
    const entry: IgnoreEntry = { file: this.relative(uri), code, hash };
    if (!list.some((e) => e.file === entry.file && e.code === code && e.hash === hash)) list.push(entry);
    raw.ignore = list;
    const tmp = `${this.filePath}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(raw, null, 2) + '\n');
    await fs.rename(tmp, this.filePath);
    this.load();
  }
}

/** Several roots (workspace folders): a finding is ignored when the root that holds its file says so. */
export class IgnoreFiles implements IgnoreFilter {
  constructor(readonly files: IgnoreFile[]) {}

  forUri(uri: string): IgnoreFile | undefined {
    const p = toPath(uri);
    return this.files
      .filter((f) => p === f.root || p.startsWith(f.root.endsWith(path.sep) ? f.root : f.root + path.sep))
      .sort((a, b) => b.root.length - a.root.length)[0];
  }

  isIgnored(uri: string, code: string, hash: string): boolean {
    return this.forUri(uri)?.isIgnored(uri, code, hash) ?? false;
  }
}
