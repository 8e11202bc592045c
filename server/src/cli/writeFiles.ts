import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Replaces a file whole: the bytes go to a temporary file in the same folder, are flushed to
 * disk, and the temporary file is renamed over the target (atomic on one file system). A crash
 * leaves either the old file or the new one, never half of one; the temporary file is removed
 * on failure. The file's permission bits are kept.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  let fd = -1;
  try {
    fd = openSync(tmp, 'wx', mode ?? 0o644);
    let o = 0;
    while (o < bytes.length) o += writeSync(fd, bytes, o, bytes.length - o);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, target);
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw e;
  }
}

/** Writes a file into a mirror folder, creating its folders. */
export function writeMirrored(target: string, bytes: Uint8Array): void {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileAtomic(target, bytes);
}

/** The longest folder that holds every path. */
function commonFolder(paths: readonly string[]): string {
  if (!paths.length) return path.sep;
  let parts = path.dirname(paths[0]).split(path.sep);
  for (const p of paths.slice(1)) {
    const q = path.dirname(p).split(path.sep);
    let k = 0;
    while (k < parts.length && k < q.length && parts[k] === q[k]) k++;
    parts = parts.slice(0, k);
  }
  return parts.join(path.sep) || path.sep;
}

/**
 * Where each file goes under `--out DIR`: its path relative to the current folder, or, when some
 * file lies outside it, relative to the folder that holds them all.
 */
export function mirrorTargets(absPaths: readonly string[], cwd: string, outDir: string): string[] {
  const outside = absPaths.some((p) => {
    const rel = path.relative(cwd, p);
    return rel.startsWith('..') || path.isAbsolute(rel);
  });
  const base = outside ? commonFolder(absPaths) : cwd;
  const root = path.resolve(cwd, outDir);
  return absPaths.map((p) => path.join(root, path.relative(base, p)));
}
