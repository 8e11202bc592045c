import * as path from 'node:path';
import { parseCommandArgs } from '../args';
import { runCorpus } from '../corpusRun';
import { UsageError } from '../pathWorkspace';
import { writeOut } from '../terminal';
import { mirrorTargets, writeFileAtomic, writeMirrored } from '../writeFiles';
import type { StripOutcome } from '../fileTasks';
import { analysedOutcomes, setUp, type SkipTally } from './setup';

export const STRIP_HELP = `Usage: seed-review strip PATH... [--write | --out DIR] [--dry-run] [options]

Removes the page chrome the extension flags (the same lines its "Remove all chrome" fix-all
removes, byte for byte) and collapses the blank lines that leaves doubled. Nothing else
changes: line breaks (LF/CRLF) and a byte-order mark are kept. Rules turned off (--rule,
--config) and findings ignored in .seedreview.json are kept in the text.

  seed-review strip FILE            print FILE without its chrome (one file only)
  seed-review strip PATH... --write rewrite the files in place, atomically
  seed-review strip PATH... --out DIR
                                    write the stripped files into DIR, mirroring their
                                    paths relative to the current folder
  --dry-run                         list per file what would go (line ranges, rule codes);
                                    changes nothing

All files given form the corpus (lines recurring across them are site template).
Options: --config FILE, --rule CODE=SEVERITY, -j/--jobs N, --debug (see seed-review --help).
Exit status: 0 success, 2 usage or I/O error.`;

function ranges(lines: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (last && last[1] === l - 1) last[1] = l;
    else out.push([l, l]);
  }
  return out;
}

/** The dry-run report of one file: what would go, as 1-based line ranges with their rule codes. */
export function formatDryRun(displayPath: string, s: StripOutcome): string {
  if (!s.deleted.length) return `${displayPath}: nothing to remove\n`;
  const where = (a: number, b: number) => (a === b ? `${a + 1}` : `${a + 1}-${b + 1}`);
  const inBlock = new Set<number>();
  for (const b of s.blocks) for (let i = b.startLine; i <= b.endLine; i++) inBlock.add(i);
  const blanks = s.deleted.filter((l) => !inBlock.has(l));
  let out = `${displayPath}: ${s.deleted.length} of ${s.lineCount} lines would go\n`;
  for (const b of s.blocks) out += `  ${where(b.startLine, b.endLine).padEnd(9)} ${b.code}\n`;
  if (blanks.length) out += `  ${ranges(blanks).map(([a, b]) => where(a, b)).join(', ')}: blank line${blanks.length === 1 ? '' : 's'} left doubled\n`;
  return out;
}

function ioReason(e: NodeJS.ErrnoException): string {
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'a parent is not a folder',
    EISDIR: 'is a folder',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
    EEXIST: 'already exists',
  };
  return (e.code && reasons[e.code]) ?? e.code ?? e.message;
}

export async function stripCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    write: { type: 'boolean', short: 'w' },
    out: { type: 'string', short: 'o' },
    'dry-run': { type: 'boolean', short: 'n' },
  });
  if (values.write && values.out !== undefined) throw new UsageError('--write and --out exclude each other');
  if (values.out === '') throw new UsageError('--out needs a folder');
  const s = await setUp(values, positionals, { pathsRequired: true });
  const dryRun = !!values['dry-run'];
  const toStdout = !values.write && values.out === undefined;
  if (toStdout && !dryRun && s.files.length > 1) {
    throw new UsageError(`${s.files.length} files given: strip prints one file; use --write to rewrite them or --out DIR to copy them`);
  }
  const targets = values.out !== undefined ? mirrorTargets(s.files.map((f) => f.absPath), s.cwd, values.out) : null;
  if (targets) {
    targets.forEach((t, i) => {
      if (path.resolve(t) === path.resolve(s.files[i].absPath)) throw new UsageError(`--out ${values.out} would overwrite ${s.files[i].displayPath}; use --write to rewrite in place`);
    });
  }

  const tally: SkipTally = { ioError: false };
  let changed = 0;
  let removedLines = 0;
  let written = 0;
  let failedWrites = 0;
  for await (const { file, r } of analysedOutcomes(s, runCorpus(s.files, { ...s.runOptions, mode: 'strip', stripOutput: !dryRun }), tally)) {
    const st = r.strip!;
    if (!st.textLevel && st.deleted.length) s.warn(`${file.displayPath}: lines removed from the raw bytes; the invalid UTF-8 sequences are kept as they were`);
    if (st.deleted.length) changed++;
    removedLines += st.deleted.length;
    if (dryRun) {
      s.progress.clear();
      await writeOut(formatDryRun(file.displayPath, st));
      continue;
    }
    const bytes = st.output!;
    try {
      if (toStdout) await writeOut(bytes);
      else if (targets) {
        writeMirrored(targets[r.i], bytes);
        written++;
      } else if (st.deleted.length) {
        writeFileAtomic(file.absPath, bytes);
        written++;
      }
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      s.warn(`${targets ? path.relative(s.cwd, targets[r.i]) : file.displayPath}: cannot write (${ioReason(err)})`);
      tally.ioError = true;
      failedWrites++;
    }
  }
  s.progress.clear();
  if (!toStdout && !dryRun) {
    const where = targets ? ` into ${values.out}` : ' in place';
    const failed = failedWrites ? `; ${failedWrites} could not be written` : '';
    process.stderr.write(`seed-review: chrome in ${changed} of ${s.files.length} files (${removedLines} lines); ${written} files written${where}${failed}\n`);
  }
  return tally.ioError ? 2 : 0;
}
